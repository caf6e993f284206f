// Subsidy claims as the people use them, through the gateway (issue 13): the gateway and the subsidy
// service as processes on a bus with identities; class-ops, certification and the registry's events
// published on the bus as their producers will (docs/contracts.md); the service's clock moved by a
// file. The demo users are Yuncheng's (盐湖区 140802); Yuncheng's documents set neither review nor
// notice days nor a yearly limit, so the province admin first publishes a **hypothetical** county
// supplement for 盐湖区 (test data, not a seed) that sets them as Jiyuan and Qujing do.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  connectTestDatabase,
  devToken,
  eventually,
  setTestClock,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
  UpstreamBus,
} from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import readXlsxFile from 'read-excel-file/node';

const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const DEMO_WORKER_ID = '9149a218-3492-5998-8495-1c6fc30e8d6f'; // the dev issuer's worker (apps/gateway/src/auth/demo-users.ts)
const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claims-e2e-clock-')), 'clock.json');

let platform: RunningPlatform;
let db: TestDatabase;
const connections: NatsConnection[] = [];
const buses: Record<string, UpstreamBus> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  setTestClock(clockFile, '2019-09-26T09:00:00+08:00');
  db = await connectTestDatabase('subsidy_claims_e2e');
  platform = await startPlatform(
    [
      { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
      { name: 'subsidy', env: { JINENG_SCHEMA: db.schema, JINENG_TEST_CLOCK_FILE: clockFile } },
    ],
    {},
    60_000,
    { producers: ['class-ops', 'certification'] },
  );
  for (const user of ['admin', 'county_officer', 'city_approver', 'finance_officer', 'institution', 'worker'])
    tokens[user] = await devToken(platform.urls.gateway!, user);
  for (const producer of ['class-ops', 'certification', 'registry']) {
    const nc = await platform.bus.connect(producer);
    connections.push(nc);
    buses[producer] = new UpstreamBus(nc);
  }
}, 120_000);

afterAll(async () => {
  for (const nc of connections) await nc.close();
  await platform?.stop();
  await db?.dispose();
});

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & {
    readonly code?: string;
    readonly details?: Record<string, unknown>;
  };
}

