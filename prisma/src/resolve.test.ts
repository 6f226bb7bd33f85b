import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';
import { resolveDatabase, resolveDatabaseForTool } from './resolve.js';
import { findRunningEmbedded } from './running-embedded.js';
import { createTemporaryDir } from './temporary-dir.js';

describe('resolveDatabase', () => {
  it('uses DATABASE_URL when it is set, and starts nothing', async () => {
    const database = await resolveDatabase({ DATABASE_URL: ' postgresql://app@db.example:5432/welkom ' });
    expect(database).toMatchObject({ url: 'postgresql://app@db.example:5432/welkom', embedded: false });
    await database.stop();
  });

  it("keeps the embedded data where EMBEDDED_PG_DIR says, never in the developer's .data", async () => {
    const root = await createTemporaryDir('welkom-resolve-');
    const dataDir = path.join(root.path, 'postgres');
    const database = await resolveDatabase({ EMBEDDED_PG_DIR: dataDir });
    try {
      expect(database.embedded).toBe(true);
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    } finally {
      await database.stop();
      await root.remove();
    }
  });
});

describe('resolveDatabaseForTool', () => {
  it('connects to the embedded server another process runs on the data folder, and leaves it running', async () => {
    const root = await createTemporaryDir('welkom-running-');
    const dataDir = path.join(root.path, 'postgres');
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const tool = await resolveDatabaseForTool({ EMBEDDED_PG_DIR: dataDir });
      expect(tool).toMatchObject({ url: server.url, embedded: true, shared: true });
      await tool.stop();
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await server.stop();
    }
    // Nobody runs it now: the tool starts (and stops) its own.
    const own = await resolveDatabaseForTool({ EMBEDDED_PG_DIR: dataDir });
    try {
      expect(own).toMatchObject({ embedded: true });
      expect(own.shared).toBeUndefined();
      expect(await findRunningEmbedded(dataDir)).toMatchObject({ url: own.url });
    } finally {
      await own.stop();
      await root.remove();
    }
    expect(await findRunningEmbedded(dataDir)).toBeNull();
  }, 60_000);
});
