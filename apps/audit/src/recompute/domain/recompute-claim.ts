// Re-computation (DOMAIN §9: "re-run its computation to see that the money paid is the money due"):
// the claim's subsidy computed again by the very function subsidy ran (libs/subsidy-computation), with
// the inputs rebuilt from the audit copy as it stood when the claim was submitted — the policy versions
// published by then (resolved for the class's jurisdiction on its start date, DOMAIN §7), the completed
// class, the workers' categories, their certificates and employment records, the subsidies they had
// claimed before, the officers' limit exceptions — and compared with what the claim recorded, what was
// approved and what was paid, to the fen. Pure.
import {
  TRAINING_SUBSIDY_KINDS,
  computeClaim,
  policyCategoriesOf,
  resolvePolicy,
  type CertificateFact,
  type ClaimComputation,
  type CompletedClassFacts,
  type EmploymentFact,
  type LimitOverride,
  type PublishedVersion,
  type SubsidyHistoryEntry,
  type SubsidyKind,
  type Tranche,
  type WorkerFacts,
} from '@jineng/subsidy-computation';
import { byRecordedOrder, num, records, text, texts, type AuditRecord } from '../../shared/audit-record';
import { NotInAuditCopy } from '../../explain/domain/explain.errors';
import { RecomputeInputsNotRecorded } from './recompute.errors';

/** Kinds computed from what the claimant supplies with the claim (SubmitClaim's payload), not from events. */
const CLAIMANT_INPUTS: Partial<Record<SubsidyKind, string[]>> = {
  free_training: ['tender'],
  apprenticeship: ['apprentices'],
  small_micro_new_hire: ['hires', 'year'],
  work_based_training: ['wages'],
};

export interface LineDifference {
  readonly workerId?: string;
  readonly rule: string;
  readonly recordedFen: number;
  readonly recomputedFen: number;
}

export interface Recomputation {
  readonly claimId: string;
  readonly kind: string;
  readonly tranche: string;
  readonly recordedFen: number;
  readonly recomputedFen: number;
  readonly approvedFen?: number;
  readonly paidFen: number;
  /** what is due (the smaller of the recomputed and the requested amount, as approval takes it) less what was paid */
  readonly differenceFen: number;
  readonly equal: boolean;
  readonly policyVersionIdsRecorded: string[];
  readonly policyVersionIdsUsed: string[];
  readonly lineDifferences: LineDifference[];
  readonly inputEventIds: string[];
}

/** The ids whose events the inputs come from: the class and its trainees (the handler reads them). */
export function inputIdsOf(claimId: string, copy: readonly AuditRecord[]): string[] {
  const submitted = submittedOf(claimId, copy);
  const computation = submitted.data.computation as { workerIds?: unknown } | undefined;
  const workers = Array.isArray(computation?.workerIds) ? (computation.workerIds as string[]) : [];
  return [
    ...new Set([...(text(submitted.data, 'classId') ? [text(submitted.data, 'classId')!] : []), ...workers]),
  ];
}

export function recomputeClaim(claimId: string, copy: readonly AuditRecord[]): Recomputation {
  const submitted = submittedOf(claimId, copy);
  const d = submitted.data;
  const kind = text(d, 'kind') as SubsidyKind;
  const tranche = text(d, 'tranche') as Tranche;
  const missing = CLAIMANT_INPUTS[kind];
  if (missing) throw new RecomputeInputsNotRecorded({ claimId, kind, inputs: missing });
  // the facts as the copy held them when the claim was submitted
  const known = [...copy]
    .filter((e) => Date.parse(e.recordedAt) <= Date.parse(submitted.recordedAt))
    .sort(byRecordedOrder);
  const used: AuditRecord[] = [submitted];
  const classId = text(d, 'classId');
  const cls = classId ? completedClass(classId, known, used) : undefined;
  const workerIds = [...new Set(cls?.trainees.map((t) => t.workerId) ?? [])];
  const jurisdiction = cls?.jurisdictionCode ?? text(d, 'jurisdictionCode')!;
  const versions = published(known, used);
  const result: ClaimComputation = computeClaim({
    kind,
    tranche,
    policy: resolvePolicy(jurisdiction, cls?.startDate ?? text(d, 'submittedOn')!, versions),
    ...(cls ? { class: cls } : {}),
    workers: workersOf(workerIds, known, used),
    certificates: certificatesOf(workerIds, known, used),
    employments: employmentsOf(workerIds, known, used),
    history: historyOf(workerIds, claimId, known, used),
    overrides: classId ? overridesOf(workerIds, classId, known, used) : [],
  });

  const ofClaim = copy.filter((e) => text(e.data, 'claimId') === claimId);
  const approved = ofClaim.find((e) => e.type === 'ClaimApproved.v1');
  const settledFen = sum(ofClaim.filter((e) => e.type === 'PaymentSettled.v1'));
  const reversedFen = sum(ofClaim.filter((e) => e.type === 'PaymentReversed.v1'));
  const paidFen = settledFen - reversedFen;
  const requestedFen = num(d, 'requestedFen') ?? result.totalFen;
  const dueFen = Math.min(requestedFen, result.totalFen);
  const recordedFen = num(d, 'computedFen') ?? 0;
  const lineDifferences = compareLines(recordedLines(d), result.lines);
  return {
    claimId,
    kind,
    tranche,
    recordedFen,
    recomputedFen: result.totalFen,
    ...(approved ? { approvedFen: num(approved.data, 'amountFen') ?? 0 } : {}),
    paidFen,
    differenceFen: dueFen - paidFen,
    equal: recordedFen === result.totalFen && dueFen === paidFen && lineDifferences.length === 0,
    policyVersionIdsRecorded: texts(d, 'policyVersionIds'),
    policyVersionIdsUsed: [...result.policyVersionIds],
    lineDifferences,
    inputEventIds: [...new Set(used.map((e) => e.eventId))],
  };
}

