// The web console in real headless Chromium (playwright-core driving Debian's chromium) against the
// platform started here: gateway (serving the built console on its origin, development issuer),
// registry and subsidy as processes. Officers and an institution clerk do their work by clicking; the
// test measures the first page's time to interactive, runs axe on the main pages, and writes the
// screenshots of docs/screenshots/. One browser for the whole file: the machine is small and shared.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { creditCodeCheckCharacter, residentIdCheckCharacter, shanghaiDate } from '@jineng/kernel';
import {
  connectTestDatabase,
  eventually,
  startPlatform,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import { signIn } from './console-browser';

const repoRoot = path.resolve(__dirname, '..');
const consoleDist = path.join(repoRoot, 'apps/console/dist');
const screenshots = path.join(repoRoot, 'docs/screenshots');
const CHROMIUM = process.env.JINENG_CHROMIUM ?? '/usr/bin/chromium';
const ROSTER_ROWS = 10_000;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// the development keys scripts/start.mjs gives the registry (tests cannot import the app's code)
const developmentKey = (seed: string) => createHash('sha256').update(seed).digest('base64');
const REGISTRY_KEYS = {
  JINENG_REGISTRY_DATA_KEY: developmentKey('jineng development registry data key - not for production'),
  JINENG_REGISTRY_LOOKUP_KEY: developmentKey('jineng development registry lookup key - not for production'),
};

function residentId(birthDate: string, sequence: number, region = '140802'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}
const withBadChecksum = (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
/** the date `days` days before someone turned `years` today (Asia/Shanghai) */
function birthDate(years: number, days = 10): string {
  const [y, m, d] = shanghaiDate(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d - days)).toISOString().slice(0, 10);
}
function creditCode(): string {
  const first17 = `91140802${String(Date.now() % 1e8).padStart(8, '0')}7`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

let platform: RunningPlatform;
let db: TestDatabase;
let browser: Browser;
const figures: Record<string, unknown> = {};
const consoleProblems: string[] = [];

beforeAll(async () => {
  // the console as `npm run build` makes it
  execFileSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  db = await connectTestDatabase('console_e2e');
  const registrySchema = await db.freshSchema();
  const subsidySchema = await db.freshSchema();
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled', JINENG_CONSOLE_DIR: consoleDist } },
    { name: 'registry', env: { JINENG_SCHEMA: registrySchema, ...REGISTRY_KEYS } },
    { name: 'subsidy', env: { JINENG_SCHEMA: subsidySchema } },
  ]);
  // a non-persistent launch: Playwright gives Chromium a fresh, empty user-data directory of its own
  // (passing --user-data-dir is refused) and removes it at close
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(screenshots, { recursive: true });
}, 300_000);

afterAll(async () => {
  process.stdout.write(`console e2e figures: ${JSON.stringify(figures)}\n`);
  await browser?.close();
  await platform?.stop();
  await db?.dispose();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(String(error)));
  return { context, page };
}

const url = (pathname: string) => `${platform.urls.gateway}${pathname}`;

/** choose an option of the Ant Design select labelled `label` */
async function choose(page: Page, label: string | RegExp, option: string | RegExp, multiple = false) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
  if (multiple) await page.keyboard.press('Escape'); // a multiple select stays open for more
  await dropdownsClosed(page);
}

/** the select's list has closed (its leave animation over): the next one opened is the only one shown */
async function dropdownsClosed(page: Page) {
  await eventually(async () => expect(await page.locator('.ant-select-dropdown:visible').count()).toBe(0));
}

/** what the page keeps in its tab's sessionStorage under `key` */
const stored = (page: Page, key: string) =>
  page.evaluate(
    (name) =>
      (
        globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
      ).sessionStorage.getItem(name),
    key,
  );

