// As-of replay (DOMAIN §9: "an auditor can rebuild any claim as it stood at any moment"): the claim, its
// class, the class's certificates and the claim's payments, folded from the audit copy's events that
// the owning services had recorded by `asOf`. Pure.
//
// The services' own evolve functions live in their apps (subsidy's `evolveClaim`, class-ops' class
// decider), which the audit service may not import (ARCHITECTURE §1, eslint `no-cross-app-import`):
// this is the audit side's own small fold over the integration events' contract fields
// (docs/contracts.md), which is all an auditor's question needs (ADR 0018).
import { byRecordedOrder, num, records, text, texts, type AuditRecord } from '../../shared/audit-record';

export interface ClaimView {
  status: string;
  kind?: string;
  tranche?: string;
  classId?: string;
  claimantId?: string;
  jurisdictionCode?: string;
  fundSource?: string;
  requestedFen?: number;
  computedFen?: number;
  approvedFen?: number;
  policyVersionIds?: string[];
  firstReviewer?: string;
  secondReviewer?: string;
  notice?: { startsOn: string; endsOn: string };
  openObjections: string[];
  paymentId?: string;
  recoveredFen: number;
}

export interface ClassView {
  classId: string;
  status: string;
  institutionId?: string;
  startDate?: string;
  endDate?: string;
  workerIds: string[];
  daysDelivered?: number;
  inspections: number;
  checkIns: number;
}

export interface CertificateView {
  certificateId: string;
  workerId?: string;
  kind?: string;
  issuedOn?: string;
  status: 'issued' | 'revoked';
}

export interface PaymentView {
  paymentId: string;
  status: 'issued' | 'settled' | 'failed';
  amountFen: number;
  reference?: string;
  settledOn?: string;
  reversedFen: number;
}

export interface ClaimAsOf {
  readonly claimId: string;
  readonly asOf: string;
  readonly events: number;
  readonly lastEventId?: string;
  readonly claim?: ClaimView;
  readonly class?: ClassView;
  readonly certificates: CertificateView[];
  readonly payments: PaymentView[];
}

/** The claim's class, from any of its events (the class is named from submission on). */
export const classOfClaim = (claimId: string, copy: readonly AuditRecord[]): string | undefined =>
  copy
    .filter((e) => e.service === 'subsidy' && text(e.data, 'claimId') === claimId)
    .map((e) => text(e.data, 'classId'))
    .find((id) => id !== undefined);

export function claimAsOf(claimId: string, asOf: string, copy: readonly AuditRecord[]): ClaimAsOf {
  const until = Date.parse(asOf);
  const seen = [...copy].filter((e) => Date.parse(e.recordedAt) <= until).sort(byRecordedOrder);
  const classId = classOfClaim(claimId, copy);
  let claim: ClaimView | undefined;
  let cls: ClassView | undefined;
  const certificates = new Map<string, CertificateView>();
  const payments = new Map<string, PaymentView>();
  const folded: AuditRecord[] = [];
  for (const e of seen) {
    const d = e.data;
    const ofClaim = text(d, 'claimId') === claimId || records(d, 'lines').some((l) => l.claimId === claimId);
    const ofClass = classId !== undefined && text(d, 'classId') === classId;
    if (!ofClaim && !ofClass) continue;
    folded.push(e);
    if (ofClaim && e.service === 'subsidy') claim = evolveClaimView(claim, e);
    if (ofClaim && e.service === 'fund-ledger') evolvePayments(payments, e, claimId);
    if (ofClass && e.service === 'class-ops') cls = evolveClassView(cls, e);
    if (ofClass && e.service === 'certification') {
      const id = text(d, 'certificateId');
      if (id && e.type === 'CertificateIssued.v1')
        certificates.set(id, {
          certificateId: id,
          workerId: text(d, 'workerId'),
          kind: text(d, 'kind'),
          issuedOn: text(d, 'issuedOn'),
          status: 'issued',
        });
      if (id && e.type === 'CertificateRevoked.v1' && certificates.has(id))
        certificates.set(id, { ...certificates.get(id)!, status: 'revoked' });
    }
  }
  const last = folded[folded.length - 1];
  return {
    claimId,
    asOf: new Date(until).toISOString(),
    events: folded.length,
    ...(last ? { lastEventId: last.eventId } : {}),
    ...(claim ? { claim } : {}),
    ...(cls ? { class: cls } : {}),
    certificates: [...certificates.values()],
    payments: [...payments.values()],
  };
}

/** The claim's status as subsidy's decider moves it (claim.ts), over the same events. */
const CLAIM_STATUS: Readonly<Record<string, string>> = {
  'ClaimSubmitted.v1': 'submitted',
  'ClaimFirstReviewed.v1': 'first_reviewed',
  'ClaimSecondReviewed.v1': 'second_reviewed',
  'ClaimNoticePublished.v1': 'on_notice',
  'ClaimRejected.v1': 'rejected',
  'ClaimReturned.v1': 'returned',
  'ClaimApproved.v1': 'approved',
  'ClaimCommitmentRefused.v1': 'commitment_refused',
  'ClaimPaid.v1': 'paid',
  'ClaimPaymentFailed.v1': 'payment_failed',
};

