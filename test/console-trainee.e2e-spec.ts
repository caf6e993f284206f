// Issue 16: the trainee's and the public's console journeys, in real headless Chromium (playwright-core
// driving Debian's chromium) against the whole platform (every service a process of its own) serving the
// built console.
//
// The scene is made through the gateway by the whole flow's helpers (scripts/demo/whole-flow.ts), as the
// people do it: the development issuer's demo worker is registered in the registry (DEMO_TRAINEE — the
// registry derives their id, which the issuer's token names) and trained in two classes of the demo
// institution, checked in every day, assessed and certified; each class's institution claims and the
// county makes the first review; the first claim is reviewed a second time and put on public notice.
//
// Then, in the browser:
// - the trainee on a phone (390 × 844): their two trainings, their two certificates, the two claims that
//   name them with the amount in their name; filters, .xlsx exports (parsed), confirming the claim on
//   notice and objecting to the other — each effect read back from the subsidy service;
// - a visitor without login: the notices of the county with an objection (recorded, its contact kept for
//   officers), the notices' .xlsx; a certificate verified by its number and by its QR code's address; the
//   fund-usage disclosure (¥ with two decimals) and its .xlsx; the institution directory and the outcome
//   scorecard, filtered and exported.
// axe finds no serious violation on the main pages; screenshots go to docs/screenshots/.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { eventually, startWholePlatform, type WholePlatform } from '@jineng/testing';
import { GatewayClient } from '../scripts/demo/gateway-client';
import {
  certificateTrancheFen,
  DEMO_INSTITUTION_ID,
  DEMO_TRAINEE,
  prepareGround,
  runClass,
  YANHU,
  YUNCHENG,
  type ClassOutcome,
} from '../scripts/demo/whole-flow';
import { CONSOLE_DIST, buildConsole, launchChromium, axe, choose, shot, signIn } from './console-browser';

const downloads = mkdtempSync(path.join(tmpdir(), 'console-trainee-'));
const DAYS = 10;
// Yuncheng's rule: 10 days × ¥150 × 80 % (the certificate tranche) = ¥1 200 a trainee
const OWN_FEN = certificateTrancheFen(DAYS);
const INSTITUTION_NAME = '运城市盐湖区技能培训学校（演示）';
const TEACHER_NAME = '刘志强';
const TRAINEE_NAME = String(DEMO_TRAINEE.registration.name);
const PHONE = { width: 390, height: 844 };
const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

let whole: WholePlatform;
let client: GatewayClient;
let browser: Browser;
let demoWorkerId: string;
/** the class on notice (its claim confirmed by the trainee) and the class whose claim they object to */
let first: ClassOutcome;
let second: ClassOutcome;
let noticeStartsOn: string;
const consoleProblems: string[] = [];

beforeAll(async () => {
  buildConsole();
  whole = await startWholePlatform('console_trainee_e2e', at('2019-08-01', '09:00'), {
    gatewayEnv: { JINENG_CONSOLE_DIR: CONSOLE_DIST },
    // one service starting at a time: the machine is shared, and a slow start misses the bus's timeout
    parallel: 1,
  });
  client = new GatewayClient(whole.platform.urls.gateway!, `console-trainee-${whole.db.schema}`, 60_000);
  const ctx = { client, moveClock: (iso: string) => whole.moveClock(iso) };
  const ground = await prepareGround(ctx, '2019-08-01');
  first = await runClass(
    ctx,
    ground,
    {
      key: 'trainee-first',
      startDate: '2019-08-12',
      days: DAYS,
      trainees: 2,
      employed: 0,
      until: 'claim-in-review',
      extraTrainees: [DEMO_TRAINEE],
    },
    '2019-08-01',
  );
  second = await runClass(
    ctx,
    ground,
    {
      key: 'trainee-second',
      startDate: '2019-09-09',
      days: DAYS,
      trainees: 1,
      employed: 0,
      until: 'claim-in-review',
      extraTrainees: [DEMO_TRAINEE],
    },
    '2019-08-30',
  );
  // the first class's claim: the second review by the city, then the public notice
  await whole.moveClock(at('2019-09-23', '09:00'));
  const claim = first.claimIds.certificate!;
  await client.must(
    'city_approver',
    'POST',
    `/api/v1/claims/${claim}/second-review`,
    { decision: 'approve', reason: '复核通过' },
    'first claim: second review',
  );
  await client.must('county_officer', 'POST', `/api/v1/claims/${claim}/notice`, {}, 'first claim: notice');
  // the notice runs from its first day: the services' clock moves there
  const noticed = await client.get('county_officer', `/api/v1/claims/${claim}`);
  noticeStartsOn = String(noticed.body.noticeStartsOn);
  await whole.moveClock(at(noticeStartsOn, '09:00'));
  demoWorkerId = first.workerIds.at(-1)!;
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await whole?.dispose();
});

