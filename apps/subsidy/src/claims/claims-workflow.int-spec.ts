// The claim workflow over NATS against a real PostgreSQL and JetStream, the upstream facts published
// on the bus as their producers will, the service's clock moved through JINENG_TEST_CLOCK_FILE:
// submit (computed amount, difference), two reviews by different officers, the notice across National
// Day 2021 (Jiyuan: 3 working days, reviews within 7), objections (a trainee's) blocking approval, approval → ClaimApproved, the ledger's
// PaymentSettled → ClaimPaid; the 4th subsidy in a year refused, then accepted with an officer's reason.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { subsidyV1 } from '@jineng/contracts';
import { validateContract } from '@jineng/contracts';
import { EVENTS_STREAM, type Principal } from '@jineng/messaging';
import { connectTestNats, eventually, setTestClock, UpstreamBus } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Clock } from '@jineng/kernel';
import { SERVICE_CLOCK } from '@jineng/service-runtime';
import type { Type } from '@nestjs/common';
import { rejection, SubsidyTestService } from '../subsidy-service.fixture';
import { ClaimFactsReader } from './read-model/claim-facts.reader';

const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claims-clock-')), 'clock.json');
/** Moves the service's clock, and waits until the service reads it (it re-reads the file every 50 ms). */
async function at(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  if (!service) return;
  const clock = service.get<Clock>(SERVICE_CLOCK as unknown as Type<Clock>);
  await eventually(() => expect(Math.abs(clock.now().getTime() - Date.parse(iso))).toBeLessThan(60_000));
}

let service: SubsidyTestService;
let nc: NatsConnection;
let bus: UpstreamBus;

