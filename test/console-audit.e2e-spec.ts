// The auditor's screens in real headless Chromium (playwright-core and Debian's chromium) against the
// whole platform started here (every service a process, the gateway serving the built console) on a
// moved clock. One class of 盐湖区 with five trainees is run to its 80 % claim paid through the gateway
// (scripts/demo/whole-flow.ts, the flow `npm start` loads); the five check in on the site's one device at
// the same second every day, which is what the device-burst fraud rule looks for. An auditor then, in
// the browser: opens the claim's timeline and from it the claim's "explain this yuan" down to the
// check-ins and their device, replays the claim as it stood at its approval, recomputes it (difference
// 0), verifies the chains and the published seals, runs the fraud rules, triages a device-burst alert
// (investigate, then confirm asking for a suspension) and exports the alerts to .xlsx. axe on each main
// page; screenshots to docs/screenshots/audit-*.png.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { eventually, startWholePlatform, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../scripts/demo/gateway-client';
import {
  certificateTrancheFen,
  prepareGround,
  runClass,
  type ClassOutcome,
} from '../scripts/demo/whole-flow';
import { axe, choose, shot, signIn } from './console-browser';

const repoRoot = path.resolve(__dirname, '..');
const consoleDist = path.join(repoRoot, 'apps/console/dist');
const CHROMIUM = process.env.JINENG_CHROMIUM ?? '/usr/bin/chromium';
const downloads = mkdtempSync(path.join(os.tmpdir(), 'console-audit-downloads-'));
const TRAINEES = 5;
const DAYS = 12;
const DEVICE_RULE = '同一设备数秒内为多名学员签到';

let whole: WholePlatform;
let client: GatewayClient;
let ground: { teacherId: string; deviceId: string };
let outcome: ClassOutcome;
let claimId: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleProblems: string[] = [];

beforeAll(async () => {
  execFileSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  whole = await startWholePlatform('console_audit_e2e', '2019-08-01T09:00:00+08:00', {
    gatewayEnv: { JINENG_CONSOLE_DIR: consoleDist },
    // one at a time: on a busy machine two starting at once miss the bus's connection timeout
    parallel: 1,
  });
  // a busy machine makes a service answer late (504): the same request again, its key making it one command
  client = new GatewayClient(whole.platform.urls.gateway!, `console-audit-${whole.db.schema}`, 120_000);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}, 1_200_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await whole?.dispose();
});

const url = (pathname: string) => `${whole.platform.urls.gateway}${pathname}`;

/** the text shown, or the test fails with the refusals the page showed instead */
async function shows(text: string | RegExp, timeout = 30_000) {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch {
    const refused = await page
      .locator('.ant-form-item-explain-error, [role="alert"] .ant-alert-description')
      .allTextContents();
    throw new Error(`'${String(text)}' not shown; the page said: ${refused.join(' | ')}`);
  }
}

interface TimelineEntry {
  readonly type: string;
  readonly recordedAt: string;
}

it('runs a class of five trainees to its 80 % claim paid, through the gateway only', async () => {
  const ctx = { client, moveClock: (iso: string) => whole.moveClock(iso) };
  ground = await prepareGround(ctx, '2019-08-01');
  outcome = await runClass(
    ctx,
    ground,
    {
      key: 'audited class',
      startDate: '2019-08-12',
      days: DAYS,
      trainees: TRAINEES,
      employed: 0,
      until: 'claim-paid',
    },
    '2019-08-01',
  );
  claimId = outcome.claimIds.certificate!;
  expect(claimId).toMatch(/^[0-9a-f-]{36}$/);
  // the audit copy follows the bus: the claim's payment has reached it, and its explanation is whole
  await eventually(
    async () => {
      const answer = await client.call('auditor', 'GET', `/api/v1/audit/claims/${claimId}/explanation`);
      expect([answer.status, answer.body.code, answer.body.paidFen]).toEqual([
        200,
        undefined,
        certificateTrancheFen(DAYS) * TRAINEES,
      ]);
    },
    // (an interval, so the last attempt has the time to say why it failed)
    { timeoutMs: 60_000, intervalMs: 1_000 },
  );
  // the days passed on the clock have been sealed
  await eventually(
    async () => {
      const seals = await fetch(url('/api/v1/public/audit/seals'));
      const body = (await seals.json()) as { total?: number };
      expect([seals.status, (body.total ?? 0) > 30]).toEqual([200, true]);
    },
    // the public route allows 30 requests a minute: ask every 3 s
    { timeoutMs: 90_000, intervalMs: 3_000 },
  );
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  await signIn(page, whole.platform.urls.gateway!, /审计人员/);
}, 900_000);

