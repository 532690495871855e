import { can } from '../../platform/auth/actor.ts';
import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { createCluesContext, type CaseFiling } from './clues.context.ts';
import { clueMetricSource, clueSearchProvider, clueTodoSources } from './clues.places.ts';
import { clueRecord } from './clues.record.ts';
import { cluesRoutes } from './clues.routes.ts';
import { isClueVisible } from './ledger.ts';
import { clueIntakeOf } from './registration.ts';

/**
 * Problem clues (问题线索): the central ledger of each commission, registration from every source, assignment to 室组地,
 * disposal proposals approved along a chain, inquiry and verification, transfers between ledgers with the result fed
 * back, joint screening. `caseFiling` is the cases module's hook: an approval to file a case opens it.
 */
export function cluesModule(platform: Platform, hooks: { caseFiling?: CaseFiling } = {}) {
  const context = createCluesContext(platform, hooks);
  return defineModule({
    name: 'clues',
    records: [clueRecord],
    routes: (app) => cluesRoutes(app, context),
    // Evidence of a clue is readable by whoever can see the clue (held in the subtree, or sent by the partner body).
    attachmentPolicy: { [clueRecord.type]: async (actor, ownerId) => can(actor, 'clues.read') && isClueVisible(context, actor, ownerId) },
    todoSources: clueTodoSources(context),
    searchProviders: [clueSearchProvider(context)],
    metrics: [clueMetricSource(context)],
    exports: {
      context,
      /** "Convert to clue" on a report (the petitions module's ClueIntake). */
      clueIntake: clueIntakeOf(context),
    },
  });
}

// What the modules above the clue ledger (cases) use of it.
export { createCluesContext, type CaseFiling, type CluesContext } from './clues.context.ts';
export type { ClueRow } from './clues.record.ts';
export { actionIncomplete, concludeAfterCase } from './clue-transitions.ts';
export { clueFactsForCase } from './clues.repository.ts';
export { clueDetail } from './detail.ts';
export { isClueVisible, ledgerQueries } from './ledger.ts';
export { personView } from './persons.ts';
export { holderScopePath } from './clues.policy.ts';
export { defaultApprovalChains, signDisposal } from './approvals.ts';
// Use cases the demo seed drives, as officers would.
export { applyClueAction } from './actions.ts';
export { createClue } from './registration.ts';
export { backlogAt, overdueByBranch, receivedByBranch, receivedByDisposal, receivedBySource } from './clues-metrics.repository.ts';
