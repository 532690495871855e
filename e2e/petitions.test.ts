// The whole life of one report, through both browser UIs (the end-to-end scenario):
// a citizen reports anonymously from a phone, the city commission registers, classifies and proposes assigning it
// to a township committee, a leader approves, the township acknowledges and answers, the citizen reads the answer
// and rates it dissatisfied, and the township record is back under review (复查中).
// Needs the built console and portal: `npm run build:web` first. Screenshots of every step land in test-output/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { frame, launchBrowser, pick, settled, signIn, startServer, withPage } from './harness.ts';

const builds = ['../apps/admin/dist/index.html', '../apps/portal/dist/index.html'].map((file) => path.resolve(import.meta.dirname, file));
const phone = { width: 375, height: 812 };

// The smallest valid PNG (1×1 pixel): the server checks the type by content, so it must be a real one.
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const report = {
  body: '清源市纪委监委',
  title: '溪口镇农业服务中心违规发放农机补贴',
  content: '溪口镇农业服务中心负责人刘某某2025年以来把农机购置补贴发给自己的亲属，没有农机的人也领到了补贴，村民多次反映没有结果。',
  concernedName: '刘某某',
  concernedUnit: '溪口镇农业服务中心',
  township: '溪口镇纪委',
  opinion: '该件反映溪口镇干部问题，建议交溪口镇纪委核查，限期报送办理结果。',
  answer: '经溪口镇纪委调查核实，您反映的农机购置补贴发放问题基本属实，已责令追回违规发放的补贴，并对相关责任人作出处理。',
  comment: '只说追回了补贴，没有说明对刘某某本人如何处理。',
};

let server: Awaited<ReturnType<typeof startServer>> | null = null;
let browser: Browser | null = null;
let photo = '';

before(async (t) => {
  for (const file of builds) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:web\` first`);
  }
  server = await startServer();
  browser = await launchBrowser(t);
  // The citizen picks a real file from the phone's storage.
  photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guantong-e2e-')), '现场照片.png');
  fs.writeFileSync(photo, tinyPng);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (photo) fs.rmSync(path.dirname(photo), { recursive: true, force: true });
});

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The record's status tag on its detail page, once it shows `status` (and its Chinese label). */
async function statusIs(page: Page, status: string, label: string) {
  const tag = page.locator(`[data-testid="petition-status"][data-status="${status}"]`);
  await tag.waitFor();
  assert.equal((await tag.textContent())?.trim(), label);
}

/** Opens the queue from the menu and answers the row of the report, once it is listed. */
async function queueRow(page: Page) {
  await page.getByTestId('menu-petitions').click();
  await page.getByTestId('petition-table').waitFor();
  const row = page.locator('[data-testid="petition-table"] tr', { hasText: report.title });
  await row.waitFor();
  return row;
}

// A console dialog (FormModal) is open while its submit button shows; the data-testid on the modal root has no box.
const dialogOpen = (page: Page, testId: string) => page.getByTestId(`${testId}-submit`).waitFor();
const dialogClosed = (page: Page, testId: string) => page.getByTestId(`${testId}-submit`).waitFor({ state: 'hidden' });

/** Takes a workflow action of the detail page's action bar through its confirmation dialog. */
async function takeAction(page: Page, action: string, shot?: () => Promise<void>) {
  await page.getByTestId(`petition-action-${action}`).click();
  await dialogOpen(page, 'action-modal');
  if (shot) await shot();
  await page.getByTestId('action-modal-submit').click();
  await dialogClosed(page, 'action-modal');
}