it("explains the paid claim's yuan from its timeline: payment, commitment, lines, check-ins with their device, ledger and policy clause", async () => {
  await page.goto(url(`/audit/timeline/${claimId}`));
  const timeline = page.getByRole('table', { name: `${claimId} 的事件时间线` });
  await eventually(async () => expect(await timeline.textContent()).toContain('ClaimSubmitted.v1'), {
    timeoutMs: 30_000,
  });
  await page.getByRole('button', { name: /资金溯源/ }).click();
  await page.waitForURL(`**/audit/explain/claim/${claimId}`);
  const summary = page.getByTestId('explanation-summary');
  await summary.waitFor({ timeout: 30_000 });
  const paid = `¥${((certificateTrancheFen(DAYS) * TRAINEES) / 100).toLocaleString('en-US')}.00`;
  expect(paid).toBe('¥6,800.00');
  const summaryText = (await summary.textContent()) ?? '';
  expect(summaryText).toContain(`已支付${paid}`);
  expect(summaryText).toContain('明细合计与已支付一致');
  for (const step of [
    'payment',
    'commitment',
    'claim',
    'breakdown_line',
    'class',
    'check_in',
    'device',
    'certificate',
    'ledger',
    'policy_version',
  ])
    await page.getByTestId(`step-${step}`).waitFor();
  // every trainee's every day: 5 × 12 check-ins, on the site's device, each with its event id and hash
  const checkIns = page.getByTestId('step-check_in');
  expect(await checkIns.locator('.ant-card-head').textContent()).toContain(
    `签到 · ${TRAINEES * DAYS} 条证据`,
  );
  const firstCheckIn = (await checkIns.locator('tbody tr').first().textContent()) ?? '';
  expect(firstCheckIn).toContain('class-ops · CheckInRecorded.v1');
  expect(firstCheckIn).toContain(ground.deviceId);
  expect(firstCheckIn).toMatch(/哈希：[0-9a-f]{64}/);
  // the ledger's postings of this money by fund source: the class's earmark, the commitment, the payment
  const ledger = (await page.getByTestId('step-ledger').textContent()) ?? '';
  for (const posting of ['资金来源：就业补助资金', '预留（培训班获批）', '承诺（申领核准）', '支付到账'])
    expect([posting, ledger.includes(posting)]).toEqual([posting, true]);
  // the breakdown line in yuan: 10 × 150 + 2 × 100 = 1 700 ¥, 80 % = 1 360 ¥ a trainee
  expect(await page.getByTestId('step-breakdown_line').textContent()).toContain('¥1,360.00');
  expect(await page.getByTestId('step-policy_version').textContent()).toContain('条款原文');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-explain');
  // an event id opens the timeline of that event
  await checkIns.locator('tbody tr').first().getByRole('link').first().click();
  await page.waitForURL(/\/audit\/timeline\/[0-9a-f-]{36}$/);
}, 300_000);

it('replays the claim as it stood one second after its approval: approved, class completed, nothing paid yet', async () => {
  const timeline = await client.get('auditor', `/api/v1/audit/entities/${claimId}/timeline?pageSize=100`);
  const approved = (timeline.body.items as TimelineEntry[]).find((e) => e.type === 'ClaimApproved.v1')!;
  // Beijing time of the approval, plus a second, as the form's datetime-local takes it
  const beijing = new Date(Date.parse(approved.recordedAt) + 8 * 3_600_000 + 1_000)
    .toISOString()
    .slice(0, 19);
  await page.goto(url('/audit/as-of'));
  await page.getByLabel('申领编号', { exact: true }).fill(claimId);
  await page.getByLabel('回放时刻（北京时间）', { exact: true }).fill(beijing);
  await page.getByRole('button', { name: /回\s*放/ }).click();
  await page.getByTestId('as-of').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('as-of-claim').textContent()).toContain('已审批');
  expect(await page.getByTestId('as-of-class').textContent()).toContain('已结业');
  expect(await page.getByRole('table', { name: '证书' }).locator('tbody tr').count()).toBe(TRAINEES);
  expect(await page.getByRole('table', { name: '支付' }).textContent()).toContain('暂无数据');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-as-of');
}, 300_000);

