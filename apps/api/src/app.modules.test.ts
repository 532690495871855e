import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.ts';
import { submitReport } from '../test/public-intake.ts';
import type { Actor } from './platform/auth/actor.ts';
import { AppError } from './platform/errors.ts';
import { chinaDateOf } from './platform/calendar/working-days.ts';
import { organizations } from './platform/identity/organizations.table.ts';
import { notifications } from './platform/notify/notifications.table.ts';
import { composeModules } from './platform/module/compose-modules.ts';
import { defineModule } from './platform/module/module-definition.ts';
import { petitionRecord } from './modules/petitions/petitions.record.ts';

type Json = Record<string, any>;

// What the modules declare for the workbench (to-dos), the bell (notification kinds), global search and the cockpit
// (metrics), exercised on records made through the API as officers would make them.

describe('module composition', () => {
  it('refuses two modules that claim the same name, job, to-do source or notification kind', () => {
    const kind = { kind: 'x.y', channel: 'inApp' as const, label: { zhCN: '甲', en: 'A' }, recipients: { zhCN: '乙', en: 'B' } };
    assert.throws(() => composeModules([defineModule({ name: 'a' }), defineModule({ name: 'a' })]), /module "a" is declared by module a and by module a/);
    assert.throws(() => composeModules([defineModule({ name: 'a', notificationKinds: [kind] }), defineModule({ name: 'b', notificationKinds: [kind] })]), /notification kind "x.y"/);
    const job = { name: 'j', everyMs: 1000, run: async () => {} };
    assert.throws(() => composeModules([defineModule({ name: 'a', jobs: [job] }), defineModule({ name: 'b', jobs: [job] })]), /job "j"/);
    assert.throws(() => composeModules([defineModule({ name: 'a', records: [petitionRecord] }), defineModule({ name: 'b', records: [petitionRecord] })]), /record type "petition"/);
  });
});

