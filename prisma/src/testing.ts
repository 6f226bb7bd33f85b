/**
 * Real PostgreSQL databases for vitest, one per test file (DESIGN.md: no database mocks).
 *
 * One embedded server runs for the whole `vitest run`: `setup` (a vitest globalSetup) starts
 * it in a temporary directory on a free port, migrates `welkom_template` once, and hands the
 * template's URL to the test workers with vitest's `project.provide`; `createTestDatabase()`
 * reads it back with `inject`. provide/inject is vitest's documented channel from globalSetup
 * to test files, typed (see ProvidedContext below) and the same for every pool; process.env
 * set in globalSetup depends on when and how the pool starts its workers.
 * Copying the template takes 0.05-0.2 s, less than migrating each database, and stays flat as
 * migrations accumulate.
 *
 * vitest.config.ts:
 *   export default defineConfig({ test: { globalSetup: ['@welkom/db/testing'] } });
 *
 * a test file:
 *   import { createTestDatabase, type TestDatabase } from '@welkom/db/testing';
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase(); });
 *   afterAll(() => db.drop());
 *   it('...', async () => { await db.prisma.theme.findMany(); });
 *
 * Each call makes a new database, so a file that wants isolation per test can call it in
 * `beforeEach` instead (0.05-0.2 s each).
 *
 * Set WELKOM_POSTGRES_LOG=1 to see the server's log.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { createPrismaClient, type CreatePrismaClientOptions, type PrismaClient } from './client.js';
import { withDatabaseName } from './database-url.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrate } from './migrate/apply.js';
import { createTemporaryDir } from './temporary-dir.js';
import { runSql } from './run-sql.js';

export const TEMPLATE_DATABASE = 'welkom_template';
const PROVIDED_KEY = 'welkomTestTemplateUrl';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the migrated template database on the test run's PostgreSQL server. */
    welkomTestTemplateUrl: string;
  }
}

/**
 * vitest globalSetup: starts the server and migrates the template; returns the teardown that
 * stops the server and deletes its files.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await createTemporaryDir('welkom-test-postgres-');
  // Not durable: the data is thrown away after the run, so fsync only costs time.
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root.path, 'data'),
    database: TEMPLATE_DATABASE,
    durable: false,
  });
  try {
    await migrate(server.url);
    const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
    await admin.connect();
    // Marked as a template so that only copies are used, never the template itself.
    await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    await admin.end();
  } catch (error) {
    await server.stop();
    await root.remove();
    throw error;
  }
  project.provide(PROVIDED_KEY, server.url);
  return async () => {
    await server.stop();
    await root.remove();
  };
}

export interface TestDatabase {
  /** URL of this test file's own database. */
  url: string;
  /** A client on `url`; closed by `drop()`. */
  prisma: PrismaClient;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions extends CreatePrismaClientOptions {
  /** A database without tables instead of a migrated one (for testing migrations). */
  empty?: boolean;
}

/** A fresh, migrated database without data; call in `beforeAll` and `drop()` in `afterAll`. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const templateUrl = inject(PROVIDED_KEY);
  if (!templateUrl) {
    throw new Error(
      "No test database server: add globalSetup: ['@welkom/db/testing'] to this package's vitest.config.ts.",
    );
  }
  const name = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  // The template refuses connections, so administration goes through `postgres`.
  const adminUrl = withDatabaseName(templateUrl, 'postgres');
  const { empty, ...clientOptions } = options;
  await runSql(adminUrl, `CREATE DATABASE "${name}" TEMPLATE ${empty ? 'template0' : TEMPLATE_DATABASE}`);
  const url = withDatabaseName(templateUrl, name);
  const prisma = createPrismaClient(url, { maxConnections: 5, ...clientOptions });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await runSql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
