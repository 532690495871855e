import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { totpCodeAt } from '../../platform/auth/totp.ts';
import { workflowEvents } from '../../platform/workflow/workflow.table.ts';
import { users } from '../../platform/identity/users.table.ts';
import { clientFor, createTestApp, sessionCookieOf, type TestApp } from '../../../test/test-app.ts';
import { DEMO_PASSWORD } from '../../seed/demo.seed.ts';

describe('authentication', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(() => t.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

  it('signs in and sets an httpOnly, SameSite session cookie', async () => {
    const response = await login('intake', DEMO_PASSWORD);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.session.user.displayName, '王静');
    assert.deepEqual(body.session.permissions, ['organizations.read', 'files.upload', 'workflows.read', 'petitions.read', 'petitions.register']);
    const cookie = response.cookies.find((candidate) => candidate.name === 'gt_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
  });

  it('answers a wrong password in the language asked for, without saying whether the user exists', async () => {
    const wrong = await login('intake', 'wrong-password', { 'accept-language': 'en-US,en;q=0.9' });
    const unknown = await login('nobody', 'wrong-password', { 'accept-language': 'en-US,en;q=0.9' });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    assert.deepEqual(unknown.json(), wrong.json());
    const chinese = await login('intake', 'wrong-password');
    assert.equal(chinese.json().message, '用户名或密码错误');
  });

  it('locks the account after repeated failures, records it as a workflow event, and lets it in again after the lock time', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) assert.equal((await login('handler', 'bad-password')).statusCode, 401);
    const locked = await login('handler', DEMO_PASSWORD);
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().code, 'ACCOUNT_LOCKED');
    const [user] = await t.platform.db.select().from(users).where(eq(users.username, 'handler'));
    assert.equal(user.status, 'locked');
    const events = await t.platform.db.select().from(workflowEvents).where(and(eq(workflowEvents.subjectId, user.id), eq(workflowEvents.action, 'lock')));
    assert.equal(events.length, 1);
    assert.equal(events[0].actorName, 'system:login-throttle');

    t.platform.clock.advance(16 * 60_000);
    const again = await login('handler', DEMO_PASSWORD);
    assert.equal(again.statusCode, 200);
    const [after] = await t.platform.db.select().from(users).where(eq(users.username, 'handler'));
    assert.equal(after.status, 'active');
  });

  it('refuses a state change without the CSRF token, and with a wrong one', async () => {
    const client = await t.login('casemgr');
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/preferences', payload: { locale: 'en' }, headers: { cookie: client.cookie } });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().code, 'CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/preferences', payload: { locale: 'en' }, headers: { cookie: client.cookie, 'x-csrf-token': 'guess' } });
    assert.equal(wrong.statusCode, 403);
    const [user] = await t.platform.db.select().from(users).where(eq(users.username, 'casemgr'));
    assert.equal(user.locale, 'zh-CN', 'nothing changed');
    const right = await client.post('/api/auth/preferences', { locale: 'en' });
    assert.equal(right.statusCode, 200);
    assert.equal(right.json().user.locale, 'en');
  });

  it('answers 401 UNAUTHENTICATED without a session and SESSION_EXPIRED after the idle limit', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, 'UNAUTHENTICATED');
    const client = await t.login('partner');
    assert.equal((await client.get('/api/auth/session')).statusCode, 200);
    t.platform.clock.advance(121 * 60_000);
    const expired = await client.get('/api/auth/session');
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().code, 'SESSION_EXPIRED');
  });

  it('signs out: the old cookie no longer works', async () => {
    const client = await t.login('leader');
    assert.equal((await client.post('/api/auth/logout')).statusCode, 200);
    assert.equal((await client.get('/api/auth/session')).statusCode, 401);
  });

  it('changes the password, ending other sessions, and refuses a weak or wrong one', async () => {
    const first = await t.login('villager');
    const second = await t.login('villager');
    const weak = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, 'VALIDATION_FAILED');
    const wrongCurrent = await first.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'N3w-Passw0rd!' });
    assert.equal(wrongCurrent.json().code, 'PASSWORD_WRONG');
    const changed = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'N3w-Passw0rd!' });
    assert.equal(changed.statusCode, 200);
    assert.equal((await first.get('/api/auth/session')).statusCode, 200, 'the session that changed it stays');
    assert.equal((await second.get('/api/auth/session')).statusCode, 401, 'the other session ends');
    assert.equal((await login('villager', DEMO_PASSWORD)).statusCode, 401);
    assert.equal((await login('villager', 'N3w-Passw0rd!')).statusCode, 200);
  });

  it('enables a TOTP second factor and then asks for the code at sign-in', async () => {
    const client = await t.login('supervisor');
    const setup = await client.post('/api/auth/totp/setup');
    assert.equal(setup.statusCode, 200);
    const { secret, qrDataUrl } = setup.json();
    assert.match(qrDataUrl, /^data:image\/png;base64,/);
    assert.equal((await client.post('/api/auth/totp/enable', { code: '000000' })).json().code, 'TOTP_INVALID');
    const enabled = await client.post('/api/auth/totp/enable', { code: await totpCodeAt(secret, t.platform.clock.now()) });
    assert.equal(enabled.statusCode, 200);
    const [stored] = await t.platform.db.select({ totpSecret: users.totpSecret }).from(users).where(eq(users.username, 'supervisor'));
    assert.ok(stored.totpSecret && !stored.totpSecret.includes(secret), 'the secret is sealed at rest');

    const first = await login('supervisor', DEMO_PASSWORD);
    assert.deepEqual(first.json(), { status: 'totp_required' });
    const pendingCookie = sessionCookieOf(first);
    const pending = clientFor(t.app, pendingCookie, '', '');
    assert.equal((await pending.get('/api/auth/session')).statusCode, 401, 'a password alone gives no session');
    const wrongCode = await t.app.inject({ method: 'POST', url: '/api/auth/totp/verify', payload: { code: '123456' }, headers: { cookie: pendingCookie } });
    assert.equal(wrongCode.json().code, 'TOTP_INVALID');
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      payload: { code: await totpCodeAt(secret, t.platform.clock.now()) },
      headers: { cookie: pendingCookie },
    });
    assert.equal(verified.statusCode, 200);
    assert.equal(verified.json().user.totpEnabled, true);
    const full = clientFor(t.app, sessionCookieOf(verified), verified.json().csrfToken, '');
    assert.equal((await full.get('/api/auth/session')).statusCode, 200);
    assert.equal((await pending.get('/api/auth/session')).statusCode, 401, 'the pending token was replaced');
  });

  it('switches the active body only to one of the user’s own memberships', async () => {
    const client = await t.login('zhoutao');
    const session = (await client.get('/api/auth/session')).json();
    assert.equal(session.memberships.length, 2);
    const other = session.memberships.find((membership: { id: string }) => membership.id !== session.activeMembershipId);
    const switched = await client.post('/api/auth/switch', { membershipId: other.id });
    assert.equal(switched.statusCode, 200);
    assert.equal(switched.json().activeMembershipId, other.id);
    assert.deepEqual(switched.json().permissions, ['organizations.read', 'users.read', 'audit.read', 'files.upload', 'workflows.read', 'petitions.read', 'clues.read', 'clues.register', 'clues.persons', 'cases.read']);
    const intake = (await (await t.login('intake')).get('/api/auth/session')).json();
    const foreign = await client.post('/api/auth/switch', { membershipId: intake.activeMembershipId });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().code, 'MEMBERSHIP_NOT_FOUND');
  });
});
