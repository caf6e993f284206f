// Reads a roster file into rows of cells: .xlsx (the first sheet, with read-excel-file: pure JS) or
// .csv (RFC 4180; UTF-8, or GB18030 as Excel saves CSV on Chinese Windows).
import readXlsxFile from 'read-excel-file/node';
import type { Cell } from '../domain/roster-columns';

export type RosterFormat = 'xlsx' | 'csv';

export const formatOf = (fileName: string): RosterFormat => (/\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv');

export async function readRosterFile(content: Buffer, format: RosterFormat): Promise<Cell[][]> {
  if (format === 'xlsx') {
    const sheets = await readXlsxFile(content);
    return (sheets[0]?.data ?? []) as Cell[][];
  }
  return parseCsv(decodeText(content));
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
