// The claims' lists as files (libs/lists): the same rows, filters and sort as their pages. The columns a
// page computes on the service's today (overdue) or from the trainee's own rows (the amount in their
// name) are added to each row by the handler: their `sql` is empty, they are never selected.
import { defineList, exportList, type ExportFormat, type ExportedFile, type ListRow } from '@jineng/lists';
import { CLAIM_LIST, NOTICE_LIST } from '../list-claims/claim-lists';

/** a direct export answers within the request's timeout: a longer list is narrowed by its filters */
export const MAX_EXPORT_ROWS = 10_000;

const derived = (zh: string, en: string) => ({ sql: '', title: { zh, en } });

export const CLAIM_EXPORT = defineList({
  ...CLAIM_LIST,
  columns: { ...CLAIM_LIST.columns, overdue: derived('审核逾期', 'overdue') },
});

export const MY_CLAIM_EXPORT = defineList({
  ...CLAIM_LIST,
  columns: {
    ...CLAIM_LIST.columns,
    overdue: derived('审核逾期', 'overdue'),
    ownAmountFen: derived('本人名下金额（分）', 'amount in my name (fen)'),
  },
});

type Rows<C extends string> = AsyncIterable<ListRow<C>[]>;

/** Each chunk's rows with the derived columns added. */
export async function* withDerived<C extends string, D extends string>(
  rows: Rows<C>,
  derive: (row: ListRow<C>) => Record<D, unknown>,
): AsyncGenerator<ListRow<C | D>[]> {
  for await (const chunk of rows) yield chunk.map((row) => ({ ...row, ...derive(row) }));
}

/** `补贴申领-<jurisdiction>-<date>.xlsx` */
export const claimsFile = (
  rows: Rows<keyof typeof CLAIM_EXPORT.columns>,
  format: ExportFormat,
  jurisdiction: string,
  today: string,
): ExportedFile =>
  exportList(CLAIM_EXPORT, rows, {
    format,
    baseName: `补贴申领-${jurisdiction}-${today}`,
    sheetName: '补贴申领',
  });

/** `补贴公示-<jurisdiction>-<date>.xlsx`: the notice page's columns, nothing more */
export const noticesFile = (
  rows: Rows<keyof typeof NOTICE_LIST.columns>,
  format: ExportFormat,
  jurisdiction: string,
  today: string,
): ExportedFile =>
  exportList(NOTICE_LIST, rows, {
    format,
    baseName: `补贴公示-${jurisdiction}-${today}`,
    sheetName: '补贴公示',
  });

/** `我的补贴申领-<date>.xlsx` */
export const myClaimsFile = (
  rows: Rows<keyof typeof MY_CLAIM_EXPORT.columns>,
  format: ExportFormat,
  today: string,
): ExportedFile =>
  exportList(MY_CLAIM_EXPORT, rows, {
    format,
    baseName: `我的补贴申领-${today}`,
    sheetName: '我的补贴申领',
  });
