import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';

describe('holiday calendar administration', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  after(() => t.close());

  it('is seeded with the current and the next year', async () => {
    const year2026 = (await admin.get('/api/calendar?year=2026')).json();
    assert.ok(year2026.some((day: { date: string; kind: string }) => day.date === '2026-10-01' && day.kind === 'holiday'));
    assert.ok(year2026.some((day: { date: string; kind: string }) => day.date === '2026-09-20' && day.kind === 'workday'));
    const year2027 = (await admin.get('/api/calendar?year=2027')).json();
    assert.ok(year2027.some((day: { date: string }) => day.date === '2027-02-06'));
  });

  it('adds a swapped workday that deadline arithmetic uses at once, audit-logged', async () => {
    const before = await t.platform.calendar.exceptions();
    assert.equal(before.get('2027-02-20'), undefined);
    const saved = await admin.put('/api/calendar/2027-02-20', { kind: 'workday', name: '春节调休上班' });
    assert.equal(saved.statusCode, 200);
    assert.equal((await t.platform.calendar.exceptions()).get('2027-02-20'), 'workday');
    const [entry] = await t.platform.db.select().from(auditLog).where(eq(auditLog.subjectId, '2027-02-20'));
    assert.equal(entry.action, 'calendar.upsert');
    const removed = await admin.delete('/api/calendar/2027-02-20');
    assert.equal(removed.statusCode, 200);
    assert.equal((await t.platform.calendar.exceptions()).get('2027-02-20'), undefined);
    assert.equal((await admin.delete('/api/calendar/2027-02-20')).statusCode, 404);
  });

  it('refuses an impossible date and an unknown kind', async () => {
    assert.equal((await admin.put('/api/calendar/2027-02-30', { kind: 'holiday', name: 'x' })).statusCode, 400);
    assert.equal((await admin.put('/api/calendar/2027-02-10', { kind: 'weekend', name: 'x' })).statusCode, 400);
  });
});
