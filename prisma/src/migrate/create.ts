// `npm run db:migration -- <name>`: the next migration is the diff from the snapshot (the
// schema as of the latest migration) to schema.prisma; no database is involved.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffSchemas } from './diff.js';
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  SCHEMA_FILE,
  SNAPSHOT_NAME,
  migrationDirectoryName,
  migrationFilePath,
  readSchema,
} from './files.js';

export interface CreateMigrationOptions {
  name: string;
  schemaFile?: string;
  migrationsDir?: string;
  /** The migration's timestamp; default now. */
  now?: Date;
}

export type CreateMigrationResult = { created: false } | { created: true; directory: string; sql: string };

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const schema = await readSchema(options.schemaFile ?? SCHEMA_FILE);
  const snapshotFile = path.join(migrationsDir, SNAPSHOT_NAME);
  // No snapshot means no migration yet: the first one creates everything.
  const snapshot = existsSync(snapshotFile)
    ? { path: SNAPSHOT_NAME, content: await readFile(snapshotFile, 'utf8') }
    : ('empty' as const);
  const sql = await diffSchemas(snapshot, schema);
  if (sql === undefined) return { created: false };

  const directory = migrationDirectoryName(options.name, options.now ?? new Date());
  const file = migrationFilePath(migrationsDir, directory);
  if (existsSync(path.dirname(file))) throw new Error(`${path.dirname(file)} already exists.`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, sql);
  await writeFile(snapshotFile, schema.content);
  const lockfile = path.join(migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockfile)) await writeFile(lockfile, LOCKFILE_CONTENT);
  return { created: true, directory, sql };
}