function submittedOf(claimId: string, copy: readonly AuditRecord[]): AuditRecord {
  const submitted = copy.find((e) => e.type === 'ClaimSubmitted.v1' && text(e.data, 'claimId') === claimId);
  if (!submitted) throw new NotInAuditCopy({ kind: 'claim', id: claimId });
  return submitted;
}

const sum = (events: readonly AuditRecord[]): number =>
  events.reduce((total, e) => total + (num(e.data, 'amountFen') ?? 0), 0);

/** ClassCompleted's contract fields, as subsidy's claim facts read them (claim-facts.read-model.ts). */
function completedClass(
  classId: string,
  known: readonly AuditRecord[],
  used: AuditRecord[],
): CompletedClassFacts | undefined {
  const completed = known
    .filter((e) => e.type === 'ClassCompleted.v1' && text(e.data, 'classId') === classId)
    .pop();
  if (!completed) return undefined;
  used.push(completed);
  const c = completed.data;
  const average = c.averageInspectedHeadcount;
  return {
    classId,
    institutionId: text(c, 'institutionId')!,
    jurisdictionCode: text(c, 'jurisdictionCode')!,
    occupationCode: text(c, 'occupationCode')!,
    level: num(c, 'level')!,
    trainingType: text(c, 'trainingType') as CompletedClassFacts['trainingType'],
    fundSource: text(c, 'fundSource')!,
    startDate: text(c, 'startDate')!,
    endDate: text(c, 'endDate')!,
    daysDelivered: num(c, 'daysDelivered')!,
    openingDayHeadcount: num(c, 'openingDayHeadcount')!,
    ...(typeof average === 'number' || typeof average === 'string'
      ? { averageInspectedHeadcount: Number(average) }
      : {}),
    averageRuleApplies: c.averageRuleApplies === true,
    trainees: records(c, 'trainees').map((t) => ({
      workerId: String(t.workerId),
      daysAttended: Number(t.daysAttended),
      sessionsAttended: Number(t.sessionsAttended),
      sessionsTotal: Number(t.sessionsTotal),
    })),
  };
}

/** The policy versions published by then (their events carry the whole version). */
function published(known: readonly AuditRecord[], used: AuditRecord[]): PublishedVersion[] {
  return known
    .filter((e) => e.type === 'PolicyVersionPublished.v1')
    .map((e) => {
      used.push(e);
      return e.data as unknown as PublishedVersion;
    });
}

function workersOf(ids: readonly string[], known: readonly AuditRecord[], used: AuditRecord[]) {
  const workers = new Map<string, WorkerFacts>();
  const profile = new Map<string, { category: string; keyGroups: string[] }>();
  for (const e of known) {
    const id = text(e.data, 'workerId');
    if (!id || !ids.includes(id)) continue;
    if (e.type === 'WorkerRegistered.v1')
      profile.set(id, { category: text(e.data, 'category') ?? '', keyGroups: texts(e.data, 'keyGroups') });
    else if (e.type === 'WorkerProfileUpdated.v1' && profile.has(id)) {
      const before = profile.get(id)!;
      profile.set(id, {
        category: text(e.data, 'category') ?? before.category,
        keyGroups: Array.isArray(e.data.keyGroups) ? texts(e.data, 'keyGroups') : before.keyGroups,
      });
    } else continue;
    used.push(e);
  }
  for (const [workerId, p] of profile)
    workers.set(workerId, { workerId, categories: policyCategoriesOf(p.category, p.keyGroups) });
  return workers;
}

