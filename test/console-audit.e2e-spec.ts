// The auditor's screens (issue 16) in real headless Chromium (playwright-core driving Debian's chromium)
// against the whole platform (every service a process of its own, startWholePlatform) serving the built
// console. Before the browser, through the gateway, the whole flow's helpers (scripts/demo/whole-flow.ts)
// carry one class of five trainees to its certificate claim paid — its one device checks all five in
// within the same second each day, which the fraud rules find. Then the auditor, in the browser only:
// reads the claim's timeline and exports it; explains the paid yuan from the payment back to the
// check-ins; replays the claim as of a time and recomputes it; runs the fraud rules as a job and follows
// its progress, filters the alerts, exports them, and triages three (investigate, confirm with a
// suspension, dismiss with a reason); and, with the services' clock moved on by months, verifies the
// copy's chains, the daily seals — every day sealed, none missing — and the services' stores in one
// place. axe on each page; screenshots docs/screenshots/audit-*.png.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { eventually, startWholePlatform, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../scripts/demo/gateway-client';
import {
  addDays,
  certificateTrancheFen,
  prepareGround,
  runClass,
  type ClassOutcome,
} from '../scripts/demo/whole-flow';
import {
  CONSOLE_DIST,
  buildConsole,
  launchChromium,
  axe,
  choose,
  errorsAt,
  shot,
  signIn,
} from './console-browser';

const downloads = mkdtempSync(path.join(tmpdir(), 'console-audit-'));
const FIRST_DAY = '2019-08-01';
const DAYS = 10;
const TRAINEES = 5;
const PAID_FEN = certificateTrancheFen(DAYS) * TRAINEES;
// the services' clock at the end: every day from the first up to the day before is over and due its seal
const LAST_DAY = '2019-11-15';
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const testBegan = new Date();
/** a moment as the form's Beijing date and time (YYYY-MM-DDTHH:mm:ss) */
const beijingLocal = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

let whole: WholePlatform;
let client: GatewayClient;
let outcome: ClassOutcome;
let claimId: string;
let paymentId: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleProblems: string[] = [];

beforeAll(async () => {
  buildConsole();
  whole = await startWholePlatform('console_audit_e2e', `${FIRST_DAY}T09:00:00+08:00`, {
    gatewayEnv: { JINENG_CONSOLE_DIR: CONSOLE_DIST },
    parallel: 1,
  });
  client = new GatewayClient(whole.platform.urls.gateway!, `console-audit-${whole.db.schema}`, 60_000);
  const ctx = { client, moveClock: (iso: string) => whole.moveClock(iso) };
  const ground = await prepareGround(ctx, FIRST_DAY);
  outcome = await runClass(
    ctx,
    ground,
    {
      key: 'audit',
      startDate: '2019-08-12',
      days: DAYS,
      trainees: TRAINEES,
      employed: 0,
      until: 'claim-paid',
    },
    FIRST_DAY,
  );
  claimId = outcome.claimIds.certificate!;
  // the payment's id, as the audit copy holds it once the bank's settlement has reached it
  paymentId = await eventually(
    async () => {
      const answer = await client.get('auditor', `/api/v1/audit/claims/${claimId}/explanation`);
      expect(answer.status).toBe(200);
      expect(answer.body.paymentId).toEqual(expect.any(String));
      expect(answer.body.missing).not.toContain('payment');
      return String(answer.body.paymentId);
    },
    { timeoutMs: 60_000, intervalMs: 1_000 },
  );
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleProblems.push(m.text()));
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  await signIn(page, whole.platform.urls.gateway!, /审计人员/);
}, 900_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await whole?.dispose();
});

// what the page showed when a test ended (a failure's evidence): /tmp/console-audit-<n>.png and .txt
let ended = 0;
afterEach(async () => {
  if (!page) return;
  ended++;
  await page
    .screenshot({ path: path.join(tmpdir(), `console-audit-${ended}.png`), fullPage: true })
    .catch(() => undefined);
  const text = await page
    .locator('body')
    .innerText()
    .catch(() => '');
  writeFileSync(path.join(tmpdir(), `console-audit-${ended}.txt`), text);
});

const url = (route: string) => `${whole.platform.urls.gateway}${route}`;

