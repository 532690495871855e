import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

// Every setting the process reads from its environment; nothing else reads process.env.
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data').describe('Embedded database, uploaded files and the lock file'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('Unset = embedded PGlite under DATA_DIR'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(120),
  COOKIE_SECURE: booleanFromEnv.default(false).describe('Set true behind HTTPS'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(50 * 1024 * 1024),
  SEED_DEMO: booleanFromEnv.default(true).describe('Fill an empty database with the fictional demo city'),
  SEED_DEMO_CASEWORK: booleanFromEnv.default(true).describe("With the demo city, a year of its clue and case work (104 clues, 36 cases; some seconds at first start)"),
  SCHEDULER: booleanFromEnv.default(true).describe('Run reminder and escalation jobs in this process'),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200).describe('Per client address, all API routes'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SEAL_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional()
    .describe('Key sealing sensitive fields; unset = DATA_DIR/sealing.key, created on first start'),
  HUMAN_CHECK_MAX_NUMBER: z.coerce
    .number()
    .int()
    .min(10)
    .max(10_000_000)
    .default(100_000)
    .describe('Work of the proof-of-work human check on public forms (≈0.2 s on a phone at the default)'),
  PUBLIC_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(10).describe('Per client address'),
  OPEN311_API_KEYS: z.string().optional().describe('Comma-separated keys of Open311 clients (e.g. the 12345 hotline) allowed to file reports'),
  PUBLIC_URL: z.url().optional().describe('Address printed in QR codes, e.g. https://guantong.example.cn; default the request host'),
  WEB_ROOT: z.string().optional().describe('Folder holding admin/ and portal/ builds; default the apps folder'),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof EnvSchema>, baseDir: string) {
  const dataDir = path.resolve(baseDir, env.DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'pglite', dir: path.join(dataDir, 'pglite') } as const),
    logLevel: env.LOG_LEVEL,
    session: {
      ttlMs: env.SESSION_TTL_HOURS * 3600_000,
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      cookieSecure: env.COOKIE_SECURE,
    },
    login: { maxFailures: env.LOGIN_MAX_FAILURES, lockMs: env.LOGIN_LOCK_MINUTES * 60_000 },
    files: { dir: path.join(dataDir, 'files'), maxBytes: env.UPLOAD_MAX_BYTES },
    sealKey: env.SEAL_KEY,
    seedDemo: env.SEED_DEMO,
    seedDemoCasework: env.SEED_DEMO_CASEWORK,
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, loginPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE },
    scheduler: { enabled: env.SCHEDULER, pollMs: env.SCHEDULER_POLL_MS },
    publicIntake: {
      humanCheckMaxNumber: env.HUMAN_CHECK_MAX_NUMBER,
      submissionsPerMinute: env.PUBLIC_SUBMISSIONS_PER_MINUTE,
      open311ApiKeys: env.OPEN311_API_KEYS ? env.OPEN311_API_KEYS.split(',').map((key) => key.trim()).filter(Boolean) : [],
      publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    },
    webRoot: env.WEB_ROOT ? path.resolve(env.WEB_ROOT) : path.resolve(import.meta.dirname, '../..'),
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment once; lists every problem rather than the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  // npm runs workspace scripts inside the workspace; relative paths mean the folder the user ran npm from.
  return toConfig(parsed.data, env.INIT_CWD ?? process.cwd());
}

/** Settings for tests: in-memory database, no scheduler, quiet logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ DATA_DIR: overrides.DATA_DIR ?? '/tmp/guantong-test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', SCHEDULER: 'false', ...overrides });
}
