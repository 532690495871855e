import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { verifyAuditChain } from '../../platform/audit/audit.service.ts';

type Json = Record<string, any>;

describe('cases: filing, investigation, three-level sign-off, hearing, decision, sanctions, documents', () => {
  let t: TestApp;
  const body: Record<string, string> = {};
  const as: Record<string, TestClient> = {};

  before(async () => {
    t = await createTestApp();
    for (const row of await t.platform.db.select({ id: organizations.id, code: organizations.code }).from(organizations)) body[row.code] = row.id;
    for (const name of ['casemgr', 'handler', 'leader', 'secretary', 'jcs.head', 'pz.jy', 'partner', 'admin']) as[name] = await t.login(name);
  });
  after(() => t.close());

  async function ok(response: { statusCode: number; body: string; json(): unknown }, what: string): Promise<Json> {
    assert.equal(response.statusCode, 200, `${what}: ${response.body}`);
    return response.json() as Json;
  }
  const act = (client: TestClient, path: string, payload: Json) => client.post(`${path}/actions`, payload);

  /** A clue verified and approved for filing: the approval itself files the case. */
  async function filedCase(name: string): Promise<{ clueId: string; caseId: string }> {
    const clue = await ok(
      await as.casemgr.post('/api/clues', {
        source: 'audit',
        title: `${name}违规收受礼金`,
        allegations: `${name}在担任局长期间多次收受管理服务对象礼金，共计人民币8万元。`,
        concernedName: name,
        concernedPost: '局长',
        concernedUnit: '清源市某局',
        idNumber: `1101011970010${String(1000 + name.length).slice(-4)}${name.length % 10}`.slice(0, 17) + 'X',
        cadreManagementLevel: 'county_managed',
      }),
      'create clue',
    );
    const path = `/api/clues/${clue.id}`;
    await ok(await act(as.casemgr, path, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: body['qy-jcs1'] }), 'assign');
    await ok(await act(as.handler, path, { action: 'propose', expectedStatus: 'with_handling_office', disposalType: 'preliminary_verification', note: '问题具体，拟初核。' }), 'propose');
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

  it('counts clues by source and disposal, the disposal rate and clues → cases → persons, and exports them', async () => {
    const metrics = await ok(await as.casemgr.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31'), 'metrics');
    // Three clues from audit in this file, each verified and filed as a case.
    assert.deepEqual([metrics.received, metrics.disposed, metrics.funnel.cases], [3, 3, 3]);
    assert.deepEqual(metrics.bySource.find((row: Json) => row.source === 'audit'), { source: 'audit', received: 3, disposed: 3, cases: 3 });
    assert.equal(metrics.byDisposal.find((row: Json) => row.disposalType === 'preliminary_verification').count, 3);
    assert.equal(metrics.conversionRate, 1);
    assert.equal(metrics.funnel.personsSanctioned, 1);
    assert.equal(metrics.fourForms.find((row: Json) => row.fourForm === 'form_2').persons, 1);
    assert.equal(metrics.disposalRate, metrics.disposed / metrics.received);
    assert.equal((await as.partner.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31')).statusCode, 403);

    const exported = await as.casemgr.get('/api/clue-metrics/export.xlsx?from=2026-01-01&to=2026-12-31');
    assert.equal(exported.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    assert.equal(workbook.worksheets[0].getRow(3).getCell(1).value, '受理线索');
    assert.equal(workbook.worksheets[0].getRow(3).getCell(2).value, metrics.received);
  });
});
