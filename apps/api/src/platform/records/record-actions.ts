import { asWorkflowActor, type Actor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { Transaction } from '../db/client.ts';
import type { StartInput, WorkflowActor, WorkflowEngine } from '../workflow/workflow.engine.ts';
import type { RecordType } from './record-type.ts';

export interface RecordActionInput<S extends string, A extends string> {
  id: string;
  /** The body holding the record (the event, deadline and audit entry are the body's). */
  organizationId: string;
  expectedStatus: S;
  action: A;
  actor: WorkflowActor;
  note?: string;
  /** Other columns of the record to change in the same statement. */
  set?: Record<string, unknown>;
  /** More writes that belong to the same transition (a transfer, a written record, the sender moving on). */
  within?: (tx: Transaction) => Promise<void>;
}

/**
 * Takes a workflow action on a record: compare-and-set on its status, the timeline event, the next deadline and the
 * audit entry in one transaction (the caller's, when `tx` is given).
 */
export function applyRecordAction<S extends string, A extends string>(
  workflows: WorkflowEngine,
  record: RecordType<S, A>,
  input: RecordActionInput<S, A>,
  tx?: Transaction,
) {
  const { id, ...rest } = input;
  return workflows.apply({ definition: record.workflow, subject: record.subject, subjectId: id, ...rest }, tx);
}

/** Records new records' first state (creation event, deadline, audit entry) in the caller's transaction. */
export function startRecords<S extends string>(workflows: WorkflowEngine, tx: Transaction, record: RecordType<S>, inputs: Omit<StartInput<S>, 'definition'>[]) {
  return workflows.startMany(
    tx,
    inputs.map((input) => ({ ...input, definition: record.workflow })),
  );
}

/**
 * A person's action on a record: `applyRecordAction` with the person as the workflow actor and `updatedAt` moved to
 * now, as every module's own actions are taken.
 */
export function actOnRecord<S extends string, A extends string>(
  platform: { workflows: WorkflowEngine; clock: Clock },
  record: RecordType<S, A>,
  actor: Actor,
  target: { id: string; organizationId: string },
  step: { action: A; expectedStatus: S; note?: string; set?: Record<string, unknown>; within?: (tx: Transaction) => Promise<void> },
  tx?: Transaction,
) {
  return applyRecordAction(
    platform.workflows,
    record,
    {
      id: target.id,
      organizationId: target.organizationId,
      expectedStatus: step.expectedStatus,
      action: step.action,
      actor: asWorkflowActor(actor),
      note: step.note,
      set: { ...step.set, updatedAt: platform.clock.now() },
      within: step.within,
    },
    tx,
  );
}

/** The writes that belong to one transition, run in order in its transaction; none when there are none. */
export function inOrder(steps: readonly ((tx: Transaction) => Promise<void>)[]): ((tx: Transaction) => Promise<void>) | undefined {
  if (steps.length === 0) return undefined;
  return async (tx) => {
    for (const step of steps) await step(tx);
  };
}
