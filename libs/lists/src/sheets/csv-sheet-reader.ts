// A .csv sheet (RFC 4180; UTF-8, or GB18030 as Excel saves CSV on Chinese Windows), decoded and
// parsed in slices: rows go to the collector as they end, so the row cap stops the reading there.
import { isUtf8 } from 'node:buffer';
import type { SheetLimits } from './sheet-limits';
import { MAX_COLUMNS, SheetRowCollector, type Sheet } from './sheet-rows';

const SLICE_BYTES = 64 * 1024;

export function readCsvSheet(content: Buffer, limits: SheetLimits, field: string): Sheet {
  const collector = new SheetRowCollector(limits.maxRows, field);
  const decoder = new TextDecoder(isUtf8(content) ? 'utf-8' : 'gb18030');
  const parser = new CsvParser((row, cells) => collector.add(row, cells));
  for (let offset = 0; offset < content.length; offset += SLICE_BYTES)
    parser.push(decoder.decode(content.subarray(offset, offset + SLICE_BYTES), { stream: true }));
  parser.push(decoder.decode());
  parser.end();
  return collector.sheet();
}

/**
 * RFC 4180 as text arrives: quoted fields may hold commas, quotes ("") and line breaks; records end
 * with CRLF or LF (a CR and its LF may arrive in two slices). Each record goes to `onRow` with its
 * number from 1; fields past MAX_COLUMNS are dropped.
 */
export class CsvParser {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** the last character was a quote inside a quoted field: the next decides (escaped "" or the end) */
  private quotePending = false;
  /** the last character ended a record with CR: a LF right after belongs to it */
  private afterCr = false;
  private rowNumber = 0;

  constructor(private readonly onRow: (row: number, cells: string[]) => void) {}

  push(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (c === '"') this.quotePending = true;
        else this.field += c;
      } else if (c === '"' && this.field === '') this.quoted = true;
      else if (c === ',') this.endField();
      else if (c === '\n' || c === '\r') {
        this.endField();
        this.endRow();
        this.afterCr = c === '\r';
      } else this.field += c;
    }
  }

  end(): void {
    if (this.quotePending) this.quoted = false;
    if (this.field !== '' || this.row.length > 0) {
      this.endField();
      this.endRow();
    }
  }

  private endField(): void {
    if (this.row.length < MAX_COLUMNS) this.row.push(this.field);
    this.field = '';
  }

  private endRow(): void {
    const cells = this.row;
    this.row = [];
    this.onRow(++this.rowNumber, cells);
  }
}
