import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { acquireDataDirLock } from './data-dir-lock.ts';

describe('data directory lock', () => {
  it('refuses a second process while the first is alive, and releases on stop', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guantong-lock-'));
    // The test runner that spawned this file is a live process other than ours.
    fs.writeFileSync(path.join(dir, 'guantong.lock'), String(process.ppid));
    assert.throws(() => acquireDataDirLock(dir), /in use by process/);
    fs.rmSync(path.join(dir, 'guantong.lock'));
    const release = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'guantong.lock'), 'utf8'), String(process.pid));
    release();
    assert.equal(fs.existsSync(path.join(dir, 'guantong.lock')), false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes over the lock of a process that died', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guantong-lock-'));
    fs.writeFileSync(path.join(dir, 'guantong.lock'), '2147483646');
    const release = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'guantong.lock'), 'utf8'), String(process.pid));
    release();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
