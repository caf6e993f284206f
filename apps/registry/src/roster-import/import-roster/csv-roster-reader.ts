// A .csv roster, read by the lists lib's bounded sheet reader (libs/lists/src/sheets), its refusals
// reported as the roster import's.
import { readCsvSheet } from '@jineng/lists';
import type { RosterLimits } from '../roster-limits';
import { asRosterError } from './roster-file-reader';
import type { RosterSheet } from './roster-rows';

export { CsvParser } from '@jineng/lists';

export function readCsvRoster(content: Buffer, limits: RosterLimits, field: string): RosterSheet {
  try {
    return readCsvSheet(content, limits, field);
  } catch (error) {
    throw asRosterError(error);
  }
}