function certificatesOf(
  ids: readonly string[],
  known: readonly AuditRecord[],
  used: AuditRecord[],
): CertificateFact[] {
  const certificates = new Map<string, CertificateFact>();
  for (const e of known) {
    const id = text(e.data, 'certificateId');
    if (!id) continue;
    if (e.type === 'CertificateIssued.v1' && ids.includes(text(e.data, 'workerId') ?? '')) {
      const c = e.data;
      certificates.set(id, {
        certificateId: id,
        workerId: text(c, 'workerId')!,
        ...(text(c, 'classId') ? { classId: text(c, 'classId') } : {}),
        occupationCode: text(c, 'occupationCode')!,
        level: num(c, 'level')!,
        kind: text(c, 'kind')!,
        issuedOn: text(c, 'issuedOn')!,
        revoked: false,
      });
    } else if (e.type === 'CertificateRevoked.v1' && certificates.has(id))
      certificates.set(id, { ...certificates.get(id)!, revoked: true });
    else continue;
    used.push(e);
  }
  return [...certificates.values()].sort((a, b) =>
    a.issuedOn !== b.issuedOn
      ? a.issuedOn < b.issuedOn
        ? -1
        : 1
      : a.certificateId < b.certificateId
        ? -1
        : 1,
  );
}

function employmentsOf(
  ids: readonly string[],
  known: readonly AuditRecord[],
  used: AuditRecord[],
): EmploymentFact[] {
  return known
    .filter((e) => e.type === 'EmploymentRecorded.v1' && ids.includes(text(e.data, 'workerId') ?? ''))
    .map((e) => {
      used.push(e);
      return {
        employmentId: text(e.data, 'employmentId')!,
        workerId: text(e.data, 'workerId')!,
        startDate: text(e.data, 'startDate')!,
        evidenceKind: text(e.data, 'evidenceKind')!,
        evidenceReference: text(e.data, 'evidenceReference')!,
      };
    })
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/** The training subsidies the workers had claimed in other claims not rejected or returned by then. */
function historyOf(
  ids: readonly string[],
  claimId: string,
  known: readonly AuditRecord[],
  used: AuditRecord[],
): SubsidyHistoryEntry[] {
  const ended = new Set(
    known
      .filter((e) => e.type === 'ClaimRejected.v1' || e.type === 'ClaimReturned.v1')
      .map((e) => text(e.data, 'claimId')),
  );
  const history: SubsidyHistoryEntry[] = [];
  for (const e of known) {
    const other = text(e.data, 'claimId');
    if (e.type !== 'ClaimSubmitted.v1' || other === claimId || ended.has(other)) continue;
    const d = e.data;
    const classId = text(d, 'classId');
    if (!classId || !TRAINING_SUBSIDY_KINDS.includes(text(d, 'kind') as SubsidyKind)) continue;
    const workers = new Set(
      recordedLines(d).flatMap((l) => (l.workerId && ids.includes(l.workerId) ? [l.workerId] : [])),
    );
    if (workers.size === 0) continue;
    used.push(e);
    for (const workerId of workers)
      history.push({
        workerId,
        classId,
        claimId: other!,
        occupationCode: text(d, 'occupationCode') ?? '',
        level: num(d, 'level') ?? 0,
        year: num(d, 'classYear') ?? Number((text(d, 'submittedOn') ?? '0').slice(0, 4)),
      });
  }
  return history;
}

function overridesOf(
  ids: readonly string[],
  classId: string,
  known: readonly AuditRecord[],
  used: AuditRecord[],
): LimitOverride[] {
  return known
    .filter(
      (e) =>
        e.type === 'YearlyLimitExceptionRecorded.v1' &&
        text(e.data, 'classId') === classId &&
        ids.includes(text(e.data, 'workerId') ?? ''),
    )
    .map((e) => {
      used.push(e);
      return {
        workerId: text(e.data, 'workerId')!,
        reason: text(e.data, 'reason')!,
        officerId: text(e.data, 'recordedBy')!,
      };
    });
}

interface LineAmount {
  readonly workerId?: string;
  readonly rule: string;
  readonly amountFen: number;
}

function recordedLines(d: Readonly<Record<string, unknown>>): LineAmount[] {
  const computation = d.computation as { lines?: unknown } | undefined;
  return Array.isArray(computation?.lines) ? (computation.lines as LineAmount[]) : [];
}

/** Per trainee and rule, the recorded and recomputed totals where they differ. */
function compareLines(recorded: readonly LineAmount[], recomputed: readonly LineAmount[]): LineDifference[] {
  const key = (l: LineAmount) => `${l.workerId ?? ''}|${l.rule}`;
  const totals = new Map<
    string,
    { workerId?: string; rule: string; recordedFen: number; recomputedFen: number }
  >();
  const add = (l: LineAmount, side: 'recordedFen' | 'recomputedFen') => {
    const entry = totals.get(key(l)) ?? {
      ...(l.workerId ? { workerId: l.workerId } : {}),
      rule: l.rule,
      recordedFen: 0,
      recomputedFen: 0,
    };
    entry[side] += l.amountFen;
    totals.set(key(l), entry);
  };
  recorded.forEach((l) => add(l, 'recordedFen'));
  recomputed.forEach((l) => add(l, 'recomputedFen'));
  return [...totals.values()].filter((t) => t.recordedFen !== t.recomputedFen);
}
