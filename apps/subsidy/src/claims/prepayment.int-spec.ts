// Prepayment (预拨) through the service over NATS, a real PostgreSQL and JetStream (Qujing, clause 二十):
// an enterprise's planned pre-job class approved by class-ops → a prepayment claim of 50 % of the estimate
// → reviews, notice, approval, paid → the class completes with one of three certified → the final claim
// deducts the prepayment as a line of its own (total 0) → its approval asks the prepaid excess back on
// the prepayment claim (RecoveryRequested); a prepaid class cancelled returns the whole prepayment.
// Qujing's plan fixes no notice period: the county (麒麟区) publishes one, as a county may.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { subsidyV1 } from '@jineng/contracts';
import { validateContract } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
import type { Clock } from '@jineng/kernel';
import { connectTestNats, eventually, setTestClock, UpstreamBus } from '@jineng/testing';
import { SERVICE_CLOCK } from '@jineng/service-runtime';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Type } from '@nestjs/common';
import { seedVersionId } from '../policy/seeds/seed-ids';
import { rejection, SubsidyTestService } from '../subsidy-service.fixture';
import { ClaimFactsReader } from './read-model/claim-facts.reader';

const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'prepayment-clock-')), 'clock.json');
async function at(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  if (!service) return;
  const clock = service.get<Clock>(SERVICE_CLOCK as unknown as Type<Clock>);
  await eventually(() => expect(Math.abs(clock.now().getTime() - Date.parse(iso))).toBeLessThan(60_000));
}

let service: SubsidyTestService;
let nc: NatsConnection;
let bus: UpstreamBus;

const COUNTY = '530302';
const institutionId = randomUUID();
const enterpriseId = randomUUID();
const admin: Principal = { userId: 'admin-530000', roles: ['admin'], jurisdiction: '530000' };
const enterprise: Principal = { userId: 'hr-1', roles: ['enterprise'], jurisdiction: COUNTY, enterpriseId };
const institution: Principal = {
  userId: 'clerk-1',
  roles: ['institution'],
  jurisdiction: COUNTY,
  institutionId,
};
const officerA: Principal = { userId: 'officer-a', roles: ['county_officer'], jurisdiction: COUNTY };
const officerB: Principal = { userId: 'officer-b', roles: ['county_officer'], jurisdiction: COUNTY };

beforeAll(async () => {
  await at('2020-02-20T09:00:00+08:00');
  service = await SubsidyTestService.start('subsidy_claims_prepayment', {
    env: { JINENG_TEST_CLOCK_FILE: clockFile },
  });
  nc = await connectTestNats(service.nats.url);
  bus = new UpstreamBus(nc);
  const drafted = await service.command<{ versionId: string }>('DraftPolicyVersion', admin, {
    jurisdiction: COUNTY,
    effectiveFrom: '2020-02-24',
    title: '麒麟区补贴申领公示办法（测试用）',
    document: { title: '麒麟区补贴申领公示办法', issuer: '麒麟区人力资源和社会保障局', number: '测试' },
    parameters: { claims: { publicNoticeWorkingDays: 5 } },
  });
  await service.command('PublishPolicyVersion', admin, { versionId: drafted.versionId });
  await eventually(async () => {
    const policy = await service.query<subsidyV1.EffectivePolicy>('GetEffectivePolicy', admin, {
      jurisdiction: COUNTY,
      date: '2020-03-02',
    });
    expect(JSON.stringify(policy)).toContain('publicNoticeWorkingDays');
  });
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const command = <R = subsidyV1.ClaimAccepted>(name: string, principal: Principal, payload: object) =>
  service.command<R>(name, principal, payload);
const getClaim = (claimId: string) => service.query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });

const head = (classId: string) => ({
  classId,
  institutionId,
  jurisdictionCode: COUNTY,
  occupationCode: '6-01-00-00',
  level: 5,
  trainingType: 'pre_job',
  mode: 'self_run',
  keyGroup: false,
  fundSource: 'employment_subsidy_fund',
  startDate: '2020-03-02',
  endDate: '2020-03-06',
  plannedHeadcount: 3,
  policyVersionIds: [],
});

