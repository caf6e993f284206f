// One claim carried from submission to payment by clicking through the console as four people, in real
// headless Chromium (playwright-core driving Debian's chromium) against the whole platform (every service
// a process of its own, startWholePlatform) serving the built console. What comes before the claim is
// done through the gateway by the whole flow's helpers (scripts/demo/whole-flow.ts): the county
// supplement, the money received and allocated to 盐湖区, the institution listed with its teacher, device
// and payee account, the trainees registered, the class approved, checked in day by day on the device,
// completed, assessed and certified. Then, in the browser only:
// (a) the institution clerk claims from the class page and reads the computed breakdown and the difference
//     from the amount requested;
// (b) the county officer makes the first review with the evidence one click away — and is not offered the
//     second;
// (c) the city approver makes the second review, publishes the notice and approves once it is over (the
//     services' clock moved, as the whole flow moves it);
// (d) the finance officer sees the commitment the approval made, issues and downloads the day's payment
//     file, uploads the bank statement that pays it and reconciles;
// and the clerk, in the list of the institution's own claims, and the county officer see the claim
// paid. Screenshots docs/screenshots/journey-*.png.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { eventually, startWholePlatform, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../scripts/demo/gateway-client';
import {
  addDays,
  certificateTrancheFen,
  nextWorkingDay,
  prepareGround,
  runClass,
  YANHU,
  type ClassOutcome,
} from '../scripts/demo/whole-flow';
import { axe, choose, launchChromium, shot, signIn } from './console-browser';

const repoRoot = path.resolve(__dirname, '..');
const consoleDist = path.join(repoRoot, 'apps/console/dist');
const downloads = mkdtempSync(path.join(tmpdir(), 'console-journey-'));
const SOURCE_NAME = '就业补助资金'; // employment_subsidy_fund, the flow's source
const DAYS = 10;
const TRAINEES = 2;
// Yuncheng's rule: 10 days × ¥150 × 80 % (the certificate tranche) = ¥1 200 a trainee
const COMPUTED_FEN = certificateTrancheFen(DAYS) * TRAINEES;
const REQUESTED_YUAN = '2450';
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let whole: WholePlatform;
let client: GatewayClient;
let outcome: ClassOutcome;
let browser: Browser;
let claimId: string;
let paymentFile: string;
let approvedOn: string;
const consoleProblems: string[] = [];
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

beforeAll(async () => {
  execFileSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  whole = await startWholePlatform('console_journey_e2e', at('2019-08-01', '09:00'), {
    gatewayEnv: { JINENG_CONSOLE_DIR: consoleDist },
    // one service starting at a time: the machine is shared, and a slow start misses the bus's timeout
    parallel: 1,
  });
  // a request the loaded machine answers late is sent again (its idempotency key makes that safe)
  client = new GatewayClient(whole.platform.urls.gateway!, `console-journey-${whole.db.schema}`, 60_000);
  const ctx = { client, moveClock: (iso: string) => whole.moveClock(iso) };
  const ground = await prepareGround(ctx, '2019-08-01');
  outcome = await runClass(
    ctx,
    ground,
    {
      key: 'journey',
      startDate: '2019-08-12',
      days: DAYS,
      trainees: TRAINEES,
      employed: 0,
      until: 'certified',
    },
    '2019-08-01',
  );
  // the subsidy service learns the completed class and its certificates from the bus
  const subsidy = whole.schemas.subsidy;
  await eventually(
    async () => {
      const { rows } = await whole.db.pool.query<{ n: number }>(
        `select count(*)::int as n from "${subsidy}".claim_certificates where class_id = $1`,
        [outcome.classId],
      );
      expect(rows[0]?.n).toBe(TRAINEES);
    },
    { timeoutMs: 30_000 },
  );
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  // a step that waited in vain is explained by what the services logged meanwhile (consumer retries, …)
  const problems = whole?.problemsLogged() ?? [];
  if (problems.length > 0) process.stderr.write(`services logged:\n${problems.join('\n')}\n`);
  await browser?.close();
  await whole?.dispose();
});

async function signedIn(role: RegExp): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleProblems.push(m.text()));
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  await signIn(page, whole.platform.urls.gateway!, role);
  return { context, page };
}

