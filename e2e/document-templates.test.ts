// 文书模板 through the staff console: the administrator rewords the filing decision with a placeholder, sees the
// preview follow, saves it, sees a county below inherit it, finds it again after a reload, and restores the built-in
// wording.
// Needs the built console: `npm run build:web` first. Screenshots land in test-output/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleSuite, frame, pick, settled, signIn, withPage } from './harness.ts';

// The built-in first paragraph (apps/api/src/platform/documents/document-templates.ts).
const builtInFirst = '经审批，决定对{单位职务}{被审查调查人}涉嫌违纪违法问题立案审查调查（立案编号{立案编号}）。';
const opening = '经审批，决定对';
const closing = '涉嫌违纪违法问题立案审查调查。';

const suite = consoleSuite();

test('the administrator rewords the filing decision with a placeholder, saves it and restores the default', async (t) => {
  const { browser, server } = suite;
  if (!browser || !server) {
    t.skip('chromium not installed');
    return;
  }
  const baseUrl = server.baseUrl;
  await withPage(browser, 'document-templates', {}, async (page, shot) => {
    await signIn(page, baseUrl, 'admin');
    await page.getByTestId('menu-documentTemplates').click();
    await page.getByTestId('page-title').getByText('文书模板', { exact: true }).waitFor();

    await page.getByTestId('doc-template-tab-filing_decision').click();
    const editor = page.getByTestId('doc-template-filing_decision');
    await editor.getByTestId('doc-template-built-in').waitFor();
    const first = editor.getByTestId('doc-template-paragraph-0');
    assert.equal(await first.inputValue(), builtInFirst);

    // New wording, then the name inserted from the palette where the cursor stands (after 决定对).
    await first.fill(`${opening}${closing}`);
    await first.press('Home');
    for (let i = 0; i < opening.length; i++) await first.press('ArrowRight');
    await editor.getByTestId('doc-template-placeholder-被审查调查人').click();
    const wording = `${opening}{被审查调查人}${closing}`;
    assert.equal(await first.inputValue(), wording);
    // The preview fills it with the sample name.
    await editor.getByTestId('doc-template-preview-paragraph-0').getByText('张某').waitFor();
    assert.equal(await editor.getByTestId('doc-template-preview-paragraph-0').textContent(), `${opening}张某${closing}`);

    // A placeholder the kind does not know is refused before anything is sent.
    const recipient = editor.getByTestId('doc-template-recipient');
    await recipient.fill('{未知}同志');
    await editor.getByText('未知占位符 {未知}', { exact: false }).waitFor();
    await recipient.fill('');
    await editor.getByText('未知占位符 {未知}', { exact: false }).waitFor({ state: 'detached' });
    await frame(page, shot, '1-edited');

    await editor.getByTestId('doc-template-save').click();
    await editor.getByTestId('doc-template-configured').waitFor();
    assert.match((await editor.getByTestId('doc-template-origin').textContent()) ?? '', /第 1 版/);
    assert.equal(await editor.getByTestId('doc-template-paragraph-0').inputValue(), wording);
    await frame(page, shot, '2-saved');

    // The county commission below the city inherits the city's wording until it sets its own.
    await pick(page, 'doc-template-body', '临溪', '.ant-select-item-option[title="临溪县纪委监委"]', '临溪县纪委监委');
    const county = page.getByTestId('doc-template-filing_decision');
    await county.getByTestId('doc-template-inherited').waitFor();
    assert.match((await county.getByTestId('doc-template-origin').textContent()) ?? '', /清源市纪委监委/);
    assert.equal(await county.getByTestId('doc-template-paragraph-0').inputValue(), wording);
    await frame(page, shot, '2b-county-inherits');
    await pick(page, 'doc-template-body', '清源', '.ant-select-item-option[title="清源市纪委监委"]', '清源市纪委监委');
    await page.getByTestId('doc-template-filing_decision').getByTestId('doc-template-configured').waitFor();

    // After a reload the page opens on the same kind (?kind=…) with the saved wording.
    await page.reload();
    const reloaded = page.getByTestId('doc-template-filing_decision');
    await reloaded.getByTestId('doc-template-configured').waitFor();
    assert.equal(await reloaded.getByTestId('doc-template-paragraph-0').inputValue(), wording);
    assert.equal(await reloaded.getByTestId('doc-template-preview-paragraph-0').textContent(), `${opening}张某${closing}`);

    // Restoring the default asks first: it discards the configured wording.
    await reloaded.getByTestId('doc-template-reset').click();
    const confirm = page.getByTestId('doc-template-reset-confirm');
    await confirm.waitFor();
    await frame(page, shot, '3-reset-confirm');
    await settled(page);
    await confirm.click();
    await reloaded.getByTestId('doc-template-built-in').waitFor();
    assert.equal(await reloaded.getByTestId('doc-template-paragraph-0').inputValue(), builtInFirst);
    await frame(page, shot, '4-reset');
  });
});