/** axe-core on the page as it is: the serious and critical violations */
async function axe(page: Page): Promise<string[]> {
  // what axe sees is the page at rest: no control under the mouse, and no message still fading in (a
  // help text mid-animation has a lighter colour than at rest); endless ones (spinners) are not waited for
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
  // evaluated over the DevTools protocol: the page's policy (no inline script) stays as it is
  await page.evaluate(AXE_SOURCE);
  // runs in the page (this file is typed without the DOM library)
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

/** the success message, or the test fails with what the page said instead */
async function succeeded(page: Page, message: RegExp) {
  // the message may be shown twice (a toast and the page); the previous submission's refusals stay on
  // screen until the answer comes, so wait for the success itself and show the refusals if it never comes
  const success = page.getByText(message).first();
  const refused = page.locator('.ant-form-item-explain-error, [role="alert"] .ant-alert-description');
  try {
    await success.waitFor({ timeout: 20_000 });
  } catch {
    throw new Error(`refused: ${(await refused.allTextContents()).join(' | ')}`);
  }
}

/** the messages Ant Design shows under the form control labelled `label` */
async function errorsAt(page: Page, label: string): Promise<string> {
  const item = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  return (await item.locator('.ant-form-item-explain-error').allTextContents()).join(' | ');
}

describe('the web console', () => {
  let officer: Page;

  it('serves its first page on the gateway origin, interactive, under the strict policy', async () => {
    // three cold loads, each in a fresh browser context (empty cache); the median is the figure, so one
    // load slowed by the other work on this shared machine does not decide it
    const loads: { interactiveMs: number; wallMs: number }[] = [];
    let context!: BrowserContext;
    let page!: Page;
    let response!: Awaited<ReturnType<Page['goto']>>;
    for (let i = 0; i < 3; i++) {
      if (context) await context.close();
      ({ context, page } = await newPage());
      const started = Date.now();
      response = await page.goto(url('/'));
      await page.waitForFunction(() => performance.getEntriesByName('jineng:interactive').length > 0);
      // it answers: its sign-in button is ready (it knows the provider to send the browser to)
      await page.locator('button.ant-btn-primary:not(.ant-btn-loading)', { hasText: /登\s*录/ }).waitFor();
      const wallMs = Date.now() - started;
      const interactiveMs = await page.evaluate(
        () => performance.getEntriesByName('jineng:interactive')[0].startTime,
      );
      loads.push({ interactiveMs: Math.round(interactiveMs), wallMs });
    }
    const median = [...loads].sort((a, b) => a.interactiveMs - b.interactiveMs)[1];
    figures.firstPageLoads = loads;
    figures.firstPageInteractiveMedianMs = median.interactiveMs;
    // the page became usable (its mark set, its sign-in button ready); how fast is a figure, measured by
    // `npm run bench:console-first-page` (issue 16's < 2 s) — a timed assertion here judged the machine's
    // load of the day (ARCHITECTURE: performance by benchmarks, not timed tests)
    expect(loads.every((load) => load.interactiveMs > 0)).toBe(true);

    const policy = response!.headers()['content-security-policy'];
    expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("script-src 'self'");
    // Chinese first: the sign-in page in Chinese, a Chinese document
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect(page.getByRole('heading', { name: '技能培训补贴管理平台' }).isVisible()).resolves.toBe(true);
    // the page as first shown
    await page.goto(url('/'));
    await page.locator('button.ant-btn-primary:not(.ant-btn-loading)', { hasText: /登\s*录/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'sign-in');
    await context.close();
    // three cold loads, axe and a screenshot: over a minute when the shared machine is loaded (load 20)
  }, 120_000);

  it('signs in through the OIDC provider with the code and PKCE, and a spent answer cannot sign in again', async () => {
    const { context, page } = await newPage();
    await page.goto(url('/'));
    await page.waitForFunction(() => performance.getEntriesByName('jineng:interactive').length > 0);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // the development issuer's authorization page, asked as OAuth 2.0 + PKCE has it
    await page.waitForURL((at) => at.pathname === '/api/v1/dev/oidc/authorize');
    const asked = new URL(page.url()).searchParams;
    expect({
      client_id: asked.get('client_id'),
      redirect_uri: asked.get('redirect_uri'),
      response_type: asked.get('response_type'),
      code_challenge_method: asked.get('code_challenge_method'),
      scope: asked.get('scope'),
    }).toEqual({
      client_id: 'jineng-console',
      redirect_uri: url('/auth/callback'),
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid',
    });
    expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the verifier stays in this tab; only its hash went to the provider
    const pending = await stored(page, 'jineng.console.oidc');
    const { verifier, state } = JSON.parse(pending ?? '{}') as { verifier: string; state: string };
    expect(state).toBe(asked.get('state'));
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(asked.get('code_challenge'));

    // the provider's page: Chinese first, a form with labelled choices, English on request
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('group', { name: '演示用户' }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(8);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'sign-in-provider');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('radio', { name: /County officer/ }).check();
    // without a choice the browser would not send it; with one, back to the console's callback
    const [callback] = await Promise.all([
      page.waitForRequest((request) => new URL(request.url()).pathname === '/auth/callback'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const answered = callback.url();
    await page.getByTestId('signed-in-as').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // the console keeps its own language (Chinese); the name it greets with came in the id token
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain(
      '盐湖区人社局经办人员（演示）',
    );
    expect([
      (await stored(page, 'jineng.console.token'))?.split('.').length,
      await stored(page, 'jineng.console.oidc'),
    ]).toEqual([3, null]);

    // the same answer again (a replayed callback URL): this tab started no sign-in for it
    await page.getByRole('button', { name: '退出登录' }).click();
    expect(await stored(page, 'jineng.console.token')).toBeNull();
    await page.goto(answered);
    await page.getByRole('alert').filter({ hasText: '返回的应答不属于本页发起的登录' }).waitFor();
    expect(await stored(page, 'jineng.console.token')).toBeNull();
    await page.getByRole('button', { name: /重新登\s*录/ }).click();
    await page.locator('button.ant-btn-primary:not(.ant-btn-loading)', { hasText: /^登\s*录$/ }).waitFor();
    await context.close();
  }, 60_000);

  it('shows each role the screens it may use', async () => {
    const clerk = await newPage();
    await signIn(clerk.page, platform.urls.gateway, /培训机构经办人/);
    const menu = clerk.page.getByRole('navigation').getByRole('menu');
    await expect(menu.getByText('申请列入目录').isVisible()).resolves.toBe(true);
    await expect(menu.getByText('签到设备').isVisible()).resolves.toBe(true);
    expect(await menu.getByText('劳动者', { exact: true }).count()).toBe(0);
    expect(await menu.getByText('花名册导入').count()).toBe(0);
    await clerk.context.close();

    officer = (await newPage()).page;
    await signIn(officer, platform.urls.gateway, /县级经办人员/);
    await expect(officer.getByText('欢迎，盐湖区人社局经办人员（演示）').isVisible()).resolves.toBe(true);
    const officerMenu = officer.getByRole('navigation').getByRole('menu');
    for (const entry of [
      '劳动者',
      '劳动者登记',
      '花名册导入',
      '培训机构',
      '生效政策',
      '政策版本',
      '节假日安排',
    ])
      await expect(officerMenu.getByText(entry, { exact: true }).isVisible()).resolves.toBe(true);
    expect(await axe(officer)).toEqual([]);
    await shot(officer, 'home-county-officer');
    // two sign-ins, each through the provider's page and the callback (two page loads more than before)
  }, 120_000);

  it('registers a worker: every refused field at its field, in Chinese and then in English', async () => {
    await officer.getByRole('menuitem', { name: '劳动者登记' }).click();
    const born = birthDate(30);
    await officer.getByLabel('身份证号码', { exact: true }).fill(withBadChecksum(residentId(born, 901)));
    await officer.getByLabel('姓名', { exact: true }).fill('王小红');
    await choose(officer, '性别', '男');
    await officer.getByLabel('出生日期').fill(born);
    await officer.getByLabel('手机号码').fill('12345');
    await officer.getByLabel('户籍地辖区').fill('140821');
    await officer.getByLabel('常住地辖区').fill('140802');
    await choose(officer, '文化程度', '初中');
    await choose(officer, '人员类别', '农村劳动力');
    await officer.getByRole('button', { name: /提\s*交/ }).click();
    await eventually(async () => expect(await errorsAt(officer, '手机号码')).not.toBe(''));
    expect(await errorsAt(officer, '身份证号码')).toMatch(/[\u4e00-\u9fff]/);
    expect(await errorsAt(officer, '姓名')).toBe('');
    expect(await axe(officer)).toEqual([]);
    await shot(officer, 'worker-registration-errors');

    await officer.getByRole('button', { name: 'English' }).click();
    await officer.getByRole('button', { name: /Submit/ }).click();
    // (the Chinese message leaves with an animation: wait for the settled form)
    await eventually(async () => {
      expect(await errorsAt(officer, 'Mobile phone')).toMatch(/[a-z]/);
      expect(await errorsAt(officer, 'Mobile phone')).not.toMatch(/[\u4e00-\u9fff]/);
      expect(await errorsAt(officer, 'Resident ID number')).not.toMatch(/[\u4e00-\u9fff]/);
    });
    await officer.getByRole('button', { name: '中文' }).click();

    await officer.getByLabel('身份证号码', { exact: true }).fill(residentId(born, 901));
    await officer.getByLabel('手机号码').fill('13912345678');
    await officer.getByRole('button', { name: /提\s*交/ }).click();
    await succeeded(officer, /劳动者已登记，编号 [0-9a-f-]{36}/);
  }, 90_000);

  it('imports a 10 000-row roster with a progress bar and the per-row report', async () => {
    const rows = [
      '身份证号码,姓名,性别,出生日期,户籍地区划代码,常住地区划代码,手机号码,文化程度,人员类别,重点群体,是否有劳动能力,是否有就业意愿',
    ];
    for (let i = 0; i < ROSTER_ROWS; i++) {
      const born = birthDate(25 + Math.floor((i % 5000) / 365), i % 365);
      let id = residentId(born, 101 + Math.floor(i / 5000) * 2);
      if (i === 100 || i === 200 || i === 300) id = withBadChecksum(id);
      const category = i % 250 === 0 ? '城镇劳动力' : '农村劳动力';
      rows.push(
        [
          id,
          '赵六',
          '男',
          born,
          '140821',
          '140802',
          '13700001111',
          '初中',
          category,
          '农民工',
          '是',
          '是',
        ].join(','),
      );
    }
    const folder = mkdtempSync(path.join(tmpdir(), 'roster-'));
    const file = path.join(folder, '盐湖区花名册.csv');
    writeFileSync(file, rows.join('\r\n'));

    await officer.getByRole('menuitem', { name: '花名册导入' }).click();
    await officer.getByLabel('花名册文件（.xlsx / .csv）').setInputFiles(file);
    await officer.getByRole('button', { name: '上传并导入' }).click();
    await officer.getByTestId('roster-progress').waitFor();
    await officer.getByTestId('roster-summary').waitFor({ timeout: 120_000 });
    expect(await officer.getByTestId('roster-summary').textContent()).toBe(
      `共 ${ROSTER_ROWS} 行：新登记 ${ROSTER_ROWS - 3}，已登记 0，未通过 3`,
    );
    await choose(officer, '结果', '未通过');
    await officer.getByRole('button', { name: /查\s*询/ }).click();
    await eventually(async () =>
      expect(await officer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3),
    );
    expect(await officer.locator('.ant-table-tbody').textContent()).toMatch(/idNumber：.*校验码/);
    expect(await axe(officer)).toEqual([]);
    await shot(officer, 'roster-import-report');
    rmSync(folder, { recursive: true, force: true });
  }, 180_000);

  it('pages through 10 000 workers a page at a time, filters, and exports to .xlsx directly and as a job', async () => {
    const listRequests: { url: string; bytes: number }[] = [];
    officer.on('response', async (response) => {
      if (new URL(response.url()).pathname === '/api/v1/workers')
        listRequests.push({ url: response.url(), bytes: (await response.body()).length });
    });
    await officer.getByRole('menuitem', { name: '劳动者', exact: true }).click();
    const total = ROSTER_ROWS - 3 + 1;
    await eventually(
      async () => {
        await officer.getByRole('button', { name: /查\s*询/ }).click();
        await officer.getByText(`共 ${total} 条`).waitFor({ timeout: 2000 });
      },
      { timeoutMs: 60_000 },
    );
    const lastPage = Math.ceil(total / 20);
    await officer.locator(`.ant-pagination-item-${lastPage}`).click();
    await eventually(async () =>
      expect(listRequests.some((r) => r.url.includes(`page=${lastPage}&`))).toBe(true),
    );
    await eventually(async () =>
      expect(await officer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(total % 20 || 20),
    );
    for (const request of listRequests)
      expect(Number(new URL(request.url).searchParams.get('pageSize'))).toBeLessThanOrEqual(100);
    figures.workersListRequests = listRequests.length;
    figures.workersListLargestResponseBytes = Math.max(...listRequests.map((r) => r.bytes));
    expect(figures.workersListLargestResponseBytes).toBeLessThan(50_000);
    expect(await axe(officer)).toEqual([]);
    await shot(officer, 'workers-list');

    await choose(officer, '人员类别', '城镇劳动力');
    await officer.getByRole('button', { name: /查\s*询/ }).click();
    await officer.getByText(`共 ${ROSTER_ROWS / 250} 条`).waitFor();
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const [sheet] = await readXlsxFile(readFileSync((await download.path())!));
    expect(sheet.data.length).toBe(2 + ROSTER_ROWS / 250); // two header rows (Chinese, English)

    await officer.getByRole('button', { name: '导出全部（后台任务）' }).click();
    const job = officer.getByTestId('job-progress');
    await job.getByText('已完成').waitFor({ timeout: 120_000 });
    const [jobDownload] = await Promise.all([
      officer.waitForEvent('download'),
      job.getByRole('button', { name: '下载文件' }).click(),
    ]);
    expect(jobDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(officer, 'workers-export-job');
  }, 240_000);

  it('an institution applies for listing (errors at nested fields), registers a device; an officer evaluates and lists it', async () => {
    const clerk = await newPage();
    const page = clerk.page;
    await signIn(page, platform.urls.gateway, /培训机构经办人/);
    await page.getByRole('menuitem', { name: '申请列入目录' }).click();
    await page.getByLabel('机构名称').fill('运城市盐湖区示范职业培训学校');
    await page.getByLabel('统一社会信用代码').fill('91140802MA0000000X');
    await choose(page, '机构类型', '民办职业培训学校');
    await page.getByLabel('办学许可证号').fill('人社民14080220260001');
    await page.getByLabel('场地面积（平方米）').fill('800');
    await page.getByLabel('年检通过年度（民办培训学校）').fill('2025');
    await page.getByLabel('无责任事故起始日期（民办培训学校）').fill('2020-01-01');
    await page.getByLabel('开户银行').fill('中国工商银行运城分行');
    await page.getByLabel('账户名称').fill('运城市盐湖区示范职业培训学校');
    await page.getByLabel('银行账号').fill('12AB');
    await page.getByLabel('主要设备名称').fill('数控车床');
    await page.getByLabel('设备数量').fill('12');
    await page.getByLabel('培训职业（工种）代码').fill('6-18-02-04');
    await choose(page, '培训等级', '4', true);
    await page.getByLabel('专职教师姓名').fill('李老师');
    await page.getByLabel('教师身份证号码').fill(residentId(birthDate(40), 333));
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await eventually(async () => expect(await errorsAt(page, '银行账号')).not.toBe(''));
    expect(await errorsAt(page, '统一社会信用代码')).not.toBe('');
    expect(await errorsAt(page, '机构名称')).toBe('');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'institution-application-errors');

    await page.getByLabel('统一社会信用代码').fill(creditCode());
    await page.getByLabel('银行账号').fill('6222020200112233445');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await succeeded(page, /申请已提交，机构编号/);

    await page.getByRole('menuitem', { name: '签到设备' }).click();
    await page.getByLabel('设备序列号').fill('FP-2026-0001');
    await page.getByLabel('培训场地名称').fill('盐湖区实训楼一层');
    await choose(page, '设备类型', '指纹');
    await page.getByRole('button', { name: '登记设备' }).click();
    // the list asks again until the new device is in it
    const registered = page.getByRole('cell', { name: 'FP-2026-0001' });
    const refusedDevice = page.locator('.ant-form-item-explain-error, .ant-alert-description');
    await registered.or(refusedDevice.first()).waitFor({ timeout: 15_000 });
    if (!(await registered.isVisible())) throw new Error(`refused: ${await refusedDevice.allTextContents()}`);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'devices');
    await clerk.context.close();

    await officer.getByRole('menuitem', { name: '培训机构', exact: true }).click();
    const row = officer.locator('.ant-table-row', { hasText: '运城市盐湖区示范职业培训学校' });
    await eventually(async () => {
      await officer.getByRole('button', { name: /查\s*询/ }).click();
      await row.waitFor({ timeout: 1000 });
    });
    await row.getByRole('button', { name: '记录现场评估' }).click();
    await officer.getByLabel('评估日期').fill(shanghaiDate(new Date()));
    await officer.getByLabel('评估报告编号').fill('盐人社评〔2026〕1号');
    await officer.getByLabel('评估专家人数').fill('3');
    await officer
      .getByRole('dialog')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await officer.getByRole('dialog').waitFor({ state: 'hidden' });
    await row.getByRole('button', { name: '列入目录' }).click();
    await officer.getByLabel('公布批次').fill('2026年第1批');
    await officer
      .getByRole('dialog')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await officer.getByRole('dialog').waitFor({ state: 'hidden' });
    await eventually(async () => {
      await officer.getByRole('button', { name: /查\s*询/ }).click();
      await row.getByText('已列入目录').waitFor({ timeout: 1000 });
    });
    expect(await axe(officer)).toEqual([]);
    await shot(officer, 'institutions');
  }, 180_000);

  it('shows the effective policy with its sources and clauses, versions and their diff, and the holiday calendar', async () => {
    await officer.getByRole('menuitem', { name: '生效政策' }).click();
    // the Yuncheng plan (2018–2022): in force on a day within it
    await officer.getByLabel('日期').fill('2019-06-01');
    await officer.getByRole('button', { name: /查\s*询/ }).click();
    const table = officer.getByRole('table', { name: '生效政策' });
    // the page first shows today's policy (the plan has ended: a few rows); the rows of 2019-06-01
    // replace them when the query is answered
    await eventually(async () => {
      await table.getByText('「').first().waitFor({ timeout: 1000 });
      expect(await officer.getByText('2019-06-01', { exact: true }).count()).toBe(1);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(5);
    });
    await expect(officer.getByText('运城市').first().isVisible()).resolves.toBe(true);
    // amounts from fen, as ¥ with two decimals
    expect(await table.textContent()).toContain('¥150.00');
    expect(await axe(officer)).toEqual([]);
    await shot(officer, 'effective-policy');

    // versions of the province and its five cities, as the provincial auditor sees them
    const auditor = await newPage();
    const page = auditor.page;
    await signIn(page, platform.urls.gateway, /审计人员/);
    await page.getByRole('menuitem', { name: '政策版本' }).click();
    await eventually(async () =>
      expect(await page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2),
    );
    await page.getByLabel('对比的较早版本').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(0).click();
    await dropdownsClosed(page);
    await page.getByLabel('新值').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
    await dropdownsClosed(page);
    await page.getByRole('button', { name: /对\s*比/ }).click();
    const diff = page.getByRole('table', { name: '对比' });
    await diff.waitFor();
    expect(await diff.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'policy-versions-diff');

    await page.getByRole('menuitem', { name: '节假日安排' }).click();
    await page.getByRole('table', { name: '节假日安排' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'holiday-calendar');
    await auditor.context.close();
  }, 120_000);

  it('wrote no error to the browser console (no policy violation, no failed script)', () => {
    // answers the console itself asked for and showed (4xx of refused forms) are logged by Chromium as
    // failed resources; anything else is a fault
    expect(consoleProblems.filter((text) => !/status of 4\d\d/.test(text))).toEqual([]);
    expect(existsSync(path.join(screenshots, 'workers-list.png'))).toBe(true);
  });
});
