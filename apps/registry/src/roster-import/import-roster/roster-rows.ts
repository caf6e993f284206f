// A roster file's rows, as the lists lib's sheet reader hands them on (libs/lists/src/sheets).
export type { SheetRow as RosterRow, Sheet as RosterSheet } from '@jineng/lists';
