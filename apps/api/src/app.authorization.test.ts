import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.ts';

// Written out by hand, not derived from rolePermissions, so that a change to the grants shows up here.
const accounts = ['admin', 'leader', 'intake', 'casemgr', 'handler', 'partner', 'supervisor', 'villager'] as const;
type Account = (typeof accounts)[number];

interface Check {
  name: string;
  allowed: Account[];
  call(client: TestClient, context: { cityOfficeId: string; commissionId: string; regionId: string; n: number }): ReturnType<TestClient['get']>;
}

const staff: Account[] = ['admin', 'leader', 'intake', 'casemgr', 'handler', 'partner'];

const checks: Check[] = [
  { name: 'read own session', allowed: [...accounts], call: (c) => c.get('/api/auth/session') },
  { name: 'read the holiday calendar', allowed: [...accounts], call: (c) => c.get('/api/calendar?year=2026') },
  { name: 'list bodies', allowed: staff, call: (c) => c.get('/api/organizations') },
  { name: 'read workflow definitions', allowed: staff, call: (c) => c.get('/api/workflows') },
  { name: 'list accounts', allowed: ['admin', 'leader'], call: (c) => c.get('/api/users') },
  { name: 'read the audit trail', allowed: ['admin', 'leader'], call: (c) => c.get('/api/audit') },
  { name: 'verify the audit chain', allowed: ['admin'], call: (c) => c.post('/api/audit/verify') },
  {
    name: 'create an account',
    allowed: ['admin'],
    call: (c, { cityOfficeId, n }) =>
      c.post('/api/users', {
        username: `matrix${n}`,
        displayName: '矩阵',
        password: 'Str0ng!Passw0rd',
        memberships: [{ organizationId: cityOfficeId, roles: ['handling_officer'] }],
      }),
  },
  {
    name: 'create a body',
    allowed: ['admin'],
    call: (c, { cityOfficeId, regionId, n }) =>
      c.post('/api/organizations', { parentId: cityOfficeId, regionId, code: `matrix-${n}`, name: '矩阵科', type: 'general_office' }),
  },
  { name: 'open the petitions work queue', allowed: ['leader', 'intake', 'casemgr', 'handler'], call: (c) => c.get('/api/petitions') },
  {
    name: 'register a petition',
    allowed: ['intake'],
    call: (c) => c.post('/api/petitions', { channel: 'letter', submissionType: 'other', title: '矩阵来信', content: '授权矩阵测试来信内容', anonymous: true }),
  },
  { name: 'list QR intake points', allowed: ['admin'], call: (c) => c.get('/api/intake-points') },
  { name: 'read answer templates', allowed: ['admin', 'leader', 'intake', 'casemgr', 'handler'], call: (c) => c.get('/api/answer-templates') },
  { name: 'open the clue ledger', allowed: ['leader', 'casemgr', 'handler', 'partner'], call: (c) => c.get('/api/clues') },
  {
    name: 'file a clue with the city commission’s ledger',
    allowed: ['leader', 'casemgr', 'handler', 'partner'],
    call: (c, { commissionId }) =>
      c.post('/api/clues', { source: 'audit', ledgerOrganizationId: commissionId, title: '矩阵线索', allegations: '授权矩阵测试线索内容', concernedName: '矩阵对象' }),
  },
  { name: 'open the case list', allowed: ['leader', 'casemgr', 'handler'], call: (c) => c.get('/api/cases') },
  { name: 'read the sanctions register', allowed: ['leader', 'casemgr', 'handler'], call: (c) => c.get('/api/sanctions') },
  { name: 'read the clue metrics', allowed: ['leader', 'casemgr', 'handler'], call: (c) => c.get('/api/clue-metrics?from=2026-01-01&to=2026-12-31') },
  { name: 'read the clue approval chains', allowed: ['admin', 'leader', 'casemgr', 'handler', 'partner'], call: (c) => c.get('/api/clue-approval-rules') },
  {
    name: 'set a clue approval chain',
    allowed: ['admin'],
    call: (c, { commissionId }) => c.put(`/api/clue-approval-rules/${commissionId}/unit_managed`, { steps: ['office_head', 'leader_in_charge'] }),
  },
  { name: 'read the document templates', allowed: ['admin', 'leader', 'casemgr', 'handler', 'partner'], call: (c) => c.get('/api/document-templates') },
  { name: 'reset a document template', allowed: ['admin'], call: (c, { commissionId }) => c.delete(`/api/document-templates/${commissionId}/inquiry_letter`) },
  { name: 'edit the holiday calendar', allowed: ['admin'], call: (c, { n }) => c.put(`/api/calendar/2027-03-${String(n % 28 + 1).padStart(2, '0')}`, { kind: 'holiday', name: '测试' }) },
];

describe('authorization matrix: each role reaches what it may and is refused the rest', () => {
  let t: TestApp;
  const clients = new Map<Account, TestClient>();
  let context: { cityOfficeId: string; commissionId: string; regionId: string };
  let n = 0;

  before(async () => {
    t = await createTestApp();
    for (const account of accounts) clients.set(account, await t.login(account));
    const bodies = (await clients.get('admin')!.get('/api/organizations')).json() as { id: string; code: string; regionId: string }[];
    const office = bodies.find((body) => body.code === 'qy-jcs1')!;
    context = { cityOfficeId: office.id, commissionId: bodies.find((body) => body.code === 'qy-jw')!.id, regionId: office.regionId };
  });
  after(() => t.close());

  for (const check of checks) {
    for (const account of accounts) {
      const allowed = check.allowed.includes(account);
      it(`${account} ${allowed ? 'may' : 'may not'} ${check.name}`, async () => {
        n += 1;
        const response = await check.call(clients.get(account)!, { ...context, n });
        if (allowed) assert.equal(response.statusCode, 200, response.body);
        else {
          assert.equal(response.statusCode, 403, response.body);
          assert.equal(response.json().code, 'FORBIDDEN');
        }
      });
    }
  }

  it('a partner body sees only its own body; a county officer cannot open a city body by id', async () => {
    const partnerBodies = (await clients.get('partner')!.get('/api/organizations')).json() as { code: string }[];
    assert.deepEqual(partnerBodies.map((body) => body.code), ['qy-sjj']);
    const countyIntake = await t.login('lx.intake');
    const response = await countyIntake.get(`/api/organizations/${context.cityOfficeId}`);
    assert.equal(response.statusCode, 404);
  });

  it('only a leader may extend a deadline, and only one in scope', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const asIntake = await clients.get('intake')!.post(`/api/deadlines/${missing}/extend`, { length: 5, reason: '补充材料' });
    assert.equal(asIntake.statusCode, 403);
    const asLeader = await clients.get('leader')!.post(`/api/deadlines/${missing}/extend`, { length: 5, reason: '补充材料' });
    assert.equal(asLeader.statusCode, 404);
    const badInput = await clients.get('leader')!.post(`/api/deadlines/${missing}/extend`, { length: 0, reason: '' });
    assert.equal(badInput.statusCode, 400);
  });

  it('without a session every staff endpoint answers 401', async () => {
    for (const url of ['/api/organizations', '/api/users', '/api/audit', '/api/workflows', '/api/calendar?year=2026']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json().code, 'UNAUTHENTICATED');
    }
    // The session is checked before the input, so an anonymous caller learns nothing about the body's schema.
    const invalidBody = await t.app.inject({ method: 'POST', url: '/api/users', payload: { nonsense: true } });
    assert.equal(invalidBody.statusCode, 401);
  });
});
