import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { allowedAttachmentTypes } from '@guantong/contracts';
import { AppError } from '../errors.ts';

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
}

const SNIFF_BYTES = 4100;

/**
 * Content-addressed store: bytes live at <dir>/ab/cd/<sha256>, so the same file uploaded twice is kept once.
 * The type is decided from the bytes, never from the name or the browser's claim.
 */
export function createFileStore({ dir, maxBytes }: { dir: string; maxBytes: number }) {
  const tmpDir = path.join(dir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });

  function pathOf(sha256: string): string {
    return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async function save(stream: Readable, isTruncated?: () => boolean): Promise<StoredFile> {
    const tmpPath = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const head: Buffer[] = [];
    let headLength = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) {
          callback(new AppError('FILE_TOO_LARGE'));
          return;
        }
        if (headLength < SNIFF_BYTES) {
          head.push(chunk);
          headLength += chunk.length;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(tmpPath));
      // @fastify/multipart stops at its own limit and marks the stream truncated instead of failing.
      if (isTruncated?.()) throw new AppError('FILE_TOO_LARGE');
      if (size === 0) throw new AppError('FILE_MISSING');
      const detected = await fileTypeFromBuffer(Buffer.concat(head).subarray(0, SNIFF_BYTES));
      if (!detected || !(allowedAttachmentTypes as readonly string[]).includes(detected.mime)) {
        throw new AppError('FILE_TYPE_NOT_ALLOWED');
      }
      const sha256 = hash.digest('hex');
      const finalPath = pathOf(sha256);
      fs.mkdirSync(path.dirname(finalPath), { recursive: true });
      if (fs.existsSync(finalPath)) fs.unlinkSync(tmpPath);
      else fs.renameSync(tmpPath, finalPath);
      return { sha256, sizeBytes: size, mimeType: detected.mime };
    } catch (error) {
      fs.rmSync(tmpPath, { force: true });
      throw error;
    }
  }

  /** Bytes the server made itself (a generated Word file): stored the same way, typed by their maker, not sniffed. */
  function saveGenerated(bytes: Buffer, mimeType: string): StoredFile {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const finalPath = pathOf(sha256);
    fs.mkdirSync(path.dirname(finalPath), { recursive: true });
    if (!fs.existsSync(finalPath)) {
      const tmpPath = path.join(tmpDir, randomUUID());
      fs.writeFileSync(tmpPath, bytes);
      fs.renameSync(tmpPath, finalPath);
    }
    return { sha256, sizeBytes: bytes.length, mimeType };
  }

  return {
    dir,
    save,
    saveGenerated,
    pathOf,
    open: (sha256: string) => fs.createReadStream(pathOf(sha256)),
    exists: (sha256: string) => fs.existsSync(pathOf(sha256)),
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
