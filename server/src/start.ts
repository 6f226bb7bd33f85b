// Bringing Welkom up: database (embedded or DATABASE_URL), migrations, first data, HTTP.
// Separate from main.ts so the benchmark and tests can start the real thing too.
import { fileURLToPath } from 'node:url';
import { migrate, resolveDatabase } from '@welkom/db';
import { loadProgrammeFromDocument } from '@welkom/seeds';
import { DEFAULT_CHECKPOINT_FILE, scheduleCheckpoints } from './audit/checkpoint.js';
import { configureSecurity, securitySettingsFromEnv } from './auth/settings.js';
import { connectDatabase, db, disconnectDatabase } from './db.js';
import { DEVELOPMENT_AUDIT_CHECKPOINT_KEY, type Env } from './env.js';
import { type App, createApp } from './http/app.js';
import type { Logger } from './logger.js';
import { configureFiles } from './http/subsidy-files.js';

export const CONSOLE_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url));

export interface Running {
  app: App;
  url: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

export async function start(env: Env, logger: Logger): Promise<Running> {
  configureSecurity(securitySettingsFromEnv(env));
  configureFiles({ maxBytes: env.FILES_MAX_MB * 1024 * 1024 });
  const database = await resolveDatabase(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}, {
    dataDir: env.EMBEDDED_PG_DIR,
    // The embedded server is ours: if it dies, start it again (requests meanwhile get DATABASE_UNAVAILABLE).
    restartOnCrash: true,
    onEvent: (event) =>
      event.kind === 'restarted' || event.kind === 'orphan-stopped'
        ? logger.warn(event, `embedded PostgreSQL ${event.kind}`)
        : logger.error(event, `embedded PostgreSQL ${event.kind}`),
  });
  if (database.embedded) logger.info('embedded PostgreSQL started');
  try {
    // Migrating an external database is a deliberate act; the embedded one is ours to keep current.
    if (env.MIGRATE_ON_START ?? database.embedded) {
      const applied = await migrate(database.url);
      logger.info({ applied }, applied.length ? 'migrations applied' : 'database schema up to date');
    }
    connectDatabase(database.url, {
      maxConnections: env.DB_POOL_SIZE,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS || undefined,
      connectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
      transactionMaxWaitMs: env.DB_TRANSACTION_MAX_WAIT_MS,
      transactionTimeoutMs: env.DB_TRANSACTION_TIMEOUT_MS,
      onConnectionError: (error) => logger.warn({ err: error }, 'database connection lost'),
    });
    if ((env.SEED_ON_START ?? database.embedded) && (await db().theme.count()) === 0) {
      const counts = await loadProgrammeFromDocument(db());
      logger.info({ counts }, 'programme data loaded');
    }
    // Signed checkpoints of the audit chain, outside the database: now, every few minutes, and at stop.
    const checkpoints = scheduleCheckpoints(db, {
      file: env.AUDIT_CHECKPOINT_FILE ?? DEFAULT_CHECKPOINT_FILE,
      key: env.AUDIT_CHECKPOINT_KEY ?? DEVELOPMENT_AUDIT_CHECKPOINT_KEY,
      minutes: env.AUDIT_CHECKPOINT_MINUTES,
      logger,
    });
    await checkpoints.first;
    const app = await createApp({
      logger,
      development: env.NODE_ENV === 'development',
      consoleDir: CONSOLE_DIR,
      corsOrigins: env.CORS_ORIGINS,
      bodyLimit: env.BODY_LIMIT_KB * 1024,
      databaseUrl: database.url,
      admission: {
        maxActive: env.GRAPHQL_MAX_ACTIVE,
        maxQueue: env.GRAPHQL_MAX_QUEUE,
        queueTimeoutMs: env.GRAPHQL_QUEUE_TIMEOUT_MS,
        deadlineMs: env.GRAPHQL_DEADLINE_MS,
      },
    });
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(env.PORT, env.HOST, () => resolve());
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
    return {
      app,
      url,
      databaseUrl: database.url,
      stop: async () => {
        // First, while the database is surely there (an embedded one gets the same Ctrl-C).
        await checkpoints.stop();
        await app.close();
        await disconnectDatabase();
        await database.stop();
      },
    };
  } catch (error) {
    await disconnectDatabase();
    await database.stop();
    throw error;
  }
}
