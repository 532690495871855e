import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { nextState, type Role, type WorkflowDefinition } from '@guantong/contracts';
import { AppError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Database, Transaction } from '../db/client.ts';
import { appendAudit, appendAuditEntries } from '../audit/audit.service.ts';
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

export interface StartInput<S extends string> {
  definition: WorkflowDefinition<S, string>;
  subjectId: string;
  organizationId: string | null;
  status: S;
  actor: WorkflowActor;
  note?: string;
  /** Audit fields; never the sealed or confidential content itself. */
  after?: Record<string, unknown>;
}

export interface WorkflowEngine {
  /**
   * Applies an action in its own transaction, or inside `tx` when the transition is part of a larger change
   * (a transfer's result moving the sender's record along).
   */
  apply<S extends string, A extends string>(input: ApplyActionInput<S, A>, tx?: Transaction): Promise<{ fromStatus: S; toStatus: S }>;
  /** Records a new record's first state: the creation event, its deadline and the audit entry, in the caller's transaction. */
  start<S extends string>(tx: Transaction, input: StartInput<S>): Promise<void>;
  /** The same for several new records of one workflow created together (group commit): one insert per table. */
  startMany<S extends string>(tx: Transaction, inputs: StartInput<S>[]): Promise<void>;
}

/** Action name of the creation event on a record's timeline. */
export const CREATED_ACTION = 'create';

// Long function: the WorkflowEngine object; its methods are short and share the injected db, clock and deadlines.
export function createWorkflowEngine({ db, clock, deadlines }: { db: Database; clock: Clock; deadlines: DeadlineService }): WorkflowEngine {
  // The timeline row and the deadlines of a state change.
  async function recordEvent(
    tx: Transaction,
    input: { definition: WorkflowDefinition; subjectId: string; organizationId: string | null; action: string; fromStatus: string; toStatus: string; actor: WorkflowActor; note?: string },
  ) {
    const now = clock.now();
    const { actorId, actorName } = actorColumns(input.actor);
    await tx.insert(workflowEvents).values({
      workflowId: input.definition.id,
      subjectId: input.subjectId,
      organizationId: input.organizationId,
      action: input.action,
      fromStatus: input.fromStatus,
      toStatus: input.toStatus,
      actorId,
      actorName,
      note: input.note ?? null,
      createdAt: now,
    });
    await deadlines.onTransition(tx, { definition: input.definition, subjectId: input.subjectId, organizationId: input.organizationId, toStatus: input.toStatus, at: now });
    return { actorId, actorName };
  }

  // A record's first state: creation events, deadlines and audit entries, one statement each however many records.
  async function startMany<S extends string>(tx: Transaction, inputs: StartInput<S>[]): Promise<void> {
    if (inputs.length === 0) return;
    const { definition, status } = inputs[0];
    if (inputs.some((input) => input.definition.id !== definition.id || input.status !== status)) {
      throw new Error('startMany: every record must start in the same workflow and state');
    }
    const now = clock.now();
    const rows = inputs.map((input) => ({ input, ...actorColumns(input.actor) }));
    await tx.insert(workflowEvents).values(
      rows.map(({ input, actorId, actorName }) => ({
        workflowId: definition.id,
        subjectId: input.subjectId,
        organizationId: input.organizationId,
        action: CREATED_ACTION,
        fromStatus: '',
        toStatus: status,
        actorId,
        actorName,
        note: input.note ?? null,
        createdAt: now,
      })),
    );
    await deadlines.onStart(tx, { definition, subjects: inputs.map(({ subjectId, organizationId }) => ({ subjectId, organizationId })), status, at: now });
    await appendAuditEntries(
      tx,
      clock,
      rows.map(({ input, actorId, actorName }) => ({
        actorId,
        actorName,
        organizationId: input.organizationId,
        action: `workflow.${definition.id}.${CREATED_ACTION}`,
        subjectType: definition.id,
        subjectId: input.subjectId,
        after: { status, ...input.after },
      })),
    );
  }

  return {
    start: (tx, input) => startMany(tx, [input]),
    startMany,

    async apply({ definition, subject, subjectId, organizationId, expectedStatus, action, actor, note, set, within }, outerTx) {
      const toStatus = nextState(definition, expectedStatus, action);
      if (!toStatus) throw new AppError('WORKFLOW_ACTION_NOT_ALLOWED');
      const spec = definition.actions[action];
      if (spec.roles === 'system' ? actor.kind !== 'system' : actor.kind !== 'user' || !spec.roles.some((role) => actor.roles.includes(role))) {
        throw new AppError('FORBIDDEN');
      }
      if (spec.requiresNote && !note?.trim()) throw new AppError('WORKFLOW_NOTE_REQUIRED');

      const run = <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => (outerTx ? work(outerTx) : db.transaction(work));
      return run(async (tx) => {
        // Compare-and-set on status: of two people acting at once on the same state, exactly one wins.
        const updated = await tx
          .update(subject.table)
          .set({ ...set, [columnKey(subject.table, subject.status)]: toStatus, [columnKey(subject.table, subject.version)]: sql`${subject.version} + 1` })
          .where(and(eq(subject.id, subjectId), eq(subject.status, expectedStatus)))
          .returning({ id: subject.id });
        if (updated.length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');

        const { actorId, actorName } = await recordEvent(tx, { definition, subjectId, organizationId, action, fromStatus: expectedStatus, toStatus, actor, note });
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

function actorColumns(actor: WorkflowActor): { actorId: string | null; actorName: string } {
  return actor.kind === 'user' ? { actorId: actor.userId, actorName: actor.displayName } : { actorId: null, actorName: `system:${actor.name}` };
}

// drizzle's update().set() takes the table's property names; find the one for a column object.
function columnKey(table: PgTable, column: PgColumn): string {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  for (const [key, candidate] of Object.entries(columns)) if (candidate === column) return key;
  throw new Error(`column ${column.name} is not on the table`);
}
