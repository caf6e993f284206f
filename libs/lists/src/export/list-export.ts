// The export of a list: the same filtered, sorted rows as its pages, as .xlsx (two header rows: the
// column titles in Chinese, then in English) or JSON (`{"columns":[{key,zh,en}],"rows":[…]}`),
// streamed chunk by chunk.
import type { ListColumn, ListDefinition } from '../list-definition';
import type { ListRow } from '../list-query';
import { XLSX_CONTENT_TYPE, xlsxStream, xlsxWorkbookStream, type Cell } from './xlsx-stream';

export type ExportFormat = 'xlsx' | 'json';

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: XLSX_CONTENT_TYPE,
  json: 'application/json; charset=utf-8',
};

export interface ExportedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: AsyncIterable<Uint8Array>;
}

/** how a row's value becomes a cell: arrays joined with '、', dates as ISO text */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String).join('、');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function exportList<C extends string, F extends string>(
  definition: ListDefinition<C, F>,
  rows: AsyncIterable<ListRow<C>[]>,
  options: { readonly format: ExportFormat; readonly baseName: string; readonly sheetName?: string },
): ExportedFile {
  const columns = (Object.entries(definition.columns) as [C, ListColumn][]).filter(
    ([, column]) => column.exported !== false,
  );
  const fileName = `${options.baseName}.${options.format}`;
  const contentType = EXPORT_CONTENT_TYPES[options.format];
  if (options.format === 'xlsx') {
    return {
      fileName,
      contentType,
      bytes: xlsxStream({
        name: options.sheetName ?? 'Sheet1',
        headerRows: [columns.map(([, c]) => c.title.zh), columns.map(([, c]) => c.title.en)],
        rows: mapChunks(rows, (row) => columns.map(([key]) => cellOf(row[key]))),
      }),
    };
  }
  return { fileName, contentType, bytes: jsonStream(columns, rows) };
}

/** One part of a report exported in sections: a list's columns and its rows, as a sheet of its own. */
export interface ExportSection {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly definition: ListDefinition<any, any>;
  readonly rows: readonly ListRow<string>[];
  /** the sheet's name (≤ 31 characters), and the section's key in JSON */
  readonly name: string;
}

/**
 * A report of several sections: .xlsx with a sheet per section (each with its two header rows), or JSON
 * `{"sections":[{"name","columns":[{key,zh,en}],"rows":[…]}]}`.
 */
export function exportSections(
  sections: readonly ExportSection[],
  options: { readonly format: ExportFormat; readonly baseName: string },
): ExportedFile {
  const fileName = `${options.baseName}.${options.format}`;
  const contentType = EXPORT_CONTENT_TYPES[options.format];
  const parts = sections.map((section) => ({
    ...section,
    columns: (Object.entries(section.definition.columns) as [string, ListColumn][]).filter(
      ([, column]) => column.exported !== false,
    ),
  }));
  if (options.format === 'xlsx') {
    return {
      fileName,
      contentType,
      bytes: xlsxWorkbookStream(
        parts.map(({ name, columns, rows }) => ({
          name,
          headerRows: [columns.map(([, c]) => c.title.zh), columns.map(([, c]) => c.title.en)],
          rows: (async function* () {
            yield rows.map((row) => columns.map(([key]) => cellOf(row[key])));
          })(),
        })),
      ),
    };
  }
  const json = JSON.stringify({
    sections: parts.map(({ name, columns, rows }) => ({
      name,
      columns: columns.map(([key, c]) => ({ key, zh: c.title.zh, en: c.title.en })),
      rows: rows.map((row) => Object.fromEntries(columns.map(([key]) => [key, row[key] ?? null]))),
    })),
  });
  return {
    fileName,
    contentType,
    bytes: (async function* () {
      yield new TextEncoder().encode(json);
    })(),
  };
}

async function* mapChunks<T, U>(chunks: AsyncIterable<T[]>, map: (item: T) => U): AsyncGenerator<U[]> {
  for await (const chunk of chunks) yield chunk.map(map);
}

async function* jsonStream<C extends string>(
  columns: readonly [C, ListColumn][],
  rows: AsyncIterable<ListRow<C>[]>,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const head = columns.map(([key, c]) => ({ key, zh: c.title.zh, en: c.title.en }));
  yield encoder.encode(`{"columns":${JSON.stringify(head)},"rows":[`);
  let first = true;
  for await (const chunk of rows) {
    const text = chunk
      .map((row) => JSON.stringify(Object.fromEntries(columns.map(([key]) => [key, row[key] ?? null]))))
      .join(',');
    if (text) {
      yield encoder.encode(first ? text : `,${text}`);
      first = false;
    }
  }
  yield encoder.encode(']}');
}
