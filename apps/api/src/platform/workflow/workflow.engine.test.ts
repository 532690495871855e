import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accountWorkflow, defineWorkflow } from '@guantong/contracts';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { accountSubject } from '../../modules/users/users.service.ts';
import { users } from '../identity/users.table.ts';
import { auditLog } from '../audit/audit.table.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import { workflowEvents } from './workflow.table.ts';

const administrator = { kind: 'user', userId: '00000000-0000-4000-8000-000000000001', displayName: '管理员', roles: ['administrator'] } as const;

async function userId(platform: TestPlatform, username: string) {
  const [row] = await platform.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row.id;
}

describe('workflow engine', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform();
  });
  after(() => platform.close());

  it('moves the record, writes the event row and the audit entry together', async () => {
    const id = await userId(platform, 'handler');
    const result = await platform.workflows.apply({
      definition: accountWorkflow,
      subject: accountSubject,
      subjectId: id,
      organizationId: null,
      expectedStatus: 'active',
      action: 'disable',
      actor: administrator,
      note: '调离',
    });
    assert.deepEqual(result, { fromStatus: 'active', toStatus: 'disabled' });
    const [row] = await platform.db.select().from(users).where(eq(users.id, id));
    assert.equal(row.status, 'disabled');
    assert.equal(row.version, 2);
    const events = await platform.db.select().from(workflowEvents).where(eq(workflowEvents.subjectId, id));
    assert.equal(events.length, 1);
    assert.equal(events[0].note, '调离');
    const audits = await platform.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'workflow.account.disable')));
    assert.equal(audits.length, 1);
    assert.deepEqual(audits[0].before, { status: 'active' });
    assert.equal((await verifyAuditChain(platform.db)).ok, true);
  });

  it('lets exactly one of two conflicting actions win; the other gets WORKFLOW_STATE_CHANGED', async () => {
    const id = await userId(platform, 'casemgr');
    const attempts = await Promise.allSettled(
      (['disable', 'disable', 'disable'] as const).map((action) =>
        platform.workflows.apply({
          definition: accountWorkflow,
          subject: accountSubject,
          subjectId: id,
          organizationId: null,
          expectedStatus: 'active',
          action,
          actor: administrator,
          note: '并发',
        }),
      ),
    );
    assert.equal(attempts.filter((attempt) => attempt.status === 'fulfilled').length, 1);
    const failures = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    assert.equal(failures.length, 2);
    for (const failure of failures) assert.equal((failure.reason as AppError).code, 'WORKFLOW_STATE_CHANGED');
    const events = await platform.db.select().from(workflowEvents).where(eq(workflowEvents.subjectId, id));
    assert.equal(events.length, 1, 'the losers leave no event row behind');
  });

  it('refuses an action not allowed from the current state, a role without the action, and a person taking a system action', async () => {
    const id = await userId(platform, 'partner');
    const base = { definition: accountWorkflow, subject: accountSubject, subjectId: id, organizationId: null, actor: administrator };
    await assert.rejects(platform.workflows.apply({ ...base, expectedStatus: 'active', action: 'enable' }), { code: 'WORKFLOW_ACTION_NOT_ALLOWED' });
    await assert.rejects(
      platform.workflows.apply({ ...base, actor: { ...administrator, roles: ['leader'] }, expectedStatus: 'active', action: 'disable', note: 'x' }),
      { code: 'FORBIDDEN' },
    );
    await assert.rejects(platform.workflows.apply({ ...base, expectedStatus: 'active', action: 'lock' }), { code: 'FORBIDDEN' });
    await assert.rejects(platform.workflows.apply({ ...base, expectedStatus: 'active', action: 'disable', note: '  ' }), { code: 'WORKFLOW_NOTE_REQUIRED' });
    const [row] = await platform.db.select().from(users).where(eq(users.id, id));
    assert.equal(row.status, 'active');
  });

  it('rolls the status back when a later write in the same transition fails', async () => {
    const id = await userId(platform, 'leader');
    await assert.rejects(
      platform.workflows.apply({
        definition: accountWorkflow,
        subject: accountSubject,
        subjectId: id,
        organizationId: null,
        expectedStatus: 'active',
        action: 'disable',
        actor: administrator,
        note: 'x',
        within: async () => {
          throw new Error('disk full');
        },
      }),
      /disk full/,
    );
    const [row] = await platform.db.select().from(users).where(eq(users.id, id));
    assert.equal(row.status, 'active');
    assert.equal(row.version, 1);
  });

  it('rejects definitions that leave a final state or name unknown states', () => {
    assert.throws(() =>
      defineWorkflow({
        id: 'broken',
        label: { zhCN: '坏', en: 'Broken' },
        initial: 'a',
        states: { a: { label: { zhCN: 'a', en: 'a' } }, b: { label: { zhCN: 'b', en: 'b' }, final: true } },
        actions: { back: { label: { zhCN: '回', en: 'Back' }, from: ['b'], to: 'a', roles: ['leader'] } },
      }),
    );
  });
});