beforeAll(async () => {
  await at('2021-09-28T09:00:00+08:00');
  service = await SubsidyTestService.start('subsidy_claims_workflow', {
    env: { JINENG_TEST_CLOCK_FILE: clockFile },
  });
  nc = await connectTestNats(service.nats.url);
  bus = new UpstreamBus(nc);
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const institutionId = randomUUID();
const clerk: Principal = { userId: 'clerk-1', roles: ['institution'], jurisdiction: '419001', institutionId };
const officerA: Principal = { userId: 'officer-a', roles: ['county_officer'], jurisdiction: '419001' };
const officerB: Principal = { userId: 'officer-b', roles: ['county_officer'], jurisdiction: '419001' };
const qujingClerk: Principal = {
  userId: 'clerk-q',
  roles: ['institution'],
  jurisdiction: '530302',
  institutionId,
};
const qujingOfficer: Principal = { userId: 'officer-q', roles: ['county_officer'], jurisdiction: '530302' };
const passerBy: Principal = { userId: 'someone', roles: ['worker'], jurisdiction: '419001' };

const command = <R = subsidyV1.ClaimAccepted>(name: string, principal: Principal, payload: object) =>
  service.command<R>(name, principal, payload);
const query = <R>(name: string, principal: Principal, payload: object) =>
  service.query<R>(name, principal, payload);

/** A class approved, completed and certified, published on the bus as class-ops, registry and certification will. */
async function completedClass(options: {
  jurisdictionCode: string;
  startDate: string;
  endDate: string;
  days: number;
  workers: string[];
  trainingType?: string;
  occupationCode?: string;
}): Promise<string> {
  const classId = randomUUID();
  const head = {
    classId,
    institutionId,
    jurisdictionCode: options.jurisdictionCode,
    occupationCode: options.occupationCode ?? '4-03-02-01',
    level: 5,
    trainingType: options.trainingType ?? 'employment_skills',
    mode: 'commissioned',
    keyGroup: false,
    fundSource: 'employment_subsidy_fund',
    startDate: options.startDate,
    endDate: options.endDate,
    plannedHeadcount: options.workers.length,
    policyVersionIds: [],
  };
  await bus.publish('class-ops', 'ClassApproved.v1', `class-${classId}`, {
    ...head,
    totalHours: options.days * 8,
    theoryHours: options.days * 2,
    practicalHours: options.days * 6,
    workerIds: options.workers,
    approvedBy: 'officer-a',
  });
  await bus.publish('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    ...head,
    daysDelivered: options.days,
    hoursDelivered: options.days * 8,
    sessionsTotal: options.days * 2,
    openingDayHeadcount: options.workers.length,
    averageRuleApplies: false,
    trainees: options.workers.map((workerId) => ({
      workerId,
      sessionsAttended: options.days * 2,
      sessionsTotal: options.days * 2,
      daysAttended: options.days,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
  });
  for (const workerId of options.workers) {
    const certificateId = randomUUID();
    await bus.publish('certification', 'CertificateIssued.v1', `certificate-${certificateId}`, {
      certificateId,
      certificateNumber: `C-${certificateId.slice(0, 8)}`,
      workerId,
      classId,
      institutionId,
      jurisdictionCode: options.jurisdictionCode,
      occupationCode: head.occupationCode,
      level: 5,
      kind: 'skill_level',
      evaluationBodyId: randomUUID(),
      issuedOn: options.endDate,
    });
  }
  for (const workerId of options.workers)
    await bus.publish('registry', 'WorkerRegistered.v1', `worker-${workerId}`, {
      workerId,
      idNumberHash: 'a'.repeat(64),
      idNumberMasked: '4190**********0011',
      nameMasked: '王*',
      gender: 'female',
      jurisdiction: options.jurisdictionCode,
      hukouJurisdiction: options.jurisdictionCode,
      residenceJurisdiction: options.jurisdictionCode,
      education: 'junior_secondary',
      category: 'poor_labour',
      keyGroups: [],
      ableToWork: true,
      willingToWork: true,
      registeredOn: '2019-01-02',
    });
  const reader = service.get(ClaimFactsReader);
  await eventually(async () => {
    expect((await reader.workersOf(options.workers)).size).toBe(options.workers.length);
    expect((await reader.classOf(classId))?.status).toBe('completed');
    expect((await reader.certificatesOf(options.workers)).filter((c) => c.classId === classId)).toHaveLength(
      options.workers.length,
    );
  });
  return classId;
}

async function published(subject: string): Promise<{ data: Record<string, unknown> }[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(EVENTS_STREAM);
  const found: { data: Record<string, unknown> }[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
    if (message?.subject === subject) found.push(message.json());
  }
  return found;
}

const trainees = [randomUUID(), randomUUID(), randomUUID()];
const tender = { reference: 'JY-ZB-2021-031', pricePerTraineeFen: 100_000 };
let jiyuanClass: string;
let claimId: string;

it('submits Jiyuan free training: 3 × the tendered 1 000 ¥ computed, the requested amount shown as a difference', async () => {
  jiyuanClass = await completedClass({
    jurisdictionCode: '419001',
    startDate: '2021-09-06',
    endDate: '2021-09-17',
    days: 10,
    workers: trainees,
  });
  const accepted = await command('SubmitClaim', clerk, {
    kind: 'free_training',
    tranche: 'whole',
    classId: jiyuanClass,
    claimantKind: 'institution',
    requestedFen: 312_000,
    commitmentSigned: true,
    differenceReason: '按计划人数申报',
    tender,
  });
  expect(accepted).toMatchObject({
    events: ['ClaimSubmitted.v1', 'TraineesNamedInClaim.v1'],
    idempotent: false,
  });
  claimId = accepted.id;
  const view = await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });
  const checked = validateContract('jineng.subsidy.v1.ClaimView', view);
  expect(checked.ok ? [] : checked.violations).toEqual([]);
  expect(view.summary).toMatchObject({
    status: 'submitted',
    requestedFen: 312_000,
    computedFen: 300_000,
    submittedOn: '2021-09-28',
    // 「人社部门应在7个工作日内完成受理及审核工作」: 7 working days, National Day 2021 left out
    dueOn: '2021-10-13',
    overdue: false,
  });
  expect(view.computation.lines).toHaveLength(3);
  expect(view.computation.lines[0]).toMatchObject({
    rule: 'subsidies.freeTraining',
    amountFen: 100_000,
    evidence: { classId: jiyuanClass, reference: tender.reference },
  });
  expect(view.difference).toMatchObject({
    requestedFen: 312_000,
    computedFen: 300_000,
    differenceFen: 12_000,
    claimantReason: '按计划人数申报',
  });

  // the same class, kind and tranche again
  const again = await rejection(
    command('SubmitClaim', clerk, {
      kind: 'free_training',
      tranche: 'whole',
      classId: jiyuanClass,
      claimantKind: 'institution',
      requestedFen: 300_000,
      commitmentSigned: true,
      tender,
    }),
  );
  expect(again.code).toBe('CLAIM.ALREADY_CLAIMED');
});

it('the same officer cannot make both reviews; another one can', async () => {
  await at('2021-09-30T09:00:00+08:00');
  await command('FirstReview', officerA, { claimId, decision: 'approve', reason: '材料齐全' });
  const same = await rejection(
    command('SecondReview', officerA, { claimId, decision: 'approve', reason: '同意' }),
  );
  expect([same.code, same.category]).toEqual(['CLAIM.SAME_REVIEWER', 'forbidden']);
  await command('SecondReview', officerB, { claimId, decision: 'approve', reason: '复核通过' });
  const view = await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });
  expect(view.reviews.map((r) => [r.stage, r.reviewedBy])).toEqual([
    ['first', 'officer-a'],
    ['second', 'officer-b'],
  ]);
});

