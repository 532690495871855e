import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, withPage } from './harness.ts';

const portalIndex = path.resolve(import.meta.dirname, '../apps/portal/dist/index.html');
const phone = { width: 375, height: 812 };

let server: Awaited<ReturnType<typeof startServer>> | null = null;
let browser: Browser | null = null;

before(async (t) => {
  if (!fs.existsSync(portalIndex)) {
    throw new Error(`apps/portal/dist/index.html is missing: run \`npm run build:web\` (or \`npm run -w @guantong/portal build\`) first`);
  }
  server = await startServer();
  browser = await launchBrowser(t);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function ready(t: { skip(message?: string): void }): { browser: Browser; baseUrl: string } | null {
  if (!browser || !server) {
    t.skip('chromium not available');
    return null;
  }
  return { browser, baseUrl: server.baseUrl };
}

const zhEntries = ['我要举报', '进度查询', '村务公开', '举报须知'];
const enEntries = ['Report a problem', 'Track my report', 'Village affairs', 'Before you report'];

function entry(page: Page, label: string) {
  return page.getByRole('navigation', { name: /主要服务|Services/ }).getByRole('link', { name: label });
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test('home at 375x812: four large entry points, no horizontal overflow', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'portal', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    await page.goto(`${env.baseUrl}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (const label of zhEntries) {
      const link = entry(page, label);
      await link.waitFor();
      const box = await link.boundingBox();
      assert.ok(box, `${label} has a box`);
      assert.ok(box.height >= 48, `${label} is ${box.height}px tall, needs >= 48`);
      assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `${label} fits the screen`);
    }
    assert.ok((await scrollWidth(page)) <= phone.width, 'no horizontal scrolling at 375px');
    // Landmarks, the language switch and the footer notes are there.
    await page.getByRole('banner').waitFor();
    await page.getByRole('contentinfo').getByText('12388', { exact: false }).waitFor();
    await page.getByText('匿名举报不记录IP地址和设备信息').waitFor();
    await page.getByRole('button', { name: 'English' }).waitFor();
    // The health check answered: no outage banner.
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByTestId('health-banner').count(), 0);
    await shot('home-375');
  });
});

test('home has no horizontal overflow at 320 and 414 px', async (t) => {
  const env = ready(t);
  if (!env) return;
  for (const width of [320, 414]) {
    await withPage(env.browser, `portal-${width}`, { viewport: { width, height: 800 }, locale: 'en-US' }, async (page) => {
      await page.goto(`${env.baseUrl}/guide`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.ok((await scrollWidth(page)) <= width, `no horizontal scrolling on the guide at ${width}px (en)`);
      await page.goto(`${env.baseUrl}/`);
      await entry(page, enEntries[0]).waitFor();
      assert.ok((await scrollWidth(page)) <= width, `no horizontal scrolling on home at ${width}px (en)`);
      await page.goto(`${env.baseUrl}/report`);
      await page.getByTestId('report-form').waitFor();
      await page.getByRole('radio', { name: /Under my name/ }).check();
      await page.getByTestId('report-next').click();
      await page.getByTestId('error-summary').waitFor();
      assert.ok((await scrollWidth(page)) <= width, `no horizontal scrolling on the report form with errors at ${width}px (en)`);
      await page.goto(`${env.baseUrl}/track`);
      await page.getByTestId('track-form').waitFor();
      assert.ok((await scrollWidth(page)) <= width, `no horizontal scrolling on the track page at ${width}px (en)`);
    });
  }
  await withPage(env.browser, 'portal-desktop', { viewport: { width: 1366, height: 860 }, locale: 'zh-CN' }, async (page, shot) => {
    await page.goto(`${env.baseUrl}/`);
    const main = page.getByRole('main');
    await entry(page, zhEntries[0]).waitFor();
    const box = await main.boundingBox();
    assert.ok(box && box.width <= 720, `content sits in a narrow column (${box?.width}px)`);
    assert.ok(box && Math.abs(box.x + box.width / 2 - 683) <= 2, 'the column is centred');
    await shot('home-1366');
  });
});

test('language toggle switches to English and survives a reload', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'portal-lang', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    await page.goto(`${env.baseUrl}/`);
    await entry(page, zhEntries[0]).waitFor();
    const toEnglish = page.getByRole('button', { name: 'English' });
    assert.equal(await toEnglish.getAttribute('aria-pressed'), 'false');
    await toEnglish.focus();
    await page.keyboard.press('Enter'); // a real, keyboard-operable button
    for (const label of enEntries) await entry(page, label).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await toEnglish.getAttribute('aria-pressed'), 'true');
    await page.getByText('Anonymous reports store no IP address or device fingerprint', { exact: false }).waitFor();

    await page.reload();
    for (const label of enEntries) await entry(page, label).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const cookies = await page.context().cookies();
    assert.equal(cookies.find((cookie) => cookie.name === 'gt_locale')?.value, 'en');
    await shot('home-en');

    await page.getByRole('button', { name: '中文' }).click();
    await entry(page, zhEntries[0]).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  });
});

test('QR parameters preset the receiving body and place', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'portal-preset', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    await page.goto(`${env.baseUrl}/?org=abc&place=${encodeURIComponent('溪口村村委会')}`);
    const preset = page.getByTestId('preset');
    await preset.getByText('溪口村村委会').waitFor();
    await preset.getByText('受理单位已预设').waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('gt_portal_preset'));
    assert.deepEqual(JSON.parse(stored ?? 'null'), { org: 'abc', place: '溪口村村委会', point: null });
    await shot('home-preset');

    // Kept for the session: still there after visiting another page and reloading without the query.
    await entry(page, '举报须知').click();
    await page.getByRole('heading', { level: 1, name: '举报须知' }).waitFor();
    await page.goto(`${env.baseUrl}/`);
    await preset.getByText('溪口村村委会').waitFor();

    await preset.getByRole('button', { name: '清除' }).click();
    assert.equal(await page.getByTestId('preset').count(), 0);
  });
});

test('guide lists the six disciplines; the report page is reached by tapping', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'portal-pages', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    await page.goto(`${env.baseUrl}/guide`);
    await page.getByRole('heading', { level: 1, name: '举报须知' }).waitFor();
    const disciplines = page.getByRole('list', { name: '六项纪律' }).getByRole('listitem');
    assert.equal(await disciplines.count(), 6);
    const texts = (await disciplines.allInnerTexts()).join('\n');
    for (const name of ['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律']) assert.ok(texts.includes(name), `${name} listed`);
    await page.getByText('诬告陷害', { exact: false }).first().waitFor();
    await shot('guide');

    await page.goto(`${env.baseUrl}/`);
    await entry(page, '我要举报').click();
    await page.waitForURL(`${env.baseUrl}/report`);
    await page.getByRole('heading', { level: 1, name: '我要举报' }).waitFor();
    await page.getByTestId('report-form').waitFor();
    assert.equal(await page.getByText('此功能即将开放').count(), 0, 'the report page is no longer a placeholder');
    // Focus moved to the new page's heading after client-side navigation (the page loads on demand).
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await shot('report');

    await page.getByRole('link', { name: '返回首页' }).click();
    await entry(page, '进度查询').waitFor();

    // Direct loads of other pages work through the SPA fallback.
    await page.goto(`${env.baseUrl}/village-affairs`);
    await page.getByText('此功能即将开放').waitFor();
    await page.goto(`${env.baseUrl}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
  });
});

test('a failing health check shows a non-blocking banner', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'portal-down', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    await page.route('**/api/health', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"INTERNAL_ERROR","message":"down"}' }));
    await page.goto(`${env.baseUrl}/`);
    await page.getByTestId('health-banner').getByText('服务暂时不可用，请稍后再试').waitFor();
    await shot('health-down');
    // Still usable: the guide opens.
    await entry(page, '举报须知').click();
    await page.getByRole('heading', { level: 1, name: '举报须知' }).waitFor();
    // Retry once the service is back clears it.
    await page.unroute('**/api/health');
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByTestId('health-banner').waitFor({ state: 'detached' });
  });
});

