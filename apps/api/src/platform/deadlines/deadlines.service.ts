import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Deadline, DeadlineRule, DeadlineState, WorkflowDefinition } from '@guantong/contracts';
import { AppError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Database, DbOrTx } from '../db/client.ts';
import { executeRows } from '../db/client.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { chinaDateOf, dueAtOf, remindAtOf } from '../calendar/working-days.ts';
import type { Notifier } from '../notify/notifier.ts';
import { deadlineExtensions, deadlineRuleSettings, deadlines } from './deadlines.table.ts';

export type DeadlineRow = typeof deadlines.$inferSelect;

// Without a rule-specific window, remind this many working days before the due date.
const DEFAULT_REMIND_WORKING_DAYS = 2;

/** Keeps a copy of the open deadline on the record's own row, so work queues sort and filter by it. */
export type DeadlineMirror = (tx: DbOrTx, subjectIds: string[], open: { dueAt: Date; remindAt: Date | null } | null) => Promise<void>;

export interface DeadlineService {
  mirror(workflowId: string, mirror: DeadlineMirror): void;
  onTransition(
    tx: DbOrTx,
    input: { definition: WorkflowDefinition; subjectId: string; organizationId: string | null; toStatus: string; at: Date },
  ): Promise<void>;
  /** The first state's deadline of new records created together (no earlier deadline to close): one insert for all. */
  onStart(
    tx: DbOrTx,
    input: { definition: WorkflowDefinition; subjects: { subjectId: string; organizationId: string | null }[]; status: string; at: Date },
  ): Promise<void>;
  listFor(workflowId: string, subjectId: string): Promise<DeadlineRow[]>;
  findById(id: string): Promise<DeadlineRow | undefined>;
  extend(
    actor: { userId: string; displayName: string },
    deadline: DeadlineRow,
    rule: DeadlineRule,
    input: { length: number; reason: string },
  ): Promise<DeadlineRow>;
  /** Sends due reminders and escalates overdue deadlines (督办); safe to run from several processes. */
  sweep(): Promise<{ reminded: number; escalated: number }>;
  present(row: DeadlineRow): Deadline;
}

