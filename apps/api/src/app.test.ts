import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { testDatabaseUrl } from '../test/test-platform.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('platform HTTP behaviour', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('answers health with the database kind and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: testDatabaseUrl ? 'postgres' : 'pglite', version: '0.1.0' });
  });

  it('serves the OpenAPI document generated from the contracts, matching the committed copy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const live = response.json();
    assert.ok(live.paths['/api/users'].post);
    assert.ok(live.paths['/api/auth/login'].post.requestBody);
    const committed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../openapi.json'), 'utf8'));
    assert.deepEqual(live, committed, 'openapi.json is stale: run npm run openapi:generate');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
  });

  it('answers malformed JSON, a wrong content type and an unknown route with the one error shape', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    assert.equal(malformed.statusCode, 400);
    assert.deepEqual(malformed.json(), { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'username=a', headers: { 'content-type': 'text/csv' } });
    assert.equal(wrongType.statusCode, 415);
    assert.equal(wrongType.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'en' } });
    assert.deepEqual(unknown.json(), { code: 'NOT_FOUND', message: 'The requested resource was not found' });
  });

  it('refuses an oversized JSON body with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().code, 'PAYLOAD_TOO_LARGE');
  });

  it('hides internals of a 5xx', async () => {
    // A database failure mid-request: close the database under a live app.
    const broken = await createTestApp({ demo: false });
    await broken.platform.database.close();
    const response = await broken.app.inject({ method: 'GET', url: '/api/health' });
    await broken.app.close();
    fs.rmSync(broken.platform.dataDir, { recursive: true, force: true });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { code: 'INTERNAL_ERROR', message: '服务器内部错误' });
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const limited = await createTestApp({ demo: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } })).statusCode);
      }
      assert.deepEqual(codes, [401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('configuration', () => {
  it('lists every problem in the environment at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (error: unknown) => error instanceof ConfigError && error.problems.length === 3,
    );
  });

  it('uses PGlite under DATA_DIR unless DATABASE_URL is set', () => {
    assert.equal(loadConfig({ DATA_DIR: '/tmp/x' }).database.kind, 'pglite');
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database.kind, 'postgres');
  });
});
