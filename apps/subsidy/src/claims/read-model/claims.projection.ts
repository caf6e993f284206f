// The claims' read model, folded from the claim's events in the transaction that records them (the
// CommandRunner's `withEvents`): exactly once, and never behind the stream. `foldClaimView` is pure.
import type { subsidyV1 } from '@jineng/contracts';
import type { DomainEvent } from '@jineng/ddd';
import type { PoolClient } from 'pg';
import type { ClaimEvent, ClaimSubmittedData } from '../domain/claim';
import { TRAINING_SUBSIDY_KINDS } from '@jineng/subsidy-computation';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer I)[] ? I[] : T[K] };
export type ClaimViewData = Omit<Mutable<subsidyV1.ClaimView>, 'summary'> & {
  summary: Mutable<subsidyV1.ClaimSummary>;
};

export function foldClaimView(view: ClaimViewData | undefined, event: ClaimEvent): ClaimViewData | undefined {
  if (event.type === 'ClaimSubmitted.v1') return viewOfSubmission(event.data);
  if (!view) return view;
  const v: ClaimViewData = structuredClone(view);
  switch (event.type) {
    case 'TraineesNamedInClaim.v1':
      return v;
    case 'ClaimFirstReviewed.v1':
    case 'ClaimSecondReviewed.v1': {
      const first = event.type === 'ClaimFirstReviewed.v1';
      v.reviews.push({
        stage: first ? 'first' : 'second',
        decision: event.data.decision,
        reason: event.data.reason,
        reviewedBy: event.data.reviewedBy,
        reviewedOn: event.data.reviewedOn,
        ...(event.data.dueOn ? { dueOn: event.data.dueOn } : {}),
        overdue: event.data.overdue,
      });
      v.summary.status = first ? 'first_reviewed' : 'second_reviewed';
      if (first && event.data.nextDueOn) v.summary.dueOn = event.data.nextDueOn;
      else delete v.summary.dueOn;
      return v;
    }
    case 'ClaimNoticePublished.v1':
      v.summary.status = 'on_notice';
      v.noticeStartsOn = event.data.startsOn;
      v.noticeEndsOn = event.data.endsOn;
      return v;
    case 'ClaimObjectionRaised.v1':
      v.objections.push({
        objectionId: event.data.objectionId,
        by: event.data.by,
        ...(event.data.workerId ? { workerId: event.data.workerId } : {}),
        statement: event.data.statement,
        raisedOn: event.data.raisedOn,
      });
      return v;
    case 'ClaimObjectionResolved.v1':
      v.objections = v.objections.map((o) =>
        o.objectionId === event.data.objectionId
          ? { ...o, finding: event.data.finding, note: event.data.note, resolvedBy: event.data.resolvedBy }
          : o,
      );
      return v;
    case 'ClaimConfirmedByTrainee.v1':
      v.confirmedBy.push(event.data.workerId);
      return v;
    case 'ClaimRejected.v1':
    case 'ClaimReturned.v1':
      v.summary.status = event.type === 'ClaimRejected.v1' ? 'rejected' : 'returned';
      delete v.summary.dueOn;
      return v;
    case 'ClaimApproved.v1':
      v.summary.status = 'approved';
      v.approvedFen = event.data.amountFen;
      return v;
    case 'ClaimCommitmentRefused.v1':
      v.summary.status = 'commitment_refused';
      v.payments.push({
        outcome: 'commitment_refused',
        amountFen: event.data.requestedFen,
        reason: `shortfall ${event.data.shortfallFen}`,
      });
      return v;
    case 'ClaimPaid.v1':
      v.summary.status = 'paid';
      v.payments.push({ outcome: 'paid', paymentId: event.data.paymentId, amountFen: event.data.amountFen });
      return v;
    case 'RecoveryRequested.v1':
      v.payments.push({
        outcome: 'recovery_requested',
        amountFen: event.data.amountFen,
        reason: event.data.reason,
      });
      return v;
    case 'ClaimPaymentFailed.v1':
      v.summary.status = 'payment_failed';
      v.payments.push({
        outcome: 'payment_failed',
        paymentId: event.data.paymentId,
        amountFen: event.data.amountFen,
        reason: event.data.reason,
      });
      return v;
  }
}