test('a phone report goes to a township, is answered, rated dissatisfied and comes back under review', async (t: TestContext) => {
  if (!browser || !server) {
    t.skip('chromium not installed');
    return;
  }
  const { baseUrl } = server;
  const env = browser;
  let receipt = { code: '', secret: '' };
  let cityPath = '';
  // Each step builds on the one before: after a failure the rest is skipped rather than failing for the same reason.
  let broken = false;
  const step = (name: string, scenario: () => Promise<void>) =>
    t.test(name, async (st) => {
      if (broken) {
        st.skip('an earlier step failed');
        return;
      }
      try {
        await scenario();
      } catch (error) {
        broken = true;
        throw error;
      }
    });

  await step('a. a citizen reports anonymously with a photo on a 375 px phone and keeps the receipt', () =>
    withPage(env, 'petitions-a-citizen', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('navigation', { name: /主要服务/ }).getByRole('link', { name: '我要举报' }).click();
      const form = page.getByTestId('report-form');
      await form.waitFor();
      await page.getByLabel('受理单位').selectOption({ label: report.body });
      await page.getByRole('radio', { name: /检举控告/ }).check();
      await page.getByLabel('标题').fill(report.title);
      await page.getByLabel('具体内容').fill(report.content);
      await page.getByLabel('发生时间').fill('2025年以来');
      await page.getByLabel('姓名或名称').fill(report.concernedName);
      await page.getByRole('textbox', { name: /^工作单位/ }).fill(report.concernedUnit);
      await page.getByTestId('file-input').setInputFiles(photo);
      await page.getByTestId('file-list').getByText('现场照片.png').waitFor();
      await page.getByRole('radio', { name: /匿名举报/ }).check();
      assert.equal(await page.getByTestId('reporter-fields').count(), 0, 'no identity fields when anonymous');
      assert.ok((await scrollWidth(page)) <= phone.width, 'the form fits 375px');
      await frame(page, shot, '1-form');

      await page.getByTestId('report-next').click();
      const confirm = page.getByTestId('report-confirm');
      await confirm.waitFor();
      await confirm.getByText(report.body).waitFor();
      await confirm.getByText('现场照片.png').waitFor();
      await confirm.getByText('匿名（不留个人信息）').waitFor();
      await frame(page, shot, '2-confirm');

      // The page solves the proof-of-work human check by itself, then sends the report with the photo.
      await page.getByTestId('report-submit').click();
      const receiptView = page.getByTestId('receipt');
      await receiptView.waitFor({ timeout: 30_000 });
      receipt = { code: (await page.getByTestId('receipt-code').innerText()).trim(), secret: (await page.getByTestId('receipt-secret').innerText()).trim() };
      assert.match(receipt.code, /^[A-Z0-9-]{6,20}$/);
      assert.ok(receipt.secret.length >= 6, 'a secret is shown');
      await receiptView.getByText('您选择了匿名举报', { exact: false }).waitFor();
      await page.getByLabel('我已保存受理编号和查询码').check();
      assert.ok((await scrollWidth(page)) <= phone.width, 'the receipt fits 375px');
      await frame(page, shot, '3-receipt');
    }),
  );

  await step('b. intake registers it, classifies it, assigns an officer and proposes 交办 to 溪口镇纪委', () =>
    withPage(env, 'petitions-b-intake', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'intake');
      const row = await queueRow(page);
      assert.match((await row.textContent()) ?? '', /待登记/);
      assert.match((await row.textContent()) ?? '', /匿名/);
      await frame(page, shot, '1-queue');

      await row.getByTestId('petition-row-link').click();
      await statusIs(page, 'submitted', '待登记');
      cityPath = new URL(page.url()).pathname;
      assert.equal((await page.getByTestId('petition-receipt').textContent())?.trim(), receipt.code);
      await page.getByTestId('petition-attachments').getByText('现场照片.png').waitFor();
      await frame(page, shot, '2-detail');

      await takeAction(page, 'register', () => frame(page, shot, '3-register'));
      await statusIs(page, 'registered', '待拟办');
      assert.notEqual((await page.getByTestId('petition-serial').textContent())?.trim(), '未登记', 'registering gives a serial number');

      // Classification: the new category brings its own questions, and the officer comes from the holding body.
      await page.getByTestId('petition-classify').click();
      await dialogOpen(page, 'classify-modal');
      await pick(page, 'classify-category', '惠民', '.ant-select-item-option[title="惠民补贴 / 低保"]', '惠民补贴 / 低保');
      const questions = page.getByTestId('classify-questions');
      await questions.waitFor();
      await pick(page, 'question-subsidyType', '耕地', '.ant-select-item-option[title="耕地地力补贴"]', '耕地地力补贴');
      await questions.getByTestId('question-selfAffected').getByText('否', { exact: true }).click();
      await pick(page, 'classify-assignee', '王静', '.ant-select-item-option[title="我（王静）"]', '王静');
      await frame(page, shot, '4-classify');
      await page.getByTestId('classify-modal-submit').click();
      await dialogClosed(page, 'classify-modal');
      const content = page.getByTestId('petition-content');
      await content.getByText('惠民补贴 / 低保').waitFor();
      await content.getByText('耕地地力补贴').waitFor();
      await content.getByText('王静').waitFor();

      await page.getByTestId('petition-action-propose').click();
      await dialogOpen(page, 'propose-modal');
      // The receiving-body field appears once the mode is chosen; a click on a dialog still moving in can be lost.
      for (let attempt = 1; ; attempt++) {
        await settled(page);
        await page.getByTestId('propose-mode-assign_with_report').click();
        if (await page.getByTestId('propose-target').waitFor({ timeout: 3000 }).then(() => true, () => false)) break;
        if (attempt === 3) assert.fail('choosing 交办 did not show the receiving body');
      }
      await pick(page, 'propose-target', '溪口', `.ant-select-item-option[title="${report.township}"]`, report.township);
      await page.getByTestId('propose-opinion').fill(report.opinion);
      await frame(page, shot, '5-propose');
      await page.getByTestId('propose-modal-submit').click();
      await statusIs(page, 'proposal_pending', '拟办待批');
      assert.equal((await page.getByTestId('proposal-targets').textContent())?.trim(), report.township);
      await frame(page, shot, '6-proposed');
    }),
  );

  await step('c. the leader approves 交办', () =>
    withPage(env, 'petitions-c-leader', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'leader');
      const row = await queueRow(page);
      assert.match((await row.textContent()) ?? '', /拟办待批/);
      await row.getByTestId('petition-row-link').click();
      await statusIs(page, 'proposal_pending', '拟办待批');
      const proposal = page.getByTestId('petition-proposal');
      assert.match((await proposal.textContent()) ?? '', /交办/);
      assert.match((await proposal.textContent()) ?? '', new RegExp(report.opinion));
      await frame(page, shot, '1-proposal');

      assert.equal((await page.getByTestId('petition-action-approveAssignment').textContent())?.trim(), '批准：交办');
      await takeAction(page, 'approveAssignment', () => frame(page, shot, '2-approve'));
      await statusIs(page, 'awaiting_result', '待反馈结果');
      const transfers = page.getByTestId('petition-transfers-out');
      await transfers.waitFor();
      assert.equal((await transfers.getByTestId('transfer-body').textContent())?.trim(), report.township);
      assert.match((await transfers.getByTestId('transfer-receiving-status').textContent()) ?? '', /待签收/);
      // The server lets a leader extend; the report-back deadline's rule allows it: 延期 is offered.
      await page.getByTestId('petition-deadlines').getByTestId('deadline-extend').waitFor();
      await frame(page, shot, '3-approved');
    }),
  );

  await step('d. the township officer acknowledges it, handles it and answers', () =>
    withPage(env, 'petitions-d-township', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'xk.officer');
      const row = await queueRow(page);
      assert.match((await row.textContent()) ?? '', /待签收/);
      assert.match((await row.textContent()) ?? '', new RegExp(report.township));
      await frame(page, shot, '1-queue');

      await row.getByTestId('petition-row-link').click();
      await statusIs(page, 'transfer_received', '待签收');
      // Sent by the city commission's intake office, which holds the city's record.
      assert.match((await page.getByTestId('petition-transfer-in').textContent()) ?? '', /市纪委监委信访室/);
      await frame(page, shot, '2-received');

      await takeAction(page, 'acknowledgeAndHandle');
      await statusIs(page, 'handling', '办理中');
      // The 60-day handling deadline can be extended, but only by a leader: the officer is not offered 延期.
      await page.getByTestId('petition-deadlines').getByText('办理中').waitFor();
      assert.equal(await page.getByTestId('deadline-extend').count(), 0);
      await frame(page, shot, '3-handling');

      await page.getByTestId('petition-action-answer').click();
      await dialogOpen(page, 'answer-modal');
      // A template fills in the text, which the officer then rewrites for this case.
      await pick(page, 'answer-template', '查实', '.ant-select-item-option[title="查实答复"]', '查实答复');
      const text = page.getByTestId('answer-text');
      assert.match(await text.inputValue(), /经调查核实/);
      await text.fill(report.answer);
      await frame(page, shot, '4-answer');
      await page.getByTestId('answer-modal-submit').click();
      await statusIs(page, 'answered', '已答复待评价');
      assert.equal((await page.getByTestId('petition-answer-text').textContent())?.trim(), report.answer);
      await frame(page, shot, '5-answered');
    }),
  );

  await step('e. the citizen reads the answer on the phone, rates it 不满意 and sees the review start', () =>
    withPage(env, 'petitions-e-citizen', { viewport: phone, locale: 'zh-CN' }, async (page, shot) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('navigation', { name: /主要服务/ }).getByRole('link', { name: '进度查询' }).click();
      await page.getByTestId('track-form').waitFor();
      await page.getByRole('textbox', { name: /^受理编号/ }).fill(receipt.code);
      await page.getByRole('textbox', { name: /^查询码/ }).fill(receipt.secret);
      await frame(page, shot, '1-track');
      await page.getByTestId('track-submit').click();

      const stage = page.getByTestId('track-stage');
      await stage.waitFor();
      assert.equal(await stage.getAttribute('data-stage'), 'answered');
      await page.getByText(report.answer).waitFor();
      assert.equal((await page.getByTestId('track-body').textContent())?.trim(), report.township);
      const rating = page.getByTestId('rating-form');
      await rating.waitFor();
      assert.ok((await scrollWidth(page)) <= phone.width, 'the answer and the rating form fit 375px');
      await frame(page, shot, '2-answer');

      await rating.getByRole('radio', { name: '不满意' }).check();
      await page.getByTestId('review-note').waitFor();
      await rating.getByRole('textbox', { name: /^意见或理由/ }).fill(report.comment);
      await frame(page, shot, '3-dissatisfied');
      await rating.getByRole('button', { name: '提交评价' }).click();

      const given = page.getByTestId('rating-given');
      await given.getByText('不满意').waitFor();
      await given.getByText(report.comment).waitFor();
      await given.getByText('已根据您的评价启动复查', { exact: false }).waitFor();
      assert.equal(await stage.getAttribute('data-stage'), 'under_review');
      assert.equal(await page.getByTestId('rating-form').count(), 0, 'rated once');
      await frame(page, shot, '4-review');
    }),
  );

  await step('f. the township record is 复查中, and the city sees it in its transfers table', async () => {
    await withPage(env, 'petitions-f-township', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'xk.officer');
      const row = await queueRow(page);
      assert.match((await row.textContent()) ?? '', /复查中/);
      assert.match((await row.textContent()) ?? '', /不满意/);
      await frame(page, shot, '1-queue');
      await row.getByTestId('petition-row-link').click();
      await statusIs(page, 'rehandling', '复查中');
      const answer = page.getByTestId('petition-answer');
      await answer.getByTestId('petition-satisfaction').getByText('不满意').waitFor();
      await answer.getByText(report.comment).waitFor();
      // The review is answered again.
      await page.getByTestId('petition-action-answer').waitFor();
      await frame(page, shot, '2-detail');
    });
    await withPage(env, 'petitions-f-city', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'intake');
      await page.goto(`${baseUrl}${cityPath}`);
      const transfers = page.getByTestId('petition-transfers-out');
      await transfers.waitFor();
      assert.match((await transfers.getByTestId('transfer-receiving-status').textContent()) ?? '', /复查中/);
      await frame(page, shot, '1-transfers');
    });
  });
});