it('the notice counts working days across National Day: published 09-30, 3 working days run until 10-09 (a make-up Saturday)', async () => {
  await command('PublishNotice', officerB, { claimId });
  const view = await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });
  expect([view.noticeStartsOn, view.noticeEndsOn]).toEqual(['2021-09-30', '2021-10-09']);
  // the public page: claimant, class, occupation, headcount, amount — no names
  const notices = await query<subsidyV1.PublicNoticeList>('ListPublicNotices', passerBy, {
    jurisdiction: '410000',
  });
  expect(notices.items).toEqual([
    expect.objectContaining({
      claimId,
      classId: jiyuanClass,
      occupationCode: '4-03-02-01',
      headcount: 3,
      amountFen: 300_000,
    }),
  ]);
  expect(JSON.stringify(notices)).not.toMatch(/workerId|name/i);
});

it('a trainee named in the claim sees it and objects; approval waits for the notice and the objection', async () => {
  const trainee: Principal = { userId: trainees[0], roles: ['worker'], jurisdiction: '419001' };
  const mine = await query<subsidyV1.ClaimList>('ListMyClaims', trainee, {});
  expect(mine.items).toEqual([expect.objectContaining({ claimId, ownAmountFen: 100_000 })]);
  const own = await query<subsidyV1.ClaimView>('GetClaim', trainee, { claimId });
  expect(own.computation.workerIds).toEqual([trainees[0]]);
  expect((await rejection(query('GetClaim', passerBy, { claimId }))).code).toBe('CLAIM.NOT_FOUND');

  const objection = await command('RaiseObjection', trainee, {
    claimId,
    statement: '我只参加了8天',
    contact: '138****0000',
  });
  await at('2021-10-09T16:00:00+08:00');
  const early = await rejection(command('ApproveClaim', officerB, { claimId }));
  expect([early.code, early.details]).toEqual([
    'CLAIM.NOTICE_PERIOD_NOT_OVER',
    { claimId, endsOn: '2021-10-09', today: '2021-10-09' },
  ]);
  await at('2021-10-11T09:00:00+08:00');
  const blocked = await rejection(command('ApproveClaim', officerB, { claimId }));
  expect(blocked.code).toBe('CLAIM.UNRESOLVED_OBJECTIONS');

  const view = await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });
  expect(view.objections).toEqual([
    expect.objectContaining({
      objectionId: objection.id,
      by: 'trainee',
      workerId: trainees[0],
      contact: '138****0000',
    }),
  ]);
  // the contact never went into an event
  expect(JSON.stringify(await published('jineng.evt.subsidy.ClaimObjectionRaised.v1'))).not.toContain(
    '138****0000',
  );

  await command('ResolveObjection', officerB, {
    claimId,
    objectionId: objection.id,
    finding: 'dismissed',
    note: '签到记录显示12天',
  });
  await command('ApproveClaim', officerB, { claimId });
  const [approved] = await eventually(async () => {
    const found = await published('jineng.evt.subsidy.ClaimApproved.v1');
    expect(found).toHaveLength(1);
    return found;
  });
  const checked = validateContract('jineng.subsidy.v1.ClaimApproved', approved.data);
  expect(checked.ok ? [] : checked.violations).toEqual([]);
  expect(approved.data).toMatchObject({
    claimId,
    classId: jiyuanClass,
    claimantId: institutionId,
    claimantKind: 'institution',
    jurisdictionCode: '419001',
    fundSource: 'employment_subsidy_fund',
    amountFen: 300_000,
    breakdownTotalFen: 300_000,
    approvedBy: 'officer-b',
  });
});

