// The employment tranche on the moved clock: a Yuncheng certificate tranche claimed opens the window
// (class end + 3 months); the registry's EmploymentRecorded within it prepares the tranche for that
// trainee, one after it does not; the window's end (the scheduler on the service clock) records the
// others as expired; the claimant then claims the 20 % for the employed trainee.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { subsidyV1 } from '@jineng/contracts';
import type { Clock } from '@jineng/kernel';
import { EVENTS_STREAM, type Principal } from '@jineng/messaging';
import { SERVICE_CLOCK } from '@jineng/service-runtime';
import { connectTestNats, eventually, setTestClock, UpstreamBus } from '@jineng/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Type } from '@nestjs/common';
import { SubsidyTestService } from '../subsidy-service.fixture';
import { ClaimFactsReader } from './read-model/claim-facts.reader';

const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'tranche-clock-')), 'clock.json');
let service: SubsidyTestService;
let nc: NatsConnection;
let bus: UpstreamBus;

async function at(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  if (!service) return;
  const clock = service.get<Clock>(SERVICE_CLOCK as unknown as Type<Clock>);
  await eventually(() => expect(Math.abs(clock.now().getTime() - Date.parse(iso))).toBeLessThan(60_000));
}

beforeAll(async () => {
  await at('2019-09-20T09:00:00+08:00');
  service = await SubsidyTestService.start('subsidy_employment_tranche', {
    env: { JINENG_TEST_CLOCK_FILE: clockFile },
  });
  nc = await connectTestNats(service.nats.url);
  bus = new UpstreamBus(nc);
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

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

it('prepares the employment tranche for the employed, expires the others at the window’s end, then pays the 20 %', async () => {
  const institutionId = randomUUID();
  const clerk: Principal = { userId: 'clerk', roles: ['institution'], jurisdiction: '140802', institutionId };
  const workers = [randomUUID(), randomUUID(), randomUUID()];
  const classId = randomUUID();
  const head = {
    classId,
    institutionId,
    jurisdictionCode: '140802',
    occupationCode: '4-03-02-01',
    level: 5,
    trainingType: 'employment_skills',
    mode: 'commissioned',
    keyGroup: false,
    fundSource: 'employment_subsidy_fund',
    startDate: '2019-09-02',
    endDate: '2019-09-13',
    plannedHeadcount: 3,
    policyVersionIds: [],
  };
  await bus.publish('class-ops', 'ClassApproved.v1', `class-${classId}`, {
    ...head,
    workerIds: workers,
    approvedBy: 'o',
  });
  await bus.publish('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    ...head,
    daysDelivered: 12,
    openingDayHeadcount: 3,
    averageRuleApplies: false,
    trainees: workers.map((workerId) => ({
      workerId,
      sessionsAttended: 24,
      sessionsTotal: 24,
      daysAttended: 12,
    })),
  });
  for (const workerId of workers) {
    const certificateId = randomUUID();
    await bus.publish('certification', 'CertificateIssued.v1', `certificate-${certificateId}`, {
      certificateId,
      workerId,
      classId,
      institutionId,
      jurisdictionCode: '140802',
      occupationCode: '4-03-02-01',
      level: 5,
      kind: 'skill_level',
      issuedOn: '2019-09-13',
    });
  }
  const reader = service.get(ClaimFactsReader);
  await eventually(async () => {
    expect((await reader.classOf(classId))?.status).toBe('completed');
    expect(await reader.certificatesOf(workers)).toHaveLength(3);
  });
  const submit = (tranche: string, requestedFen: number) =>
    service.command<subsidyV1.ClaimAccepted>('SubmitClaim', clerk, {
      kind: 'training_per_day',
      tranche,
      classId,
      claimantKind: 'institution',
      requestedFen,
      commitmentSigned: true,
    });
  await submit('certificate', 3 * 136_000);

  const job = (workerId: string, startDate: string) =>
    bus.publish('registry', 'EmploymentRecorded.v1', `worker-${workerId}`, {
      workerId,
      employmentId: randomUUID(),
      employerCreditCode: '91140802MA0GRHXX1X',
      startDate,
      evidenceKind: 'social_insurance',
      evidenceReference: `SB-${workerId.slice(0, 4)}`,
    });
  await job(workers[0], '2019-10-15');
  await job(workers[1], '2019-12-20'); // after the window (2019-09-13 + 3 months = 2019-12-13)
  const [prepared] = await eventually(async () => {
    const found = await published('jineng.evt.subsidy.EmploymentTranchePrepared.v1');
    expect(found).toHaveLength(1);
    return found;
  });
  expect(prepared.data).toMatchObject({
    classId,
    claimantId: institutionId,
    workerId: workers[0],
    employedOn: '2019-10-15',
    until: '2019-12-13',
  });

  // the window's last day passes on the service clock: the scheduler closes it, once
  expect(await published('jineng.evt.subsidy.EmploymentTrancheExpired.v1')).toEqual([]);
  await at('2019-12-14T00:00:05+08:00');
  const [expired] = await eventually(async () => {
    const found = await published('jineng.evt.subsidy.EmploymentTrancheExpired.v1');
    expect(found).toHaveLength(1);
    return found;
  });
  expect(expired.data).toEqual({
    classId,
    claimantId: institutionId,
    until: '2019-12-13',
    employedWorkerIds: [workers[0]],
    expiredWorkerIds: [workers[1], workers[2]],
  });

  const accepted = await submit('employment', 34_000);
  const view = await service.query<subsidyV1.ClaimView>('GetClaim', clerk, { claimId: accepted.id });
  expect(view.summary.computedFen).toBe(34_000);
  expect(view.computation.workerIds).toEqual([workers[0]]);
  expect(view.computation.excluded.map((e) => e.code)).toEqual([
    'CLAIM.NOT_EMPLOYED_IN_WINDOW',
    'CLAIM.NOT_EMPLOYED_IN_WINDOW',
  ]);
});

it('SimulatePolicy re-runs the period’s completed classes under a draft, read-only', async () => {
  const admin: Principal = { userId: 'admin-140000', roles: ['admin'], jurisdiction: '140000' };
  const drafted = await service.command<{ versionId: string }>('DraftPolicyVersion', admin, {
    jurisdiction: '140800',
    effectiveFrom: '2018-03-29',
    title: '运城市培训补贴标准（草案，测试用）',
    document: { title: '运城市培训补贴标准（草案）', issuer: '运城市人民政府', number: '草案' },
    parameters: {
      subsidies: {
        perDayTraining: {
          tiers: [
            { fromDay: 1, toDay: 10, amountFen: 16_000 },
            { fromDay: 11, toDay: 15, amountFen: 10_000 },
          ],
          maxDays: 15,
        },
        tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.2, employmentWithinMonths: 3 },
      },
    },
  });
  const before = await service.db.pool.query(`select count(*)::int as n from "${service.schema}".events`);
  const simulation = await eventually(async () => {
    const answer = await service.query<subsidyV1.PolicySimulation>('SimulatePolicy', admin, {
      draftVersionId: drafted.versionId,
      jurisdiction: '140800',
      periodFrom: '2019-01-01',
      periodTo: '2019-12-31',
    });
    expect(answer.rows.length).toBeGreaterThan(0);
    return answer;
  });
  // certificate tranche: 3 × (10 × 160 + 2 × 100) × 80 % = 4 320 ¥; employment tranche: 1 × 360 ¥; nothing paid yet
  expect(simulation.rows).toEqual([
    expect.objectContaining({
      kind: 'training_per_day',
      county: '140802',
      classes: 1,
      paidFen: 0,
      draftFen: 432_000 + 36_000,
    }),
  ]);
  expect(simulation.rows[0].traineesAffected).toHaveLength(3);
  const after = await service.db.pool.query(`select count(*)::int as n from "${service.schema}".events`);
  expect(after.rows[0].n).toBe(before.rows[0].n);
});
