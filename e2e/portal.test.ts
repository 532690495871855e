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
    assert.deepEqual(JSON.parse(stored ?? 'null'), { org: 'abc', place: '溪口村村委会' });
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
    await page.getByText('此功能即将开放').waitFor();
    // Focus moved to the new page's heading after client-side navigation.
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
