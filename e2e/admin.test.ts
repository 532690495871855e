// Staff console (apps/admin) in a real browser against the whole platform with the demo city.
// Needs the built console: `npm run build:web` (or `npm run -w @guantong/admin build`) first.
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, pick, settled, signIn, startServer, withPage } from './harness.ts';

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
    // The UI switches at once; the cookie arrives with the answer to the preference request, so wait for it.
    const localeCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name === 'gt_locale')?.value;
    for (let waited = 0; (await localeCookie()) !== 'en' && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    assert.equal(await localeCookie(), 'en');
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

/** A report registered through the API with the page's own session (faster than the form, for scenarios about later steps). */
async function registerThroughApi(page: Page, body: Record<string, unknown>): Promise<{ id: string; status: string }> {
  return page.evaluate(async (payload) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/petitions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify(payload),
    });
    const answer = (await response.json()) as { id: string; status: string; message?: string };
    if (!response.ok) throw new Error(`register failed: ${response.status} ${JSON.stringify(answer)}`);
    return { id: answer.id, status: answer.status };
  }, body);
}

test('intake registers a phone report with a real-name reporter, finds it by a Chinese word and opens it', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-7-petition-register', {}, async (page, shot) => {
    const title = `来电反映财政所会计挪用资金 ${Date.now().toString(36)}`;
    await signIn(page, env.baseUrl, 'intake');
    await page.getByTestId('menu-petitions').click();
    await page.getByTestId('petition-table').waitFor();
    await page.getByTestId('register-petition').click();

    await page.getByTestId('reg-channel-phone').click();
    await page.getByTestId('reg-title').fill(title);
    await page.getByTestId('reg-content').fill('来电人反映：白沙乡财政所会计周某某挪用扶贫专项资金二十余万元用于个人炒股，至今未归还，群众意见很大。');
    await page.getByTestId('reg-concerned-name').fill('周某某');
    await page.getByTestId('reg-concerned-post').fill('会计');
    await page.getByTestId('reg-concerned-unit').fill('白沙乡财政所');
    await page.getByTestId('reg-real-name').click();
    await page.getByTestId('reg-reporter-name').fill('张晓明');
    await page.getByTestId('reg-reporter-phone').fill('13812345678');
    await settled(page);
    await shot('form');
    await page.getByTestId('reg-submit').click();

    // Straight to the record: registered by staff, it waits for a proposal; the reporter is sealed.
    const status = page.getByTestId('petition-status');
    await status.getByText('待拟办', { exact: true }).waitFor();
    assert.match(page.url(), /\/admin\/petitions\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    assert.equal(await page.getByTestId('page-title').textContent(), title);
    assert.match((await page.getByTestId('petition-reporter-label').textContent()) ?? '', /实名/);
    assert.match((await page.getByTestId('petition-serial').textContent()) ?? '', /\S/);
    // The server offers the proposal to the intake officer: exactly that button is there.
    await page.getByTestId('petition-action-propose').waitFor();
    await page.getByTestId('reveal-identity').waitFor();
    await settled(page);
    await shot('detail');

    // In the queue, full-text search on a word of the content (segmented Chinese) finds it.
    await page.getByTestId('menu-petitions').click();
    await page.getByTestId('petition-table').waitFor();
    await page.getByTestId('petition-search').locator('input').fill('炒股');
    await page.getByTestId('petition-search').locator('input').press('Enter');
    await page.waitForURL(/[?&]q=%E7%82%92%E8%82%A1/);
    const row = page.locator('[data-testid="petition-table"] tr', { hasText: title });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /待拟办/);
    await settled(page);
    await shot('search');
    await row.getByTestId('petition-row-link').click();
    await page.getByTestId('petition-status').waitFor();
    assert.equal(page.url(), detailUrl);
  });
});

