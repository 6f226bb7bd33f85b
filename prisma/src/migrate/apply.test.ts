import { readdir } from 'node:fs/promises';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { migrate } from './apply.js';
import { MIGRATIONS_DIR } from './files.js';

const committedMigrations = async (): Promise<string[]> =>
  (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

async function recordedMigrations(url: string): Promise<Array<{ migration_name: string; finished: boolean }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  let db: TestDatabase;
  afterEach(() => db.drop());

  it('applies every committed migration to an empty database, and nothing the second time', async () => {
    db = await createTestDatabase({ empty: true });
    const all = await committedMigrations();
    expect(all.length).toBeGreaterThan(0);

    expect(await migrate(db.url)).toEqual(all);
    expect(await migrate(db.url)).toEqual([]);
    // Recorded as `prisma migrate deploy` records them, so that tool sees nothing to do.
    expect(await recordedMigrations(db.url)).toEqual(all.map((name) => ({ migration_name: name, finished: true })));
    await expect(db.prisma.theme.count()).resolves.toBe(0);
  });

  it('applies each migration once when two processes migrate at the same moment', async () => {
    db = await createTestDatabase({ empty: true });
    const [first, second] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(await committedMigrations());
    expect(await recordedMigrations(db.url)).toHaveLength((await committedMigrations()).length);
  });
});
