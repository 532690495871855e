import { sanctionTypes, type DocumentKind, type DocumentSubjectType } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { can, hasRole, type Actor } from '../../platform/auth/actor.ts';
import type { IssueInput } from '../../platform/documents/documents.service.ts';
import { fillTemplate } from '../../platform/documents/document-templates.ts';
import { clueDetail, isClueVisible } from '../clues/index.ts';
import type { CasesContext } from './cases.context.ts';
import { isCaseVisible } from './cases.policy.ts';
import { bodyNamed } from './cases.repository.ts';
import { caseDetail } from './detail.ts';

/**
 * The text of an official document: the issuing body's template of the kind (文书模板, see document-templates.ts) filled in
 * from the clue or case it is issued for; the issuing body is the commission whose ledger holds the matter.
 */
export async function composeDocument(
  context: CasesContext,
  actor: Actor,
  request: { kind: DocumentKind; subjectType: DocumentSubjectType; subjectId: string },
): Promise<IssueInput> {
  const expected: Record<DocumentKind, DocumentSubjectType> = { inquiry_letter: 'clue', filing_decision: 'case', sanction_decision: 'case' };
  if (expected[request.kind] !== request.subjectType) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.subjectType', message: `${request.kind} is issued for a ${expected[request.kind]}` }]);
  }
  // The wording in force for the issuing body (its own, or inherited from a body above it).
  const issue = async (organization: { id: string; name: string }, subjectId: string, values: Record<string, string>): Promise<IssueInput> => {
    const template = await context.documentTemplates.get(request.kind, organization.id);
    return {
      organization,
      kind: request.kind,
      subjectType: request.subjectType,
      subjectId,
      compose: () => fillTemplate(template, { ...values, 发文机关: organization.name }, organization.name),
    };
  };

  if (request.kind === 'inquiry_letter') {
    const clue = await clueDetail(context.clues, actor, request.subjectId);
    if (clue.disposalType !== 'talk_or_letter_inquiry') throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    return issue({ id: clue.ledgerOrganizationId, name: clue.ledgerOrganizationName }, clue.id, {
      被反映人: clue.concernedName,
      任职情况: clue.concernedPost ? `在任${clue.concernedPost}期间` : '',
      线索编号: clue.serialNumber,
      反映问题: clue.allegations,
    });
  }
  const found = await caseDetail(context, actor, request.subjectId);
  const issuer = await bodyNamed(context.db, found.ledgerOrganizationId);
  if (!issuer) throw new AppError('NOT_FOUND');
  const unitAndPost = `${found.concernedUnit ?? ''}${found.concernedPost ?? ''}`;
  if (request.kind === 'filing_decision') {
    return issue(issuer, found.id, { 被审查调查人: found.concernedName, 单位职务: unitAndPost, 立案编号: found.caseNumber, 主要问题: found.allegations });
  }
  if (found.sanctions.length === 0) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  const periods = found.sanctions
    .filter((sanction) => sanction.effectEndsOn)
    .map((sanction) => `${sanctionTypes[sanction.type].label.zhCN}影响期自${sanction.effectiveFrom}至${sanction.effectEndsOn}`);
  return issue(issuer, found.id, {
    被处分人: found.concernedName,
    单位职务: unitAndPost,
    违纪违法事实: found.allegations,
    处分: found.sanctions.map((sanction) => sanctionTypes[sanction.type].label.zhCN).join('、'),
    影响期: periods.length ? `${periods.join('；')}。` : '',
  });
}

/** Whether the actor sees the clue or case a document is (to be) issued for: who may read it is who sees that. */
export async function documentSubjectVisible(context: CasesContext, actor: Actor, subjectType: DocumentSubjectType, subjectId: string): Promise<boolean> {
  if (subjectType === 'clue') return can(actor, 'clues.read') && isClueVisible(context.clues, actor, subjectId);
  return isCaseVisible(context, actor, subjectId);
}

/** Issues a document (number and Word file) for a clue or case the actor's office handles. */
export async function issueDocument(context: CasesContext, actor: Actor, body: { kind: DocumentKind; subjectType: DocumentSubjectType; subjectId: string }) {
  if (!hasRole(actor, 'case_management_officer', 'handling_officer', 'leader') || !(await documentSubjectVisible(context, actor, body.subjectType, body.subjectId))) {
    throw new AppError('NOT_FOUND');
  }
  return context.documents.issue(actor, await composeDocument(context, actor, body));
}
