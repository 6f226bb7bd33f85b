// Applies the committed migrations, recording them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so either tool can take over from the other.
import pg from 'pg';
import { NO_FILTER, withSchemaEngine } from './engine.js';
import { MIGRATIONS_DIR, readMigrationList } from './files.js';

/** Arbitrary but fixed: every Welkom process that migrates waits on this advisory lock. */
const MIGRATION_LOCK_KEY = 7_202_811_280;

export interface MigrateOptions {
  /** Default: prisma/migrations of this package. */
  migrationsDir?: string;
}

/** Applies pending migrations to the database at `url`; returns the names applied, oldest first. */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const migrationsList = await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  // Two processes starting at once (server replicas, parallel test setup) would otherwise
  // both see a migration as pending. The lock is held on its own connection for the duration.
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const { appliedMigrationNames } = await withSchemaEngine(url, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    return appliedMigrationNames;
  } finally {
    // Ending the session releases the lock even if unlocking is never reached.
    await lock.end();
  }
}
