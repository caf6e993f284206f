// Policy versions and the holiday calendar as an admin and an officer use them: the gateway and the
// subsidy service as processes, HTTP with development tokens, a fresh database schema for the service.
import {
  connectTestDatabase,
  devToken,
  eventually,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';

let platform: RunningPlatform;
let db: TestDatabase;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await connectTestDatabase('subsidy_e2e');
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    { name: 'subsidy', env: { JINENG_SCHEMA: db.schema } },
  ]);
  for (const user of ['admin', 'county_officer', 'institution', 'city_approver']) {
    tokens[user] = await devToken(platform.urls.gateway!, user);
  }
});

afterAll(async () => {
  await platform?.stop();
  await db?.dispose();
});

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & {
    readonly code?: string;
    readonly violations?: { path: string }[];
    readonly details?: Record<string, unknown>;
  };
}

async function call(user: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[user]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const document = {
  title: '运城市关于调整职业技能培训补贴标准的通知',
  issuer: '运城市人民政府',
  number: '运政发〔2090〕9号',
};

it("answers a Yuncheng county's policy on a date to its officers and institutions", async () => {
  for (const user of ['county_officer', 'institution']) {
    const { status, body } = await call(
      user,
      'GET',
      '/api/v1/jurisdictions/140802/effective-policy?date=2019-06-01',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      jurisdiction: '140802',
      jurisdictionName: '盐湖区',
      date: '2019-06-01',
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
      versions: [
        expect.objectContaining({
          jurisdiction: '140800',
          title: '运城市全民技能提升工程实施方案',
          used: true,
        }),
      ],
    });
    expect(body.notSet).toContain('subsidies.jobReferralAwardFen');
  }
  // before the document took effect nothing is in force
  const before = await call(
    'county_officer',
    'GET',
    '/api/v1/jurisdictions/140802/effective-policy?date=2018-03-28',
  );
  expect(before.body).toMatchObject({ parameters: {}, versionIdsUsed: [] });
  // nor after its plan period (2018–2022): the answer says it ended
  const after = await call(
    'county_officer',
    'GET',
    '/api/v1/jurisdictions/140802/effective-policy?date=2023-01-01',
  );
  expect(after.body).toMatchObject({
    parameters: {},
    versionIdsUsed: [],
    ended: [
      expect.objectContaining({ title: '运城市全民技能提升工程实施方案', effectiveUntil: '2022-12-31' }),
    ],
  });
});

it('lets the province admin draft, update and publish a version; the county then resolves it', async () => {
  const drafted = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140800',
    effectiveFrom: '2090-07-01',
    title: '运城市职业技能培训补贴标准（2090）',
    document,
    parameters: {
      subsidies: { perDayTraining: { tiers: [{ fromDay: 1, toDay: 12, amountFen: 16_000 }], maxDays: 12 } },
    },
  });
  expect(drafted.status).toBe(201);
  expect(drafted.body).toMatchObject({ status: 'draft', revision: 1, jurisdictionName: '运城市' });
  const versionId = drafted.body.versionId as string;

  const updated = await call('admin', 'PATCH', `/api/v1/policy-versions/${versionId}`, {
    expectedRevision: 1,
    parameters: {
      subsidies: {
        perDayTraining: {
          tiers: [
            { fromDay: 1, toDay: 10, amountFen: 16_000 },
            { fromDay: 11, toDay: 12, amountFen: 12_000 },
          ],
          maxDays: 12,
        },
      },
    },
  });
  expect(updated.status).toBe(200);
  expect(updated.body).toMatchObject({ status: 'draft', revision: 2 });

  const published = await call('admin', 'POST', `/api/v1/policy-versions/${versionId}/publish`, {});
  expect(published.status).toBe(200);
  expect(published.body).toMatchObject({ status: 'published', revision: 2, publishedBy: expect.any(String) });

  // immutable from now on
  const changed = await call('admin', 'PATCH', `/api/v1/policy-versions/${versionId}`, { title: '改标题' });
  expect(changed.status).toBe(409);
  expect(changed.body.code).toBe('POLICY.PUBLISHED_VERSION_IMMUTABLE');

  const policy = await eventually(async () => {
    const answer = await call(
      'county_officer',
      'GET',
      '/api/v1/jurisdictions/140802/effective-policy?date=2090-07-01',
    );
    expect(answer.body.versionIdsUsed).toEqual([versionId]);
    return answer.body as { parameters: { subsidies: Record<string, unknown> } };
  });
  // the new version supersedes the 2018 one as a whole: its tranches are no longer in force
  expect(policy.parameters.subsidies).toEqual({
    perDayTraining: {
      tiers: [
        { fromDay: 1, toDay: 10, amountFen: 16_000 },
        { fromDay: 11, toDay: 12, amountFen: 12_000 },
      ],
      maxDays: 12,
    },
  });

  const list = await call('county_officer', 'GET', '/api/v1/policy-versions?jurisdiction=140802');
  expect(list.status).toBe(200);
  const versions = list.body.versions as { versionId: string; supersededBy?: string; title: string }[];
  expect(versions.find((v) => v.title === '运城市全民技能提升工程实施方案')?.supersededBy).toBe(versionId);

  const diff = await call(
    'county_officer',
    'GET',
    `/api/v1/policy-versions/${versionId}/diff?fromVersionId=${versions[0]!.versionId}`,
  );
  expect(diff.status).toBe(200);
  expect(diff.body.changes).toContainEqual(
    expect.objectContaining({ parameter: 'subsidies.perDayTraining', change: 'changed' }),
  );
});

