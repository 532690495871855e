import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// The reporter follows a report with a receipt code (printed, shared) and a secret shown once; only a keyed hash of
// the secret is stored, so a database copy cannot be used to read anyone's report.

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

export const newReceiptCode = () => `JB${randomCode(8)}`;
export const newReceiptSecret = () => `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`;

/** Secrets are typed by people: case, spaces and dashes do not matter. */
function normalizeSecret(secret: string): string {
  return secret.toUpperCase().replace(/[\s-]/g, '');
}

export function hashReceiptSecret(key: string, secret: string): string {
  return createHmac('sha256', key).update(normalizeSecret(secret)).digest('base64url');
}

/** Compares in constant time; a missing hash compares against a dummy so that timing tells nothing either. */
export function receiptSecretMatches(key: string, storedHash: string | null | undefined, secret: string): boolean {
  const expected = Buffer.from(storedHash ?? hashReceiptSecret(key, 'x'));
  const given = Buffer.from(hashReceiptSecret(key, secret));
  return Boolean(storedHash) && expected.length === given.length && timingSafeEqual(expected, given);
}
