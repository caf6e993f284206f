// The claims' lists (libs/lists): per jurisdiction, status and deadline for officers; a claimant's own
// claims (an institution's or an enterprise's clerk following theirs to payment); the public notice
// page; a trainee's own claims.
import { defineList, type FixedCondition } from '@jineng/lists';

const t = (zh: string, en: string) => ({ zh, en });

export const CLAIM_LIST = defineList({
  table: 'claims',
  columns: {
    claimId: { sql: 'claim_id', title: t('申领编号', 'claim') },
    kind: { sql: 'kind', title: t('补贴类型', 'kind'), sortable: true },
    tranche: { sql: 'tranche', title: t('批次', 'tranche') },
    classId: { sql: 'class_id', title: t('班级', 'class') },
    claimantId: { sql: 'claimant_id', title: t('申领方', 'claimant') },
    claimantKind: { sql: 'claimant_kind', title: t('申领方类型', 'claimant kind') },
    jurisdictionCode: { sql: 'jurisdiction_code', title: t('辖区', 'jurisdiction'), sortable: true },
    status: { sql: 'status', title: t('状态', 'status'), sortable: true },
    requestedFen: {
      sql: 'requested_fen::int8',
      title: t('申请金额（分）', 'requested (fen)'),
      sortable: true,
    },
    computedFen: { sql: 'computed_fen::int8', title: t('核算金额（分）', 'computed (fen)'), sortable: true },
    submittedOn: { sql: 'submitted_on', title: t('申领日期', 'submitted on'), sortable: true },
    dueOn: { sql: 'due_on', title: t('审核期限', 'due on'), sortable: true },
  },
  filters: {
    jurisdictionPrefix: { sql: 'jurisdiction_code', op: 'prefix' },
    status: { sql: 'status', op: 'eq' },
    classId: { sql: 'class_id', op: 'eq' },
    dueBefore: { sql: 'due_on', op: 'lte' },
    statusIn: { sql: 'status', op: 'in' },
    claimIds: { sql: 'claim_id', op: 'in' },
    claimantKind: { sql: 'claimant_kind', op: 'eq' },
    claimantId: { sql: 'claimant_id', op: 'eq' },
  },
  defaultSort: '-submittedOn',
  tiebreak: 'claimId',
});

export const NOTICE_LIST = defineList({
  table: 'claims',
  columns: {
    claimId: { sql: 'claim_id', title: t('申领编号', 'claim') },
    claimantKind: { sql: 'claimant_kind', title: t('申领方类型', 'claimant kind') },
    claimantId: { sql: 'claimant_id', title: t('申领方', 'claimant') },
    classId: { sql: 'class_id', title: t('班级', 'class') },
    occupationCode: { sql: 'occupation_code', title: t('职业', 'occupation') },
    level: { sql: 'level', title: t('等级', 'level') },
    kind: { sql: 'kind', title: t('补贴类型', 'kind') },
    headcount: { sql: 'headcount', title: t('人数', 'headcount') },
    amountFen: { sql: 'least(requested_fen, computed_fen)::int8', title: t('金额（分）', 'amount (fen)') },
    startsOn: { sql: 'notice_starts_on', title: t('公示开始', 'notice from'), sortable: true },
    endsOn: { sql: 'notice_ends_on', title: t('公示截止', 'notice until'), sortable: true },
  },
  filters: {
    jurisdictionPrefix: { sql: 'jurisdiction_code', op: 'prefix' },
    startedBy: { sql: 'notice_starts_on', op: 'lte' },
    endsFrom: { sql: 'notice_ends_on', op: 'gte' },
  },
  defaultSort: '-startsOn',
  tiebreak: 'claimId',
});

/** 140000 → '14', 140800 → '1408', 140802 → '140802': the codes within a jurisdiction start so. */
export const jurisdictionPrefix = (code: string): string => code.replace(/(00)+$/, '');

const PENDING = ['submitted', 'first_reviewed'];

/** Whether a claim's review in hand is past its due date (computed on the service's today). */
export const isOverdue = (dueOn: string | undefined, status: string, today: string): boolean =>
  dueOn !== undefined && dueOn < today && PENDING.includes(status);

type ListPayload = { status?: string; classId?: string; overdue?: boolean };
type ClaimListScope = {
  readonly filters: { status?: string; classId?: string };
  readonly fixed: FixedCondition[];
};

/** `overdue` narrows to the pending claims due before today; status and class are the user's filters. */
function scopedList(payload: ListPayload, scope: FixedCondition[], yesterday: string): ClaimListScope {
  const fixed = [...scope];
  if (payload.overdue)
    fixed.push(
      { filter: CLAIM_LIST.filters.dueBefore, value: yesterday },
      { filter: CLAIM_LIST.filters.statusIn, value: PENDING },
    );
  return {
    filters: {
      ...(payload.status ? { status: payload.status } : {}),
      ...(payload.classId ? { classId: payload.classId } : {}),
    },
    fixed,
  };
}

/** The officers' list as a page or an export sees it: the caller's jurisdiction (and those below) is fixed. */
export const officerListOf = (payload: ListPayload, jurisdiction: string, yesterday: string) =>
  scopedList(
    payload,
    [{ filter: CLAIM_LIST.filters.jurisdictionPrefix, value: jurisdictionPrefix(jurisdiction) }],
    yesterday,
  );

/** A claimant's list: only the claims it made (whatever their jurisdiction) are ever read. */
export const claimantListOf = (
  payload: ListPayload,
  claimant: { readonly kind: 'institution' | 'enterprise'; readonly id: string },
  yesterday: string,
) =>
  scopedList(
    payload,
    [
      { filter: CLAIM_LIST.filters.claimantKind, value: claimant.kind },
      { filter: CLAIM_LIST.filters.claimantId, value: claimant.id },
    ],
    yesterday,
  );

/** The notice page of a jurisdiction: the claims whose notice runs today. */
export const noticesOf = (jurisdiction: string, today: string) => ({
  jurisdictionPrefix: jurisdictionPrefix(jurisdiction),
  startedBy: today,
  endsFrom: today,
});
