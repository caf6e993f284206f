// What the console's browser tests do in every journey (the same steps as test/console.e2e-spec.ts):
// choose in an Ant Design select, sign in as a demo user (through the OIDC provider's page), run axe on the page at rest, take a screenshot,
// read the messages under a form control. Used by every test/console*.e2e-spec.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually } from '@jineng/testing';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = path.resolve(__dirname, '..', 'docs/screenshots');
const repoRoot = path.resolve(__dirname, '..');
/** where buildConsole() writes the console: the gateway serves it with JINENG_CONSOLE_DIR */
export const CONSOLE_DIST = path.join(repoRoot, 'apps/console/dist');

/** Builds the console as the gateway serves it (vite, production mode). */
export function buildConsole(): void {
  execFileSync(
    'npx',
    ['--no', '--', 'vite', 'build', '--config', 'apps/console/vite.config.ts', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
}

/** Debian's headless Chromium (JINENG_CHROMIUM to use another), the screenshots' folder made. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.JINENG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** choose an option of the Ant Design select labelled `label` */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
  await eventually(async () => expect(await page.locator('.ant-select-dropdown:visible').count()).toBe(0));
}

/**
 * Sign in as the console does (ADR 0020): its sign-in button sends the browser to the OIDC provider's
 * authorization page — the development issuer's, listing one demo user per role — with a PKCE challenge;
 * the chosen user comes back at /auth/callback, the console exchanges the code and shows the home page.
 */
export async function signIn(page: Page, baseUrl: string, role: RegExp) {
  await page.goto(`${baseUrl}/`);
  // the page knows where to sign in (GET /api/v1/console-config answered)
  await page.waitForFunction(() => performance.getEntriesByName('jineng:interactive').length > 0);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === '/api/v1/dev/oidc/authorize');
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  // the callback is replaced by the home page: Back never replays a spent code
  expect(new URL(page.url()).pathname).toBe('/');
}

/** axe-core on the page at rest: the serious and critical violations */
export async function axe(page: Page): Promise<string[]> {
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

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** the messages Ant Design shows under the form control labelled `label` */
export async function errorsAt(page: Page, label: string): Promise<string> {
  const item = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  return (await item.locator('.ant-form-item-explain-error').allTextContents()).join(' | ');
}

/** the success message, or the test fails with what the page said instead */
export async function succeeded(page: Page, message: RegExp) {
  const success = page.getByText(message).first();
  const refused = page.locator('.ant-form-item-explain-error, [role="alert"] .ant-alert-description');
  try {
    await success.waitFor({ timeout: 20_000 });
  } catch {
    throw new Error(`refused: ${(await refused.allTextContents()).join(' | ')}`);
  }
}
