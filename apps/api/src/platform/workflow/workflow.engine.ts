import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { nextState, type Role, type WorkflowDefinition } from '@guantong/contracts';
import { AppError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Database, Transaction } from '../db/client.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { DeadlineService } from '../deadlines/deadlines.service.ts';
import { workflowEvents } from './workflow.table.ts';

/** Who takes an action: a person acting in one of their bodies, or the system (jobs). */
export type WorkflowActor =
  | { kind: 'user'; userId: string; displayName: string; roles: readonly Role[] }
  | { kind: 'system'; name: string };

/** The columns the engine needs on a record's table. */
export interface WorkflowSubject {
  table: PgTable;
  id: PgColumn;
  status: PgColumn;
  version: PgColumn;
}

export interface ApplyActionInput<S extends string, A extends string> {
  definition: WorkflowDefinition<S, A>;
  subject: WorkflowSubject;
  subjectId: string;
  organizationId: string | null;
  expectedStatus: S;
  action: A;
  actor: WorkflowActor;
  note?: string;
  /** Other columns to change in the same statement, e.g. a lock expiry. */
  set?: Record<string, unknown>;
  /** More writes that belong to the same transition. */
  within?: (tx: Transaction) => Promise<void>;
}

export interface WorkflowEngine {
  apply<S extends string, A extends string>(input: ApplyActionInput<S, A>): Promise<{ fromStatus: S; toStatus: S }>;
}

export function createWorkflowEngine({ db, clock, deadlines }: { db: Database; clock: Clock; deadlines: DeadlineService }): WorkflowEngine {
  return {
    async apply({ definition, subject, subjectId, organizationId, expectedStatus, action, actor, note, set, within }) {
      const toStatus = nextState(definition, expectedStatus, action);
      if (!toStatus) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
      const spec = definition.actions[action];
      if (spec.roles === 'system' ? actor.kind !== 'system' : actor.kind !== 'user' || !spec.roles.some((role) => actor.roles.includes(role))) {
        throw new AppError('FORBIDDEN');
      }
      if (spec.requiresNote && !note?.trim()) throw new AppError('WORKFLOW_NOTE_REQUIRED');

      return db.transaction(async (tx) => {
        // Compare-and-set on status: of two people acting at once on the same state, exactly one wins.
        const updated = await tx
          .update(subject.table)
          .set({ ...set, [columnKey(subject.table, subject.status)]: toStatus, [columnKey(subject.table, subject.version)]: sql`${subject.version} + 1` })
          .where(and(eq(subject.id, subjectId), eq(subject.status, expectedStatus)))
          .returning({ id: subject.id });
        if (updated.length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');

        const now = clock.now();
        const actorId = actor.kind === 'user' ? actor.userId : null;
        const actorName = actor.kind === 'user' ? actor.displayName : `system:${actor.name}`;
        await tx.insert(workflowEvents).values({
          workflowId: definition.id,
          subjectId,
          organizationId,
          action,
          fromStatus: expectedStatus,
          toStatus,
          actorId,
          actorName,
          note: note ?? null,
          createdAt: now,
        });
        await deadlines.onTransition(tx, { definition, subjectId, organizationId, toStatus, at: now });
        if (within) await within(tx);
        await appendAudit(tx, clock, {
          actorId,
          actorName,
          organizationId,
          action: `workflow.${definition.id}.${action}`,
          subjectType: definition.id,
          subjectId,
          before: { status: expectedStatus },
          after: { status: toStatus },
          reason: note ?? null,
        });
        return { fromStatus: expectedStatus, toStatus };
      });
    },
  };
}

// drizzle's update().set() takes the table's property names; find the one for a column object.
function columnKey(table: PgTable, column: PgColumn): string {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  for (const [key, candidate] of Object.entries(columns)) if (candidate === column) return key;
  throw new Error(`column ${column.name} is not on the table`);
}
