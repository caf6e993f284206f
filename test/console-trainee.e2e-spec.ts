// The trainee's phone screens and the public institution directory in real headless Chromium
// (playwright-core and Debian's chromium) against the whole platform started here, the built console
// served by the gateway. The demo data's ground (scripts/demo/whole-flow.ts) lists the demo institution;
// a class of it runs to a claim in review with the demo trainee on its roster beside two trainees the
// registry registers. The demo trainee's own registry record is the one fact published on the bus as the
// registry's relay would (docs/contracts.md): the development issuer's worker has a fixed id, which the
// registry's RegisterWorker never gives. On a 390 px wide phone the trainee signs in and sees their
// training (sessions attended of the total), their certificate (and opens its public verification) and
// the claim that names them; a visitor without login reads the institution directory and opens an
// institution's scorecard from it. axe on each page; screenshots to docs/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { eventually, startWholePlatform, UpstreamBus, type WholePlatform } from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { GatewayClient } from '../scripts/demo/gateway-client';
import { DEMO_INSTITUTION_ID, prepareGround, runClass, type ClassOutcome } from '../scripts/demo/whole-flow';
import { axe, choose, SCREENSHOTS, shot } from './console-browser';

const repoRoot = path.resolve(__dirname, '..');
const consoleDist = path.join(repoRoot, 'apps/console/dist');
const CHROMIUM = process.env.JINENG_CHROMIUM ?? '/usr/bin/chromium';
const DEMO_WORKER_ID = '0b6e1f2a-0001-4a00-8000-000000000001';
const INSTITUTION_NAME = '运城市盐湖区技能培训学校（演示）';
const TEACHER_NAME = '刘志强';
const downloads = mkdtempSync(path.join(os.tmpdir(), 'console-trainee-downloads-'));

let whole: WholePlatform;
let browser: Browser;
let nc: NatsConnection;
let outcome: ClassOutcome;

beforeAll(async () => {
  execFileSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  whole = await startWholePlatform('console_trainee_e2e', '2019-08-01T09:00:00+08:00', {
    gatewayEnv: { JINENG_CONSOLE_DIR: consoleDist },
  });
  // the demo trainee's registry record, as the registry's relay publishes it (no clear personal data)
  nc = await whole.platform.bus.connect('registry');
  await new UpstreamBus(nc).publish('registry', 'WorkerRegistered.v1', `worker-${DEMO_WORKER_ID}`, {
    workerId: DEMO_WORKER_ID,
    idNumberHash: 'd'.repeat(64),
    idNumberMasked: '1408**********0011',
    nameMasked: '演*',
    gender: 'male',
    birthDate: '1990-01-01',
    jurisdiction: '140802',
    hukouJurisdiction: '140802',
    residenceJurisdiction: '140802',
    education: 'senior_secondary',
    category: 'rural_labour',
    keyGroups: [],
    ableToWork: true,
    willingToWork: true,
    registeredOn: '2019-07-01',
  });
  const ctx = {
    client: new GatewayClient(whole.platform.urls.gateway!, 'console-trainee-e2e'),
    moveClock: (iso: string) => whole.moveClock(iso),
  };
  const ground = await prepareGround(ctx, '2019-08-01');
  outcome = await runClass(
    ctx,
    ground,
    {
      key: '焊工班（学员本人在册）',
      startDate: '2019-08-12',
      days: 10,
      trainees: 2,
      employed: 0,
      until: 'claim-in-review',
      extraTrainees: [DEMO_WORKER_ID],
    },
    '2019-08-01',
  );
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
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await nc?.close();
  await whole?.dispose();
});

const url = (pathname: string) => `${whole.platform.urls.gateway}${pathname}`;

