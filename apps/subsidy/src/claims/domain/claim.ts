// One claim = one stream (`claim-<claimId>`): submitted with the platform's computation → first review
// → second review by another officer → public notice for the policy's working days → objections
// (anyone, or a trainee named in the claim) resolved → approval → paid or failed by the fund ledger's
// outcome. Pure: dates (Asia/Shanghai) and deadlines computed on the holiday calendar come in with the
// command; the decider compares them with the command's `now`.
import type { Command, Decider, DomainEvent, ReadonlyJsonObject } from '@jineng/ddd';
import { defineDomainError } from '@jineng/ddd';
import type { ClaimComputation, SubsidyKind, Tranche } from '@jineng/subsidy-computation';

export const claimStreamId = (claimId: string): string => `claim-${claimId}`;

export type ClaimantKind = 'institution' | 'enterprise' | 'worker';
export type ReviewDecision = 'approve' | 'return' | 'reject';
export type ClaimStatus =
  | 'submitted'
  | 'first_reviewed'
  | 'second_reviewed'
  | 'on_notice'
  | 'approved'
  | 'paid'
  | 'payment_failed'
  | 'commitment_refused'
  | 'returned'
  | 'rejected';

type Json<T> = T & ReadonlyJsonObject;

export type ClaimDifference = {
  readonly requestedFen: number;
  readonly computedFen: number;
  /** requested − computed */
  readonly differenceFen: number;
  /** the claimant's words for it */
  readonly claimantReason?: string;
  /** the platform's: trainees left out and caps applied, each with its reason */
  readonly platformReasons: readonly {
    readonly workerId?: string;
    readonly code: string;
    readonly zh: string;
    readonly en: string;
  }[];
};

export type ClaimSubmittedData = Json<{
  claimId: string;
  kind: SubsidyKind;
  tranche: Tranche;
  classId?: string;
  claimantId: string;
  claimantKind: ClaimantKind;
  jurisdictionCode: string;
  fundSource: string;
  requestedFen: number;
  computedFen: number;
  breakdownDigest: string;
  occupationCode?: string;
  level?: number;
  /** the year of the class's end: the year the subsidy counts in for the yearly limit */
  classYear?: number;
  headcount: number;
  policyVersionIds: string[];
  computation: ClaimComputation;
  difference?: ClaimDifference;
  commitmentSigned: true;
  submittedOn: string;
  reviewWorkingDays?: number;
  firstReviewDueOn?: string;
  publicNoticeWorkingDays?: number;
  submittedBy: string;
}>;

export type ClaimSubmitted = DomainEvent<'ClaimSubmitted.v1', ClaimSubmittedData>;
export type TraineesNamedInClaim = DomainEvent<
  'TraineesNamedInClaim.v1',
  Json<{
    claimId: string;
    classId?: string;
    kind: SubsidyKind;
    trainees: { workerId: string; amountFen: number }[];
  }>
>;
export type ClaimReviewed = DomainEvent<
  'ClaimFirstReviewed.v1' | 'ClaimSecondReviewed.v1',
  Json<{
    claimId: string;
    decision: ReviewDecision;
    reason: string;
    reviewedBy: string;
    reviewedOn: string;
    dueOn?: string;
    overdue: boolean;
    /** after a first approval: when the second review is due */
    nextDueOn?: string;
  }>
>;
export type ClaimNoticePublished = DomainEvent<
  'ClaimNoticePublished.v1',
  Json<{ claimId: string; startsOn: string; endsOn: string; workingDays: number; publishedBy: string }>
>;
export type ClaimObjectionRaised = DomainEvent<
  'ClaimObjectionRaised.v1',
  Json<{
    claimId: string;
    objectionId: string;
    by: 'public' | 'trainee';
    workerId?: string;
    statement: string;
    /** the contact details are kept apart from the event (personal data), only that there are some */
    contactProvided: boolean;
    raisedOn: string;
  }>
>;
export type ClaimObjectionResolved = DomainEvent<
  'ClaimObjectionResolved.v1',
  Json<{
    claimId: string;
    objectionId: string;
    finding: 'dismissed' | 'upheld';
    note: string;
    resolvedBy: string;
  }>
>;
export type ClaimConfirmedByTrainee = DomainEvent<
  'ClaimConfirmedByTrainee.v1',
  Json<{ claimId: string; workerId: string; confirmedOn: string }>
