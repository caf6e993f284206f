// The audit trail as an auditor uses it: the gateway, the subsidy service and the audit service as
// processes on the platform's bus. An admin drafts and publishes a policy version through the gateway;
// its events reach the audit copy; the auditor reads and exports the version's timeline over HTTP.
import {
  connectTestDatabase,
  devToken,
  eventually,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import readXlsxFile from 'read-excel-file/node';

let platform: RunningPlatform;
let subsidyDb: TestDatabase;
let auditDb: TestDatabase;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  subsidyDb = await connectTestDatabase('audit_e2e_subsidy');
  auditDb = await connectTestDatabase('audit_e2e');
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    { name: 'subsidy', env: { JINENG_SCHEMA: subsidyDb.schema } },
    { name: 'audit', env: { JINENG_SCHEMA: auditDb.schema } },
  ]);
  for (const user of ['admin', 'auditor', 'county_officer']) {
    tokens[user] = await devToken(platform.urls.gateway!, user);
  }
});

afterAll(async () => {
  await platform?.stop();
  await subsidyDb?.dispose();
  await auditDb?.dispose();
});

async function call(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${platform.urls.gateway}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[user]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response;
}

it("an auditor reads and exports a policy version's timeline; others may not", async () => {
  const drafted = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: '140800',
    effectiveFrom: '2091-07-01',
    title: '运城市职业技能培训补贴标准（审计演示）',
    document: {
      title: '运城市关于调整职业技能培训补贴标准的通知',
      issuer: '运城市人民政府',
      number: '运政发〔2091〕1号',
    },
    parameters: {
      subsidies: { perDayTraining: { tiers: [{ fromDay: 1, toDay: 10, amountFen: 15_000 }], maxDays: 10 } },
    },
  });
  expect(drafted.status).toBe(201);
  const versionId = ((await drafted.json()) as { versionId: string }).versionId;
  expect((await call('admin', 'POST', `/api/v1/policy-versions/${versionId}/publish`, {})).status).toBe(200);

  const path = `/api/v1/audit/entities/${versionId}/timeline`;
  const page = await eventually(
    async () => {
      const response = await call('auditor', 'GET', path);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        total: number;
        items: { type: string; service: string; hash: string; kinds: string[] }[];
      };
      expect(body.items.map((e) => e.type)).toEqual(['PolicyVersionDrafted.v1', 'PolicyVersionPublished.v1']);
      return body;
    },
    { timeoutMs: 30_000 },
  );
  expect(page.items.every((e) => e.service === 'subsidy' && /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  expect(page.items[0].kinds).toEqual(['version']);

  const filtered = await call('auditor', 'GET', `${path}?type=PolicyVersionPublished.v1&pageSize=1`);
  expect(((await filtered.json()) as { items: { type: string }[] }).items.map((e) => e.type)).toEqual([
    'PolicyVersionPublished.v1',
  ]);

  const exported = await call('auditor', 'GET', `${path}/export?format=xlsx`);
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-type')).toContain('spreadsheetml');
  const rows = (await readXlsxFile(Buffer.from(await exported.arrayBuffer())))[0].data;
  expect(rows[1]).toContain('Event type');
  expect(rows.slice(2).map((r) => r[rows[1].indexOf('Event type')])).toEqual([
    'PolicyVersionDrafted.v1',
    'PolicyVersionPublished.v1',
  ]);

  // the copy's chains hold against the subsidy service's own hashes
  const verification = await call('auditor', 'GET', '/api/v1/audit/verification?service=subsidy');
  expect(verification.status).toBe(200);
  expect(await verification.json()).toMatchObject({ ok: true, broken: [] });

  const officer = await call('county_officer', 'GET', path);
  expect([officer.status, ((await officer.json()) as { code: string }).code]).toEqual([
    403,
    'GATEWAY.FORBIDDEN_ROLE',
  ]);
  const bad = await call('auditor', 'GET', `${path}?recordedFrom=yesterday`);
  const badBody = (await bad.json()) as { code: string; violations: { path: string }[] };
  expect([bad.status, badBody.code]).toEqual([400, 'GATEWAY.INVALID_REQUEST']);
  expect(badBody.violations.map((v) => v.path)).toEqual(['recordedFrom']);
});

it('publishes the daily seals to anyone without a login; auditors run the fraud rules and list the alerts over HTTP', async () => {
  // no token: the public seal page (no day has ended since the service started: no seal yet, but the key)
  const seals = await fetch(`${platform.urls.gateway}/api/v1/public/audit/seals`);
  expect(seals.status).toBe(200);
  const page = (await seals.json()) as {
    total: number;
    items: unknown[];
    publicKeys: { keyId: string; x: string }[];
  };
  expect(page).toMatchObject({ total: 0, items: [] });
  expect(page.publicKeys).toEqual([
    { keyId: expect.any(String), x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
  ]);
  const badPage = await fetch(`${platform.urls.gateway}/api/v1/public/audit/seals?pageSize=0`);
  expect(badPage.status).toBe(400);

  const verification = await call('auditor', 'GET', '/api/v1/audit/seals/verification');
  expect(verification.status).toBe(200);
  expect(await verification.json()).toMatchObject({ ok: true, seals: 0, problems: [] });

  // an auditor's run of the rules is a job: 202 with its id, its progress and result from the job route
  const run = await call('auditor', 'POST', '/api/v1/audit/fraud-rules/run', {});
  expect(run.status).toBe(202);
  const { jobId } = (await run.json()) as { jobId: string };
  const job = await eventually(
    async () => {
      const response = await call('auditor', 'GET', `/api/v1/audit/jobs/${jobId}`);
      const view = (await response.json()) as {
        status: string;
        done: number;
        total: number;
        result: unknown;
      };
      expect(view.status).toBe('succeeded');
      return view;
    },
    { timeoutMs: 30_000 },
  );
  expect(job).toMatchObject({ done: 10, total: 10, result: { findings: 0, raised: 0 } });
  const alerts = await call('auditor', 'GET', '/api/v1/audit/fraud-alerts?status=open');
  expect(alerts.status).toBe(200);
  expect(await alerts.json()).toMatchObject({ total: 0, items: [] });
  const xlsx = await call('auditor', 'GET', '/api/v1/audit/fraud-alerts/export?format=xlsx');
  expect(xlsx.status).toBe(200);
  expect((await readXlsxFile(Buffer.from(await xlsx.arrayBuffer())))[0].data[1]).toContain('Rule');

  const confirm = await call(
    'auditor',
    'POST',
    `/api/v1/audit/fraud-alerts/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/confirmation`,
    {
      actions: ['clawback'],
    },
  );
  const body = (await confirm.json()) as { code: string; violations: { path: string }[] };
  expect([confirm.status, body.code]).toEqual([400, 'GATEWAY.INVALID_REQUEST']);
  expect(body.violations.map((v) => v.path)).toEqual(['reason']);
  expect((await call('county_officer', 'GET', '/api/v1/audit/fraud-alerts')).status).toBe(403);
});
