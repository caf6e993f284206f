// One paid claim's history as the services publish it (docs/contracts.md fields; the claim's
// computation computed by the very function subsidy runs), for the explain, replay and recompute
// specs and their integration test: a Yuncheng per-day class of two trainees, check-ins on a
// registered device, an inspection, results, certificates, the 80 % certificate tranche claimed,
// reviewed, approved, committed, paid and settled.
import { createHash, randomUUID } from 'node:crypto';
import { computeClaim, policyCategoriesOf, resolvePolicy } from '@jineng/subsidy-computation';
import type { AuditRecord } from './audit-record';

export interface SourceEvent {
  readonly service: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export const YUNCHENG_PER_DAY_QUOTE =
  '培训补贴标准按每人每天150元，培训10天以上15天以下的，超过10天的部分按每人每天100元';

export function claimHistory() {
  const ids = {
    versionId: randomUUID(),
    classId: randomUUID(),
    institutionId: randomUUID(),
    deviceId: randomUUID(),
    workers: [randomUUID(), randomUUID()] as const,
    certificates: [randomUUID(), randomUUID()] as const,
    assessmentId: randomUUID(),
    inspectionId: randomUUID(),
    earmarkId: randomUUID(),
    claimId: randomUUID(),
    commitmentId: randomUUID(),
    paymentId: randomUUID(),
    batchId: randomUUID(),
  };
  const [w1, w2] = ids.workers;
  const policyVersion = {
    versionId: ids.versionId,
    jurisdiction: '140800',
    effectiveFrom: '2018-01-01',
    effectiveUntil: '2022-12-31',
    title: '运城市职业技能提升行动（测试）',
    document: { title: '运城市职业技能提升行动实施方案', issuer: '运城市人民政府', issuedOn: '2018-06-01' },
    parameters: {
      subsidies: {
        perDayTraining: {
          tiers: [
            { fromDay: 1, toDay: 10, amountFen: 15_000 },
            { fromDay: 11, toDay: 15, amountFen: 10_000 },
          ],
          maxDays: 15,
        },
        tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.2, employmentWithinMonths: 3 },
      },
    },
    targets: [],
    revision: 1,
    publishedAt: '2018-06-02T02:00:00.000Z',
    publishedBy: 'policy-admin',
    clauses: [{ parameter: 'subsidies.perDayTraining', quotes: [YUNCHENG_PER_DAY_QUOTE] }],
  };
  const plan = {
    classId: ids.classId,
    institutionId: ids.institutionId,
    jurisdictionCode: '140802',
    occupationCode: '4-03-02-01',
    level: 5,
    trainingType: 'employment_skills' as const,
    startDate: '2019-06-03',
    endDate: '2019-06-20',
    totalHours: 96,
    theoryHours: 30,
    practicalHours: 66,
    mode: 'self_run',
    keyGroup: false,
    fundSource: 'employment_subsidy_fund',
    plannedHeadcount: 2,
    workerIds: [w1, w2],
    policyVersionIds: [ids.versionId],
  };
  const trainees = [
    { workerId: w1, sessionsAttended: 24, sessionsTotal: 24, daysAttended: 12 },
    { workerId: w2, sessionsAttended: 20, sessionsTotal: 24, daysAttended: 10 },
  ];
  const completed = {
    ...plan,
    daysDelivered: 12,
    hoursDelivered: 96,
    sessionsTotal: 24,
    openingDayHeadcount: 2,
    averageInspectedHeadcount: 2,
    averageRuleApplies: false,
    trainees,
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
  };
  const certificate = (i: 0 | 1) => ({
    certificateId: ids.certificates[i],
    certificateNumber: `1408201900000${i + 1}`,
    workerId: ids.workers[i],
    classId: ids.classId,
    institutionId: ids.institutionId,
    jurisdictionCode: '140802',
    occupationCode: '4-03-02-01',
    level: 5,
    kind: 'skill_level',
    evaluationBodyId: randomUUID(),
    issuedOn: '2019-06-25',
  });
  const computation = computeClaim({
    kind: 'training_per_day',
    tranche: 'certificate',
    policy: resolvePolicy('140802', plan.startDate, [policyVersion]),
    class: { ...completed, trainees },
    workers: new Map(
      ids.workers.map((w) => [w, { workerId: w, categories: policyCategoriesOf('rural_labour', []) }]),
    ),
    certificates: [0, 1].map((i) => ({ ...certificate(i as 0 | 1), revoked: false })),
    employments: [],
    history: [],
    overrides: [],
  });
  const claimSubmitted = {
    claimId: ids.claimId,
    kind: 'training_per_day',
    tranche: 'certificate',
    classId: ids.classId,
    claimantId: ids.institutionId,
    claimantKind: 'institution',
    jurisdictionCode: '140802',
    fundSource: 'employment_subsidy_fund',
    requestedFen: computation.totalFen,
    computedFen: computation.totalFen,
    breakdownDigest: createHash('sha256').update(JSON.stringify(computation)).digest('hex'),
    occupationCode: '4-03-02-01',
    level: 5,
    classYear: 2019,
    headcount: computation.workerIds.length,
    policyVersionIds: [...computation.policyVersionIds],
    computation: JSON.parse(JSON.stringify(computation)) as Record<string, unknown>,
    commitmentSigned: true,
    submittedOn: '2019-06-28',
    submittedBy: 'inst-user-1',
  };
  const amountFen = computation.totalFen;
  const checkIn = (workerId: string, sessionNo: number, at: string) => ({
    service: 'class-ops',
    streamId: `check-in-${ids.classId}-${workerId}`,
    type: 'CheckInRecorded.v1',
    data: {
      checkInId: randomUUID(),
      classId: ids.classId,
      workerId,
      deviceId: ids.deviceId,
      deviceEventId: `dev-${sessionNo}-${workerId.slice(0, 8)}`,
      sessionNo,
      sessionDate: at.slice(0, 10),
      at,
      distanceMetres: 35,
      faceMatchScore: 0.97,
    },
  });
  const claim = (type: string, data: Record<string, unknown>): SourceEvent => ({
    service: 'subsidy',
    streamId: `claim-${ids.claimId}`,
    type,
    data: { claimId: ids.claimId, ...data },
  });
  const events: SourceEvent[] = [
    {
      service: 'subsidy',
      streamId: `policy-version-${ids.versionId}`,
      type: 'PolicyVersionPublished.v1',
      data: policyVersion,
    },
    ...ids.workers.map((workerId) => ({
      service: 'registry',
      streamId: `worker-${workerId}`,
      type: 'WorkerRegistered.v1',
      data: { workerId, jurisdiction: '140802', category: 'rural_labour', keyGroups: [] },
    })),
    {
      service: 'registry',
      streamId: `device-${ids.deviceId}`,
      type: 'DeviceRegistered.v1',
      data: {
        deviceId: ids.deviceId,
        institutionId: ids.institutionId,
        jurisdiction: '140802',
        serialNumber: 'FP-0001',
        siteName: '盐湖区实训基地',
        kind: 'face',
        registeredOn: '2019-05-20',
      },
    },
    {
      service: 'class-ops',
      streamId: `class-${ids.classId}`,
      type: 'ClassApproved.v1',
      data: { ...plan, approvedBy: 'officer-yc' },
    },
    {
      service: 'fund-ledger',
      streamId: `earmark-${ids.classId}`,
      type: 'ClassEarmarked.v1',
      data: {
        classId: ids.classId,
        earmarkId: ids.earmarkId,
        jurisdictionCode: '140802',
        fundSource: 'employment_subsidy_fund',
        amountFen: 340_000,
      },
    },
    checkIn(w1, 1, '2019-06-03T00:58:00.000Z'),
    checkIn(w2, 1, '2019-06-03T00:59:00.000Z'),
    checkIn(w1, 2, '2019-06-03T05:58:00.000Z'),
    {
      service: 'class-ops',
      streamId: `class-${ids.classId}`,
      type: 'InspectionRecorded.v1',
      data: {
        classId: ids.classId,
        inspectionId: ids.inspectionId,
        inspectedBy: 'officer-yc',
        at: '2019-06-10T02:00:00.000Z',
        place: '盐湖区实训基地',
        teachersPresent: ['t-1'],
        headcount: 2,
        averageInspectedHeadcount: 2,
        ratioToOpeningDay: 1,
      },
    },
    { service: 'class-ops', streamId: `class-${ids.classId}`, type: 'ClassCompleted.v1', data: completed },
    {
      service: 'certification',
      streamId: `assessment-${ids.assessmentId}`,
      type: 'AssessmentResultsRecorded.v1',
      data: {
        assessmentId: ids.assessmentId,
        classId: ids.classId,
        institutionId: ids.institutionId,
        jurisdictionCode: '140802',
        occupationCode: '4-03-02-01',
        level: 5,
        certificateKind: 'skill_level',
        results: ids.workers.map((workerId) => ({
          workerId,
          theoryScore: 82,
          practicalScore: 88,
          outcome: 'passed',
        })),
      },
    },
    ...([0, 1] as const).map((i) => ({
      service: 'certification',
      streamId: `certificate-${ids.certificates[i]}`,
      type: 'CertificateIssued.v1',
      data: certificate(i),
    })),
    claim('ClaimSubmitted.v1', claimSubmitted),
    claim('ClaimFirstReviewed.v1', {
      decision: 'approve',
      reason: '材料齐全',
      reviewedBy: 'officer-a',
      reviewedOn: '2019-07-01',
      overdue: false,
    }),
    claim('ClaimSecondReviewed.v1', {
      decision: 'approve',
      reason: '复核通过',
      reviewedBy: 'officer-b',
      reviewedOn: '2019-07-02',
      overdue: false,
    }),
    claim('ClaimNoticePublished.v1', {
      startsOn: '2019-07-03',
      endsOn: '2019-07-05',
      workingDays: 3,
      publishedBy: 'approver-yc',
    }),
    claim('ClaimApproved.v1', {
      classId: ids.classId,
      claimantId: ids.institutionId,
      claimantKind: 'institution',
      jurisdictionCode: '140802',
      fundSource: 'employment_subsidy_fund',
      amountFen,
      breakdownTotalFen: amountFen,
      policyVersionIds: [ids.versionId],
      approvedBy: 'approver-yc',
    }),
    {
      service: 'fund-ledger',
      streamId: `commitment-${ids.claimId}`,
      type: 'CommitmentMade.v1',
      data: {
        claimId: ids.claimId,
        commitmentId: ids.commitmentId,
        classId: ids.classId,
        jurisdictionCode: '140802',
        fundSource: 'employment_subsidy_fund',
        amountFen,
      },
    },
    {
      service: 'fund-ledger',
      streamId: `payment-${ids.paymentId}`,
      type: 'PaymentBatchIssued.v1',
      data: {
        batchId: ids.batchId,
        fundSource: 'employment_subsidy_fund',
        lines: [{ paymentId: ids.paymentId, claimId: ids.claimId, reference: 'JN20190710-0001', amountFen }],
      },
    },
    {
      service: 'fund-ledger',
      streamId: `payment-${ids.paymentId}`,
      type: 'PaymentSettled.v1',
      data: {
        paymentId: ids.paymentId,
        claimId: ids.claimId,
        reference: 'JN20190710-0001',
        amountFen,
        settledOn: '2019-07-11',
      },
    },
    claim('ClaimPaid.v1', { paymentId: ids.paymentId, amountFen }),
  ];
  // the 20 % tranche: trainee 1 employed within the policy's 3 months, trainee 2 not (yet)
  const employment = {
    claimId: randomUUID(),
    employmentId: randomUUID(),
  };
  const employed = {
    workerId: w1,
    employmentId: employment.employmentId,
    employerCreditCode: '91140800MA0K12345X',
    startDate: '2019-08-01',
    evidenceKind: 'labour_contract',
    evidenceReference: 'HT-2019-0801',
  };
  const trancheComputation = computeClaim({
    kind: 'training_per_day',
    tranche: 'employment',
    policy: resolvePolicy('140802', plan.startDate, [policyVersion]),
    class: { ...completed, trainees },
    workers: new Map(
      ids.workers.map((w) => [w, { workerId: w, categories: policyCategoriesOf('rural_labour', []) }]),
    ),
    certificates: [0, 1].map((i) => ({ ...certificate(i as 0 | 1), revoked: false })),
    employments: [employed],
    history: [],
    overrides: [],
  });
  const employmentEvents: SourceEvent[] = [
    { service: 'registry', streamId: `worker-${w1}`, type: 'EmploymentRecorded.v1', data: employed },
    {
      service: 'subsidy',
      streamId: `claim-${employment.claimId}`,
      type: 'ClaimSubmitted.v1',
      data: {
        ...claimSubmitted,
        claimId: employment.claimId,
        tranche: 'employment',
        requestedFen: trancheComputation.totalFen,
        computedFen: trancheComputation.totalFen,
        headcount: trancheComputation.workerIds.length,
        computation: JSON.parse(JSON.stringify(trancheComputation)) as Record<string, unknown>,
        submittedOn: '2019-08-05',
      },
    },
  ];
  return {
    ids,
    events,
    computation,
    amountFen,
    employmentTranche: { ...employment, events: employmentEvents, amountFen: trancheComputation.totalFen },
  };
}

/** The events as the audit copy would hold them: versions per stream, one second apart from `start`. */
export function asAuditRecords(
  events: readonly SourceEvent[],
  start = '2019-06-01T00:00:00.000Z',
): AuditRecord[] {
  const versions = new Map<string, number>();
  return events.map((event, i) => {
    const version = (versions.get(event.streamId) ?? 0) + 1;
    versions.set(event.streamId, version);
    return {
      eventId: randomUUID(),
      service: event.service,
      type: event.type,
      streamId: event.streamId,
      streamVersion: version,
      recordedAt: new Date(Date.parse(start) + i * 1000).toISOString(),
      hash: createHash('sha256').update(`${event.streamId}|${version}|${i}`).digest('hex'),
      data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
    };
  });
}
