// The console's money, audit, public and trainee screens in real headless Chromium (playwright-core and
// Debian's chromium) against the platform started here: gateway (serving the built console), subsidy
// (its clock moved by a file, in 2019 as the claims e2e), fund ledger, certification and audit as
// processes. Class-ops' and the registry's events are published on the bus as their relays would
// (docs/contracts.md). A finance officer funds, commits, pays and reconciles an uploaded bank statement;
// a visitor without login objects to a claim on notice and checks a certificate number; a trainee on a
// 390 px wide phone confirms one claim and objects to another; an auditor reads and exports a claim's
// timeline and verifies the subsidy service's hash chains. axe on each main page; screenshots to
// docs/screenshots/. The yearly limit and notice days come from a hypothetical county supplement for
// 盐湖区 (test data, not a seed), published by the admin as in test/subsidy-claims.e2e-spec.ts.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import {
  connectTestDatabase,
  devToken,
  eventually,
  payeeAccountSealedEvent,
  setTestClock,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
  UpstreamBus,
} from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { launchChromium, signIn } from './console-browser';

const repoRoot = path.resolve(__dirname, '..');
const consoleDist = path.join(repoRoot, 'apps/console/dist');
const screenshots = path.join(repoRoot, 'docs/screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const DEMO_WORKER_ID = '9149a218-3492-5998-8495-1c6fc30e8d6f'; // the dev issuer's worker (apps/gateway/src/auth/demo-users.ts)
const CITY = '140800';
const COUNTY = '140802';
const SOURCE_NAME = '职业技能提升行动专账';
const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'console-money-clock-')), 'clock.json');
const downloads = mkdtempSync(path.join(os.tmpdir(), 'console-money-downloads-'));

let platform: RunningPlatform;
const databases: TestDatabase[] = [];
let subsidyDb: TestDatabase;
let ledgerDb: TestDatabase;
let browser: Browser;
const connections: NatsConnection[] = [];
const buses: Record<string, UpstreamBus> = {};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  execFileSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  setTestClock(clockFile, '2019-09-26T09:00:00+08:00');
  subsidyDb = await connectTestDatabase('console_money_subsidy');
  ledgerDb = await connectTestDatabase('console_money_ledger');
  const certificationDb = await connectTestDatabase('console_money_certification');
  const auditDb = await connectTestDatabase('console_money_audit');
  databases.push(subsidyDb, ledgerDb, certificationDb, auditDb);
  platform = await startPlatform(
    [
      { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled', JINENG_CONSOLE_DIR: consoleDist } },
      { name: 'subsidy', env: { JINENG_SCHEMA: subsidyDb.schema, JINENG_TEST_CLOCK_FILE: clockFile } },
      { name: 'fund-ledger', env: { JINENG_SCHEMA: ledgerDb.schema } },
      { name: 'certification', env: { JINENG_SCHEMA: certificationDb.schema } },
      { name: 'audit', env: { JINENG_SCHEMA: auditDb.schema } },
    ],
    {},
    180_000,
    { producers: ['class-ops', 'registry'] },
  );
  for (const user of ['admin', 'county_officer', 'city_approver', 'institution', 'worker'])
    tokens[user] = await devToken(platform.urls.gateway!, user);
  for (const producer of ['class-ops', 'certification', 'registry']) {
    const nc = await platform.bus.connect(producer);
    connections.push(nc);
    buses[producer] = new UpstreamBus(nc);
  }
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  for (const nc of connections) await nc.close();
  await platform?.stop();
  for (const db of databases) await db.dispose();
});

// ---- the API, for what other roles do before the journeys ----

interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
  readonly body: Record<string, any>;
}

async function call(user: string, method: string, url: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[user]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(method === 'GET' ? {} : { 'Idempotency-Key': randomUUID() }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function at(iso: string): Promise<void> {
  setTestClock(clockFile, iso);
  await new Promise<void>((resolve) => setTimeout(resolve, 200));
}

/** a class of 盐湖区 approved and completed, each trainee certified — as class-ops and certification publish */
async function completedClass(workers: readonly string[], days: number, start: string, end: string) {
  const classId = randomUUID();
  const head = {
    classId,
    institutionId: DEMO_INSTITUTION_ID,
    jurisdictionCode: COUNTY,
    occupationCode: '4-03-02-01',
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
        certificateNumber: `C${certificateId.slice(0, 8)}`,
        workerId,
        classId,
        institutionId: DEMO_INSTITUTION_ID,
        jurisdictionCode: COUNTY,
        occupationCode: '4-03-02-01',
        level: 5,
        kind: 'skill_level',
        evaluationBodyId: randomUUID(),
        issuedOn: end,
      },
    );
  }
  // the class and its certificates reach the subsidy service through two consumers in no fixed order
  await eventually(
    async () => {
      const { rows } = await subsidyDb.pool.query<{ n: number }>(
        `select count(*)::int as n from ${subsidyDb.schema}.claim_certificates where class_id = $1`,
        [classId],
      );
      expect(rows[0]?.n).toBe(workers.length);
    },
    { timeoutMs: 30_000 },
  );
  return classId;
}

