// The clue-to-sanction scenario through the staff console: the intake office converts a report into a
// problem clue; the case-management office registers and assigns it; the handling office proposes a preliminary
// verification, which the office head and the leader in charge sign; the verification recommends filing; the case is
// investigated (three-level sign-off), heard and decided with a sanction, announced and executed; the clue's result
// goes back, and the intake office (the sender) reads it on the report.
// Needs the built console: `npm run build:web` first. Screenshots of every step land in test-output/.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleSuite, frame, pick, settled, signIn, withPage } from './harness.ts';

const report = {
  title: '反映市交通运输局某科长违规收受礼金',
  content: '市交通运输局某科科长赵某某多次收受运输企业礼金，并为其在年审中提供便利，请予查处。',
  concernedName: '赵某某',
  concernedUnit: '清源市交通运输局',
  summary: '赵某某涉嫌收受运输企业礼金、为企业谋利问题线索',
  feedback: '经初核并立案审查，赵某某收受礼金问题属实，已给予党内严重警告处分，特此反馈。',
};

// The preliminary verification's work plan (初核工作方案), proposed with it and in force once approved.
const verificationPlan = {
  plan: '调取相关运输企业年审材料和赵某某银行流水，与企业负责人及科室同事谈话，核实收受礼金和提供便利的问题。',
  teamLeader: '陈明',
  teamMembers: ['赵磊', '孙婷'],
  // Four weeks from today (China time), as the date picker shows it.
  plannedEndOn: new Date(Date.now() + (28 * 24 + 8) * 3600_000).toISOString().slice(0, 10),
};

const suite = consoleSuite();

/** The status tag of a clue or case detail page, once it shows `status`. */
async function statusIs(page: Page, kind: 'clue' | 'case', status: string) {
  await page.locator(`[data-testid="${kind}-status"][data-status="${status}"]`).waitFor();
}

/**
 * Clicks a dialog's button until the dialog reacts: on a heavily loaded machine a click can land while the dialog
 * is still animating in and be lost (the dialog stays open, nothing sent). `reacted` says whether it took.
 */
async function clickUntil(page: Page, button: ReturnType<Page['getByTestId']>, reacted: () => Promise<boolean>) {
  for (let attempt = 1; ; attempt++) {
    await settled(page);
    await button.click();
    for (let waited = 0; waited < 5000; waited += 250) {
      if (await reacted()) return;
      await page.waitForTimeout(250);
    }
    if (attempt === 3) assert.fail('the dialog did not react to three clicks');
  }
}

/**
 * Takes a workflow action from the action bar: opens its dialog, lets `fill` enter what the action needs, submits,
 * and confirms once more where the console asks (closing, deciding, handing over).
 */
async function takeAction(page: Page, kind: 'clue' | 'case', action: string, fill?: () => Promise<void>) {
  const submit = page.getByTestId(`${kind}-action-modal-submit`);
  const confirm = page.getByTestId(`${kind}-action-confirm`);
  await page.getByTestId(`${kind}-action-${action}`).click();
  await submit.waitFor();
  await settled(page);
  if (fill) await fill();
  await clickUntil(page, submit, async () => (await confirm.isVisible()) || !(await submit.isVisible()));
  if (await confirm.isVisible()) await clickUntil(page, confirm, async () => !(await confirm.isVisible()));
  await submit.waitFor({ state: 'hidden' });
}

/** Types each value into a tags select (one Enter each) and checks the select shows them all. */
async function addTags(page: Page, testId: string, values: string[]) {
  const select = page.getByTestId(testId);
  await select.click();
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  const shown = (await select.textContent()) ?? '';
  for (const value of values) assert.ok(shown.includes(value), `${testId} does not show ${value}: ${shown}`);
}

