// Fraud alerts on real PostgreSQL and NATS: other services' events (published by their own stores'
// relays, as docs/contracts.md names their fields) reach the audit copy; the scheduled scan — moved by
// the service clock — raises alerts with their evidence, once; auditors triage them (open →
// investigating → confirmed / dismissed, with reasons), list, filter and export them; a confirmed
// alert is published on the bus for the services that act on it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { auditV1, commonV1 } from '@jineng/contracts';
import type { ReceivedDomainError } from '@jineng/ddd';
import { FileStore, type Principal } from '@jineng/messaging';
import { eventually, setTestClock } from '@jineng/testing';
import readXlsxFile from 'read-excel-file/node';
import { AuditTestService, type SourceService } from '../audit-service.fixture';

const AUDITOR_SHANXI: Principal = { userId: 'auditor-sx', roles: ['auditor'], jurisdiction: '140000' };
const AUDITOR_YUNCHENG: Principal = { userId: 'auditor-yc', roles: ['auditor'], jurisdiction: '140800' };
const AUDITOR_TAIYUAN: Principal = { userId: 'auditor-ty', roles: ['auditor'], jurisdiction: '140100' };
const OFFICER: Principal = { userId: 'officer-yc', roles: ['county_officer'], jurisdiction: '140800' };
const system = (service: string) => ({ userId: `system:${service}`, roles: ['system'] });

const clockDir = mkdtempSync(path.join(tmpdir(), 'jineng-fraud-clock-'));
const clockFile = path.join(clockDir, 'clock.json');
let audit: AuditTestService;
let classOps: SourceService;
let subsidy: SourceService;
let registry: SourceService;

const [yunchengClass, taiyuanClass] = [randomUUID(), randomUUID()];
const [instA, instB] = [randomUUID(), randomUUID()];
const traveller = randomUUID();
const device = randomUUID();
const versionId = randomUUID();
const [claim1, claim2] = [randomUUID(), randomUUID()];
const digest = 'c'.repeat(64);

const plan = (
  classId: string,
  institutionId: string,
  jurisdictionCode: string,
  site: { name: string; lat: number; lng: number; radiusMetres: number },
) => ({
  classId,
  institutionId,
  jurisdictionCode,
  occupationCode: '4-03-02-01',
  level: 5,
  trainingType: 'employment_skills',
  startDate: '2026-03-02',
  endDate: '2026-03-11',
  totalHours: 80,
  theoryHours: 24,
  practicalHours: 56,
  mode: 'self_run',
  keyGroup: false,
  fundSource: 'skills_account',
  plannedHeadcount: 10,
  workerIds: [traveller],
  policyVersionIds: [versionId],
  lessonMinutes: 45,
  dailyStartTime: '08:30',
  site,
  approvedBy: 'officer-yc',
});
const checkIn = (classId: string, workerId: string, at: string) => ({
  type: 'CheckInRecorded.v1',
  data: {
    checkInId: randomUUID(),
    classId,
    workerId,
    deviceId: device,
    deviceEventId: randomUUID(),
    sessionNo: 2,
    sessionDate: '2026-03-03',
    at,
    distanceMetres: 12,
    faceMatchScore: 0.93,
  },
});

