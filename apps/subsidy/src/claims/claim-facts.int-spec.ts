// Claims learn from the other services' events on the real bus (published here as their producers
// will, with the fields of docs/contracts.md): the local read model keeps the classes, certificates,
// workers, employment and ledger outcomes; ClassApproved gives the class estimate the fund ledger
// earmarks — once, however often the approval is delivered.
import { randomUUID } from 'node:crypto';
import { validateContract } from '@jineng/contracts';
import { EVENTS_STREAM } from '@jineng/messaging';
import { connectTestNats, eventually, UpstreamBus } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { seedVersionId } from '../policy/seeds/seed-ids';
import { SubsidyTestService } from '../subsidy-service.fixture';
import { ClaimFactsReader } from './read-model/claim-facts.reader';

let service: SubsidyTestService;
let nc: NatsConnection;
let bus: UpstreamBus;

beforeAll(async () => {
  service = await SubsidyTestService.start('subsidy_claim_facts');
  nc = await connectTestNats(service.nats.url);
  bus = new UpstreamBus(nc);
});

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const classId = randomUUID();
const institutionId = randomUUID();
const workers = [randomUUID(), randomUUID(), randomUUID()];

const classApproved = {
  classId,
  institutionId,
  jurisdictionCode: '140802',
  occupationCode: '4-03-02-01',
  level: 5,
  trainingType: 'employment_skills',
  startDate: '2019-06-03',
  endDate: '2019-06-14',
  totalHours: 96,
  theoryHours: 30,
  practicalHours: 66,
  mode: 'commissioned',
  keyGroup: false,
  fundSource: 'employment_subsidy_fund',
  plannedHeadcount: 3,
  workerIds: workers,
  policyVersionIds: [seedVersionId('yuncheng-2018')],
  approvedBy: 'officer-140802',
};

async function estimates(): Promise<{ data: Record<string, unknown>; metadata: Record<string, unknown> }[]> {
  const jsm = await jetstreamManager(nc);
  const found: { data: Record<string, unknown>; metadata: Record<string, unknown> }[] = [];
  const info = await jsm.streams.info(EVENTS_STREAM);
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
    if (message?.subject === 'jineng.evt.subsidy.ClassSubsidyEstimated.v1') found.push(message.json());
  }
  return found;
}

it('ClassApproved → ClassSubsidyEstimated by the policy in force at the class start, caused by the approval, once', async () => {
  const approval = await bus.publish('class-ops', 'ClassApproved.v1', `class-${classId}`, classApproved);
  const [estimate] = await eventually(
    async () => {
      const found = await estimates();
      expect(found).toHaveLength(1);
      return found;
    },
    { timeoutMs: 20_000 },
  );
  expect(estimate.data).toMatchObject({
    classId,
    jurisdictionCode: '140802',
    fundSource: 'employment_subsidy_fund',
    amountFen: 3 * 170_000,
    policyVersionIds: [seedVersionId('yuncheng-2018')],
    basis: { rule: 'subsidies.perDayTraining', headcount: 3, days: 12, perTraineeFen: 170_000 },
  });
  const checked = validateContract('jineng.subsidy.v1.ClassSubsidyEstimated', estimate.data);
  expect(checked.ok ? [] : checked.violations).toEqual([]);
  expect(estimate.metadata).toMatchObject({
    causationId: approval.id,
    correlationId: approval.metadata.correlationId,
    actor: { userId: 'system:subsidy-claims' },
  });

  // a redelivery the bus cannot tell apart (another message id): the same command, nothing new. The
  // consumer handles in order, so once a later approval is estimated the redelivery has been handled.
  await bus.again(approval, randomUUID());
  const later = randomUUID();
  await bus.publish('class-ops', 'ClassApproved.v1', `class-${later}`, { ...classApproved, classId: later });
  const after = await eventually(
    async () => {
      const found = await estimates();
      expect(found).toHaveLength(2);
      return found;
    },
    { timeoutMs: 20_000 },
  );
  expect(after.map((e) => e.data.classId)).toEqual([classId, later]);
});