// ---- Reports: submit, receipt, track ----

// The smallest valid PNG (1×1 pixel): the server checks the type by content, so it must be a real one.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const DEMO_PASSWORD = 'Guantong@2026';

interface IntakeOptionsBody {
  receivingBodies: { id: string; name: string; parentId: string | null }[];
}

async function intakeOptions(baseUrl: string): Promise<IntakeOptionsBody> {
  const response = await fetch(`${baseUrl}/api/public/intake-options`);
  assert.equal(response.status, 200, `intake-options answers ${response.status}`);
  return (await response.json()) as IntakeOptionsBody;
}

/** Signs a demo account in through the API; the client sends its session cookie and CSRF token. */
async function staffClient(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200, `login ${username}: ${login.status}`);
  const session = ((await login.json()) as { session: { csrfToken: string } }).session;
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .filter((pair) => pair.startsWith('gt_session='))
    .join('; ');
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, text };
  };
  return { get: (url: string) => call('GET', url), post: (url: string, body?: unknown) => call('POST', url, body) };
}

interface SentForm {
  payload: Record<string, unknown>;
  files: { name: string; type: string; size: number }[];
}

/**
 * Records what the page sends to the submission endpoint: the number of requests on the wire, and the multipart
 * fields as the page built them (the browser does not expose a multipart body with files to the test).
 */
