import { accountWorkflow, type WorkflowDefinition } from '@guantong/contracts';

// Every workflow the platform runs; modules add theirs here as they land.
export const workflowRegistry: ReadonlyMap<string, WorkflowDefinition> = new Map(
  [accountWorkflow as unknown as WorkflowDefinition].map((definition) => [definition.id, definition]),
);
