// Staff console (apps/admin) in a real browser against the whole platform with the demo city.
// Needs the built console: `npm run build:web` (or `npm run -w @guantong/admin build`) first.
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, withPage } from './harness.ts';

const DEMO_PASSWORD = 'Guantong@2026';
const adminIndex = path.resolve(import.meta.dirname, '../apps/admin/dist/index.html');

let server: Awaited<ReturnType<typeof startServer>> | null = null;
let browser: Browser | null = null;

before(async (t) => {
  if (!fs.existsSync(adminIndex)) {
    throw new Error(`The staff console is not built (${adminIndex} is missing). Run \`npm run build:web\` first.`);
  }
  server = await startServer();
  browser = await launchBrowser(t);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The running browser, or a skip when chromium is not installed (launchBrowser fails under CI instead). */
function ready(t: TestContext): { browser: Browser; baseUrl: string } | null {
  if (!browser || !server) {
    t.skip('chromium not installed');
    return null;
  }
  return { browser, baseUrl: server.baseUrl };
}

/** Waits until drawers, modals and dropdowns finished moving, so screenshots show the final state. */
async function settled(page: Page) {
  // Endless animations (spinners, skeletons) never finish and are left out.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/**
 * Opens an antd select, types to search, clicks the option and checks the select now shows it.
 * A click can land while the popup is still moving on a busy machine, so the pick is retried.
 */
async function pick(page: Page, testId: string, search: string, option: string, shown: string) {
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

async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  // Enter submits the form: the sign-in must work from the keyboard.
  await page.getByTestId('login-password').press('Enter');
  await page.getByTestId('home-greeting').waitFor();
}

test('admin signs in, sees role and body, and switches the language to English and back', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-1-language', {}, async (page, shot) => {
    await signIn(page, env.baseUrl, 'admin');
    assert.equal(await page.getByTestId('home-body').textContent(), '清源市纪委监委');
    assert.match((await page.getByTestId('home-roles').textContent()) ?? '', /系统管理员/);
    assert.equal(await page.getByTestId('menu-users').textContent(), '用户与角色');
    await shot('home-zh');

    await page.getByTestId('language-en').click();
    await page.getByTestId('menu-users').getByText('Users & roles', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('page-title').textContent(), 'Home');
    assert.match((await page.getByTestId('home-roles').textContent()) ?? '', /Administrator/);
    assert.match((await page.getByTestId('home-modules-notice').textContent()) ?? '', /later releases/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // The API now answers in English too (it reads the gt_locale cookie).
    const cookies = await page.context().cookies();
    assert.equal(cookies.find((cookie) => cookie.name === 'gt_locale')?.value, 'en');
    await shot('home-en');

    // Back to Chinese, which is also stored with the account for the next scenarios.
    await page.getByTestId('language-zh-CN').click();
    await page.getByTestId('menu-users').getByText('用户与角色', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('page-title').textContent(), '首页');
  });
});

test('admin creates a user with a membership and sees the account workflow with 正常 highlighted', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-2-create-user', {}, async (page, shot) => {
    const username = `e2e.${Date.now().toString(36)}`;
    await signIn(page, env.baseUrl, 'admin');
    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-link-admin').waitFor();

    await page.getByTestId('create-user').click();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-display-name').fill('测试信访员');
    await page.getByTestId('user-password').fill('Str0ng!Passw0rd');
    await page.getByTestId('user-password-confirm').fill('Str0ng!Passw0rd');

    // Body: search the tree and pick the city petition office. Role: 信访受理人员.
    await pick(page, 'membership-0-organization', '信访室', '.ant-select-tree-node-content-wrapper[title="市纪委监委信访室"]', '市纪委监委信访室');
    await pick(page, 'membership-0-roles', '信访受理', '.ant-select-item-option[title="信访受理人员"]', '信访受理人员');
    await page.getByTestId('membership-0-title').fill('信访室干部');
    await settled(page);
    await shot('form');

    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('user-form').waitFor({ state: 'hidden' });

    // The new account is in the list (search narrows it down).
    await page.getByTestId('user-search').locator('input').fill(username);
    await page.getByTestId('user-search').locator('input').press('Enter');
    const link = page.getByTestId(`user-link-${username}`);
    await link.waitFor();
    assert.match(page.url(), new RegExp(`search=${username.replace('.', '\\.')}`), 'the filter is kept in the URL');
    const row = page.locator('tr', { has: link });
    assert.match((await row.textContent()) ?? '', /市纪委监委信访室.*信访受理人员/);
    await shot('list');

    // Its detail: memberships, and the account workflow drawn with the current state 正常 highlighted.
    await link.click();
    const detail = page.getByTestId('user-detail');
    await detail.getByTestId('workflow-diagram').waitFor();
    assert.match((await detail.getByTestId('user-memberships').textContent()) ?? '', /市纪委监委信访室/);
    const current = detail.locator('[data-testid^="workflow-state-"][data-current="true"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-testid'), 'workflow-state-active');
    assert.match((await current.textContent()) ?? '', /正常/);
    // The server allows "disable" on an active account: exactly that button is offered.
    await detail.getByTestId('user-action-disable').waitFor();
    await settled(page);
    await shot('detail');
  });
});

