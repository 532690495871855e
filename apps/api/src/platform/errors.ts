import type { ErrorCode } from '@guantong/contracts';

const statusByCode = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  TOTP_REQUIRED: 401,
  // A wrong code is bad input, not a lost session: a signed-in user enabling TOTP stays signed in.
  TOTP_INVALID: 400,
  TOTP_NOT_PENDING: 401,
  TOTP_ALREADY_ENABLED: 409,
  PASSWORD_WRONG: 400,
  PASSWORD_TOO_WEAK: 400,
  MEMBERSHIP_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  ORGANIZATION_CODE_TAKEN: 409,
  ORGANIZATION_HAS_CHILDREN: 409,
  ORGANIZATION_PARENT_INVALID: 400,
  VERSION_CONFLICT: 409,
  WORKFLOW_ACTION_NOT_ALLOWED: 409,
  WORKFLOW_STATE_CHANGED: 409,
  WORKFLOW_NOTE_REQUIRED: 400,
  DEADLINE_NOT_EXTENDABLE: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_MISSING: 400,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const satisfies Record<ErrorCode, number>;

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { path: string; message: string }[],
  ) {
    super(code);
    this.statusCode = statusByCode[code];
  }
}

export function statusOf(code: ErrorCode): number {
  return statusByCode[code];
}