async function watchSubmissions(page: Page) {
  let requests = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/public/petitions') requests += 1;
  });
  await page.addInitScript(() => {
    const forms: unknown[] = [];
    (window as unknown as { __sentForms: unknown[] }).__sentForms = forms;
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) {
        forms.push({
          fieldOrder: [...body.keys()],
          payload: JSON.parse(String(body.get('payload'))),
          files: body.getAll('files').map((file) => ({ name: (file as File).name, type: (file as File).type, size: (file as File).size })),
        });
      }
      return send.call(this, body);
    };
  });
  return {
    count: () => requests,
    forms: () => page.evaluate(() => (window as unknown as { __sentForms: (SentForm & { fieldOrder: string[] })[] }).__sentForms),
  };
}

test('a citizen reports anonymously with a photo on a phone, saves the receipt and tracks the report', async (t) => {
  const env = ready(t);
  if (!env) return;
  const options = await intakeOptions(env.baseUrl);
  const body = options.receivingBodies.find((candidate) => candidate.name === '临溪县纪委监委') ?? options.receivingBodies[0];
  assert.ok(body, 'there is a receiving body to choose');

  await withPage(env.browser, 'portal-report', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    const sent = await watchSubmissions(page);
    await page.goto(`${env.baseUrl}/`);
    await entry(page, '我要举报').click();
    await page.getByTestId('report-form').waitFor();

    await page.getByLabel('受理单位').selectOption(body.id);
    await page.getByRole('radio', { name: /检举控告/ }).check();
    // A category with extra questions shows them.
    await page.getByLabel('问题类别').selectOption({ label: '惠民补贴 / 低保' });
    await page.getByLabel('补贴类型').selectOption({ label: '低保' });
    await page.getByRole('group', { name: /本人是否为受影响人/ }).getByRole('radio', { name: '否' }).check();
    await page.getByLabel('标题').fill('村干部违规发放补贴');
    await page.getByLabel('具体内容').fill('2025年以来，某村干部将低保补贴发给自己的亲属，涉及金额约两万元，村民多次反映未果。');
    await page.getByLabel('发生时间').fill('2025年3月至今');
    await page.getByLabel('姓名或名称').fill('张某');
    await page.getByTestId('file-input').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: tinyPng });
    const files = page.getByTestId('file-list').getByRole('listitem');
    assert.equal(await files.count(), 1);
    assert.match((await files.first().innerText()) ?? '', /现场照片\.png[\s\S]*\d+ B/);
    await page.getByRole('radio', { name: /匿名举报/ }).check();
    await page.getByText('不记录您的IP地址和设备信息', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('reporter-fields').count(), 0, 'no identity fields when anonymous');
    assert.ok((await scrollWidth(page)) <= phone.width, 'the form fits 375px');
    await shot('1-form');

    await page.getByTestId('report-next').click();
    const confirm = page.getByTestId('report-confirm');
    await confirm.waitFor();
    await confirm.getByText(body.name).waitFor();
    await confirm.getByText('匿名（不留个人信息）').waitFor();
    await confirm.getByText('现场照片.png').waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, 'the summary fits 375px');
    await shot('2-confirm');

    // Two quick taps send one report.
    await page.getByTestId('report-submit').dblclick();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 30_000 });
    assert.equal(sent.count(), 1, 'exactly one submission');
    const [form] = await sent.forms();
    assert.deepEqual(form.fieldOrder, ['payload', 'files'], 'the payload part comes first, then the files');
    assert.deepEqual(form.files, [{ name: '现场照片.png', type: 'image/png', size: tinyPng.length }]);
    const payload = form.payload;
    assert.equal(payload.anonymous, true);
    assert.equal(payload.reporter, null, 'nothing about the person is sent');
    assert.equal(payload.receivingOrganizationId, body.id);
    assert.equal(payload.categoryKey, 'welfare_subsidy');
    assert.deepEqual(payload.extraAnswers, { subsidyType: '低保', selfAffected: false });
    assert.equal(typeof payload.challenge, 'string');
    const challenge = JSON.parse(Buffer.from(String(payload.challenge), 'base64').toString('utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(challenge).sort(), ['algorithm', 'challenge', 'number', 'salt', 'signature']);

    const code = (await page.getByTestId('receipt-code').innerText()).trim();
    const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
    assert.match(code, /^[A-Z0-9-]{6,20}$/);
    assert.ok(secret.length >= 6, 'a secret is shown');
    await receipt.getByText('您选择了匿名举报', { exact: false }).waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, 'the receipt fits 375px');
    await shot('3-receipt');

    // Leaving before ticking "saved" is held back (the link is marked aria-disabled; a tap still lands on it).
    await page.getByTestId('receipt-track').click({ force: true });
    await page.getByText('请先保存，并勾选“我已保存”。').waitFor();
    assert.equal(new URL(page.url()).pathname, '/report');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载为文本文件' }).click();
    const saved = await download;
    const text = fs.readFileSync((await saved.path()) ?? '', 'utf8');
    assert.ok(text.includes(code) && text.includes(secret), 'the text file holds the code and the secret');
    await page.getByLabel('我已保存受理编号和查询码').check();
    await shot('4-saved');
    await page.getByTestId('receipt-track').click();

    // The track page has the code from the address, never the secret.
    await page.waitForURL(/\/track\?code=/);
    assert.ok(!page.url().includes(secret), 'the secret is not in the address');
    await page.getByTestId('track-form').waitFor();
    const codeInput = page.getByRole('textbox', { name: /^受理编号/ });
    const secretInput = page.getByRole('textbox', { name: /^查询码/ });
    assert.equal(await codeInput.inputValue(), code);
    assert.equal(await secretInput.inputValue(), '');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(secret), 'the secret is not stored in the browser');

    // A wrong secret is refused in plain words.
    await secretInput.fill('WRONG-WRONG-1');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-error').getByText('受理编号或查询码不正确').waitFor();

    await secretInput.fill(secret);
    await page.getByTestId('track-submit').click();
    const stage = page.getByTestId('track-stage');
    await stage.waitFor();
    assert.equal(await stage.getAttribute('data-stage'), 'received');
    await page.getByText('您的举报已提交，正在等待工作人员登记受理。').waitFor();
    await page.getByRole('heading', { name: '村干部违规发放补贴' }).waitFor();
    assert.ok((await page.getByTestId('track-body').innerText()).length > 0, 'the handling body is named');
    await page.getByTestId('timeline').getByRole('listitem').first().waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, 'the progress view fits 375px');
    await shot('5-track');

    // Adding information while the report is open.
    await page.getByLabel('补充新情况').fill('补充：另有两名村民可以作证。');
    await page.getByRole('button', { name: '提交补充' }).click();
    await page.getByText('补充情况已提交。').waitFor();
    await page.getByText('补充：另有两名村民可以作证。').waitFor();
    await shot('6-supplement');
  });

  // The attachment arrived with the report, typed by its bytes.
  const intake = await staffClient(env.baseUrl, 'lx.intake');
  const list = await intake.get(`/api/petitions?q=${encodeURIComponent('低保补贴')}`);
  assert.equal(list.status, 200, list.text);
  const items = (list.body as { items: { id: string; title: string; anonymous: boolean }[] }).items;
  const found = items.find((item) => item.title === '村干部违规发放补贴');
  assert.ok(found, `the county intake office sees the report: ${list.text}`);
  assert.equal(found.anonymous, true);
  const detail = await intake.get(`/api/petitions/${found.id}`);
  const attachments = (detail.body as { attachments: { mimeType: string }[] }).attachments;
  assert.deepEqual(
    attachments.map((attachment) => attachment.mimeType),
    ['image/png'],
  );
});

