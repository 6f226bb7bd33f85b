// Environment is parsed once, here; `.env.example` at the repository root documents it.
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** PostgreSQL connection string; without it an embedded PostgreSQL is started under .data/. */
  DATABASE_URL: z.string().url().optional(),
  /** Apply pending migrations at start. Defaults to on for the embedded database, off for an external one. */
  MIGRATE_ON_START: booleanFlag.optional(),
  /** Load the programme data when the database holds no themes yet. */
  SEED_ON_START: booleanFlag.optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the embedded PostgreSQL keeps its data. */
  EMBEDDED_PG_DIR: z.string().optional(),
  /** Other web origins allowed to call the API from a browser (comma-separated); the console itself is same-origin. */
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .default([]),
  /** Largest request body accepted, in kilobytes. */
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(100),

  /** Load and faults (http/admission.ts, README "Faults and overload"): GraphQL requests executing at once ... */
  GRAPHQL_MAX_ACTIVE: z.coerce.number().int().min(1).default(4),
  /** ... waiting for a turn (more are refused with 503 OVERLOADED and Retry-After) ... */
  GRAPHQL_MAX_QUEUE: z.coerce.number().int().min(0).default(32),
  /** ... for at most this long, in ms ... */
  GRAPHQL_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** ... and a query's execution deadline, in ms (0: none). */
  GRAPHQL_DEADLINE_MS: z.coerce.number().int().min(0).default(15_000),
  /** PostgreSQL connections in the server's pool. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** PostgreSQL statement_timeout of every pooled connection, in ms (0: none). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Longest wait for a pooled connection, in ms; then TRY_AGAIN. */
  DB_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  /** Longest wait to start a transaction (then TRY_AGAIN) and longest transaction, in ms. */
  DB_TRANSACTION_MAX_WAIT_MS: z.coerce.number().int().min(1).default(5_000),
  DB_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(15_000),

  /** HMAC key for session-token hashes, so a copy of the database alone opens no session. Required (32+ characters) in production. */
  SESSION_SECRET: z.string().optional(),
  /** A session ends after this many minutes without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  /** A session ends this many hours after login, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /**
   * Failed logins within LOGIN_THROTTLE_MINUTES before login is refused: per account from one
   * address, per address, and per account from all addresses together.
   */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ANYWHERE: z.coerce.number().int().min(1).default(100),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Requests per window; 0 switches that limit off. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_TOKEN: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_USER: z.coerce.number().int().min(0).default(1200),
  /** 32 random bytes, base64: encrypts panel members' diversity profiles at rest (AES-256-GCM). Required in production. */
  PANEL_DATA_KEY: z
    .string()
    .refine(isPanelDataKey, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)')
    .optional(),
  /** Largest document upload, in MB. */
  FILES_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  /** Key that signs audit checkpoints (HMAC-SHA256); at least 32 characters. Required in production. */
  AUDIT_CHECKPOINT_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 48`)').optional(),
  /** Append-only file of signed audit checkpoints (default <repo>/.data/audit-checkpoints.jsonl). */
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  /** Minutes between audit checkpoints; 0 writes one only at start and at clean shutdown. */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).default(60),
  /** Proxies in front of the server whose X-Forwarded-For/-Proto to believe: false/0 none, true = 1, or a count. */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, 'true, false or a number of proxies')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
    .default(0),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // `DATABASE_URL=` in a .env file means "not set", not "an invalid URL".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const refusals = productionRefusals(result.data);
  if (refusals.length) throw new Error(`Refusing to start in production:\n  ${refusals.join('\n  ')}`);
  return result.data;
}

/** 32 bytes in base64, nothing else: a shorter key would silently weaken AES-256. */
export function isPanelDataKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

/** Used outside production when PANEL_DATA_KEY is unset. Never accepted in production. */
export const DEVELOPMENT_PANEL_DATA_KEY = Buffer.from('welkom-development-panel-key-32b').toString('base64');

/** Used outside production when AUDIT_CHECKPOINT_KEY is unset. Never accepted in production. */
export const DEVELOPMENT_AUDIT_CHECKPOINT_KEY = 'welkom-development-audit-checkpoint-key-not-for-production';

export const MIN_SESSION_SECRET_LENGTH = 32;
/** Used outside production when SESSION_SECRET is unset, so development sessions survive a restart. Never accepted in production. */
export const DEVELOPMENT_SESSION_SECRET = 'welkom-development-session-secret-not-for-production';

/** What production needs that development may do without; each line says what to set. */
export function productionRefusals(env: Env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const refusals: string[] = [];
  const secret = env.SESSION_SECRET ?? '';
  if (secret.length < MIN_SESSION_SECRET_LENGTH || new Set(secret).size < 10 || secret === DEVELOPMENT_SESSION_SECRET) {
    refusals.push(
      `SESSION_SECRET: set a random secret of at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  if (!env.PANEL_DATA_KEY || env.PANEL_DATA_KEY === DEVELOPMENT_PANEL_DATA_KEY) {
    refusals.push(
      "PANEL_DATA_KEY: set 32 random bytes in base64 (`openssl rand -base64 32`); it encrypts the panel's special-category data. Keep it safe: without it those profiles cannot be read.",
    );
  }
  if (!env.AUDIT_CHECKPOINT_KEY || env.AUDIT_CHECKPOINT_KEY === DEVELOPMENT_AUDIT_CHECKPOINT_KEY) {
    refusals.push(
      'AUDIT_CHECKPOINT_KEY: set a random key of at least 32 characters (`openssl rand -base64 48`); it signs the audit checkpoints. Keep a copy outside the database server.',
    );
  }
  if (!env.DATABASE_URL) {
    refusals.push(
      'DATABASE_URL: production needs a real PostgreSQL server; the embedded database is for development only.',
    );
  }
  return refusals;
}
