import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMigration } from './create.js';
import { SNAPSHOT_NAME, migrationDirectoryName } from './files.js';

const schemaWith = (fields: string): string =>
  `datasource db {\n  provider = "postgresql"\n}\n\nmodel Note {\n  id Int @id @default(autoincrement())\n${fields}}\n`;

describe('createMigration (no database involved)', () => {
  let dir: string;
  let schemaFile: string;
  let migrationsDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'welkom-create-migration-'));
    schemaFile = path.join(dir, 'schema.prisma');
    migrationsDir = path.join(dir, 'migrations');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates everything first, then only the change, and nothing when nothing changed', async () => {
    await writeFile(schemaFile, schemaWith(''));
    const first = await createMigration({
      name: 'init',
      schemaFile,
      migrationsDir,
      now: new Date('2026-01-02T03:04:05Z'),
    });
    expect(first).toMatchObject({ created: true, directory: '20260102030405_init' });
    expect(first.created && first.sql).toContain('CREATE TABLE "Note"');
    expect(await readFile(path.join(migrationsDir, SNAPSHOT_NAME), 'utf8')).toBe(schemaWith(''));
    expect(existsSync(path.join(migrationsDir, 'migration_lock.toml'))).toBe(true);

    expect(await createMigration({ name: 'again', schemaFile, migrationsDir })).toEqual({ created: false });

    await writeFile(schemaFile, schemaWith('  title String?\n'));
    const second = await createMigration({
      name: 'Add title',
      schemaFile,
      migrationsDir,
      now: new Date('2026-01-03T00:00:00Z'),
    });
    expect(second).toMatchObject({ created: true, directory: '20260103000000_add_title' });
    expect(second.created && second.sql).toContain('ALTER TABLE "Note" ADD COLUMN     "title" TEXT');
    expect(second.created && second.sql).not.toContain('CREATE TABLE');
    expect((await readdir(migrationsDir)).sort()).toEqual([
      '20260102030405_init',
      '20260103000000_add_title',
      'migration_lock.toml',
      SNAPSHOT_NAME,
    ]);
  });

  it('rejects a name with nothing usable in it', () => {
    expect(() => migrationDirectoryName('!!!', new Date())).toThrow(/not a usable migration name/);
  });
});