/** class-ops approves a planned pre-job class of three; the registry knows its trainees. */
async function approvedClass(workers: string[]): Promise<string> {
  const classId = randomUUID();
  await bus.publish('class-ops', 'ClassApproved.v1', `class-${classId}`, {
    ...head(classId),
    totalHours: 40,
    theoryHours: 10,
    practicalHours: 30,
    workerIds: workers,
    approvedBy: 'officer-a',
  });
  for (const workerId of workers)
    await bus.publish('registry', 'WorkerRegistered.v1', `worker-${workerId}`, {
      workerId,
      idNumberHash: 'b'.repeat(64),
      idNumberMasked: '5303**********0011',
      nameMasked: '李*',
      gender: 'male',
      jurisdiction: COUNTY,
      hukouJurisdiction: COUNTY,
      residenceJurisdiction: COUNTY,
      education: 'junior_secondary',
      category: 'rural_labour',
      keyGroups: [],
      ableToWork: true,
      willingToWork: true,
      registeredOn: '2019-01-02',
    });
  const reader = service.get(ClaimFactsReader);
  await eventually(async () => {
    expect((await reader.classOf(classId))?.status).toBe('approved');
    expect((await reader.workersOf(workers)).size).toBe(workers.length);
  });
  return classId;
}

/** Two reviews, the notice, approval after it (the clock moved past its end), the ledger's payment. */
async function throughPayment(claimId: string, amountFen: number): Promise<void> {
  await command('FirstReview', officerA, { claimId, decision: 'approve', reason: '材料齐全' });
  await command('SecondReview', officerB, { claimId, decision: 'approve', reason: '复核通过' });
  await command('PublishNotice', officerB, { claimId });
  const { noticeEndsOn } = await getClaim(claimId);
  await at(`${dayAfter(noticeEndsOn!)}T09:00:00+08:00`);
  await command('ApproveClaim', officerB, { claimId });
  await bus.publish('fund-ledger', 'PaymentSettled.v1', `payment-${claimId}`, {
    paymentId: `p-${claimId}`,
    claimId,
    reference: `JN-${claimId.slice(0, 8)}`,
    amountFen,
    settledOn: '2020-03-01',
  });
  await eventually(async () => expect((await getClaim(claimId)).summary.status).toBe('paid'));
}

const dayAfter = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function recoveries(claimId: string): Promise<number[]> {
  const { rows } = await service.db.pool.query<{ data: { amountFen: number } }>(
    `select data from "${service.schema}".events where stream_id = $1 and type = 'RecoveryRequested.v1' order by version`,
    [`claim-${claimId}`],
  );
  return rows.map((r) => r.data.amountFen);
}

const workers = [randomUUID(), randomUUID(), randomUUID()];
let classId: string;
let prepaymentId: string;

it('an institution’s self-run class is refused the prepayment with the rule and clause named (zh/en)', async () => {
  classId = await approvedClass(workers);
  const refused = await rejection(
    command('SubmitClaim', institution, {
      kind: 'flat_per_person',
      tranche: 'prepayment',
      classId,
      claimantKind: 'institution',
      requestedFen: 120_000,
      commitmentSigned: true,
    }),
  );
  expect(refused.code).toBe('CLAIM.PREPAYMENT_NOT_ELIGIBLE');
  expect(refused.messageZh).toContain('可先行拨付50%的培训补贴资金');
  expect(refused.messageEn).toContain('tendered project training');
});

it('the enterprise’s prepayment of the approved class: 50 % × 800 ¥ × 3 on the roster, through approval and payment', async () => {
  const accepted = await command('SubmitClaim', enterprise, {
    kind: 'flat_per_person',
    tranche: 'prepayment',
    classId,
    claimantKind: 'enterprise',
    requestedFen: 120_000,
    commitmentSigned: true,
  });
  prepaymentId = accepted.id;
  const view = await getClaim(prepaymentId);
  expect(validateContract('jineng.subsidy.v1.ClaimView', view).ok).toBe(true);
  expect(view.summary).toMatchObject({ tranche: 'prepayment', computedFen: 120_000 });
  expect(view.computation.lines).toHaveLength(3);
  for (const line of view.computation.lines) {
    expect(line).toMatchObject({ rule: 'subsidies.prepayment', amountFen: 40_000, share: '0.5' });
    expect(line.policyVersionId).toBe(seedVersionId('qujing-2019'));
    expect(line.clause.join('')).toContain('可先行拨付50%');
  }
  // one prepayment a class
  const again = await rejection(
    command('SubmitClaim', enterprise, {
      kind: 'flat_per_person',
      tranche: 'prepayment',
      classId,
      claimantKind: 'enterprise',
      requestedFen: 120_000,
      commitmentSigned: true,
    }),
  );
  expect(again.code).toBe('CLAIM.ALREADY_CLAIMED');

  await throughPayment(prepaymentId, 120_000);
  expect((await getClaim(prepaymentId)).approvedFen).toBe(120_000);
});