test('intake proposes assigning a report to a county, the leader approves, and the sender sees the receiving record', async (t) => {
  const env = ready(t);
  if (!env) return;
  let detailPath = '';
  await withPage(env.browser, 'admin-8-petition-approve', {}, async (page, shot) => {
    await signIn(page, env.baseUrl, 'intake');
    const petition = await registerThroughApi(page, {
      channel: 'letter',
      submissionType: 'accusation',
      title: '反映临溪县溪口镇干部违规发放补贴',
      content: '来信反映溪口镇农业服务中心主任刘某某违规向亲属发放农机购置补贴，请予核查。',
      concernedName: '刘某某',
      concernedUnit: '溪口镇农业服务中心',
      anonymous: true,
    });
    assert.equal(petition.status, 'registered');
    detailPath = `/admin/petitions/${petition.id}`;
    await page.goto(`${env.baseUrl}${detailPath}`);

    await page.getByTestId('petition-action-propose').click();
    await page.getByTestId('propose-mode-assign_with_report').click();
    await pick(page, 'propose-target', '临溪', '.ant-select-item-option[title="临溪县纪委监委"]', '临溪县纪委监委');
    await page.getByTestId('propose-opinion').fill('建议交临溪县纪委监委核查，限期报送办理结果。');
    await settled(page);
    await shot('propose');
    await page.getByTestId('propose-modal-submit').click();
    await page.getByTestId('petition-status').getByText('拟办待批', { exact: true }).waitFor();
    assert.match((await page.getByTestId('proposal-targets').textContent()) ?? '', /临溪县纪委监委/);
    // Approving is a leader's decision: the intake officer is offered nothing now.
    assert.equal(await page.getByTestId('petition-actions').count(), 0);
  });

  await withPage(env.browser, 'admin-8-petition-approve-leader', {}, async (page, shot) => {
    await signIn(page, env.baseUrl, 'leader');
    await page.goto(`${env.baseUrl}${detailPath}`);
    // The pending proposal is shown prominently, with exactly the approval that carries it out.
    const proposal = page.getByTestId('petition-proposal');
    await proposal.waitFor();
    assert.match((await proposal.textContent()) ?? '', /交办/);
    const approve = page.getByTestId('petition-action-approveAssignment');
    await approve.waitFor();
    await settled(page);
    await shot('before');
    await approve.click();
    await page.getByTestId('action-modal-submit').click();

    await page.getByTestId('petition-status').getByText('待反馈结果', { exact: true }).waitFor();
    const transfers = page.getByTestId('petition-transfers-out');
    await transfers.waitFor();
    // The county commission's intake office takes transferred items in, as it takes reports from the portal.
    assert.match((await transfers.getByTestId('transfer-body').textContent()) ?? '', /^临溪县纪委监委/);
    // The sender sees the state of the county's own record: it waits for acknowledgement.
    assert.match((await transfers.getByTestId('transfer-receiving-status').textContent()) ?? '', /待签收/);
    assert.match((await transfers.getByTestId('transfer-status').textContent()) ?? '', /待签收/);
    await settled(page);
    await shot('after');
  });
});

test('admin creates a QR intake point and its PNG download answers an image', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'admin-9-intake-point', {}, async (page, shot) => {
    const placeName = `溪口镇便民服务中心 ${Date.now().toString(36)}`;
    await signIn(page, env.baseUrl, 'admin');
    // Administrators configure the module but do not read reports.
    assert.equal(await page.getByTestId('menu-petitions').count(), 0);
    await page.getByTestId('menu-petitionSettings').click();
    await page.getByTestId('settings-tab-intake-points').click();
    await page.getByTestId('intake-table').waitFor();

    await page.getByTestId('intake-create').click();
    await pick(page, 'intake-organization', '溪口镇', '.ant-select-tree-node-content-wrapper[title="溪口镇纪委"]', '溪口镇纪委');
    await page.getByTestId('intake-place').fill(placeName);
    await settled(page);
    await shot('form');
    await page.getByTestId('intake-modal-submit').click();
    await page.getByTestId('intake-modal').waitFor({ state: 'hidden' });

    const row = page.locator('[data-testid="intake-table"] tr', { hasText: placeName });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /溪口镇纪委/);
    const url = (await row.locator('[data-testid^="intake-url-"]').textContent()) ?? '';
    assert.match(url, /^https?:\/\//);
    await settled(page);
    await shot('list');

    // The download link answers the QR code as a PNG, with the session of the page.
    const href = await row.locator('[data-testid^="intake-qr-png-"]').getAttribute('href');
    assert.ok(href, 'the PNG button links to the image');
    const response = await page.request.get(`${env.baseUrl}${href}`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'image/png');
    const bytes = await response.body();
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});
