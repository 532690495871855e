import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/test-app.ts';

interface Body {
  id: string;
  code: string;
  parentId: string | null;
  depth: number;
  version: number;
  regionId: string;
  name: string;
}

describe('organizations', () => {
  let t: TestApp;
  let admin: TestClient;
  let bodies: Map<string, Body>;

  before(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    bodies = new Map(((await admin.get('/api/organizations')).json() as Body[]).map((body) => [body.code, body]));
  });
  after(() => t.close());

  it('shows the commission its whole subtree but not partner bodies outside it', async () => {
    assert.ok(bodies.has('qy-jw'));
    assert.ok(bodies.has('lx-t1-v1'), 'village committees under the county');
    assert.ok(!bodies.has('qy-sjj'), 'the audit bureau is a separate tree');
    const county = (await (await t.login('lx.admin')).get('/api/organizations')).json() as Body[];
    assert.ok(county.every((body) => body.code.startsWith('lx-')));
    assert.equal(county.length, 9);
  });

  it('creates a body under a visible parent, refuses a duplicate code and a parent outside the scope', async () => {
    const parent = bodies.get('qy-jw')!;
    const payload = { parentId: parent.id, regionId: parent.regionId, code: 'qy-jcs3', name: '市纪委监委第三监督检查室', type: 'supervision_office' };
    const created = await admin.post('/api/organizations', payload);
    assert.equal(created.statusCode, 200);
    assert.equal(created.json().depth, 1);
    assert.equal((await admin.post('/api/organizations', payload)).json().code, 'ORGANIZATION_CODE_TAKEN');
    const countyAdmin = await t.login('lx.admin');
    const outside = await countyAdmin.post('/api/organizations', { ...payload, code: 'lx-new' });
    assert.equal(outside.json().code, 'ORGANIZATION_PARENT_INVALID');
  });

  it('moves a body with its subtree, keeping scoping right, and refuses a move under its own descendant', async () => {
    const township = bodies.get('qs-t2')!;
    const newParent = bodies.get('lx-jw')!;
    const moved = await admin.patch(`/api/organizations/${township.id}`, { parentId: newParent.id, version: township.version });
    assert.equal(moved.statusCode, 200);
    const county = (await (await t.login('lx.admin')).get('/api/organizations')).json() as Body[];
    assert.ok(county.some((body) => body.code === 'qs-t2'));
    assert.ok(county.some((body) => body.code === 'qs-t2-v1'), 'its village came along');
    const village = bodies.get('lx-t1-v1')!;
    const county1 = bodies.get('lx-jw')!;
    const cycle = await admin.patch(`/api/organizations/${county1.id}`, { parentId: village.id, version: county1.version });
    assert.equal(cycle.json().code, 'ORGANIZATION_PARENT_INVALID');
  });

  it('refuses a stale version and deleting a body that still has members', async () => {
    const office = bodies.get('qy-jcs2')!;
    assert.equal((await admin.patch(`/api/organizations/${office.id}`, { name: '改名一', version: office.version })).statusCode, 200);
    assert.equal((await admin.patch(`/api/organizations/${office.id}`, { name: '改名二', version: office.version })).json().code, 'VERSION_CONFLICT');
    const withMembers = bodies.get('qy-xfs')!;
    assert.equal((await admin.delete(`/api/organizations/${withMembers.id}`)).json().code, 'ORGANIZATION_HAS_CHILDREN');
    const empty = bodies.get('qy-bgs')!;
    assert.equal((await admin.delete(`/api/organizations/${empty.id}`)).statusCode, 200);
    assert.equal((await admin.get(`/api/organizations/${empty.id}`)).statusCode, 404);
  });
});
