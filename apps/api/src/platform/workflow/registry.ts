import { accountWorkflow, type DeadlineRule, type WorkflowDefinition } from '@guantong/contracts';

const definitions = new Map<string, WorkflowDefinition>();

/** Every workflow the platform runs; each module registers its definitions when it loads. */
export const workflowRegistry: ReadonlyMap<string, WorkflowDefinition> = definitions;

export function registerWorkflow(definition: WorkflowDefinition): void {
  const existing = definitions.get(definition.id);
  if (existing && existing !== definition) throw new Error(`workflow ${definition.id} is registered twice`);
  definitions.set(definition.id, definition);
}

/** Every deadline rule of every registered workflow, with where it applies. */
export function registeredDeadlineRules(): { workflowId: string; stateKey: string; rule: DeadlineRule }[] {
  return [...definitions.values()].flatMap((definition) =>
    Object.entries(definition.states).flatMap(([stateKey, state]) => (state.deadline ? [{ workflowId: definition.id, stateKey, rule: state.deadline }] : [])),
  );
}

registerWorkflow(accountWorkflow as unknown as WorkflowDefinition);