async function call(user: string | undefined, method: string, url: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${url}`, {
    method,
    headers: {
      ...(user ? { Authorization: `Bearer ${tokens[user]}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'Idempotency-Key': randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Moves the service's clock and waits until the service reads it (it answers the notice page for today). */
async function at(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  // the service re-reads the file within 50 ms; a claim's deadlines below are computed on its next command
  await new Promise<void>((resolve) => setTimeout(resolve, 200));
}

/** A file route: the status, the headers that matter, the bytes. */
async function download(user: string | undefined, url: string) {
  const response = await fetch(`${platform.urls.gateway}${url}`, {
    headers: user ? { Authorization: `Bearer ${tokens[user]}` } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const disposition = response.headers.get('content-disposition') ?? '';
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    fileName: disposition.includes("UTF-8''") ? decodeURIComponent(disposition.split("UTF-8''")[1]) : '',
    bytes,
  };
}

/** An .xlsx's rows as { English title: cell }, after its two header rows. */
async function sheetRows(bytes: Buffer): Promise<Record<string, unknown>[]> {
  const [sheet] = await readXlsxFile(bytes);
  const [, en, ...rows] = sheet.data;
  return rows.map((row) => Object.fromEntries(en.map((title, i) => [String(title), row[i]])));
}

async function completedClass(
  workers: readonly string[],
  days: number,
  start: string,
  end: string,
  occupation = '4-03-02-01',
) {
  const classId = randomUUID();
  const head = {
    classId,
    institutionId: DEMO_INSTITUTION_ID,
    jurisdictionCode: '140802',
    occupationCode: occupation,
    level: 5,
    trainingType: 'employment_skills',
    mode: 'commissioned',
    keyGroup: false,
    fundSource: 'employment_subsidy_fund',
    startDate: start,
    endDate: end,
    plannedHeadcount: workers.length,
    policyVersionIds: [],
  };
  await buses['class-ops'].publish('class-ops', 'ClassApproved.v1', `class-${classId}`, {
    ...head,
    totalHours: days * 8,
    theoryHours: days * 2,
    practicalHours: days * 6,
    workerIds: workers,
    approvedBy: 'officer',
  });
  await buses['class-ops'].publish('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    ...head,
    daysDelivered: days,
    hoursDelivered: days * 8,
    sessionsTotal: days * 2,
    openingDayHeadcount: workers.length,
    averageRuleApplies: false,
    trainees: workers.map((workerId) => ({
      workerId,
      sessionsAttended: days * 2,
      sessionsTotal: days * 2,
      daysAttended: days,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
  });
  for (const workerId of workers) {
    const certificateId = randomUUID();
    await buses.certification.publish(
      'certification',
      'CertificateIssued.v1',
      `certificate-${certificateId}`,
      {
        certificateId,
        certificateNumber: `C-${certificateId.slice(0, 8)}`,
        workerId,
        classId,
        institutionId: DEMO_INSTITUTION_ID,
        jurisdictionCode: '140802',
        occupationCode: occupation,
        level: 5,
        kind: 'skill_level',
        evaluationBodyId: randomUUID(),
        issuedOn: end,
      },
    );
  }
  // the service learns the class and the certificates through two consumers, in no fixed order:
  // probe its read model until every certificate is there, so the claim is computed on all of them
  await eventually(
    async () => {
      const { rows } = await db.pool.query<{ n: number }>(
        `select count(*)::int as n from ${db.schema}.claim_certificates where class_id = $1`,
        [classId],
      );
      expect(rows[0]?.n).toBe(workers.length);
    },
    { timeoutMs: 20_000 },
  );
  return classId;
}

const submit = (classId: string, requestedFen: number) =>
  call('institution', 'POST', '/api/v1/claims', {
    kind: 'training_per_day',
    tranche: 'certificate',
    classId,
    claimantKind: 'institution',
    requestedFen,
    commitmentSigned: true,
  });

/** Submits once the service has learnt the class (its local read model follows the bus). */
const submitted = (classId: string, requestedFen: number) =>
  eventually(
    async () => {
      const answer = await submit(classId, requestedFen);
      expect(answer.body.code).not.toBe('CLAIM.CLASS_UNKNOWN');
      expect(answer.body.code).not.toBe('CLAIM.CLASS_NOT_COMPLETED');
      expect(answer.body.code).not.toBe('CLAIM.NOTHING_TO_CLAIM');
      return answer;
    },
    { timeoutMs: 20_000 },
  );

let claimId: string;

it('the province admin publishes the hypothetical county supplement (7 review days, 3 notice days, 3 a year in principle)', async () => {
  const drafted = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140802',
    effectiveFrom: '2019-01-01',
    title: '盐湖区补贴申领办理规程（测试用假设文件）',
    document: {
      title: '盐湖区补贴申领办理规程（测试用假设文件）',
      issuer: '盐湖区人社局',
      number: '测试〔2019〕1号',
    },
    parameters: {
      claims: {
        reviewWorkingDays: 7,
        publicNoticeWorkingDays: 3,
        yearlySubsidyLimit: { maxPerWorker: 3, inPrinciple: true },
      },
    },
  });
  expect(drafted.status).toBe(201);
  const published = await call(
    'admin',
    'POST',
    `/api/v1/policy-versions/${String(drafted.body.versionId)}/publish`,
    {
      pastEffectiveReason: '端到端测试：假设的规程自2019年起施行',
    },
  );
  expect(published.status).toBe(200);
});

it('an institution claims; the same officer cannot make both reviews', async () => {
  const classId = await completedClass(
    [DEMO_WORKER_ID, randomUUID(), randomUUID()],
    12,
    '2019-09-02',
    '2019-09-13',
  );
  const answer = await submitted(classId, 408_000);
  expect(answer.status).toBe(201);
  claimId = String(answer.body.id);
  const view = await call('county_officer', 'GET', `/api/v1/claims/${claimId}`);
  expect(view.status).toBe(200);
  expect(view.body.computation).toMatchObject({ excluded: [] });
  expect(view.body.summary).toMatchObject({
    computedFen: 408_000,
    submittedOn: '2019-09-26',
    dueOn: '2019-10-11',
  });

  await at('2019-09-30T09:00:00+08:00');
  expect(
    (
      await call('county_officer', 'POST', `/api/v1/claims/${claimId}/first-review`, {
        decision: 'approve',
        reason: '材料齐全',
      })
    ).status,
  ).toBe(200);
  const same = await call('county_officer', 'POST', `/api/v1/claims/${claimId}/second-review`, {
    decision: 'approve',
    reason: '同意',
  });
  expect([same.status, same.body.code]).toEqual([403, 'CLAIM.SAME_REVIEWER']);
  expect(
    (
      await call('city_approver', 'POST', `/api/v1/claims/${claimId}/second-review`, {
        decision: 'approve',
        reason: '复核通过',
      })
    ).status,
  ).toBe(200);
});

it('the notice counts working days across National Day 2019, and the public page needs no login', async () => {
  expect((await call('county_officer', 'POST', `/api/v1/claims/${claimId}/notice`, {})).status).toBe(200);
  const view = await call('county_officer', 'GET', `/api/v1/claims/${claimId}`);
  expect([view.body.noticeStartsOn, view.body.noticeEndsOn]).toEqual(['2019-09-30', '2019-10-09']);
  const page = await call(undefined, 'GET', '/api/v1/public/jurisdictions/140800/claim-notices');
  expect(page.status).toBe(200);
  expect(page.body.items).toEqual([
    expect.objectContaining({ claimId, headcount: 3, amountFen: 408_000, endsOn: '2019-10-09' }),
  ]);
  expect(JSON.stringify(page.body)).not.toMatch(/workerId|name|idNumber/i);
});

it('the claims lists export with their filters: the officers’ .xlsx, the public notices without login, a trainee’s own', async () => {
  const officers = await download('county_officer', '/api/v1/claims/export?format=xlsx&status=on_notice');
  expect([officers.status, officers.contentType]).toEqual([
    200,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]);
  expect(officers.fileName).toBe('补贴申领-140802-2019-09-30.xlsx');
  expect((await sheetRows(officers.bytes)).map((r) => [r.claim, r.status, r['computed (fen)']])).toEqual([
    [claimId, 'on_notice', 408_000],
  ]);
  const none = await download('county_officer', '/api/v1/claims/export?format=json&status=paid');
  expect(JSON.parse(none.bytes.toString('utf8')).rows).toEqual([]);

  const notices = await download(
    undefined,
    '/api/v1/public/jurisdictions/140800/claim-notices/export?format=json',
  );
  expect([notices.status, notices.contentType]).toEqual([200, 'application/json; charset=utf-8']);
  const document = JSON.parse(notices.bytes.toString('utf8')) as { rows: Record<string, unknown>[] };
  expect(document.rows).toEqual([expect.objectContaining({ claimId, headcount: 3, amountFen: 408_000 })]);
  expect(notices.bytes.toString('utf8')).not.toContain(DEMO_WORKER_ID);
  expect(notices.bytes.toString('utf8')).not.toMatch(/workerId|name|idNumber/i);

  const mine = await download('worker', '/api/v1/my/claims/export?format=xlsx');
  expect(mine.status).toBe(200);
  expect((await sheetRows(mine.bytes)).map((r) => [r.claim, r['amount in my name (fen)']])).toEqual([
    [claimId, 136_000],
  ]);

  const bad = await call('county_officer', 'GET', '/api/v1/claims/export?format=pdf');
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('format');
  expect((await call('worker', 'GET', '/api/v1/claims/export?format=xlsx')).status).toBe(403);
});

it('objections — from anyone without login, and from a trainee named in the claim — block approval until resolved', async () => {
  const anyone = await call(
    undefined,
    'POST',
    `/api/v1/public/jurisdictions/140802/claims/${claimId}/objections`,
    {
      statement: '该班实际开课天数不足',
      contact: '电话 0359-0000000',
    },
  );
  expect([anyone.status, anyone.body.code, anyone.body.details]).toEqual([201, undefined, undefined]);
  const trainee = await call('worker', 'POST', `/api/v1/claims/${claimId}/objections`, {
    statement: '我只参加了10天',
  });
  expect(trainee.status).toBe(201);
  const mine = await call('worker', 'GET', '/api/v1/my/claims');
  expect(mine.body.items).toEqual([expect.objectContaining({ claimId, ownAmountFen: 136_000 })]);

  await at('2019-10-09T15:00:00+08:00');
  const early = await call('city_approver', 'POST', `/api/v1/claims/${claimId}/approval`, {});
  expect([early.status, early.body.code]).toEqual([409, 'CLAIM.NOTICE_PERIOD_NOT_OVER']);
  await at('2019-10-10T09:00:00+08:00');
  const blocked = await call('city_approver', 'POST', `/api/v1/claims/${claimId}/approval`, {});
  expect([blocked.status, blocked.body.code]).toEqual([409, 'CLAIM.UNRESOLVED_OBJECTIONS']);

  const view = await call('county_officer', 'GET', `/api/v1/claims/${claimId}`);
  const objections = view.body.objections as { objectionId: string; by: string; contact?: string }[];
  expect(objections.map((o) => [o.by, o.contact])).toEqual([
    ['public', '电话 0359-0000000'],
    ['trainee', undefined],
  ]);
  for (const objection of objections)
    expect(
      (
        await call(
          'county_officer',
          'POST',
          `/api/v1/claims/${claimId}/objections/${objection.objectionId}/resolution`,
          {
            finding: 'dismissed',
            note: '签到与视频记录核实为12天',
          },
        )
      ).status,
    ).toBe(200);
  const approved = await call('city_approver', 'POST', `/api/v1/claims/${claimId}/approval`, {});
  expect([approved.status, approved.body.events]).toEqual([200, ['ClaimApproved.v1']]);
});

it('the approved claim’s payment voucher downloads for the finance officer: the basis line by line and its total', async () => {
  const voucher = await download('finance_officer', `/api/v1/claims/${claimId}/voucher?format=json`);
  expect([voucher.status, voucher.fileName]).toEqual([200, `拨付凭证-${claimId}.json`]);
  const document = JSON.parse(voucher.bytes.toString('utf8')) as {
    voucher: { en: string; value: unknown }[];
    lines: { workerId: string; amountFen: number }[];
    totalFen: number;
  };
  expect(document.voucher.find((h) => h.en === 'approved (fen)')?.value).toBe(408_000);
  // Yuncheng 12 days: 10 × 150 + 2 × 100 = 1 700 ¥, 80 % = 1 360 ¥ a trainee, in two tier lines each
  expect([document.lines.length, document.totalFen]).toEqual([6, 408_000]);
  const xlsx = await download('institution', `/api/v1/claims/${claimId}/voucher?format=xlsx`);
  expect([xlsx.status, xlsx.contentType]).toEqual([
    200,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]);
  expect((await download('worker', `/api/v1/claims/${claimId}/voucher?format=xlsx`)).status).toBe(404);
});

it('a 4th subsidy in a year is refused with the rule named, then accepted with an officer’s reason', async () => {
  const worker = randomUUID();
  const classes = [];
  for (const [i, month] of ['03', '04', '05', '06'].entries())
    classes.push(
      await completedClass([worker], 10, `2019-${month}-03`, `2019-${month}-14`, `6-0${i + 1}-00-00`),
    );
  for (const classId of classes.slice(0, 3)) expect((await submitted(classId, 120_000)).status).toBe(201);
  const refused = await submitted(classes[3], 120_000);
  expect([refused.status, refused.body.code]).toEqual([409, 'CLAIM.YEARLY_SUBSIDY_LIMIT']);
  expect(refused.body.details).toMatchObject({
    workerId: worker,
    received: 3,
    rule: 'claims.yearlySubsidyLimit',
  });

  const exception = await call('county_officer', 'POST', '/api/v1/subsidy-limit-exceptions', {
    workerId: worker,
    classId: classes[3],
    reason: '转岗急需，经局务会研究同意',
  });
  expect(exception.status).toBe(201);
  const accepted = await submit(classes[3], 120_000);
  expect(accepted.status).toBe(201);
  const view = await call('county_officer', 'GET', `/api/v1/claims/${String(accepted.body.id)}`);
  expect((view.body.computation as { overrides: unknown[] }).overrides).toEqual([
    {
      workerId: worker,
      reason: '转岗急需，经局务会研究同意',
      officerId: '0b6e1f2a-0004-4a00-8000-000000000004',
    },
  ]);

  // the worker's subsidies of 2019, as the limit counts them: four classes, the exception's reason
  const year = await call('county_officer', 'GET', `/api/v1/workers/${worker}/subsidies?year=2019`);
  expect(year.status).toBe(200);
  expect(year.body).toMatchObject({
    workerId: worker,
    year: 2019,
    classesCounted: 4,
    classesCountedElsewhere: 0,
  });
  const items = year.body.items as unknown as { classId: string; amountFen: number; counts: boolean }[];
  expect(items.map((i) => [i.classId, i.counts])).toEqual(classes.map((classId) => [classId, true]));
  expect(items.every((i) => i.amountFen > 0)).toBe(true);
  expect(year.body.exceptions).toEqual([
    {
      classId: classes[3],
      reason: '转岗急需，经局务会研究同意',
      grantedBy: '0b6e1f2a-0004-4a00-8000-000000000004',
    },
  ]);
  // another year counts nothing; a trainee may not read it; a bad year is a 400 naming the field
  const other = await call('county_officer', 'GET', `/api/v1/workers/${worker}/subsidies?year=2020`);
  expect([other.body.classesCounted, other.body.items]).toEqual([0, []]);
  expect((await call('worker', 'GET', `/api/v1/workers/${worker}/subsidies?year=2019`)).status).toBe(403);
  const bad = await call('county_officer', 'GET', `/api/v1/workers/${worker}/subsidies?year=19`);
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('year');
});

it('the what-if runs as a job: started by the admin, followed to done of total, its .xlsx downloaded', async () => {
  const drafted = await call('admin', 'POST', '/api/v1/policy-versions', {
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
  expect(drafted.status).toBe(201);
  const draftVersionId = String(drafted.body.versionId);
  // the policy's read model follows its events: wait until the draft is there
  await eventually(async () =>
    expect((await call('admin', 'GET', `/api/v1/policy-versions/${draftVersionId}`)).status).toBe(200),
  );
  const started = await call('admin', 'POST', `/api/v1/policy-versions/${draftVersionId}/simulations`, {
    jurisdiction: '140800',
    periodFrom: '2019-01-01',
    periodTo: '2019-12-31',
    format: 'xlsx',
  });
  expect(started.status).toBe(202);
  const jobId = String(started.body.jobId);
  const job = await eventually(
    async () => {
      const answer = await call('admin', 'GET', `/api/v1/subsidy/jobs/${jobId}`);
      expect(answer.body.status).toBe('succeeded');
      return answer.body;
    },
    { timeoutMs: 30_000 },
  );
  // the five completed classes of 2019, each claimed (the certificate tranche, nothing paid yet)
  expect(job).toMatchObject({ kind: 'policy-simulation', done: 5, total: 5, result: { classes: 5 } });
  expect((await call('county_officer', 'GET', `/api/v1/subsidy/jobs/${jobId}`)).status).toBe(404);
  const file = await download('admin', `/api/v1/subsidy/jobs/${jobId}/file`);
  expect(file.status).toBe(200);
  expect(file.fileName).toBe(`政策测算-${draftVersionId}-140800-2019-01-01-2019-12-31.xlsx`);
  const rows = await sheetRows(file.bytes);
  expect(rows).toEqual([
    expect.objectContaining({ kind: 'training_per_day', county: '140802', classes: 5, 'paid (fen)': 0 }),
  ]);
  expect(rows[0]['under the draft (fen)']).toBe((job.result as { draftFen: number }).draftFen);
});
