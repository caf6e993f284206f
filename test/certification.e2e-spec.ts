// Certification end to end through the gateway, as processes: the gateway, the registry and the
// certification service on a bus with identities; class-ops and subsidy are played by the test, which
// publishes their events as those services do (class-ops is built on another branch: its identity is
// given to the test bus). The certification service's clock is moved through JINENG_TEST_CLOCK_FILE.
// Apply too late then in time, schedule, results, issue, refuse the wrong certificate type, verify
// publicly without a token, revoke, the yearly figures of a scripted year, the disqualification
// reaching the registry, the public scorecard and its export.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creditCodeCheckCharacter, residentIdCheckCharacter, shanghaiDate } from '@jineng/kernel';
import { eventSubject } from '@jineng/messaging';
import {
  connectTestDatabase,
  devToken,
  eventually,
  setTestClock,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const YANHU = '140802';
const POLICY = '3a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const [CLASS_A, CLASS_B] = [randomUUID(), randomUUID()];
const [BODY_WELDING, BODY_ELECTRICIAN] = [randomUUID(), randomUUID()];
const [ASSESSMENT_A, ASSESSMENT_B] = [randomUUID(), randomUUID()];

// the development keys scripts/start.mjs gives the registry (tests cannot import the app's code)
const developmentKey = (seed: string) => createHash('sha256').update(seed).digest('base64');
const REGISTRY_KEYS = {
  JINENG_REGISTRY_DATA_KEY: developmentKey('jineng development registry data key - not for production'),
  JINENG_REGISTRY_LOOKUP_KEY: developmentKey('jineng development registry lookup key - not for production'),
};

let sequence = 0;
function residentIdNumber(birthDate: string): string {
  sequence += 1;
  const first17 = `${YANHU}${birthDate.replace(/-/g, '')}${String(sequence * 2 + 101).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}
function birthDateForAge(years: number): string {
  const [y, m, d] = shanghaiDate(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y! - years, m! - 1, d! - 10)).toISOString().slice(0, 10);
}
function creditCode(): string {
  const first17 = `91140802${String(Date.now() % 1e8).padStart(8, '0')}7`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

let platform: RunningPlatform;
let certificationDb: TestDatabase;
let registryDb: TestDatabase;
let clockDir: string;
let clockFile: string;
let classOps: NatsConnection;
let subsidy: NatsConnection;
const tokens: Record<string, string> = {};
const versions = new Map<string, number>();

const setClock = async (iso: string) => {
  setTestClock(clockFile, iso);
  await new Promise((resolve) => setTimeout(resolve, 150));
};

beforeAll(async () => {
  certificationDb = await connectTestDatabase('certification_e2e');
  registryDb = await connectTestDatabase('certification_e2e_registry');
  clockDir = mkdtempSync(path.join(os.tmpdir(), 'jineng-cert-e2e-'));
  clockFile = path.join(clockDir, 'clock.json');
  setTestClock(clockFile, '2026-12-05T09:00:00+08:00');
  platform = await startPlatform(
    [
      { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
      { name: 'registry', env: { JINENG_SCHEMA: await registryDb.freshSchema(), ...REGISTRY_KEYS } },
      {
        name: 'certification',
        env: { JINENG_SCHEMA: await certificationDb.freshSchema(), JINENG_TEST_CLOCK_FILE: clockFile },
      },
    ],
    {},
    120_000,
    { producers: ['class-ops'] },
  );
  for (const user of ['county_officer', 'institution'])
    tokens[user] = await devToken(platform.urls.gateway!, user);
  classOps = await platform.bus.connect('class-ops');
  subsidy = await platform.bus.connect('subsidy');
}, 180_000);

afterAll(async () => {
  await classOps?.close();
  await subsidy?.close();
  await platform?.stop();
  await certificationDb?.dispose();
  await registryDb?.dispose();
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function api(user: string | undefined, method: string, url: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${url}`, {
    method,
    headers: {
      ...(user ? { Authorization: `Bearer ${tokens[user]}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  const text = type.includes('json') ? await response.text() : '';
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Publishes another service's event on the bus, as its relay would (the next version of its stream). */
async function publish(service: 'class-ops' | 'subsidy', streamId: string, type: string, data: object) {
  const nc = service === 'class-ops' ? classOps : subsidy;
  const version = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, version);
  const event = {
    id: randomUUID(),
    type,
    service,
    streamId,
    streamVersion: version,
    recordedAt: new Date().toISOString(),
    hash: 'ab'.repeat(32),
    data,
    metadata: {},
  };
  await jetstream(nc).publish(eventSubject(service, type), JSON.stringify(event), { msgID: event.id });
}

const classApproved = (classId: string, occupationCode: string, workerIds: string[]) => ({
  classId,
  institutionId: DEMO_INSTITUTION_ID,
  jurisdictionCode: YANHU,
  occupationCode,
  level: 4,
  trainingType: 'skill_upgrade',
  startDate: '2026-11-16',
  endDate: '2026-12-10',
  totalHours: 120,
  theoryHours: 40,
  practicalHours: 80,
  mode: 'self_run',
  keyGroup: false,
  fundSource: 'unemployment_insurance',
  plannedHeadcount: workerIds.length,
  workerIds,
  policyVersionIds: [POLICY],
  approvedBy: 'approver-1',
});

const workers: string[] = [];
let certificateId = '';
let certificateNumber = '';

it('sets the scene: the institution and two workers in the registry, the policy and two classes on the bus', async () => {
  const applied = await api('institution', 'POST', '/api/v1/institutions', {
    institutionId: DEMO_INSTITUTION_ID,
    name: '运城市盐湖区技能培训学校',
    creditCode: creditCode(),
    type: 'technical_school',
    jurisdiction: YANHU,
    licenceNumber: 'JS-1408-0101',
    bankAccount: {
      bankName: '中国农业银行运城分行',
      accountName: '运城市盐湖区技能培训学校',
      accountNumber: '6228480012345678901',
    },
    siteAreaM2: 1200,
    equipment: [{ name: '焊机', quantity: 20 }],
    scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
    teachers: [
      {
        teacherId: randomUUID(),
        name: '李师傅',
        idNumber: residentIdNumber(birthDateForAge(45)),
        occupationCodes: ['6-18-02-04'],
        fullTime: true,
      },
    ],
  });
  expect(applied.status).toBe(201);
  for (const name of ['王小明', '赵大勇']) {
    const registered = await api('county_officer', 'POST', '/api/v1/workers', {
      idNumber: residentIdNumber(birthDateForAge(30)),
      name,
      gender: 'male',
      birthDate: birthDateForAge(30),
      jurisdiction: YANHU,
      hukouJurisdiction: YANHU,
      residenceJurisdiction: YANHU,
      phone: '13912345678',
      education: 'senior_secondary',
      category: 'rural_labour',
      ableToWork: true,
      willingToWork: true,
    });
    expect(registered.status).toBe(201);
    workers.push(registered.body.id as string);
  }
  await publish('subsidy', `policy-version-${POLICY}`, 'PolicyVersionPublished.v1', {
    versionId: POLICY,
    jurisdiction: '140800',
    effectiveFrom: '2018-01-01',
    title: '运城市职业技能提升',
    revision: 1,
    publishedAt: '2018-01-01T00:00:00.000Z',
    publishedBy: 'admin-1',
    targets: [],
    document: {},
    parameters: {
      assessment: { applicationLeadDays: 3, trainingCertificate: { notAcceptedFor: ['qualification'] } },
      institutionQuality: { minYearlyPassRate: 0.8, minYearlyEmploymentRate: 0.3 },
      subsidies: { tranches: { onCertificateShare: 0.5, onEmploymentShare: 0.5, employmentWithinMonths: 3 } },
    },
  });
  await publish(
    'class-ops',
    `class-${CLASS_A}`,
    'ClassApproved.v1',
    classApproved(CLASS_A, '6-18-02-04', workers),
  );
  await publish(
    'class-ops',
    `class-${CLASS_B}`,
    'ClassApproved.v1',
    classApproved(CLASS_B, '4-03-02-01', [workers[0]!]),
  );
  for (const [evaluationBodyId, name, occupationCode, kinds] of [
    [BODY_WELDING, '运城市焊工技能等级认定中心', '6-18-02-04', ['skill_level']],
    [
      BODY_ELECTRICIAN,
      '运城市职业技能鉴定中心',
      '4-03-02-01',
      ['vocational_qualification', 'training_qualified'],
    ],
  ] as const) {
    const recognised = await api('county_officer', 'POST', '/api/v1/evaluation-bodies', {
      evaluationBodyId,
      name,
      kind: 'social_organisation',
      jurisdictionCode: YANHU,
      recognitions: [{ occupationCode, levels: [4], kinds, validFrom: '2020-01-01' }],
    });
    expect(recognised.status).toBe(201);
  }
});

it('applies too late (409), then in time; schedules; records the results', async () => {
  await setClock('2026-12-08T09:00:00+08:00');
  const late = await eventually(
    async () => {
      const answer = await api('institution', 'POST', '/api/v1/assessments', {
        assessmentId: ASSESSMENT_A,
        classId: CLASS_A,
        certificateKind: 'skill_level',
      });
      expect(answer.status).toBe(409);
      return answer;
    },
    { intervalMs: 300 },
  );
  expect(late.body).toMatchObject({
    code: 'CERTIFICATION.ASSESSMENT_APPLICATION_TOO_LATE',
    details: { latest: '2026-12-07', today: '2026-12-08' },
  });
  await setClock('2026-12-07T09:00:00+08:00');
  for (const [assessmentId, classId, certificateKind] of [
    [ASSESSMENT_A, CLASS_A, 'skill_level'],
    [ASSESSMENT_B, CLASS_B, 'training_qualified'],
  ]) {
    const applied = await api('institution', 'POST', '/api/v1/assessments', {
      assessmentId,
      classId,
      certificateKind,
    });
    expect([applied.status, applied.body.events]).toEqual([201, ['AssessmentApplied.v1']]);
  }
  for (const [assessmentId, evaluationBodyId] of [
    [ASSESSMENT_A, BODY_WELDING],
    [ASSESSMENT_B, BODY_ELECTRICIAN],
  ]) {
    const scheduled = await api('county_officer', 'POST', `/api/v1/assessments/${assessmentId}/schedule`, {
      date: '2026-12-07',
      place: '盐湖区实训基地',
      assessorIds: ['assessor-1'],
      evaluationBodyId,
    });
    expect(scheduled.status).toBe(200);
  }
  const results = await api('county_officer', 'POST', `/api/v1/assessments/${ASSESSMENT_A}/results`, {
    results: [
      { workerId: workers[0], theoryScore: 85, practicalScore: 90, outcome: 'passed' },
      { workerId: workers[1], theoryScore: 50, practicalScore: 40, outcome: 'failed' },
    ],
  });
  expect([results.status, results.body.events]).toEqual([200, ['AssessmentResultsRecorded.v1']]);
  await api('county_officer', 'POST', `/api/v1/assessments/${ASSESSMENT_B}/results`, {
    results: [{ workerId: workers[0], theoryScore: 85, practicalScore: 90, outcome: 'passed' }],
  });
  // results by sheet: each row judged as RecordResults judges it, a per-row report; the result
  // already recorded is unchanged, a worker off the roster refused with the reason in zh and en
  const stranger = randomUUID();
  const csv = `工人编号,理论成绩,实操成绩,考核结果\n${workers[0]},85,90,合格\n${stranger},70,70,passed\n`;
  const bySheet = await api('county_officer', 'POST', `/api/v1/assessments/${ASSESSMENT_B}/results/sheet`, {
    fileName: 'results.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  expect(bySheet.status).toBe(200);
  expect(bySheet.body).toMatchObject({
    assessmentId: ASSESSMENT_B,
    recorded: 0,
    unchanged: 1,
    rejected: 1,
    rows: [
      { row: 2, outcome: 'unchanged', workerId: workers[0], problems: [] },
      {
        row: 3,
        outcome: 'rejected',
        workerId: stranger,
        problems: [
          {
            field: '',
            code: 'CERTIFICATION.TRAINEE_NOT_ON_ROSTER',
            reason: expect.stringContaining('花名册'),
            reasonEn: expect.stringContaining('roster'),
          },
        ],
      },
    ],
  });
  const notASheet = await api('county_officer', 'POST', `/api/v1/assessments/${ASSESSMENT_B}/results/sheet`, {
    fileName: 'results.pdf',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  expect(notASheet.status).toBe(400);
  const view = await api('institution', 'GET', `/api/v1/assessments/${ASSESSMENT_A}`);
  expect(view.body).toMatchObject({ status: 'results_recorded', results: expect.any(Array) });
});

it('issues the certificate, refuses the wrong type, verifies it publicly without a token, revokes it', async () => {
  const issued = await api('county_officer', 'POST', `/api/v1/assessments/${ASSESSMENT_A}/certificates`, {
    workerId: workers[0],
    issuedOn: '2026-12-07',
  });
  expect(issued.status).toBe(201);
  certificateId = issued.body.id as string;
  // occupation 4-03-02-01 leads to a vocational qualification: a training-qualified certificate is refused
  const wrong = await api('county_officer', 'POST', `/api/v1/assessments/${ASSESSMENT_B}/certificates`, {
    workerId: workers[0],
    issuedOn: '2026-12-07',
  });
  expect([wrong.status, wrong.body.code]).toEqual([409, 'CERTIFICATION.TRAINING_CERTIFICATE_NOT_ACCEPTED']);

  const certificate = await api('county_officer', 'GET', `/api/v1/certificates/${certificateId}`);
  expect(certificate.status).toBe(200);
  certificateNumber = certificate.body.certificateNumber as string;
  expect(certificate.body.qrCode.svg).toMatch(/^<svg/);
  expect(certificate.body.qrCode.verificationUrl).toMatch(
    new RegExp(`/public/certificates/${certificateNumber}$`),
  );

  const verified = await eventually(
    async () => {
      const answer = await api(undefined, 'GET', `/api/v1/public/certificates/${certificateNumber}`);
      expect(answer.body.holderNameMasked).toBe('王**'); // once the registry's masked name has arrived
      return answer;
    },
    { intervalMs: 300 },
  );
  expect(verified.status).toBe(200);
  expect(verified.headers.get('ratelimit-limit')).toBe('20');
  expect(verified.body).toMatchObject({
    status: 'valid',
    // as the registry masks 王小明
    holderNameMasked: '王**',
    occupationCode: '6-18-02-04',
    levelName: '中级工',
    kindName: '职业技能等级证书',
    issuedOn: '2026-12-07',
    issuer: '运城市焊工技能等级认定中心',
  });
  expect(JSON.stringify(verified.body)).not.toContain(workers[0]);
  // no other route answers without a token
  expect((await api(undefined, 'GET', '/api/v1/certificates')).status).toBe(401);
  expect(
    (await api(undefined, 'GET', `/api/v1/public/certificates/4190012026ZZZZZZZZZZZZZZZZZZZZZZZZZZ`)).body
      .status,
  ).toBe('unknown');

  const revoked = await api('county_officer', 'POST', `/api/v1/certificates/${certificateId}/revoke`, {
    reason: '考核记录造假',
  });
  expect(revoked.status).toBe(200);
  expect(
    (await api(undefined, 'GET', `/api/v1/public/certificates/${certificateNumber}`)).body,
  ).toMatchObject({
    status: 'revoked',
  });
});

it('a scripted year: at its end the institution fails the pass rate, and the registry disqualifies it for the next', async () => {
  // one of the two passed (50 %); the other is employed within the months (50 %)
  const employed = await api('county_officer', 'POST', `/api/v1/workers/${workers[1]}/employments`, {
    employerCreditCode: creditCode(),
    startDate: '2026-11-20',
    evidenceKind: 'social_insurance',
    evidenceReference: 'SI-2026-1',
  });
  expect(employed.status).toBe(201);
  await publish('class-ops', `class-${CLASS_A}`, 'ClassCompleted.v1', {
    classId: CLASS_A,
    institutionId: DEMO_INSTITUTION_ID,
    jurisdictionCode: YANHU,
    occupationCode: '6-18-02-04',
    level: 4,
    trainingType: 'skill_upgrade',
    mode: 'self_run',
    keyGroup: false,
    fundSource: 'unemployment_insurance',
    startDate: '2026-11-16',
    endDate: '2026-12-10',
    daysDelivered: 20,
    hoursDelivered: 120,
    sessionsTotal: 20,
    plannedHeadcount: 2,
    openingDayHeadcount: 2,
    averageRuleApplies: false,
    trainees: workers.map((workerId) => ({
      workerId,
      sessionsAttended: 20,
      sessionsTotal: 20,
      daysAttended: 20,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
    policyVersionIds: [POLICY],
  });
  const figures = await eventually(
    async () => {
      const answer = await api(
        'institution',
        'GET',
        `/api/v1/institution-outcomes/${DEMO_INSTITUTION_ID}/years/2026`,
      );
      expect(answer.body.total?.trainees).toBe(2);
      expect(answer.body.total?.employed).toBe(1);
      return answer.body;
    },
    { intervalMs: 300 },
  );
  expect(figures.total).toMatchObject({
    passRate: '0.5000',
    certificateRate: '0.0000',
    employmentRate: '0.5000',
  });

  await setClock('2027-01-01T00:00:05+08:00');
  const institution = await eventually(
    async () => {
      const answer = await api('county_officer', 'GET', `/api/v1/institutions/${DEMO_INSTITUTION_ID}`);
      expect(answer.body.disqualifications).toHaveLength(1);
      return answer.body;
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  expect(institution.disqualifications[0]).toMatchObject({
    year: 2027,
    reason: expect.stringContaining('培训合格率'),
  });

  const scorecard = await api(undefined, 'GET', '/api/v1/public/outcome-scorecard?year=2026');
  expect(scorecard.status).toBe(200);
  expect(scorecard.body.items).toEqual([
    expect.objectContaining({
      institutionId: DEMO_INSTITUTION_ID,
      institutionName: '运城市盐湖区技能培训学校',
      occupationCode: '6-18-02-04',
      trainees: 2,
      passRate: '0.5000',
      employmentRate: '0.5000',
    }),
  ]);
  const exported = await fetch(
    `${platform.urls.gateway}/api/v1/public/outcome-scorecard/export?format=xlsx&year=2026`,
  );
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect((await exported.arrayBuffer()).byteLength).toBeGreaterThan(1000);
});