it('keeps the completed class, certificates and their revocation, workers, employment and ledger outcomes', async () => {
  await bus.publish('registry', 'WorkerRegistered.v1', `worker-${workers[0]}`, {
    workerId: workers[0],
    idNumberHash: 'a'.repeat(64),
    idNumberMasked: '1408**********0011',
    nameMasked: '张*',
    gender: 'male',
    jurisdiction: '140802',
    hukouJurisdiction: '140802',
    residenceJurisdiction: '140802',
    education: 'senior_secondary',
    category: 'poor_labour',
    keyGroups: ['migrant_worker'],
    ableToWork: true,
    willingToWork: true,
    registeredOn: '2019-01-02',
  });
  await bus.publish('registry', 'EmploymentRecorded.v1', `worker-${workers[0]}`, {
    workerId: workers[0],
    employmentId: randomUUID(),
    employerCreditCode: '91140802MA0GRHXX1X',
    startDate: '2019-07-01',
    evidenceKind: 'labour_contract',
    evidenceReference: 'HT-2019-001',
  });
  await bus.publish('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    ...classApproved,
    daysDelivered: 12,
    hoursDelivered: 96,
    sessionsTotal: 24,
    openingDayHeadcount: 3,
    averageInspectedHeadcount: 2.5,
    averageRuleApplies: true,
    trainees: workers.map((workerId) => ({
      workerId,
      sessionsAttended: 24,
      sessionsTotal: 24,
      daysAttended: 12,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
  });
  const certificateIds = workers.map(() => randomUUID());
  for (const [i, workerId] of workers.entries())
    await bus.publish('certification', 'CertificateIssued.v1', `certificate-${certificateIds[i]}`, {
      certificateId: certificateIds[i],
      certificateNumber: `CERT-${i}`,
      workerId,
      classId,
      institutionId,
      jurisdictionCode: '140802',
      occupationCode: '4-03-02-01',
      level: 5,
      kind: 'skill_level',
      evaluationBodyId: randomUUID(),
      issuedOn: '2019-06-20',
    });
  await bus.publish('certification', 'CertificateRevoked.v1', `certificate-${certificateIds[2]}`, {
    certificateId: certificateIds[2],
    certificateNumber: 'CERT-2',
    workerId: workers[2],
    classId,
    reason: 'fraud',
    revokedBy: 'officer-140802',
  });
  const claimId = randomUUID();
  await bus.publish('fund-ledger', 'CommitmentMade.v1', `commitment-${claimId}`, {
    claimId,
    commitmentId: randomUUID(),
    classId,
    jurisdictionCode: '140802',
    fundSource: 'employment_subsidy_fund',
    amountFen: 272_000,
  });

  const reader = service.get(ClaimFactsReader);
  const cls = await eventually(async () => {
    const found = await reader.classOf(classId);
    expect(found?.status).toBe('completed');
    return found!;
  });
  expect(cls.completed).toMatchObject({
    classId,
    trainingType: 'employment_skills',
    openingDayHeadcount: 3,
    averageInspectedHeadcount: 2.5,
    averageRuleApplies: true,
    trainees: workers.map((workerId) => ({ workerId, daysAttended: 12 })),
  });
  await eventually(async () => {
    const certificates = await reader.certificatesOf(workers);
    expect(certificates.map((c) => [c.workerId, c.revoked])).toEqual(
      expect.arrayContaining([
        [workers[0], false],
        [workers[1], false],
        [workers[2], true],
      ]),
    );
  });
  await eventually(async () => {
    expect((await reader.workersOf(workers)).get(workers[0])?.categories).toEqual([
      'former_poor_labour',
      'poor_labour',
      'rural_migrant',
    ]);
    expect((await reader.employmentsOf(workers)).map((e) => e.evidenceReference)).toEqual(['HT-2019-001']);
  });
  await eventually(async () => {
    const { rows } = await service.db.pool.query(
      `select outcome, amount_fen::int as amount from "${service.schema}".claim_ledger_outcomes where claim_id = $1`,
      [claimId],
    );
    expect(rows).toEqual([{ outcome: 'commitment_made', amount: 272_000 }]);
  });
});
