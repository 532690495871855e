import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { solveChallenge } from 'altcha-lib/v1';
import type { PublicSubmission } from '@guantong/contracts';

// A 1×1 PNG: the smallest file the content sniffing accepts as a photo.
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Fetches a human-check challenge and solves it as the browser would; tests run with a tiny work factor. */
export async function solvedChallenge(app: FastifyInstance): Promise<string> {
  const challenge = (await app.inject({ method: 'GET', url: '/api/public/challenge' })).json() as {
    algorithm: string;
    challenge: string;
    maxnumber: number;
    salt: string;
    signature: string;
  };
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('challenge not solvable');
  return Buffer.from(
    JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature }),
  ).toString('base64');
}

/** A multipart body with a `payload` JSON field and `files` parts, as the portal sends it. */
export function multipartBody(payload: unknown, files: { name: string; content: Buffer; type?: string }[] = []) {
  const boundary = `----guantong${randomUUID().replaceAll('-', '')}`;
  const parts: Buffer[] = [];
  const push = (text: string) => parts.push(Buffer.from(text, 'utf8'));
  push(`--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${typeof payload === 'string' ? payload : JSON.stringify(payload)}\r\n`);
  for (const file of files) {
    push(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`);
    parts.push(file.content);
    push('\r\n');
  }
  push(`--${boundary}--\r\n`);
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function submitReport(
  app: FastifyInstance,
  payload: Omit<PublicSubmission, 'challenge'> & { challenge?: string },
  files: { name: string; content: Buffer; type?: string }[] = [],
  headers: Record<string, string> = {},
) {
  const challenge = payload.challenge ?? (await solvedChallenge(app));
  const { body, contentType } = multipartBody({ ...payload, challenge }, files);
  return app.inject({ method: 'POST', url: '/api/public/petitions', payload: body, headers: { 'content-type': contentType, ...headers } });
}