const status = (page: Page) => page.getByTestId('claim-status');
async function statusBecomes(page: Page, text: string) {
  await eventually(async () => expect(await status(page).textContent()).toBe(text), { timeoutMs: 20_000 });
}

/** the claims list of an officer, filtered by status, and the claim's details opened from its row */
async function openFromList(page: Page, statusName: string) {
  await page.getByRole('menuitem', { name: '补贴申领审核' }).click();
  await choose(page, '状态', statusName);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.locator('.ant-table-row', { hasText: claimId.slice(0, 8) });
  await row.waitFor({ timeout: 20_000 });
  await row.getByRole('button', { name: /详\s*情/ }).click();
  await status(page).waitFor();
}

/** the cells of the county's balance of the flow's fund source on the reservations page */
async function balanceCells(page: Page): Promise<string[]> {
  const row = page.getByRole('row', { name: new RegExp(SOURCE_NAME) });
  return row.locator('td').allTextContents();
}

it('(a) the institution clerk claims from the class page and sees the breakdown and the difference from the amount requested', async () => {
  // the day after the assessment is a Friday
  await whole.moveClock(at('2019-08-23', '09:00'));
  const { context, page } = await signedIn(/培训机构经办人/);
  await page.getByRole('menuitem', { name: '培训班' }).click();
  const classRow = page.locator('.ant-table-row', { hasText: outcome.classId.slice(0, 8) });
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  // Ant Design spaces a two-character button's label: 查 看
  await classRow.getByRole('button', { name: /查\s*看/ }).click();
  await page.getByRole('button', { name: '申领补贴' }).click();
  // the form comes with the class filled in
  await expect(page.getByLabel('培训班编号').inputValue()).resolves.toBe(outcome.classId);
  await page.getByLabel('申请金额（元）').fill(REQUESTED_YUAN);
  await page.getByLabel('金额不一致的说明').fill('含教材费');
  await page.getByLabel('本单位郑重承诺对提供的各项材料和信息真实性负责').check();
  await page.getByRole('button', { name: /提\s*交/ }).click();
  const difference = page.getByTestId('claim-difference');
  await difference.waitFor({ timeout: 20_000 });
  claimId = /\/claims\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  // requested ¥2,450.00; the platform computes 2 × 10 days × ¥150 × 0.8 = ¥2,400.00; ¥50.00 more asked
  const differenceText = (await difference.textContent()) ?? '';
  expect(differenceText).toContain('¥2,450.00');
  expect(differenceText).toContain(yuan(COMPUTED_FEN));
  expect(differenceText).toContain('¥50.00');
  expect(differenceText).toContain('含教材费');
  // one line per trainee, each read as its own arithmetic
  const lines = page.getByRole('table', { name: '核算明细' }).locator('tbody tr.ant-table-row');
  expect(await lines.count()).toBe(TRAINEES);
  for (const [i, workerId] of outcome.workerIds.entries()) {
    const line = (await lines.nth(i).textContent()) ?? '';
    expect(outcome.workerIds.some((id) => line.includes(id))).toBe(true);
    for (const cell of ['10', '¥150.00', '0.8', '¥1,200.00'])
      expect([workerId, line]).toEqual([workerId, expect.stringContaining(cell)]);
  }
  await expect(status(page).textContent()).resolves.toBe('待初审');
  expect(await page.getByTestId('claim-actions').count()).toBe(0);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'journey-1-claim-submitted');
  await context.close();
}, 120_000);

