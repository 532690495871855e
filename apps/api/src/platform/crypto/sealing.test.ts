import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createSealer, loadSealingKey } from './sealing.ts';

describe('field sealing', () => {
  const sealer = createSealer(randomBytes(32));

  it('round-trips Chinese text and never yields the same ciphertext twice', () => {
    const sealed = sealer.seal('王某某 13800001111');
    assert.notEqual(sealed, sealer.seal('王某某 13800001111'));
    assert.ok(!sealed.includes('13800001111'));
    assert.equal(sealer.unseal(sealed), '王某某 13800001111');
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const sealed = sealer.seal('secret');
    const parts = sealed.split(':');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    assert.throws(() => sealer.unseal([...parts.slice(0, 3), flipped.toString('base64url')].join(':')));
    assert.throws(() => createSealer(randomBytes(32)).unseal(sealed));
    assert.throws(() => sealer.unseal('plain text'), /not a sealed value/);
  });

  it('creates the key file once, owner-only, and reuses it; SEAL_KEY takes precedence', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guantong-seal-'));
    const first = loadSealingKey({ dataDir: dir });
    const second = loadSealingKey({ dataDir: dir });
    assert.deepEqual(first, second);
    assert.equal(fs.statSync(path.join(dir, 'sealing.key')).mode & 0o777, 0o600);
    const configured = randomBytes(32);
    assert.deepEqual(loadSealingKey({ dataDir: dir, configured: configured.toString('base64') }), configured);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
