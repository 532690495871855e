import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { defineWorkflow, type WorkflowDefinition } from '@guantong/contracts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { defineModule } from '../../platform/module/module-definition.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';

// A workflow whose deadline is local practice ([L]): the kind of rule administrators must be able to change.
const verification = defineWorkflow({
  id: 'verification-test',
  label: { zhCN: '初核', en: 'Preliminary verification' },
  initial: 'approved',
  states: {
    approved: {
      label: { zhCN: '已批准', en: 'Approved' },
      deadline: {
        key: 'verification-test.approved',
        basis: 'months',
        length: 2,
        extendable: true,
        maxExtension: 1,
        legalBasis: { zhCN: '地方实践：2个月，可延长1个月', en: 'Local practice: 2 months, +1' },
        source: 'L',
      },
    },
    reported: { label: { zhCN: '已报告', en: 'Reported' }, final: true },
  },
  actions: { report: { label: { zhCN: '报告', en: 'Report' }, from: ['approved'], to: 'reported', roles: ['handling_officer'] } },
});

describe('deadline rule settings', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    // A module of the test's own declares the workflow, as a real module would.
    t = await createTestApp({ extraModules: [defineModule({ name: 'verification-test', workflows: [verification as unknown as WorkflowDefinition] })] });
    admin = await t.login('admin');
  });
  after(() => t.close());

  it('lists every rule with its default, source tag and legal basis', async () => {
    const rules = (await admin.get('/api/deadline-rules')).json();
    const rule = rules.find((candidate: { key: string }) => candidate.key === 'verification-test.approved');
    assert.deepEqual(
      { basis: rule.basis, length: rule.length, overridden: rule.overridden, source: rule.source, stateKey: rule.stateKey },
      { basis: 'months', length: 2, overridden: false, source: 'L', stateKey: 'approved' },
    );
  });

  it('lets an administrator override a rule, audit-logged, and new deadlines follow it; reset restores the default', async () => {
    const updated = await admin.put('/api/deadline-rules/verification-test.approved', { basis: 'workingDays', length: 15 });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual([updated.json().basis, updated.json().length, updated.json().overridden], ['workingDays', 15, true]);
    const [entry] = await t.platform.db.select().from(auditLog).where(eq(auditLog.action, 'deadline_rule.update'));
    assert.deepEqual(entry.after, { basis: 'workingDays', length: 15 });

    const reset = await admin.delete('/api/deadline-rules/verification-test.approved');
    assert.deepEqual([reset.json().basis, reset.json().length, reset.json().overridden], ['months', 2, false]);
  });

  it('refuses other roles, unknown rules and impossible lengths', async () => {
    const leader = await t.login('leader');
    assert.equal((await leader.get('/api/deadline-rules')).statusCode, 200);
    assert.equal((await leader.put('/api/deadline-rules/verification-test.approved', { basis: 'workingDays', length: 15 })).statusCode, 403);
    assert.equal((await admin.put('/api/deadline-rules/no-such-rule', { basis: 'workingDays', length: 15 })).statusCode, 404);
    assert.equal((await admin.put('/api/deadline-rules/verification-test.approved', { basis: 'workingDays', length: 0 })).statusCode, 400);
    assert.equal((await admin.put('/api/deadline-rules/verification-test.approved', { basis: 'fortnights', length: 2 })).statusCode, 400);
  });
});