it('(b) the county officer makes the first review with the evidence one click away, and is not offered the second', async () => {
  await whole.moveClock(at('2019-08-26', '09:00'));
  const { context, page } = await signedIn(/县级经办人员/);
  await openFromList(page, '待初审');
  // the evidence of a line: its policy clause, its certificate, the class it came from
  await page
    .getByRole('table', { name: '核算明细' })
    .getByRole('button', { name: /证\s*据/ })
    .first()
    .click();
  const evidence = page.getByTestId('claim-evidence');
  await evidence.waitFor();
  const evidenceText = (await evidence.textContent()) ?? '';
  expect(evidenceText).toContain('10 × ¥150.00');
  expect(outcome.certificateIds.some((id) => evidenceText.includes(id))).toBe(true);
  expect(evidenceText).toMatch(/10天以内每人每天补贴150元/);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'journey-2-first-review-evidence');
  // one more click: the class itself, with its trainees' attendance
  await evidence.getByRole('button', { name: /打开培训班/ }).click();
  await page.waitForURL(`**/classes/${outcome.classId}`);
  const roster = page.getByRole('table', { name: '花名册' });
  await eventually(async () => expect(await roster.locator('tbody tr.ant-table-row').count()).toBe(TRAINEES));
  await page.goBack();
  await status(page).waitFor();

  await page.getByLabel('审核意见').fill('材料齐全，考勤与证书核实无误');
  await page.getByRole('button', { name: /初\s*审/ }).click();
  await statusBecomes(page, '待复核');
  // the second review is not offered to the officer who made the first
  await page.getByText('您已办理本申领的初审，复核须由另一名人员办理。').waitFor();
  expect(await page.getByRole('button', { name: /复\s*核/ }).count()).toBe(0);
  await shot(page, 'journey-3-second-review-not-offered');
  await context.close();
}, 120_000);

it('(c) the city approver makes the second review, publishes the notice and approves after it', async () => {
  const { context, page } = await signedIn(/市级复核审批人员/);
  await openFromList(page, '待复核');
  await page.getByLabel('审核意见').fill('复核通过');
  await page.getByRole('button', { name: /复\s*核/ }).click();
  await statusBecomes(page, '待公示');
  await page.getByRole('button', { name: '发布公示' }).click();
  await statusBecomes(page, '公示中');
  const notice = page.getByText(/公示期：2019-\d\d-\d\d 至 2019-\d\d-\d\d/);
  await notice.waitFor();
  const [, ends] = /至 (2019-\d\d-\d\d)/.exec((await notice.textContent()) ?? '')!;
  // before the notice is over, approving is refused
  await page.getByRole('button', { name: '审批拨付' }).click();
  await page
    .locator('[role="alert"]')
    .filter({ hasText: `公示期至 ${ends}` })
    .first()
    .waitFor({ timeout: 20_000 });
  await expect(status(page).textContent()).resolves.toBe('公示中');
  // the notice's last day passes on the services' clock (3 working days)
  approvedOn = nextWorkingDay(addDays(ends!, 1));
  await whole.moveClock(at(approvedOn, '09:00'));
  await page.reload();
  await page.getByRole('button', { name: '审批拨付' }).click();
  await statusBecomes(page, '已审批');
  await page.getByText(yuan(COMPUTED_FEN)).first().waitFor();
  expect(await axe(page)).toEqual([]);
  await shot(page, 'journey-4-claim-approved');
  await context.close();
}, 120_000);

