// Drift: the committed migrations build a different database than schema.prisma describes
// (a hand-edited migration, a schema change without a migration). Checked on a live server
// because the engine cannot read a live database through adapter-pg (see DESIGN.md).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withDatabaseName } from '../database-url.js';
import { migrate } from './apply.js';
import { compareCatalogs, readCatalog } from './catalog.js';
import { diffSchemas } from './diff.js';
import { MIGRATIONS_DIR, SCHEMA_FILE, readSchema } from './files.js';
import { runSql } from '../run-sql.js';

export interface DriftOptions {
  schemaFile?: string;
  migrationsDir?: string;
}

/**
 * Builds one scratch database with the migrations and one with `diff` empty -> schema, and
 * returns how their catalogs differ (empty: no drift). `adminUrl` may point at any database
 * on the server; the role must be allowed to create databases.
 */
export async function findMigrationDrift(adminUrl: string, options: DriftOptions = {}): Promise<string[]> {
  const suffix = randomUUID().slice(0, 8);
  const fromMigrations = `drift_migrations_${suffix}`;
  const fromSchema = `drift_schema_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${fromMigrations}"`);
    await admin.query(`CREATE DATABASE "${fromSchema}"`);
    await migrate(withDatabaseName(adminUrl, fromMigrations), {
      migrationsDir: options.migrationsDir ?? MIGRATIONS_DIR,
    });
    const sql = await diffSchemas('empty', await readSchema(options.schemaFile ?? SCHEMA_FILE));
    await runSql(withDatabaseName(adminUrl, fromSchema), sql ?? '');
    const [migrated, described] = await Promise.all([
      readCatalog(withDatabaseName(adminUrl, fromMigrations)),
      readCatalog(withDatabaseName(adminUrl, fromSchema)),
    ]);
    return compareCatalogs(described, migrated, { expected: 'schema.prisma', actual: 'migrations' });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${fromMigrations}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${fromSchema}" WITH (FORCE)`);
    await admin.end();
  }
}
