import type { EndpointRequest } from '@guantong/contracts';
import { AppError } from '../../platform/errors.ts';
import { appendAudit, valuesBefore } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDateOf } from '../../platform/calendar/working-days.ts';
import { actionIncomplete } from '../clues/index.ts';
import type { CasesContext } from './cases.context.ts';
import { measuresOpen, visibleCase } from './cases.policy.ts';
import { insertMeasure, measureOf, touchCase, updateMeasureAtVersion, type MeasureRow } from './cases.repository.ts';
import { detentionLatestEndOn } from './sanction-rules.ts';

// Investigative measures with their approvals (留置 and the others), recorded while the case is under investigation.

export async function addMeasure(context: CasesContext, actor: Actor, id: string, body: EndpointRequest<'addCaseMeasure'>['body']): Promise<void> {
  const { db, clock } = context;
  const row = await visibleCase(context, actor, id);
  if (!measuresOpen(actor, row)) throw new AppError('FORBIDDEN');
  if (body.kind === 'detention') {
    // 监察法2024 art.48: a detention is decided for at most 3 months; more needs its extension (updateMeasure).
    const latest = detentionLatestEndOn(body.startedOn, false);
    if (body.endedOn && body.endedOn > latest) {
      throw new AppError('MEASURE_LIMIT_EXCEEDED', [{ path: 'body.endedOn', message: `a detention is decided for at most 3 months (until ${latest}); extend it once it runs` }]);
    }
  }
  await db.transaction(async (tx) => {
    if ((await touchCase(tx, id, clock.now(), row.status)).length === 0) throw new AppError('WORKFLOW_STATE_CHANGED');
    await insertMeasure(tx, {
      caseId: id,
      kind: body.kind,
      startedOn: body.startedOn,
      endedOn: body.endedOn ?? null,
      approvedBy: body.approvedBy,
      note: body.note ?? null,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
      createdAt: clock.now(),
    });
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: 'case.measure.add',
      subjectType: 'case',
      subjectId: id,
      after: { kind: body.kind, startedOn: body.startedOn, endedOn: body.endedOn ?? null, approvedBy: body.approvedBy },
    });
  });
}

/**
 * The changes asked of a measure. A detention's term moved past its first 3 months is its one extension (at most 3
 * months more), approved one level up (监察法2024 art.47–48).
 */
function measureChanges(context: CasesContext, measure: MeasureRow, body: EndpointRequest<'updateCaseMeasure'>['body']): Partial<MeasureRow> {
  const changes: Partial<MeasureRow> = {};
  if (body.note !== undefined) changes.note = body.note || null;
  if (body.endedOn === undefined) return changes;
  if (body.endedOn !== null && body.endedOn < measure.startedOn) throw new AppError('VALIDATION_FAILED', [{ path: 'body.endedOn', message: 'ends before it starts' }]);
  changes.endedOn = body.endedOn;
  if (measure.kind !== 'detention') return changes;
  const extending = body.endedOn === null || body.endedOn > detentionLatestEndOn(measure.startedOn, Boolean(measure.extendedOn));
  if (!extending) return changes;
  if (measure.extendedOn) throw new AppError('MEASURE_LIMIT_EXCEEDED', [{ path: 'body.endedOn', message: 'a detention is extended only once' }]);
  const latest = detentionLatestEndOn(measure.startedOn, true);
  if (body.endedOn === null || body.endedOn > latest) {
    throw new AppError('MEASURE_LIMIT_EXCEEDED', [{ path: 'body.endedOn', message: `extended, a detention lasts until ${latest} at most` }]);
  }
  if (!body.extensionApprovedBy) actionIncomplete('extensionApprovedBy', 'name who approved the extension');
  return { ...changes, extendedOn: chinaDateOf(context.clock.now()), extensionApprovedBy: body.extensionApprovedBy };
}

/** Ends a measure, changes its note, or extends a detention; version-checked, audited. */
export async function updateMeasure(context: CasesContext, actor: Actor, id: string, measureId: string, body: EndpointRequest<'updateCaseMeasure'>['body']): Promise<void> {
  const { db, clock } = context;
  const row = await visibleCase(context, actor, id);
  if (!measuresOpen(actor, row)) throw new AppError('FORBIDDEN');
  const measure = await measureOf(db, id, measureId);
  if (!measure) throw new AppError('NOT_FOUND');
  const changes = measureChanges(context, measure, body);
  await db.transaction(async (tx) => {
    if (!(await updateMeasureAtVersion(tx, measureId, body.version, changes))) throw new AppError('VERSION_CONFLICT');
    await touchCase(tx, id, clock.now());
    await appendAudit(tx, clock, {
      actorId: actor.userId,
      actorName: actor.displayName,
      organizationId: row.organizationId,
      action: changes.extendedOn ? 'case.measure.extend' : 'case.measure.update',
      subjectType: 'case',
      subjectId: id,
      before: valuesBefore(measure, changes),
      after: { measureId, ...changes },
    });
  });
}
