import { z } from 'zod';
import { LocalizedTextSchema, type LocalizedText } from './i18n.ts';
import { RoleSchema, type Role } from './roles.ts';

export const deadlineBases = ['calendarDays', 'workingDays', 'months'] as const;
export const DeadlineBasisSchema = z.enum(deadlineBases);
export type DeadlineBasis = z.infer<typeof DeadlineBasisSchema>;

/** How sure we are of a rule (DOMAIN.md §0): S sourced, M memory, I inference, L local practice. */
export const ruleSources = ['S', 'M', 'I', 'L'] as const;
export type RuleSource = (typeof ruleSources)[number];

/**
 * A deadline as a rule object, never a constant (DOMAIN.md §0).
 * The clock starts when the record enters the state that carries the rule.
 */
export interface DeadlineRule {
  /** Stable key; administrators override length and basis by this key. */
  key: string;
  basis: DeadlineBasis;
  length: number;
  extendable: boolean;
  /** Longest total extension, in the rule's basis. */
  maxExtension?: number;
  /** Working days before the due date when a reminder goes out. */
  remindBefore?: number;
  legalBasis: LocalizedText;
  source: RuleSource;
}

export const DeadlineRuleSchema = z
  .object({
    key: z.string(),
    basis: DeadlineBasisSchema,
    length: z.number().int(),
    extendable: z.boolean(),
    maxExtension: z.number().int().optional(),
    remindBefore: z.number().int().optional(),
    legalBasis: LocalizedTextSchema,
    source: z.enum(ruleSources),
  })
  .meta({ id: 'DeadlineRule' });

export interface WorkflowState {
  label: LocalizedText;
  final?: boolean;
  deadline?: DeadlineRule;
}

export interface WorkflowAction<S extends string> {
  label: LocalizedText;
  from: readonly S[];
  to: S;
  /** Roles that may take the action; 'system' actions are taken by jobs, never by a person. */
  roles: readonly Role[] | 'system';
  requiresNote?: boolean;
}

export interface WorkflowDefinition<S extends string = string, A extends string = string> {
  id: string;
  label: LocalizedText;
  initial: S;
  states: Record<S, WorkflowState>;
  actions: Record<A, WorkflowAction<S>>;
}

export function defineWorkflow<const S extends string, const A extends string>(
  definition: WorkflowDefinition<S, A>,
): WorkflowDefinition<S, A> {
  for (const [action, spec] of Object.entries(definition.actions) as [A, WorkflowAction<S>][]) {
    for (const from of spec.from) {
      if (!(from in definition.states)) throw new Error(`${definition.id}.${action}: unknown from-state ${from}`);
      if (definition.states[from].final) throw new Error(`${definition.id}.${action}: leaves final state ${from}`);
    }
    if (!(spec.to in definition.states)) throw new Error(`${definition.id}.${action}: unknown to-state ${spec.to}`);
  }
  return definition;
}

export function actionsFrom<S extends string, A extends string>(definition: WorkflowDefinition<S, A>, status: S): A[] {
  return (Object.keys(definition.actions) as A[]).filter((action) => definition.actions[action].from.includes(status));
}

/** Actions a person holding these roles may take now; the UI renders exactly these. */
export function allowedActionsFor<S extends string, A extends string>(
  definition: WorkflowDefinition<S, A>,
  status: S,
  roleList: readonly Role[],
): A[] {
  return actionsFrom(definition, status).filter((action) => {
    const allowed = definition.actions[action].roles;
    return allowed !== 'system' && allowed.some((role) => roleList.includes(role));
  });
}

export function nextState<S extends string, A extends string>(
  definition: WorkflowDefinition<S, A>,
  status: S,
  action: A,
): S | undefined {
  // Own keys only: an action named like an Object.prototype member ('toString') is no action.
  const spec = Object.hasOwn(definition.actions, action) ? definition.actions[action] : undefined;
  return spec && spec.from.includes(status) ? spec.to : undefined;
}

/** Plain JSON of a definition, served to the UI and drawn as a flowchart. */
export const WorkflowDefinitionSchema = z
  .object({
    id: z.string(),
    label: LocalizedTextSchema,
    initial: z.string(),
    states: z.array(
      z.object({ key: z.string(), label: LocalizedTextSchema, final: z.boolean(), deadline: DeadlineRuleSchema.nullable() }),
    ),
    actions: z.array(
      z.object({
        key: z.string(),
        label: LocalizedTextSchema,
        from: z.array(z.string()),
        to: z.string(),
        roles: z.union([z.array(RoleSchema), z.literal('system')]),
        requiresNote: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'WorkflowDefinition' });
export type WorkflowDefinitionJson = z.infer<typeof WorkflowDefinitionSchema>;

export function toWorkflowJson(definition: WorkflowDefinition): WorkflowDefinitionJson {
  return {
    id: definition.id,
    label: definition.label,
    initial: definition.initial,
    states: Object.entries(definition.states).map(([key, state]) => ({
      key,
      label: state.label,
      final: Boolean(state.final),
      deadline: state.deadline ?? null,
    })),
    actions: Object.entries(definition.actions).map(([key, action]) => ({
      key,
      label: action.label,
      from: [...action.from],
      to: action.to,
      roles: action.roles === 'system' ? 'system' : [...action.roles],
      requiresNote: Boolean(action.requiresNote),
    })),
  };
}

export const WorkflowEventSchema = z
  .object({
    id: z.uuid(),
    workflowId: z.string(),
    subjectId: z.uuid(),
    action: z.string(),
    fromStatus: z.string(),
    toStatus: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WorkflowEvent' });
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;

export const WorkflowActionBodySchema = z
  .strictObject({
    action: z.string().min(1).max(60),
    expectedStatus: z.string().min(1).max(60).describe('The status the client saw; a mismatch answers 409'),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'WorkflowActionBody' });
export type WorkflowActionBody = z.infer<typeof WorkflowActionBodySchema>;