>;
export type ClaimRejected = DomainEvent<
  'ClaimRejected.v1',
  Json<{ claimId: string; reason: string; rejectedBy: string; stage: string }>
>;
export type ClaimReturned = DomainEvent<
  'ClaimReturned.v1',
  Json<{ claimId: string; reason: string; returnedBy: string; stage: string }>
>;
export type ClaimApproved = DomainEvent<
  'ClaimApproved.v1',
  Json<{
    claimId: string;
    classId?: string;
    claimantId: string;
    claimantKind: ClaimantKind;
    jurisdictionCode: string;
    fundSource: string;
    amountFen: number;
    breakdownTotalFen: number;
    policyVersionIds: string[];
    approvedBy: string;
    /** the kind as submitted: the fund ledger books the expense by it (absent before 2026-12-01) */
    kind?: SubsidyKind;
  }>
>;
export type ClaimCommitmentRefused = DomainEvent<
  'ClaimCommitmentRefused.v1',
  Json<{ claimId: string; requestedFen: number; availableFen: number; shortfallFen: number }>
>;
export type ClaimPaid = DomainEvent<
  'ClaimPaid.v1',
  Json<{ claimId: string; paymentId: string; amountFen: number }>
>;
export type ClaimPaymentFailed = DomainEvent<
  'ClaimPaymentFailed.v1',
  Json<{ claimId: string; paymentId: string; amountFen: number; reason: string }>
>;

export type RecoveryRequested = DomainEvent<
  'RecoveryRequested.v1',
  Json<{
    recoveryId: string;
    claimId: string;
    claimantId: string;
    jurisdictionCode: string;
    fundSource: string;
    amountFen: number;
    reason: string;
    /** the certificate whose revocation caused it, or the officer's finding */
    certificateId?: string;
    workerId?: string;
    requestedBy: string;
  }>
>;

export type ClaimEvent =
  | RecoveryRequested
  | ClaimSubmitted
  | TraineesNamedInClaim
  | ClaimReviewed
  | ClaimNoticePublished
  | ClaimObjectionRaised
  | ClaimObjectionResolved
  | ClaimConfirmedByTrainee
  | ClaimRejected
  | ClaimReturned
  | ClaimApproved
  | ClaimCommitmentRefused
  | ClaimPaid
  | ClaimPaymentFailed;

export type SubmitClaim = Command<'SubmitClaim', ClaimSubmittedData>;
export type ReviewClaim = Command<
  'FirstReview' | 'SecondReview',
  Json<{ claimId: string; decision: ReviewDecision; reason: string; nextDueOn?: string }>
>;
export type PublishNotice = Command<
  'PublishNotice',
  Json<{ claimId: string; startsOn: string; endsOn: string }>
>;
export type RaiseObjection = Command<
  'RaiseObjection',
  Json<{
    claimId: string;
    objectionId: string;
    statement: string;
    contactProvided: boolean;
    workerId?: string;
  }>
>;
export type ResolveObjection = Command<
  'ResolveObjection',
  Json<{ claimId: string; objectionId: string; finding: 'dismissed' | 'upheld'; note: string }>
>;
export type ConfirmClaim = Command<'ConfirmClaim', Json<{ claimId: string; workerId: string }>>;
export type ApproveClaim = Command<'ApproveClaim', Json<{ claimId: string }>>;
export type RecordLedgerOutcome = Command<
  'RecordLedgerOutcome',
  Json<
    | {
        claimId: string;
        outcome: 'commitment_refused';
        requestedFen: number;
        availableFen: number;
        shortfallFen: number;
      }
    | { claimId: string; outcome: 'payment_settled'; paymentId: string; amountFen: number }
    | { claimId: string; outcome: 'payment_failed'; paymentId: string; amountFen: number; reason: string }
  >
>;

/**
 * A clawback: a certificate of the claim revoked after payment, an officer's confirmed fraud finding, or
 * a prepayment beyond its settlement (or of a class that never completed).
 */
export type RequestRecovery = Command<
  'RequestRecovery',
  Json<{
    claimId: string;
    recoveryId: string;
    reason: string;
    certificateId?: string;
    workerId?: string;
    /** at most this much (a prepayment beyond its settlement); otherwise all that is left */
    amountFen?: number;
  }>
>;

