import type { DeadlineRule, WorkflowDefinition } from '@guantong/contracts';

/** Every workflow the application runs, as the modules declare them (composeModules builds it once). */
export interface WorkflowCatalog {
  /** In the order of the module list. */
  all(): readonly WorkflowDefinition[];
  get(workflowId: string): WorkflowDefinition | undefined;
  /** Every deadline rule of every workflow, with where it applies. */
  deadlineRules(): { workflowId: string; stateKey: string; rule: DeadlineRule }[];
}

export function createWorkflowCatalog(definitions: readonly WorkflowDefinition[]): WorkflowCatalog {
  const byId = new Map<string, WorkflowDefinition>();
  for (const definition of definitions) {
    const existing = byId.get(definition.id);
    if (existing && existing !== definition) throw new Error(`workflow ${definition.id} is declared by two modules`);
    byId.set(definition.id, definition);
  }
  const all = Object.freeze([...byId.values()]);
  return {
    all: () => all,
    get: (workflowId) => byId.get(workflowId),
    deadlineRules: () =>
      all.flatMap((definition) =>
        Object.entries(definition.states).flatMap(([stateKey, state]) => (state.deadline ? [{ workflowId: definition.id, stateKey, rule: state.deadline }] : [])),
      ),
  };
}