it('the ledger’s PaymentSettled makes the claim paid (ClaimPaid), once', async () => {
  const settled = await bus.publish('fund-ledger', 'PaymentSettled.v1', `payment-p1-${claimId}`, {
    paymentId: `p1-${claimId}`,
    claimId,
    reference: 'JN2021101100001',
    amountFen: 300_000,
    settledOn: '2021-10-12',
  });
  await bus.again(settled, randomUUID());
  await eventually(async () => {
    const view = await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });
    expect(view.summary.status).toBe('paid');
    expect(view.payments).toEqual([{ outcome: 'paid', paymentId: `p1-${claimId}`, amountFen: 300_000 }]);
  });
  const paid = await eventually(async () => {
    const found = await published('jineng.evt.subsidy.ClaimPaid.v1');
    expect(found).toHaveLength(1);
    return found;
  });
  expect(paid[0].data).toEqual({ claimId, paymentId: `p1-${claimId}`, amountFen: 300_000 });
});

it('a certificate revoked after payment asks the ledger to recover its share (RecoveryRequested), once', async () => {
  const reader = service.get(ClaimFactsReader);
  const certificate = (await reader.certificatesOf([trainees[1]])).find((c) => c.classId === jiyuanClass)!;
  const revoked = await bus.publish(
    'certification',
    'CertificateRevoked.v1',
    `certificate-${certificate.certificateId}`,
    {
      certificateId: certificate.certificateId,
      certificateNumber: 'C-REVOKED',
      workerId: trainees[1],
      classId: jiyuanClass,
      reason: '考试作弊',
      revokedBy: 'officer-a',
    },
  );
  await bus.again(revoked, randomUUID());
  const [recovery] = await eventually(async () => {
    const found = await published('jineng.evt.subsidy.RecoveryRequested.v1');
    expect(found).toHaveLength(1);
    return found;
  });
  const checked = validateContract('jineng.subsidy.v1.RecoveryRequested', recovery.data);
  expect(checked.ok ? [] : checked.violations).toEqual([]);
  expect(recovery.data).toMatchObject({
    claimId,
    claimantId: institutionId,
    jurisdictionCode: '419001',
    fundSource: 'employment_subsidy_fund',
    amountFen: 100_000,
    certificateId: certificate.certificateId,
    workerId: trainees[1],
  });
  // the audit service's confirmed fraud alert asking for a clawback asks back the rest, once however
  // often it is delivered; an alert naming claims held elsewhere asks nothing of them
  const alertId = randomUUID();
  const alert = await bus.publish('audit', 'FraudAlertConfirmed.v1', `fraud-alert-${alertId}`, {
    alertId,
    ruleId: 'one-account-several-claimants',
    ruleVersion: 1,
    jurisdictionCode: '419001',
    actions: ['clawback', 'suspension'],
    reason: '查实虚假培训',
    confirmedBy: 'auditor-1',
    evidenceEventIds: [randomUUID()],
    claimIds: [claimId, randomUUID()],
    institutionIds: [institutionId],
    workerIds: [],
    classIds: [],
  });
  await bus.again(alert, randomUUID());
  const fraudRecovery = await eventually(async () => {
    const found = await published('jineng.evt.subsidy.RecoveryRequested.v1');
    expect(found).toHaveLength(2);
    return found[1];
  });
  expect(fraudRecovery.data).toMatchObject({ claimId, amountFen: 200_000 });
  expect(String(fraudRecovery.data.reason)).toContain(alertId);
  // nothing is left to ask back: an officer's finding now records nothing more
  await command('RequestRecovery', officerA, { claimId, reason: '查实虚假培训' });
  const view = await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId });
  expect(view.payments.filter((p) => p.outcome === 'recovery_requested').map((p) => p.amountFen)).toEqual([
    100_000, 200_000,
  ]);
  expect((await published('jineng.evt.subsidy.RecoveryRequested.v1')).length).toBe(2);
});