export type ClaimCommand =
  | RequestRecovery
  | SubmitClaim
  | ReviewClaim
  | PublishNotice
  | RaiseObjection
  | ResolveObjection
  | ConfirmClaim
  | ApproveClaim
  | RecordLedgerOutcome;

export interface Objection {
  readonly objectionId: string;
  readonly by: 'public' | 'trainee';
  readonly workerId?: string;
  readonly open: boolean;
}

export type ClaimState =
  | { readonly status: 'none' }
  | {
      readonly status: ClaimStatus;
      readonly submitted: ClaimSubmittedData;
      readonly firstReviewer?: string;
      readonly secondReviewDueOn?: string;
      readonly secondReviewer?: string;
      readonly notice?: { readonly startsOn: string; readonly endsOn: string };
      readonly objections: readonly Objection[];
      readonly confirmedBy: readonly string[];
      readonly approvedFen?: number;
      readonly paymentId?: string;
      /** what recoveries have asked back so far, and for which certificates */
      readonly recoveredFen?: number;
      readonly recoveredCertificates?: readonly string[];
    };

// ---------------------------------------------------------------------------------------------------
// errors

export class ClaimNotFound extends defineDomainError<{ claimId: string }>({
  code: 'CLAIM.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `申领 ${d.claimId} 不存在`,
  en: (d) => `claim ${d.claimId} does not exist`,
}) {}

export class ClaimAlreadyExists extends defineDomainError<{ claimId: string }>({
  code: 'CLAIM.ALREADY_EXISTS',
  category: 'illegal_state',
  zh: (d) => `申领 ${d.claimId} 已存在`,
  en: (d) => `claim ${d.claimId} already exists`,
}) {}

export class ClaimNotInStage extends defineDomainError<{
  claimId: string;
  status: string;
  expected: string[];
}>({
  code: 'CLAIM.WRONG_STAGE',
  category: 'illegal_state',
  zh: (d) => `申领 ${d.claimId} 当前状态为 ${d.status}，此操作须在 ${d.expected.join('、')} 状态下进行`,
  en: (d) => `claim ${d.claimId} is ${d.status}; this needs it ${d.expected.join(' or ')}`,
}) {}

export class SameReviewer extends defineDomainError<{ claimId: string; reviewer: string }>({
  code: 'CLAIM.SAME_REVIEWER',
  category: 'forbidden',
  zh: (d) => `申领 ${d.claimId} 的初审由 ${d.reviewer} 完成，复核须由另一名经办人员进行`,
  en: (d) =>
    `${d.reviewer} made the first review of claim ${d.claimId}: the second review needs another officer`,
}) {}

export class CommitmentRequired extends defineDomainError<Record<string, never>>({
  code: 'CLAIM.COMMITMENT_REQUIRED',
  category: 'validation',
  zh: () => '申领须签署材料真实性承诺（「我郑重承诺对提供的各项材料和信息真实性负责」）',
  en: () => 'a claim needs the signed commitment that the materials are true',
}) {}

export class NoticePeriodNotOver extends defineDomainError<{
  claimId: string;
  endsOn: string;
  today: string;
}>({
  code: 'CLAIM.NOTICE_PERIOD_NOT_OVER',
  category: 'illegal_state',
  zh: (d) => `申领 ${d.claimId} 的公示期至 ${d.endsOn}（今天 ${d.today}），公示期满后方可审批`,
  en: (d) =>
    `the public notice of claim ${d.claimId} runs until ${d.endsOn} (today is ${d.today}): approval comes after it`,
}) {}

export class UnresolvedObjections extends defineDomainError<{ claimId: string; objectionIds: string[] }>({
  code: 'CLAIM.UNRESOLVED_OBJECTIONS',
  category: 'illegal_state',
  zh: (d) => `申领 ${d.claimId} 尚有 ${d.objectionIds.length} 条异议未处理，处理后方可审批`,
  en: (d) =>
    `claim ${d.claimId} has ${d.objectionIds.length} unresolved objection(s): approval waits until they are resolved`,
}) {}

export class ObjectionNotFound extends defineDomainError<{ claimId: string; objectionId: string }>({
  code: 'CLAIM.OBJECTION_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `申领 ${d.claimId} 没有未处理的异议 ${d.objectionId}`,
  en: (d) => `claim ${d.claimId} has no open objection ${d.objectionId}`,
}) {}

