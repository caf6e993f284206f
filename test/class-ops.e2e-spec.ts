// Class opening as an institution and an officer drive it through the gateway (issue 11, slice 1):
// the registry and the subsidy service publish what class-ops' local read models keep (an
// institution with its teacher, workers, a policy version); an application that breaks many rules
// is refused with all of them at once; a worker the registry found hard to move into work
// (自身难以实现转移就业) is refused on the dedicated account once that finding has travelled to class-ops;
// a good one is accepted, approved once, and its events are recorded with the contract's fields.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  WorkingDayCalendar,
  creditCodeCheckCharacter,
  residentIdCheckCharacter,
  shanghaiDate,
} from '@jineng/kernel';
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

const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const developmentKey = (seed: string) => createHash('sha256').update(seed).digest('base64');
const REGISTRY_KEYS = {
  JINENG_REGISTRY_DATA_KEY: developmentKey('jineng development registry data key - not for production'),
  JINENG_REGISTRY_LOOKUP_KEY: developmentKey('jineng development registry lookup key - not for production'),
};

let sequence = 0;
function residentIdNumber(birthDate: string): string {
  sequence += 1;
  const first17 = `140802${birthDate.replace(/-/g, '')}${String(sequence * 2 + 1).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}
function creditCode(): string {
  const first17 = `91140802${String(Date.now() % 1e8).padStart(8, '0')}7`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

let platform: RunningPlatform;
let db: TestDatabase;
/** certification's own bus identity: its ClassSatisfactionBelowMinimum as its relay publishes it */
let certificationBus: NatsConnection;
const schemas: Record<string, string> = {};
const tokens: Record<string, string> = {};
const today = shanghaiDate(new Date());
const calendar = WorkingDayCalendar.national();
const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'class-ops-clock-')), 'clock.json');

beforeAll(async () => {
  db = await connectTestDatabase('class_ops_e2e');
  for (const service of ['registry', 'subsidy', 'class-ops']) schemas[service] = await db.freshSchema();
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    { name: 'registry', env: { JINENG_SCHEMA: schemas.registry, ...REGISTRY_KEYS } },
    { name: 'subsidy', env: { JINENG_SCHEMA: schemas.subsidy } },
    { name: 'class-ops', env: { JINENG_SCHEMA: schemas['class-ops'], JINENG_TEST_CLOCK_FILE: clockFile } },
  ]);
  for (const user of ['admin', 'county_officer', 'institution', 'worker'])
    tokens[user] = await devToken(platform.urls.gateway, user);
  certificationBus = await platform.bus.connect('certification');
}, 180_000);

afterAll(async () => {
  await certificationBus?.close();
  await platform?.stop();
  await db?.dispose();
});

interface Answer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function api(
  user: string,
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${path}`, {
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
  (await db.pool.query(sql.replaceAll('S.', `"${schemas['class-ops']}".`), params)).rows;

const OCCUPATION = '6-18-02-04';
const teacherId = randomUUID();
const workerIds: string[] = [];

it('learns the institution, its teacher, the workers and the policy from the other services', async () => {
  const drafted = await api('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140800',
    effectiveFrom: today,
    title: '运城市职业技能培训开班规定（测试）',
    document: {
      title: '运城市职业技能培训开班规定',
      issuer: '运城市人力资源和社会保障局',
      number: '运人社〔2026〕1号',
    },
    parameters: {
      classOpening: {
        leadWorkingDays: 3,
        maxClassSize: 50,
        maxKeyGroupClassSize: 30,
        minPracticalShare: 0.65,
        minLessonMinutes: 40,
        maxTraineesPerTeacher: 20,
        maxDurationDays: 15,
        maxDurationHours: 120,
        minOpeningDayPresenceShare: 0.9,
        inspectionPresenceShare: 0.9,
        minPracticalVideoMinutesPerHour: 15,
      },
      trainees: { repeatTrainingWithinYearAllowed: false },
      // Jiyuan 2021's rule on the dedicated account: 「职业技能提升行动专账资金不得培训无就业能力、无就业意愿、
      // 自身难以实现转移就业的人员」
      fundSources: {
        limits: [
          {
            fundSource: 'skills_upgrading_account',
            excludedTrainees: ['no_work_ability', 'no_work_wish', 'cannot_move_into_work'],
          },
        ],
      },
    },
  });
  expect(drafted.status).toBe(201);
  const published = await api(
    'admin',
    'POST',
    `/api/v1/policy-versions/${drafted.body.versionId}/publish`,
    {},
  );
  expect(published.status).toBe(200);

  const listing = await api('institution', 'POST', '/api/v1/institutions', {
    institutionId: DEMO_INSTITUTION_ID,
    name: '运城市技工培训学校',
    creditCode: creditCode(),
    type: 'technical_school',
    jurisdiction: '140802',
    licenceNumber: 'JS-1408-0001',
    bankAccount: {
      bankName: '中国农业银行运城分行',
      accountName: '运城市技工培训学校',
      accountNumber: '6228480012345678901',
    },
    siteAreaM2: 1200,
    equipment: [{ name: '焊机', quantity: 20 }],
    scope: [{ occupationCode: OCCUPATION, levels: [5, 4] }],
    teachers: [
      {
        teacherId,
        name: '李师傅',
        idNumber: residentIdNumber('1980-04-12'),
        occupationCodes: [OCCUPATION],
        fullTime: true,
      },
    ],
  });
  expect(listing.status).toBe(201);
  expect(
    (
      await api('county_officer', 'POST', `/api/v1/institutions/${DEMO_INSTITUTION_ID}/listing`, {
        publicationBatch: '2026年第9批',
      })
    ).status,
  ).toBe(200);

  for (const birthDate of ['1990-05-17', '1985-02-03', '1999-11-30', '1992-07-08', '1988-01-21']) {
    const registered = await api('county_officer', 'POST', '/api/v1/workers', {
      idNumber: residentIdNumber(birthDate),
      name: '王小明',
      gender: 'male',
      birthDate,
      jurisdiction: '140802',
      hukouJurisdiction: '140802',
      residenceJurisdiction: '140802',
      phone: '13912345678',
      education: 'junior_secondary',
      category: 'rural_labour',
      keyGroups: [],
      ableToWork: true,
      willingToWork: true,
    });
    expect(registered.status).toBe(201);
    workerIds.push(registered.body.id);
  }

  await eventually(
    async () => {
      expect(
        await rows(`select status from S.rm_institutions where institution_id = $1`, [DEMO_INSTITUTION_ID]),
      ).toEqual([{ status: 'listed' }]);
      expect(await rows(`select teacher_id from S.rm_teachers`)).toEqual([{ teacher_id: teacherId }]);
      expect(await rows(`select birth_date from S.rm_workers order by birth_date`)).toEqual([
        { birth_date: '1985-02-03' },
        { birth_date: '1988-01-21' },
        { birth_date: '1990-05-17' },
        { birth_date: '1992-07-08' },
        { birth_date: '1999-11-30' },
      ]);
      expect(
        await rows(
          `select version_id from S.rm_policy_versions where jurisdiction = '140800' and effective_from = $1`,
          [today],
        ),
      ).toEqual([{ version_id: drafted.body.versionId }]);
    },
    { timeoutMs: 30_000 },
  );
}, 60_000);

const classId = randomUUID();
/** applied for and rejected by the officer */
const rejectedId = randomUUID();
const start = calendar.addWorkingDays(today, 5);
const end = calendar.addWorkingDays(start, 8);
const plan = (overrides: Record<string, unknown> = {}) => ({
  classId,
  institutionId: DEMO_INSTITUTION_ID,
  occupationCode: OCCUPATION,
  level: 5,
  trainingType: 'employment_skills',
  startDate: start,
  endDate: end,
  totalHours: 80,
  theoryHours: 28,
  practicalHours: 52,
  lessonMinutes: 45,
  teachingPlanReference: 'plans/weld-5.pdf',
  site: { name: '实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 },
  teacherIds: [teacherId],
  mode: 'commissioned',
  keyGroup: false,
  workerIds: workerIds.slice(0, 3),
  plannedHeadcount: 3,
  fundSource: 'employment_subsidy_fund',
  ...overrides,
});

it('refuses an application with every failed rule at once, in zh and en, recording nothing', async () => {
  const unknownWorker = randomUUID();
  const refused = await api(
    'institution',
    'POST',
    '/api/v1/classes',
    plan({
      startDate: calendar.addWorkingDays(today, 1),
      plannedHeadcount: 52,
      practicalHours: 40,
      theoryHours: 40,
      lessonMinutes: 39,
      level: 3,
      teacherIds: [teacherId, randomUUID()],
      workerIds: [...workerIds.slice(0, 3), unknownWorker],
    }),
  );
  expect(refused.status).toBe(400);
  expect(refused.body.code).toBe('CLASS.RULES_FAILED');
  const failures = refused.body.details.failures as {
    code: string;
    summary: string;
    message: { zh: string; en: string };
  }[];
  expect(failures.map((f) => f.code)).toEqual([
    'CLASS.LEAD_TIME_TOO_SHORT',
    'CLASS.PRACTICAL_SHARE_TOO_LOW',
    'CLASS.LESSON_TOO_SHORT',
    'CLASS.TOO_MANY_DAYS',
    'CLASS.OUTSIDE_INSTITUTION_SCOPE',
    'CLASS.TEACHER_NOT_REGISTERED',
    'CLASS.TOO_MANY_TRAINEES',
    'CLASS.TOO_MANY_TRAINEES_PER_TEACHER',
    'CLASS.TRAINEE_NOT_REGISTERED',
  ]);
  expect(failures.find((f) => f.code === 'CLASS.TOO_MANY_TRAINEES')).toMatchObject({
    summary: 'CLASS.TOO_MANY_TRAINEES: 52 > 50',
    message: { zh: '每班人数 52 超过上限 50', en: '52 trainees exceed the class size limit of 50' },
  });
  expect(await rows(`select * from S.classes`)).toEqual([]);

  // bad input is a 400 naming the field, before any rule
  const bad = await api('institution', 'POST', '/api/v1/classes', plan({ level: 9 }));
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('level');
});

it("carries the registry's finding 自身难以实现转移就业 to class-ops, which refuses the trainee on the dedicated account", async () => {
  const birthDate = '1991-03-09';
  const registered = await api('county_officer', 'POST', '/api/v1/workers', {
    idNumber: residentIdNumber(birthDate),
    name: '赵难移',
    gender: 'male',
    birthDate,
    jurisdiction: '140802',
    hukouJurisdiction: '140802',
    residenceJurisdiction: '140802',
    phone: '13912345670',
    education: 'primary',
    category: 'rural_labour',
    keyGroups: [],
    ableToWork: true,
    willingToWork: true,
    hardToMoveIntoWork: true,
  });
  expect(registered.status).toBe(201);
  const found = registered.body.id as string;
  await eventually(
    async () =>
      expect(
        await rows(`select hard_to_move_into_work from S.rm_workers where worker_id = $1`, [found]),
      ).toEqual([{ hard_to_move_into_work: true }]),
    { timeoutMs: 30_000 },
  );
  // the registry's own list and export show it (filter and column, through the gateway); its
  // worker_view is a projection the runtime polls, so it may trail class-ops' consumer
  await eventually(
    async () => {
      const listed = await api(
        'county_officer',
        'GET',
        '/api/v1/workers?jurisdiction=140802&hardToMoveIntoWork=true',
      );
      expect([listed.status, listed.body.items.map((w: { workerId: string }) => w.workerId)]).toEqual([
        200,
        [found],
      ]);
    },
    { timeoutMs: 30_000 },
  );
  const exported = await api(
    'county_officer',
    'GET',
    '/api/v1/workers/export?format=json&jurisdiction=140802&hardToMoveIntoWork=true',
  );
  expect(exported.body.columns).toContainEqual({
    key: 'hardToMoveIntoWork',
    zh: '自身难以实现转移就业',
    en: 'Hard to move into work',
  });
  expect(exported.body.rows).toEqual([
    expect.objectContaining({ workerId: found, hardToMoveIntoWork: true }),
  ]);

  const refused = await api(
    'institution',
    'POST',
    '/api/v1/classes',
    plan({
      classId: randomUUID(),
      workerIds: [found],
      plannedHeadcount: 1,
      fundSource: 'skills_upgrading_account',
    }),
  );
  expect([refused.status, refused.body.code]).toEqual([400, 'CLASS.RULES_FAILED']);
  expect(refused.body.details.failures).toEqual([
    expect.objectContaining({
      code: 'CLASS.TRAINEE_EXCLUDED_BY_FUND_SOURCE',
      workerId: found,
      values: {
        workerId: found,
        fundSource: 'skills_upgrading_account',
        finding: 'cannot_move_into_work',
        fact: 'hardToMoveIntoWork',
      },
      message: {
        zh: expect.stringContaining('自身难以实现转移就业的人员」'),
        en: expect.stringContaining('can hardly move into work by themselves (hardToMoveIntoWork)'),
      },
    }),
  ]);
  expect(await rows(`select * from S.classes`)).toEqual([]);

  // the officer withdraws the finding: that travels too
  const withdrawn = await api('county_officer', 'PATCH', `/api/v1/workers/${found}`, {
    hardToMoveIntoWork: false,
  });
  expect([withdrawn.status, withdrawn.body.events]).toEqual([200, ['WorkerProfileUpdated.v1']]);
  await eventually(
    async () =>
      expect(
        await rows(`select hard_to_move_into_work from S.rm_workers where worker_id = $1`, [found]),
      ).toEqual([{ hard_to_move_into_work: false }]),
    { timeoutMs: 30_000 },
  );
}, 90_000);

it('stops the institution opening classes while a class of its satisfaction fell short (certification), until an officer records the rectification', async () => {
  const surveyedClassId = randomUUID();
  const upstream = new UpstreamBus(certificationBus);
  const shortfall = await upstream.publish(
    'certification',
    'ClassSatisfactionBelowMinimum.v1',
    `class-survey-${surveyedClassId}`,
    {
      classId: surveyedClassId,
      institutionId: DEMO_INSTITUTION_ID,
      jurisdictionCode: '140802',
      satisfactionShare: '0.8000',
      minimumShare: '0.85',
    },
  );
  await eventually(
    async () =>
      expect(await rows(`select class_id, rectified_by_event from S.rm_satisfaction_failures`)).toEqual([
        { class_id: surveyedClassId, rectified_by_event: null },
      ]),
    { timeoutMs: 30_000 },
  );

  // a good plan is refused for the shortfall alone; a bad one reports it with the other failures at once
  const refused = await api('institution', 'POST', '/api/v1/classes', plan());
  expect([refused.status, refused.body.code]).toEqual([400, 'CLASS.RULES_FAILED']);
  expect(refused.body.details.failures).toEqual([
    expect.objectContaining({
      code: 'CLASS.INSTITUTION_RECTIFYING',
      values: { classId: surveyedClassId, satisfactionShare: '0.8000', minimumShare: '0.85' },
      summary: `CLASS.INSTITUTION_RECTIFYING: ${surveyedClassId} 80% < 85%`,
      message: {
        zh: expect.stringContaining(surveyedClassId),
        en: expect.stringContaining(`class ${surveyedClassId} had a satisfaction of 80%, below 85%`),
      },
    }),
  ]);
  const both = await api('institution', 'POST', '/api/v1/classes', plan({ lessonMinutes: 39 }));
  expect(both.body.details.failures.map((f: { code: string }) => f.code)).toEqual([
    'CLASS.LESSON_TOO_SHORT',
    'CLASS.INSTITUTION_RECTIFYING',
  ]);

  // only an officer of the jurisdiction, with a reason, records the rectification — once
  const route = `/api/v1/institutions/${DEMO_INSTITUTION_ID}/satisfaction-rectifications`;
  const reason = '已整改：更换授课教师，补充实训课时，复查合格';
  expect((await api('institution', 'POST', route, { reason })).status).toBe(403);
  const noReason = await api('county_officer', 'POST', route, {});
  expect(noReason.status).toBe(400);
  expect(JSON.stringify(noReason.body)).toContain('reason');
  const key = randomUUID();
  const rectified = await api('county_officer', 'POST', route, { reason }, key);
  expect([rectified.status, rectified.body]).toEqual([
    201,
    expect.objectContaining({
      id: DEMO_INSTITUTION_ID,
      events: ['InstitutionRectificationRecorded.v1'],
      idempotent: false,
    }),
  ]);
  expect((await api('county_officer', 'POST', route, { reason }, key)).body).toMatchObject({
    idempotent: true,
  });
  const nothingLeft = await api('county_officer', 'POST', route, { reason: '再次整改' });
  expect([nothingLeft.status, nothingLeft.body.code]).toEqual([409, 'CLASS.NOTHING_TO_RECTIFY']);
  const recorded = await rows(`select type, data from S.events where stream_id = $1`, [
    `institution-rectification-${DEMO_INSTITUTION_ID}`,
  ]);
  expect(recorded).toEqual([
    {
      type: 'InstitutionRectificationRecorded.v1',
      data: {
        institutionId: DEMO_INSTITUTION_ID,
        jurisdictionCode: '140802',
        classIds: [surveyedClassId],
        reason,
        recordedBy: '0b6e1f2a-0004-4a00-8000-000000000004',
      },
    },
  ]);

  // the shortfall delivered again changes nothing: the institution may open classes again
  await upstream.again(shortfall, randomUUID());
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await rows(`select rectified_by_event from S.rm_satisfaction_failures`)).toEqual([
    { rectified_by_event: expect.any(String) },
  ]);
  const reopened = await api('institution', 'POST', '/api/v1/classes', plan({ lessonMinutes: 39 }));
  expect(reopened.body.details.failures.map((f: { code: string }) => f.code)).toEqual([
    'CLASS.LESSON_TOO_SHORT',
  ]);
  expect(await rows(`select * from S.classes`)).toEqual([]);
}, 60_000);

it('accepts a good application, lets an officer of the jurisdiction approve it once, and records the contract fields', async () => {
  const applyKey = randomUUID();
  const applied = await api('institution', 'POST', '/api/v1/classes', plan(), applyKey);
  expect([applied.status, applied.body]).toEqual([
    201,
    expect.objectContaining({ id: classId, events: ['ClassApplied.v1'], idempotent: false }),
  ]);
  const again = await api('institution', 'POST', '/api/v1/classes', plan(), applyKey);
  expect(again.body).toMatchObject({ idempotent: true, events: ['ClassApplied.v1'] });
  const reused = await api('institution', 'POST', '/api/v1/classes', plan({ lessonMinutes: 50 }), applyKey);
  expect([reused.status, reused.body.code]).toEqual([409, 'COMMAND.ID_REUSED']);

  // an institution may not approve; an officer may, once
  expect((await api('institution', 'POST', `/api/v1/classes/${classId}/approval`, {})).status).toBe(403);
  const approved = await api('county_officer', 'POST', `/api/v1/classes/${classId}/approval`, {});
  expect([approved.status, approved.body.events]).toEqual([200, ['ClassApproved.v1']]);
  const twice = await api('county_officer', 'POST', `/api/v1/classes/${classId}/approval`, {});
  expect([twice.status, twice.body.code]).toEqual([409, 'CLASS.WRONG_STATUS']);

  const events = await rows(`select type, data from S.events where stream_id = $1 order by version`, [
    `class-${classId}`,
  ]);
  expect(events.map((e) => e.type)).toEqual(['ClassApplied.v1', 'ClassApproved.v1']);
  expect(events[1].data).toMatchObject({
    classId,
    institutionId: DEMO_INSTITUTION_ID,
    jurisdictionCode: '140802',
    occupationCode: OCCUPATION,
    level: 5,
    startDate: start,
    plannedHeadcount: 3,
    workerIds: workerIds.slice(0, 3),
    fundSource: 'employment_subsidy_fund',
    policyVersionIds: [expect.any(String)],
    approvedBy: '0b6e1f2a-0004-4a00-8000-000000000004',
  });
  expect(await rows(`select status from S.classes where class_id = $1`, [classId])).toEqual([
    { status: 'approved' },
  ]);

  // the same trainees cannot be put in another class at the same time (any institution)
  const overlapping = await api('institution', 'POST', '/api/v1/classes', plan({ classId: randomUUID() }));
  expect(overlapping.status).toBe(400);
  expect(new Set(overlapping.body.details.failures.map((f: { code: string }) => f.code))).toEqual(
    new Set(['CLASS.TRAINEE_IN_OVERLAPPING_CLASS']),
  );

  // the roster is amended before the start; the withdrawal cancels the class
  const amended = await api('institution', 'PUT', `/api/v1/classes/${classId}/roster`, {
    workerIds: workerIds.slice(0, 2),
  });
  expect([amended.status, amended.body.events]).toEqual([200, ['RosterAmended.v1']]);
  const withdrawn = await api('institution', 'POST', `/api/v1/classes/${classId}/withdrawal`, {
    reason: '招生不足',
  });
  expect([withdrawn.status, withdrawn.body.events]).toEqual([200, ['ClassCancelled.v1']]);
  expect(await rows(`select status from S.classes where class_id = $1`, [classId])).toEqual([
    { status: 'cancelled' },
  ]);

  // an application is rejected by an officer of its jurisdiction, with a reason (not by the institution)
  expect((await api('institution', 'POST', '/api/v1/classes', plan({ classId: rejectedId }))).status).toBe(
    201,
  );
  const byInstitution = await api('institution', 'POST', `/api/v1/classes/${rejectedId}/rejection`, {
    reason: '师资不足',
  });
  expect(byInstitution.status).toBe(403);
  const noReason = await api('county_officer', 'POST', `/api/v1/classes/${rejectedId}/rejection`, {});
  expect(noReason.status).toBe(400);
  expect(noReason.body.violations).toEqual([expect.objectContaining({ path: 'reason' })]);
  const rejected = await api('county_officer', 'POST', `/api/v1/classes/${rejectedId}/rejection`, {
    reason: '师资不足',
  });
  expect([rejected.status, rejected.body.events]).toEqual([200, ['ClassRejected.v1']]);
  const notThere = await api('county_officer', 'POST', `/api/v1/classes/${randomUUID()}/rejection`, {
    reason: '师资不足',
  });
  expect([notThere.status, notThere.body.code]).toEqual([404, 'CLASS.NOT_FOUND']);
  expect(await rows(`select status from S.classes where class_id = $1`, [rejectedId])).toEqual([
    { status: 'rejected' },
  ]);
  const [rejectedEvent] = await rows(
    `select data from S.events where stream_id = $1 and type = 'ClassRejected.v1'`,
    [`class-${rejectedId}`],
  );
  expect(rejectedEvent.data).toMatchObject({
    classId: rejectedId,
    reason: '师资不足',
    jurisdictionCode: '140802',
  });
});

describe('check-ins on the days of an approved class', () => {
  const runningClassId = randomUUID();
  /** two other workers, too few of whom come on the first day */
  const thinClassId = randomUUID();
  const deviceId = randomUUID();
  const site = { name: '实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 };
  const reading = (
    deviceEventId: string,
    workerId: string,
    at: string,
    overrides: Record<string, unknown> = {},
  ) => ({
    deviceEventId,
    classId: runningClassId,
    workerId,
    at,
    lat: site.lat + 0.0001,
    lng: site.lng,
    faceMatchScore: 0.92,
    ...overrides,
  });
  /** `time` in Shanghai on the class's n-th day */
  const day = (n: number, time: string) =>
    new Date(`${addDays(start, n - 1)}T${time}:00+08:00`).toISOString();
  const checkInEvents = async () =>
    Number((await rows(`select count(*) from S.events where stream_id like 'check-in-%'`))[0].count);

  beforeAll(async () => {
    expect(
      (await api('institution', 'POST', '/api/v1/classes', plan({ classId: runningClassId }))).status,
    ).toBe(201);
    expect(
      (await api('county_officer', 'POST', `/api/v1/classes/${runningClassId}/approval`, {})).status,
    ).toBe(200);
    const thin = plan({ classId: thinClassId, workerIds: workerIds.slice(3), plannedHeadcount: 2 });
    expect((await api('institution', 'POST', '/api/v1/classes', thin)).status).toBe(201);
    expect((await api('county_officer', 'POST', `/api/v1/classes/${thinClassId}/approval`, {})).status).toBe(
      200,
    );
    const device = await api('institution', 'POST', '/api/v1/devices', {
      deviceId,
      institutionId: DEMO_INSTITUTION_ID,
      serialNumber: `FACE-${deviceId.slice(0, 8)}`,
      siteName: site.name,
      kind: 'face',
    });
    expect(device.status).toBe(201);
    await eventually(async () =>
      expect(await rows(`select status from S.rm_devices where device_id = $1`, [deviceId])).toEqual([
        { status: 'active' },
      ]),
    );
  });

  it('accepts a good check-in once per session, records the refused ones with their reasons, and answers a re-sent one as first recorded', async () => {
    await moveClock(`${start}T08:40:00+08:00`);
    const send = (r: ReturnType<typeof reading>) =>
      api('institution', 'POST', `/api/v1/devices/${deviceId}/check-ins`, { checkIn: r });
    const first = await send(reading('d1-1', workerIds[0], day(1, '08:35')));
    expect([first.status, first.body]).toEqual([
      200,
      expect.objectContaining({ outcome: 'accepted', sessionNo: 1, idempotent: false }),
    ]);
    const twice = await send(reading('d1-2', workerIds[0], day(1, '08:36')));
    expect(twice.body).toMatchObject({ outcome: 'rejected', reasons: ['CHECK_IN.ALREADY_CHECKED_IN'] });
    const far = await send(reading('d1-3', workerIds[1], day(1, '08:37'), { lat: site.lat + 0.01 }));
    expect(far.body).toMatchObject({ outcome: 'rejected', reasons: ['CHECK_IN.OUTSIDE_GEOFENCE'] });
    const stranger = await send(reading('d1-4', randomUUID(), day(1, '08:37')));
    expect(stranger.body).toMatchObject({ outcome: 'rejected', reasons: ['CHECK_IN.NOT_ON_ROSTER'] });
    const ahead = await send(reading('d1-5', workerIds[2], day(1, '09:30')));
    expect(ahead.body).toMatchObject({ outcome: 'rejected', reasons: ['CHECK_IN.FROM_THE_FUTURE'] });
    const again = await send(reading('d1-1', workerIds[0], day(1, '08:35')));
    expect(again.body).toMatchObject({ outcome: 'accepted', sessionNo: 1, idempotent: true });
    expect(await checkInEvents()).toBe(5);
    const refused = await rows(
      `select type, data from S.events where type = 'CheckInRejected.v1' order by global_position`,
    );
    expect(refused.map((e) => e.data.reasons[0])).toEqual([
      'CHECK_IN.ALREADY_CHECKED_IN',
      'CHECK_IN.OUTSIDE_GEOFENCE',
      'CHECK_IN.NOT_ON_ROSTER',
      'CHECK_IN.FROM_THE_FUTURE',
    ]);
    // bad input is a 400 naming the field
    const bad = await send({ ...reading('d1-6', workerIds[0], day(1, '08:35')), faceMatchScore: 1.5 });
    expect([bad.status, JSON.stringify(bad.body).includes('faceMatchScore')]).toEqual([400, true]);
    // the others of the first class come; one of the two of the other class
    for (const [i, workerId] of [workerIds[1], workerIds[2]].entries())
      expect((await send(reading(`d1-ok-${i}`, workerId, day(1, '08:38')))).body.outcome).toBe('accepted');
    expect(
      (await send({ ...reading('d1-thin', workerIds[3], day(1, '08:39')), classId: thinClassId })).body
        .outcome,
    ).toBe('accepted');
  });

  it('applies the opening-day rule when the first session has ended, on the moved clock, once: 3 of 3 start, 1 of 2 is cancelled', async () => {
    const status = async (classId: string) =>
      (await rows(`select status, opening_day_headcount from S.classes where class_id = $1`, [classId]))[0];
    // before the first session ends nothing happens
    expect(await status(runningClassId)).toEqual({ status: 'approved', opening_day_headcount: null });
    await moveClock(`${start}T16:00:00+08:00`);
    await eventually(
      async () => {
        expect(await status(runningClassId)).toEqual({ status: 'running', opening_day_headcount: 3 });
        expect(await status(thinClassId)).toMatchObject({ status: 'cancelled' });
      },
      { timeoutMs: 15_000 },
    );
    const cancelled = await rows(
      `select data from S.events where stream_id = $1 and type = 'ClassCancelled.v1'`,
      [`class-${thinClassId}`],
    );
    expect(cancelled.map((e) => e.data)).toEqual([
      {
        classId: thinClassId,
        institutionId: DEMO_INSTITUTION_ID,
        jurisdictionCode: '140802',
        reasonCode: 'OPENING_DAY_PRESENCE',
        figures: { presentCount: 1, plannedHeadcount: 2, requiredShare: 0.9 },
      },
    ]);
    // the class no longer takes check-ins
    const late = await api('institution', 'POST', `/api/v1/devices/${deviceId}/check-ins`, {
      checkIn: { ...reading('d1-thin-2', workerIds[4], day(1, '13:00')), classId: thinClassId },
    });
    expect(late.body).toMatchObject({ outcome: 'rejected', reasons: ['CHECK_IN.CLASS_NOT_RUNNING'] });
  });

  it('takes an offline batch, each judged alone on the device’s time; the same batch again changes nothing', async () => {
    await moveClock(`${addDays(start, 2)}T18:00:00+08:00`);
    const batch = [
      ...workerIds.slice(0, 3).map((workerId, i) => reading(`d2-${i}`, workerId, day(2, '08:3' + i))),
      reading('d2-dup', workerIds[0], day(2, '08:50')),
      reading('d2-late', workerIds[1], day(2, '20:00')),
      reading('d3-0', workerIds[0], day(3, '08:31')),
    ];
    const upload = () =>
      api('institution', 'POST', `/api/v1/devices/${deviceId}/check-in-batches`, { checkIns: batch });
    const first = await upload();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 4, rejected: 2, alreadyRecorded: 0 });
    expect(
      first.body.outcomes.map((o: { outcome: string; reasons?: string[] }) => o.reasons?.[0] ?? o.outcome),
    ).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'CHECK_IN.ALREADY_CHECKED_IN',
      'CHECK_IN.OUTSIDE_SESSION_WINDOW',
      'accepted',
    ]);
    const before = await checkInEvents();
    const again = await upload();
    expect(again.body).toMatchObject({ accepted: 4, rejected: 2, alreadyRecorded: 6 });
    expect(again.body.outcomes.map((o: { checkInId: string }) => o.checkInId)).toEqual(
      first.body.outcomes.map((o: { checkInId: string }) => o.checkInId),
    );
    expect(await checkInEvents()).toBe(before);
    expect(
      await rows(
        `select session_no, count(*)::int as present from S.check_ins where accepted and class_id = $1 group by session_no order by session_no`,
        [runningClassId],
      ),
    ).toEqual([
      { session_no: 1, present: 3 },
      { session_no: 2, present: 3 },
      { session_no: 3, present: 1 },
    ]);
    // the opening-day deadline fired once however far the clock moved past it
    const opened = await rows(
      `select type from S.events where stream_id = $1 and type in ('ClassStarted.v1', 'ClassCancelled.v1')`,
      [`class-${runningClassId}`],
    );
    expect(opened).toEqual([{ type: 'ClassStarted.v1' }]);
  });

  it('records video evidence and inspections, shows the coverage, and completes the class with the contract’s facts', async () => {
    const evidence = await api('institution', 'POST', `/api/v1/classes/${runningClassId}/video-evidence`, {
      evidenceId: randomUUID(),
      sessionNo: 1,
      kind: 'theory',
      startsAt: day(1, '08:30'),
      endsAt: day(1, '10:00'),
      storageUri: 's3://jineng-evidence/class/day1-theory.mp4',
      sha256: 'a'.repeat(64),
    });
    expect([evidence.status, evidence.body.events]).toEqual([201, ['VideoEvidenceRecorded.v1']]);
    const coverage = await api('county_officer', 'GET', `/api/v1/classes/${runningClassId}/video-coverage`);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toMatchObject({
      theoryCoveredInFull: false,
      theoryMinutesRequired: 28 * 45,
      theoryMinutesRecorded: 90,
      practicalHoursRequired: 52,
      practicalHoursCovered: 0,
      practicalMinutesPerHour: 15,
      practicalMinutesShortfall: 52 * 15,
    });
    expect(coverage.body.gaps[0]).toMatchObject({ sessionNo: 1, kind: 'theory' });

    for (const headcount of [3, 2]) {
      const inspected = await api('county_officer', 'POST', `/api/v1/classes/${runningClassId}/inspections`, {
        inspectionId: randomUUID(),
        at: day(2, '10:00'),
        place: site.name,
        teachersPresent: [teacherId],
        headcount,
      });
      expect([inspected.status, inspected.body.events]).toEqual([201, ['InspectionRecorded.v1']]);
    }
    expect(
      (
        await api('institution', 'POST', `/api/v1/classes/${runningClassId}/inspections`, {
          inspectionId: randomUUID(),
          at: day(2, '10:00'),
          place: 'x',
          teachersPresent: [],
          headcount: 3,
        })
      ).status,
    ).toBe(403);

    const early = await api('institution', 'POST', `/api/v1/classes/${runningClassId}/completion`, {});
    expect([early.status, early.body.code]).toEqual([409, 'CLASS.NOT_ENDED']);
    await moveClock(`${end}T18:00:00+08:00`);
    const completed = await api('institution', 'POST', `/api/v1/classes/${runningClassId}/completion`, {});
    expect([completed.status, completed.body.events]).toEqual([200, ['ClassCompleted.v1']]);
    const [event] = await rows(
      `select data from S.events where stream_id = $1 and type = 'ClassCompleted.v1'`,
      [`class-${runningClassId}`],
    );
    const sessionsTotal = daysBetween(start, end) + 1;
    expect(event.data).toMatchObject({
      classId: runningClassId,
      institutionId: DEMO_INSTITUTION_ID,
      jurisdictionCode: '140802',
      occupationCode: OCCUPATION,
      level: 5,
      trainingType: 'employment_skills',
      mode: 'commissioned',
      keyGroup: false,
      fundSource: 'employment_subsidy_fund',
      startDate: start,
      endDate: end,
      daysDelivered: 3,
      sessionsTotal,
      plannedHeadcount: 3,
      openingDayHeadcount: 3,
      averageInspectedHeadcount: 2.5,
      averageRuleApplies: true,
      policyVersionIds: [expect.any(String)],
      videoCoverage: { theoryCoveredInFull: false, practicalMinutesShortfall: 52 * 15 },
    });
    expect(event.data.trainees).toEqual(
      expect.arrayContaining([
        { workerId: workerIds[0], sessionsAttended: 3, sessionsTotal, daysAttended: 3 },
        { workerId: workerIds[1], sessionsAttended: 2, sessionsTotal, daysAttended: 2 },
        { workerId: workerIds[2], sessionsAttended: 2, sessionsTotal, daysAttended: 2 },
      ]),
    );
    expect(await rows(`select status from S.classes where class_id = $1`, [runningClassId])).toEqual([
      { status: 'completed' },
    ]);
  });

  it('answers the lists (paged, filtered, exported as .xlsx and JSON) and one class in full', async () => {
    const listed = await api(
      'county_officer',
      'GET',
      '/api/v1/classes?jurisdiction=140802&sort=-appliedAt&pageSize=2',
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    const rejected = await api('county_officer', 'GET', '/api/v1/classes?status=rejected');
    expect(rejected.body.items).toEqual([
      expect.objectContaining({ classId: rejectedId, status: 'rejected' }),
    ]);
    const byStatus = await api('county_officer', 'GET', '/api/v1/classes?status=cancelled');
    expect(byStatus.body.items.map((c: { classId: string }) => c.classId).sort()).toEqual(
      [classId, thinClassId].sort(),
    );
    const own = await api('institution', 'GET', `/api/v1/classes?status=completed`);
    expect(own.body.items).toEqual([
      expect.objectContaining({ classId: runningClassId, status: 'completed', openingDayHeadcount: 3 }),
    ]);
    const exported = await fetch(
      `${platform.urls.gateway}/api/v1/classes/export?format=json&status=completed`,
      {
        headers: { Authorization: `Bearer ${tokens.county_officer}` },
      },
    );
    expect(exported.status).toBe(200);
    const json = (await exported.json()) as { rows: { classId: string }[] };
    expect(json.rows.map((r) => r.classId)).toEqual([runningClassId]);
    const xlsx = await fetch(`${platform.urls.gateway}/api/v1/classes/export?format=xlsx`, {
      headers: { Authorization: `Bearer ${tokens.county_officer}` },
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const detail = await api('institution', 'GET', `/api/v1/classes/${runningClassId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.class).toMatchObject({ classId: runningClassId, status: 'completed' });
    expect(detail.body.roster).toEqual(workerIds.slice(0, 3));
    expect(detail.body.sessions.slice(0, 3).map((s: { present: number }) => s.present)).toEqual([3, 3, 1]);
    expect(detail.body.attendance).toEqual(
      expect.arrayContaining([{ workerId: workerIds[0], sessions: [1, 2, 3] }]),
    );
    expect(detail.body.inspections.map((i: { headcount: number }) => i.headcount)).toEqual([3, 2]);
    expect(detail.body).toMatchObject({
      averageInspectedHeadcount: 2.5,
      coverage: { theoryMinutesRecorded: 90 },
    });

    const refused = await api(
      'county_officer',
      'GET',
      `/api/v1/rejected-check-ins?classId=${runningClassId}&sort=at`,
    );
    expect(refused.status).toBe(200);
    expect(refused.body.total).toBe(6);
    expect(refused.body.items[0]).toMatchObject({
      classId: runningClassId,
      reasons: 'CHECK_IN.ALREADY_CHECKED_IN',
    });
    const byDevice = await api('institution', 'GET', `/api/v1/rejected-check-ins?deviceId=${deviceId}`);
    expect(byDevice.body.total).toBe(7);
    const neither = await api('county_officer', 'GET', '/api/v1/rejected-check-ins');
    expect([neither.status, neither.body.code]).toEqual([400, 'CLASS.CLASS_OR_DEVICE_REQUIRED']);
    const refusedFile = await fetch(
      `${platform.urls.gateway}/api/v1/rejected-check-ins/export?format=json&deviceId=${deviceId}`,
      {
        headers: { Authorization: `Bearer ${tokens.county_officer}` },
      },
    );
    expect(((await refusedFile.json()) as { rows: unknown[] }).rows).toHaveLength(7);

    const history = await api('county_officer', 'GET', `/api/v1/workers/${workerIds[0]}/training-history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ classId: runningClassId, status: 'completed', sessionsAttended: 3 }),
        expect.objectContaining({ classId, status: 'cancelled', sessionsAttended: 0 }),
        expect.objectContaining({ classId: rejectedId, status: 'rejected', sessionsAttended: 0 }),
      ]),
    );
    const historyFile = await fetch(
      `${platform.urls.gateway}/api/v1/workers/${workerIds[0]}/training-history/export?format=json`,
      { headers: { Authorization: `Bearer ${tokens.county_officer}` } },
    );
    expect(((await historyFile.json()) as { rows: unknown[] }).rows).toHaveLength(3);
    expect((await api('institution', 'GET', `/api/v1/workers/${workerIds[0]}/training-history`)).status).toBe(
      403,
    );
  });

  it('answers check-ins sent at the same moment each with its own outcome (the gateway sends them on together)', async () => {
    const send = (r: ReturnType<typeof reading>) =>
      api('institution', 'POST', `/api/v1/devices/${deviceId}/check-ins`, { checkIn: r });
    // the first day's check-ins sent again, three times each, all at once: each answered as first recorded
    const asFirstRecorded = {
      'd1-1': { outcome: 'accepted', idempotent: true },
      'd1-2': { outcome: 'rejected', reasons: ['CHECK_IN.ALREADY_CHECKED_IN'], idempotent: true },
      'd1-3': { outcome: 'rejected', reasons: ['CHECK_IN.OUTSIDE_GEOFENCE'], idempotent: true },
      'd1-4': { outcome: 'rejected', reasons: ['CHECK_IN.NOT_ON_ROSTER'], idempotent: true },
      'd1-5': { outcome: 'rejected', reasons: ['CHECK_IN.FROM_THE_FUTURE'], idempotent: true },
    };
    // the stranger of the first test had a random id: its refusal recorded it
    const [stranger] = await rows(
      `select data->>'workerId' as "workerId" from S.events where type = 'CheckInRejected.v1' and data->>'deviceEventId' = 'd1-4'`,
    );
    const firstDay = [
      reading('d1-1', workerIds[0], day(1, '08:35')),
      reading('d1-2', workerIds[0], day(1, '08:36')),
      reading('d1-3', workerIds[1], day(1, '08:37'), { lat: site.lat + 0.01 }),
      reading('d1-4', stranger.workerId as string, day(1, '08:37')),
      reading('d1-5', workerIds[2], day(1, '09:30')),
    ];
    const resent = firstDay.flatMap((r) => [r, r, r]);
    // the gateway's metrics count the requests its messages to class-ops carried, alone or together
    const carried = async () => {
      const text = await (await fetch(`${platform.urls.gateway}/metrics`)).text();
      const sum =
        /^rpc_requests_per_message_sum\{[^}]*subject="jineng\.cmd\.class-ops\.RecordCheckIn"[^}]*\} (\d+)$/m.exec(
          text,
        );
      return Number(sum?.[1] ?? 0);
    };
    const carriedBefore = await carried();
    const recorded = await checkInEvents();
    const answers = await Promise.all(resent.map(send));
    answers.forEach((answer, i) => {
      expect({ status: answer.status, body: answer.body }).toMatchObject({
        status: 200,
        body: {
          deviceEventId: resent[i].deviceEventId,
          ...asFirstRecorded[resent[i].deviceEventId as keyof typeof asFirstRecorded],
        },
      });
    });
    expect(await checkInEvents()).toBe(recorded);
    expect((await carried()) - carriedBefore).toBe(resent.length);
    // a bad one among them is a 400 of its own, the others unaffected
    const mixed = await Promise.all([
      send(firstDay[0]),
      send({ ...firstDay[0], deviceEventId: 'd1-bad', faceMatchScore: 2 }),
      send(firstDay[1]),
    ]);
    expect(mixed.map((a) => a.status)).toEqual([200, 400, 200]);
    expect(mixed[2].body).toMatchObject({ deviceEventId: 'd1-2', outcome: 'rejected', idempotent: true });
  });
});

/** The service re-reads its clock file at most every 50 ms: wait past that before acting. */
async function moveClock(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  await new Promise((resolve) => setTimeout(resolve, 120));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
