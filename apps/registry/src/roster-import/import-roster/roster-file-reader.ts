// Reads a roster file into its header and data rows, within the roster limits, with the lists lib's
// bounded sheet reader (libs/lists/src/sheets: .xlsx streamed with caps on what it inflates, .csv in
// UTF-8 or GB18030). Its typed refusals are reported as the roster import's own (ROSTER.TOO_LARGE,
// ROSTER.EXPANDS_TOO_LARGE, ROSTER.COMPRESSION_RATIO_TOO_HIGH, ROSTER.FILE_UNREADABLE), same details.
import {
  readSheetFile,
  sheetFormatOf,
  SheetCompressionRatioTooHigh,
  SheetExpandsTooLarge,
  SheetFileUnreadable,
  SheetTooLarge,
  type SheetFormat,
} from '@jineng/lists';
import {
  RosterCompressionRatioTooHigh,
  RosterExpandsTooLarge,
  RosterFileUnreadable,
  RosterTooLarge,
} from '../domain/roster-import.errors';
import type { RosterLimits } from '../roster-limits';
import type { RosterSheet } from './roster-rows';

export type RosterFormat = SheetFormat;

export const formatOf = (fileName: string): RosterFormat => sheetFormatOf(fileName);

export async function readRosterFile(
  content: Buffer,
  format: RosterFormat,
  limits: RosterLimits,
  field: string,
): Promise<RosterSheet> {
  try {
    return await readSheetFile(content, format, limits, field);
  } catch (error) {
    throw asRosterError(error);
  }
}

/** The sheet reader's refusal as the roster import's, with the same details; anything else as it is. */
export function asRosterError(error: unknown): unknown {
  if (error instanceof SheetTooLarge) return new RosterTooLarge(error.details);
  if (error instanceof SheetExpandsTooLarge) return new RosterExpandsTooLarge(error.details);
  if (error instanceof SheetCompressionRatioTooHigh) return new RosterCompressionRatioTooHigh(error.details);
  if (error instanceof SheetFileUnreadable) return new RosterFileUnreadable(error.details);
  return error;
}
