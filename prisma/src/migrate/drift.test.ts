import { cp, mkdtemp, readdir, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import { withDatabaseName } from '../database-url.js';
import { findMigrationDrift } from './drift.js';
import { MIGRATIONS_DIR } from './files.js';

const adminUrl = (): string => withDatabaseName(inject('welkomTestTemplateUrl'), 'postgres');

describe('migrations and schema.prisma', () => {
  it('build the same database (no drift)', async () => {
    expect(await findMigrationDrift(adminUrl())).toEqual([]);
  });

  it('are reported as drifted when a migration does something the schema does not say', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'welkom-drift-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const latest = (await readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((e) => e.name)
        .sort()
        .at(-1);
      await appendFile(path.join(dir, latest ?? '', 'migration.sql'), '\nCREATE TABLE "Stray" ("id" INTEGER);\n');

      expect(await findMigrationDrift(adminUrl(), { migrationsDir: dir })).toEqual([
        'column Stray.id: only in migrations (integer NULL)',
        'table Stray: only in migrations (r)',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
