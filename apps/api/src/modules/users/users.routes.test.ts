import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';

describe('users and roles', () => {
  let t: TestApp;
  let admin: TestClient;
  let countyAdmin: TestClient;
  let bodies: Map<string, string>;

  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    countyAdmin = await t.login('lx.admin');
    const list = (await admin.get('/api/organizations')).json() as { id: string; code: string }[];
    bodies = new Map(list.map((body) => [body.code, body.id]));
  });
  after(() => t.close());

  const newUser = (username: string, body = 'qy-xfs') => ({
    username,
    displayName: '吴敏',
    phone: '13800001111',
    password: 'Str0ng!Passw0rd',
    memberships: [{ organizationId: bodies.get(body)!, roles: ['intake_officer'], title: '干部' }],
  });

  it('creates an account with roles per body, audit-logged, that can then sign in', async () => {
    const response = await admin.post('/api/users', newUser('wumin'));
    assert.equal(response.statusCode, 200);
    const user = response.json();
    assert.equal(user.status, 'active');
    assert.deepEqual(user.memberships[0].roles, ['intake_officer']);
    assert.deepEqual(user.allowedActions, ['disable']);
    const [entry] = await t.platform.db.select().from(auditLog).where(eq(auditLog.subjectId, user.id));
    assert.equal(entry.action, 'user.create');
    assert.equal((await t.login('wumin', 'Str0ng!Passw0rd')).userId, user.id);
  });

  it('refuses a taken username, unknown fields, over-long names and weak passwords with clear messages', async () => {
    assert.equal((await admin.post('/api/users', newUser('wumin'))).json().code, 'USERNAME_TAKEN');
    const unknownField = await admin.post('/api/users', { ...newUser('x1y'), isRoot: true });
    assert.equal(unknownField.statusCode, 400);
    assert.match(JSON.stringify(unknownField.json().details), /isRoot/);
    const longName = await admin.post('/api/users', { ...newUser('x2y'), displayName: '长'.repeat(41) });
    assert.equal(longName.statusCode, 400);
    assert.equal(longName.json().details[0].path, 'body.displayName');
    const weak = await admin.request({ method: 'POST', url: '/api/users', payload: { ...newUser('x3y'), password: 'password' }, headers: { 'accept-language': 'en' } });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().message, 'The submitted data is invalid');
    assert.equal(weak.json().details[0].path, 'body.password');
    const page = (await admin.get('/api/users?search=x')).json();
    assert.equal(page.items.filter((user: { username: string }) => /^x\dy$/.test(user.username)).length, 0, 'nothing half-saved');
  });

  it('lists with paging and filters, scoped to the active body’s subtree', async () => {
    const cityPage = (await admin.get('/api/users?pageSize=5&page=1')).json();
    assert.equal(cityPage.items.length, 5);
    assert.ok(cityPage.total >= 10);
    const intakeOnly = (await admin.get('/api/users?role=intake_officer&pageSize=50')).json();
    assert.ok(intakeOnly.items.every((user: { memberships: { roles: string[] }[] }) => user.memberships.some((m) => m.roles.includes('intake_officer'))));
    const county = (await countyAdmin.get('/api/users?pageSize=100')).json();
    const usernames = county.items.map((user: { username: string }) => user.username).sort();
    assert.deepEqual(usernames, ['lx.admin', 'lx.intake', 'villager', 'xk.leader', 'xk.officer']);
  });

  it('does not let a county administrator see, create or edit accounts of the city', async () => {
    const cityIntake = (await admin.get('/api/users?search=intake&pageSize=50')).json().items.find((user: { username: string }) => user.username === 'intake');
    assert.equal((await countyAdmin.get(`/api/users/${cityIntake.id}`)).statusCode, 404);
    const createOutside = await countyAdmin.post('/api/users', newUser('lxoutside', 'qy-xfs'));
    assert.equal(createOutside.statusCode, 403);
    const patch = await countyAdmin.patch(`/api/users/${cityIntake.id}`, { displayName: '改名', version: 1 });
    assert.equal(patch.statusCode, 404);
    const createInside = await countyAdmin.post('/api/users', newUser('lxinside', 'lx-xfs'));
    assert.equal(createInside.statusCode, 200);
  });

  it('refuses an edit based on a stale version (409) instead of overwriting', async () => {
    const created = (await admin.post('/api/users', newUser('versioned'))).json();
    const first = await admin.patch(`/api/users/${created.id}`, { displayName: '第一次', version: created.version });
    assert.equal(first.statusCode, 200);
    const stale = await admin.patch(`/api/users/${created.id}`, { displayName: '第二次', version: created.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'VERSION_CONFLICT');
    assert.equal((await admin.get(`/api/users/${created.id}`)).json().displayName, '第一次');
  });

  it('runs the account workflow: disable needs a note, ends sign-in, and shows in the history', async () => {
    const created = (await admin.post('/api/users', newUser('leaving'))).json();
    const noNote = await admin.post(`/api/users/${created.id}/actions`, { action: 'disable', expectedStatus: 'active' });
    assert.equal(noNote.json().code, 'WORKFLOW_NOTE_REQUIRED');
    const session = await t.login('leaving', 'Str0ng!Passw0rd');
    const disabled = await admin.post(`/api/users/${created.id}/actions`, { action: 'disable', expectedStatus: 'active', note: '调离本单位' });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().status, 'disabled');
    assert.deepEqual(disabled.json().allowedActions, ['enable']);
    assert.equal((await session.get('/api/auth/session')).statusCode, 401, 'a disabled account loses its session');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leaving', password: 'Str0ng!Passw0rd' } });
    assert.equal(login.json().code, 'ACCOUNT_DISABLED');
    const stale = await admin.post(`/api/users/${created.id}/actions`, { action: 'disable', expectedStatus: 'active', note: '重复' });
    assert.equal(stale.statusCode, 409);
    for (const bogus of [{ action: 'toString', expectedStatus: 'disabled' }, { action: 'enable', expectedStatus: 'constructor' }]) {
      const response = await admin.post(`/api/users/${created.id}/actions`, bogus);
      assert.equal(response.statusCode, 409, JSON.stringify(bogus));
      assert.equal(response.json().code, 'WORKFLOW_ACTION_NOT_ALLOWED');
    }
    const events = (await admin.get(`/api/users/${created.id}/events`)).json();
    assert.equal(events.length, 1);
    assert.equal(events[0].note, '调离本单位');
    assert.equal(events[0].actorName, '系统管理员');
  });

  it('does not let an administrator disable their own account', async () => {
    const response = await admin.post(`/api/users/${admin.userId}/actions`, { action: 'disable', expectedStatus: 'active', note: 'x' });
    assert.equal(response.statusCode, 403);
  });
});