export class NotNamedInClaim extends defineDomainError<{ claimId: string; workerId: string }>({
  code: 'CLAIM.NOT_NAMED',
  category: 'not_found',
  zh: (d) => `申领 ${d.claimId} 未涉及学员 ${d.workerId}`,
  en: (d) => `claim ${d.claimId} does not name trainee ${d.workerId}`,
}) {}

// ---------------------------------------------------------------------------------------------------
// the decider

const today = (now: string): string => new Date(Date.parse(now) + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai, no DST

type Live = Exclude<ClaimState, { status: 'none' }>;

function live(state: ClaimState, claimId: string, expected: readonly ClaimStatus[]): Live {
  if (state.status === 'none') throw new ClaimNotFound({ claimId });
  if (!expected.includes(state.status))
    throw new ClaimNotInStage({ claimId, status: state.status, expected: [...expected] });
  return state;
}

/** Objections are taken from submission until approval. */
const OBJECTABLE: readonly ClaimStatus[] = ['submitted', 'first_reviewed', 'second_reviewed', 'on_notice'];

export function decideClaim(command: ClaimCommand, state: ClaimState): ClaimEvent[] {
  const actor = command.metadata.actor.userId;
  const on = today(command.metadata.now);
  switch (command.type) {
    case 'SubmitClaim': {
      if (state.status !== 'none') throw new ClaimAlreadyExists({ claimId: command.data.claimId });
      if (command.data.commitmentSigned !== true) throw new CommitmentRequired({});
      const d = command.data;
      const perWorker = new Map<string, number>();
      for (const line of d.computation.lines)
        if (line.workerId) perWorker.set(line.workerId, (perWorker.get(line.workerId) ?? 0) + line.amountFen);
      return [
        { type: 'ClaimSubmitted.v1', data: d },
        {
          type: 'TraineesNamedInClaim.v1',
          data: {
            claimId: d.claimId,
            ...(d.classId ? { classId: d.classId } : {}),
            kind: d.kind,
            trainees: [...perWorker].map(([workerId, amountFen]) => ({ workerId, amountFen })),
          },
        },
      ];
    }
    case 'FirstReview':
    case 'SecondReview': {
      const first = command.type === 'FirstReview';
      const s = live(state, command.data.claimId, [first ? 'submitted' : 'first_reviewed']);
      if (!first && s.firstReviewer === actor)
        throw new SameReviewer({ claimId: command.data.claimId, reviewer: actor });
      const dueOn = first ? s.submitted.firstReviewDueOn : s.secondReviewDueOn;
      const reviewed: ClaimReviewed = {
        type: first ? 'ClaimFirstReviewed.v1' : 'ClaimSecondReviewed.v1',
        data: {
          claimId: command.data.claimId,
          decision: command.data.decision,
          reason: command.data.reason,
          reviewedBy: actor,
          reviewedOn: on,
          ...(dueOn ? { dueOn } : {}),
          overdue: dueOn !== undefined && on > dueOn,
          ...(first && command.data.decision === 'approve' && command.data.nextDueOn
            ? { nextDueOn: command.data.nextDueOn }
            : {}),
        },
      };
      const stage = first ? 'first_review' : 'second_review';
      if (command.data.decision === 'reject')
        return [
          reviewed,
          {
            type: 'ClaimRejected.v1',
            data: { claimId: command.data.claimId, reason: command.data.reason, rejectedBy: actor, stage },
          },
        ];
      if (command.data.decision === 'return')
        return [
          reviewed,
          {
            type: 'ClaimReturned.v1',
            data: { claimId: command.data.claimId, reason: command.data.reason, returnedBy: actor, stage },
          },
        ];
      return [reviewed];
    }
    case 'PublishNotice': {
      live(state, command.data.claimId, ['second_reviewed']);
      const s = state as Live;
      return [
        {
          type: 'ClaimNoticePublished.v1',
          data: {
            claimId: command.data.claimId,
            startsOn: command.data.startsOn,
            endsOn: command.data.endsOn,
            workingDays: s.submitted.publicNoticeWorkingDays ?? 0,
            publishedBy: actor,
          },
        },
      ];
    }
    case 'RaiseObjection': {
      const s = live(state, command.data.claimId, OBJECTABLE);
      const { workerId } = command.data;
      if (workerId !== undefined && !s.submitted.computation.workerIds.includes(workerId))
        throw new NotNamedInClaim({ claimId: command.data.claimId, workerId });
      if (s.objections.some((o) => o.objectionId === command.data.objectionId)) return [];
      return [
        {
          type: 'ClaimObjectionRaised.v1',
          data: {
            claimId: command.data.claimId,
            objectionId: command.data.objectionId,
            by: workerId ? 'trainee' : 'public',
            ...(workerId ? { workerId } : {}),
            statement: command.data.statement,
            contactProvided: command.data.contactProvided,
            raisedOn: on,
          },
        },
      ];
    }
    case 'ResolveObjection': {
      const s = live(state, command.data.claimId, OBJECTABLE);
      if (!s.objections.some((o) => o.objectionId === command.data.objectionId && o.open))
        throw new ObjectionNotFound({ claimId: command.data.claimId, objectionId: command.data.objectionId });
      const resolved: ClaimObjectionResolved = {
        type: 'ClaimObjectionResolved.v1',
        data: { ...command.data, resolvedBy: actor },
      };
      if (command.data.finding === 'dismissed') return [resolved];
      return [
        resolved,
        {
          type: 'ClaimRejected.v1',
          data: {
            claimId: command.data.claimId,
            reason: command.data.note,
            rejectedBy: actor,
            stage: 'objection',
          },
        },
      ];
    }
    case 'ConfirmClaim': {
      const s = live(state, command.data.claimId, [...OBJECTABLE, 'approved', 'paid']);
      if (!s.submitted.computation.workerIds.includes(command.data.workerId))
        throw new NotNamedInClaim({ claimId: command.data.claimId, workerId: command.data.workerId });
      if (s.confirmedBy.includes(command.data.workerId)) return [];
      return [{ type: 'ClaimConfirmedByTrainee.v1', data: { ...command.data, confirmedOn: on } }];
    }
    case 'ApproveClaim': {
      const s = live(state, command.data.claimId, ['on_notice']);
      if (on <= s.notice!.endsOn)
        throw new NoticePeriodNotOver({ claimId: command.data.claimId, endsOn: s.notice!.endsOn, today: on });
      const open = s.objections.filter((o) => o.open).map((o) => o.objectionId);
      if (open.length > 0)
        throw new UnresolvedObjections({ claimId: command.data.claimId, objectionIds: open });
      const d = s.submitted;
      return [
        {
          type: 'ClaimApproved.v1',
          data: {
            claimId: d.claimId,
            ...(d.classId ? { classId: d.classId } : {}),
            claimantId: d.claimantId,
            claimantKind: d.claimantKind,
            jurisdictionCode: d.jurisdictionCode,
            fundSource: d.fundSource,
            // never more than computed, nor more than asked
            amountFen: Math.min(d.requestedFen, d.computedFen),
            breakdownTotalFen: d.computation.totalFen,
            policyVersionIds: d.policyVersionIds,
            approvedBy: actor,
            kind: d.kind,
          },
        },
      ];
    }
    case 'RequestRecovery': {
      // nothing was paid (yet): nothing to ask back — a fraud found before payment rejects the claim
      if (
        state.status !== 'none' &&
        state.status !== 'paid' &&
        command.metadata.actor.userId === 'system:subsidy-claims'
      )
        return [];
      const s = live(state, command.data.claimId, ['paid']);
      const d = command.data;
      const paid = s.approvedFen ?? 0;
      const left = paid - (s.recoveredFen ?? 0);
      if (d.certificateId && (s.recoveredCertificates ?? []).includes(d.certificateId)) return [];
      // a certificate's lines (as paid: the approved share of the computed total), or what is left
      const lines = d.certificateId
        ? s.submitted.computation.lines.filter((l) => l.evidence.certificateId === d.certificateId)
        : [];
      if (d.certificateId && lines.length === 0) return [];
      const computed = s.submitted.computation.totalFen;
      const ofLines = lines.reduce((sum, l) => sum + l.amountFen, 0);
      const amountFen = d.certificateId
        ? Math.min(left, computed === 0 ? 0 : Number((BigInt(ofLines) * BigInt(paid)) / BigInt(computed)))
        : Math.min(left, d.amountFen ?? left);
      if (amountFen <= 0) return [];
      return [
        {
          type: 'RecoveryRequested.v1',
          data: {
            recoveryId: d.recoveryId,
            claimId: d.claimId,
            claimantId: s.submitted.claimantId,
            jurisdictionCode: s.submitted.jurisdictionCode,
            fundSource: s.submitted.fundSource,
            amountFen,
            reason: d.reason,
            ...(d.certificateId ? { certificateId: d.certificateId } : {}),
            ...(d.workerId ? { workerId: d.workerId } : {}),
            requestedBy: actor,
          },
        },
      ];
    }
    case 'RecordLedgerOutcome': {
      const d = command.data;
      if (d.outcome === 'commitment_refused') {
        live(state, d.claimId, ['approved', 'commitment_refused']);
        if (state.status === 'commitment_refused') return [];
        return [
          {
            type: 'ClaimCommitmentRefused.v1',
            data: {
              claimId: d.claimId,
              requestedFen: d.requestedFen,
              availableFen: d.availableFen,
              shortfallFen: d.shortfallFen,
            },
          },
        ];
      }
      const s = live(state, d.claimId, ['approved', 'payment_failed', 'paid']);
      if (s.status === 'paid') return [];
      if (d.outcome === 'payment_settled')
        return [
          {
            type: 'ClaimPaid.v1',
            data: { claimId: d.claimId, paymentId: d.paymentId, amountFen: d.amountFen },
          },
        ];
      if (s.status === 'payment_failed' && s.paymentId === d.paymentId) return [];
      return [
        {
          type: 'ClaimPaymentFailed.v1',
          data: { claimId: d.claimId, paymentId: d.paymentId, amountFen: d.amountFen, reason: d.reason },
        },
      ];
    }
  }
}

export function evolveClaim(state: ClaimState, event: ClaimEvent): ClaimState {
  if (event.type === 'ClaimSubmitted.v1')
    return { status: 'submitted', submitted: event.data, objections: [], confirmedBy: [] };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TraineesNamedInClaim.v1':
      return state;
    case 'ClaimFirstReviewed.v1':
      return {
        ...state,
        status: 'first_reviewed',
        firstReviewer: event.data.reviewedBy,
        ...(event.data.nextDueOn ? { secondReviewDueOn: event.data.nextDueOn } : {}),
      };
    case 'ClaimSecondReviewed.v1':
      return { ...state, status: 'second_reviewed', secondReviewer: event.data.reviewedBy };
    case 'ClaimNoticePublished.v1':
      return {
        ...state,
        status: 'on_notice',
        notice: { startsOn: event.data.startsOn, endsOn: event.data.endsOn },
      };
    case 'ClaimObjectionRaised.v1':
      return {
        ...state,
        objections: [
          ...state.objections,
          {
            objectionId: event.data.objectionId,
            by: event.data.by,
            ...(event.data.workerId ? { workerId: event.data.workerId } : {}),
            open: true,
          },
        ],
      };
    case 'ClaimObjectionResolved.v1':
      return {
        ...state,
        objections: state.objections.map((o) =>
          o.objectionId === event.data.objectionId ? { ...o, open: false } : o,
        ),
      };
    case 'ClaimConfirmedByTrainee.v1':
      return { ...state, confirmedBy: [...state.confirmedBy, event.data.workerId] };
    case 'ClaimRejected.v1':
      return { ...state, status: 'rejected' };
    case 'ClaimReturned.v1':
      return { ...state, status: 'returned' };
    case 'ClaimApproved.v1':
      return { ...state, status: 'approved', approvedFen: event.data.amountFen };
    case 'ClaimCommitmentRefused.v1':
      return { ...state, status: 'commitment_refused' };
    case 'ClaimPaid.v1':
      return { ...state, status: 'paid', paymentId: event.data.paymentId };
    case 'ClaimPaymentFailed.v1':
      return { ...state, status: 'payment_failed', paymentId: event.data.paymentId };
    case 'RecoveryRequested.v1':
      return {
        ...state,
        recoveredFen: (state.recoveredFen ?? 0) + event.data.amountFen,
        recoveredCertificates: [
          ...(state.recoveredCertificates ?? []),
          ...(event.data.certificateId ? [event.data.certificateId] : []),
        ],
      };
  }
}

export const claimDecider: Decider<ClaimCommand, ClaimState, ClaimEvent> = {
  initialState: () => ({ status: 'none' }),
  decide: decideClaim,
  evolve: evolveClaim,
};