beforeAll(async () => {
  audit = await AuditTestService.start('audit_fraud', { JINENG_TEST_CLOCK_FILE: clockFile });
  classOps = await audit.source('class-ops');
  subsidy = await audit.source('subsidy');
  registry = await audit.source('registry');
  const inst = (institutionId: string) => ({ userId: 'inst-user', roles: ['institution'], institutionId });
  await classOps.append(
    `class-${yunchengClass}`,
    [
      {
        type: 'ClassApproved.v1',
        data: plan(yunchengClass, instA, '140802', {
          name: 'A',
          lat: 35.0265,
          lng: 111.007,
          radiusMetres: 200,
        }),
      },
    ],
    { jurisdiction: '140802', actor: { userId: 'officer-yc', roles: ['county_officer'] } },
  );
  await classOps.append(
    `class-${taiyuanClass}`,
    [
      {
        type: 'ClassApproved.v1',
        data: plan(taiyuanClass, instB, '140105', {
          name: 'B',
          lat: 37.8706,
          lng: 112.5489,
          radiusMetres: 200,
        }),
      },
    ],
    { jurisdiction: '140105', actor: { userId: 'officer-ty', roles: ['county_officer'] } },
  );
  // the same device checks in six people within ten seconds in Yuncheng, the traveller among them,
  // who checks in at the Taiyuan class (≈ 350 km) forty minutes later
  const burst = [traveller, ...Array.from({ length: 5 }, () => randomUUID())].map((w, i) =>
    checkIn(yunchengClass, w, `2026-03-03T00:40:0${i}Z`),
  );
  for (const c of burst)
    await classOps.append(`check-in-${c.data.checkInId}`, [c], {
      jurisdiction: '140802',
      actor: inst(instA),
    });
  const far = checkIn(taiyuanClass, traveller, '2026-03-03T01:20:00Z');
  await classOps.append(
    `check-in-${far.data.checkInId}`,
    [{ ...far, data: { ...far.data, deviceId: randomUUID() } }],
    {
      jurisdiction: '140105',
      actor: inst(instB),
    },
  );
  // one subsidy a year by this policy; the traveller is named in two approved claims
  await subsidy.append(
    `policy-${versionId}`,
    [
      {
        type: 'PolicyVersionPublished.v1',
        data: {
          versionId,
          jurisdiction: '140000',
          parameters: { claims: { yearlySubsidyLimit: { maxPerWorker: 1, inPrinciple: true } } },
        },
      },
    ],
    { jurisdiction: '140000', actor: { userId: 'admin', roles: ['province_admin'] } },
  );
  for (const [claimId, classId, claimantId, j] of [
    [claim1, yunchengClass, instA, '140802'],
    [claim2, taiyuanClass, instB, '140105'],
  ] as const)
    await subsidy.append(
      `claim-${claimId}`,
      [
        {
          type: 'ClaimApproved.v1',
          data: {
            claimId,
            classId,
            claimantId,
            claimantKind: 'institution',
            jurisdictionCode: j,
            fundSource: 'skills_account',
            amountFen: 96_000,
            breakdownTotalFen: 96_000,
            policyVersionIds: [versionId],
            approvedBy: 'officer',
          },
        },
        {
          type: 'TraineesNamedInClaim.v1',
          data: {
            claimId,
            classId,
            kind: 'training',
            trainees: [{ workerId: traveller, amountFen: 96_000 }],
          },
        },
      ],
      { jurisdiction: j, actor: system('subsidy') },
    );
  // both institutions are paid into one account
  for (const payeeId of [instA, instB])
    await registry.append(
      `payee-account-${payeeId}`,
      [
        {
          type: 'PayeeAccountSealed.v1',
          data: {
            payeeId,
            payeeKind: 'institution',
            sealedAccount: 'AQID',
            accountDigest: digest,
            bankCode: '102',
          },
        },
      ],
      { jurisdiction: '140000', actor: { userId: 'officer-1', roles: ['county_officer'] } },
    );
  await eventually(
    async () => {
      const { rows } = await audit.db.pool.query<{ n: number }>(
        `select count(*)::int as n from "${audit.schema}".audit_events`,
      );
      expect(rows[0].n).toBe(2 + 7 + 1 + 4 + 2);
    },
    { timeoutMs: 20_000 },
  );
}, 60_000);

afterAll(async () => {
  await audit?.dispose();
  rmSync(clockDir, { recursive: true, force: true });
});

const list = (principal: Principal, payload: object = {}) =>
  audit.query<auditV1.FraudAlertPage>('ListFraudAlerts', principal, payload);
const rejection = async (promise: Promise<unknown>): Promise<ReceivedDomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as ReceivedDomainError;
  }
  throw new Error('expected a rejection');
};
const byRule = (page: auditV1.FraudAlertPage, ruleId: string) => page.items.find((a) => a.ruleId === ruleId)!;

// six findings: the traveller's class in Taiyuan overlaps the Yuncheng one (two institutions, two
// sites at once, impossible travel), the device burst, the second subsidy, the shared account
const RULES_FOUND = [
  'device-many-workers-in-seconds',
  'impossible-travel',
  'one-account-several-claimants',
  'subsidies-above-yearly-limit',
  'worker-in-overlapping-classes-of-two-institutions',
  'worker-two-sites-at-once',
];

