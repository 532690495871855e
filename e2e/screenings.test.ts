// 集中排查 through the staff console: a leader names the reviewer of a clue in a screening batch by searching the
// officers on the server (the picker is not limited to the first page of accounts), and the named reviewer stays
// labelled after the batch reloads.
// Needs the built console: `npm run build:web` first. Screenshots land in test-output/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleSuite, frame, pick, signIn, withPage } from './harness.ts';

const suite = consoleSuite();

/** Calls the API as the signed-in user of the page (its session cookie and CSRF token). */
async function api(page: Page, baseUrl: string, method: 'GET' | 'POST', url: string, data?: unknown) {
  const session = await (await page.request.get(`${baseUrl}/api/auth/session`)).json();
  const response = await page.request.fetch(`${baseUrl}${url}`, { method, data, headers: { 'X-CSRF-Token': session.csrfToken } });
  assert.ok(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`);
  return response.json();
}

test('a leader names the reviewer of a screened clue by searching the officers', async (t) => {
  const { browser, server } = suite;
  if (!browser || !server) {
    t.skip('chromium not installed');
    return;
  }
  const { baseUrl } = server;
  const clueIds: string[] = [];
  await withPage(browser, 'screenings-a-clues', {}, async (page) => {
    await signIn(page, baseUrl, 'casemgr');
    for (const name of ['钱某某']) {
      const clue = await api(page, baseUrl, 'POST', '/api/clues', {
        source: 'inspection',
        title: `${name}违规发放津补贴`,
        allegations: `巡察发现${name}所在单位违规发放津补贴，涉及金额较大。`,
        concernedName: name,
        concernedPost: '局长',
        concernedUnit: '清源市某局',
      });
      clueIds.push(clue.id);
    }
  });

  await withPage(browser, 'screenings-b-reviewer', {}, async (page, shot) => {
    await signIn(page, baseUrl, 'leader');
    const screening = await api(page, baseUrl, 'POST', '/api/clue-screenings', { title: '2026年第四季度集中排查', clueIds });
    await page.goto(`${baseUrl}/admin/clue-screenings/${screening.id}`);
    // Typing asks the server for the officers matching it, rather than filtering the first page of accounts.
    const searched = page.waitForRequest((request) => request.url().includes('/api/users?') && new URL(request.url()).searchParams.get('search') === '陈明');
    await pick(page, 'screening-reviewer', '陈明', '.ant-select-item-option[title^="陈明"]', '陈明');
    await searched;
    await page.getByTestId('screening-reviewer').filter({ hasText: '陈明' }).waitFor();
    await frame(page, shot, '1-reviewer-named');

    const saved = await api(page, baseUrl, 'GET', `/api/clue-screenings/${screening.id}`);
    assert.deepEqual(
      saved.items.map((item: { reviewerName: string | null }) => item.reviewerName).filter(Boolean),
      ['陈明'],
      'the clue now has its reviewer',
    );
    // After a reload the picker has searched nothing yet; the reviewer is still shown by name, not by id.
    await page.reload();
    await page.getByTestId('screening-reviewer').filter({ hasText: '陈明' }).waitFor();
  });
});