function viewOfSubmission(d: ClaimSubmittedData): ClaimViewData {
  return {
    summary: {
      claimId: d.claimId,
      kind: d.kind,
      tranche: d.tranche,
      ...(d.classId ? { classId: d.classId } : {}),
      claimantId: d.claimantId,
      claimantKind: d.claimantKind,
      jurisdictionCode: d.jurisdictionCode,
      status: 'submitted',
      requestedFen: d.requestedFen,
      computedFen: d.computedFen,
      submittedOn: d.submittedOn,
      ...(d.firstReviewDueOn ? { dueOn: d.firstReviewDueOn } : {}),
      overdue: false,
    },
    fundSource: d.fundSource,
    computation: structuredClone(d.computation) as ClaimViewData['computation'],
    ...(d.difference ? { difference: structuredClone(d.difference) as ClaimViewData['difference'] } : {}),
    reviews: [],
    objections: [],
    confirmedBy: [],
    payments: [],
    policyVersionIds: [...d.policyVersionIds],
  };
}

/** Folds the recorded events into the claim's rows, in the transaction that recorded them. */
export async function projectClaimEvents(
  tx: PoolClient,
  schema: string,
  claimId: string,
  events: readonly DomainEvent[],
  contacts: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  if (events.length === 0) return;
  const S = `"${schema}"`;
  const { rows } = await tx.query<{ view: ClaimViewData }>(
    `select view from ${S}.claims where claim_id = $1 for update`,
    [claimId],
  );
  let view: ClaimViewData | undefined = rows[0]?.view;
  let submitted: ClaimSubmittedData | undefined;
  for (const event of events as readonly ClaimEvent[]) {
    view = foldClaimView(view, event);
    if (event.type === 'ClaimSubmitted.v1') submitted = event.data;
    if (event.type === 'ClaimObjectionRaised.v1' && contacts.has(event.data.objectionId))
      await tx.query(
        `insert into ${S}.claim_objection_contacts (objection_id, claim_id, contact) values ($1, $2, $3)
         on conflict do nothing`,
        [event.data.objectionId, claimId, contacts.get(event.data.objectionId)],
      );
    if (event.type === 'ClaimRejected.v1' || event.type === 'ClaimReturned.v1')
      // a claim that ends without payment no longer counts towards the limits
      await tx.query(`update ${S}.claim_trainees set counts = false where claim_id = $1`, [claimId]);
  }
  if (!view) return;
  const open = view.objections.filter((o) => !o.finding).length;
  const s = view.summary;
  if (submitted) {
    await tx.query(
      `insert into ${S}.claims (claim_id, kind, tranche, class_id, claimant_id, claimant_kind, jurisdiction_code,
         fund_source, occupation_code, level, headcount, status, requested_fen, computed_fen, submitted_on, due_on, view)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        claimId,
        s.kind,
        s.tranche,
        s.classId ?? null,
        s.claimantId,
        s.claimantKind,
        s.jurisdictionCode,
        view.fundSource,
        submitted.occupationCode ?? null,
        submitted.level ?? null,
        submitted.headcount,
        s.status,
        s.requestedFen,
        s.computedFen,
        s.submittedOn,
        s.dueOn ?? null,
        JSON.stringify(view),
      ],
    );
    const perWorker = new Map<string, number>();
    for (const line of submitted.computation.lines)
      if (line.workerId) perWorker.set(line.workerId, (perWorker.get(line.workerId) ?? 0) + line.amountFen);
    // the year the subsidy counts in: the class's end, else the submission's
    const year = submitted.classYear ?? Number(submitted.submittedOn.slice(0, 4));
    for (const [workerId, amount] of perWorker)
      await tx.query(
        `insert into ${S}.claim_trainees (claim_id, worker_id, class_id, kind, occupation_code, level, year, amount_fen, counts)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          claimId,
          workerId,
          submitted.classId ?? null,
          submitted.kind,
          submitted.occupationCode ?? null,
          submitted.level ?? null,
          year,
          amount,
          TRAINING_SUBSIDY_KINDS.includes(submitted.kind) && submitted.tranche !== 'prepayment',
        ],
      );
    return;
  }
  await tx.query(
    `update ${S}.claims set status = $2, approved_fen = $3, due_on = $4, notice_starts_on = $5, notice_ends_on = $6,
       open_objections = $7, view = $8, updated_at = now() where claim_id = $1`,
    [
      claimId,
      s.status,
      view.approvedFen ?? null,
      s.dueOn ?? null,
      view.noticeStartsOn ?? null,
      view.noticeEndsOn ?? null,
      open,
      JSON.stringify(view),
    ],
  );
}
