import { clueSources, disposalTypes, fourForms, type ClueMetrics, type ClueMetricsQuery } from '@guantong/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { metricSubtree, periodBounds } from '../../platform/records/record-metrics.ts';
import { backlogAt, overdueByBranch, receivedByBranch, receivedByDisposal, receivedBySource } from '../clues/index.ts';
import type { CasesContext } from './cases.context.ts';
import { scopePath } from './cases.policy.ts';
import { casesByBranch, childBodies, fourFormPersons, personsSanctioned, sanctionedByBranch } from './cases-metrics.repository.ts';

/**
 * The clue metrics of a body and period (DOMAIN.md §5.2): clues by source and disposal, the funnel clues → cases →
 * persons sanctioned, the four forms, and the same by the bodies directly below. For one body and everything below it:
 * the one asked for (within the actor's own scope), or the actor's working scope (the commission, for its 案管室).
 */
export async function clueMetrics(context: CasesContext, actor: Actor, query: ClueMetricsQuery): Promise<ClueMetrics> {
  const { db } = context;
  const root = await metricSubtree(db, actor, query, await scopePath(context, actor));
  const window = { path: root.path, ...periodBounds(query), now: context.clock.now(), fromDate: query.from, toDate: query.to };
  const [bySourceRows, byDisposalRows, backlog, fourFormRows, persons, receivedByBranchRows, overdueRows, casesRows, sanctionedRows, children] = await Promise.all([
    receivedBySource(db, window),
    receivedByDisposal(db, window),
    backlogAt(db, window),
    fourFormPersons(db, window),
    personsSanctioned(db, window),
    receivedByBranch(db, window),
    overdueByBranch(db, window),
    casesByBranch(db, window),
    sanctionedByBranch(db, window),
    childBodies(db, root.id),
  ]);
  const bySource = new Map(bySourceRows.map((row) => [row.source, row]));
  const receivedTotal = bySourceRows.reduce((sum, row) => sum + Number(row.received), 0);
  const disposedTotal = bySourceRows.reduce((sum, row) => sum + Number(row.disposed), 0);
  const byDisposal = new Map(byDisposalRows.map((row) => [row.disposalType, Number(row.count)]));
  const forms = new Map(fourFormRows.map((row) => [row.fourForm, Number(row.persons)]));
  const countsOf = (rows: { branch: string; count: number }[]) => new Map(rows.map((row) => [row.branch, Number(row.count)]));
  const [overdueOf, casesOf, sanctionedOf] = [countsOf(overdueRows), countsOf(casesRows), countsOf(sanctionedRows)];
  const receivedOf = new Map(receivedByBranchRows.map((row) => [row.branch, row]));
  const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
  const bodyRow = (key: string, organizationId: string, name: string, own: boolean) => ({
    organizationId,
    name,
    own,
    received: Number(receivedOf.get(key)?.received ?? 0),
    disposed: Number(receivedOf.get(key)?.disposed ?? 0),
    overdue: overdueOf.get(key) ?? 0,
    cases: casesOf.get(key) ?? 0,
    personsSanctioned: sanctionedOf.get(key) ?? 0,
  });
  const casesFiled = sum(casesOf.values());
  return {
    from: query.from,
    to: query.to,
    organizationId: root.id,
    organizationName: root.name,
    received: receivedTotal,
    disposed: disposedTotal,
    disposalRate: receivedTotal ? disposedTotal / receivedTotal : null,
    overdue: sum(overdueOf.values()),
    backlog,
    bySource: clueSources.map((source) => ({
      source,
      received: Number(bySource.get(source)?.received ?? 0),
      disposed: Number(bySource.get(source)?.disposed ?? 0),
      cases: Number(bySource.get(source)?.cases ?? 0),
    })),
    byDisposal: disposalTypes.map((disposalType) => ({ disposalType, count: byDisposal.get(disposalType) ?? 0 })),
    funnel: { clues: receivedTotal, cases: casesFiled, personsSanctioned: persons },
    conversionRate: disposedTotal ? casesFiled / disposedTotal : null,
    fourForms: fourForms.map((fourForm) => ({ fourForm, persons: forms.get(fourForm) ?? 0 })),
    byBody: [bodyRow('', root.id, root.name, true), ...children.map((child) => bodyRow(child.id, child.id, child.name, false))],
  };
}
