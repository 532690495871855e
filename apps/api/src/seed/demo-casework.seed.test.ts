import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { verifyAuditChain } from '../platform/audit/audit.service.ts';
import { seedDemoCasework } from './demo-casework.seed.ts';

describe('demo clue and case work', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    assert.equal(await seedDemoCasework(t.platform), true);
  });
  after(() => t.close());

  it('shows the report’s funnel on the metrics page: 104 clues, 36 cases, 37 persons sanctioned', async () => {
    const casemgr = await t.login('casemgr');
    const metrics = (await casemgr.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31')).json() as Record<string, any>;
    assert.deepEqual(metrics.funnel, { clues: 104, cases: 36, personsSanctioned: 37 });
    assert.equal(metrics.bySource.find((row: { source: string }) => row.source === 'petition').received, 30);
    assert.ok(metrics.disposed >= 98 && metrics.disposed < 104, 'a few clues are still being worked on');
    assert.equal((await verifyAuditChain(t.platform.db)).ok, true);
    assert.equal(await seedDemoCasework(t.platform), false, 'runs once');
  });
});