test('a QR code of an intake point presets the receiving body and the place', async (t) => {
  const env = ready(t);
  if (!env) return;
  const options = await intakeOptions(env.baseUrl);
  const body = options.receivingBodies.find((candidate) => candidate.name === '溪口镇纪委') ?? options.receivingBodies[1];
  const admin = await staffClient(env.baseUrl, 'admin');
  const created = await admin.post('/api/intake-points', { organizationId: body.id, placeName: '溪口村村务公开栏' });
  assert.equal(created.status, 200, created.text);
  const point = created.body as { code: string; url: string };
  assert.match(point.url, /^http:\/\/[^/]+\/\?point=/);

  await withPage(env.browser, 'portal-qr', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    const sent = await watchSubmissions(page);
    // What the printed QR code opens, exactly.
    await page.goto(point.url.replace(/^https?:\/\/[^/]+/, env.baseUrl));
    const preset = page.getByTestId('preset');
    await preset.getByText(body.name).waitFor();
    await preset.getByText('溪口村村务公开栏').waitFor();
    assert.equal(new URL(page.url()).pathname, '/', 'the /portal prefix is dropped');
    assert.equal(new URL(page.url()).search, '', 'the code is kept for the session, not in the address');
    await shot('1-home');

    await entry(page, '我要举报').click();
    const presetBody = page.getByTestId('preset-body');
    await presetBody.getByText(body.name).waitFor();
    await presetBody.getByText('溪口村村务公开栏').waitFor();
    await presetBody.getByText('已根据您扫描的二维码选定').waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, 'the preset form fits 375px');
    await shot('2-form');

    // The body can still be changed; the list opens on the preset one.
    await presetBody.getByRole('button', { name: '更改' }).click();
    const select = page.getByLabel('受理单位');
    assert.equal(await select.inputValue(), body.id);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-receivingOrganizationId');
    await shot('3-change');

    // A real-name report from the QR code carries the point's code.
    await page.getByLabel('标题').fill('公开栏长期未更新村务');
    await page.getByLabel('具体内容').fill('村务公开栏半年没有更新财务收支情况，村民无法了解集体资金去向。');
    await page.getByRole('radio', { name: /实名举报/ }).check();
    await page.getByRole('textbox', { name: /^您的姓名/ }).fill('李明');
    await page.getByRole('textbox', { name: /^联系电话/ }).fill('13800001234');
    await page.getByTestId('report-next').click();
    await page.getByTestId('report-confirm').getByText('溪口村村务公开栏').waitFor();
    // The first answer says the human check expired: the page solves a fresh one and sends again by itself.
    let challenges = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/public/challenge') challenges += 1;
    });
    let refused = false;
    await page.route('**/api/public/petitions', async (route) => {
      if (refused) return route.continue();
      refused = true;
      return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ code: 'HUMAN_CHECK_FAILED', message: '人机验证未通过或已过期，请重新验证' }) });
    });
    await page.getByTestId('report-submit').click();
    await page.getByTestId('receipt').waitFor({ timeout: 30_000 });
    await page.getByText('您选择了实名举报', { exact: false }).waitFor();
    assert.equal(sent.count(), 2, 'sent again after the refused human check');
    assert.equal(challenges, 1, 'with a freshly fetched challenge');
    const [first, second] = await sent.forms();
    assert.notEqual(first.payload.challenge, second.payload.challenge);
    const { payload } = second;
    assert.equal(payload.intakePointCode, point.code);
    assert.deepEqual(payload.reporter, { name: '李明', phone: '13800001234' });
    assert.equal(payload.anonymous, false);
    await shot('4-receipt');
  });
});

