// Reads a roster file into its header and data rows, within the roster limits: .xlsx (the first
// sheet, streamed out of the archive with caps on what it inflates) or .csv (UTF-8 or GB18030).
// A file past a cap is refused with a domain error as soon as the cap is passed; a file that cannot
// be read is ROSTER.FILE_UNREADABLE.
import { isDomainError } from '@jineng/ddd';
import { RosterFileUnreadable } from '../domain/roster-import.errors';
import type { RosterLimits } from '../roster-limits';
import { readCsvRoster } from './csv-roster-reader';
import type { RosterSheet } from './roster-rows';
import { readXlsxRoster } from './xlsx-roster-reader';

export type RosterFormat = 'xlsx' | 'csv';

export const formatOf = (fileName: string): RosterFormat => (/\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv');

export async function readRosterFile(
  content: Buffer,
  format: RosterFormat,
  limits: RosterLimits,
  field: string,
): Promise<RosterSheet> {
  try {
    return format === 'xlsx'
      ? await readXlsxRoster(content, limits, field)
      : readCsvRoster(content, limits, field);
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw new RosterFileUnreadable({ field, format, reason: (error as Error).message.slice(0, 200) });
  }
}
