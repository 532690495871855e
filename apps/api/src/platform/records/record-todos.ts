import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { allowedActionsFor, type LocalizedText } from '@guantong/contracts';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { DbOrTx } from '../db/client.ts';
import { deadlineStateOf } from '../deadlines/deadline-state.ts';
import { organizationName } from '../identity/organization-name.ts';
import type { TodoSource } from '../module/module-places.ts';
import type { RecordType } from './record-type.ts';

/** Why a record in a given state is the actor's to do, and (when the first allowed action does not say it) what. */
export interface TodoState {
  reason: LocalizedText;
  action?: LocalizedText;
}

/**
 * A to-do source read off a record type's workflow: records in one of `states` that the actor's roles may act on
 * there, among those `mine` picks (by default the ones the actor's active body holds), soonest due first.
 */
export function workflowTodos<S extends string, A extends string>(options: {
  key: string;
  label: LocalizedText;
  db: DbOrTx;
  clock: Clock;
  record: RecordType<S, A>;
  states: Partial<Record<S, TodoState>>;
  /** The number people know a record by, and its title. */
  columns: { reference: PgColumn | SQL; title: PgColumn | SQL };
  mine?: (actor: Actor) => SQL;
}): TodoSource {
  const { record, db, clock } = options;
  const { table } = record;
  return {
    key: options.key,
    label: options.label,
    async list(actor, { limit }) {
      const actionable = (Object.keys(options.states) as S[]).filter((state) => allowedActionsFor(record.workflow, state, actor.roles).length > 0);
      if (actionable.length === 0) return [];
      const mine = options.mine?.(actor) ?? eq(table.organizationId, actor.organizationId);
      const rows = (await db
        .select({
          id: table.id,
          reference: options.columns.reference,
          title: options.columns.title,
          status: table.status,
          organizationId: table.organizationId,
          organizationName: organizationName(table.organizationId),
          dueAt: table.dueAt,
          remindAt: table.remindAt,
        })
        .from(table)
        .where(and(inArray(table.status, actionable), mine))
        .orderBy(sql`${table.dueAt} asc nulls last`, asc(table.id))
        .limit(limit)) as { id: string; reference: string | null; title: string; status: S; organizationId: string; organizationName: string; dueAt: Date | null; remindAt: Date | null }[];
      const now = clock.now();
      return rows.map((row) => {
        const state = options.states[row.status]!;
        const firstAction = allowedActionsFor(record.workflow, row.status, actor.roles)[0];
        return {
          source: options.key,
          recordType: record.type,
          recordId: row.id,
          reference: row.reference,
          title: row.title,
          action: state.action ?? record.workflow.actions[firstAction].label,
          reason: state.reason,
          organizationId: row.organizationId,
          organizationName: row.organizationName ?? '',
          dueAt: row.dueAt,
          deadlineState: deadlineStateOf(row, now),
        };
      });
    },
  };
}
