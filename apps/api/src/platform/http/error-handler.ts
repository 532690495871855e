import fs from 'node:fs';
import type { FastifyError, FastifyInstance } from 'fastify';
import { errorMessages, localize, type ErrorCode } from '@guantong/contracts';
import { AppError, statusOf } from '../errors.ts';

function codeOfFastifyError(error: FastifyError): ErrorCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'INVALID_JSON';
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      break;
  }
  if (error.statusCode === 429) return 'RATE_LIMITED';
  if (error instanceof SyntaxError && error.statusCode === 400) return 'INVALID_JSON';
  if (error.statusCode === 404) return 'NOT_FOUND';
  if (error.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (error.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return 'VALIDATION_FAILED';
  return null;
}

/** One error shape, `{ code, message }`, in the user's language; 5xx never show internals. */
export function registerErrorHandler(app: FastifyInstance, spaFallback: (url: string) => string | null = () => null): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code: ErrorCode = error instanceof AppError ? error.code : (codeOfFastifyError(error) ?? 'INTERNAL_ERROR');
    const status = statusOf(code);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    const details = error instanceof AppError ? error.details : undefined;
    void reply.status(status).send({ code, message: localize(errorMessages[code], request.locale), ...(details ? { details } : {}) });
  });
  app.setNotFoundHandler((request, reply) => {
    const indexFile = request.method === 'GET' ? spaFallback(request.url) : null;
    if (indexFile) {
      void reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexFile));
      return;
    }
    void reply.status(404).send({ code: 'NOT_FOUND', message: localize(errorMessages.NOT_FOUND, request.locale) });
  });
}
