// The first sheet of an .xlsx file, read as a stream: the archive through BoundedZip (caps on what
// it inflates and by how much), the sheet's XML through a SAX pass, rows handed to the collector as
// they close (which stops at the row cap). Cells read as Excel shows them: shared and inline strings,
// numbers (an ID number typed as a number stays a number, for the columns to name), booleans, and
// numbers in a date style as dates.
import { BoundedZip } from './bounded-zip';
import type { SheetLimits } from './sheet-limits';
import { MAX_COLUMNS, SheetRowCollector, type SheetCell, type Sheet } from './sheet-rows';
import { dateStyles, excelSerialToDate, sharedStrings, unescapeXlsx, workbookParts } from './xlsx-workbook';
import { parseXml } from './xml-stream';

export async function readXlsxSheet(content: Buffer, limits: SheetLimits, field: string): Promise<Sheet> {
  const zip = await BoundedZip.open(content, limits, field);
  try {
    const parts = await workbookParts(zip);
    const context: CellContext = {
      shared: parts.sharedStrings ? await sharedStrings(zip, parts.sharedStrings) : [],
      dateStyles: parts.styles ? await dateStyles(zip, parts.styles) : [],
      date1904: parts.date1904,
    };
    const collector = new SheetRowCollector(limits.maxRows, field);
    await readSheet(zip, parts.sheet, context, collector);
    return collector.sheet();
  } finally {
    zip.close();
  }
}

interface CellContext {
  readonly shared: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** `<row r="5"><c r="B5" t="s" s="2"><v>7</v></c>…</row>`; rows and cells without `r` follow the previous. */
async function readSheet(
  zip: BoundedZip,
  path: string,
  context: CellContext,
  collector: SheetRowCollector,
): Promise<void> {
  let rowNumber = 0;
  let cells: SheetCell[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let hasValue = false;
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  await parseXml(zip.text(path), {
    open(name, attributes) {
      switch (name) {
        case 'row':
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        case 'c':
          column = attributes.r ? columnIndexOf(attributes.r) : column + 1;
          type = attributes.t ?? 'n';
          style = attributes.s ? Number(attributes.s) : 0;
          value = '';
          hasValue = false;
          break;
        case 'v':
          inValue = hasValue = true;
          break;
        case 'is':
          inInline = hasValue = true;
          break;
        case 't':
          if (inInline && !inPhonetic) inValue = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          if (column >= 0 && column < MAX_COLUMNS)
            cells[column] = cellValue(type, style, hasValue ? value : undefined, context);
          break;
        case 'row':
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          collector.add(rowNumber, cells);
          break;
      }
    },
    text(text) {
      if (inValue) value += text;
    },
  });
}

/** `C5` → 2, `AB12` → 27. */
function columnIndexOf(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function cellValue(type: string, style: number, value: string | undefined, context: CellContext): SheetCell {
  if (value === undefined || value === '') return null;
  switch (type) {
    case 's': {
      const text = context.shared[Number(value)];
      if (text === undefined)
        throw new Error(`a cell refers to shared string ${value}, which does not exist`);
      return text;
    }
    case 'inlineStr':
    case 'str':
      return unescapeXlsx(value);
    case 'b':
      return value === '1' ? true : value === '0' ? false : value;
    case 'd': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    case 'e':
      // an error value (#N/A, #REF!): its text, for the row's checks to refuse
      return value;
    default: {
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      return context.dateStyles[style] ? excelSerialToDate(number, context.date1904) : number;
    }
  }
}