it('(d) the finance officer sees the commitment, downloads the day’s payment file, uploads the matching bank statement and reconciles', async () => {
  const { context, page } = await signedIn(/财政专户管理人员/);
  // the commitment follows the approval on the bus: the county's balance of the source shows it
  await page.getByRole('menuitem', { name: '预留与承诺' }).click();
  await page.getByLabel('查看辖区余额', { exact: true }).fill(YANHU);
  await eventually(
    async () => {
      await page.getByRole('button', { name: /^查\s*询$/ }).click();
      const cells = await balanceCells(page);
      // committed and payable: the approved amount
      expect([cells[3], cells[4]]).toEqual([yuan(COMPUTED_FEN), yuan(COMPUTED_FEN)]);
    },
    { timeoutMs: 30_000, intervalMs: 1_000 },
  );
  // the class's earmark (2 × ¥1 500) less what the claim committed
  expect((await balanceCells(page))[2]).toBe(yuan(TRAINEES * 150_000 - COMPUTED_FEN));
  expect(await axe(page)).toEqual([]);
  await shot(page, 'journey-5-commitment');

  await page.getByRole('menuitem', { name: '支付与对账' }).click();
  await page.locator('#batch_jurisdictionCode').fill(YANHU);
  await choose(page, '资金来源', SOURCE_NAME);
  await page.getByRole('button', { name: /生成支付文件/ }).click();
  const batch = page.getByTestId('payment-batch');
  await batch.waitFor({ timeout: 20_000 });
  expect(await batch.textContent()).toMatch(/笔数\s*1/);
  expect(await batch.textContent()).toContain(yuan(COMPUTED_FEN));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载支付文件/ }).click(),
  ]);
  paymentFile = readFileSync((await download.path())!, 'utf8');
  const [header, ...lines] = paymentFile
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  expect(lines).toHaveLength(1);
  const line = lines[0]!;
  expect(line[header!.indexOf('claim_id')]).toBe(claimId);
  expect(Number(line[header!.indexOf('amount_fen')])).toBe(COMPUTED_FEN);
  await shot(page, 'journey-6-payment-file');

  // the bank's statement pays the line in full
  const statement = path.join(downloads, 'statement.csv');
  writeFileSync(
    statement,
    ['reference,amount_fen,value_date,status,reason', `${line[0]},${COMPUTED_FEN},${approvedOn},paid,`].join(
      '\n',
    ),
  );
  await page.locator('#statement_jurisdictionCode').fill(YANHU);
  await page.getByLabel('对账单文件（.csv）', { exact: true }).setInputFiles(statement);
  await page.getByRole('button', { name: /导入并对账/ }).click();
  await page.getByTestId('job-progress').waitFor();
  await page.getByText('对账完成，全部相符').waitFor({ timeout: 30_000 });
  const reconciliation = (await page.getByTestId('reconciliation').textContent()) ?? '';
  expect(reconciliation).toMatch(/匹配\s*1/);
  expect(reconciliation).toMatch(/已支付\s*1/);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'journey-7-reconciled');

  // the payment is now expense: nothing left payable
  await page.getByRole('menuitem', { name: '预留与承诺' }).click();
  await page.getByLabel('查看辖区余额', { exact: true }).fill(YANHU);
  await eventually(
    async () => {
      await page.getByRole('button', { name: /^查\s*询$/ }).click();
      const cells = await balanceCells(page);
      expect([cells[4], cells[5]]).toEqual(['¥0.00', yuan(COMPUTED_FEN)]);
    },
    { timeoutMs: 30_000, intervalMs: 1_000 },
  );
  await context.close();
}, 180_000);

/** the claim shown paid, with its payment: status, the payment's outcome and amount */
async function seesPaid(page: Page) {
  await expect(status(page).textContent()).resolves.toBe('已拨付');
  const payments = page.getByRole('table', { name: '拨付记录' });
  const paid = (await payments.locator('tbody tr.ant-table-row').allTextContents()).join(' | ');
  expect(paid).toContain('已拨付');
  expect(paid).toContain(yuan(COMPUTED_FEN));
}

it('the institution clerk follows the claim to payment in the list of its own claims; the county officer sees it paid too', async () => {
  const clerk = await signedIn(/培训机构经办人/);
  await clerk.page.getByRole('menuitem', { name: '本单位申领' }).click();
  const own = clerk.page.locator('.ant-table-row', { hasText: claimId.slice(0, 8) });
  await eventually(
    async () => {
      await clerk.page.getByRole('button', { name: /查\s*询/ }).click();
      expect(await own.textContent()).toContain('已拨付');
    },
    { timeoutMs: 30_000, intervalMs: 1_000 },
  );
  // only the institution's claims: this one
  expect(await clerk.page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
  expect(await axe(clerk.page)).toEqual([]);
  await shot(clerk.page, 'journey-8-own-claims');
  await own.getByRole('button', { name: /详\s*情/ }).click();
  await status(clerk.page).waitFor();
  await seesPaid(clerk.page);
  expect(await axe(clerk.page)).toEqual([]);
  await shot(clerk.page, 'journey-9-claim-paid');
  await clerk.context.close();

  const officer = await signedIn(/县级经办人员/);
  await openFromList(officer.page, '已拨付');
  await seesPaid(officer.page);
  await officer.context.close();
  // two sign-ins, each through the provider's page and the callback (ADR 0020): two page loads more each
}, 180_000);

it('wrote no error to the browser console', () => {
  expect(consoleProblems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
});
