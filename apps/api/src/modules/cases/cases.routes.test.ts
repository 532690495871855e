import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { verifyAuditChain } from '../../platform/audit/audit.service.ts';

type Json = Record<string, any>;

describe('cases: filing, investigation, three-level sign-off, hearing, decision, sanctions, documents', () => {
  let t: TestApp;
  const body: Record<string, string> = {};
  const as: Record<string, TestClient> = {};

  before(async () => {
    t = await createTestApp();
    for (const row of await t.platform.db.select({ id: organizations.id, code: organizations.code }).from(organizations)) body[row.code] = row.id;
    for (const name of ['casemgr', 'handler', 'leader', 'secretary', 'jcs.head', 'pz.jy', 'partner', 'admin', 'lx.admin']) as[name] = await t.login(name);
  });
  after(() => t.close());

  async function ok(response: { statusCode: number; body: string; json(): unknown }, what: string): Promise<Json> {
    assert.equal(response.statusCode, 200, `${what}: ${response.body}`);
    return response.json() as Json;
  }
  const act = (client: TestClient, path: string, payload: Json) => client.post(`${path}/actions`, payload);

  /** A clue verified and approved for filing: the approval itself files the case. */
  async function filedCase(name: string, person: Json = {}): Promise<{ clueId: string; caseId: string }> {
    const clue = await ok(
      await as.casemgr.post('/api/clues', {
        source: 'audit',
        title: `${name}违规收受礼金`,
        allegations: `${name}在担任局长期间多次收受管理服务对象礼金，共计人民币8万元。`,
        concernedName: name,
        concernedPost: '局长',
        concernedUnit: '清源市某局',
        // A distinct ID number per name: each test's person is their own.
        idNumber: `110101197001${String([...name].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 100000).padStart(5, '0')}X`,
        cadreManagementLevel: 'county_managed',
        ...person,
      }),
      'create clue',
    );
    const path = `/api/clues/${clue.id}`;
    await ok(await act(as.casemgr, path, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    await ok(await act(as.handler, path, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'preliminary_verification', note: '问题具体，拟初核。', verificationPlan: { plan: '调取账目，约谈知情人。', teamLeader: '陈明' } }), 'propose');
    const sign = (client: TestClient) => client.post(`${path}/sign`, { decision: 'approve', opinion: '同意', expectedStatus: 'disposal_proposed' });
    await ok(await sign(as['jcs.head']), 'office head');
    await ok(await sign(as.leader), 'leader');
    await ok(await act(as.handler, path, { action: 'submitVerificationReport', expectedStatus: 'verification', record: '初核属实。', recommendation: 'propose_case_filing' }), 'report');
    const filed = await ok(await act(as.leader, path, { action: 'approveCaseFilingAfterVerification', expectedStatus: 'verification_reported', record: '同意立案。' }), 'file');
    assert.equal(filed.status, 'case_filing');
    const list = (await as.handler.get(`/api/cases?q=${encodeURIComponent(name)}`)).json() as Json;
    assert.equal(list.items.length, 1, 'the approval filed exactly one case');
    return { clueId: clue.id, caseId: list.items[0].id };
  }

  it('walks a case from filing to executed sanctions; the clue and its sender learn the result', async () => {
    const { clueId, caseId } = await filedCase('刘某');
    const path = `/api/cases/${caseId}`;
    const filed = await ok(await as.handler.get(path), 'case');
    assert.equal(filed.status, 'filed');
    assert.match(filed.caseNumber, /^LA2026-\d{5}$/);
    assert.equal(filed.clueId, clueId);
    assert.equal(filed.organizationId, body['qy-jcs1']);

    await ok(await act(as.handler, path, { action: 'announceFiling', expectedStatus: 'filed', note: '已向本人宣布并通报所在单位党组' }), 'announce');
    const tooLong = await as.handler.post(`${path}/measures`, { kind: 'detention', startedOn: '2026-11-24', endedOn: '2027-06-30', approvedBy: '省纪委监委' });
    assert.equal(tooLong.statusCode, 400, 'detention beyond 3 + 3 months is refused');
    const measured = await ok(await as.handler.post(`${path}/measures`, { kind: 'talk', startedOn: '2026-11-24', approvedBy: '林海', note: '首次谈话' }), 'measure');
    assert.equal(measured.measures.length, 1);

    assert.equal((await act(as.handler, path, { action: 'submitInvestigationReport', expectedStatus: 'under_investigation' })).json().code, 'CLUE_ACTION_INCOMPLETE');
    await ok(await act(as.handler, path, { action: 'submitInvestigationReport', expectedStatus: 'under_investigation', record: '审查调查报告：收受礼金8万元属实。' }), 'report');
    // Three-level responsibility: the handler cannot approve his own report; the group leader reviews, the meeting decides.
    assert.equal((await act(as.handler, path, { action: 'approveReport', expectedStatus: 'report_review' })).statusCode, 403);
    await ok(await act(as['jcs.head'], path, { action: 'approveReport', expectedStatus: 'report_review', note: '事实清楚，同意提交组务会' }), 'group leader');
    assert.equal((await act(as['jcs.head'], path, { action: 'transferToHearing', expectedStatus: 'report_deliberation' })).json().code, 'WORKFLOW_NOTE_REQUIRED');
    const hearing = await ok(
      await act(as['jcs.head'], path, { action: 'transferToHearing', expectedStatus: 'report_deliberation', note: '组务会（2026年第12次）集体研究，同意移送审理' }),
      'group meeting',
    );
    assert.equal(hearing.status, 'under_hearing');
    assert.deepEqual(
      hearing.records.map((record: Json) => [record.action, record.authorName]),
      [
        ['submitInvestigationReport', '陈明'],
        ['approveReport', '林海'],
        ['transferToHearing', '林海'],
      ],
      'each sign-off is recorded with who signed',
    );
    await ok(await act(as.leader, path, { action: 'concludeHearing', expectedStatus: 'under_hearing', record: '审理报告：定性准确，处理恰当。' }), 'hearing');
    const noSanction = await act(as.leader, path, { action: 'decide', expectedStatus: 'heard', record: '处分决定' });
    assert.equal(noSanction.json().code, 'CLUE_ACTION_INCOMPLETE');
    const decided = await ok(
      await act(as.leader, path, {
        action: 'decide',
        expectedStatus: 'heard',
        record: '经市纪委常委会研究，给予党内严重警告、政务记大过处分。',
        sanctions: [{ type: 'party_serious_warning', effectiveFrom: '2026-11-23' }, { type: 'admin_major_demerit', effectiveFrom: '2026-11-23' }],
      }),
      'decide',
    );
    assert.deepEqual(
      decided.sanctions.map((sanction: Json) => [sanction.type, sanction.fourForm, sanction.effectEndsOn, sanction.inEffect]),
      [
        ['party_serious_warning', 'form_2', '2028-05-22', true],
        ['admin_major_demerit', 'form_2', '2028-05-22', true],
      ],
      '18 months from the day the decision takes effect',
    );
    await ok(await act(as.handler, path, { action: 'announceDecision', expectedStatus: 'decided', note: '已向本人及所在党支部宣布' }), 'announce decision');
    await ok(await act(as.handler, path, { action: 'reportExecution', expectedStatus: 'executing', record: '职务、工资等已按规定调整。' }), 'execution');

    const clue = (await as.casemgr.get(`/api/clues/${clueId}`)).json() as Json;
    assert.equal(clue.status, 'concluded', 'the executed case moves its clue on to feedback');
    assert.match(clue.conclusion, /党内严重警告、记大过/);
    await ok(await act(as.casemgr, `/api/clues/${clueId}`, { action: 'feedBack', expectedStatus: 'concluded', record: '已向审计局反馈：刘某受到党内严重警告、政务记大过处分。' }), 'feedback');
    // The partner body that sent the clue (here the ledger itself registered it) — the person view shows the whole history.
    const person = await ok(await as.casemgr.get(`/api/clue-persons/${clue.personId}`), 'person');
    assert.deepEqual([person.clues.length, person.cases.length, person.sanctions.length], [1, 1, 2]);
    const register = (await as.leader.get('/api/sanctions?inEffect=true&category=party_discipline')).json() as Json;
    assert.ok(register.items.some((item: Json) => item.caseId === caseId));
    assert.equal((await verifyAuditChain(t.platform.db)).ok, true);
  });

  it('issues Word documents with gapless numbers per body and year, also under concurrency', async () => {
    const { caseId } = await filedCase('孙某');
    const issued = await ok(await as.handler.post('/api/documents', { kind: 'filing_decision', subjectType: 'case', subjectId: caseId }), 'issue');
    assert.match(issued.number, /^清纪立〔2026〕\d+号$/);
    assert.ok(issued.attachmentId);
    const file = await as.handler.get(`/api/files/${issued.attachmentId}/content`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(file.rawPayload.subarray(0, 2).toString(), 'PK', 'a Word (zip) file');
    // Someone who cannot see the case cannot read its documents either.
    assert.equal((await as['pz.jy'].get(`/api/files/${issued.attachmentId}/content`)).statusCode, 404);
    assert.equal((await as['pz.jy'].get(`/api/documents?subjectType=case&subjectId=${caseId}`)).statusCode, 404);

    const refused = await as.handler.post('/api/documents', { kind: 'sanction_decision', subjectType: 'case', subjectId: caseId });
    assert.equal(refused.statusCode, 409, 'no sanction decision before the decision');

    const burst = await Promise.all(Array.from({ length: 20 }, () => as.handler.post('/api/documents', { kind: 'filing_decision', subjectType: 'case', subjectId: caseId })));
    assert.ok(burst.every((response) => response.statusCode === 200));
    const sequences = [issued, ...burst.map((response) => response.json() as Json)].map((document) => document.sequence as number).sort((a, b) => a - b);
    assert.equal(new Set(sequences).size, 21, 'no duplicates');
    assert.equal(sequences[20] - sequences[0], 20, 'no gaps');
    const listed = (await as.handler.get(`/api/documents?subjectType=case&subjectId=${caseId}`)).json() as Json[];
    assert.equal(listed.length, 21);
  });

  it('withdraws a case without sanctions, and keeps bodies and partners to what they may see', async () => {
    const { clueId, caseId } = await filedCase('周某');
    const path = `/api/cases/${caseId}`;
    await ok(await act(as.handler, path, { action: 'announceFiling', expectedStatus: 'filed' }), 'announce');
    await ok(await act(as.handler, path, { action: 'submitInvestigationReport', expectedStatus: 'under_investigation', record: '经审查，违纪事实不能成立。' }), 'report');
    await ok(await act(as['jcs.head'], path, { action: 'approveReport', expectedStatus: 'report_review' }), 'review');
    await ok(await act(as['jcs.head'], path, { action: 'transferToHearing', expectedStatus: 'report_deliberation', note: '组务会研究' }), 'meeting');
    await ok(await act(as.leader, path, { action: 'concludeHearing', expectedStatus: 'under_hearing', record: '证据不足。' }), 'hearing');
    const withdrawn = await ok(await act(as.leader, path, { action: 'withdraw', expectedStatus: 'heard', note: '证据不足，撤销案件并通知所在单位' }), 'withdraw');
    assert.equal(withdrawn.status, 'withdrawn');
    assert.match(((await as.casemgr.get(`/api/clues/${clueId}`)).json() as Json).conclusion, /撤销案件/);

    assert.equal((await as['pz.jy'].get(path)).statusCode, 404, 'a dispatched group does not see another office’s case');
    assert.equal((await as.casemgr.get(path)).statusCode, 200, 'the case-management office sees every case of the commission');
    assert.equal((await as.partner.get('/api/cases')).statusCode, 403);
    assert.equal((await as.admin.get('/api/cases')).statusCode, 403);
    assert.equal((await as.admin.get('/api/sanctions')).statusCode, 403);
  });

  it('takes an appeal without stopping execution; the review team excludes the investigators; a revocation ends the sanctions', async () => {
    const { caseId } = await filedCase('吴某');
    const path = `/api/cases/${caseId}`;
    await ok(await act(as.handler, path, { action: 'announceFiling', expectedStatus: 'filed' }), 'announce');
    await ok(await act(as.handler, path, { action: 'submitInvestigationReport', expectedStatus: 'under_investigation', record: '报告' }), 'report');
    await ok(await act(as['jcs.head'], path, { action: 'approveReport', expectedStatus: 'report_review' }), 'review');
    await ok(await act(as['jcs.head'], path, { action: 'transferToHearing', expectedStatus: 'report_deliberation', note: '组务会' }), 'meeting');
    await ok(await act(as.leader, path, { action: 'concludeHearing', expectedStatus: 'under_hearing', record: '审理报告' }), 'hearing');
    // Two people of one case (共同违纪): the second is named in the sanction entry.
    await ok(
      await act(as.leader, path, {
        action: 'decide',
        expectedStatus: 'heard',
        record: '决定',
        sanctions: [{ type: 'party_warning' }, { type: 'admonishment', concernedName: '吴某某', concernedUnit: '清源市某局' }],
      }),
      'decide',
    );
    await ok(await act(as.handler, path, { action: 'announceDecision', expectedStatus: 'decided' }), 'announce decision');
    const appealed = await ok(await as.handler.post(`${path}/appeals`, { kind: 'party_appeal', appellant: '吴某本人', grounds: '认为处分过重', filedOn: '2026-11-24' }), 'appeal');
    assert.equal(appealed.status, 'executing', 'execution goes on during the appeal');
    const appeal = appealed.appeals[0] as Json;
    assert.deepEqual([appeal.status, appeal.deadlineState], ['filed', 'on_time']);

    const handlerId = as.handler.userId;
    const conflict = await as.leader.post(`/api/case-appeals/${appeal.id}/actions`, { action: 'accept', expectedStatus: 'filed', reviewerIds: [handlerId] });
    assert.equal(conflict.json().code, 'REVIEWER_CONFLICT', 'whoever investigated cannot review');
    const accepted = await ok(await as.leader.post(`/api/case-appeals/${appeal.id}/actions`, { action: 'accept', expectedStatus: 'filed', reviewerIds: [as.casemgr.userId] }), 'accept');
    assert.deepEqual([accepted.status, accepted.reviewerNames], ['under_review', ['刘洋']]);
    const decided = await ok(
      await as.leader.post(`/api/case-appeals/${appeal.id}/actions`, { action: 'decide', expectedStatus: 'under_review', outcome: 'revoked', decision: '经复查，原处分认定事实不清，予以撤销。' }),
      'decide appeal',
    );
    assert.equal(decided.outcome, 'revoked');
    const after = await ok(await as.handler.get(path), 'case');
    assert.ok(after.sanctions.every((sanction: Json) => sanction.revoked && !sanction.inEffect), 'revoked sanctions are no longer in effect');
    assert.ok(!((await as.leader.get('/api/sanctions?inEffect=true')).json() as Json).items.some((item: Json) => item.caseId === caseId));
  });

  it('scores cases against configurable checklists and sums up the month’s problems', async () => {
    const checklist = await ok(
      await as.admin.post('/api/case-review-checklists', {
        name: '审查调查案件评查表',
        active: true,
        items: [
          { key: 'facts', label: { zhCN: '事实认定', en: 'Facts' }, maxScore: 40 },
          { key: 'procedure', label: { zhCN: '程序规范', en: 'Procedure' }, maxScore: 30 },
          { key: 'documents', label: { zhCN: '文书质量', en: 'Documents' }, maxScore: 30 },
        ],
      }),
      'checklist',
    );
    assert.equal((await as.casemgr.post('/api/case-review-checklists', { name: 'x', active: true, items: [{ key: 'a', label: { zhCN: 'a', en: 'a' }, maxScore: 1 }] })).statusCode, 403);
    const { caseId } = await filedCase('郑某');
    const over = await as.casemgr.post(`/api/cases/${caseId}/reviews`, { checklistId: checklist.id, scores: [{ key: 'facts', score: 41 }, { key: 'procedure', score: 30 }, { key: 'documents', score: 30 }] });
    assert.equal(over.json().code, 'CHECKLIST_MISMATCH');
    const missing = await as.casemgr.post(`/api/cases/${caseId}/reviews`, { checklistId: checklist.id, scores: [{ key: 'facts', score: 40 }] });
    assert.equal(missing.json().code, 'CHECKLIST_MISMATCH');
    const reviewed = await ok(
      await as.casemgr.post(`/api/cases/${caseId}/reviews`, {
        checklistId: checklist.id,
        scores: [
          { key: 'facts', score: 38 },
          { key: 'procedure', score: 24, problem: '谈话笔录缺少被谈话人签字' },
          { key: 'documents', score: 27, problem: '立案决定书文号格式不规范' },
        ],
      }),
      'review',
    );
    assert.deepEqual([reviewed.totalScore, reviewed.maxScore], [89, 100]);
    const byHandler = await as.handler.post(`/api/cases/${caseId}/reviews`, {
      checklistId: checklist.id,
      scores: [{ key: 'facts', score: 40 }, { key: 'procedure', score: 30 }, { key: 'documents', score: 30 }],
    });
    assert.equal(byHandler.statusCode, 403, 'handlers do not score their own cases');
    const summary = await ok(await as.casemgr.get('/api/case-reviews/summary?month=2026-11'), 'summary');
    assert.equal(summary.reviews, 1);
    assert.equal(summary.averagePercent, 0.89);
    assert.deepEqual(summary.problems.map((problem: Json) => problem.item).sort(), ['文书质量', '程序规范']);
    assert.equal(((await as.casemgr.get('/api/case-reviews/summary?month=2026-10')).json() as Json).reviews, 0);
  });

  it('counts clues by source and disposal, the disposal rate and clues → cases → persons, and exports them', async () => {
    const metrics = await ok(await as.casemgr.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31'), 'metrics');
    // Five clues from audit in this file, each verified and filed as a case.
    assert.deepEqual([metrics.received, metrics.disposed, metrics.funnel.cases], [5, 5, 5]);
    assert.deepEqual(metrics.bySource.find((row: Json) => row.source === 'audit'), { source: 'audit', received: 5, disposed: 5, cases: 5 });
    assert.equal(metrics.byDisposal.find((row: Json) => row.disposalType === 'preliminary_verification').count, 5);
    assert.equal(metrics.conversionRate, 1);
    // 刘某 (two sanctions), 吴某 and 吴某某 (a co-subject of the same case); revoked sanctions still count as decided.
    assert.equal(metrics.funnel.personsSanctioned, 3);
    assert.equal(metrics.fourForms.find((row: Json) => row.fourForm === 'form_2').persons, 2);
    assert.equal(metrics.fourForms.find((row: Json) => row.fourForm === 'form_1').persons, 1);
    assert.equal(metrics.disposalRate, metrics.disposed / metrics.received);
    assert.equal((await as.partner.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31')).statusCode, 403);

    const exported = await as.casemgr.get('/api/clue-metrics/export.xlsx?from=2026-01-01&to=2026-12-31');
    assert.equal(exported.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.deepEqual([sheet.getRow(2).getCell(2).value, sheet.getRow(4).getCell(1).value, sheet.getRow(4).getCell(2).value], ['清源市纪委监委', '受理线索', metrics.received]);
    const officeRow = sheet.getRows(1, sheet.rowCount)!.find((row) => row.getCell(1).value === '市纪委监委第一监督检查室')!;
    assert.deepEqual([2, 3, 4, 5].map((cell) => officeRow.getCell(cell).value), [5, 5, 5, 3], 'the by-body section: received, disposed, cases, persons');
  });

  it('breaks the figures down by body and narrows them to one body and below', async () => {
    const all = await ok(await as.casemgr.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31'), 'metrics');
    // The case-management office works for the whole commission: its figures are the commission's.
    assert.deepEqual([all.organizationName, all.byBody[0].own, all.byBody[0].organizationId], ['清源市纪委监委', true, all.organizationId]);
    assert.ok(all.byBody.length > 5, 'the commission itself, then each office, group and county below it');
    const office = all.byBody.find((row: Json) => row.organizationId === body['qy-jcs1']);
    assert.deepEqual([office.received, office.disposed, office.cases, office.personsSanctioned, office.own], [5, 5, 5, 3, false]);
    const county = all.byBody.find((row: Json) => row.organizationId === body['lx-jw']);
    assert.deepEqual([county.received, county.cases], [0, 0], 'nothing of this file is held in the county');

    const narrowed = await ok(await as.casemgr.get(`/api/clue-metrics?from=2026-01-01&to=2026-12-31&organizationId=${body['qy-jcs1']}`), 'one office');
    assert.deepEqual([narrowed.organizationName, narrowed.received, narrowed.funnel.cases, narrowed.byBody.length], ['市纪委监委第一监督检查室', 5, 5, 1]);
    const other = await ok(await as.casemgr.get(`/api/clue-metrics?from=2026-01-01&to=2026-12-31&organizationId=${body['qy-pz-jy']}`), 'another group');
    assert.deepEqual([other.received, other.funnel.personsSanctioned], [0, 0]);
    // An office cannot read the figures of the body above it.
    assert.equal((await as.handler.get(`/api/clue-metrics?from=2026-01-01&to=2026-12-31&organizationId=${all.organizationId}`)).statusCode, 404);
    const own = await ok(await as.handler.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31'), 'office metrics');
    assert.deepEqual([own.organizationId, own.received], [body['qy-jcs1'], 5]);
  });

  it('keeps a village cadre’s sanctions within the law and a detention within 3 + 3 months, extended once with approval', async () => {
    const { caseId } = await filedCase('何某', { isPartyMember: false, supervisedCategory: 'grassroots_autonomy_manager', concernedPost: '村委会主任' });
    const path = `/api/cases/${caseId}`;
    const filed = await ok(await as.handler.get(path), 'case');
    assert.deepEqual([filed.isPartyMember, filed.supervisedCategory], [false, 'grassroots_autonomy_manager']);
    assert.deepEqual(
      filed.allowedSanctionTypes.filter((type: string) => type.startsWith('admin_') || type.startsWith('party_')),
      ['admin_warning', 'admin_demerit', 'admin_major_demerit'],
      '政务处分法 art.22; no party discipline for a non-member',
    );
    await ok(await act(as.handler, path, { action: 'announceFiling', expectedStatus: 'filed' }), 'announce');

    // Decided for at most 3 months: 24 November → 23 February.
    const tooLong = await as.handler.post(`${path}/measures`, { kind: 'detention', startedOn: '2026-11-24', endedOn: '2027-02-24', approvedBy: '省纪委监委' });
    assert.deepEqual([tooLong.statusCode, tooLong.json().code], [400, 'MEASURE_LIMIT_EXCEEDED']);
    const detained = await ok(await as.handler.post(`${path}/measures`, { kind: 'detention', startedOn: '2026-11-24', endedOn: '2027-02-23', approvedBy: '省纪委监委' }), 'detention');
    const detention = detained.measures[0];
    assert.deepEqual([detention.latestEndOn, detention.extendedOn], ['2027-02-23', null]);
    const measurePath = `${path}/measures/${detention.id}`;
    const unapproved = await as.handler.patch(measurePath, { endedOn: '2027-05-23', version: detention.version });
    assert.deepEqual([unapproved.statusCode, unapproved.json().details[0].path], [400, 'body.extensionApprovedBy']);
    const beyond = await as.handler.patch(measurePath, { endedOn: '2027-05-24', extensionApprovedBy: '省纪委监委', version: detention.version });
    assert.equal(beyond.json().code, 'MEASURE_LIMIT_EXCEEDED', 'extended by at most 3 months');
    const extended = (await ok(await as.handler.patch(measurePath, { endedOn: '2027-05-23', extensionApprovedBy: '省纪委监委', version: detention.version }), 'extend')).measures[0];
    assert.deepEqual([extended.endedOn, extended.latestEndOn, extended.extensionApprovedBy, extended.version], ['2027-05-23', '2027-05-23', '省纪委监委', detention.version + 1]);
    assert.ok(extended.extendedOn);
    const stale = await as.handler.patch(measurePath, { endedOn: '2027-03-01', version: detention.version });
    assert.equal(stale.statusCode, 409, 'a change made on an old copy is refused');
    const released = (await ok(await as.handler.patch(measurePath, { endedOn: '2027-03-01', note: '解除留置', version: extended.version }), 'release')).measures[0];
    assert.deepEqual([released.endedOn, released.note], ['2027-03-01', '解除留置']);
    const again = await as.handler.patch(measurePath, { endedOn: '2027-05-24', extensionApprovedBy: '省纪委监委', version: released.version });
    assert.equal(again.json().code, 'MEASURE_LIMIT_EXCEEDED', 'extended only once');
    assert.equal((await as['pz.jy'].patch(measurePath, { note: 'x', version: released.version })).statusCode, 404, 'another body cannot touch it');

    await ok(await act(as.handler, path, { action: 'submitInvestigationReport', expectedStatus: 'under_investigation', record: '审查调查报告。' }), 'report');
    await ok(await act(as['jcs.head'], path, { action: 'approveReport', expectedStatus: 'report_review' }), 'group leader');
    await ok(await act(as['jcs.head'], path, { action: 'transferToHearing', expectedStatus: 'report_deliberation', note: '组务会研究同意' }), 'meeting');
    await ok(await act(as.leader, path, { action: 'concludeHearing', expectedStatus: 'under_hearing', record: '审理报告。' }), 'hearing');
    const decide = (types: string[]) => act(as.leader, path, { action: 'decide', expectedStatus: 'heard', record: '处分决定。', sanctions: types.map((type) => ({ type })) });
    const refused = await decide(['party_warning', 'admin_demotion']);
    assert.deepEqual([refused.statusCode, refused.json().code], [400, 'SANCTION_NOT_APPLICABLE']);
    assert.deepEqual(refused.json().details.map((detail: Json) => detail.path), ['body.sanctions.0.type', 'body.sanctions.1.type']);
    assert.equal(((await as.handler.get(path)).json() as Json).status, 'heard', 'nothing was decided');
    // A co-subject is checked as the entry describes them: another village cadre cannot be demoted either.
    const coSubject = { concernedName: '何某某', concernedUnit: '溪口镇某村', isPartyMember: true, supervisedCategory: 'grassroots_autonomy_manager' };
    const coRefused = await act(as.leader, path, {
      action: 'decide',
      expectedStatus: 'heard',
      record: '处分决定。',
      sanctions: [{ type: 'admin_demerit' }, { type: 'admin_demotion', ...coSubject }],
    });
    assert.deepEqual([coRefused.json().code, coRefused.json().details.map((detail: Json) => detail.path)], ['SANCTION_NOT_APPLICABLE', ['body.sanctions.1.type']]);
    const decided = await ok(
      await act(as.leader, path, {
        action: 'decide',
        expectedStatus: 'heard',
        record: '处分决定。',
        sanctions: [{ type: 'admin_demerit' }, { type: 'party_warning', ...coSubject }],
      }),
      'decide',
    );
    assert.deepEqual(decided.sanctions.map((sanction: Json) => [sanction.concernedName, sanction.type]), [['何某', 'admin_demerit'], ['何某某', 'party_warning']]);
  });

  it('lets administrators word each kind of document for their bodies; a document is written from the wording in force', async () => {
    const city = body['qy-jw'];
    const county = body['lx-jw'];
    const templates = (await ok(await as.admin.get('/api/document-templates'), 'templates')) as unknown as Json[];
    const builtIn = templates.find((template) => template.kind === 'filing_decision')!;
    assert.deepEqual([builtIn.organizationId, builtIn.configured, builtIn.version, builtIn.definedAt], [city, false, 0, null], 'the administrator’s own body, built-in wording');
    const wording = { title: '立案决定书', recipient: null, paragraphs: ['经{发文机关}常委会研究，决定对{单位职务}{被审查调查人}立案审查调查，案号{立案编号}。'] };
    const put = (client: TestClient, organizationId: string, payload: Json) => client.put(`/api/document-templates/${organizationId}/filing_decision`, payload);
    assert.equal((await put(as.handler, city, { ...wording, version: 0 })).statusCode, 403, 'only administrators word documents');
    const unknown = await put(as.admin, city, { ...wording, paragraphs: ['决定对{姓名}立案。'], version: 0 });
    assert.deepEqual([unknown.statusCode, unknown.json().details[0].path], [400, 'body.paragraphs.0'], 'a placeholder the kind does not know');
    const saved = await ok(await put(as.admin, city, { ...wording, version: 0 }), 'save');
    assert.deepEqual([saved.configured, saved.version, saved.updatedByName, saved.definedAt.id], [true, 1, '系统管理员', city]);
    assert.equal((await put(as.admin, city, { ...wording, version: 0 })).statusCode, 409, 'saved over an old copy');

    // A county commission uses the city's wording until its own administrator sets one; they cannot set the city's.
    const inherited = ((await ok(await as['lx.admin'].get(`/api/document-templates?organizationId=${county}`), 'county')) as unknown as Json[]).find((template) => template.kind === 'filing_decision')!;
    assert.deepEqual([inherited.configured, inherited.version, inherited.definedAt.id, inherited.paragraphs], [false, 0, city, wording.paragraphs]);
    assert.equal((await put(as['lx.admin'], city, { ...wording, version: 1 })).statusCode, 404, 'a county administrator cannot word the city’s documents');
    const countyOwn = await ok(await put(as['lx.admin'], county, { ...wording, paragraphs: ['临溪县纪委监委决定对{被审查调查人}立案审查调查。'], version: 0 }), 'county wording');
    assert.deepEqual([countyOwn.configured, countyOwn.definedAt.id], [true, county]);
    const cityAgain = ((await ok(await as.admin.get('/api/document-templates'), 'city again')) as unknown as Json[]).find((template) => template.kind === 'filing_decision')!;
    assert.deepEqual(cityAgain.paragraphs, wording.paragraphs, 'the county’s wording stays with the county');

    const { caseId } = await filedCase('钱某');
    const issued = await ok(await as.handler.post('/api/documents', { kind: 'filing_decision', subjectType: 'case', subjectId: caseId }), 'issue');
    const file = await as.handler.get(`/api/files/${issued.attachmentId}/content`);
    const xml = strFromU8(unzipSync(new Uint8Array(file.rawPayload))['word/document.xml']);
    assert.ok(xml.includes('经清源市纪委监委常委会研究，决定对清源市某局局长钱某立案审查调查，案号'), 'the city’s wording, filled in');
    assert.ok(xml.includes(issued.number), 'with its number');

    const reset = await ok(await as.admin.delete(`/api/document-templates/${city}/filing_decision`), 'reset');
    assert.deepEqual([reset.configured, reset.definedAt, reset.paragraphs[0]], [false, null, builtIn.paragraphs[0]]);
    assert.equal((await verifyAuditChain(t.platform.db)).ok, true);
  });
});