function evolveClaimView(state: ClaimView | undefined, e: AuditRecord): ClaimView | undefined {
  const d = e.data;
  if (e.type === 'ClaimSubmitted.v1')
    return {
      status: 'submitted',
      kind: text(d, 'kind'),
      tranche: text(d, 'tranche'),
      classId: text(d, 'classId'),
      claimantId: text(d, 'claimantId'),
      jurisdictionCode: text(d, 'jurisdictionCode'),
      fundSource: text(d, 'fundSource'),
      requestedFen: num(d, 'requestedFen'),
      computedFen: num(d, 'computedFen'),
      policyVersionIds: texts(d, 'policyVersionIds'),
      openObjections: [],
      recoveredFen: 0,
    };
  if (!state) return state;
  const next: ClaimView = { ...state, status: CLAIM_STATUS[e.type] ?? state.status };
  switch (e.type) {
    case 'ClaimFirstReviewed.v1':
      next.firstReviewer = text(d, 'reviewedBy');
      break;
    case 'ClaimSecondReviewed.v1':
      next.secondReviewer = text(d, 'reviewedBy');
      break;
    case 'ClaimNoticePublished.v1':
      next.notice = { startsOn: text(d, 'startsOn') ?? '', endsOn: text(d, 'endsOn') ?? '' };
      break;
    case 'ClaimObjectionRaised.v1':
      next.openObjections = [...state.openObjections, text(d, 'objectionId') ?? ''];
      break;
    case 'ClaimObjectionResolved.v1':
      next.openObjections = state.openObjections.filter((id) => id !== text(d, 'objectionId'));
      break;
    case 'ClaimApproved.v1':
      next.approvedFen = num(d, 'amountFen');
      break;
    case 'ClaimPaid.v1':
    case 'ClaimPaymentFailed.v1':
      next.paymentId = text(d, 'paymentId');
      break;
    case 'RecoveryRequested.v1':
      next.recoveredFen = state.recoveredFen + (num(d, 'amountFen') ?? 0);
      break;
  }
  return next;
}

const CLASS_STATUS: Readonly<Record<string, string>> = {
  'ClassApplied.v1': 'applied',
  'ClassApproved.v1': 'approved',
  'ClassRejected.v1': 'rejected',
  'ClassAwaitingFunds.v1': 'awaiting_funds',
  'ClassStarted.v1': 'started',
  'ClassCancelled.v1': 'cancelled',
  'ClassCompleted.v1': 'completed',
};

function evolveClassView(state: ClassView | undefined, e: AuditRecord): ClassView {
  const d = e.data;
  const base: ClassView = state ?? {
    classId: text(d, 'classId') ?? '',
    status: 'applied',
    workerIds: [],
    inspections: 0,
    checkIns: 0,
  };
  const next: ClassView = { ...base, status: CLASS_STATUS[e.type] ?? base.status };
  if (text(d, 'institutionId')) next.institutionId = text(d, 'institutionId');
  if (text(d, 'startDate')) next.startDate = text(d, 'startDate');
  if (text(d, 'endDate')) next.endDate = text(d, 'endDate');
  if (Array.isArray(d.workerIds)) next.workerIds = texts(d, 'workerIds');
  if (e.type === 'ClassCompleted.v1') next.daysDelivered = num(d, 'daysDelivered');
  if (e.type === 'InspectionRecorded.v1') next.inspections = base.inspections + 1;
  if (e.type === 'CheckInRecorded.v1') next.checkIns = base.checkIns + 1;
  return next;
}

function evolvePayments(payments: Map<string, PaymentView>, e: AuditRecord, claimId: string): void {
  const d = e.data;
  if (e.type === 'PaymentBatchIssued.v1')
    for (const line of records(d, 'lines').filter((l) => l.claimId === claimId))
      payments.set(String(line.paymentId), {
        paymentId: String(line.paymentId),
        status: 'issued',
        amountFen: Number(line.amountFen),
        reference: typeof line.reference === 'string' ? line.reference : undefined,
        reversedFen: 0,
      });
  const paymentId = text(d, 'paymentId');
  if (!paymentId) return;
  const known = payments.get(paymentId) ?? {
    paymentId,
    status: 'issued' as const,
    amountFen: num(d, 'amountFen') ?? 0,
    reversedFen: 0,
  };
  if (e.type === 'PaymentSettled.v1')
    payments.set(paymentId, { ...known, status: 'settled', settledOn: text(d, 'settledOn') });
  if (e.type === 'PaymentFailed.v1') payments.set(paymentId, { ...known, status: 'failed' });
  if (e.type === 'PaymentReversed.v1')
    payments.set(paymentId, { ...known, reversedFen: known.reversedFen + (num(d, 'amountFen') ?? 0) });
}