// Long function: the DeadlineService object; its methods are short and share the injected services and the mirrors
// the modules attach (state of the instance).
export function createDeadlineService({
  db,
  clock,
  calendar,
  notifier,
}: {
  db: Database;
  clock: Clock;
  calendar: CalendarService;
  notifier: Notifier;
}): DeadlineService {
  const mirrors = new Map<string, DeadlineMirror>();

  async function effectiveRule(tx: DbOrTx, rule: DeadlineRule): Promise<DeadlineRule> {
    const [override] = await tx.select().from(deadlineRuleSettings).where(eq(deadlineRuleSettings.ruleKey, rule.key));
    return override ? { ...rule, basis: override.basis, length: override.length } : rule;
  }

  async function recipients(tx: DbOrTx, organizationId: string | null, leadersOnly: boolean): Promise<string[]> {
    if (!organizationId) return [];
    // Leaders of the body and of every body above it; for reminders, everyone in the body.
    const rows = await executeRows<{ user_id: string }>(
      tx,
      leadersOnly
        ? sql`select distinct m.user_id from memberships m
              join organizations target on target.id = ${organizationId}
              join organizations o on o.id = m.organization_id and target.path like o.path || '%'
              where 'leader' = any(m.roles)`
        : sql`select distinct m.user_id from memberships m where m.organization_id = ${organizationId}`,
    );
    return rows.map((row) => row.user_id);
  }

  // Opens the deadline a state declares for each subject (all entering it at `at`) and mirrors it onto their rows.
  async function open(
    tx: DbOrTx,
    definition: WorkflowDefinition,
    subjects: { subjectId: string; organizationId: string | null }[],
    toStatus: string,
    at: Date,
  ) {
    if (subjects.length === 0) return;
    const declared = definition.states[toStatus]?.deadline;
    const mirror = mirrors.get(definition.id);
    const subjectIds = subjects.map((subject) => subject.subjectId);
    if (!declared) {
      await mirror?.(tx, subjectIds, null);
      return;
    }
    const rule = await effectiveRule(tx, declared);
    const exceptions = await calendar.exceptions(tx);
    const dueAt = dueAtOf(at, rule.basis, rule.length, exceptions);
    const remindAt = remindAtOf(at, chinaDateOf(dueAt), rule.remindBefore ?? DEFAULT_REMIND_WORKING_DAYS, exceptions);
    await mirror?.(tx, subjectIds, { dueAt, remindAt });
    await tx.insert(deadlines).values(
      subjects.map(({ subjectId, organizationId }) => ({
        workflowId: definition.id,
        subjectId,
        organizationId,
        stateKey: toStatus,
        ruleKey: rule.key,
        basis: rule.basis,
        length: rule.length,
        startedAt: at,
        dueAt,
        remindAt,
        legalBasisZh: rule.legalBasis.zhCN,
        legalBasisEn: rule.legalBasis.en,
      })),
    );
  }

  return {
    mirror(workflowId, mirror) {
      mirrors.set(workflowId, mirror);
    },

    async onTransition(tx, { definition, subjectId, organizationId, toStatus, at }) {
      await tx
        .update(deadlines)
        .set({ status: 'met', metAt: at })
        .where(and(eq(deadlines.workflowId, definition.id), eq(deadlines.subjectId, subjectId), eq(deadlines.status, 'open')));
      await open(tx, definition, [{ subjectId, organizationId }], toStatus, at);
    },

    async onStart(tx, { definition, subjects, status, at }) {
      await open(tx, definition, subjects, status, at);
    },

    listFor(workflowId, subjectId) {
      return db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.workflowId, workflowId), eq(deadlines.subjectId, subjectId)))
        // Deadlines opened in the same instant (one transaction moving a record twice): the open one comes last.
        .orderBy(deadlines.startedAt, sql`${deadlines.status} = 'open'`);
    },

    async findById(id) {
      const [row] = await db.select().from(deadlines).where(eq(deadlines.id, id));
      return row;
    },

    async extend(actor, deadline, rule, { length, reason }) {
      const total = deadline.extendedBy + length;
      if (deadline.status !== 'open' || !rule.extendable || (rule.maxExtension !== undefined && total > rule.maxExtension)) {
        throw new AppError('DEADLINE_NOT_EXTENDABLE');
      }
      const exceptions = await calendar.exceptions();
      const newDueAt = dueAtOf(deadline.startedAt, deadline.basis, deadline.length + total, exceptions);
      return db.transaction(async (tx) => {
        const [updated] = await tx
          .update(deadlines)
          .set({
            extendedBy: total,
            dueAt: newDueAt,
            remindAt: remindAtOf(clock.now(), chinaDateOf(newDueAt), rule.remindBefore ?? DEFAULT_REMIND_WORKING_DAYS, exceptions),
            remindedAt: null,
            escalatedAt: null,
          })
          // Compare-and-set on the extension already granted, so two approvals cannot both add time.
          .where(and(eq(deadlines.id, deadline.id), eq(deadlines.extendedBy, deadline.extendedBy), eq(deadlines.status, 'open')))
          .returning();
        if (!updated) throw new AppError('VERSION_CONFLICT');
        await mirrors.get(deadline.workflowId)?.(tx, [deadline.subjectId], { dueAt: updated.dueAt, remindAt: updated.remindAt });
        await tx.insert(deadlineExtensions).values({
          deadlineId: deadline.id,
          length,
          reason,
          approvedBy: actor.userId,
          previousDueAt: deadline.dueAt,
          newDueAt,
          createdAt: clock.now(),
        });
        await appendAudit(tx, clock, {
          actorId: actor.userId,
          actorName: actor.displayName,
          organizationId: deadline.organizationId,
          action: 'deadline.extend',
          subjectType: deadline.workflowId,
          subjectId: deadline.subjectId,
          before: { dueAt: deadline.dueAt, extendedBy: deadline.extendedBy },
          after: { dueAt: newDueAt, extendedBy: total },
          reason,
        });
        return updated;
      });
    },

    async sweep() {
      const now = clock.now();
      let reminded = 0;
      let escalated = 0;
      const dueForReminder = await db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.status, 'open'), isNull(deadlines.remindedAt), lte(deadlines.remindAt, now)))
        .limit(500);
      for (const row of dueForReminder) {
        await db.transaction(async (tx) => {
          // Claim the reminder first; a second process sweeping at the same time finds nothing to claim.
          const claimed = await tx
            .update(deadlines)
            .set({ remindedAt: now })
            .where(and(eq(deadlines.id, row.id), isNull(deadlines.remindedAt)))
            .returning({ id: deadlines.id });
          if (claimed.length === 0) return;
          await notifier.notify(tx, {
            userIds: await recipients(tx, row.organizationId, false),
            organizationId: row.organizationId,
            kind: 'deadline.reminder',
            title: '办理期限即将到期',
            body: `期限 ${chinaDateOf(row.dueAt)} 到期（${row.legalBasisZh}）`,
            subjectType: row.workflowId,
            subjectId: row.subjectId,
          });
          reminded += 1;
        });
      }
      const overdue = await db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.status, 'open'), isNull(deadlines.escalatedAt), lte(deadlines.dueAt, now)))
        .limit(500);
      for (const row of overdue) {
        await db.transaction(async (tx) => {
          const claimed = await tx
            .update(deadlines)
            .set({ escalatedAt: now })
            .where(and(eq(deadlines.id, row.id), isNull(deadlines.escalatedAt)))
            .returning({ id: deadlines.id });
          if (claimed.length === 0) return;
          await notifier.notify(tx, {
            userIds: await recipients(tx, row.organizationId, true),
            organizationId: row.organizationId,
            kind: 'deadline.escalation',
            title: '超期督办',
            body: `已超过 ${chinaDateOf(row.dueAt)} 的办理期限（${row.legalBasisZh}）`,
            subjectType: row.workflowId,
            subjectId: row.subjectId,
          });
          await appendAudit(tx, clock, {
            actorName: 'system:deadlines',
            organizationId: row.organizationId,
            action: 'deadline.escalate',
            subjectType: row.workflowId,
            subjectId: row.subjectId,
            after: { dueAt: row.dueAt, ruleKey: row.ruleKey },
          });
          escalated += 1;
        });
      }
      return { reminded, escalated };
    },

    present(row) {
      const now = clock.now();
      let state: DeadlineState;
      if (row.status !== 'open') state = row.metAt && row.metAt > row.dueAt ? 'met_late' : 'met_on_time';
      else if (now > row.dueAt) state = 'overdue';
      else if (row.remindAt && now >= row.remindAt) state = 'due_soon';
      else state = 'on_time';
      return {
        id: row.id,
        workflowId: row.workflowId,
        subjectId: row.subjectId,
        stateKey: row.stateKey,
        ruleKey: row.ruleKey,
        basis: row.basis,
        length: row.length,
        extendedBy: row.extendedBy,
        startedAt: row.startedAt.toISOString(),
        dueAt: row.dueAt.toISOString(),
        remindAt: row.remindAt?.toISOString() ?? null,
        status: row.status,
        state,
        legalBasis: { zhCN: row.legalBasisZh, en: row.legalBasisEn },
        metAt: row.metAt?.toISOString() ?? null,
        remindedAt: row.remindedAt?.toISOString() ?? null,
        escalatedAt: row.escalatedAt?.toISOString() ?? null,
      };
    },
  };
}
