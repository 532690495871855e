// 线索审批链设置 through the staff console: the administrator of the city sets the city ledger's chain for county-managed
// cadres, sees a county's ledger inherit it, and makes the city's ledger inherit the built-in chain again.
// Needs the built console: `npm run build:web` first. Screenshots land in test-output/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleSuite, frame, pick, settled, signIn, withPage } from './harness.ts';

const suite = consoleSuite();

test('the administrator sets a ledger’s approval chain, a county ledger inherits it, and it is reset', async (t) => {
  const { browser, server } = suite;
  if (!browser || !server) {
    t.skip('chromium not installed');
    return;
  }
  const { baseUrl } = server;
  await withPage(browser, 'clue-settings', {}, async (page, shot) => {
    await signIn(page, baseUrl, 'admin');
    await page.getByTestId('menu-clueSettings').click();
    const steps = page.getByTestId('clue-approval-steps-county_managed');
    await steps.getByText('承办部门负责人').waitFor();
    const row = page.getByTestId('clue-approval-rules').locator('tr', { has: steps });
    await row.getByText('内置规则').waitFor();

    // Only the leader in charge signs for county-managed cadres in the city's ledger.
    await page.getByTestId('clue-approval-edit-county_managed').click();
    // (The modal's root element is not what shows: its submit button is.)
    const submit = page.getByTestId('clue-approval-modal-submit');
    await submit.waitFor();
    await settled(page);
    await page.getByTestId('clue-approval-step-office_head').click();
    await submit.click();
    await submit.waitFor({ state: 'hidden' });
    await row.getByText('本单位设置').waitFor();
    assert.equal((await steps.textContent())?.includes('承办部门负责人'), false, 'the office head no longer signs');
    await frame(page, shot, '1-city-set');

    // The county commission's ledger uses the city's chain until it sets its own.
    await pick(page, 'clue-approval-ledger', '临溪', '.ant-select-item-option[title="临溪县纪委监委"]', '临溪县纪委监委');
    await page.getByTestId('clue-approval-rules').locator('tr', { has: page.getByTestId('clue-approval-steps-county_managed') }).getByText('沿用清源市纪委监委').waitFor();
    assert.equal((await page.getByTestId('clue-approval-steps-county_managed').textContent())?.includes('承办部门负责人'), false);
    await frame(page, shot, '2-county-inherits');

    // Back on the city's ledger, the chain is dropped after a confirmation: the built-in one applies again.
    await pick(page, 'clue-approval-ledger', '清源', '.ant-select-item-option[title="清源市纪委监委"]', '清源市纪委监委');
    await page.getByTestId('clue-approval-reset-county_managed').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复沿用' }).click();
    await page.getByTestId('clue-approval-rules').locator('tr', { has: page.getByTestId('clue-approval-steps-county_managed') }).getByText('内置规则').waitFor();
    await page.getByTestId('clue-approval-steps-county_managed').getByText('承办部门负责人').waitFor();
  });
});
