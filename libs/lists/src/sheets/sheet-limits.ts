// The caps a sheet is read within: what an .xlsx may inflate to and by how much, and how many data
// rows are read. Where the values come from (environment, defaults) is the reading service's.
export interface SheetLimits {
  /** what an .xlsx inflates to, counted as it inflates, over every part of it that is read */
  readonly maxUncompressedBytes: number;
  /** inflated ÷ compressed size of one zip part, once it inflated `RATIO_GRACE_BYTES` */
  readonly maxCompressionRatio: number;
  /** data rows (not empty, below the header); reading stops at the first one past it */
  readonly maxRows: number;
}

/** A part's ratio is judged once it inflated this much: the first blocks of any deflate stream vary. */
export const RATIO_GRACE_BYTES = 1024 * 1024;