test('an empty report shows what is missing in Chinese and sends nothing', async (t) => {
  const env = ready(t);
  if (!env) return;
  await withPage(env.browser, 'portal-validation', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    const sent = await watchSubmissions(page);
    await page.goto(`${env.baseUrl}/report`);
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('report-next').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    for (const message of ['请选择受理单位', '请填写标题', '请填写具体内容', '请选择实名举报或匿名举报']) {
      await summary.getByText(message).waitFor();
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'error-summary', 'focus moves to the list of problems');
    // Each problem is also shown at its field, and the field is marked invalid.
    assert.equal(await page.getByLabel('标题').getAttribute('aria-invalid'), 'true');
    assert.ok((await scrollWidth(page)) <= phone.width, 'the problems fit 375px');
    await shot('1-empty');

    // Limits match the server's: too short a description, too long a title, a wrong phone number.
    await page.getByLabel('标题').fill('标'.repeat(81));
    await page.getByLabel('具体内容').fill('太短了');
    await page.getByRole('radio', { name: /实名举报/ }).check();
    await page.getByRole('textbox', { name: /^联系电话/ }).fill('12345');
    await page.getByTestId('report-next').click();
    for (const message of ['标题不能超过80字', '具体内容至少需要10字', '请填写您的姓名', '请填写正确的手机号（11位）或固定电话（如 0571-12345678）']) {
      await summary.getByText(message).waitFor();
    }
    // Tapping a problem goes to its field.
    await summary.getByRole('link', { name: '具体内容至少需要10字' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-content');
    await shot('2-limits');

    // Required questions of a category are checked too.
    await page.getByLabel('问题类别').selectOption({ label: '农村“三资”管理' });
    await page.getByTestId('report-next').click();
    await summary.getByText('请填写涉及村（社区）').waitFor();

    // Fixing a field clears its message as the citizen types.
    await page.getByLabel('具体内容').fill('这是一段足够长的问题描述，超过十个字。');
    await summary.getByText('具体内容至少需要10字').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('report-confirm').count(), 0, 'still on the form');
    assert.equal(sent.count(), 0, 'nothing was sent');
    assert.deepEqual(await sent.forms(), []);
  });
});

