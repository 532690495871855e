import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { like } from 'drizzle-orm';
import { demoAccounts } from '../../seed/demo.seed.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { users } from '../identity/users.table.ts';
import { countCapped } from './pagination.ts';

describe('capped counting', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform();
  });
  after(() => platform.close());

  it('counts exactly below the cap and says so when there are more', async () => {
    assert.deepEqual(await countCapped(platform.db, users, undefined, 50), { total: demoAccounts.length, totalCapped: false });
    assert.deepEqual(await countCapped(platform.db, users, undefined, 5), { total: 5, totalCapped: true });
    assert.deepEqual(await countCapped(platform.db, users, like(users.username, 'lx.%'), 2), { total: 2, totalCapped: false });
  });
});
