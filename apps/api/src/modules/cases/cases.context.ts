import { createCommissionScope } from '../../platform/identity/commission-scope.ts';
import type { Platform } from '../../platform/platform.ts';
import { createCluesContext, type CluesContext } from '../clues/index.ts';

/**
 * What the cases module's use cases work with. Cases read the clue ledger (the clue a case came from, the person
 * view, documents issued for clues) through the clues module's own functions, with a clues context of their own.
 */
export interface CasesContext extends Pick<Platform, 'db' | 'clock' | 'workflows' | 'deadlines' | 'documents' | 'documentTemplates'> {
  commissionScope: ReturnType<typeof createCommissionScope>;
  clues: CluesContext;
}

export function createCasesContext(platform: Platform): CasesContext {
  const { db, clock, workflows, deadlines, documents, documentTemplates } = platform;
  return { db, clock, workflows, deadlines, documents, documentTemplates, commissionScope: createCommissionScope(db), clues: createCluesContext(platform) };
}