async function submitClaim(classId: string, requestedFen: number): Promise<string> {
  const answer = await call('institution', 'POST', '/api/v1/claims', {
    kind: 'training_per_day',
    tranche: 'certificate',
    classId,
    claimantKind: 'institution',
    requestedFen,
    commitmentSigned: true,
  });
  expect([answer.status, answer.body.code]).toEqual([201, undefined]);
  return String(answer.body.id);
}

// ---- the browser ----

async function newPage(
  viewport = { width: 1366, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

const url = (pathname: string) => `${platform.urls.gateway}${pathname}`;

async function choose(page: Page, label: string, option: string, scope?: string) {
  const root = scope ? page.getByTestId(scope) : page;
  await root.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
  await eventually(async () => expect(await page.locator('.ant-select-dropdown:visible').count()).toBe(0));
}

/** axe-core on the page at rest: the serious and critical violations */
async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  await page.waitForFunction(
    () => {
      type Animation = { playState: string; effect: { getTiming(): { iterations: number } } | null };
      const document = (globalThis as unknown as { document: { getAnimations(): Animation[] } }).document;
      return document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
    },
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const page = globalThis as unknown as {
      axe: { run(context: unknown): Promise<unknown> };
      document: unknown;
    };
    return (await page.axe.run(page.document)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** the text shown, or the test fails with the refusals the page showed instead */
async function shows(page: Page, text: string | RegExp, timeout = 20_000) {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch {
    const refused = await page
      .locator('.ant-form-item-explain-error, [role="alert"] .ant-alert-description')
      .allTextContents();
    // what the page looked like, for a failure seen once in a full run and never alone
    const dialogs = await page.getByRole('dialog').allInnerTexts();
    const picture = path.join(os.tmpdir(), `console-money-not-shown-${Date.now()}.png`);
    await page.screenshot({ path: picture, fullPage: true });
    throw new Error(
      `'${String(text)}' not shown; the page said: ${refused.join(' | ')}; its dialogs: ${dialogs.join(' | ')}; as it looked: ${picture}`,
    );
  }
}

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

// ---- the claims the trainee and the public see (2019, on the subsidy service's clock) ----

let onNotice: string;
let submittedOnly: string;

it('sets the scene: the hypothetical supplement, a claim on notice and a claim just submitted, both naming the demo trainee', async () => {
  const drafted = await call('admin', 'POST', '/api/v1/policy-versions', {
    jurisdiction: COUNTY,
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

  const first = await completedClass(
    [DEMO_WORKER_ID, randomUUID(), randomUUID()],
    12,
    '2019-09-02',
    '2019-09-13',
  );
  const second = await completedClass([DEMO_WORKER_ID, randomUUID()], 10, '2019-09-09', '2019-09-20');
  onNotice = await submitClaim(first, 408_000);
  submittedOnly = await submitClaim(second, 272_000);
  await at('2019-09-30T09:00:00+08:00');
  const review = { decision: 'approve', reason: '材料齐全' };
  for (const [user, step] of [
    ['county_officer', 'first-review'],
    ['city_approver', 'second-review'],
    ['county_officer', 'notice'],
  ] as const) {
    const done = await call(
      user,
      'POST',
      `/api/v1/claims/${onNotice}/${step}`,
      step === 'notice' ? {} : review,
    );
    expect([step, done.status, done.body.code, done.body.message]).toEqual([step, 200, undefined, undefined]);
  }
}, 120_000);

describe('a finance officer', () => {
  let page: Page;
  let context: BrowserContext;
  const claims = [
    { claimId: randomUUID(), claimantId: randomUUID(), yuan: '3000.00', fen: 300_000 },
    { claimId: randomUUID(), claimantId: randomUUID(), yuan: '2000.50', fen: 200_050 },
  ];
  let paymentFile: string;

  beforeAll(async () => {
    ({ page, context } = await newPage());
    await signIn(page, platform.urls.gateway, /财政专户管理人员/);
  });
  afterAll(async () => context?.close());

  it('records money received and allocates it to a county; the balances follow', async () => {
    await page.goto(url('/ledger/money-in'));
    const inflow = page.getByTestId('inflow-form');
    await inflow.getByLabel('金额（元）', { exact: true }).fill('20,000');
    await inflow.getByLabel('拨付文件号', { exact: true }).fill('运人社发〔2026〕21号');
    await inflow.getByLabel('到账日期', { exact: true }).fill('2026-11-02');
    // the form checks the amount itself before anything is sent
    await inflow.getByLabel('金额（元）', { exact: true }).fill('12.345');
    await inflow.getByRole('button', { name: /提\s*交/ }).click();
    await shows(page, '请输入大于0、最多两位小数的金额');
    await shows(page, '请填写资金来源');
    await inflow.getByLabel('金额（元）', { exact: true }).fill('20,000');
    await choose(page, '资金来源', SOURCE_NAME, 'inflow-form');
    await inflow.getByRole('button', { name: /提\s*交/ }).click();
    await shows(page, '已登记 ¥20,000.00');

    const allocation = page.getByTestId('allocation-form');
    await allocation.getByLabel('划入县区代码', { exact: true }).fill(COUNTY);
    await choose(page, '资金来源', SOURCE_NAME, 'allocation-form');
    await allocation.getByLabel('金额（元）', { exact: true }).fill('15000');
    await allocation.getByLabel('拨付文件号', { exact: true }).fill('运财社〔2026〕4号');
    await allocation.getByRole('button', { name: /提\s*交/ }).click();
    await shows(page, '已登记 ¥15,000.00');
    // the city's balance of the source: 20 000 in, 15 000 passed on
    const row = page.getByRole('row', { name: new RegExp(SOURCE_NAME) });
    await eventually(async () => expect(await row.textContent()).toContain('¥5,000.00'));
    expect(await axe(page)).toEqual([]);
    await shot(page, 'ledger-money-in');
  });

  it('commits two approved claims by hand; the county’s commitments by source show them', async () => {
    await page.goto(url('/ledger/reservations'));
    const form = page.getByTestId('commitment-form');
    for (const claim of claims) {
      await form.getByLabel('申领编号', { exact: true }).fill(claim.claimId);
      await form.getByLabel('申领主体编号', { exact: true }).fill(claim.claimantId);
      await form.getByLabel('补贴类别代码', { exact: true }).fill('training');
      await form.getByLabel('辖区代码', { exact: true }).fill(COUNTY);
      await choose(page, '资金来源', SOURCE_NAME, 'commitment-form');
      await form.getByLabel('金额（元）', { exact: true }).fill(claim.yuan);
      await form.getByRole('button', { name: /提\s*交/ }).click();
      await shows(page, `已承诺 ¥${claim.yuan.replace(/^(\d)(\d{3})/, '$1,$2')}`);
    }
    await page.getByLabel('查看辖区余额', { exact: true }).fill(COUNTY);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    const row = page.getByRole('row', { name: new RegExp(SOURCE_NAME) });
    // 15 000 allocated: 5 000.50 committed (payable), 9 999.50 still available
    await eventually(async () => {
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('¥9,999.50');
      expect(text).toContain('¥5,000.50');
    });
    expect(await axe(page)).toEqual([]);
    await shot(page, 'ledger-commitments');
  });

  it("issues the day's payment file and downloads it", async () => {
    // the payees' bank accounts, sealed by the registry to the ledger's key (as its relay publishes them)
    for (const [i, claim] of claims.entries()) {
      const event = payeeAccountSealedEvent(claim.claimantId, 'institution', {
        accountName: `培训学校${i}`,
        accountNumber: `622202020011223344${i}`,
      });
      await buses.registry.again(event);
    }
    await eventually(async () => {
      const { rows } = await ledgerDb.pool.query<{ n: number }>(
        `select count(*)::int as n from "${ledgerDb.schema}".payee_accounts where payee_id = any($1::text[])`,
        [claims.map((c) => c.claimantId)],
      );
      expect(rows[0]?.n).toBe(2);
    });
    await page.goto(url('/ledger/payments'));
    await page.locator('#batch_jurisdictionCode').fill(COUNTY);
    await page.getByLabel('资金来源', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: SOURCE_NAME })
      .click();
    await page.getByRole('button', { name: /生成支付文件/ }).click();
    await shows(page, '¥5,000.50');
    expect(await page.getByTestId('payment-batch').textContent()).toMatch(/笔数\s*2/);
    const { file } = await saved(page, () => page.getByRole('button', { name: /下载支付文件/ }).click());
    paymentFile = readFileSync(file, 'utf8');
    const lines = paymentFile.trim().split('\n');
    expect(lines[0]!.split(',')[0]).toBe('reference');
    expect(lines).toHaveLength(3);
  });

  it('uploads the bank statement and works through the reconciliation, its progress shown', async () => {
    const rows = paymentFile
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const referenceOf = (claimId: string) => rows.find((r) => r[2] === claimId)![0]!;
    // the first payment went out, the second is missing, one line the ledger never issued
    const statement = path.join(downloads, 'statement.csv');
    writeFileSync(
      statement,
      [
        'reference,amount_fen,value_date,status,reason',
        `${referenceOf(claims[0].claimId)},${claims[0].fen},2026-11-30,paid,`,
        'JNNOTOURS000000001,12345,2026-11-30,paid,',
      ].join('\n'),
    );
    await page.locator('#statement_jurisdictionCode').fill(COUNTY);
    await page.getByLabel('对账单文件（.csv）', { exact: true }).setInputFiles(statement);
    await page.getByRole('button', { name: /导入并对账/ }).click();
    await page.getByTestId('job-progress').waitFor();
    // the bar appears with the job's first answer (the card is there before it)
    await page.getByTestId('job-progress').getByRole('progressbar').waitFor();
    await shows(page, '对账完成，存在差异，请逐项处理', 30_000);
    const reconciliation = page.getByTestId('reconciliation');
    expect(await reconciliation.textContent()).toMatch(/匹配\s*1/);
    await expect(
      page.getByRole('table', { name: '对账单中无对应支付的行（1）' }).textContent(),
    ).resolves.toContain('JNNOTOURS000000001');
    const missing = await page.getByRole('table', { name: '对账单中缺少的支付（1）' }).textContent();
    expect(missing).toContain(referenceOf(claims[1].claimId));
    expect(missing).toContain('¥2,000.50');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'ledger-reconciliation');
  });

  it('reads the year’s report as charts by source and kind, and exports it to .xlsx', async () => {
    await page.goto(url('/ledger/report'));
    await page.getByLabel('统计周期', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '按年' }).click();
    // the city and the counties below it
    await page.getByLabel('辖区代码', { exact: true }).fill(CITY);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    const bars = page.getByTestId('money-bars');
    await eventually(async () => {
      const bySource = (await bars.first().textContent()) ?? '';
      expect(bySource).toContain(SOURCE_NAME);
      expect(bySource).toContain('到账 ¥20,000.00');
      expect(bySource).toContain('承诺 ¥5,000.50');
      expect(bySource).toContain('支付 ¥3,000.00');
    });
    expect(await bars.nth(1).textContent()).toContain('培训补贴');
    const { name, file } = await saved(page, () => page.getByRole('button', { name: /导出 Excel/ }).click());
    expect(name).toMatch(/\.xlsx$/);
    const [sheet] = await readXlsxFile(readFileSync(file));
    expect(sheet.data.length).toBeGreaterThan(2);
    expect(JSON.stringify(sheet.data)).toContain('到账');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'ledger-report');
  });
});

describe('a visitor without login', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await newPage());
  });
  afterAll(async () => context?.close());

  it('reads the notices of the city and objects to a claim, the contact kept for officers only', async () => {
    await page.goto(url('/'));
    await page.getByRole('button', { name: '公开信息：补贴公示、证书查验、资金使用公示' }).click();
    await page.getByLabel('辖区代码', { exact: true }).fill(CITY);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    const row = page.getByRole('row', { name: /¥4,080\.00/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/2019-09-30 ~ 2019-10-09/);
    expect(await page.getByRole('table').textContent()).not.toContain(DEMO_WORKER_ID);
    await row.getByRole('button', { name: /提出异议/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /提交异议/ }).click();
    await shows(page, '请填写异议内容');
    await dialog.getByLabel('异议内容', { exact: true }).fill('该班实际开课天数不足');
    await dialog.getByLabel('联系方式（可不填）', { exact: true }).fill('电话 0359-0000000');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-objection-form');
    await dialog.getByRole('button', { name: /提交异议/ }).click();
    await shows(page, '异议已提交，经办人员将核实处理');
    const view = await call('county_officer', 'GET', `/api/v1/claims/${onNotice}`);
    expect(view.body.objections).toEqual([
      expect.objectContaining({
        by: 'public',
        contact: '电话 0359-0000000',
        statement: '该班实际开课天数不足',
      }),
    ]);
    await shot(page, 'public-objection-raised');
  });

  it('checks a certificate number from its page address, as a certificate’s QR code would open it', async () => {
    await page.goto(url('/public/certificates/ZZ0000001'));
    await shows(page, '未查到证书 ZZ0000001');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-certificate-verification');
  });

  it('reads the fund-usage disclosure as charts, without claimant-level data', async () => {
    await page.goto(url('/public/fund-disclosure'));
    await page.getByLabel('辖区代码', { exact: true }).fill(CITY);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    const bars = page.getByTestId('money-bars').first();
    await eventually(async () => expect(await bars.textContent()).toContain('到账 ¥20,000.00'));
    expect(await page.locator('#main').textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const { name } = await saved(page, () => page.getByRole('button', { name: /导出 Excel/ }).click());
    expect(name).toMatch(/\.xlsx$/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-fund-disclosure');
  });
});

describe('a trainee on a phone (390 px wide)', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await newPage({ width: 390, height: 844 }));
    await signIn(page, platform.urls.gateway, /劳动者/);
  });
  afterAll(async () => context?.close());

  it('sees the claims that name them with the amount in their name, confirms one and objects to the other', async () => {
    await page.goto(url('/my/claims'));
    const cards = page.getByTestId('my-claim');
    await eventually(async () => expect(await cards.count()).toBe(2));
    // nothing wider than the phone: no sideways scrolling
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    const noticed = cards.filter({ hasText: '公示中' });
    expect(await noticed.textContent()).toContain('¥1,360.00'); // the claims e2e: 136 000 fen in the trainee's name
    expect(await axe(page)).toEqual([]);
    await shot(page, 'trainee-my-claims');
    await noticed.getByRole('button', { name: /确认属实/ }).click();
    await noticed.getByText('已确认').waitFor();

    const other = cards.filter({ hasText: '已提交' });
    const mine = await call('worker', 'GET', '/api/v1/my/claims');
    const ownFen = mine.body.items.find((c: { claimId: string }) => c.claimId === submittedOnly).ownAmountFen;
    expect(await other.textContent()).toContain(
      `¥${(ownFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    await other.getByRole('button', { name: /提出异议/ }).click();
    await other.getByRole('button', { name: /提交异议/ }).click();
    await shows(page, '请填写异议内容');
    await other.getByLabel('异议内容', { exact: true }).fill('我只参加了8天');
    await other.getByRole('button', { name: /提交异议/ }).click();
    await shows(page, '异议已提交，经办人员将核实处理');
    await shot(page, 'trainee-objection');

    const confirmed = await call('county_officer', 'GET', `/api/v1/claims/${onNotice}`);
    expect(confirmed.body.confirmedBy).toEqual([DEMO_WORKER_ID]);
    const objected = await call('county_officer', 'GET', `/api/v1/claims/${submittedOnly}`);
    expect(objected.body.objections).toEqual([
      expect.objectContaining({ by: 'trainee', statement: '我只参加了8天' }),
    ]);
  });
});

describe('an auditor', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await newPage());
    await signIn(page, platform.urls.gateway, /审计人员/);
  });
  afterAll(async () => context?.close());

  it("reads a claim's timeline across services, filters it by type and exports it", async () => {
    await page.goto(url('/audit/timeline'));
    await page.getByLabel('对象编号', { exact: true }).fill(onNotice);
    const table = page.getByRole('table', { name: `${onNotice} 的事件时间线` });
    // the audit copy follows the bus: search again until the notice has reached it
    await eventually(
      async () => {
        await page.getByRole('button', { name: /查询时间线/ }).click();
        expect(await table.textContent()).toContain('ClaimObjectionRaised.v1');
      },
      { timeoutMs: 30_000, intervalMs: 1_000 },
    );
    const text = (await table.textContent()) ?? '';
    for (const type of ['ClaimSubmitted.v1', 'ClaimNoticePublished.v1', 'ClaimConfirmedByTrainee.v1'])
      expect(text).toContain(type);
    await page.getByLabel('事件类型', { exact: true }).fill('ClaimNoticePublished.v1');
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await eventually(async () => expect(await page.getByText('共 1 条').count()).toBe(1));
    const { name, file } = await saved(page, () => page.getByRole('button', { name: /导出 Excel/ }).click());
    expect(name).toMatch(/\.xlsx$/);
    const [sheet] = await readXlsxFile(readFileSync(file));
    const body = JSON.stringify(sheet.data);
    expect(body).toContain('ClaimNoticePublished.v1');
    expect(body).not.toContain('ClaimSubmitted.v1');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'audit-timeline');
  });

  it("verifies the subsidy service's hash chains", async () => {
    await page.goto(url('/audit/chains'));
    await page.getByLabel('服务（可不填）', { exact: true }).fill('subsidy');
    await page.getByRole('button', { name: /校验哈希链/ }).click();
    const report = page.getByTestId('chain-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('全部哈希链完好');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'audit-chains');
  });
});
