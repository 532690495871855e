import { asc, count, eq } from 'drizzle-orm';
import { permissionsOf, type ClueSource, type MembershipGrant, type Role, type SanctionType } from '@guantong/contracts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Platform } from '../platform/platform.ts';
import { organizations } from '../platform/identity/organizations.table.ts';
import { memberships, users } from '../platform/identity/users.table.ts';
import { clues } from '../modules/clues/clues.table.ts';
import { applyClueAction, createClue, signDisposal } from '../modules/clues/index.ts';
import { applyCaseAction, listCases } from '../modules/cases/index.ts';
import { composeApplication, type Application } from '../app.ts';

/**
 * A year's worth of clue and case work for the demo city, made through the services as officers would do it (every
 * step a workflow event and an audit entry): 104 clues from every source, 36 of them filed as cases, 37 persons
 * sanctioned (one case has two) — the figures a county report of this kind shows. Runs once, on a new demo database.
 */
export async function seedDemoCasework(platform: Platform, application: Application = composeApplication(platform)): Promise<boolean> {
  const { db } = platform;
  const [{ existing }] = await db.select({ existing: count() }).from(clues);
  if (existing > 0) return false;
  // Through the composed application's modules, as the API would: deadlines mirrored, cases filed from approvals.
  const cases = application.features.cases.exports.context;
  const ledger = application.features.clues.exports.context;

  const bodyIds = new Map((await db.select({ id: organizations.id, code: organizations.code }).from(organizations)).map((row) => [row.code, row.id]));
  const actor = async (username: string): Promise<Actor> => {
    const [row] = await db
      .select({ user: users, membership: memberships, path: organizations.path })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(users.username, username))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    const roles = row.membership.roles as Role[];
    return {
      userId: row.user.id,
      username,
      displayName: row.user.displayName,
      locale: 'zh-CN',
      sessionId: 'seed',
      csrfToken: 'seed',
      membershipId: row.membership.id,
      organizationId: row.membership.organizationId,
      organizationPath: row.path,
      roles,
      grants: row.membership.grants as MembershipGrant[],
      permissions: permissionsOf(roles),
    };
  };
  const [casemgr, handler, officeHead, leader, secretary] = await Promise.all(['casemgr', 'handler', 'jcs.head', 'leader', 'secretary'].map(actor));

  // 104 clues by source, as a county-level report would list them.
  const sources: [ClueSource, number][] = [
    ['petition', 30],
    ['inspection', 18],
    ['audit', 12],
    ['peoples_congress', 6],
    ['partner_body', 4],
    ['data_cross_check', 8],
    ['special_supervisor', 5],
    ['media', 3],
    ['self_discovered', 14],
    ['other_commission', 4],
  ];
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
  const units = ['市住房和城乡建设局', '市交通运输局', '市自然资源局', '市卫生健康委员会', '市教育局', '市农业农村局', '清源区某街道办事处', '临溪县某镇人民政府'];
  const posts = ['局长', '副局长', '科长', '主任', '副主任', '镇长', '村党支部书记'];
  const problems = ['违规收受礼品礼金', '违规插手工程项目', '违规发放津补贴', '公车私用', '违规操办婚丧喜庆事宜', '优亲厚友违规办理低保', '违规经商办企业', '滥用职权造成损失'];
  // 36 filed as cases (37 persons sanctioned), 30 inquiries, 14 verifications closed, 8 held, 10 closed, 6 still open.
  const plan: ('case' | 'inquiry' | 'verified' | 'shelved' | 'closed' | 'open')[] = [
    ...Array<'case'>(36).fill('case'),
    ...Array<'inquiry'>(30).fill('inquiry'),
    ...Array<'verified'>(14).fill('verified'),
    ...Array<'shelved'>(8).fill('shelved'),
    ...Array<'closed'>(10).fill('closed'),
    ...Array<'open'>(6).fill('open'),
  ];
  const sanctionPlan: SanctionType[][] = [
    ['party_warning'],
    ['party_serious_warning', 'admin_major_demerit'],
    ['admin_demerit'],
    ['removal_from_party_post', 'admin_dismissal_from_post'],
    ['admonishment'],
    ['party_warning', 'admin_warning'],
  ];

  const act = async (who: Actor, id: string, body: Parameters<typeof applyClueAction>[3]) => applyClueAction(ledger, who, id, body);
  const sign = async (who: Actor, id: string) => signDisposal(ledger, who, id, { decision: 'approve', opinion: '同意', expectedStatus: 'disposal_proposed' });
  let index = 0;
  for (const [source, total] of sources) {
    for (let n = 0; n < total; n += 1, index += 1) {
      // 37 and 104 share no factor: this spreads the fates over the sources, each exactly as often as planned.
      const fate = plan[(index * 37) % plan.length];
      const name = `${surnames[index % surnames.length]}某${'甲乙丙丁戊己庚辛壬癸'[Math.floor(index / surnames.length) % 10]}`;
      const clueId = await createClue(ledger, casemgr, {
        source,
        sourceReference: null,
        title: `反映${name}${problems[index % problems.length]}`,
        allegations: `反映${units[index % units.length]}${posts[index % posts.length]}${name}${problems[index % problems.length]}的问题，线索较为具体。`,
        violationCategories: index % 3 === 0 ? ['integrity'] : ['work'],
        concernedName: name,
        concernedPost: posts[index % posts.length],
        concernedUnit: units[index % units.length],
        objectLevel: index % 4 === 0 ? 'county_division' : 'township_section',
        cadreManagementLevel: 'county_managed',
        isPartyMember: true,
        lowerCommitteePrincipal: false,
      });
      if (fate === 'open' && index % 2 === 0) continue;
      await act(casemgr, clueId, { action: 'assign', expectedStatus: 'registered', handlingOrganizationId: bodyIds.get('qy-jcs1')! });
      if (fate === 'open') continue;
      const disposal =
        fate === 'inquiry' ? 'talk_or_letter_inquiry' : fate === 'shelved' ? 'shelved_pending_review' : fate === 'closed' ? 'closed_no_action' : 'preliminary_verification';
      await act(handler, clueId, {
        action: 'propose',
        expectedStatus: 'with_handling_office',
        disposalType: disposal,
        note: '经集体研究，提出处置意见。',
        ...(disposal === 'preliminary_verification'
          ? { verificationPlan: { plan: '调取相关账目和审批材料，与知情人谈话，核实反映的主要问题。', teamLeader: '陈明', teamMembers: ['赵磊'] } }
          : {}),
      });
      await sign(officeHead, clueId);
      await sign(leader, clueId);
      if (fate === 'shelved') continue;
      if (fate === 'closed') {
        await act(casemgr, clueId, { action: 'feedBack', expectedStatus: 'concluded', record: '反映不实，予以了结，已反馈。' });
        continue;
      }
      if (fate === 'inquiry') {
        await act(handler, clueId, { action: 'sendLetter', expectedStatus: 'inquiry', record: '发出函询通知书。' });
        await act(handler, clueId, { action: 'receiveReply', expectedStatus: 'awaiting_reply', record: '收到书面说明。' });
        await act(handler, clueId, { action: 'submitInquiryReport', expectedStatus: 'inquiry_reporting', record: '说明属实，建议采信了结。' });
        await act(leader, clueId, { action: index % 5 === 0 ? 'closeWithLightHandling' : 'acceptAndClose', expectedStatus: 'inquiry_reported', record: '同意。' });
        await act(casemgr, clueId, { action: 'feedBack', expectedStatus: 'concluded', record: '已向来源单位反馈。' });
        continue;
      }
      await act(handler, clueId, {
        action: 'submitVerificationReport',
        expectedStatus: 'verification',
        record: fate === 'case' ? '初核发现问题属实。' : '初核未发现违纪问题。',
        recommendation: fate === 'case' ? 'propose_case_filing' : 'close',
      });
      if (fate === 'verified') {
        await act(leader, clueId, { action: 'closeAfterVerification', expectedStatus: 'verification_reported', record: '同意了结。' });
        await act(casemgr, clueId, { action: 'feedBack', expectedStatus: 'concluded', record: '已反馈。' });
        continue;
      }
      await act(secretary, clueId, { action: 'approveCaseFilingAfterVerification', expectedStatus: 'verification_reported', record: '同意立案审查调查。' });
      const [{ id: caseId }] = (await listCases(cases, handler, { page: 1, pageSize: 1, q: name, sort: 'filedAt', order: 'desc' })).items;
      const step = (who: Actor, body: Parameters<typeof applyCaseAction>[3]) => applyCaseAction(cases, who, caseId, body);
      await step(handler, { action: 'announceFiling', expectedStatus: 'filed' });
      await step(handler, { action: 'submitInvestigationReport', expectedStatus: 'under_investigation', record: '审查调查报告。' });
      await step(officeHead, { action: 'approveReport', expectedStatus: 'report_review', note: '同意提交组务会。' });
      await step(officeHead, { action: 'transferToHearing', expectedStatus: 'report_deliberation', note: '组务会集体研究，同意移送审理。' });
      await step(leader, { action: 'concludeHearing', expectedStatus: 'under_hearing', record: '审理报告。' });
      const types = sanctionPlan[index % sanctionPlan.length];
      const sanctions = types.map((type) => ({ type }));
      // One case has two persons (共同违纪): 36 cases, 37 persons sanctioned.
      if (index === plan.indexOf('case')) sanctions.push({ type: 'admonishment', concernedName: `${name}之同案人`, concernedUnit: units[index % units.length] } as never);
      await step(leader, { action: 'decide', expectedStatus: 'heard', record: '经研究作出处分决定。', sanctions });
      if (index % 9 === 0) continue;
      await step(handler, { action: 'announceDecision', expectedStatus: 'decided' });
      if (index % 4 === 0) continue;
      await step(handler, { action: 'reportExecution', expectedStatus: 'executing', record: '已执行到位。' });
      await act(casemgr, clueId, { action: 'feedBack', expectedStatus: 'concluded', record: '已向来源单位反馈处理结果。' });
    }
  }
  return true;
}
