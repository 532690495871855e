import { z } from 'zod';
import { LocalizedTextSchema } from './i18n.ts';
import { DeadlineBasisSchema } from './workflow.ts';

export const deadlineStatuses = ['open', 'met', 'cancelled'] as const;
export const DeadlineStatusSchema = z.enum(deadlineStatuses);

/** Derived for display: on time, due soon (reminder sent or inside the reminder window), overdue. */
export const deadlineStates = ['on_time', 'due_soon', 'overdue', 'met_on_time', 'met_late'] as const;
export const DeadlineStateSchema = z.enum(deadlineStates);
export type DeadlineState = z.infer<typeof DeadlineStateSchema>;
export const deadlineStateLabels = {
  on_time: { zhCN: '正常', en: 'On time' },
  due_soon: { zhCN: '即将到期', en: 'Due soon' },
  overdue: { zhCN: '已超期', en: 'Overdue' },
  met_on_time: { zhCN: '按期办结', en: 'Met on time' },
  met_late: { zhCN: '超期办结', en: 'Met late' },
} as const;

export const DeadlineSchema = z
  .object({
    id: z.uuid(),
    workflowId: z.string(),
    subjectId: z.uuid(),
    stateKey: z.string(),
    ruleKey: z.string(),
    basis: DeadlineBasisSchema,
    length: z.number().int(),
    extendedBy: z.number().int(),
    startedAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    remindAt: z.iso.datetime().nullable(),
    status: DeadlineStatusSchema,
    state: DeadlineStateSchema,
    legalBasis: LocalizedTextSchema,
    metAt: z.iso.datetime().nullable(),
    remindedAt: z.iso.datetime().nullable(),
    escalatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof DeadlineSchema>;

export const ExtendDeadlineBodySchema = z
  .strictObject({
    length: z.number().int().min(1).max(365).describe("Extra time in the rule's own basis"),
    reason: z.string().trim().min(2).max(500),
  })
  .meta({ id: 'ExtendDeadlineBody' });

/** A rule as it applies now: the definition's default and, where administrators changed it, the local override. */
export const DeadlineRuleSettingSchema = z
  .object({
    key: z.string(),
    workflowId: z.string(),
    stateKey: z.string(),
    basis: DeadlineBasisSchema,
    length: z.number().int(),
    defaultBasis: DeadlineBasisSchema,
    defaultLength: z.number().int(),
    overridden: z.boolean(),
    extendable: z.boolean(),
    maxExtension: z.number().int().nullable(),
    legalBasis: LocalizedTextSchema,
    source: z.enum(['S', 'M', 'I', 'L']).describe('DOMAIN.md tag: S sourced, M memory, I inference, L local practice'),
  })
  .meta({ id: 'DeadlineRuleSetting' });
export type DeadlineRuleSetting = z.infer<typeof DeadlineRuleSettingSchema>;

export const UpdateDeadlineRuleBodySchema = z
  .strictObject({ basis: DeadlineBasisSchema, length: z.number().int().min(1).max(3650) })
  .meta({ id: 'UpdateDeadlineRuleBody' });
export const DeadlineRuleParamsSchema = z.strictObject({ key: z.string().min(1).max(120) });
