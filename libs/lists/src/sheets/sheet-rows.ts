// What a sheet reader hands on, row by row as the file streams: the header (row 1), and the data rows
// that hold something, with their spreadsheet row numbers. The row cap is applied here, as rows
// arrive, so that reading stops at the first row past it.
import { SheetTooLarge } from './sheet.errors';

/** A cell as Excel shows it: text, number, boolean, date, or empty. */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** Only this many columns of a row are kept: an import sheet has a dozen, and a row must not grow without end. */
export const MAX_COLUMNS = 64;

export interface SheetRow {
  /** the spreadsheet's own row number (header = 1) */
  readonly row: number;
  readonly cells: readonly SheetCell[];
}

export interface Sheet {
  readonly header: readonly SheetCell[];
  readonly rows: readonly SheetRow[];
}

export class SheetRowCollector {
  private header: readonly SheetCell[] = [];
  private readonly rows: SheetRow[] = [];

  constructor(
    private readonly maxRows: number,
    /** the payload field the file came in, for the error */
    private readonly field: string,
  ) {}

  /** One row of the file; throws SHEET.TOO_LARGE at the first data row past the cap. */
  add(row: number, cells: readonly SheetCell[]): void {
    if (row === 1) {
      this.header = cells;
      return;
    }
    // empty rows are not part of the sheet
    if (!cells.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '')) return;
    if (this.rows.length >= this.maxRows)
      throw new SheetTooLarge({
        field: this.field,
        limit: this.maxRows,
        actual: this.rows.length + 1,
        unit: 'rows',
      });
    this.rows.push({ row, cells });
  }

  sheet(): Sheet {
    return { header: this.header, rows: this.rows };
  }
}