it('a review past its 7 working days is flagged overdue in the lists', async () => {
  await at('2021-10-11T09:00:00+08:00');
  const other = await completedClass({
    jurisdictionCode: '419001',
    startDate: '2021-09-13',
    endDate: '2021-09-24',
    days: 10,
    workers: [randomUUID()],
  });
  const late = await command('SubmitClaim', clerk, {
    kind: 'free_training',
    tranche: 'whole',
    classId: other,
    claimantKind: 'institution',
    requestedFen: 100_000,
    commitmentSigned: true,
    tender,
  });
  // submitted 10-11: due 10-20 (7 working days); on 10-21 it is overdue
  expect((await query<subsidyV1.ClaimView>('GetClaim', officerA, { claimId: late.id })).summary.dueOn).toBe(
    '2021-10-20',
  );
  expect((await query<subsidyV1.ClaimList>('ListClaims', officerA, { overdue: true })).total).toBe(0);
  await at('2021-10-21T09:00:00+08:00');
  const overdue = await query<subsidyV1.ClaimList>('ListClaims', officerA, { overdue: true });
  expect(overdue.items).toEqual([
    expect.objectContaining({ claimId: late.id, overdue: true, dueOn: '2021-10-20' }),
  ]);
});

it('a 4th subsidy in a year (Qujing) is refused with the rule named, then accepted with an officer’s reason', async () => {
  await at('2020-06-01T09:00:00+08:00');
  const worker = randomUUID();
  const classes: string[] = [];
  for (let i = 0; i < 4; i++)
    classes.push(
      await completedClass({
        jurisdictionCode: '530302',
        startDate: `2020-0${i + 1}-06`,
        endDate: `2020-0${i + 1}-10`,
        days: 5,
        workers: [worker],
        trainingType: 'pre_job',
        occupationCode: `6-0${i + 1}-00-00`,
      }),
    );
  const submit = (classId: string) =>
    command('SubmitClaim', qujingClerk, {
      kind: 'flat_per_person',
      tranche: 'whole',
      classId,
      claimantKind: 'institution',
      requestedFen: 80_000,
      commitmentSigned: true,
    });
  for (const classId of classes.slice(0, 3)) await submit(classId);
  const refused = await rejection(submit(classes[3]));
  expect(refused.code).toBe('CLAIM.YEARLY_SUBSIDY_LIMIT');
  expect(refused.details).toMatchObject({
    workerId: worker,
    received: 3,
    maxPerWorker: 3,
    inPrinciple: true,
    rule: 'claims.yearlySubsidyLimit',
  });
  expect(refused.messageZh).toContain('原则上每人每年可享受不超过3次');

  await command('RecordLimitException', qujingOfficer, {
    workerId: worker,
    classId: classes[3],
    reason: '转岗急需，局务会研究同意',
  });
  const accepted = await submit(classes[3]);
  const view = await query<subsidyV1.ClaimView>('GetClaim', qujingOfficer, { claimId: accepted.id });
  expect(view.summary.computedFen).toBe(80_000);
  expect(view.computation.overrides).toEqual([
    { workerId: worker, reason: '转岗急需，局务会研究同意', officerId: 'officer-q' },
  ]);
  // Qujing's plan sets no review deadline either; the list scopes by jurisdiction and pages
  const list = await query<subsidyV1.ClaimList>('ListClaims', qujingOfficer, { pageSize: 2 });
  expect([list.total, list.items.length]).toEqual([4, 2]);
});
