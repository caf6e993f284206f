// Class operations and the money behind a class, through the gateway with class-ops as a process (issue
// 11): the registry, the subsidy service, certification and the fund ledger are represented by their
// events on their own bus identities (as their relays publish them). A trainee who already holds the
// class's occupation at its level is warned of at opening (certificates held); a class whose earmark the
// ledger refused waits for funds, is refused re-approval until the ledger earmarks, then is approved
// again; a class of the dedicated account (专账) with no earmark does not start when its first session
// opens (ClassStartWithheld, with its reason in zh and en), while an earmarked one does.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDate } from '@jineng/kernel';
import {
  connectTestDatabase,
  devToken,
  eventually,
  setTestClock,
  startPlatform,
  UpstreamBus,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';

const INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f'; // the demo institution user's
const COUNTY = '140802';
const OCCUPATION = '6-18-02-04';
const SOURCE = 'skills_upgrading_account';

let platform: RunningPlatform;
let db: TestDatabase;
let schema: string;
const connections: NatsConnection[] = [];
const upstream: Record<string, UpstreamBus> = {};
const tokens: Record<string, string> = {};
const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'class-ops-funds-clock-')), 'clock.json');

beforeAll(async () => {
  db = await connectTestDatabase('class_ops_funds_e2e');
  schema = await db.freshSchema();
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    { name: 'class-ops', env: { JINENG_SCHEMA: schema, JINENG_TEST_CLOCK_FILE: clockFile } },
  ]);
  for (const user of ['county_officer', 'institution'])
    tokens[user] = await devToken(platform.urls.gateway, user);
  for (const service of ['registry', 'subsidy', 'certification', 'fund-ledger']) {
    const nc = await platform.bus.connect(service);
    connections.push(nc);
    upstream[service] = new UpstreamBus(nc);
  }
}, 180_000);

afterAll(async () => {
  for (const nc of connections) await nc.close();
  await platform?.stop();
  await db?.dispose();
});

interface Answer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function api(user: string, method: string, url: string, body?: unknown, key?: string): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[user]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const rows = async (sql: string, params: unknown[] = []) =>
  (await db.pool.query(sql.replaceAll('S.', `"${schema}".`), params)).rows;

/** The service re-reads its clock file at most every 50 ms: wait past that before acting. */
async function moveClock(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  await new Promise((resolve) => setTimeout(resolve, 120));
}

const today = shanghaiDate(new Date());
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const start = addDays(today, 10);
const teacherId = randomUUID();
const workerIds = Array.from({ length: 4 }, () => randomUUID());
const certificateId = randomUUID();
const [refusedClassId, unearmarkedClassId] = [randomUUID(), randomUUID()];