async function newPage(viewport: {
  width: number;
  height: number;
}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** the page is no wider than the phone: nothing to scroll sideways */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

describe('a trainee on a phone (390 px wide)', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await newPage({ width: 390, height: 844 }));
    await page.goto(url('/'));
    await choose(page, '演示用户', /劳动者/);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('signed-in-as').waitFor();
  });
  afterAll(async () => context?.close());

  it('sees their training: the institution, the dates, completed, every session attended; exports it', async () => {
    await page.goto(url('/my/trainings'));
    const cards = page.getByTestId('my-training');
    await eventually(async () => expect(await cards.count()).toBe(1));
    const text = (await cards.first().textContent()) ?? '';
    expect(text).toContain(INSTITUTION_NAME);
    expect(text).toContain('2019-08-12 至 2019-08-21');
    expect(text).toContain('已结业');
    expect(text).toContain('已出勤 10 / 10 课次');
    expect(text).toContain(outcome.classId);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'trainee-my-trainings');
    const { name, file } = await saved(page, () => page.getByRole('button', { name: /导出 Excel/ }).click());
    expect(name).toMatch(/^我的培训-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await readXlsxFile(file);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(outcome.classId);
  });

  it('sees their certificate and opens its public verification page', async () => {
    await page.goto(url('/my/certificates'));
    const cards = page.getByTestId('my-certificate');
    await eventually(async () => expect(await cards.count()).toBe(1));
    const text = (await cards.first().textContent()) ?? '';
    expect(text).toContain('职业技能等级证书');
    expect(text).toContain('6-18-02-04，5级');
    expect(text).toContain('有效');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'trainee-my-certificates');
    await cards.first().getByRole('link', { name: '公开核验页' }).click();
    await page
      .getByText(/^证书 .+ 真实有效$/)
      .first()
      .waitFor();
    expect(page.url()).toMatch(/\/public\/certificates\/[0-9A-Z]+$/);
  });

  it('sees the claim that names them, with the amount in their name', async () => {
    await page.goto(url('/my/claims'));
    const cards = page.getByTestId('my-claim');
    await eventually(async () => expect(await cards.count()).toBeGreaterThanOrEqual(1));
    expect(await cards.first().textContent()).toMatch(/我名下的金额¥[\d,]+\.\d{2}/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'trainee-my-claims-phone');
  });

  it('reads only their own records through the API; without a token, nothing', async () => {
    const token = await page.evaluate(() =>
      Object.values(
        (globalThis as unknown as { sessionStorage: Record<string, string> }).sessionStorage,
      ).find((value) => value.split('.').length === 3),
    );
    const get = (pathname: string, auth = true) =>
      fetch(url(pathname), { headers: auth && token ? { Authorization: `Bearer ${token}` } : {} });
    const mine = (await (await get('/api/v1/my/trainings')).json()) as { items: { classId: string }[] };
    expect(mine.items.map((row) => row.classId)).toEqual([outcome.classId]);
    expect((await get('/api/v1/my/trainings', false)).status).toBe(401);
    expect((await get('/api/v1/my/certificates', false)).status).toBe(401);
    const bad = await get(`/api/v1/my/trainings?workerId=${outcome.workerIds[0]}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('workerId');
  });
});

describe('a visitor without login', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await newPage({ width: 1366, height: 900 }));
  });
  afterAll(async () => context?.close());

  it('reads the institution directory, filters it, exports it, and opens an institution’s scorecard', async () => {
    await page.goto(url('/public/institutions'));
    const table = page.getByRole('table');
    await page.getByText(INSTITUTION_NAME).first().waitFor();
    expect(await page.locator('#main').textContent()).not.toContain(TEACHER_NAME);
    await page.getByLabel('机构名称', { exact: true }).fill('不存在的机构');
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await eventually(async () => expect(await table.textContent()).not.toContain(INSTITUTION_NAME));
    await page.getByLabel('机构名称', { exact: true }).fill('盐湖区');
    await page.getByLabel('职业（工种）代码', { exact: true }).fill('6-18-02-04');
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await eventually(async () => expect(await table.textContent()).toContain(INSTITUTION_NAME));
    expect(await axe(page)).toEqual([]);
    await shot(page, 'public-institutions');
    const { name } = await saved(page, () => page.getByRole('button', { name: /导出 Excel/ }).click());
    expect(name).toMatch(/^培训机构名录-\d{4}-\d{2}-\d{2}\.xlsx$/);

    await page.getByRole('link', { name: '培训成效' }).first().click();
    await eventually(async () =>
      expect(page.url()).toContain(`/public/scorecard?institutionId=${DEMO_INSTITUTION_ID}`),
    );
    await eventually(async () =>
      expect(await page.getByLabel('机构编号', { exact: true }).inputValue()).toBe(DEMO_INSTITUTION_ID),
    );

    const anonymous = await fetch(url('/api/v1/public/institutions?jurisdiction=140800'));
    expect(anonymous.status).toBe(200);
    const body = JSON.stringify(await anonymous.json());
    expect(body).toContain(INSTITUTION_NAME);
    expect(body).not.toContain(TEACHER_NAME);
    expect(body).not.toMatch(/teacher|idNumber|phone|bankAccount/i);
    const bad = await fetch(url('/api/v1/public/institutions?jurisdiction=14&pageSize=0'));
    expect(bad.status).toBe(400);
    const refused = JSON.stringify(await bad.json());
    expect(refused).toContain('jurisdiction');
    expect(refused).toContain('pageSize');
  });
});
