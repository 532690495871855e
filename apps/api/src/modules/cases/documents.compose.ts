import { sanctionTypes, type DocumentKind, type DocumentSubjectType } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { IssueInput } from '../../platform/documents/documents.service.ts';
import type { CluesService } from '../clues/clues.service.ts';
import type { CasesService } from './cases.service.ts';

/**
 * The text of each kind of official document, from the clue or case it is issued for (templates of the usual
 * wording; the issuing body is the commission whose ledger holds the matter).
 */
export async function composeDocument(
  services: { clues: CluesService; cases: CasesService },
  actor: Actor,
  request: { kind: DocumentKind; subjectType: DocumentSubjectType; subjectId: string },
): Promise<IssueInput> {
  const expected: Record<DocumentKind, DocumentSubjectType> = { inquiry_letter: 'clue', filing_decision: 'case', sanction_decision: 'case' };
  if (expected[request.kind] !== request.subjectType) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.subjectType', message: `${request.kind} is issued for a ${expected[request.kind]}` }]);
  }
  if (request.kind === 'inquiry_letter') {
    const clue = await services.clues.detail(actor, request.subjectId);
    if (clue.disposalType !== 'talk_or_letter_inquiry') throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
    const issuer = { id: clue.ledgerOrganizationId, name: clue.ledgerOrganizationName };
    return {
      organization: issuer,
      kind: 'inquiry_letter',
      subjectType: 'clue',
      subjectId: clue.id,
      compose: () => ({
        title: '函询通知书',
        recipient: `${clue.concernedName}同志`,
        paragraphs: [
          `近期，我委收到反映你${clue.concernedPost ? `在任${clue.concernedPost}期间` : ''}有关问题的线索（线索编号${clue.serialNumber}）。根据《中国共产党纪律检查机关监督执纪工作规则》有关规定，现向你函询。`,
          `反映的主要问题：${clue.allegations}`,
          '请你本着对组织忠诚老实的态度，在收到本函件之日起十五个工作日内，对上述问题作出书面说明，经所在单位党组织主要负责人签署意见后，报送我委。',
        ],
        signature: issuer.name,
      }),
    };
  }
  const found = await services.cases.detail(actor, request.subjectId);
  const issuer = await services.cases.ledgerOf(found.ledgerOrganizationId);
  if (request.kind === 'filing_decision') {
    return {
      organization: issuer,
      kind: 'filing_decision',
      subjectType: 'case',
      subjectId: found.id,
      compose: () => ({
        title: '立案决定书',
        paragraphs: [
          `经审批，决定对${found.concernedUnit ?? ''}${found.concernedPost ?? ''}${found.concernedName}涉嫌违纪违法问题立案审查调查（立案编号${found.caseNumber}）。`,
          `主要问题：${found.allegations}`,
        ],
        signature: issuer.name,
      }),
    };
  }
  if (found.sanctions.length === 0) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
  const measures = found.sanctions.map((sanction) => sanctionTypes[sanction.type].label.zhCN).join('、');
  const periods = found.sanctions
    .filter((sanction) => sanction.effectEndsOn)
    .map((sanction) => `${sanctionTypes[sanction.type].label.zhCN}影响期自${sanction.effectiveFrom}至${sanction.effectEndsOn}`);
  return {
    organization: issuer,
    kind: 'sanction_decision',
    subjectType: 'case',
    subjectId: found.id,
    compose: () => ({
      title: '处分决定书',
      paragraphs: [
        `${found.concernedName}，${found.concernedUnit ?? ''}${found.concernedPost ?? ''}。`,
        `经查，${found.allegations}`,
        `根据有关规定，经研究，决定给予${found.concernedName}${measures}。${periods.length ? `${periods.join('；')}。` : ''}`,
        '如对本决定不服，可在收到本决定之日起一个月内，向作出决定的机关提出申诉。',
      ],
      signature: issuer.name,
    }),
  };
}

