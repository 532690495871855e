import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FORMAT = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** Encrypts single fields at rest (reporter identity, TOTP secrets) with AES-256-GCM; tampering fails to open. */
export interface Sealer {
  seal(plaintext: string): string;
  unseal(sealed: string): string;
  /** A separate secret for one purpose (HMAC keys for receipts, fingerprints, human checks), derived from the key. */
  derive(purpose: string): string;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES) throw new Error(`sealing key must be ${KEY_BYTES} bytes`);
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
    },
    derive(purpose) {
      return createHmac('sha256', key).update(`guantong:${purpose}`).digest('base64url');
    },
    unseal(sealed) {
      const [format, iv, tag, ciphertext] = sealed.split(':');
      if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The key comes from SEAL_KEY (base64, 32 bytes; required when several API processes share a database),
 * or else from DATA_DIR/sealing.key, created once with owner-only permissions. Losing the key loses the sealed fields.
 */
export function loadSealingKey({ configured, dataDir }: { configured?: string; dataDir: string }): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  const keyPath = path.join(dataDir, 'sealing.key');
  if (!fs.existsSync(keyPath)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(keyPath, randomBytes(KEY_BYTES).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      // Another process created it first; use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(fs.readFileSync(keyPath, 'utf8').trim(), 'base64');
}