async function saved(click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

it("reads the paid claim's timeline across services, filtered by service, and exports it", async () => {
  await page.goto(url('/audit/timeline'));
  await page.getByLabel('对象编号', { exact: true }).fill(claimId);
  await page.getByRole('button', { name: /查询时间线/ }).click();
  const table = page.getByRole('table', { name: `${claimId} 的事件时间线` });
  await eventually(
    async () => expect(await table.textContent({ timeout: 2_000 })).toContain('ClaimSubmitted.v1'),
    {
      timeoutMs: 20_000,
    },
  );
  await page.getByLabel('服务', { exact: true }).fill('fund-ledger');
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await eventually(async () => {
    const text = (await table.textContent({ timeout: 2_000 })) ?? '';
    expect(text).toContain('PaymentSettled.v1');
    expect(text).not.toContain('ClaimSubmitted.v1');
  });
  const { name, file } = await saved(() => page.getByRole('button', { name: /导出 Excel/ }).click());
  expect(name).toMatch(/\.xlsx$/);
  const body = JSON.stringify((await readXlsxFile(readFileSync(file)))[0].data);
  expect(body).toContain('PaymentSettled.v1');
  expect(body).not.toContain('ClaimSubmitted.v1');
  expect(await axe(page)).toEqual([]);
}, 120_000);

it('explains the paid yuan from the payment back to the check-ins, each step with its event and amounts in ¥', async () => {
  await page.goto(url('/audit/explain'));
  // neither id: refused before anything is asked
  await page.getByRole('button', { name: /溯\s*源/ }).click();
  await eventually(async () => expect(await errorsAt(page, '支付编号')).toBe('请填写支付编号或申领编号'));
  await page.getByLabel('支付编号', { exact: true }).fill(paymentId);
  await page.getByRole('button', { name: /溯\s*源/ }).click();
  const explanation = page.getByTestId('explanation');
  await explanation.waitFor({ timeout: 30_000 });
  const text = (await explanation.textContent()) ?? '';
  expect(text).toContain(`申领 ${claimId} 的资金溯源`);
  expect(text).toContain(paymentId);
  // paid and explained: five trainees' certificate tranche
  expect(text).toContain(yuan(PAID_FEN));
  for (const step of [
    'payment',
    'commitment',
    'claim',
    'breakdown_line',
    'class',
    'check_in',
    'device',
    'certificate',
  ])
    expect(await page.getByTestId(`step-${step}`).count()).toBeGreaterThan(0);
  // in order, from the payment back
  const steps = await page
    .locator('[data-testid^="step-"]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
  expect(steps.indexOf('step-payment')).toBeLessThan(steps.indexOf('step-claim'));
  expect(steps.indexOf('step-claim')).toBeLessThan(steps.indexOf('step-class'));
  expect(steps.indexOf('step-class')).toBeLessThan(steps.indexOf('step-check_in'));
  // the class step names the class, a check-in its device; the claim's amount in ¥, never a bare fen count
  expect(await page.getByTestId('step-class').first().textContent()).toContain(outcome.classId);
  expect(await page.getByTestId('step-check_in').first().textContent()).toMatch(/deviceId: [0-9a-f-]{36}/);
  expect(await page.getByTestId('step-claim').first().textContent()).toContain(
    `computedFen: ${yuan(PAID_FEN)}`,
  );
  expect(await explanation.textContent()).not.toMatch(/Fen: -?\d/);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-explain');
}, 120_000);

it('replays the claim as it stood at a time and recomputes it under the policy, line by line', async () => {
  await page.goto(url('/audit/claims'));
  await page.getByLabel('申领编号', { exact: true }).fill(claimId);
  // the copy replays by the time each service recorded its event (the database's clock, not the moved
  // clock of the services' rules): before this test began, nothing of the claim yet
  await page.getByLabel('回放时点', { exact: true }).fill(beijingLocal(testBegan));
  await page.getByRole('button', { name: /回\s*放/ }).click();
  const replay = page.getByTestId('claim-as-of');
  await eventually(
    async () => expect(await replay.textContent({ timeout: 2_000 })).toContain('申领该时点尚无记录'),
    {
      timeoutMs: 20_000,
    },
  );
  await page.getByLabel('回放时点', { exact: true }).fill(beijingLocal(new Date(Date.now() + 60_000)));
  await page.getByRole('button', { name: /回\s*放/ }).click();
  await eventually(
    async () => expect(await replay.textContent({ timeout: 2_000 })).toContain('status: paid'),
    {
      timeoutMs: 20_000,
    },
  );
  await page.getByRole('button', { name: /按政策重算/ }).click();
  const recomputation = page.getByTestId('recomputation');
  await recomputation.waitFor({ timeout: 30_000 });
  const text = (await recomputation.textContent()) ?? '';
  expect(text).toContain('重算一致');
  expect(text).toContain(yuan(PAID_FEN));
  expect(text).toContain('¥0.00'); // the difference: due less paid
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-claim-replay');
}, 120_000);

it('runs the fraud rules as a job with its progress, filters, exports and triages the alerts', async () => {
  await page.goto(url('/audit/fraud-alerts'));
  await page.getByRole('button', { name: /立即运行欺诈规则/ }).click();
  await page.getByTestId('job-progress').waitFor({ timeout: 20_000 });
  const result = page.getByTestId('rules-result');
  await result.waitFor({ timeout: 60_000 });
  // one burst a day: the device checked the five in within the same second on each of the ten days
  expect(await result.textContent()).toMatch(/发现 \d+ 项，新增预警 \d+ 条/);
  expect(await page.getByTestId('job-progress').textContent()).toContain('已完成');
  await shot(page, 'audit-fraud-run');

  await choose(page, '规则', '同一设备数秒内为多人签到');
  await page.getByLabel('涉及对象编号', { exact: true }).fill(outcome.classId);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  const table = page.getByRole('table', { name: '欺诈预警列表' });
  await eventually(async () => expect(await page.getByText(`共 ${DAYS} 条`).count()).toBe(1), {
    timeoutMs: 20_000,
  });
  expect(await table.textContent({ timeout: 2_000 })).not.toContain('签到人数高于检查人数');
  const { name, file } = await saved(() => page.getByRole('button', { name: /导出 Excel/ }).click());
  expect(name).toMatch(/\.xlsx$/);
  const rows = (await readXlsxFile(readFileSync(file)))[0].data;
  expect(rows.length).toBeGreaterThanOrEqual(DAYS + 1);
  expect(JSON.stringify(rows)).toContain('device-many-workers-in-seconds');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-fraud-alerts');

  const openRows = page.locator('.ant-table-row', { has: page.getByRole('button', { name: /开始调查/ }) });
  // investigate the first
  await openRows
    .first()
    .getByRole('button', { name: /开始调查/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('调查说明（可不填）').fill('调取签到设备日志');
  await dialog.getByRole('button', { name: /开始调查/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually(async () => expect(await table.textContent({ timeout: 2_000 })).toContain('调查中'));
  // dismiss another: a reason is asked for first
  await openRows
    .first()
    .getByRole('button', { name: /排\s*除/ })
    .click();
  await dialog.getByRole('button', { name: /排\s*除/ }).click();
  await eventually(async () => expect(await errorsAt(page, '理由')).toBe('请填写理由'));
  await dialog.getByLabel('理由').fill('培训首日设备集中登记，经核实学员在场');
  await dialog.getByRole('button', { name: /排\s*除/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  // confirm the one under investigation, with a suspension
  await choose(page, '状态', '调查中');
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await eventually(async () => expect(await page.getByText('共 1 条').count()).toBe(1));
  await page
    .locator('.ant-table-row')
    .first()
    .getByRole('button', { name: /确认欺诈/ })
    .click();
  // the dialog's content can render again as it opens (a click then lands on the replaced checkbox):
  // the user's tick is given again until the box holds it
  await eventually(() => dialog.getByLabel('暂停机构资格').check({ timeout: 2_000 }));
  await dialog.getByLabel('理由').fill('设备日志显示同一人代为签到');
  await shot(page, 'audit-fraud-triage');
  await dialog.getByRole('button', { name: /确认欺诈/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  // none under investigation any more (an empty list shows no total)
  await eventually(async () => expect(await table.locator('.ant-table-row').count()).toBe(0));
  const confirmed = await client.get(
    'auditor',
    `/api/v1/audit/fraud-alerts?entityId=${outcome.classId}&status=confirmed`,
  );
  expect(confirmed.body.items).toEqual([
    expect.objectContaining({
      status: 'confirmed',
      actions: ['suspension'],
      reason: '设备日志显示同一人代为签到',
    }),
  ]);
  const dismissed = await client.get(
    'auditor',
    `/api/v1/audit/fraud-alerts?entityId=${outcome.classId}&status=dismissed`,
  );
  expect(dismissed.body.items).toEqual([
    expect.objectContaining({ reason: '培训首日设备集中登记，经核实学员在场' }),
  ]);
}, 180_000);

it('verifies chains, daily seals and stores in one place once the clock has moved on by months: every day sealed', async () => {
  await whole.moveClock(`${LAST_DAY}T09:00:00+08:00`);
  const expected = daysFrom(FIRST_DAY, LAST_DAY);
  // every day over since the first is sealed, promptly, whatever the number of days the clock jumped
  await eventually(
    async () => {
      const answer = await client.get(undefined, '/api/v1/public/audit/seals?pageSize=1');
      expect(answer.body.total).toBe(expected);
    },
    { timeoutMs: 30_000, intervalMs: 1_000 },
  );
  await page.goto(url('/audit/verification'));
  const calendar = page.getByTestId('seal-calendar');
  await calendar.waitFor({ timeout: 20_000 });
  const calendarText = (await calendar.textContent()) ?? '';
  expect(calendarText).toContain(`封存天数${expected}`);
  expect(calendarText).toContain(`首个封存日${FIRST_DAY}`);
  expect(calendarText).toContain(`最近封存日${addDays(LAST_DAY, -1)}`);
  expect(calendarText).toContain('无缺口');
  await page.getByRole('button', { name: /立即全部校验/ }).click();
  await eventually(
    async () =>
      expect(await page.getByTestId('verification-progress').textContent({ timeout: 2_000 })).toContain(
        '已完成 3 / 3 项校验',
      ),
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  for (const check of ['copy', 'seals', 'stores'])
    expect(await page.getByTestId(`check-${check}`).locator('.ant-card-head').textContent()).toContain(
      '完好',
    );
  expect(await page.getByTestId('seals-report').textContent()).toContain(`封存天数${expected}`);
  const stores = (await page.getByTestId('check-stores').textContent()) ?? '';
  for (const service of ['registry', 'class-ops', 'subsidy', 'fund-ledger'])
    expect(stores).toContain(service);
  expect(stores).not.toContain('无法读取');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-verification');
  // an API's refusal is shown on the page (the form tests check it); nothing else may go to the console
  expect(consoleProblems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
}, 240_000);