describe('what the modules declare', () => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  const body: Record<string, string> = {};
  const today = () => chinaDateOf(t.platform.clock.now());

  before(async () => {
    t = await createTestApp({ env: { HUMAN_CHECK_MAX_NUMBER: '20' } });
    for (const row of await t.platform.db.select({ id: organizations.id, code: organizations.code }).from(organizations)) body[row.code] = row.id;
    for (const name of ['intake', 'leader', 'lx.intake', 'casemgr', 'handler', 'jcs.head', 'secretary', 'pz.jy']) as[name] = await t.login(name);
  });
  after(() => t.close());

  /** The actor a signed-in client acts as, from its session. */
  async function actorOf(client: TestClient): Promise<Actor> {
    const loaded = await t.platform.sessions.load(client.cookie.replace('gt_session=', ''));
    assert.equal(loaded.kind, 'active');
    return (loaded as { actor: Actor }).actor;
  }
  const source = (key: string) => t.application.todoSources.find((candidate) => candidate.key === key)!;
  const todos = async (key: string, client: TestClient) => source(key).list(await actorOf(client), { limit: 50 });
  const search = async (recordType: string, client: TestClient, text: string) =>
    t.application.searchProviders.find((provider) => provider.recordType === recordType)!.search(await actorOf(client), text, { limit: 20 });
  const figures = async (key: string, client: TestClient, organizationId?: string) => {
    const found = await t.application.metrics.find((metric) => metric.key === key)!.figures(await actorOf(client), { from: today(), to: today(), organizationId });
    return Object.fromEntries(found.map((figure) => [figure.key, figure.value]));
  };
  async function ok(response: { statusCode: number; body: string; json(): unknown }, what: string): Promise<Json> {
    assert.equal(response.statusCode, 200, `${what}: ${response.body}`);
    return response.json() as Json;
  }
  const act = async (client: TestClient, id: string, action: string, expectedStatus: string, note?: string) =>
    ok(await client.post(`/api/petitions/${id}/actions`, { action, expectedStatus, ...(note ? { note } : {}) }), action);

  let petition: Json;
  let receipt: { receiptCode: string; secret: string };

  it('puts a report on the to-do list of the body that must act next, with why and by when', async () => {
    const submitted = await submitReport(t.app, {
      submissionType: 'accusation',
      title: '某局科长违规报销差旅费',
      content: '反映市某局科长多次以出差名义违规报销私人旅游费用，请予核查。',
      concernedName: '冯某',
      concernedUnit: '清源市某局',
      receivingOrganizationId: body['qy-jw'],
      anonymous: false,
      reporter: { name: '举报人甲', phone: '13800001234' },
    });
    receipt = (await ok(submitted, 'submit')) as typeof receipt;
    const intakeTodos = await todos('petitions.intake', as.intake);
    const item = intakeTodos.find((entry) => entry.reference === receipt.receiptCode)!;
    assert.ok(item, 'the intake office sees the new report');
    assert.equal(item.recordType, 'petition');
    assert.equal(item.action.zhCN, '登记受理');
    assert.match(item.reason.zhCN, /网上举报/);
    assert.ok(item.dueAt && item.dueAt > t.platform.clock.now());
    assert.equal(item.deadlineState, 'on_time');
    assert.equal((await todos('petitions.intake', as['lx.intake'])).length, 0, 'a county intake office has nothing of the city’s');

    petition = await act(as.intake, item.recordId, 'register', 'submitted');
    const registered = (await todos('petitions.intake', as.intake)).find((entry) => entry.recordId === petition.id)!;
    assert.equal(registered.reference, petition.serialNumber);
    assert.equal(registered.action.zhCN, '提出拟办意见');

    await ok(await as.intake.post(`/api/petitions/${petition.id}/proposal`, { expectedStatus: 'registered', mode: 'direct', targetOrganizationIds: [], opinion: '直接办理' }), 'propose');
    assert.ok(!(await todos('petitions.intake', as.intake)).some((entry) => entry.recordId === petition.id), 'proposed, it leaves the intake list');
    assert.equal((await todos('petitions.approve', as.intake)).length, 0, 'an intake officer approves nothing');
    const approval = (await todos('petitions.approve', as.leader)).find((entry) => entry.recordId === petition.id)!;
    assert.equal(approval.action.zhCN, '审批拟办意见', 'the commission’s leader approves what its intake office proposes');

    await act(as.leader, petition.id, 'approveDirect', 'proposal_pending');
    assert.ok(!(await todos('petitions.approve', as.leader)).some((entry) => entry.recordId === petition.id));
    const toAnswer = (await todos('petitions.answer', as.intake)).find((entry) => entry.recordId === petition.id)!;
    assert.match(toAnswer.reason.zhCN, /由你承办/);
    assert.equal((await todos('petitions.answer', as.leader)).length, 0, 'answers are the assignee’s');
  });

  it('finds a report by receipt code, serial number or words, within the reader’s scope only', async () => {
    assert.deepEqual((await search('petition', as.intake, receipt.receiptCode)).map((hit) => hit.recordId), [petition.id]);
    assert.deepEqual((await search('petition', as.intake, petition.serialNumber)).map((hit) => hit.recordId), [petition.id]);
    const byWords = await search('petition', as.intake, '差旅费');
    assert.deepEqual(byWords.map((hit) => hit.recordId), [petition.id]);
    assert.equal(byWords[0].detail, '冯某 · 清源市某局');
    assert.deepEqual(await search('petition', as['lx.intake'], receipt.receiptCode), [], 'a county officer does not find the city’s report');
    assert.deepEqual(await search('petition', as.casemgr, receipt.receiptCode), [], 'no petitions permission, no hits');
  });

  it('counts a body’s reports for the cockpit and refuses a body outside the reader’s scope', async () => {
    assert.equal((await figures('petitions', as.intake))['petitions.satisfactionRate'], null, 'nothing rated yet');
    await ok(await as.intake.post(`/api/petitions/${petition.id}/answer`, { expectedStatus: 'handling', answer: '经核查，反映问题部分属实，已责令退回违规报销款项。' }), 'answer');
    await ok(await t.app.inject({ method: 'POST', url: '/api/public/petitions/rate', payload: { receiptCode: receipt.receiptCode, secret: receipt.secret, satisfaction: 'satisfied' } }), 'rate');
    const counted = await figures('petitions', as.intake);
    assert.equal(counted['petitions.received'], 1);
    assert.equal(counted['petitions.overdue'], 0);
    assert.equal(counted['petitions.answered'], 1);
    assert.equal(counted['petitions.satisfactionRate'], 1);
    // Every step so far met its deadline.
    assert.equal(counted['petitions.onTimeRate'], 1);
    await assert.rejects(figures('petitions', as.intake, body['qy-jw']), (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND');
    assert.equal((await figures('petitions', as['lx.intake']))['petitions.received'], 0);
  });

  let clue: Json;

  it('puts a clue on the list of who registers, disposes and signs it, one step of the chain at a time', async () => {
    clue = await ok(
      await as.casemgr.post('/api/clues', {
        source: 'self_discovered',
        title: '某局局长违规收受礼金',
        allegations: '反映市某局局长在春节期间收受下属单位礼金，请予核查。',
        violationCategories: ['integrity'],
        concernedName: '褚某某',
        concernedPost: '局长',
        concernedUnit: '清源市某局',
        cadreManagementLevel: 'city_managed',
      }),
      'create clue',
    );
    const toAssign = (await todos('clues.register', as.casemgr)).find((entry) => entry.recordId === clue.id)!;
    assert.equal(toAssign.reference, clue.serialNumber);
    assert.equal(toAssign.action.zhCN, '分办');
    await ok(await as.casemgr.post(`/api/clues/${clue.id}/actions`, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    assert.ok((await todos('clues.dispose', as.handler)).some((entry) => entry.recordId === clue.id), 'the handling office is to propose');
    assert.ok(!(await todos('clues.dispose', as['pz.jy'])).some((entry) => entry.recordId === clue.id), 'another group is not');

    await ok(await as.handler.post(`/api/clues/${clue.id}/actions`, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'case_filing', note: '经集体研究，建议立案。' }), 'propose');
    const headSigns = (await todos('clues.sign', as['jcs.head'])).find((entry) => entry.recordId === clue.id)!;
    assert.match(headSigns.reason.zhCN, /审批链中轮到你/);
    assert.ok(!(await todos('clues.sign', as.leader)).some((entry) => entry.recordId === clue.id), 'the office head signs first');
    const sign = (client: TestClient) => client.post(`/api/clues/${clue.id}/sign`, { decision: 'approve', opinion: '同意', expectedStatus: 'disposal_proposed' });
    await ok(await sign(as['jcs.head']), 'office head signs');
    assert.ok(!(await todos('clues.sign', as['jcs.head'])).some((entry) => entry.recordId === clue.id), 'signed, it leaves the head’s list');
    assert.ok((await todos('clues.sign', as.leader)).some((entry) => entry.recordId === clue.id), 'now the leader in charge signs');
    await ok(await sign(as.leader), 'leader signs');
    await ok(await sign(as.secretary), 'principal leader signs');
  });

  it('finds clues and cases by number and name for those who see them, and counts them', async () => {
    assert.deepEqual((await search('clue', as.casemgr, clue.serialNumber)).map((hit) => hit.recordId), [clue.id]);
    assert.deepEqual((await search('clue', as.casemgr, '褚某')).map((hit) => hit.recordId), [clue.id]);
    assert.deepEqual(await search('clue', as['pz.jy'], '褚某'), [], 'a dispatched group does not find another office’s clue');

    const filed = (await ok(await as.handler.get('/api/cases?page=1&pageSize=5'), 'cases')).items as Json[];
    const caseRow = filed.find((row) => row.clueId === clue.id)!;
    assert.ok((await todos('cases.investigate', as.handler)).some((entry) => entry.recordId === caseRow.id && entry.reference === caseRow.caseNumber));
    assert.deepEqual((await search('case', as.handler, caseRow.caseNumber)).map((hit) => hit.recordId), [caseRow.id]);

    const clueFigures = await figures('clues', as.casemgr);
    assert.equal(clueFigures['clues.received'], 1);
    assert.equal(clueFigures['clues.disposed'], 1);
    assert.equal((await figures('cases', as.casemgr))['cases.filed'], 1);
  });

  it('sends only notices of the kinds the modules declare', async () => {
    // A transfer, a supplement from the reporter and the deadline sweep, besides the messages to the reporter above.
    const other = await submitReport(t.app, {
      submissionType: 'accusation',
      title: '某县干部违规兼职取酬',
      content: '反映临溪县某单位干部在企业违规兼职并领取报酬，请予核查。',
      receivingOrganizationId: body['qy-jw'],
      anonymous: true,
    });
    const otherReceipt = await ok(other, 'submit');
    const [row] = (await search('petition', as.intake, otherReceipt.receiptCode)).map((hit) => hit.recordId);
    await act(as.intake, row, 'register', 'submitted');
    await ok(await t.app.inject({ method: 'POST', url: '/api/public/petitions/supplement', payload: { receiptCode: otherReceipt.receiptCode, secret: otherReceipt.secret, body: '补充：兼职企业名称另附。' } }), 'supplement');
    await ok(await as.intake.post(`/api/petitions/${row}/proposal`, { expectedStatus: 'registered', mode: 'forward', targetOrganizationIds: [body['lx-jw']], opinion: '转临溪县' }), 'propose');
    await act(as.leader, row, 'approveForwarding', 'proposal_pending');
    t.platform.clock.advance(40 * 86_400_000);
    await t.platform.deadlines.sweep();

    const declared = new Set(t.application.notificationKinds.map((kind) => kind.kind));
    const sent = new Set((await t.platform.db.select({ kind: notifications.kind }).from(notifications)).map((entry) => entry.kind));
    for (const kind of ['petition.accepted', 'petition.answered', 'petition.transfer', 'petition.supplement', 'deadline.reminder', 'deadline.escalation']) assert.ok(sent.has(kind), `${kind} was sent`);
    assert.deepEqual([...sent].filter((kind) => !declared.has(kind)), [], 'every kind sent is declared');
    const inApp = await t.platform.db.select().from(notifications).where(eq(notifications.kind, 'petition.supplement'));
    assert.equal(inApp.length, 1);
  });
});
