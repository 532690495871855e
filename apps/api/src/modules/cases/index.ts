import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { createCasesContext } from './cases.context.ts';
import { caseMetricSource, caseSearchProvider, caseTodoSources } from './cases.places.ts';
import { caseAppealRecord, caseRecord } from './cases.record.ts';
import { casesRoutes } from './cases.routes.ts';
import { documentSubjectVisible } from './documents.ts';
import { caseFilingOf } from './filing.ts';
import { isCaseVisible } from './cases.policy.ts';

/**
 * Cases (立案审查调查 → 审理 → 处分决定 → 执行 → 申诉): filed from the clue ledger's approvals, the measures log, the report's
 * three-level sign-off, hearing, decision with sanctions, appeals; the sanctions register, case-quality review, the clue
 * metrics (the funnel clues → cases → persons sanctioned) and official documents of clues and cases.
 */
export function casesModule(platform: Platform) {
  const context = createCasesContext(platform);
  return defineModule({
    name: 'cases',
    records: [caseRecord, caseAppealRecord],
    routes: (app) => casesRoutes(app, context),
    attachmentPolicy: {
      [caseRecord.type]: (actor, ownerId) => isCaseVisible(context, actor, ownerId),
      // A document's Word file is readable by whoever sees the clue or case it was issued for.
      document: async (actor, ownerId) => {
        const subject = await context.documents.subjectOf(ownerId);
        return Boolean(subject) && documentSubjectVisible(context, actor, subject!.subjectType, subject!.subjectId);
      },
    },
    todoSources: caseTodoSources(context),
    searchProviders: [caseSearchProvider(context)],
    metrics: [caseMetricSource(context)],
    exports: {
      context,
      /** The clue ledger's approval to file opens the case in the same transaction. */
      caseFiling: caseFilingOf(context),
    },
  });
}

export { effectEndOf, detentionLatestEndOn } from './sanction-rules.ts';
// Use cases the demo seed drives, as officers would.
export { applyCaseAction } from './actions.ts';
export { listCases, personHistory } from './lists.ts';