it('the scheduled scan raises each finding once, with its evidence and the ids it names', async () => {
  expect((await list(AUDITOR_SHANXI)).total).toBe(0);
  // the clock passes the next scan slot
  setTestClock(clockFile, new Date(Date.now() + 20 * 60_000).toISOString());
  await eventually(async () => expect((await list(AUDITOR_SHANXI)).total).toBe(6), { timeoutMs: 20_000 });
  const page = await list(AUDITOR_SHANXI, { sort: 'ruleId' });
  expect(page.items.map((a) => a.ruleId)).toEqual(RULES_FOUND);
  expect(page.items.every((a) => a.status === 'open' && a.ruleVersion === 1)).toBe(true);
  const travel = byRule(page, 'impossible-travel');
  expect(travel).toMatchObject({ jurisdictionCode: '140000', figures: { minutes: 40 } });
  expect(travel.entityIds).toEqual(expect.arrayContaining([traveller, yunchengClass, taiyuanClass]));
  expect(travel.evidenceEventIds).toHaveLength(2);
  // the evidence is events of the copy
  const { rows } = await audit.db.pool.query<{ type: string }>(
    `select type from "${audit.schema}".audit_events where event_id = any($1::uuid[]) order by type`,
    [travel.evidenceEventIds],
  );
  expect(rows.map((r) => r.type)).toEqual(['CheckInRecorded.v1', 'CheckInRecorded.v1']);
  expect(byRule(page, 'device-many-workers-in-seconds')).toMatchObject({
    jurisdictionCode: '140802',
    figures: { workers: 6 },
  });
  expect(byRule(page, 'subsidies-above-yearly-limit')).toMatchObject({ figures: { approved: 2, limit: 1 } });
  const shared = byRule(page, 'one-account-several-claimants');
  expect(shared.entityIds).toEqual(expect.arrayContaining([instA, instB, claim1, claim2]));
  expect(JSON.stringify(shared)).not.toContain(digest);

  // an auditor's run now — a job, its progress step by step — finds the same and raises nothing new
  const commandId = randomUUID();
  const accepted = await audit.command<commonV1.JobAccepted>('RunFraudRules', AUDITOR_SHANXI, {}, commandId);
  expect(accepted).toEqual({ jobId: commandId });
  const job = await eventually(
    async () => {
      const view = await audit.query<commonV1.JobView>('GetJob', AUDITOR_SHANXI, { jobId: accepted.jobId });
      expect(view.status).toBe('succeeded');
      return view;
    },
    { timeoutMs: 30_000 },
  );
  // the copy read and the nine rules, no alert new
  expect(job).toMatchObject({ kind: 'fraud-scan', done: 10, total: 10 });
  const again = job.result as unknown as auditV1.FraudScanResult;
  expect(again).toMatchObject({ findings: 6, raised: 0 });
  expect(again.rules).toHaveLength(9);
  // the same command again finds its job; another auditor does not see it
  expect(await audit.command('RunFraudRules', AUDITOR_SHANXI, {}, commandId)).toEqual({ jobId: commandId });
  await expect(audit.query('GetJob', AUDITOR_YUNCHENG, { jobId: accepted.jobId })).rejects.toMatchObject({
    code: 'JOB.NOT_FOUND',
  });
  expect((await list(AUDITOR_SHANXI)).total).toBe(6);
  // the alerts are events of the audit service's own store, published and copied like any other
  await eventually(async () => {
    const { rows: raised } = await audit.db.pool.query<{ n: number }>(
      `select count(*)::int as n from "${audit.schema}".audit_events where service = 'audit' and type = 'FraudAlertRaised.v1'`,
    );
    expect(raised[0].n).toBe(6);
  });
}, 60_000);

