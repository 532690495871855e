import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { appendAudit, verifyAuditChain } from './audit.service.ts';

describe('audit trail', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform({ demo: false });
    for (let index = 0; index < 30; index += 1) {
      await platform.db.transaction((tx) =>
        appendAudit(tx, platform.clock, {
          actorName: '测试',
          action: 'user.update',
          subjectType: 'user',
          subjectId: `u-${index}`,
          before: { displayName: `旧${index}`, nested: { b: 2, a: 1 } },
          after: { displayName: `新${index}`, when: new Date('2026-11-23T01:02:03Z') },
        }),
      );
      platform.clock.advance(1000);
    }
  });
  after(() => platform.close());

  it('verifies an untouched chain', async () => {
    const result = await verifyAuditChain(platform.db, 7);
    assert.deepEqual(result, { ok: true, checked: 30, firstBrokenId: null, reason: null });
  });

  it('refuses updates and deletes at the database', async () => {
    await assert.rejects(platform.database.query(`update audit_log set reason = 'x' where id = 1`), /append-only/);
    await assert.rejects(platform.database.query(`delete from audit_log where id = 1`), /append-only/);
  });

  it('keeps the chain consistent when many transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        platform.db.transaction((tx) => appendAudit(tx, platform.clock, { action: 'concurrent', subjectType: 'test', subjectId: String(index) })),
      ),
    );
    const result = await verifyAuditChain(platform.db);
    assert.equal(result.ok, true);
    assert.equal(result.checked, 50);
  });

  it('detects a row whose content was altered behind the trigger, and names it', async () => {
    // Someone with superuser rights switches the trigger off and edits history.
    await platform.database.query('alter table audit_log disable trigger audit_log_no_update_or_delete');
    await platform.database.query(`update audit_log set after = '{"displayName":"篡改"}' where id = 12`);
    const altered = await verifyAuditChain(platform.db);
    assert.equal(altered.ok, false);
    assert.equal(altered.firstBrokenId, 12);
    assert.match(altered.reason ?? '', /altered/);
  });

  it('detects a deleted row by the broken link of the next one', async () => {
    await platform.database.query(`delete from audit_log where id <= 12`);
    await platform.database.query(`delete from audit_log where id = 20`);
    const removed = await verifyAuditChain(platform.db);
    assert.equal(removed.ok, false);
    // Entries 1–12 are gone, so entry 13 no longer links to the genesis hash.
    assert.equal(removed.firstBrokenId, 13);
    assert.match(removed.reason ?? '', /removed/);
  });
});