it('the class completes with one of three certified: the final claim deducts the prepayment, the excess is recovered on approval', async () => {
  await bus.publish('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    ...head(classId),
    daysDelivered: 5,
    hoursDelivered: 40,
    sessionsTotal: 10,
    openingDayHeadcount: 3,
    averageRuleApplies: false,
    trainees: workers.map((workerId) => ({
      workerId,
      sessionsAttended: 10,
      sessionsTotal: 10,
      daysAttended: 5,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
  });
  const certificateId = randomUUID();
  await bus.publish('certification', 'CertificateIssued.v1', `certificate-${certificateId}`, {
    certificateId,
    certificateNumber: `C-${certificateId.slice(0, 8)}`,
    workerId: workers[0],
    classId,
    institutionId,
    jurisdictionCode: COUNTY,
    occupationCode: '6-01-00-00',
    level: 5,
    kind: 'training_qualified',
    evaluationBodyId: randomUUID(),
    issuedOn: '2020-03-06',
  });
  const reader = service.get(ClaimFactsReader);
  await eventually(async () => {
    expect((await reader.classOf(classId))?.status).toBe('completed');
    expect((await reader.certificatesOf(workers)).filter((c) => c.classId === classId)).toHaveLength(1);
  });
  // a prepayment comes before completion
  const late = await rejection(
    command('SubmitClaim', enterprise, {
      kind: 'training_per_day',
      tranche: 'prepayment',
      classId,
      claimantKind: 'enterprise',
      requestedFen: 1,
      commitmentSigned: true,
    }),
  );
  expect(late.code).toBe('CLAIM.PREPAYMENT_NOT_IN_ADVANCE');

  const final = await command('SubmitClaim', enterprise, {
    kind: 'flat_per_person',
    tranche: 'whole',
    classId,
    claimantKind: 'enterprise',
    requestedFen: 0,
    commitmentSigned: true,
  });
  const view = await getClaim(final.id);
  expect(view.summary.computedFen).toBe(0);
  const lines = view.computation.lines;
  expect(lines.map((l) => [l.workerId ?? null, l.rule, l.amountFen])).toEqual([
    [workers[0], 'subsidies.flatPerPerson', 80_000],
    [null, 'subsidies.prepayment', -80_000],
  ]);
  expect(lines.reduce((sum, l) => sum + Number(l.amountFen), 0)).toBe(Number(view.computation.totalFen));
  // the deduction line's negative amount is within the contract (signed-money-fen)
  const checked = validateContract('jineng.subsidy.v1.ClaimView', view);
  expect(checked.ok ? [] : checked.violations).toEqual([]);
  expect(lines[1].evidence).toMatchObject({ classId, reference: prepaymentId });
  expect(view.computation.settlement).toEqual({
    prepaymentClaimId: prepaymentId,
    prepaidFen: 120_000,
    grossFen: 80_000,
    deductedFen: 80_000,
    toRecoverFen: 40_000,
  });

  expect(await recoveries(prepaymentId)).toEqual([]);
  await throughPayment(final.id, 0);
  expect(await recoveries(prepaymentId)).toEqual([40_000]);
  // approving again (a retry) asks nothing more
  await rejection(command('ApproveClaim', officerB, { claimId: final.id }));
  expect(await recoveries(prepaymentId)).toEqual([40_000]);
});

it('a prepaid class that never completes (ClassCancelled, withdrawn) returns the whole prepayment, once', async () => {
  await at('2020-02-20T09:00:00+08:00');
  const others = [randomUUID(), randomUUID()];
  const cancelledClass = await approvedClass(others);
  const accepted = await command('SubmitClaim', enterprise, {
    kind: 'flat_per_person',
    tranche: 'prepayment',
    classId: cancelledClass,
    claimantKind: 'enterprise',
    requestedFen: 80_000,
    commitmentSigned: true,
  });
  await throughPayment(accepted.id, 80_000);
  const cancelled = await bus.publish('class-ops', 'ClassCancelled.v1', `class-${cancelledClass}`, {
    classId: cancelledClass,
    institutionId,
    jurisdictionCode: COUNTY,
    reasonCode: 'WITHDRAWN',
  });
  await bus.again(cancelled, randomUUID());
  await eventually(async () => expect(await recoveries(accepted.id)).toEqual([80_000]));
});