async function newPage(
  viewport = { width: 1366, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleProblems.push(m.text()));
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  // what the console's calls were refused with, to read beside a failing step
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) console.log(`${r.status()} ${r.url()}`);
  });
  return { context, page };
}

const url = (pathname: string) => `${whole.platform.urls.gateway}${pathname}`;

/** the file a click downloads, saved: its suggested name and its rows (after the zh and en title rows) */
async function exported(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(downloads, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const bytes = readFileSync(file);
  // a real .xlsx: a zip archive (PK) that an xlsx reader opens
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const [sheet] = await readXlsxFile(bytes);
  const [zhTitles, enTitles, ...rows] = sheet!.data;
  const records = rows.map((row) => Object.fromEntries(enTitles!.map((title, i) => [String(title), row[i]])));
  return { name: download.suggestedFilename(), zhTitles: zhTitles!.map(String), records };
}

const exportButton = (page: Page) => page.getByRole('button', { name: /导出 Excel/ });
const searchButton = (page: Page) => page.getByRole('button', { name: /^查\s*询$/ });

/** waits (on a loaded machine, up to 60 s) until `locator` finds `n` elements; fails with the count it saw */
async function countBecomes(locator: ReturnType<Page['locator']>, n: number) {
  const deadline = Date.now() + 60_000;
  let seen = await locator.count();
  while (seen !== n && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seen = await locator.count();
  }
  expect(seen).toBe(n);
}

/** no sideways scrolling: nothing wider than the phone */
async function fitsThePhone(page: Page) {
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

it('the development issuer’s demo worker is the registry’s worker the flow trained (the id derived by the registry)', async () => {
  expect(first.workerIds).toHaveLength(3);
  expect(second.workerIds.at(-1)).toBe(demoWorkerId);
  expect(demoWorkerId).toBe(DEMO_TRAINEE.expectedWorkerId);
  const users = (await client.get(undefined, '/api/v1/dev/users')).body as unknown as {
    user: string;
    principal: { userId: string };
  }[];
  expect(users.find((u) => u.user === 'worker')?.principal.userId).toBe(demoWorkerId);
  // no service keeps the trainee's clear personal data in its events: the registry's worker stream holds
  // the keyed hash and the masks only
  const { rows: own } = await whole.db.pool.query<{ n: number }>(
    `select count(*)::int as n from "${whole.schemas.registry}".events where stream_id = $1`,
    [`worker-${demoWorkerId}`],
  );
  expect(own[0]!.n).toBeGreaterThan(0);
  for (const schema of Object.values(whole.schemas)) {
    const { rows } = await whole.db.pool.query<{ n: number }>(
      `select count(*)::int as n from "${schema}".events
        where data::text || metadata::text like any($1)`,
      [
        [DEMO_TRAINEE.registration.idNumber, TRAINEE_NAME, String(DEMO_TRAINEE.registration.phone)].map(
          (v) => `%${v}%`,
        ),
      ],
    );
    expect([schema, rows[0]!.n]).toEqual([schema, 0]);
  }
});

describe('the trainee on a phone (390 × 844)', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await newPage(PHONE));
    await signIn(page, whole.platform.urls.gateway!, /劳动者/);
  });
  afterAll(async () => context?.close());

  it('sees their two trainings with the institution, dates, status and attendance, and exports them', async () => {
    await page.goto(url('/my/trainings'));
    const cards = page.getByTestId('my-training');
    await countBecomes(cards, 2);
    for (const outcome of [first, second]) {
      const card = cards.filter({ hasText: outcome.classId });
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(INSTITUTION_NAME);
      expect(text).toContain('已结业');
      expect(text).toMatch(/6-18-02-04，5级/);
    }
    const firstCard = (await cards.filter({ hasText: first.classId }).textContent()) ?? '';
    expect(firstCard).toContain('2019-08-12 至 2019-08-21');
    // every day of the class checked in on the device
    expect(firstCard).toMatch(/已出勤 (\d+) \/ \1 课次/);
    await fitsThePhone(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'trainee-trainings');
    const file = await exported(page, () => exportButton(page).click());
    expect(file.name).toMatch(/\.xlsx$/);
    expect(file.records.map((r) => r['Class ID']).sort()).toEqual([first.classId, second.classId].sort());
    // the filter goes to the service: both classes have ended, none is running
    await choose(page, '培训班状态', '培训中');
    await searchButton(page).click();
    await countBecomes(cards, 0);
    await choose(page, '培训班状态', '已结业');
    await searchButton(page).click();
    await countBecomes(cards, 2);
    const filtered = await exported(page, () => exportButton(page).click());
    expect(filtered.records).toHaveLength(2);
  });

  it('sees their two certificates, filters them by status and exports them', async () => {
    await page.goto(url('/my/certificates'));
    const cards = page.getByTestId('my-certificate');
    await countBecomes(cards, 2);
    const mine = await client.get('worker', '/api/v1/my/certificates');
    const numbers = (mine.body.items as { certificateNumber: string }[]).map((c) => c.certificateNumber);
    expect(numbers).toHaveLength(2);
    for (const number of numbers) expect(await cards.filter({ hasText: number }).count()).toBe(1);
    expect(await cards.first().textContent()).toContain('有效');
    // the card links to the public verification page of its number
    expect(await cards.first().getByRole('link', { name: '公开核验页' }).getAttribute('href')).toMatch(
      /^\/public\/certificates\/[0-9A-Z]+$/,
    );
    await fitsThePhone(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'trainee-certificates');
    // the filter goes to the service: none revoked, both valid
    await choose(page, '证书状态', '已撤销');
    await searchButton(page).click();
    await countBecomes(cards, 0);
    await choose(page, '证书状态', '有效');
    await searchButton(page).click();
    await countBecomes(cards, 2);
    const file = await exported(page, () => exportButton(page).click());
    expect(file.name).toMatch(/\.xlsx$/);
    expect(file.records).toHaveLength(2);
    expect(JSON.stringify(file.records)).toContain(numbers[0]);
    expect(JSON.stringify(file.records)).toContain(numbers[1]);
  });

  it('sees the two claims that name them with ¥1,200.00 in their name, confirms the one on notice and objects to the other', async () => {
    const mine = await client.get('worker', '/api/v1/my/claims');
    expect((mine.body.items as { claimId: string }[]).map((c) => c.claimId).sort()).toEqual(
      [first.claimIds.certificate, second.claimIds.certificate].sort(),
    );
    await page.goto(url('/my/claims'));
    const cards = page.getByTestId('my-claim');
    await countBecomes(cards, 2);
    for (const card of await cards.all()) expect(await card.textContent()).toContain(yuan(OWN_FEN));
    await fitsThePhone(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'trainee-claims');

    // the status filter: only the claim on notice
    await choose(page, '申领状态', '公示中');
    await searchButton(page).click();
    await countBecomes(cards, 1);
    const noticed = cards.first();
    expect(await noticed.textContent()).toContain(first.classId);
    // the claim's total: three trainees
    expect(await noticed.textContent()).toContain(yuan(3 * OWN_FEN));
    await noticed.getByRole('button', { name: /确认属实/ }).click();
    await noticed.getByText('已确认').waitFor();
    const confirmed = await client.get('county_officer', `/api/v1/claims/${first.claimIds.certificate}`);
    expect(confirmed.body.confirmedBy).toEqual([demoWorkerId]);
    // a page opened again still says so (the service answers what the trainee confirmed)
    await page.reload();
    await countBecomes(cards, 2);
    await cards.filter({ hasText: first.classId }).getByText('已确认').waitFor();
    expect(
      await cards
        .filter({ hasText: first.classId })
        .getByRole('button', { name: /确认属实/ })
        .count(),
    ).toBe(0);

    // the other claim (first review done): an objection, its statement required
    const other = cards.filter({ hasText: second.classId });
    expect(await other.textContent()).toContain('已初审');
    await other.getByRole('button', { name: /提出异议/ }).click();
    await other.getByRole('button', { name: /提交异议/ }).click();
    await other.getByText('请填写异议内容').waitFor();
    await other.getByLabel('异议内容', { exact: true }).fill('第二个班我只参加了8天');
    expect(await axe(page)).toEqual([]);
    await other.getByRole('button', { name: /提交异议/ }).click();
    await other.getByText('异议已提交，经办人员将核实处理').waitFor();
    await shot(page, 'trainee-claim-objection');
    const objected = await client.get('county_officer', `/api/v1/claims/${second.claimIds.certificate}`);
    expect(objected.body.objections).toEqual([
      expect.objectContaining({ by: 'trainee', workerId: demoWorkerId, statement: '第二个班我只参加了8天' }),
    ]);

    // the export: both claims, with the amount in the trainee's name in fen
    const file = await exported(page, () => exportButton(page).click());
    expect(file.name).toMatch(/\.xlsx$/);
    expect(file.records.map((r) => [r.claim, r['amount in my name (fen)']]).sort()).toEqual(
      [
        [first.claimIds.certificate, OWN_FEN],
        [second.claimIds.certificate, OWN_FEN],
      ].sort(),
    );
  });
});

