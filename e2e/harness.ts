import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../apps/api/src/app.ts';
import { createTestPlatform } from '../apps/api/test/test-platform.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const outputDir = path.resolve(import.meta.dirname, '../test-output');

/** A running platform with the demo city on a random local port, serving the built admin and portal. */
export async function startServer() {
  const platform = await createTestPlatform({ realClock: true, env: { RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  const app = await buildApp(platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    platform,
    async close() {
      await app.close();
      await platform.close();
    },
  };
}

/** Debian's chromium through playwright-core; nothing is downloaded. Under CI a missing browser fails the run. */
export async function launchBrowser(t: TestContext): Promise<Browser | null> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    if (process.env.CI === 'true') throw new Error(`chromium not found at ${CHROMIUM_PATH}; .ci/run installs it with apt-get`);
    t.skip(`chromium not installed at ${CHROMIUM_PATH}`);
    return null;
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Runs a page scenario; screenshots land in test-output/ (always on failure, and at named steps). */
export async function withPage(
  browser: Browser,
  name: string,
  options: { viewport?: { width: number; height: number }; locale?: string },
  scenario: (page: Page, shot: (step: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  fs.mkdirSync(outputDir, { recursive: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 860 }, locale: options.locale ?? 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const shot = async (step: string) => {
    await page.screenshot({ path: path.join(outputDir, `${name}-${step}.png`), fullPage: true });
  };
  try {
    await scenario(page, shot);
  } catch (error) {
    await page.screenshot({ path: path.join(outputDir, `${name}-FAILED.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

// ---- The staff console (apps/admin) ----

/** Every demo account's password (README, 演示账号). */
export const DEMO_PASSWORD = 'Guantong@2026';

/** Signs a demo account in to the console through its login form and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  // Enter submits the form: the sign-in must work from the keyboard.
  await page.getByTestId('login-password').press('Enter');
  await page.getByTestId('home-greeting').waitFor();
}

/** Waits until drawers, modals and dropdowns finished moving, so screenshots show the final state. */
export async function settled(page: Page) {
  // Endless animations (spinners, skeletons) never finish and are left out.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/**
 * Opens an antd select, types to search, clicks the option and checks the select now shows it.
 * A click can land while the popup is still moving on a busy machine, so the pick is retried.
 */
export async function pick(page: Page, testId: string, search: string, option: string, shown: string) {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.keyboard.type(search);
    await page.locator(option).click();
    await page.keyboard.press('Escape');
    if (((await select.textContent()) ?? '').includes(shown)) return;
    if (attempt === 3) assert.fail(`${testId} does not show ${shown} after picking it`);
    await page.waitForTimeout(500);
  }
}

const consoleBuild = path.resolve(import.meta.dirname, '../apps/admin/dist/index.html');

/**
 * The platform serving the built console, and a browser, for the tests of one file: started before them, closed
 * after. `browser` stays null when Chromium is missing outside CI (the tests then skip).
 */
export function consoleSuite(): { server: Awaited<ReturnType<typeof startServer>> | null; browser: Browser | null } {
  const suite: { server: Awaited<ReturnType<typeof startServer>> | null; browser: Browser | null } = { server: null, browser: null };
  before(async (t) => {
    if (!fs.existsSync(consoleBuild)) throw new Error(`${consoleBuild} is missing: run \`npm run build:web\` first`);
    suite.server = await startServer();
    suite.browser = await launchBrowser(t as TestContext);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * A full-page screenshot of the step once everything stopped moving, taken from the top: scrolled down, the console's
 * fixed header would be drawn across the middle of the picture.
 */
export async function frame(page: Page, shot: (step: string) => Promise<void>, step: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await shot(step);
}
