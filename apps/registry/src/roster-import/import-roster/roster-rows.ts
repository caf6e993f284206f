// What a roster reader hands on, row by row as the file streams: the header (row 1), and the data rows
// that hold something, with their spreadsheet row numbers. The row cap is applied here, as rows
// arrive, so that reading stops at the first row past it.
import type { Cell } from '../domain/roster-columns';
import { RosterTooLarge } from '../domain/roster-import.errors';

/** Only this many columns of a row are kept: a roster has twelve, and a row must not grow without end. */
export const MAX_COLUMNS = 64;

export interface RosterRow {
  /** the spreadsheet's own row number (header = 1) */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export interface RosterSheet {
  readonly header: readonly Cell[];
  readonly rows: readonly RosterRow[];
}

export class RosterRowCollector {
  private header: readonly Cell[] = [];
  private readonly rows: RosterRow[] = [];

  constructor(
    private readonly maxRows: number,
    /** the payload field the file came in, for the error */
    private readonly field: string,
  ) {}

  /** One row of the file; throws ROSTER.TOO_LARGE at the first data row past the cap. */
  add(row: number, cells: readonly Cell[]): void {
    if (row === 1) {
      this.header = cells;
      return;
    }
    // empty rows are not part of the roster
    if (!cells.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '')) return;
    if (this.rows.length >= this.maxRows)
      throw new RosterTooLarge({
        field: this.field,
        limit: this.maxRows,
        actual: this.rows.length + 1,
        unit: 'rows',
      });
    this.rows.push({ row, cells });
  }

  sheet(): RosterSheet {
    return { header: this.header, rows: this.rows };
  }
}
