// What reading an .xlsx sheet needs from the rest of the workbook (ECMA-376 part 1, SpreadsheetML):
// where the first sheet is (the workbook and its relationships), whether dates count from 1904, which
// cell styles show a date, and the shared strings. Each part streams through the bounded zip.
import type { BoundedZip } from './bounded-zip';
import { parseXml } from './xml-stream';

export interface WorkbookParts {
  /** the archive path of the first sheet */
  readonly sheet: string;
  readonly sharedStrings?: string;
  readonly styles?: string;
  /** Mac Excel's old date system: serial 0 is 1904-01-01 */
  readonly date1904: boolean;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

export async function workbookParts(zip: BoundedZip): Promise<WorkbookParts> {
  // the package's relationships say where the workbook is; nearly always xl/workbook.xml
  const root = zip.has('_rels/.rels') ? await relationships(zip, '_rels/.rels', '') : [];
  const workbook = root.find((r) => r.type === 'officeDocument')?.target ?? DEFAULT_WORKBOOK;
  if (!zip.has(workbook)) throw new Error(`not an .xlsx workbook: there is no ${workbook}`);

  let firstSheetId: string | undefined;
  let date1904 = false;
  await parseXml(zip.text(workbook), {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      else if (name === 'sheet' && firstSheetId === undefined) firstSheetId = relationshipIdOf(attributes);
    },
  });
  const rels = relsPathOf(workbook);
  const parts = zip.has(rels) ? await relationships(zip, rels, directoryOf(workbook)) : [];
  const sheet = parts.find((r) => r.id === firstSheetId && r.type === 'worksheet')?.target;
  if (!sheet || !zip.has(sheet)) throw new Error('the workbook has no first worksheet');
  const part = (type: string) => parts.find((r) => r.type === type && zip.has(r.target))?.target;
  return { sheet, sharedStrings: part('sharedStrings'), styles: part('styles'), date1904 };
}

interface Relationship {
  readonly id: string;
  /** the last segment of the relationship type URI: `worksheet`, `sharedStrings`, `styles`, … */
  readonly type: string;
  /** the archive path it points to */
  readonly target: string;
}

async function relationships(zip: BoundedZip, path: string, base: string): Promise<Relationship[]> {
  const found: Relationship[] = [];
  await parseXml(zip.text(path), {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes.Target || attributes.TargetMode === 'External') return;
      found.push({
        id: attributes.Id ?? '',
        type: (attributes.Type ?? '').split('/').pop() ?? '',
        target: resolvePath(base, attributes.Target),
      });
    },
  });
  return found;
}

/** `<sheet r:id="rId1">`: the relationships namespace's prefix is the writer's choice. */
function relationshipIdOf(attributes: Readonly<Record<string, string>>): string | undefined {
  const key = Object.keys(attributes).find((name) => name.endsWith(':id'));
  return key === undefined ? undefined : attributes[key];
}

const directoryOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsPathOf = (path: string) =>
  `${directoryOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

/** A relationship target: absolute (`/xl/…`) or relative to the part's folder, with `.` and `..`. */
function resolvePath(base: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

// ---- styles: which cell styles show a number as a date ------------------------------------------

/** Built-in number formats that show dates or times, including the Chinese locale's (27–36, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code shows a date when, outside quoted text, escapes and [..] sections, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const firstSection = code.split(';')[0] ?? '';
  const bare = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
  return /[dmyhs]/i.test(bare);
}

/** For each cell style (the `s` of a cell), whether it shows a date. */
export async function dateStyles(zip: BoundedZip, path: string): Promise<boolean[]> {
  const customFormats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parseXml(zip.text(path), {
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const custom = customFormats.get(id);
        styles.push(custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

// ---- shared strings ----------------------------------------------------------------------------------

/** The shared string table: each `<si>`'s text runs joined, without phonetic guides (`<rPh>`). */
export async function sharedStrings(zip: BoundedZip, path: string): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await parseXml(zip.text(path), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(unescapeXlsx(current));
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

/** `_x000D_`-style escapes of characters XML 1.0 cannot hold (ST_Xstring, ECMA-376 §22.9.2.19). */
export function unescapeXlsx(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---- dates -------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

/**
 * An Excel date serial as a UTC date. Serial 1 is 1900-01-01, and Excel counts a 29 February 1900
 * that never was (serial 60): from serial 61 on, day 0 is 1899-12-30. In the 1904 system serial 0 is
 * 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(EXCEL_DAY_ZERO + Math.round(days * DAY_MS));
}
