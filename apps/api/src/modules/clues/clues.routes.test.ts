import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { verifyAuditChain } from '../../platform/audit/audit.service.ts';

type Json = Record<string, any>;

describe('clues: one central ledger, every disposal approved, every transfer closed', () => {
  let t: TestApp;
  const body: Record<string, string> = {};
  const as: Record<string, TestClient> = {};

  before(async () => {
    t = await createTestApp();
    for (const row of await t.platform.db.select({ id: organizations.id, code: organizations.code }).from(organizations)) body[row.code] = row.id;
    for (const name of ['casemgr', 'handler', 'leader', 'secretary', 'jcs.head', 'pz.jy', 'partner', 'intake', 'admin', 'xk.officer', 'xk.leader', 'lx.admin']) {
      as[name] = await t.login(name);
    }
  });
  after(() => t.close());

  const clue = (overrides: Json = {}) => ({
    source: 'self_discovered',
    title: '某局局长违规收受礼金',
    allegations: '反映市某局局长在春节期间收受下属单位礼金，金额较大，请予核查。',
    violationCategories: ['integrity'],
    concernedName: '王某某',
    concernedPost: '局长',
    concernedUnit: '清源市某局',
    objectLevel: 'county_division',
    cadreManagementLevel: 'city_managed',
    ...overrides,
  });

  async function ok(response: { statusCode: number; body: string; json(): unknown }, what: string): Promise<Json> {
    assert.equal(response.statusCode, 200, `${what}: ${response.body}`);
    return response.json() as Json;
  }
  const act = (client: TestClient, id: string, payload: Json) => client.post(`/api/clues/${id}/actions`, payload);
  const sign = (client: TestClient, id: string, decision: 'approve' | 'return', opinion = '同意') =>
    client.post(`/api/clues/${id}/sign`, { decision, opinion, expectedStatus: 'disposal_proposed' });

  it('registers a clue, assigns it, and approves a verification up the chain set by the cadre’s level', async () => {
    const created = await ok(await as.casemgr.post('/api/clues', clue()), 'create');
    assert.equal(created.status, 'registered', 'the case-management office registers what it enters itself');
    assert.match(created.serialNumber, /^XS2026-\d{5}$/);
    assert.equal(created.organizationId, body['qy-ggs']);

    const assigned = await ok(await act(as.casemgr, created.id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    assert.equal(assigned.status, 'with_handling_office');
    assert.equal(assigned.organizationId, body['qy-jcs1']);
    // A body outside the commission is no handling body.
    const wrong = await act(as.casemgr, created.id, { action: 'assign', expectedStatus: 'with_handling_office', handlingOrganizationId: body['qy-sjj'] });
    assert.deepEqual([wrong.statusCode, wrong.json().code], [400, 'CLUE_HANDLING_BODY_INVALID']);

    const missing = await act(as.handler, created.id, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'preliminary_verification' });
    assert.equal(missing.json().code, 'CLUE_ACTION_INCOMPLETE');
    const reason = '经集体研究，问题具体，可查性强，拟初步核实。';
    // WF-B2: no verification without its work plan and team.
    const withoutPlan = await act(as.handler, created.id, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'preliminary_verification', note: reason });
    assert.deepEqual([withoutPlan.statusCode, withoutPlan.json().details[0].path], [400, 'body.verificationPlan']);
    const plan = { plan: '调取近三年工程项目审批材料，约谈项目负责人。', teamLeader: '陈明', teamMembers: ['赵磊', '孙倩'], plannedEndOn: '2026-12-31' };
    const proposed = await ok(
      await act(as.handler, created.id, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'preliminary_verification', note: reason, verificationPlan: plan }),
      'propose',
    );
    assert.deepEqual(proposed.proposal.verificationPlan, plan, 'the plan goes up the chain with the proposal');
    assert.equal(proposed.verificationPlan, null, 'not in force before it is approved');
    assert.equal(proposed.status, 'disposal_proposed');
    assert.deepEqual(proposed.approval.steps.map((step: Json) => step.step), ['office_head', 'leader_in_charge', 'principal_leader'], 'city-managed cadre: the head signs last');
    assert.ok(!proposed.allowedActions.some((action: string) => action.startsWith('approve')), 'approvals go through the chain, not the action list');

    // Out of order: the commission's leaders cannot sign before the office head.
    assert.equal((await sign(as.leader, created.id, 'approve')).json().code, 'APPROVAL_NOT_YOURS');
    const officeSigned = await ok(await sign(as['jcs.head'], created.id, 'approve', '同意，报分管领导'), 'office head');
    assert.equal(officeSigned.status, 'disposal_proposed');
    assert.equal(officeSigned.approval.nextStep, 'leader_in_charge');
    // A leader in charge without the principal grant cannot sign the head's step.
    await ok(await sign(as.leader, created.id, 'approve', '同意，报主要负责人'), 'leader in charge');
    assert.equal((await sign(as.leader, created.id, 'approve')).json().code, 'APPROVAL_NOT_YOURS');
    const approved = await ok(await sign(as.secretary, created.id, 'approve', '同意初步核实'), 'principal');
    assert.equal(approved.status, 'verification');
    assert.equal(approved.disposalType, 'preliminary_verification');
    assert.deepEqual(approved.approval.steps.map((step: Json) => step.signedBy), ['林海', '张建国', '周正']);
    assert.equal(approved.deadlines.at(-1).ruleKey, 'clue.verification');
    assert.deepEqual(approved.verificationPlan, plan, 'the approved plan is the verification’s');

    const reported = await ok(
      await act(as.handler, created.id, { action: 'submitVerificationReport', expectedStatus: 'verification', record: '经初核，收受礼金问题基本属实。', recommendation: 'propose_case_filing' }),
      'report',
    );
    assert.equal(reported.status, 'verification_reported');
    assert.equal(reported.records.at(-1).recommendation, 'propose_case_filing');
    const filed = await ok(await act(as.leader, created.id, { action: 'approveCaseFilingAfterVerification', expectedStatus: 'verification_reported', record: '同意立案审查调查。' }), 'file');
    assert.equal(filed.status, 'case_filing');
    assert.equal((await verifyAuditChain(t.platform.db)).ok, true);
  });

  it('sends a proposal back with the reason and starts a new round of signatures', async () => {
    const created = await ok(await as.casemgr.post('/api/clues', clue({ cadreManagementLevel: 'county_managed', concernedName: '赵某' })), 'create');
    await ok(await act(as.casemgr, created.id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    const verificationPlan = { plan: '核查项目招投标资料。', teamLeader: '陈明' };
    const propose = (note: string, disposalType = 'talk_or_letter_inquiry') =>
      act(as.handler, created.id, { action: 'propose', expectedStatus: 'with_handling_office', disposalType, note, ...(disposalType === 'preliminary_verification' ? { verificationPlan } : {}) });
    await ok(await propose('拟谈话函询'), 'propose');
    const returned = await ok(await sign(as['jcs.head'], created.id, 'return', '问题较具体，建议初步核实'), 'return');
    assert.equal(returned.status, 'with_handling_office');
    assert.equal(returned.events.at(-1).note, '问题较具体，建议初步核实');
    const again = await ok(await propose('按室主任意见改为初步核实', 'preliminary_verification'), 'propose again');
    assert.deepEqual(again.approval.steps.map((step: Json) => step.signedBy), [null, null], 'a new round starts unsigned');
    await ok(await sign(as['jcs.head'], created.id, 'approve'), 'office');
    const approved = await ok(await sign(as.leader, created.id, 'approve'), 'leader');
    assert.equal(approved.status, 'verification', 'county-managed: office head and leader in charge suffice');
    assert.deepEqual(approved.verificationPlan, { ...verificationPlan, teamMembers: [] });
  });

  it('takes a report converted by the intake office, inquires by letter, closes, and feeds the result back to the report', async () => {
    const petition = await ok(
      await as.intake.post('/api/petitions', {
        channel: 'letter',
        submissionType: 'accusation',
        title: '反映某镇镇长违规使用公车',
        content: '某镇镇长李某长期公车私用，周末驾驶公车回老家，请予查处。',
        concernedName: '李某',
        concernedUnit: '某镇人民政府',
        anonymous: true,
      }),
      'register petition',
    );
    await ok(await as.intake.post(`/api/petitions/${petition.id}/clue-handoff`, { summary: '李某公车私用问题线索' }), 'handoff');
    const ledger = (await as.casemgr.get(`/api/clues?source=petition`)).json() as Json;
    const converted = ledger.items.find((item: Json) => item.title === '反映某镇镇长违规使用公车');
    assert.ok(converted, 'the converted report is in the city ledger');
    assert.equal(converted.status, 'received');
    const handoff = (await as.intake.get(`/api/petitions/${petition.id}`)).json().clueHandoff as Json;
    assert.deepEqual([handoff.status, handoff.clueId], ['received', converted.id]);

    const id = converted.id as string;
    await ok(await act(as.casemgr, id, { action: 'register', expectedStatus: 'received' }), 'register');
    await ok(await act(as.casemgr, id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    await ok(await act(as.handler, id, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'talk_or_letter_inquiry', note: '倾向性问题，拟函询。' }), 'propose');
    await ok(await sign(as['jcs.head'], id, 'approve'), 'office');
    const inquiry = await ok(await sign(as.leader, id, 'approve'), 'leader');
    assert.equal(inquiry.status, 'inquiry');
    const letter = await ok(await act(as.handler, id, { action: 'sendLetter', expectedStatus: 'inquiry', record: '向李某发出函询通知书，要求15个工作日内书面说明。' }), 'letter');
    assert.equal(letter.status, 'awaiting_reply');
    assert.equal(letter.deadlines.at(-1).ruleKey, 'clue.inquiryReply');
    await ok(await act(as.handler, id, { action: 'receiveReply', expectedStatus: 'awaiting_reply', record: '李某书面说明：系公务用车，有派车单为证。' }), 'reply');
    await ok(await act(as.handler, id, { action: 'submitInquiryReport', expectedStatus: 'inquiry_reporting', record: '经核对派车单，说明属实，建议采信了结。' }), 'report');
    const concluded = await ok(await act(as.leader, id, { action: 'acceptAndClose', expectedStatus: 'inquiry_reported', record: '同意采信了结，向本人反馈。' }), 'accept');
    assert.equal(concluded.status, 'concluded');
    assert.equal(concluded.conclusion, '同意采信了结，向本人反馈。');
    const closed = await ok(await act(as.casemgr, id, { action: 'feedBack', expectedStatus: 'concluded', record: '经函询，反映问题不属实，予以采信了结。' }), 'feedback');
    assert.equal(closed.status, 'closed');
    const fedBack = (await as.intake.get(`/api/petitions/${petition.id}`)).json().clueHandoff as Json;
    assert.deepEqual([fedBack.status, fedBack.result], ['fed_back', '经函询，反映问题不属实，予以采信了结。']);
  });

  it('transfers a clue to a township and back: acknowledgement, disposal, result to the sender, who sees each state', async () => {
    const created = await ok(await as.casemgr.post('/api/clues', clue({ cadreManagementLevel: 'township_managed', concernedName: '孙某', concernedPost: '村党支部书记', concernedUnit: '溪口村' })), 'create');
    const sent = await ok(await act(as.casemgr, created.id, { action: 'transferOut', expectedStatus: 'registered', targetOrganizationId: body['lx-t1'], transferMode: 'assign_with_report' }), 'transfer');
    assert.equal(sent.status, 'transferred');
    const transfer = sent.transfersOut[0] as Json;
    assert.deepEqual([transfer.mode, transfer.status, transfer.toClueStatus], ['assign_with_report', 'pending', 'transfer_received']);

    const childId = transfer.toClueId as string;
    // The city's own handling office cannot see the township's clue, the township can.
    assert.equal((await as.handler.get(`/api/clues/${childId}`)).statusCode, 404);
    await ok(await act(as['xk.leader'], childId, { action: 'acknowledge', expectedStatus: 'transfer_received' }), 'acknowledge');
    assert.equal(((await as.casemgr.get(`/api/clues/${created.id}`)).json() as Json).transfersOut[0].toClueStatus, 'registered', 'the sender sees the receiver move');
    await ok(await act(as['xk.leader'], childId, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['lx-t1'] }), 'assign to itself');
    const proposed = await ok(await act(as['xk.officer'], childId, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'closed_no_action', note: '经了解，反映问题已由村两委整改。' }), 'propose');
    assert.deepEqual(proposed.approval.steps.map((step: Json) => step.step), ['leader_in_charge'], 'a township holding its own clue has no separate office head');
    await ok(await sign(as['xk.leader'], childId, 'approve'), 'township leader');
    await ok(await act(as['xk.officer'], childId, { action: 'feedBack', expectedStatus: 'concluded', record: '问题已整改到位，予以了结。' }), 'township feedback');

    const sender = (await as.casemgr.get(`/api/clues/${created.id}`)).json() as Json;
    assert.equal(sender.status, 'concluded', 'the result moved the sender on');
    assert.equal(sender.transfersOut[0].status, 'reported');
    assert.match(sender.transfersOut[0].result, /已整改到位/);
    await ok(await act(as.casemgr, created.id, { action: 'feedBack', expectedStatus: 'concluded', record: '已收到溪口镇纪委办理结果，归档。' }), 'close');
  });

  it('returns a mis-sent transfer, and the sender routes it again', async () => {
    const created = await ok(await as.casemgr.post('/api/clues', clue({ concernedName: '钱某' })), 'create');
    const sent = await ok(await act(as.casemgr, created.id, { action: 'transferOut', expectedStatus: 'registered', targetOrganizationId: body['lx-jw'] }), 'transfer');
    const childId = sent.transfersOut[0].toClueId as string;
    const noReason = await act(as['lx.admin'], childId, { action: 'returnTransfer', expectedStatus: 'transfer_received' });
    assert.equal(noReason.json().code, 'WORKFLOW_NOTE_REQUIRED');
    await ok(await act(as['lx.admin'], childId, { action: 'returnTransfer', expectedStatus: 'transfer_received', note: '被反映人系市管干部，不属本委管辖' }), 'return');
    const back = (await as.casemgr.get(`/api/clues/${created.id}`)).json() as Json;
    assert.equal(back.status, 'registered');
    assert.deepEqual([back.transfersOut[0].status, back.transfersOut[0].returnReason], ['returned', '被反映人系市管干部，不属本委管辖']);
  });

  it('keeps each body to its own clues: dispatched group, township, partner body, administrator, intake', async () => {
    const forGroup = await ok(await as.casemgr.post('/api/clues', clue({ concernedName: '教育局某科长', concernedUnit: '清源市教育局' })), 'create');
    await ok(await act(as.casemgr, forGroup.id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-pz-jy'] }), 'assign to group');

    const groupList = (await as['pz.jy'].get('/api/clues?pageSize=200')).json() as Json;
    assert.ok(groupList.items.length >= 1);
    assert.ok(groupList.items.every((item: Json) => item.organizationId === body['qy-pz-jy']), 'a dispatched group sees only its own clues');
    const cityCount = ((await as.casemgr.get('/api/clues?pageSize=200')).json() as Json).total;
    assert.ok(cityCount > groupList.total, 'the case-management office sees the whole commission');

    const township = (await as['xk.officer'].get('/api/clues?pageSize=200')).json() as Json;
    assert.ok(township.items.every((item: Json) => item.organizationId === body['lx-t1']), 'a township sees only its township');
    assert.equal((await as['xk.officer'].get(`/api/clues/${forGroup.id}`)).statusCode, 404);

    // A partner body transfers a clue it found and follows only what it sent.
    const fromAudit = await ok(
      await as.partner.post('/api/clues', clue({ source: 'audit', ledgerOrganizationId: body['qy-jw'], sourceReference: '清审移〔2026〕3号', concernedName: '审计发现对象' })),
      'partner transfer',
    );
    assert.equal(fromAudit.status, 'received');
    assert.equal(fromAudit.partnerView, true);
    const partnerList = (await as.partner.get('/api/clues?pageSize=200')).json() as Json;
    assert.deepEqual(partnerList.items.map((item: Json) => item.id), [fromAudit.id]);
    assert.equal((await as.partner.get(`/api/clues/${forGroup.id}`)).statusCode, 404);
    assert.equal((await act(as.partner, fromAudit.id, { action: 'register', expectedStatus: 'received' })).statusCode, 403);
    const received = (await as.casemgr.get(`/api/clues/${fromAudit.id}`)).json() as Json;
    assert.deepEqual([received.sourceOrganizationName, received.partnerView], ['清源市审计局', false]);
    // A partner may only send to a commission's ledger.
    assert.equal((await as.partner.post('/api/clues', clue({ source: 'audit', ledgerOrganizationId: body['qy-jcs1'] }))).json().code, 'CLUE_LEDGER_INVALID');

    // Administrators run the system, the intake office runs reports: neither reads the clue ledger.
    assert.equal((await as.admin.get('/api/clues')).statusCode, 403);
    assert.equal((await as.intake.get('/api/clues')).statusCode, 403);
    assert.equal((await as.admin.get(`/api/clues/${forGroup.id}`)).statusCode, 403);
  });

  it('links clues about the same person, and shows the person view only to need-to-know roles, logging each view', async () => {
    const first = await ok(await as.casemgr.post('/api/clues', clue({ concernedName: '陈某', concernedUnit: '清源市交通局', idNumber: '110101197001011234' })), 'first');
    const second = await ok(
      await as.casemgr.post('/api/clues', clue({ concernedName: '陈某', concernedUnit: '市交通运输局', idNumber: '110101197001011234', title: '陈某违规经商办企业' })),
      'second',
    );
    assert.equal(second.personId, first.personId, 'the same ID number is the same person, however the unit is written');
    assert.equal(second.hasIdNumber, true);
    assert.ok(!JSON.stringify(second).includes('110101197001011234'), 'the ID number never leaves the server');
    assert.deepEqual(second.relatedClues.map((item: Json) => item.id), [first.id]);

    // Correcting the unit of a person known by ID number keeps them the same person.
    const corrected = await ok(await as.casemgr.patch(`/api/clues/${second.id}`, { concernedUnit: '清源市交通运输局', version: second.version }), 'correct');
    assert.equal(corrected.personId, first.personId);
    assert.equal((await as.casemgr.patch(`/api/clues/${second.id}`, { concernedUnit: '过期的版本', version: second.version })).statusCode, 409);

    assert.equal((await as.handler.get(`/api/clue-persons/${first.personId}`)).statusCode, 403);
    const view = await ok(await as.casemgr.get(`/api/clue-persons/${first.personId}`), 'person');
    assert.deepEqual(view.clues.map((item: Json) => item.id).sort(), [first.id, second.id].sort());
    const logged = await t.platform.db.select().from(auditLog).where(and(eq(auditLog.action, 'clue.person.view'), eq(auditLog.subjectId, first.personId)));
    assert.equal(logged.length, 1);
  });

  it('numbers clues without gaps or duplicates, and lets one of twenty concurrent actions win', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, index) => as.casemgr.post('/api/clues', clue({ concernedName: `并发${index}` }))));
    const numbers = created.map((response) => Number((response.json() as Json).serialNumber.split('-')[1])).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 20);
    assert.equal(numbers[19] - numbers[0], 19, 'consecutive: no gaps');

    const id = (created[0].json() as Json).id as string;
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () => act(as.casemgr, id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] })),
    );
    assert.equal(attempts.filter((response) => response.statusCode === 200).length, 1);
    assert.ok(attempts.filter((response) => response.statusCode !== 200).every((response) => response.statusCode === 409));
    const events = ((await as.casemgr.get(`/api/clues/${id}`)).json() as Json).events as Json[];
    assert.equal(events.filter((event) => event.action === 'assign').length, 1);
  });

  it('runs a joint screening over clues of several offices: reviewers conclude theirs, the leader closes the batch', async () => {
    const ids: string[] = [];
    for (const [index, holder] of ['qy-jcs1', 'qy-pz-jy'].entries()) {
      const created = await ok(await as.casemgr.post('/api/clues', clue({ concernedName: `排查对象${index}` })), 'create');
      await ok(await act(as.casemgr, created.id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body[holder] }), 'assign');
      ids.push(created.id);
    }
    assert.equal((await as.casemgr.post('/api/clue-screenings', { title: '第四季度集中排查', clueIds: ids })).statusCode, 403, 'a leader starts a batch');
    const batch = await ok(await as.leader.post('/api/clue-screenings', { title: '第四季度集中排查', clueIds: ids }), 'create batch');
    assert.deepEqual([batch.total, batch.concluded, batch.status], [2, 0, 'open']);
    const [first, second] = batch.items as Json[];
    const handlerId = as.handler.userId;
    const groupId = as['pz.jy'].userId;
    await ok(await as.leader.post(`/api/clue-screenings/${batch.id}/items/${first.id}/reviewer`, { reviewerId: handlerId }), 'assign first');
    await ok(await as.leader.post(`/api/clue-screenings/${batch.id}/items/${second.id}/reviewer`, { reviewerId: groupId }), 'assign second');
    // A reviewer sees only the clues assigned to them, and cannot conclude someone else's.
    const handlerView = await ok(await as.handler.get(`/api/clue-screenings/${batch.id}`), 'handler view');
    assert.deepEqual(handlerView.items.map((item: Json) => item.id), [first.id]);
    assert.equal((await as.handler.post(`/api/clue-screenings/${batch.id}/items/${second.id}/conclusion`, { conclusion: '无问题' })).statusCode, 403);
    await ok(await as.handler.post(`/api/clue-screenings/${batch.id}/items/${first.id}/conclusion`, { conclusion: '问题线索具体，建议初核' }), 'conclude first');
    assert.equal((await as.leader.post(`/api/clue-screenings/${batch.id}/close`)).json().code, 'SCREENING_INCOMPLETE');
    await ok(await as['pz.jy'].post(`/api/clue-screenings/${batch.id}/items/${second.id}/conclusion`, { conclusion: '已核实无问题，建议了结' }), 'conclude second');
    const closed = await ok(await as.leader.post(`/api/clue-screenings/${batch.id}/close`), 'close');
    assert.deepEqual([closed.status, closed.concluded], ['closed', 2]);
    assert.ok(((await as.leader.get('/api/clue-screenings')).json() as Json[]).some((entry) => entry.id === batch.id));
    assert.ok(((await as.casemgr.get('/api/clue-screenings')).json() as Json[]).some((entry) => entry.id === batch.id), 'the commission’s 案管室 lists it');
    assert.ok(!((await as['lx.admin'].get('/api/clue-screenings')).json() as Json[]).some((entry) => entry.id === batch.id), 'a county leader does not list the city’s batch');
    assert.equal((await as.partner.get(`/api/clue-screenings/${batch.id}`)).statusCode, 404);
  });

  it('lets administrators set the approval chain of a level for their ledgers, and exports the ledger view to Excel', async () => {
    const city = body['qy-jw'];
    const county = body['lx-jw'];
    const rules = (await as.admin.get('/api/clue-approval-rules')).json() as Json[];
    const builtIn = rules.find((rule) => rule.cadreManagementLevel === 'county_managed')!;
    assert.deepEqual([builtIn.steps, builtIn.organizationId, builtIn.definedAt, builtIn.configured], [['office_head', 'leader_in_charge'], city, null, false]);
    const rule = (organizationId: string) => `/api/clue-approval-rules/${organizationId}/county_managed`;
    assert.equal((await as.casemgr.put(rule(city), { steps: ['leader_in_charge'] })).statusCode, 403);
    const updated = await ok(await as.admin.put(rule(city), { steps: ['leader_in_charge', 'office_head'] }), 'update rule');
    assert.deepEqual([updated.steps, updated.configured, updated.definedAt.id], [['office_head', 'leader_in_charge'], true, city], 'kept in signing order');
    await ok(await as.admin.put(rule(city), { steps: ['leader_in_charge'] }), 'one step');
    // The county's ledger inherits the city's chain; its administrator sets the county's own, not the city's.
    const countyRules = (await as['lx.admin'].get(`/api/clue-approval-rules?organizationId=${county}`)).json() as Json[];
    const inherited = countyRules.find((entry) => entry.cadreManagementLevel === 'county_managed')!;
    assert.deepEqual([inherited.steps, inherited.configured, inherited.definedAt.id], [['leader_in_charge'], false, city]);
    assert.equal((await as['lx.admin'].put(rule(city), { steps: ['office_head'] })).statusCode, 404, 'a county administrator cannot change the city’s chain');
    assert.equal((await as.admin.put(`/api/clue-approval-rules/${body['qy-jcs1']}/county_managed`, { steps: ['office_head'] })).json().code, 'CLUE_LEDGER_INVALID', 'chains belong to ledgers');
    const countyOwn = await ok(await as['lx.admin'].put(rule(county), { steps: ['office_head', 'leader_in_charge', 'principal_leader'] }), 'county chain');
    assert.deepEqual([countyOwn.configured, countyOwn.definedAt.id], [true, county]);
    const reset = await ok(await as['lx.admin'].delete(rule(county)), 'county reset');
    assert.deepEqual([reset.configured, reset.steps], [false, ['leader_in_charge']], 'inherits the city’s again');
    const created = await ok(await as.casemgr.post('/api/clues', clue({ cadreManagementLevel: 'county_managed', concernedName: '配置测试' })), 'create');
    await ok(await act(as.casemgr, created.id, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    const proposed = await ok(await act(as.handler, created.id, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'closed_no_action', note: '反映不实' }), 'propose');
    assert.deepEqual(proposed.approval.steps.map((step: Json) => step.step), ['leader_in_charge']);

    const exported = await as.casemgr.get('/api/clues/export.xlsx?source=self_discovered');
    assert.equal(exported.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.getRow(1).getCell(1).value, '线索编号');
    assert.equal(sheet.rowCount - 1, Number(exported.headers['x-export-rows']));
    assert.ok(sheet.rowCount > 5);
  });
});