it('recomputes the claim with the policy and facts of its submission: equal to what was paid, difference ¥0.00', async () => {
  await page.goto(url('/audit/recomputation'));
  await page.getByLabel('申领编号', { exact: true }).fill('not-a-claim');
  await page.getByRole('button', { name: /重\s*算/ }).click();
  await shows('请输入完整的编号（36位，含连字符）');
  await page.getByLabel('申领编号', { exact: true }).fill(claimId);
  await page.getByRole('button', { name: /重\s*算/ }).click();
  await shows('一致，差额为零');
  const result = (await page.getByTestId('recomputation').textContent()) ?? '';
  expect(result).toContain('重算金额¥6,800.00');
  expect(result).toContain('已支付¥6,800.00');
  expect(result).toContain('应付与实付之差¥0.00');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-recomputation');
}, 300_000);

it('lists the published daily seals and sees the chains and the seals verified', async () => {
  await page.goto(url('/audit/seals'));
  const seals = page.getByRole('table', { name: '已公布的每日封印' });
  await eventually(async () => expect(await seals.locator('tbody tr').count()).toBe(20));
  expect(await seals.locator('tbody tr').first().textContent()).toMatch(/1\s*2019-\d\d-\d\d/);
  await page.getByRole('button', { name: /校验哈希链与封印/ }).click();
  const report = page.getByTestId('seal-report');
  await report.waitFor({ timeout: 120_000 });
  const text = (await report.textContent()) ?? '';
  expect(text).toContain('全部哈希链完好');
  expect(text).toContain('审计副本与已公布的封印一致');
  expect(await page.getByRole('table', { name: '封印校验发现的问题' }).textContent()).toContain('暂无数据');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-seals');
}, 300_000);

it('runs the fraud rules, finds the device checking in five trainees at once, triages the alert and exports the list', async () => {
  await page.goto(url('/audit/fraud-alerts'));
  await page.getByRole('button', { name: /立即运行欺诈规则/ }).click();
  await shows(/运行完成：发现 \d+ 项/, 120_000);
  const perRule = page.getByRole('table', { name: '各规则的发现' });
  const burstRow = perRule.getByRole('row', { name: new RegExp(DEVICE_RULE) });
  // one burst a day of the class, on the one device
  expect(await burstRow.textContent()).toContain(String(DAYS));
  await choose(page, '预警规则', DEVICE_RULE);
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await shows(`共 ${DAYS} 条`);
  const list = page.getByRole('table', { name: '欺诈预警列表' });
  expect(await list.locator('tbody tr').first().textContent()).toContain(
    `设备 ${ground.deviceId} 在 0 秒内为 ${TRAINEES} 名学员签到`,
  );
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-fraud-alerts');

  // the first alert: its evidence (the five check-ins) opens the timeline; investigated, then confirmed
  await list
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /详\s*情/ })
    .click();
  const detail = page.getByTestId('alert-detail');
  await detail.waitFor();
  const evidence = page.getByTestId('alert-evidence').getByRole('link');
  expect(await evidence.count()).toBe(TRAINEES);
  expect(await evidence.first().getAttribute('href')).toMatch(/^\/audit\/timeline\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: /开始核查/ }).click();
  await shows('预警已更新为：核查中');
  // an alert under investigation is confirmed (the form's first choice) or dismissed
  await page.getByRole('button', { name: /确认预警/ }).click();
  await shows('请至少选择一项处置要求');
  await shows('请填写理由');
  await page.getByLabel('暂停机构', { exact: true }).check();
  await page.getByLabel('理由', { exact: true }).fill('同一设备同一秒为五名学员签到，经核查为代签到');
  expect(await axe(page)).toEqual([]);
  await shot(page, 'audit-fraud-alert');
  await page.getByRole('button', { name: /确认预警/ }).click();
  await shows('预警已更新为：已确认');
  expect(await detail.textContent()).toContain('已确认');
  await page.keyboard.press('Escape');

  const confirmed = await client.get('auditor', '/api/v1/audit/fraud-alerts?status=confirmed');
  expect(confirmed.body.items).toEqual([
    expect.objectContaining({
      ruleId: 'device-many-workers-in-seconds',
      status: 'confirmed',
      actions: ['suspension'],
      reason: '同一设备同一秒为五名学员签到，经核查为代签到',
    }),
  ]);

  // the list, filtered, to .xlsx
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出 Excel/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  const [sheet] = await readXlsxFile(readFileSync(file));
  const alertRows = sheet.data.filter((row) =>
    JSON.stringify(row).includes('device-many-workers-in-seconds'),
  );
  expect(alertRows).toHaveLength(DAYS);
  expect(alertRows.filter((row) => JSON.stringify(row).includes('confirmed'))).toHaveLength(1);
}, 300_000);

it('wrote no error to the browser console', () => {
  expect(consoleProblems).toEqual([]);
});
