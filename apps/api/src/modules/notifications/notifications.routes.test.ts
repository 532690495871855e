import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';

describe('notifications', () => {
  let t: TestApp;
  let leader: TestClient;
  let intake: TestClient;

  before(async () => {
    t = await createTestApp();
    leader = await t.login('leader');
    intake = await t.login('intake');
    // Two escalations for the leader, one reminder for the intake officer.
    await t.platform.notifier.notify(t.platform.db, { userIds: [leader.userId], organizationId: null, kind: 'deadline.escalation', title: '超期督办', body: '件一' });
    t.platform.clock.advance(1000);
    await t.platform.notifier.notify(t.platform.db, { userIds: [leader.userId], organizationId: null, kind: 'deadline.escalation', title: '超期督办', body: '件二' });
    await t.platform.notifier.notify(t.platform.db, { userIds: [intake.userId], organizationId: null, kind: 'deadline.reminder', title: '即将到期', body: '件三' });
  });
  after(() => t.close());

  it('lists only my own notices, newest first, with the unread count', async () => {
    const page = (await leader.get('/api/notifications')).json();
    assert.deepEqual(page.items.map((item: { body: string }) => item.body), ['件二', '件一']);
    assert.deepEqual((await leader.get('/api/notifications/unread-count')).json(), { unread: 2 });
    assert.deepEqual((await intake.get('/api/notifications')).json().items.map((item: { body: string }) => item.body), ['件三']);
  });

  it('marks one read, refuses someone else’s, then marks all read', async () => {
    const [newest] = (await leader.get('/api/notifications')).json().items;
    assert.equal((await intake.post(`/api/notifications/${newest.id}/read`)).statusCode, 404);
    assert.equal((await leader.post(`/api/notifications/${newest.id}/read`)).statusCode, 200);
    assert.deepEqual((await leader.get('/api/notifications/unread-count')).json(), { unread: 1 });
    const unread = (await leader.get('/api/notifications?unreadOnly=true')).json();
    assert.deepEqual(unread.items.map((item: { body: string }) => item.body), ['件一']);
    assert.equal((await leader.post('/api/notifications/read-all')).statusCode, 200);
    assert.deepEqual((await leader.get('/api/notifications/unread-count')).json(), { unread: 0 });
    assert.deepEqual((await intake.get('/api/notifications/unread-count')).json(), { unread: 1 }, 'another person’s notices stay unread');
  });
});