test('a special supervisor has no administration menu and gets 403 on /admin/users', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-3-supervisor', {}, async (page, shot) => {
    await signIn(page, env.baseUrl, 'supervisor');
    assert.match((await page.getByTestId('home-roles').textContent()) ?? '', /特约监察员/);
    await page.getByTestId('menu-home').waitFor();
    assert.equal(await page.getByTestId('menu-system').count(), 0);
    for (const key of ['organizations', 'users', 'calendar', 'workflows', 'audit']) {
      assert.equal(await page.getByTestId(`menu-${key}`).count(), 0, `menu-${key} must be hidden`);
    }
    await shot('home');

    await page.goto(`${env.baseUrl}/admin/users`);
    const forbidden = page.getByTestId('forbidden');
    await forbidden.waitFor();
    assert.match((await forbidden.textContent()) ?? '', /无权访问/);
    await shot('forbidden');
  });
});

test('zhoutao switches from 青石县纪委监委 to 青石镇纪委 in the header', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-4-switch-body', {}, async (page, shot) => {
    await signIn(page, env.baseUrl, 'zhoutao');
    const active = page.getByTestId('active-body-name');
    assert.equal(await active.textContent(), '青石县纪委监委');
    // As handling officer there is no user administration.
    assert.equal(await page.getByTestId('menu-users').count(), 0);
    await shot('before');

    await page.getByTestId('body-switcher').click();
    await page.locator('.ant-select-item-option', { hasText: '青石镇纪委' }).click();
    await page.getByTestId('active-body-name').getByText('青石镇纪委', { exact: true }).waitFor();
    await page.getByTestId('home-body').getByText('青石镇纪委', { exact: true }).waitFor();
    assert.match((await page.getByTestId('home-roles').textContent()) ?? '', /领导/);
    // The menu follows the new membership: a township leader may read users.
    await page.getByTestId('menu-users').waitFor();
    await settled(page);
    await shot('after');
  });
});

test('a wrong password shows the server message 用户名或密码错误', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-5-wrong-password', {}, async (page, shot) => {
    await page.goto(`${env.baseUrl}/admin/users`);
    // Signed out: the console sends the person to sign in, remembering where they were going.
    await page.getByTestId('login-username').waitFor();
    assert.match(page.url(), /\/admin\/login\?redirect=%2Fusers$/);
    await page.getByTestId('login-username').fill('leader');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /用户名或密码错误/);
    await shot('error');
  });
});

test('a leader sees an overdue escalation (督办) in the header bell and marks it read', async (t) => {
  const env = ready(t);
  if (!env || !server) return;
  const { platform } = server;
  const [leader] = await platform.database.query<{ id: string }>("select id from users where username = 'leader'");
  await platform.notifier.notify(platform.db, {
    userIds: [leader.id],
    organizationId: null,
    kind: 'deadline.escalation',
    title: '超期督办',
    body: '已超过 2026-11-20 的办理期限（测试）',
  });
  await withPage(env.browser, 'admin-6-notifications', {}, async (page, shot) => {
    await signIn(page, env.baseUrl, 'leader');
    const bell = page.getByTestId('notification-bell');
    await page.locator('[data-testid="notification-bell"] .ant-badge-count').waitFor();
    assert.match((await bell.textContent()) ?? '', /1/);
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.getByText('已超过 2026-11-20 的办理期限（测试）').waitFor();
    await settled(page);
    await shot('open');
    await page.getByTestId('notifications-read-all').click();
    await page.locator('[data-testid="notification-bell"] .ant-badge-count').waitFor({ state: 'detached' });
  });
});
