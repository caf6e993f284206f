// "Explain this yuan" (DOMAIN §9, issue 15): from a payment, or a line of a claim's breakdown, the chain
// of evidence back to what it rests on — payment → commitment → claim and its breakdown line → class →
// the trainee's check-ins (device, distance from the site) → inspections → result and certificate →
// employment record → the ledger's movements by fund source → the policy version and the clause used.
// Pure: it reads only the audit copy's events it is given, and every link names its event id and hash.
import type { AuditRecord } from '../../shared/audit-record';
import { byRecordedOrder, num, records, text, texts } from '../../shared/audit-record';
import { NotInAuditCopy } from './explain.errors';

export const CHAIN_STEPS = [
  'payment',
  'commitment',
  'claim',
  'breakdown_line',
  'class',
  'check_in',
  'device',
  'inspection',
  'assessment_result',
  'certificate',
  'employment',
  'ledger',
  'policy_version',
] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

export interface EvidenceLink {
  readonly step: ChainStep;
  readonly eventId: string;
  readonly hash: string;
  readonly service: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly workerId?: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface Explanation {
  readonly claimId: string;
  readonly paymentId?: string;
  readonly paidFen: number;
  readonly explainedFen: number;
  readonly links: readonly EvidenceLink[];
  readonly missing: readonly ChainStep[];
}

/** A line of the claim's recorded breakdown (subsidy's `BreakdownLine`, as the event carries it). */
interface Line {
  readonly workerId?: string;
  readonly rule: string;
  readonly amountFen: number;
  readonly evidence: {
    readonly classId?: string;
    readonly certificateId?: string;
    readonly employmentId?: string;
  };
  readonly policyVersionId: string;
  readonly tranchePolicyVersionId?: string;
  readonly clause?: readonly string[];
  readonly [field: string]: unknown;
}

/** The claim a payment pays, from the ledger's events (its batch line, its settlement) or the claim's own. */
export function claimOfPayment(paymentId: string, copy: readonly AuditRecord[]): string {
  for (const event of copy) {
    if (text(event.data, 'paymentId') === paymentId && text(event.data, 'claimId'))
      return text(event.data, 'claimId')!;
    const line = records(event.data, 'lines').find((l) => l.paymentId === paymentId);
    if (line && typeof line.claimId === 'string') return line.claimId;
  }
  throw new NotInAuditCopy({ kind: 'payment', id: paymentId });
}

/** The ids the second round of reads needs: the claim's class, trainees, certificates, employments, versions. */
export function idsNamedByClaim(claimId: string, copy: readonly AuditRecord[]): string[] {
  const submitted = submittedOf(claimId, copy);
  const lines = linesOf(submitted);
  const ids = new Set<string>();
  const classId = text(submitted.data, 'classId');
  if (classId) ids.add(classId);
  for (const line of lines) {
    if (line.workerId) ids.add(line.workerId);
    for (const id of [line.evidence.certificateId, line.evidence.employmentId, line.policyVersionId])
      if (id) ids.add(id);
    if (line.tranchePolicyVersionId) ids.add(line.tranchePolicyVersionId);
  }
  for (const id of texts(submitted.data, 'policyVersionIds')) ids.add(id);
  return [...ids];
}

/** The devices the claim's trainees checked in on (the third round). */
export function devicesOfCheckIns(copy: readonly AuditRecord[]): string[] {
  return [
    ...new Set(
      copy.filter((e) => e.type === 'CheckInRecorded.v1').flatMap((e) => text(e.data, 'deviceId') ?? []),
    ),
  ];
}

export function explainChain(input: {
  readonly claimId: string;
  readonly paymentId?: string;
  /** one trainee's lines (a claim line); all lines when absent */
  readonly workerId?: string;
  readonly copy: readonly AuditRecord[];
}): Explanation {
  const { claimId, workerId } = input;
  const copy = [...input.copy].sort(byRecordedOrder);
  const submitted = submittedOf(claimId, copy);
  const lines = linesOf(submitted).filter((l) => workerId === undefined || l.workerId === workerId);
  const workers = new Set(lines.flatMap((l) => (l.workerId ? [l.workerId] : [])));
  const classId = text(submitted.data, 'classId');
  const ofClaim = (e: AuditRecord) =>
    text(e.data, 'claimId') === claimId || records(e.data, 'lines').some((l) => l.claimId === claimId);
  const ofClass = (e: AuditRecord) => classId !== undefined && text(e.data, 'classId') === classId;
  const links: EvidenceLink[] = [];
  const add = (step: ChainStep, event: AuditRecord, facts: Record<string, unknown>, worker?: string) =>
    links.push({
      step,
      eventId: event.eventId,
      hash: event.hash,
      service: event.service,
      type: event.type,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      recordedAt: event.recordedAt,
      ...(worker ? { workerId: worker } : {}),
      facts,
    });

  // payment: the batch line and the bank's settlement (or failure) of the claim's payments
  const payments = copy.filter(
    (e) =>
      ofClaim(e) &&
      ['PaymentBatchIssued.v1', 'PaymentSettled.v1', 'PaymentFailed.v1'].includes(e.type) &&
      (input.paymentId === undefined || paymentIdsOf(e).includes(input.paymentId)),
  );
  const fundSourceOfPayment = new Map<string, string>();
  for (const e of payments) {
    if (e.type === 'PaymentBatchIssued.v1') {
      const ours = records(e.data, 'lines').filter(
        (l) => l.claimId === claimId && (input.paymentId === undefined || l.paymentId === input.paymentId),
      );
      for (const line of ours) {
        fundSourceOfPayment.set(String(line.paymentId), text(e.data, 'fundSource') ?? '');
        add('payment', e, {
          batchId: text(e.data, 'batchId'),
          fundSource: text(e.data, 'fundSource'),
          ...line,
        });
      }
    } else
      add(
        'payment',
        e,
        pick(e.data, ['paymentId', 'claimId', 'reference', 'amountFen', 'settledOn', 'reason']),
      );
  }
  const settled = payments.filter((e) => e.type === 'PaymentSettled.v1');
  const paidFen = settled.reduce((sum, e) => sum + (num(e.data, 'amountFen') ?? 0), 0);

  for (const e of copy.filter((e) => ofClaim(e) && e.type === 'CommitmentMade.v1'))
    add(
      'commitment',
      e,
      pick(e.data, ['commitmentId', 'claimId', 'jurisdictionCode', 'fundSource', 'amountFen']),
    );

  add('claim', submitted, {
    ...pick(submitted.data, [
      'claimId',
      'kind',
      'tranche',
      'classId',
      'claimantId',
      'claimantKind',
      'jurisdictionCode',
      'fundSource',
      'requestedFen',
      'computedFen',
      'breakdownDigest',
      'policyVersionIds',
      'submittedOn',
    ]),
  });
  for (const e of copy.filter((e) => ofClaim(e) && ['ClaimApproved.v1', 'ClaimPaid.v1'].includes(e.type)))
    add('claim', e, pick(e.data, ['claimId', 'amountFen', 'breakdownTotalFen', 'paymentId', 'approvedBy']));

  for (const line of lines) add('breakdown_line', submitted, { ...line }, line.workerId);

  if (classId) {
    for (const e of copy.filter(
      (e) => ofClass(e) && ['ClassApproved.v1', 'ClassCompleted.v1'].includes(e.type),
    )) {
      const attendance = records(e.data, 'trainees').filter((t) => workers.has(String(t.workerId)));
      add('class', e, {
        ...pick(e.data, [
          'classId',
          'institutionId',
          'jurisdictionCode',
          'occupationCode',
          'level',
          'trainingType',
          'fundSource',
          'startDate',
          'endDate',
          'daysDelivered',
          'openingDayHeadcount',
          'averageInspectedHeadcount',
          'averageRuleApplies',
        ]),
        ...(e.type === 'ClassCompleted.v1' ? { trainees: attendance } : {}),
      });
    }
    const checkIns = copy.filter(
      (e) => ofClass(e) && e.type === 'CheckInRecorded.v1' && workers.has(text(e.data, 'workerId') ?? ''),
    );
    for (const e of checkIns)
      add(
        'check_in',
        e,
        pick(e.data, [
          'checkInId',
          'sessionNo',
          'sessionDate',
          'at',
          'deviceId',
          'distanceMetres',
          'faceMatchScore',
        ]),
        text(e.data, 'workerId'),
      );
    const devices = new Set(checkIns.map((e) => text(e.data, 'deviceId')));
    for (const e of copy.filter((e) => e.type.startsWith('Device') && devices.has(text(e.data, 'deviceId'))))
      add(
        'device',
        e,
        pick(e.data, ['deviceId', 'institutionId', 'kind', 'siteName', 'registeredOn', 'reason']),
      );
    for (const e of copy.filter((e) => ofClass(e) && e.type === 'InspectionRecorded.v1'))
      add(
        'inspection',
        e,
        pick(e.data, [
          'inspectionId',
          'at',
          'place',
          'headcount',
          'averageInspectedHeadcount',
          'ratioToOpeningDay',
        ]),
      );
    for (const e of copy.filter((e) => ofClass(e) && e.type === 'AssessmentResultsRecorded.v1'))
      for (const result of records(e.data, 'results').filter((r) => workers.has(String(r.workerId))))
        add(
          'assessment_result',
          e,
          { ...pick(e.data, ['assessmentId', 'certificateKind', 'occupationCode', 'level']), ...result },
          String(result.workerId),
        );
  }

  const certificates = new Set(lines.flatMap((l) => l.evidence.certificateId ?? []));
  for (const e of copy.filter(
    (e) =>
      ['CertificateIssued.v1', 'CertificateRevoked.v1'].includes(e.type) &&
      certificates.has(text(e.data, 'certificateId') ?? ''),
  ))
    add(
      'certificate',
      e,
      pick(e.data, [
        'certificateId',
        'certificateNumber',
        'classId',
        'kind',
        'occupationCode',
        'level',
        'evaluationBodyId',
        'issuedOn',
        'reason',
      ]),
      text(e.data, 'workerId'),
    );

  const employments = new Set(lines.flatMap((l) => l.evidence.employmentId ?? []));
  for (const e of copy.filter(
    (e) =>
      ['EmploymentRecorded.v1', 'EmploymentEnded.v1'].includes(e.type) &&
      employments.has(text(e.data, 'employmentId') ?? ''),
  ))
    add(
      'employment',
      e,
      pick(e.data, [
        'employmentId',
        'employerCreditCode',
        'startDate',
        'endDate',
        'evidenceKind',
        'evidenceReference',
      ]),
      text(e.data, 'workerId'),
    );

  // the ledger's movements of this money, by fund source: the class's earmark, the claim's commitment,
  // its settled payments and any reversal
  const movements: [string, (e: AuditRecord) => boolean][] = [
    ['ClassEarmarked.v1', ofClass],
    ['CommitmentMade.v1', ofClaim],
    ['PaymentSettled.v1', (e) => payments.includes(e)],
    ['PaymentReversed.v1', ofClaim],
  ];
  for (const [type, belongs] of movements)
    for (const e of copy.filter((e) => e.type === type && belongs(e)))
      add('ledger', e, {
        movement: MOVEMENT[type],
        fundSource:
          text(e.data, 'fundSource') ??
          fundSourceOfPayment.get(text(e.data, 'paymentId') ?? '') ??
          text(submitted.data, 'fundSource'),
        ...pick(e.data, [
          'jurisdictionCode',
          'amountFen',
          'earmarkId',
          'commitmentId',
          'paymentId',
          'recoveryId',
        ]),
      });

  // the policy versions the lines used, with each line's rule and the document's words it quotes
  const versionIds = new Set(
    lines.flatMap((l) => [
      l.policyVersionId,
      ...(l.tranchePolicyVersionId ? [l.tranchePolicyVersionId] : []),
    ]),
  );
  for (const e of copy.filter(
    (e) => e.type === 'PolicyVersionPublished.v1' && versionIds.has(text(e.data, 'versionId') ?? ''),
  )) {
    const versionId = text(e.data, 'versionId')!;
    const rules = [...new Set(lines.filter((l) => l.policyVersionId === versionId).map((l) => l.rule))];
    const clauses = records(e.data, 'clauses').filter((c) => rules.includes(String(c.parameter)));
    add('policy_version', e, {
      ...pick(e.data, [
        'versionId',
        'jurisdiction',
        'effectiveFrom',
        'effectiveUntil',
        'title',
        'revision',
        'publishedAt',
      ]),
      rules,
      clauses:
        clauses.length > 0
          ? clauses
          : rules.map((rule) => ({
              parameter: rule,
              quotes: lines.find((l) => l.rule === rule)?.clause ?? [],
            })),
    });
  }

  const order = (step: ChainStep) => CHAIN_STEPS.indexOf(step);
  links.sort((a, b) => order(a.step) - order(b.step));
  const expected = expectedSteps(classId !== undefined, lines);
  return {
    claimId,
    ...(input.paymentId
      ? { paymentId: input.paymentId }
      : settled[0]
        ? { paymentId: text(settled[0].data, 'paymentId')! }
        : {}),
    paidFen,
    explainedFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    links,
    missing: expected.filter((step) => !links.some((l) => l.step === step)),
  };
}

const MOVEMENT: Record<string, string> = {
  'ClassEarmarked.v1': 'earmark',
  'CommitmentMade.v1': 'commitment',
  'PaymentSettled.v1': 'payment',
  'PaymentReversed.v1': 'reversal',
};

/** The steps a complete chain of this claim has: a class's steps only for a class claim, etc. */
function expectedSteps(hasClass: boolean, lines: readonly Line[]): ChainStep[] {
  return CHAIN_STEPS.filter((step) => {
    if (['class', 'check_in', 'device', 'inspection', 'assessment_result'].includes(step)) return hasClass;
    if (step === 'certificate') return lines.some((l) => l.evidence.certificateId);
    if (step === 'employment') return lines.some((l) => l.evidence.employmentId);
    return true;
  });
}

function submittedOf(claimId: string, copy: readonly AuditRecord[]): AuditRecord {
  const submitted = copy.find((e) => e.type === 'ClaimSubmitted.v1' && text(e.data, 'claimId') === claimId);
  if (!submitted) throw new NotInAuditCopy({ kind: 'claim', id: claimId });
  return submitted;
}

function linesOf(submitted: AuditRecord): Line[] {
  const computation = submitted.data.computation as { lines?: unknown } | undefined;
  return Array.isArray(computation?.lines) ? (computation.lines as Line[]) : [];
}

const paymentIdsOf = (e: AuditRecord): string[] => [
  ...(text(e.data, 'paymentId') ? [text(e.data, 'paymentId')!] : []),
  ...records(e.data, 'lines').flatMap((l) => (typeof l.paymentId === 'string' ? [l.paymentId] : [])),
];

function pick(data: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (data[field] !== undefined) out[field] = data[field];
  return out;
}
