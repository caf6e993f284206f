// Reads a sheet file into its header and data rows, within the sheet limits: .xlsx (the first sheet,
// streamed out of the archive with caps on what it inflates) or .csv (UTF-8 or GB18030). A file past a
// cap is refused with a typed error as soon as the cap is passed; a file that cannot be read is
// SHEET.FILE_UNREADABLE.
import { isDomainError } from '@jineng/ddd';
import { readCsvSheet } from './csv-sheet-reader';
import { SheetFileUnreadable } from './sheet.errors';
import type { SheetLimits } from './sheet-limits';
import type { Sheet } from './sheet-rows';
import { readXlsxSheet } from './xlsx-sheet-reader';

export type SheetFormat = 'xlsx' | 'csv';

export const sheetFormatOf = (fileName: string): SheetFormat => (/\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv');

export async function readSheetFile(
  content: Buffer,
  format: SheetFormat,
  limits: SheetLimits,
  field: string,
): Promise<Sheet> {
  try {
    return format === 'xlsx'
      ? await readXlsxSheet(content, limits, field)
      : readCsvSheet(content, limits, field);
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw new SheetFileUnreadable({ field, format, reason: (error as Error).message.slice(0, 200) });
  }
}