describe('a visitor without login', () => {
  let page: Page;
  let context: BrowserContext;
  let certificateNumber: string;
  let verificationUrl: string;
  beforeAll(async () => {
    ({ page, context } = await newPage());
    const mine = await client.get('worker', '/api/v1/my/certificates');
    const certificate = (mine.body.items as { certificateNumber: string; verificationUrl: string }[])[0]!;
    ({ certificateNumber, verificationUrl } = certificate);
  });
  afterAll(async () => context?.close());

  it('reads the county’s notices without a name or ID number, objects to the claim on notice, and exports the notices', async () => {
    await page.goto(url('/'));
    await page.getByRole('button', { name: '公开信息：补贴公示、证书查验、资金使用公示' }).click();
    await page.getByLabel('辖区代码', { exact: true }).fill(YANHU);
    await searchButton(page).click();
    const row = page.getByRole('row', { name: new RegExp(yuan(3 * OWN_FEN).replace(/[$.]/g, '\\$&')) });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(`${noticeStartsOn} ~ `);
    const table = (await page.getByRole('table').textContent()) ?? '';
    expect(table).not.toContain(demoWorkerId);
    expect(table).not.toContain(TRAINEE_NAME);
    expect(table).not.toContain(DEMO_TRAINEE.registration.idNumber);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-notices');

    await row.getByRole('button', { name: /提出异议/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议内容', { exact: true }).fill('该班第三天下午无人上课');
    await dialog.getByLabel('联系方式（可不填）', { exact: true }).fill('电话 0359-1234567');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-notice-objection');
    await dialog.getByRole('button', { name: /提交异议/ }).click();
    await dialog.getByText('异议已提交，经办人员将核实处理').waitFor();
    const view = await client.get('county_officer', `/api/v1/claims/${first.claimIds.certificate}`);
    expect(view.body.objections).toEqual([
      expect.objectContaining({
        by: 'public',
        contact: '电话 0359-1234567',
        statement: '该班第三天下午无人上课',
      }),
    ]);
    await dialog.getByRole('button', { name: /close|关闭/i }).click();

    const file = await exported(page, () => exportButton(page).click());
    expect(file.name).toMatch(/\.xlsx$/);
    expect(file.records).toEqual([
      expect.objectContaining({
        claim: first.claimIds.certificate,
        headcount: 3,
        'amount (fen)': 3 * OWN_FEN,
      }),
    ]);
    const text = JSON.stringify(file);
    expect(text).not.toContain(demoWorkerId);
    expect(text).not.toContain(TRAINEE_NAME);
  });

  it('verifies a certificate by its number: valid, the holder’s name masked', async () => {
    await page.goto(url('/public/certificates'));
    await page.getByLabel('证书编号', { exact: true }).fill(certificateNumber);
    await page.getByRole('button', { name: /^查\s*验$/ }).click();
    await page.getByText(`证书 ${certificateNumber} 真实有效`).waitFor({ timeout: 20_000 });
    const details = (await page.getByTestId('certificate-verification').textContent()) ?? '';
    expect(details).toContain('杨**');
    expect(details).not.toContain(TRAINEE_NAME);
    expect(details).not.toContain(DEMO_TRAINEE.registration.idNumber);
    expect(page.url()).toBe(url(`/public/certificates/${certificateNumber}`));
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-certificate-by-number');
  });

  it('opens the certificate’s QR code address on a phone: the same verification page', async () => {
    // the QR code carries the console's page of the number on the public base (the local default here)
    const qr = new URL(verificationUrl);
    expect(qr.pathname).toBe(`/public/certificates/${certificateNumber}`);
    const phone = await newPage(PHONE);
    await phone.page.goto(url(qr.pathname));
    await phone.page.getByText(`证书 ${certificateNumber} 真实有效`).waitFor({ timeout: 20_000 });
    expect(await phone.page.getByTestId('certificate-verification').textContent()).toContain('杨**');
    await fitsThePhone(phone.page);
    expect(await axe(phone.page)).toEqual([]);
    await shot(phone.page, 'public-certificate-qr-phone');
    // an unknown number says so
    await phone.page.goto(url('/public/certificates/ZZ0000001'));
    await phone.page.getByText('未查到证书 ZZ0000001').waitFor({ timeout: 20_000 });
    await phone.context.close();
  });

  it('reads the city’s fund-usage disclosure in yuan with two decimals, and exports it', async () => {
    await page.goto(url('/public/fund-disclosure'));
    await page.getByLabel('辖区代码', { exact: true }).fill(YUNCHENG);
    await page.getByLabel('年度', { exact: true }).fill('2019');
    await searchButton(page).click();
    const bars = page.getByTestId('money-bars').first();
    // the flow's inflow: ¥200,000.00 received by the city
    await eventually(async () => expect(await bars.textContent()).toContain('到账 ¥200,000.00'), {
      timeoutMs: 30_000,
    });
    const main = (await page.locator('#main').textContent()) ?? '';
    for (const amount of main.match(/¥[\d,]+(\.\d+)?/g) ?? []) expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/);
    // no claimant, no class: no ids at all
    expect(main).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-fund-usage');
    const file = await exported(page, () => exportButton(page).click());
    expect(file.name).toMatch(/\.xlsx$/);
    expect(JSON.stringify(file.records)).toContain('20000000');
    expect(JSON.stringify(file.records)).not.toContain(DEMO_INSTITUTION_ID);
  });

  it('filters the institution directory, exports it, and opens the institution’s outcome scorecard', async () => {
    await page.goto(url('/public/institutions'));
    await page.getByLabel('机构名称', { exact: true }).fill('盐湖区');
    await page.getByLabel('职业（工种）代码', { exact: true }).fill('6-18-02-04');
    await searchButton(page).click();
    const row = page.getByRole('row', { name: new RegExp(INSTITUTION_NAME.replace(/[()（）]/g, '.')) });
    await row.waitFor({ timeout: 20_000 });
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('#main').textContent()).not.toContain(TEACHER_NAME);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-institution-directory');
    // a filter nothing matches
    await page.getByLabel('职业（工种）代码', { exact: true }).fill('4-03-02-01');
    await searchButton(page).click();
    await countBecomes(page.locator('.ant-table-tbody tr.ant-table-row'), 0);
    await page.getByLabel('职业（工种）代码', { exact: true }).fill('6-18-02-04');
    await searchButton(page).click();
    await row.waitFor();
    const file = await exported(page, () => exportButton(page).click());
    expect(file.name).toMatch(/\.xlsx$/);
    expect(file.records).toHaveLength(1);
    expect(JSON.stringify(file.records)).toContain(INSTITUTION_NAME);
    expect(JSON.stringify(file)).not.toContain(TEACHER_NAME);

    // the year is over on the services' clock; its figures are evaluated (as the year-end deadline does)
    await whole.moveClock(at('2020-01-02', '09:00'));
    await client.must(
      'county_officer',
      'POST',
      `/api/v1/institution-outcomes/${DEMO_INSTITUTION_ID}/years/2019/evaluate`,
      {},
      'evaluate 2019',
    );
    await eventually(
      async () => {
        const answer = await client.get(
          undefined,
          `/api/v1/public/outcome-scorecard?institutionId=${DEMO_INSTITUTION_ID}`,
        );
        expect(answer.body.items).toHaveLength(1);
      },
      { timeoutMs: 30_000 },
    );
    await row.getByRole('link', { name: '培训成效' }).click();
    await page.waitForURL(`**/public/scorecard?institutionId=${DEMO_INSTITUTION_ID}`);
    const scorecard = await client.get(
      undefined,
      `/api/v1/public/outcome-scorecard?institutionId=${DEMO_INSTITUTION_ID}&year=2019`,
    );
    expect(scorecard.body.items).toEqual([
      expect.objectContaining({ year: 2019, occupationCode: '6-18-02-04', classes: 2, trainees: 5 }),
    ]);
    const line = page.locator('.ant-table-tbody tr.ant-table-row');
    await countBecomes(line, 1);
    const cells = await line.locator('td').allTextContents();
    expect(cells.slice(0, 1)).toEqual(['2019']);
    expect(cells).toContain(INSTITUTION_NAME);
    expect(cells).toContain('5');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-scorecard');
    // a year without classes: nothing
    await page.getByLabel('年度', { exact: true }).fill('2018');
    await searchButton(page).click();
    await countBecomes(line, 0);
    await page.getByLabel('年度', { exact: true }).fill('2019');
    await searchButton(page).click();
    await countBecomes(line, 1);
    const sheet = await exported(page, () => exportButton(page).click());
    expect(sheet.name).toMatch(/\.xlsx$/);
    expect(sheet.records).toHaveLength(1);
    expect(JSON.stringify(sheet.records)).toContain(DEMO_INSTITUTION_ID);
  });
});

it('wrote no error to the browser console', () => {
  expect(consoleProblems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
});
