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
  return result.data;
}

export const isDevelopment = (env: Env) => env.NODE_ENV === 'development';