/** Fills the 初核工作方案 section of the proposal (or decision) dialog. */
async function fillVerificationPlan(page: Page) {
  await page.getByTestId('clue-plan-text').fill(verificationPlan.plan);
  await addTags(page, 'clue-plan-members', verificationPlan.teamMembers);
  await page.getByTestId('clue-plan-leader').fill(verificationPlan.teamLeader);
  const end = page.getByTestId('clue-plan-end');
  await end.click();
  await end.fill(verificationPlan.plannedEndOn);
  // Leaving the field (not Enter, which would submit the dialog) keeps the typed date.
  await page.getByTestId('clue-plan-leader').click();
  assert.equal(await end.inputValue(), verificationPlan.plannedEndOn);
}

async function signStep(page: Page, opinion: string) {
  const submit = page.getByTestId('clue-sign-modal-submit');
  await page.getByTestId('clue-sign-approve').click();
  await submit.waitFor();
  await settled(page);
  await page.getByTestId('clue-sign-opinion').fill(opinion);
  await clickUntil(page, submit, async () => !(await submit.isVisible()));
}

test('a report becomes a clue, is verified, filed as a case, heard and sanctioned; the sender reads the result', async (t: TestContext) => {
  const { browser, server } = suite;
  if (!browser || !server) {
    t.skip('chromium not installed');
    return;
  }
  const { baseUrl } = server;
  const env = browser;
  let petitionPath = '';
  let cluePath = '';
  let casePath = '';
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

  await step('a. the intake office registers a letter and converts it into a problem clue', () =>
    withPage(env, 'clues-a-intake', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'intake');
      // The letter itself is registered through the API the console uses (its form is covered by the petitions test).
      const session = (await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string };
      const created = await page.request.post(`${baseUrl}/api/petitions`, {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { channel: 'letter', submissionType: 'accusation', title: report.title, content: report.content, concernedName: report.concernedName, concernedUnit: report.concernedUnit, anonymous: true },
      });
      assert.equal(created.status(), 200, await created.text());
      petitionPath = `/admin/petitions/${((await created.json()) as { id: string }).id}`;
      await page.goto(`${baseUrl}${petitionPath}`);
      await page.getByTestId('clue-handoff').click();
      await page.getByTestId('clue-handoff-modal-submit').waitFor();
      await page.getByTestId('clue-summary').fill(report.summary);
      await frame(page, shot, '1-convert');
      const submit = page.getByTestId('clue-handoff-modal-submit');
      await clickUntil(page, submit, async () => !(await submit.isVisible()));
      await page.locator('[data-testid="clue-handoff-status"][data-status="received"]').waitFor();
      await frame(page, shot, '2-handed-over');
    }),
  );

  await step('b. the case-management office registers it in the central ledger and assigns it to an office', () =>
    withPage(env, 'clues-b-casemgr', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'casemgr');
      await page.goto(`${baseUrl}/admin/clues`);
      const row = page.locator('[data-testid="clue-table"] tr', { hasText: report.title });
      await row.waitFor();
      await frame(page, shot, '1-ledger');
      await row.getByTestId('clue-row-link').click();
      await statusIs(page, 'clue', 'received');
      cluePath = new URL(page.url()).pathname;
      await takeAction(page, 'clue', 'register');
      await statusIs(page, 'clue', 'registered');
      await takeAction(page, 'clue', 'assign', () =>
        pick(page, 'clue-action-handling-body', '第一监督', '.ant-select-item-option[title="市纪委监委第一监督检查室"]', '第一监督检查室'),
      );
      await statusIs(page, 'clue', 'with_handling_office');
      await frame(page, shot, '2-assigned');
    }),
  );

  await step('c. the office proposes a preliminary verification; the office head and the leader in charge sign', async () => {
    await withPage(env, 'clues-c-propose', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'handler');
      await page.goto(`${baseUrl}${cluePath}`);
      await takeAction(page, 'clue', 'propose', async () => {
        await page.getByTestId('clue-disposal-preliminary_verification').click();
        await page.getByTestId('clue-action-note').fill('经室务会集体研究，反映问题具体、可查，拟予初步核实。');
        await page.getByTestId('clue-expected-chain').waitFor();
        await fillVerificationPlan(page);
        await frame(page, shot, '1-proposal');
        // The dialog is taller than the window: its lower part (the rest of the plan, the reasons) gets its own picture.
        await page.getByTestId('clue-action-modal-submit').scrollIntoViewIfNeeded();
        await frame(page, shot, '1b-proposal-plan');
      });
      await statusIs(page, 'clue', 'disposal_proposed');
    });
    await withPage(env, 'clues-c-office-head', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'jcs.head');
      await page.goto(`${baseUrl}${cluePath}`);
      // The signer reads the plan that goes up with the proposal.
      assert.equal((await page.getByTestId('clue-proposal-plan-leader').textContent())?.trim(), verificationPlan.teamLeader);
      await signStep(page, '同意，报分管领导审批。');
      await frame(page, shot, '2-office-head-signed');
    });
    await withPage(env, 'clues-c-leader', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'leader');
      await page.goto(`${baseUrl}${cluePath}`);
      await signStep(page, '同意初步核实。');
      await statusIs(page, 'clue', 'verification');
      // Approved, the plan is the one in force, shown with the clue.
      const plan = page.getByTestId('clue-verification-plan');
      assert.equal((await plan.getByTestId('clue-verification-plan-leader').textContent())?.trim(), verificationPlan.teamLeader);
      const members = (await plan.getByTestId('clue-verification-plan-members').textContent()) ?? '';
      for (const member of verificationPlan.teamMembers) assert.ok(members.includes(member), `the approved plan does not list ${member}`);
      assert.ok(((await plan.textContent()) ?? '').includes(verificationPlan.plannedEndOn), 'the approved plan does not show its planned end');
      await frame(page, shot, '3-approved');
    });
  });

  await step('d. the verification recommends filing, and the leader approves: the case is filed', async () => {
    await withPage(env, 'clues-d-verify', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'handler');
      await page.goto(`${baseUrl}${cluePath}`);
      await takeAction(page, 'clue', 'submitVerificationReport', async () => {
        await pick(page, 'clue-action-recommendation', '拟立案', '.ant-select-item-option[title="拟立案审查调查"]', '拟立案审查调查');
        await page.getByTestId('clue-action-record').fill('经初核，赵某某收受运输企业礼金共计3万元，基本属实，建议立案审查调查。');
      });
      await statusIs(page, 'clue', 'verification_reported');
      await frame(page, shot, '1-reported');
    });
    await withPage(env, 'clues-d-file', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'leader');
      await page.goto(`${baseUrl}${cluePath}`);
      await takeAction(page, 'clue', 'approveCaseFilingAfterVerification', () => page.getByTestId('clue-action-record').fill('同意立案审查调查。'));
      await statusIs(page, 'clue', 'case_filing');
      await frame(page, shot, '2-filed');
    });
  });

  await step('e. the case is investigated, signed off at three levels, heard, decided, announced and executed', async () => {
    await withPage(env, 'clues-e-investigate', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'handler');
      await page.goto(`${baseUrl}/admin/cases`);
      const row = page.locator('[data-testid="case-table"] tr', { hasText: report.concernedName });
      await row.waitFor();
      await row.getByTestId('case-row-link').click();
      await statusIs(page, 'case', 'filed');
      casePath = new URL(page.url()).pathname;
      await takeAction(page, 'case', 'announceFiling', () => page.getByTestId('case-action-note').fill('已向赵某某宣布立案决定。'));
      await takeAction(page, 'case', 'submitInvestigationReport', () => page.getByTestId('case-action-record').fill('审查调查报告：赵某某收受礼金3万元，事实清楚，证据确凿。'));
      await statusIs(page, 'case', 'report_review');
      await frame(page, shot, '1-report');
    });
    await withPage(env, 'clues-e-group', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'jcs.head');
      await page.goto(`${baseUrl}${casePath}`);
      await takeAction(page, 'case', 'approveReport', () => page.getByTestId('case-action-note').fill('组长审核：事实清楚，同意提交组务会研究。'));
      await takeAction(page, 'case', 'transferToHearing', () => page.getByTestId('case-action-note').fill('组务会集体研究，同意移送审理。'));
      await statusIs(page, 'case', 'under_hearing');
      await page.getByTestId('case-sign-offs').waitFor();
      await frame(page, shot, '2-sign-offs');
    });
    await withPage(env, 'clues-e-decide', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'leader');
      await page.goto(`${baseUrl}${casePath}`);
      await takeAction(page, 'case', 'concludeHearing', () => page.getByTestId('case-action-record').fill('审理报告：定性准确，处理恰当，程序合规。'));
      await statusIs(page, 'case', 'heard');
      await takeAction(page, 'case', 'decide', async () => {
        await page.getByTestId('case-action-record').fill('经市纪委常委会研究，给予赵某某党内严重警告处分。');
        await pick(page, 'case-sanction-type-0', '严重警告', '.ant-select-item-option[title^="党内严重警告"]', '党内严重警告');
        await frame(page, shot, '3-decide');
      });
      await statusIs(page, 'case', 'decided');
      await page.getByTestId('case-sanctions').getByText('党内严重警告').first().waitFor();
    });
    await withPage(env, 'clues-e-execute', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'handler');
      await page.goto(`${baseUrl}${casePath}`);
      await takeAction(page, 'case', 'announceDecision', () => page.getByTestId('case-action-note').fill('已向本人及所在党支部宣布。'));
      await takeAction(page, 'case', 'reportExecution', () => page.getByTestId('case-action-record').fill('处分决定已执行，材料已归档。'));
      await statusIs(page, 'case', 'executed');
      await frame(page, shot, '4-executed');
    });
  });

  await step('f. the ledger feeds the result back, and the intake office reads it on the report', async () => {
    await withPage(env, 'clues-f-feedback', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'casemgr');
      await page.goto(`${baseUrl}${cluePath}`);
      await statusIs(page, 'clue', 'concluded');
      await takeAction(page, 'clue', 'feedBack', () => page.getByTestId('clue-action-record').fill(report.feedback));
      await statusIs(page, 'clue', 'closed');
      await frame(page, shot, '1-closed');
    });
    await withPage(env, 'clues-f-sender', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'intake');
      await page.goto(`${baseUrl}${petitionPath}`);
      await page.locator('[data-testid="clue-handoff-status"][data-status="fed_back"]').waitFor();
      assert.equal((await page.getByTestId('clue-handoff-result').textContent())?.trim(), report.feedback);
      await frame(page, shot, '2-sender-sees-result');
    });
    // The funnel is on the case list too: the office that handled it shows the clue, the case and the person sanctioned.
    await withPage(env, 'clues-f-metrics', {}, async (page, shot) => {
      await signIn(page, baseUrl, 'casemgr');
      await page.goto(`${baseUrl}/admin/cases`);
      await page.getByTestId('clue-metrics-toggle').click();
      const office = page.getByTestId('clue-metrics-by-body').locator('tr', { hasText: '市纪委监委第一监督检查室' });
      await office.waitFor();
      const cells = (await office.locator('td').allTextContents()).map((text) => text.trim());
      assert.deepEqual([cells[1], cells[2], cells[4], cells[5]], ['1', '1', '1', '1'], 'received, disposed, cases, persons sanctioned');
      await frame(page, shot, '3-metrics-by-body');
      await office.getByTestId('clue-metrics-drill').click();
      await page.getByTestId('clue-metrics-figures-for').filter({ hasText: '市纪委监委第一监督检查室' }).waitFor();
      assert.equal((await page.getByTestId('metrics.received').textContent())?.replace(/\D+/g, ''), '1');
      await page.getByTestId('clue-metrics-up').click();
      await page.getByTestId('clue-metrics-figures-for').filter({ hasText: '清源市纪委监委' }).waitFor();
    });
  });
});
