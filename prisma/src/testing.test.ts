import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.js';

async function databaseExists(url: string, name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    return Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  } finally {
    await admin.end();
  }
}

describe('createTestDatabase', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(() => second.drop());

  it('gives each caller its own migrated, empty database', async () => {
    expect(first.url).not.toBe(second.url);
    await first.prisma.theme.create({ data: { number: 1, name: 'Wonen' } });
    expect(await first.prisma.theme.count()).toBe(1);
    expect(await second.prisma.theme.count()).toBe(0);
  });

  it('drops the database', async () => {
    const name = new URL(first.url).pathname.slice(1);
    await first.drop();
    expect(await databaseExists(first.url, name)).toBe(false);
  });
});
