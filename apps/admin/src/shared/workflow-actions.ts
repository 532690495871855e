import type { WorkflowDefinition, WorkflowDefinitionJson } from '@guantong/contracts';

export type ActionSpec = WorkflowDefinitionJson['actions'][number];

/** An action as the server's definition describes it; the contract's copy of `workflow` while that loads. */
export function actionSpecOf(definition: WorkflowDefinitionJson | undefined, workflow: WorkflowDefinition, key: string): ActionSpec {
  const served = definition?.actions.find((action) => action.key === key);
  if (served) return served;
  const known = Object.hasOwn(workflow.actions, key) ? workflow.actions[key] : undefined;
  return {
    key,
    label: known?.label ?? { zhCN: key, en: key },
    from: known ? [...known.from] : [],
    to: known?.to ?? '',
    roles: [],
    requiresNote: Boolean(known?.requiresNote),
  };
}

/**
 * What every action request carries: the action, the status the person saw (a mismatch answers 409), and the note
 * and written record where given (trimmed; the record only where the action takes one).
 */
export function actionRequest(spec: ActionSpec, status: string, values: { note?: string; record?: string }, takesRecord: boolean) {
  const note = values.note?.trim();
  const record = values.record?.trim();
  return { action: spec.key, expectedStatus: status, ...(note ? { note } : {}), ...(takesRecord && record ? { record } : {}) };
}