it('scopes the list by jurisdiction, filters, pages and exports .xlsx', async () => {
  expect((await list(AUDITOR_YUNCHENG)).items.map((a) => a.ruleId)).toEqual([
    'device-many-workers-in-seconds',
  ]);
  expect((await list(AUDITOR_TAIYUAN)).total).toBe(0);
  expect((await list(AUDITOR_SHANXI, { entityId: traveller })).total).toBe(5);
  expect((await list(AUDITOR_SHANXI, { ruleId: 'impossible-travel' })).total).toBe(1);
  const paged = await list(AUDITOR_SHANXI, { page: 2, pageSize: 4 });
  expect([paged.total, paged.items.length]).toEqual([6, 2]);
  expect((await rejection(list(OFFICER))).code).toBe('AUDIT.ROLE_NOT_ALLOWED');
  expect((await rejection(list(AUDITOR_YUNCHENG, { jurisdiction: '140000' }))).code).toBe(
    'AUDIT.FOREIGN_JURISDICTION',
  );
  const bad = await rejection(list(AUDITOR_SHANXI, { status: 'closed' }));
  expect(bad.code).toBe('MESSAGING.INVALID_PAYLOAD');

  const files = new FileStore(audit.nc, 'audit');
  const xlsx = await audit.query<commonV1.FileReply>('ExportFraudAlerts', AUDITOR_SHANXI, {
    format: 'xlsx',
    sort: 'ruleId',
  });
  expect(xlsx.fileName).toMatch(/^欺诈预警-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheets = await readXlsxFile(await bytesOf(files, xlsx.fileId));
  const rows = sheets[0].data;
  expect(rows[0]).toContain('规则');
  expect(rows[1]).toContain('Rule');
  const rule = rows[1].indexOf('Rule');
  expect(rows.slice(2).map((r) => r[rule])).toEqual(RULES_FOUND);
}, 60_000);

it('triages: open → investigating → confirmed (published for clawback) or dismissed, each with who and why', async () => {
  const page = await list(AUDITOR_SHANXI);
  const limit = byRule(page, 'subsidies-above-yearly-limit');
  const burst = byRule(page, 'device-many-workers-in-seconds');

  // confirmed only after an investigation; only by an auditor of its jurisdiction
  const early = await rejection(
    audit.command('ConfirmFraudAlert', AUDITOR_SHANXI, {
      alertId: limit.alertId,
      actions: ['clawback'],
      reason: '重复享受补贴已核实',
    }),
  );
  expect(early.code).toBe('FRAUD_ALERT.TRANSITION_REFUSED');
  expect(
    (await rejection(audit.command('StartFraudInvestigation', AUDITOR_YUNCHENG, { alertId: limit.alertId })))
      .code,
  ).toBe('AUDIT.FOREIGN_JURISDICTION');
  expect(
    (await rejection(audit.command('StartFraudInvestigation', AUDITOR_SHANXI, { alertId: randomUUID() })))
      .code,
  ).toBe('FRAUD_ALERT.NOT_FOUND');
  const commandId = randomUUID();
  const started = await audit.command<auditV1.FraudAlertChanged>(
    'StartFraudInvestigation',
    AUDITOR_SHANXI,
    { alertId: limit.alertId, note: '调取两个班的签到' },
    commandId,
  );
  expect(started).toMatchObject({ status: 'investigating', version: 2 });
  // the same command again answers the same and records nothing
  expect(
    await audit.command(
      'StartFraudInvestigation',
      AUDITOR_SHANXI,
      { alertId: limit.alertId, note: '调取两个班的签到' },
      commandId,
    ),
  ).toEqual(started);

  // a reason is required, and the actions must be ones the alert supports
  const noReason = await rejection(
    audit.command('ConfirmFraudAlert', AUDITOR_SHANXI, {
      alertId: limit.alertId,
      actions: ['clawback'],
      reason: '',
    }),
  );
  expect(noReason.code).toBe('MESSAGING.INVALID_PAYLOAD');
  const confirmed = await audit.command<auditV1.FraudAlertChanged>('ConfirmFraudAlert', AUDITOR_SHANXI, {
    alertId: limit.alertId,
    actions: ['clawback'],
    reason: '同一学员同年两次培训补贴，已核实',
  });
  expect(confirmed).toMatchObject({ status: 'confirmed', version: 3 });
  const after = (await list(AUDITOR_SHANXI, { status: 'confirmed' })).items;
  expect(after).toEqual([
    expect.objectContaining({
      alertId: limit.alertId,
      decidedBy: 'auditor-sx',
      reason: '同一学员同年两次培训补贴，已核实',
      actions: ['clawback'],
    }),
  ]);
  // published: the services acting on it get FraudAlertConfirmed.v1 with the claims to recover
  await eventually(async () => {
    const { rows } = await audit.db.pool.query<{ data: auditV1.FraudAlertConfirmed }>(
      `select data from "${audit.schema}".audit_events where service = 'audit' and type = 'FraudAlertConfirmed.v1'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toMatchObject({
      alertId: limit.alertId,
      actions: ['clawback'],
      claimIds: [claim1, claim2].sort(),
      confirmedBy: 'auditor-sx',
    });
  });
  // a confirmed alert is settled
  expect(
    (
      await rejection(
        audit.command('DismissFraudAlert', AUDITOR_SHANXI, {
          alertId: limit.alertId,
          reason: '改为排除处理',
        }),
      )
    ).code,
  ).toBe('FRAUD_ALERT.TRANSITION_REFUSED');

  // the device burst: a Yuncheng auditor dismisses it from open, with the reason
  const dismissed = await audit.command<auditV1.FraudAlertChanged>('DismissFraudAlert', AUDITOR_YUNCHENG, {
    alertId: burst.alertId,
    reason: '集体签到时设备连续识别，现场视频已核对',
  });
  expect(dismissed).toMatchObject({ status: 'dismissed' });
  expect((await list(AUDITOR_YUNCHENG, { status: 'dismissed' })).items[0]).toMatchObject({
    decidedBy: 'auditor-yc',
  });
  // no clawback can be asked of an alert naming no claim
  const travel = byRule(page, 'impossible-travel');
  await audit.command('StartFraudInvestigation', AUDITOR_SHANXI, { alertId: travel.alertId });
  const notApplicable = await rejection(
    audit.command('ConfirmFraudAlert', AUDITOR_SHANXI, {
      alertId: travel.alertId,
      actions: ['clawback'],
      reason: '代签到已核实',
    }),
  );
  expect(notApplicable.code).toBe('FRAUD_ALERT.ACTION_NOT_APPLICABLE');
  expect((await list(AUDITOR_SHANXI, { ruleId: 'impossible-travel' })).items[0].status).toBe('investigating');
}, 60_000);

async function bytesOf(files: FileStore, fileId: string): Promise<Buffer> {
  const { data, verified } = await files.read(fileId);
  const chunks: Buffer[] = [];
  const reader = data.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
  }
  await verified;
  return Buffer.concat(chunks);
}
