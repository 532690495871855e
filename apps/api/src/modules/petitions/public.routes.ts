import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC_MAX_FILES, PublicSubmissionSchema, ReceiptSchema } from '@guantong/contracts';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore, StoredFile } from '../../platform/files/file-store.ts';
import { removeUnreferenced } from '../../platform/files/orphans.ts';
import { parseInput, publicRoute } from '../../platform/http/route.ts';
import { submitPublic } from './intake.ts';
import type { PetitionsContext } from './petitions.context.ts';
import { ratePetition, supplementPetition, trackPetition } from './public-tracking.ts';
import { listCategories, publicPoint, receivingBodies } from './settings.ts';

/** The portal's routes: what it may report to, the human check, a report with files, and following it by receipt. */
export function publicPetitionRoutes(app: FastifyInstance, context: PetitionsContext, { files, config }: { files: FileStore; config: Pick<Config, 'files' | 'publicIntake'> }): void {
  publicRoute(app, 'getIntakeOptions', async () => ({
    receivingBodies: await receivingBodies(context),
    categories: await listCategories(context, true),
    maxFiles: PUBLIC_MAX_FILES,
    maxFileBytes: config.files.maxBytes,
  }));
  publicRoute(app, 'getPublicIntakePoint', async ({ params }) => publicPoint(context, params.code));
  publicRoute(app, 'getHumanChallenge', async () => {
    const challenge = await context.humanCheck.issue();
    return { algorithm: challenge.algorithm, challenge: challenge.challenge, maxnumber: challenge.maxnumber, salt: challenge.salt, signature: challenge.signature };
  });
  const receiptLimit = { max: 30, timeWindow: 60_000 };
  publicRoute(app, 'trackPetition', async ({ body }) => trackPetition(context, body), { rateLimit: receiptLimit });
  publicRoute(app, 'supplementPetition', async ({ body }) => supplementPetition(context, body, body.body), { rateLimit: receiptLimit });
  publicRoute(app, 'ratePetition', async ({ body }) => ratePetition(context, body, body), { rateLimit: receiptLimit });

  app.post(
    '/api/public/petitions',
    {
      config: { rateLimit: { max: config.publicIntake.submissionsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['Public intake'],
        summary: 'Submit a report: multipart field "payload" (JSON PublicSubmission) and up to 9 "files"',
        consumes: ['multipart/form-data'],
        response: { 200: ReceiptSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const stored: (StoredFile & { fileName: string })[] = [];
      try {
        let payloadText: string | undefined;
        for await (const part of request.parts({ limits: { files: PUBLIC_MAX_FILES, fileSize: config.files.maxBytes, fields: 5, fieldSize: 64 * 1024 } })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'files' || stored.length >= PUBLIC_MAX_FILES) {
              part.file.resume();
              throw new AppError(part.fieldname === 'files' ? 'TOO_MANY_FILES' : 'VALIDATION_FAILED');
            }
            const saved = await files.save(part.file, () => part.file.truncated);
            stored.push({ ...saved, fileName: z.string().trim().min(1).max(200).safeParse(part.filename).data ?? 'attachment' });
          } else if (part.fieldname === 'payload') {
            payloadText = String(part.value);
          }
        }
        let json: unknown;
        try {
          json = JSON.parse(payloadText ?? '');
        } catch {
          throw new AppError('VALIDATION_FAILED', [{ path: 'payload', message: 'payload must be JSON' }]);
        }
        const payload = parseInput(PublicSubmissionSchema, json, 'payload', request.locale);
        return await submitPublic(context, payload, stored);
      } catch (error) {
        // Nothing half-saved: bytes written for a submission that did not commit are removed at once.
        await removeUnreferenced(context.db, files, stored.map((file) => file.sha256));
        if (error instanceof Error && 'code' in error && (error as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('TOO_MANY_FILES');
        throw error;
      }
    },
  );
}
