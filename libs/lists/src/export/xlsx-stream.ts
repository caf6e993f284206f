// A streaming .xlsx writer: an Office Open XML workbook of one sheet (or several, one after the
// other: a report's sections), written as a zip (fflate) while the rows arrive, so an export of any length needs only one chunk of rows in memory. Text is
// written as inline strings (never as formulas: a cell starting with '=' stays text), numbers as
// numbers, booleans as booleans; characters XML cannot hold are dropped.
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export type Cell = string | number | boolean | null | undefined;

export interface XlsxSheet {
  /** at most 31 characters, none of : \ / ? * [ ] */
  readonly name: string;
  /** rows written in bold before the data (e.g. the column titles in Chinese, then in English) */
  readonly headerRows: readonly (readonly Cell[])[];
  readonly rows: AsyncIterable<readonly (readonly Cell[])[]>;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel's limit of characters in a cell */
const MAX_CELL_TEXT = 32_767;

const contentTypes = (count: number) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetNumbers(
  count,
)
  .map(
    (n) =>
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  )
  .join(
    '',
  )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookRels = (count: number) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNumbers(count)
  .map(
    (n) =>
      `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`,
  )
  .join(
    '',
  )}<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
// style 0: normal; style 1: bold (the header rows)
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

const sheetNumbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

const workbook = (names: readonly string[]) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
  .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
  .join('')}</sheets></workbook>`;

/** The bytes of the .xlsx, chunk by chunk, as the rows come. */
export function xlsxStream(sheet: XlsxSheet): AsyncGenerator<Uint8Array> {
  return xlsxWorkbookStream([sheet]);
}

/** A workbook of several sheets, written one after the other, each as its rows come. */
export async function* xlsxWorkbookStream(sheets: readonly XlsxSheet[]): AsyncGenerator<Uint8Array> {
  if (sheets.length === 0) throw new TypeError('a workbook needs a sheet');
  for (const sheet of sheets)
    if (!/^[^:\\/?*[\]]{1,31}$/.test(sheet.name)) throw new TypeError(`invalid sheet name '${sheet.name}'`);
  if (new Set(sheets.map((s) => s.name.toLowerCase())).size !== sheets.length)
    throw new TypeError('sheet names must differ');
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* out.splice(0);
  };
  const whole = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  whole('[Content_Types].xml', contentTypes(sheets.length));
  whole('_rels/.rels', ROOT_RELS);
  whole('xl/workbook.xml', workbook(sheets.map((s) => s.name)));
  whole('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  whole('xl/styles.xml', STYLES);
  yield* drain();

  for (const [i, sheet] of sheets.entries()) {
    const data = new ZipDeflate(`xl/worksheets/sheet${i + 1}.xml`, { level: 6 });
    zip.add(data);
    data.push(
      strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
    );
    let r = 0;
    const rowXml = (cells: readonly Cell[], style: number) => {
      r += 1;
      return `<row r="${r}">${cells.map((cell, c) => cellXml(cell, `${columnName(c)}${r}`, style)).join('')}</row>`;
    };
    data.push(strToU8(sheet.headerRows.map((cells) => rowXml(cells, 1)).join('')));
    for await (const chunk of sheet.rows) {
      data.push(strToU8(chunk.map((cells) => rowXml(cells, 0)).join('')));
      yield* drain();
    }
    data.push(strToU8('</sheetData></worksheet>'), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

function cellXml(cell: Cell, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'number' && Number.isFinite(cell)) return `<c r="${ref}"${s}><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  const text = escapeXml(String(cell).slice(0, MAX_CELL_TEXT));
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function escapeXml(text: string): string {
  return (
    text
      // characters XML 1.0 cannot hold at all
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
