import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';
import { solvedChallenge, submitReport, tinyPng } from '../../../test/public-intake.ts';
import { organizations } from '../../platform/identity/organizations.table.ts';
import { attachments } from '../../platform/files/files.table.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { notifications } from '../../platform/notify/notifications.table.ts';
import { verifyAuditChain } from '../../platform/audit/audit.service.ts';
import { sweepOrphanFiles } from '../../platform/files/orphans.ts';
import { petitions } from './petitions.table.ts';
import { recordTransfers } from '../../platform/records/record-transfers.table.ts';

type Json = Record<string, any>;

describe('petitions: from a citizen’s phone to a rated answer', () => {
  let t: TestApp;
  let intake: TestClient;
  let leader: TestClient;
  const body: Record<string, string> = {};

  before(async () => {
    t = await createTestApp({ env: { HUMAN_CHECK_MAX_NUMBER: '20', OPEN311_API_KEYS: 'hotline-12345-key', PUBLIC_SUBMISSIONS_PER_MINUTE: '200' } });
    for (const row of await t.platform.db.select({ id: organizations.id, code: organizations.code }).from(organizations)) body[row.code] = row.id;
    intake = await t.login('intake');
    leader = await t.login('leader');
  });
  after(() => t.close());

  const report = (overrides: Json = {}) => ({
    submissionType: 'accusation' as const,
    categoryKey: 'welfare_subsidy',
    extraAnswers: { subsidyType: '低保', selfAffected: false },
    title: '村干部优亲厚友违规办理低保',
    content: '溪口村村委会主任李某某将其亲属违规纳入低保，本人符合条件却被取消，请予调查。',
    concernedName: '李某某',
    concernedPost: '村委会主任',
    concernedUnit: '溪口村村委会',
    receivingOrganizationId: body['qy-jw'],
    anonymous: true,
    ...overrides,
  });

  async function act(client: TestClient, id: string, action: string, expectedStatus: string, note?: string) {
    const response = await client.post(`/api/petitions/${id}/actions`, { action, expectedStatus, ...(note ? { note } : {}) });
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    return response.json() as Json;
  }

  it('takes an anonymous report with a photo, gives a receipt, and keeps no trace of the sender', async () => {
    const response = await submitReport(t.app, report(), [{ name: '现场.png', content: tinyPng, type: 'image/png' }], { 'x-forwarded-for': '203.0.113.77' });
    assert.equal(response.statusCode, 200, response.body);
    const receipt = response.json() as Json;
    assert.match(receipt.receiptCode, /^JB[A-Z0-9]{8}$/);
    assert.match(receipt.secret, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(receipt.receivingOrganizationName, '清源市纪委监委');

    const [row] = await t.platform.db.select().from(petitions).where(eq(petitions.receiptCode, receipt.receiptCode));
    assert.equal(row.organizationId, body['qy-xfs'], 'the commission’s intake office takes it');
    assert.equal(row.status, 'submitted');
    assert.equal(row.reporterSealed, null);
    const stored = JSON.stringify(await t.platform.db.execute(sql`select * from petitions p left join audit_log a on a.subject_id = p.id::text where p.id = ${row.id}`));
    assert.ok(!stored.includes('203.0.113.77'), 'no address is kept anywhere');
    const files = await t.platform.db.select().from(attachments).where(eq(attachments.ownerId, row.id));
    assert.equal(files.length, 1);
    assert.equal(files[0].mimeType, 'image/png');

    const tracked = await t.app.inject({ method: 'POST', url: '/api/public/petitions/track', payload: { receiptCode: receipt.receiptCode.toLowerCase(), secret: receipt.secret } });
    assert.equal(tracked.statusCode, 200, tracked.body);
    assert.equal(tracked.json().stage, 'received');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/public/petitions/track', payload: { receiptCode: receipt.receiptCode, secret: 'AAAA-BBBB-CCCC' } });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.json().code, 'RECEIPT_INVALID');
  });

  it('refuses a missing or replayed human check, and a real-name report without a phone', async () => {
    const missing = await submitReport(t.app, { ...report(), challenge: 'bm90LWEtY2hhbGxlbmdl' });
    assert.equal(missing.json().code, 'HUMAN_CHECK_FAILED');
    const challenge = await solvedChallenge(t.app);
    assert.equal((await submitReport(t.app, { ...report(), challenge })).statusCode, 200);
    const replay = await submitReport(t.app, { ...report(), challenge });
    assert.equal(replay.statusCode, 400);
    assert.equal(replay.json().code, 'HUMAN_CHECK_FAILED');
    const noPhone = await submitReport(t.app, report({ anonymous: false }), [], { 'accept-language': 'en' });
    assert.equal(noPhone.statusCode, 400);
    assert.ok((noPhone.json().details as Json[]).some((detail) => detail.path === 'payload.reporter'));
  });

  it('takes a burst of submissions at once: each valid one is stored whole, the bad ones are refused alone', async () => {
    const challenges = await Promise.all(Array.from({ length: 12 }, () => solvedChallenge(t.app)));
    const burst = [
      ...challenges.map((challenge, index) => ({ ...report({ title: `同时提交的反映${index}` }), challenge })),
      // the same solved check a second time in the same burst, and an unknown category
      { ...report({ title: '重复使用的验证' }), challenge: challenges[0] },
      { ...report({ title: '未知类别', categoryKey: 'no_such_category', extraAnswers: {} }), challenge: await solvedChallenge(t.app) },
    ];
    const responses = await Promise.all(burst.map((payload) => submitReport(t.app, payload, [tinyPng].map((content) => ({ name: 'photo.png', content, type: 'image/png' })))));
    const accepted = responses.filter((response) => response.statusCode === 200);
    assert.equal(accepted.length, 12, responses.map((response) => response.body).join('\n'));
    assert.deepEqual(
      responses.filter((response) => response.statusCode !== 200).map((response) => response.json().code).sort(),
      ['CATEGORY_NOT_FOUND', 'HUMAN_CHECK_FAILED'],
    );
    const codes = accepted.map((response) => response.json().receiptCode as string);
    assert.equal(new Set(codes).size, 12, 'every receipt code is distinct');

    const stored = await t.platform.db.select().from(petitions).where(sql`${petitions.receiptCode} in ${codes}`);
    assert.equal(stored.length, 12);
    for (const row of stored) {
      assert.ok(row.dueAt, `${row.receiptCode} has its registration deadline mirrored`);
      const [{ events }] = await t.platform.database.query<{ events: number }>(`select count(*)::int as events from workflow_events where subject_id = $1`, [row.id]);
      const [{ open }] = await t.platform.database.query<{ open: number }>(`select count(*)::int as open from deadlines where subject_id = $1 and status = 'open'`, [row.id]);
      const [{ files }] = await t.platform.database.query<{ files: number }>(`select count(*)::int as files from attachments where owner_id = $1`, [row.id]);
      assert.deepEqual({ events, open, files }, { events: 1, open: 1, files: 1 }, row.receiptCode ?? '');
    }
    const created = await t.platform.db.select().from(auditLog).where(sql`${auditLog.subjectId} in ${stored.map((row) => row.id)}`);
    assert.equal(created.length, 12, 'one creation entry per stored report');
    assert.equal((await verifyAuditChain(t.platform.db)).ok, true);
  });

  it('leaves neither rows nor files behind when a submission fails after its files were written', async () => {
    const before = await t.platform.db.select({ n: sql<number>`count(*)::int` }).from(petitions);
    const distinctPng = Buffer.concat([tinyPng, Buffer.from('failed-submission')]);
    // A well-formed id that is no receiving body: the transaction fails after the upload was stored.
    const failed = await submitReport(t.app, report({ receivingOrganizationId: body['qy-sjj'] }), [{ name: 'a.png', content: distinctPng }]);
    assert.equal(failed.json().code, 'RECEIVING_BODY_INVALID');
    const wrongAnswers = await submitReport(t.app, report({ extraAnswers: { subsidyType: '不存在的选项' } }), [{ name: 'b.png', content: distinctPng }]);
    assert.equal(wrongAnswers.json().code, 'CATEGORY_ANSWER_INVALID');
    const after = await t.platform.db.select({ n: sql<number>`count(*)::int` }).from(petitions);
    assert.equal(after[0].n, before[0].n);
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(distinctPng).digest('hex');
    assert.equal(t.platform.files.exists(sha), false, 'the stored bytes were removed');
  });

  it('refuses more than nine files and files whose bytes are not an allowed type, keeping none of them', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ name: `${i}.png`, content: Buffer.concat([tinyPng, Buffer.from(`ten-${i}`)]) }));
    const tooMany = await submitReport(t.app, report(), ten);
    assert.equal(tooMany.json().code, 'TOO_MANY_FILES');
    const { createHash } = await import('node:crypto');
    assert.ok(ten.every((file) => !t.platform.files.exists(createHash('sha256').update(file.content).digest('hex'))));
    const disguised = await submitReport(t.app, report(), [{ name: '照片.jpg', content: Buffer.from('MZ\x90 an executable named like a photo'), type: 'image/jpeg' }]);
    assert.equal(disguised.statusCode, 415);
    assert.equal(disguised.json().code, 'FILE_TYPE_NOT_ALLOWED');
  });

  it('sweeps bytes a crashed process wrote without a row, and keeps referenced ones', async () => {
    const orphanSha = 'f'.repeat(64);
    const orphanPath = t.platform.files.pathOf(orphanSha);
    fs.mkdirSync(path.dirname(orphanPath), { recursive: true });
    fs.writeFileSync(orphanPath, 'left by a crash');
    const old = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(orphanPath, old, old);
    const [kept] = await t.platform.db.select().from(attachments).limit(1);
    fs.utimesSync(t.platform.files.pathOf(kept.sha256), old, old);
    const removed = await sweepOrphanFiles(t.platform.db, t.platform.files, { now: new Date(), minAgeMs: 3600_000 });
    assert.equal(removed, 1);
    assert.equal(fs.existsSync(orphanPath), false);
    assert.equal(t.platform.files.exists(kept.sha256), true);
  });

  it('walks one report through three bodies and back: city → county → township, answer, dissatisfied, review', async () => {
    const submitted = (await submitReport(t.app, report({ anonymous: false, reporter: { name: '赵大', phone: '13800001111' } }))).json() as Json;
    const [root] = await t.platform.db.select().from(petitions).where(eq(petitions.receiptCode, submitted.receiptCode));

    // City intake office registers and proposes assigning it to the county commission.
    let city = await act(intake, root.id, 'register', 'submitted');
    assert.match(city.serialNumber, /^QY-XFS-2026-\d{5}$/);
    assert.deepEqual(city.allowedActions.includes('propose'), true);
    const proposed = await intake.post(`/api/petitions/${root.id}/proposal`, { expectedStatus: 'registered', mode: 'assign_with_report', targetOrganizationIds: [body['lx-jw']], opinion: '交临溪县纪委监委调查处理，限期报告结果' });
    assert.equal(proposed.statusCode, 200, proposed.body);
    city = proposed.json();
    assert.deepEqual(city.allowedActions, [], 'the intake officer cannot approve their own proposal');
    const leaderView = (await leader.get(`/api/petitions/${root.id}`)).json() as Json;
    assert.deepEqual(leaderView.allowedActions.sort(), ['approveAssignment', 'sendBack']);
    const mismatch = await leader.post(`/api/petitions/${root.id}/actions`, { action: 'approveForwarding', expectedStatus: 'proposal_pending' });
    assert.equal(mismatch.json().code, 'PROPOSAL_MISMATCH');
    city = await act(leader, root.id, 'approveAssignment', 'proposal_pending');
    assert.equal(city.status, 'awaiting_result');
    assert.equal(city.transfersOut.length, 1);
    assert.equal(city.transfersOut[0].toPetitionStatus, 'transfer_received');
    const countyId = city.transfersOut[0].toPetitionId as string;

    // The county intake office sees it in its queue, acknowledges, and assigns it to the township.
    const lxIntake = await t.login('lx.intake');
    const queue = (await lxIntake.get('/api/petitions?status=transfer_received')).json() as Json;
    assert.ok(queue.items.some((item: Json) => item.id === countyId));
    assert.equal((await lxIntake.get(`/api/petitions/${root.id}`)).statusCode, 404, 'the county cannot open the city’s record');
    await act(lxIntake, countyId, 'acknowledge', 'transfer_received');
    assert.equal((await intake.get(`/api/petitions/${root.id}`)).json().transfersOut[0].status, 'acknowledged', 'the sender sees the acknowledgement');
    assert.equal((await lxIntake.post(`/api/petitions/${countyId}/proposal`, { expectedStatus: 'registered', mode: 'assign_with_report', targetOrganizationIds: [body['lx-t1']], opinion: '交溪口镇纪委核查' })).statusCode, 200);
    const lxLeader = await t.login('lx.admin');
    const county = await act(lxLeader, countyId, 'approveAssignment', 'proposal_pending');
    const townshipId = county.transfersOut[0].toPetitionId as string;

    // The township handles and answers (from a template); the answer reaches the reporter and flows back up.
    const township = await t.login('xk.officer');
    await act(township, townshipId, 'acknowledgeAndHandle', 'transfer_received');
    const answered = await township.post(`/api/petitions/${townshipId}/answer`, {
      expectedStatus: 'handling',
      answer: '您于{receivedDate}反映的问题（受理编号{receiptCode}）经核查，李某某亲属不符合低保条件，已取消其低保资格。',
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal((await lxIntake.get(`/api/petitions/${countyId}`)).json().status, 'result_received');
    assert.equal((await intake.get(`/api/petitions/${root.id}`)).json().status, 'awaiting_result', 'the city waits for the county');

    const credentials = { receiptCode: submitted.receiptCode, secret: submitted.secret };
    const view = (await t.app.inject({ method: 'POST', url: '/api/public/petitions/track', payload: credentials })).json() as Json;
    assert.equal(view.stage, 'answered');
    assert.equal(view.handlingOrganizationName, '溪口镇纪委');
    assert.ok(view.answers[0].body.includes(`受理编号${submitted.receiptCode}`), 'template placeholders are filled in');
    assert.ok(view.answers[0].body.includes('2026-11-23'));
    assert.ok(view.timeline.length >= 5);
    assert.ok(!JSON.stringify(view).includes('王静'), 'no staff names in the public view');

    // Dissatisfied: the township reviews; the county waits again for the reviewed result.
    const rated = await t.app.inject({ method: 'POST', url: '/api/public/petitions/rate', payload: { ...credentials, satisfaction: 'dissatisfied', comment: '处理太轻' } });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.equal(rated.json().stage, 'under_review');
    const again = await t.app.inject({ method: 'POST', url: '/api/public/petitions/rate', payload: { ...credentials, satisfaction: 'satisfied' } });
    assert.equal(again.statusCode, 409);
    const review = (await township.get(`/api/petitions/${townshipId}`)).json() as Json;
    assert.equal(review.status, 'rehandling');
    assert.equal(review.deadlines.at(-1).ruleKey, 'petition.review');
    assert.deepEqual(review.allowedActions, ['answer']);
    const countyWaiting = (await lxIntake.get(`/api/petitions/${countyId}`)).json() as Json;
    assert.equal(countyWaiting.status, 'awaiting_result');
    assert.equal(countyWaiting.transfersOut[0].status, 'acknowledged');

    await township.post(`/api/petitions/${townshipId}/answer`, { expectedStatus: 'rehandling', answer: '经复查，另对李某某给予党内警告处分，其亲属违规所得低保金已追回。' });
    await act(lxIntake, countyId, 'closeWithResult', 'result_received');
    const cityAfter = (await intake.get(`/api/petitions/${root.id}`)).json() as Json;
    assert.equal(cityAfter.status, 'result_received');
    assert.match(cityAfter.transfersOut[0].result, /党内警告/);
    await act(intake, root.id, 'closeWithResult', 'result_received');

    // The real-name reporter was told of acceptance and of the answers (log-only adapter, number masked).
    const sms = await t.platform.db.select().from(notifications).where(eq(notifications.channel, 'sms:log'));
    assert.ok(sms.some((message) => message.kind === 'petition.accepted' && message.title === '*******1111'));
    assert.ok(sms.some((message) => message.kind === 'petition.answered'));
    const satisfied = await t.app.inject({ method: 'POST', url: '/api/public/petitions/rate', payload: { ...credentials, satisfaction: 'basically_satisfied' } });
    assert.equal(satisfied.json().stage, 'closed');
    assert.equal(satisfied.json().answers.length, 2);
    assert.equal((await verifyAuditChain(t.platform.db)).ok, true);
  });

  it('returns a mis-sent transfer to the sender, who routes it again', async () => {
    const id = await registered('来电反映某局干部上班时间打牌');
    await proposeAndApprove(id, 'forward', [body['qs-jw']]);
    const [transfer] = await t.platform.db.select().from(recordTransfers).where(eq(recordTransfers.fromRecordId, id));
    const qsOfficer = await t.login('zhoutao');
    // zhoutao is a handler at the 青石县 commission, whose intake office is below it.
    const returned = await qsOfficer.post(`/api/petitions/${transfer.toRecordId}/actions`, { action: 'returnToSender', expectedStatus: 'transfer_received' });
    assert.equal(returned.json().code, 'WORKFLOW_NOTE_REQUIRED');
    await act(qsOfficer, transfer.toRecordId!, 'returnToSender', 'transfer_received', '被反映人系市管干部，不属本级管辖');
    const sender = (await intake.get(`/api/petitions/${id}`)).json() as Json;
    assert.equal(sender.status, 'registered');
    assert.equal(sender.transfersOut[0].status, 'returned');
    assert.match(sender.transfersOut[0].returnReason, /市管干部/);
  });

  async function registered(content: string, extra: Json = {}) {
    const response = await intake.post('/api/petitions', {
      channel: 'phone',
      submissionType: 'accusation',
      title: content.slice(0, 20),
      content,
      anonymous: false,
      reporter: { name: '钱二', phone: '13900009999', idNumber: '99010219800101123X' },
      ...extra,
    });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as Json).id as string;
  }

  async function proposeAndApprove(id: string, mode: string, targets: string[]) {
    const proposed = await intake.post(`/api/petitions/${id}/proposal`, { expectedStatus: 'registered', mode, targetOrganizationIds: targets, opinion: '拟办意见' });
    assert.equal(proposed.statusCode, 200, proposed.body);
    const action = { direct: 'approveDirect', joint: 'approveJoint', assign_with_report: 'approveAssignment', forward: 'approveForwarding', escalate_to_higher: 'approveEscalation', not_accepted: 'approveNotAccepted' }[mode]!;
    return act(leader, id, action, 'proposal_pending');
  }

  it('seals the reporter identity: granted intake reads it with a logged reason; others cannot', async () => {
    const id = await registered('反映某街道办事处公车私用问题，车辆停放在某小区');
    const [row] = await t.platform.db.select().from(petitions).where(eq(petitions.id, id));
    assert.ok(row.reporterSealed && !row.reporterSealed.includes('钱二') && !row.reporterSealed.includes('13900009999'));
    const detail = (await intake.get(`/api/petitions/${id}`)).json() as Json;
    assert.equal(detail.reporterLabel.zhCN, '实名(已密封)');
    assert.equal(detail.canReadReporterIdentity, true);
    assert.ok(!JSON.stringify(detail).includes('13900009999'));
    const identity = await intake.post(`/api/petitions/${id}/reporter-identity`, { reason: '核实举报人身份，电话联系' });
    assert.equal(identity.statusCode, 200);
    assert.equal(identity.json().phone, '13900009999');
    const reads = await t.platform.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'petition.identity.read'), eq(auditLog.actorId, intake.userId)));
    assert.equal(reads.length, 1);
    assert.equal(reads[0].reason, '核实举报人身份，电话联系');

    assert.equal((await leader.get(`/api/petitions/${id}`)).json().canReadReporterIdentity, false);
    const refused = await leader.post(`/api/petitions/${id}/reporter-identity`, { reason: '想看看' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'IDENTITY_NOT_GRANTED');
    const refusals = await t.platform.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'petition.identity.refused')));
    assert.equal(refusals.length, 1);
    assert.equal((await intake.post(`/api/petitions/${id}/reporter-identity`, { reason: '' })).statusCode, 400, 'a reason is required');
  });

  it('keeps each role to what it may see and do', async () => {
    const id = await registered('反映某医院采购设备价格明显偏高，疑有利益输送');
    const checks: [string, string, number][] = [
      ['admin', `/api/petitions`, 403],
      ['partner', `/api/petitions`, 403],
      ['supervisor', `/api/petitions/${id}`, 403],
      ['villager', `/api/petitions/${id}`, 403],
      ['handler', `/api/petitions/${id}`, 404],
      ['lx.intake', `/api/petitions/${id}`, 404],
      ['casemgr', `/api/petitions/${id}`, 404],
      ['leader', `/api/petitions/${id}`, 200],
    ];
    for (const [username, url, status] of checks) {
      const client = await t.login(username);
      assert.equal((await client.get(url)).statusCode, status, `${username} GET ${url}`);
    }
    const handler = await t.login('handler');
    assert.equal((await handler.post('/api/petitions', { channel: 'visit', submissionType: 'other', title: '来访', content: '来访反映问题的内容记录', anonymous: true })).statusCode, 403);
    assert.equal((await leader.post(`/api/petitions/${id}/proposal`, { expectedStatus: 'registered', mode: 'direct', opinion: 'x' })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/petitions' })).statusCode, 401);
  });

  it('classifies with version checks; a category change brings its questions; assignees come from the holding body', async () => {
    const id = await registered('反映某村低保评定不公开不透明，村干部亲属享受低保');
    const { version } = (await intake.get(`/api/petitions/${id}`)).json() as Json;
    const missing = await intake.patch(`/api/petitions/${id}`, { categoryKey: 'welfare_subsidy', objectLevel: 'rural_enterprise_other', version });
    assert.equal(missing.json().code, 'CATEGORY_ANSWER_INVALID');
    const ok = await intake.patch(`/api/petitions/${id}`, {
      categoryKey: 'welfare_subsidy',
      extraAnswers: { subsidyType: '低保' },
      objectLevel: 'rural_enterprise_other',
      violationCategories: ['mass', 'integrity'],
      version,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json().extraAnswers, { subsidyType: '低保' });
    assert.equal(ok.json().capabilities.classify, true);
    const stale = await intake.patch(`/api/petitions/${id}`, { title: '改标题', version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'VERSION_CONFLICT');
    const assignees = (await intake.get(`/api/petitions/${id}/assignees`)).json() as Json[];
    assert.deepEqual(assignees.map((person) => person.displayName), ['王静']);
    const notMember = await intake.patch(`/api/petitions/${id}`, { assigneeId: leader.userId, version: ok.json().version });
    assert.equal(notMember.statusCode, 400);
  });

  it('lets exactly one of two concurrent approvals win', async () => {
    const id = await registered('反映某镇财政所挪用专项资金修建办公楼');
    await intake.post(`/api/petitions/${id}/proposal`, { expectedStatus: 'registered', mode: 'direct', opinion: '本级直接办理' });
    const results = await Promise.all([
      leader.post(`/api/petitions/${id}/actions`, { action: 'approveDirect', expectedStatus: 'proposal_pending' }),
      leader.post(`/api/petitions/${id}/actions`, { action: 'sendBack', expectedStatus: 'proposal_pending', note: '再研究' }),
    ]);
    assert.deepEqual(results.map((response) => response.statusCode).sort(), [200, 409]);
    const detail = (await intake.get(`/api/petitions/${id}`)).json() as Json;
    assert.equal(detail.events.filter((event: Json) => event.action === 'approveDirect' || event.action === 'sendBack').length, 1);
  });

  it('finds reports by Chinese words, filters by deadline state, and exports the view to Excel', async () => {
    const id = await registered('反映白沙乡卫生院院长收受医药代表回扣');
    const found = (await intake.get(`/api/petitions?q=${encodeURIComponent('回扣')}`)).json() as Json;
    assert.deepEqual(found.items.map((item: Json) => item.id), [id]);
    assert.equal((await intake.get(`/api/petitions?q=${encodeURIComponent('扶贫资金')}`)).json().total, 0);
    const detail = (await intake.get(`/api/petitions/${id}`)).json() as Json;
    assert.equal(detail.deadlines[0].ruleKey, 'petition.propose');
    assert.equal(detail.deadlineState, 'on_time');

    t.platform.clock.advance(10 * 86_400_000);
    // Ten days on, the sessions have idled out.
    intake = await t.login('intake');
    leader = await t.login('leader');
    const overdue = (await intake.get('/api/petitions?deadlineState=overdue&pageSize=200')).json() as Json;
    assert.ok(overdue.items.some((item: Json) => item.id === id));
    assert.ok(overdue.items.every((item: Json) => item.deadlineState === 'overdue'));

    const exported = await intake.get(`/api/petitions/export.xlsx?q=${encodeURIComponent('回扣')}`);
    assert.equal(exported.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.rowCount, 2);
    assert.equal(sheet.getRow(1).getCell(1).value, '登记编号');
    assert.match(String(sheet.getRow(2).getCell(17).value), /回扣/);
  });

  it('a word found in more than a thousand reports lists the newest first and says "1,000+"', async () => {
    const id = await registered('反映某局工作人员上班时间打牌');
    // 1,200 copies, one a minute older than the next, all mentioning 打牌; the search walks the date index for them.
    const columns = (
      await t.platform.database.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_name = 'petitions' and column_name not in ('id', 'root_id', 'serial_number', 'receipt_code', 'received_at')`,
      )
    ).map((row) => `"${row.column_name}"`);
    await t.platform.database.query(
      `insert into petitions (id, root_id, received_at, ${columns.join(', ')})
         select copy.id, copy.id, p.received_at - make_interval(mins => copy.n), ${columns.map((name) => `p.${name}`).join(', ')}
         from petitions p, (select gen_random_uuid() as id, n from generate_series(1, 1200) n) copy where p.id = $1`,
      [id],
    );
    const firstPage = (await intake.get(`/api/petitions?q=${encodeURIComponent('打牌')}&pageSize=50`)).json() as Json;
    assert.deepEqual([firstPage.total, firstPage.totalCapped], [1000, true]);
    assert.equal(firstPage.items[0].id, id, 'the newest match comes first');
    const times = firstPage.items.map((item: Json) => Date.parse(item.receivedAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    const thirdPage = (await intake.get(`/api/petitions?q=${encodeURIComponent('打牌')}&pageSize=50&page=3`)).json() as Json;
    assert.equal(Date.parse(thirdPage.items[0].receivedAt), times[0] - 100 * 60_000, 'page 3 starts 100 matches further back');
    // A word in only one of them still finds it (the other way: from the index, sorted).
    assert.deepEqual(((await intake.get(`/api/petitions?q=${encodeURIComponent('回扣')}`)).json() as Json).items.length, 1);
    await t.platform.database.query(`delete from petitions where id <> $1 and title = (select title from petitions where id = $1)`, [id]);
  });

  it('shows earlier reports about the same person side by side, and merges a duplicate', async () => {
    const first = await registered('反映石门镇城建办主任孙某某在工程招标中收受好处费', { concernedName: '孙某某', concernedUnit: '石门镇城建办' });
    const second = await registered('石门镇城建办主任孙某某工程招标收受好处，要求查处', { concernedName: '孙某某', concernedUnit: '石门镇城建办' });
    const similar = (await intake.get(`/api/petitions/${second}/similar`)).json() as Json[];
    const match = similar.find((candidate) => candidate.petition.id === first);
    assert.ok(match, JSON.stringify(similar));
    assert.ok(match.reasons.includes('same_person') && match.reasons.includes('same_reporter'));
    const merged = await intake.post(`/api/petitions/${second}/merge`, { expectedStatus: 'registered', targetId: first, note: '同一事项重复反映' });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().status, 'merged');
    assert.equal(merged.json().links[0].petition.id, first);
    assert.ok((await intake.get(`/api/petitions/${first}`)).json().repeatReporterCount >= 1);
  });

  it('files and follows a report through Open311 without ever returning its content', async () => {
    const services = (await t.app.inject({ method: 'GET', url: '/api/open311/v2/services.json' })).json() as Json[];
    assert.ok(services.some((service) => service.service_code === 'welfare_subsidy'));
    const form = new URLSearchParams({ jurisdiction_id: 'lx-jw', service_code: 'construction', description: '12345热线转来：某村道路工程偷工减料，路面开裂严重' });
    const denied = await t.app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(denied.statusCode, 400);
    form.set('api_key', 'hotline-12345-key');
    const filed = await t.app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(filed.statusCode, 200, filed.body);
    const [{ service_request_id: code }] = filed.json() as Json[];
    const status = await t.app.inject({ method: 'GET', url: `/api/open311/v2/requests/${code}.json` });
    assert.equal(status.statusCode, 200, status.body);
    const [entry] = status.json() as Json[];
    assert.equal(entry.status, 'open');
    assert.equal(entry.agency_responsible, '临溪县纪委监委信访室');
    assert.ok(!status.body.includes('偷工减料'), 'no content in Open311 answers');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/open311/v2/requests.json' })).statusCode, 400);
  });

  it('administrators set up QR intake points that the portal resolves', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/intake-points', { organizationId: body['lx-t1'], placeName: '溪口镇便民服务中心' });
    assert.equal(created.statusCode, 200, created.body);
    const point = created.json() as Json;
    assert.match(point.url, /^http:\/\/[^/]+\/\?point=[A-Z0-9]{6}$/);
    const png = await admin.get(`/api/intake-points/${point.id}/qr.png`);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.equal(png.rawPayload.subarray(1, 4).toString(), 'PNG');
    const svg = await admin.get(`/api/intake-points/${point.id}/qr.svg`);
    assert.match(svg.body, /^<svg/);
    const resolved = await t.app.inject({ method: 'GET', url: `/api/public/intake-points/${point.code}` });
    assert.equal(resolved.json().organizationName, '溪口镇纪委');
    const submitted = await submitReport(t.app, report({ receivingOrganizationId: body['lx-t1'], intakePointCode: point.code }));
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal((await admin.get('/api/intake-points')).json().find((p: Json) => p.id === point.id).submissionCount, 1);
    assert.equal((await intake.post('/api/intake-points', { organizationId: body['qy-jw'], placeName: 'x' })).statusCode, 403);
  });
});