const plan = (classId: string, workers: string[]) => ({
  classId,
  institutionId: INSTITUTION_ID,
  occupationCode: OCCUPATION,
  level: 5,
  trainingType: 'employment_skills',
  startDate: start,
  endDate: addDays(start, 4),
  totalHours: 40,
  theoryHours: 14,
  practicalHours: 26,
  lessonMinutes: 45,
  teachingPlanReference: 'plans/weld-5.pdf',
  site: { name: '实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 },
  teacherIds: [teacherId],
  mode: 'commissioned',
  keyGroup: false,
  workerIds: workers,
  plannedHeadcount: workers.length,
  fundSource: SOURCE,
});

it('learns the institution, the workers, the policy and a certificate one worker holds', async () => {
  const registry = upstream.registry;
  const institution = `institution-${INSTITUTION_ID}`;
  const scope = [{ occupationCode: OCCUPATION, levels: [5, 4] }];
  await registry.publish('registry', 'InstitutionAppliedForListing.v1', institution, {
    institutionId: INSTITUTION_ID,
    jurisdiction: COUNTY,
    type: 'technical_school',
    creditCode: '91140802MA0FUNDS01',
    scope,
  });
  await registry.publish('registry', 'InstitutionListed.v1', institution, {
    institutionId: INSTITUTION_ID,
    scope,
  });
  await registry.publish('registry', 'TeacherRegistered.v1', institution, {
    institutionId: INSTITUTION_ID,
    teacherId,
  });
  for (const workerId of workerIds)
    await registry.publish('registry', 'WorkerRegistered.v1', `worker-${workerId}`, {
      workerId,
      jurisdiction: COUNTY,
      hukouJurisdiction: COUNTY,
      residenceJurisdiction: COUNTY,
      birthDate: '1990-05-17',
      ableToWork: true,
      willingToWork: true,
    });
  const versionId = randomUUID();
  await upstream.subsidy.publish('subsidy', 'PolicyVersionPublished.v1', `policy-version-${versionId}`, {
    versionId,
    jurisdiction: '140800',
    effectiveFrom: today,
    publishedAt: new Date().toISOString(),
    parameters: {
      classOpening: { maxClassSize: 50, maxTraineesPerTeacher: 20 },
      claims: { sameOccupationLevelAgainAllowed: false },
    },
  });
  await upstream.certification.publish(
    'certification',
    'CertificateIssued.v1',
    `certificate-${certificateId}`,
    {
      certificateId,
      certificateNumber: 'Y000000000001',
      workerId: workerIds[0],
      institutionId: randomUUID(),
      jurisdictionCode: COUNTY,
      occupationCode: OCCUPATION,
      level: 5,
      kind: 'skill_level',
      evaluationBodyId: randomUUID(),
      issuedOn: '2025-06-30',
    },
  );
  await eventually(
    async () => {
      expect(await rows(`select status from S.rm_institutions`)).toEqual([{ status: 'listed' }]);
      expect(await rows(`select count(*)::int as n from S.rm_workers`)).toEqual([{ n: 4 }]);
      expect(await rows(`select version_id from S.rm_policy_versions`)).toEqual([{ version_id: versionId }]);
      expect(await rows(`select worker_id, level from S.rm_certificates where not revoked`)).toEqual([
        { worker_id: workerIds[0], level: 5 },
      ]);
    },
    { timeoutMs: 30_000 },
  );
}, 60_000);

it('warns at opening of a trainee who already holds the occupation at the level, and accepts the class', async () => {
  const answer = await api(
    'institution',
    'POST',
    '/api/v1/classes',
    plan(refusedClassId, workerIds.slice(0, 2)),
  );
  expect(answer.status).toBe(201);
  expect(answer.body.warnings).toEqual([
    {
      code: 'CLASS.WARN_CERTIFICATE_ALREADY_HELD',
      workerId: workerIds[0],
      message: {
        zh: `学员已持有职业 ${OCCUPATION} 5 级证书（2025-06-30 颁发），同一职业同一等级不可重复享受补贴（申领补贴时核定）`,
        en: `the trainee already holds a certificate of occupation ${OCCUPATION} at level 5 (issued 2025-06-30): not subsidised twice for the same occupation and level (decided at claim time)`,
      },
    },
  ]);
  // the revocation takes the certificate away: the next class of the same worker is not warned of it
  await upstream.certification.publish(
    'certification',
    'CertificateRevoked.v1',
    `certificate-${certificateId}`,
    {
      certificateId,
      certificateNumber: 'Y000000000001',
      workerId: workerIds[0],
      reason: '考核舞弊',
      revokedBy: 'officer-1',
    },
  );
  await eventually(async () =>
    expect(await rows(`select revoked from S.rm_certificates`)).toEqual([{ revoked: true }]),
  );
  const other = await api(
    'institution',
    'POST',
    '/api/v1/classes',
    plan(unearmarkedClassId, workerIds.slice(2, 4)),
  );
  expect(other.status).toBe(201);
  expect(other.body.warnings).toBeUndefined();
});

it('waits for funds after the ledger refused, is refused re-approval until the ledger earmarks, then is approved again', async () => {
  for (const classId of [refusedClassId, unearmarkedClassId])
    expect((await api('county_officer', 'POST', `/api/v1/classes/${classId}/approval`, {})).status).toBe(200);
  const earmark = `earmark-${refusedClassId}`;
  await upstream['fund-ledger'].publish('fund-ledger', 'EarmarkRefused.v1', earmark, {
    classId: refusedClassId,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    requestedFen: 600_000,
    availableFen: 100_000,
    reason: 'LEDGER.INSUFFICIENT_FUNDS',
  });
  await eventually(
    async () => {
      expect(await rows(`select status from S.classes where class_id = $1`, [refusedClassId])).toEqual([
        { status: 'awaiting_funds' },
      ]);
      expect(await rows(`select status from S.rm_earmarks where class_id = $1`, [refusedClassId])).toEqual([
        { status: 'refused' },
      ]);
    },
    { timeoutMs: 30_000 },
  );
  const detail = await api('county_officer', 'GET', `/api/v1/classes/${refusedClassId}`);
  expect(detail.status).toBe(200);
  expect(detail.body.funding).toEqual({
    fundSource: SOURCE,
    status: 'refused',
    amountFen: 600_000,
    availableFen: 100_000,
    earmarkRequiredToStart: true,
    reason: {
      zh: `资金来源 ${SOURCE} 余额 1000.00 元，不足预留 6000.00 元，待资金到位`,
      en: `${SOURCE} has 1000.00 yuan available, short of the 6000.00 yuan to earmark: awaiting funds`,
    },
  });

  const early = await api('county_officer', 'POST', `/api/v1/classes/${refusedClassId}/reapproval`, {});
  expect([early.status, early.body.code]).toEqual([409, 'CLASS.FUNDS_NOT_EARMARKED']);
  expect(early.body.details).toMatchObject({
    ledger: 'refused',
    requestedFen: 600_000,
    availableFen: 100_000,
  });
  // only an officer: the institution may not approve its own class
  expect((await api('institution', 'POST', `/api/v1/classes/${refusedClassId}/reapproval`, {})).status).toBe(
    403,
  );
  // bad input: 400 naming the field, nothing changed
  const bad = await api('county_officer', 'POST', '/api/v1/classes/not-a-uuid/reapproval', {});
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('classId');

  // funds came: finance earmarked the class by hand (the ledger's ClassEarmarked after its refusal)
  await upstream['fund-ledger'].publish('fund-ledger', 'ClassEarmarked.v1', earmark, {
    classId: refusedClassId,
    earmarkId: randomUUID(),
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 600_000,
  });
  await eventually(
    async () =>
      expect(await rows(`select status from S.rm_earmarks where class_id = $1`, [refusedClassId])).toEqual([
        { status: 'earmarked' },
      ]),
    { timeoutMs: 30_000 },
  );
  const key = randomUUID();
  const again = await api('county_officer', 'POST', `/api/v1/classes/${refusedClassId}/reapproval`, {}, key);
  expect([again.status, again.body.events, again.body.idempotent]).toEqual([
    200,
    ['ClassReapproved.v1'],
    false,
  ]);
  const repeated = await api(
    'county_officer',
    'POST',
    `/api/v1/classes/${refusedClassId}/reapproval`,
    {},
    key,
  );
  expect([repeated.status, repeated.body.idempotent]).toEqual([200, true]);
  expect(await rows(`select status from S.classes where class_id = $1`, [refusedClassId])).toEqual([
    { status: 'approved' },
  ]);
  const recorded = await rows(
    `select data from S.events where stream_id = $1 and type = 'ClassReapproved.v1'`,
    [`class-${refusedClassId}`],
  );
  expect(recorded).toEqual([
    {
      data: {
        classId: refusedClassId,
        institutionId: INSTITUTION_ID,
        jurisdictionCode: COUNTY,
        fundSource: SOURCE,
        earmarkedFen: 600_000,
        approvedBy: expect.any(String),
      },
    },
  ]);
  // approved again: not a second time
  const twice = await api('county_officer', 'POST', `/api/v1/classes/${refusedClassId}/reapproval`, {});
  expect([twice.status, twice.body.code]).toEqual([409, 'CLASS.WRONG_STATUS']);
}, 90_000);

it('withholds the start of a dedicated-account class the ledger never earmarked when its first session opens; the earmarked one starts', async () => {
  // 08:05 in Shanghai on the start date: the first session (08:30) has opened its check-in window (08:00)
  await moveClock(`${start}T08:05:00+08:00`);
  await eventually(
    async () => {
      expect(await rows(`select status from S.classes where class_id = $1`, [unearmarkedClassId])).toEqual([
        { status: 'awaiting_funds' },
      ]);
      // both gates fired (the earmarked class's too), each once
      expect(
        await rows(
          `select deadline_id, status, attempts from S.deadlines where deadline_id like '%:funds-gate' order by deadline_id`,
        ),
      ).toEqual(
        [refusedClassId, unearmarkedClassId]
          .map((id) => `class-${id}:funds-gate`)
          .sort()
          .map((deadline_id) => ({ deadline_id, status: 'fired', attempts: 1 })),
      );
    },
    { timeoutMs: 30_000 },
  );
  const withheld = await rows(
    `select data from S.events where stream_id = $1 and type = 'ClassStartWithheld.v1'`,
    [`class-${unearmarkedClassId}`],
  );
  expect(withheld).toEqual([
    {
      data: {
        classId: unearmarkedClassId,
        institutionId: INSTITUTION_ID,
        jurisdictionCode: COUNTY,
        fundSource: SOURCE,
        reasonCode: 'NO_EARMARK',
        reason: {
          zh: `专账资金（${SOURCE}）尚未预留，分账核算、专款专用，未预留不得开班`,
          en: `no earmark yet on the dedicated account (${SOURCE}): its money is kept apart and spent only on its purpose, so the class does not start without one`,
        },
      },
    },
  ]);
  const detail = await api('institution', 'GET', `/api/v1/classes/${unearmarkedClassId}`);
  expect(detail.body.class.status).toBe('awaiting_funds');
  expect(detail.body.funding).toMatchObject({
    status: 'none',
    earmarkRequiredToStart: true,
    withheldReasonCode: 'NO_EARMARK',
    reason: { zh: expect.stringContaining('未预留不得开班') },
  });
  // the earmarked class passed its gate: still approved, nothing withheld
  expect(await rows(`select status from S.classes where class_id = $1`, [refusedClassId])).toEqual([
    { status: 'approved' },
  ]);
  expect(
    await rows(
      `select count(*)::int as n from S.events where stream_id = $1 and type = 'ClassStartWithheld.v1'`,
      [`class-${refusedClassId}`],
    ),
  ).toEqual([{ n: 0 }]);
  // withheld on its start day: too late to approve again
  const late = await api('county_officer', 'POST', `/api/v1/classes/${unearmarkedClassId}/reapproval`, {});
  expect([late.status, late.body.code]).toEqual([409, 'CLASS.ALREADY_STARTED']);
}, 60_000);