it('answers 403 for a foreign jurisdiction or a role that may not write policy', async () => {
  const foreign = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '450800',
    effectiveFrom: '2090-07-01',
    title: '贵港市政策',
    document,
  });
  expect([foreign.status, foreign.body.code]).toEqual([403, 'GATEWAY.FOREIGN_JURISDICTION']);

  const officer = await call('city_approver', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140800',
    effectiveFrom: '2090-07-01',
    title: '运城市政策',
    document,
  });
  expect([officer.status, officer.body.code]).toEqual([403, 'GATEWAY.FORBIDDEN_ROLE']);

  // a county officer reads its own county's policy, not its city's as such
  const above = await call('county_officer', 'GET', '/api/v1/jurisdictions/140800/effective-policy');
  expect([above.status, above.body.code]).toEqual([403, 'GATEWAY.FOREIGN_JURISDICTION']);
});

it('answers 400 with the path of a share above 1, a negative amount, an unknown parameter', async () => {
  const answer = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140800',
    effectiveFrom: '2090-07-01',
    title: '无效参数',
    document,
    parameters: {
      classOpening: { minPracticalShare: 1.5, unknownRule: 3 },
      subsidies: { smallMicroNewHire: { perHireFen: -30_000 } },
    },
  });
  expect([answer.status, answer.body.code]).toEqual([400, 'GATEWAY.INVALID_REQUEST']);
  expect(answer.body.violations!.map((v) => v.path).sort()).toEqual([
    'parameters.classOpening.minPracticalShare',
    'parameters.classOpening.unknownRule',
    'parameters.subsidies.smallMicroNewHire.perHireFen',
  ]);

  const tranches = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140800',
    effectiveFrom: '2090-07-01',
    title: '无效参数',
    document,
    parameters: {
      subsidies: { tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.3, employmentWithinMonths: 3 } },
    },
  });
  expect([tranches.status, tranches.body.code]).toEqual([400, 'POLICY.INVALID_PARAMETERS']);
  expect(tranches.body.details).toEqual({
    violations: [expect.objectContaining({ path: 'parameters.subsidies.tranches.onEmploymentShare' })],
  });
});

describe('the holiday calendar', () => {
  // a made-up 2027 arrangement (the real one is not published in this test's world)
  const year2027 = {
    year: 2027,
    holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
    makeUpWorkdays: ['2027-02-13'],
    notice: { reference: '国办发明电〔2026〕9号', title: '国务院办公厅关于2027年部分节假日安排的通知' },
  };

  it('is published by the province admin and read by everyone authenticated', async () => {
    const before = await call('institution', 'GET', '/api/v1/holiday-calendar');
    expect([before.status, before.body.toYear]).toEqual([200, 2026]);

    const published = await call('admin', 'POST', '/api/v1/holiday-calendar', year2027);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ year: 2027, revision: 1, source: 'publication' });

    const after = await eventually(async () => {
      const answer = await call('county_officer', 'GET', '/api/v1/holiday-calendar?province=140802');
      expect(answer.body.toYear).toBe(2027);
      return answer;
    });
    expect(after.body.published).toEqual([
      expect.objectContaining({ year: 2027, makeUpWorkdays: ['2027-02-13'] }),
    ]);
  });

  it('answers 403 to another role or for another province, 400 with the path of a bad date', async () => {
    const officer = await call('county_officer', 'POST', '/api/v1/holiday-calendar', {
      ...year2027,
      year: 2028,
    });
    expect([officer.status, officer.body.code]).toEqual([403, 'GATEWAY.FORBIDDEN_ROLE']);
    const foreign = await call('admin', 'POST', '/api/v1/holiday-calendar', {
      ...year2027,
      province: '450000',
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'GATEWAY.FOREIGN_JURISDICTION']);
    const bad = await call('admin', 'POST', '/api/v1/holiday-calendar', {
      ...year2027,
      holidays: ['2027-13-01'],
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'GATEWAY.INVALID_REQUEST']);
    expect(bad.body.violations!.map((v) => v.path)).toEqual(['holidays[0]']);
    const unreasoned = await call('admin', 'POST', '/api/v1/holiday-calendar', {
      ...year2027,
      makeUpWorkdays: [],
    });
    expect([unreasoned.status, unreasoned.body.code]).toEqual([400, 'CALENDAR.CORRECTION_REASON_REQUIRED']);
  });
});