test('the citizen reads the answer, rates it dissatisfied and is told a review has started', async (t) => {
  const env = ready(t);
  if (!env) return;
  const options = await intakeOptions(env.baseUrl);
  const body = options.receivingBodies.find((candidate) => candidate.name === '临溪县纪委监委');
  assert.ok(body, 'the county commission takes reports');

  // A report sent straight to the API, with the human check solved here as the browser would.
  const challenge = (await (await fetch(`${env.baseUrl}/api/public/challenge`)).json()) as { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string };
  const { solveChallenge } = await import('altcha-lib/v1');
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber ?? 1_000_000).promise;
  assert.ok(solution, 'the challenge is solvable');
  const form = new FormData();
  form.append(
    'payload',
    JSON.stringify({
      submissionType: 'accusation',
      title: '镇卫生院采购价格明显偏高',
      content: '镇卫生院去年采购的一批设备价格明显高于市场价，怀疑存在利益输送。',
      receivingOrganizationId: body.id,
      anonymous: true,
      challenge: Buffer.from(JSON.stringify({ ...challenge, maxnumber: undefined, number: solution.number })).toString('base64'),
    }),
  );
  const submitted = await fetch(`${env.baseUrl}/api/public/petitions`, { method: 'POST', body: form });
  assert.equal(submitted.status, 200, await submitted.clone().text());
  const receipt = (await submitted.json()) as { receiptCode: string; secret: string };

  // The county handles it: register, propose, approve, answer.
  const intake = await staffClient(env.baseUrl, 'lx.intake');
  const leader = await staffClient(env.baseUrl, 'lx.admin');
  const list = await intake.get(`/api/petitions?q=${encodeURIComponent('卫生院采购')}`);
  const id = (list.body as { items: { id: string; title: string }[] }).items.find((item) => item.title === '镇卫生院采购价格明显偏高')?.id;
  assert.ok(id, `the county intake office sees the report: ${list.text}`);
  for (const [client, url, payload] of [
    [intake, `/api/petitions/${id}/actions`, { action: 'register', expectedStatus: 'submitted' }],
    [intake, `/api/petitions/${id}/proposal`, { expectedStatus: 'registered', mode: 'direct', opinion: '由本委直接办理。' }],
    [leader, `/api/petitions/${id}/actions`, { action: 'approveDirect', expectedStatus: 'proposal_pending' }],
    [intake, `/api/petitions/${id}/answer`, { expectedStatus: 'handling', answer: '经核查，该批设备采购履行了招标程序，价格在合理范围内。' }],
  ] as const) {
    const response = await client.post(url, payload);
    assert.equal(response.status, 200, `${url} ${JSON.stringify(payload)}: ${response.text}`);
  }

  await withPage(env.browser, 'portal-rate', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
    await page.goto(`${env.baseUrl}/track?code=${receipt.receiptCode}`);
    await page.getByTestId('track-form').waitFor();
    await page.getByRole('textbox', { name: /^查询码/ }).fill(receipt.secret.toLowerCase());
    await page.getByRole('textbox', { name: /^查询码/ }).press('Enter');
    await page.getByTestId('track-stage').waitFor();
    assert.equal(await page.getByTestId('track-stage').getAttribute('data-stage'), 'answered');
    await page.getByText('经核查，该批设备采购履行了招标程序，价格在合理范围内。').waitFor();
    const rating = page.getByTestId('rating-form');
    await rating.waitFor();
    assert.ok((await scrollWidth(page)) <= phone.width, 'the answer and the rating form fit 375px');
    await shot('1-answer');

    await rating.getByRole('radio', { name: '不满意' }).check();
    await page.getByTestId('review-note').getByText('将启动复查', { exact: false }).waitFor();
    await rating.getByRole('textbox', { name: /^意见或理由/ }).fill('没有说明采购价格与市场价的对比。');
    await shot('2-dissatisfied');
    await rating.getByRole('button', { name: '提交评价' }).click();

    const given = page.getByTestId('rating-given');
    await given.getByText('不满意').waitFor();
    await given.getByText('没有说明采购价格与市场价的对比。').waitFor();
    await given.getByText('已根据您的评价启动复查', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('track-stage').getAttribute('data-stage'), 'under_review');
    assert.equal(await page.getByTestId('rating-form').count(), 0, 'rated once');
    await shot('3-review');
  });
});
