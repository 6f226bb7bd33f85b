import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded.js';
import { createTemporaryDir, type TemporaryDir } from './temporary-dir.js';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** As root, the server runs as the `postgres` system user (see embedded.ts). */
function asServerUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

describe('embedded PostgreSQL', () => {
  let root: TemporaryDir;
  let dataDir: string;
  let server: EmbeddedPostgresServer | undefined;
  beforeAll(async () => {
    root = await createTemporaryDir('welkom-embedded-');
    dataDir = path.join(root.path, 'data');
  });
  afterAll(async () => {
    await server?.stop();
    await root.remove();
  });

  it('keeps its data across a clean restart', async () => {
    server = await startEmbeddedPostgres({ dataDir });
    expect(server.url).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/welkom$/);
    await query(server.url, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)');
    await server.stop();

    server = await startEmbeddedPostgres({ dataDir });
    expect(await query(server.url, 'SELECT id FROM kept')).toEqual([{ id: 1 }]);
  });

  it('will not start a second server on a data directory in use', async () => {
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/is still running on/);
  });

  it('starts again after being killed, leaving a stale postmaster.pid behind', async () => {
    const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await waitUntilGone(pid);
    // In containers the pid is often reused by another process, and when that process runs as
    // the server's user, PostgreSQL itself refuses to start. (It ignores its parent's pid.)
    const unrelated = spawn('sleep', ['30'], asServerUser());
    try {
      const pidFile = path.join(dataDir, 'postmaster.pid');
      const stale = (await readFile(pidFile, 'utf8')).split('\n');
      stale[0] = String(unrelated.pid);
      await writeFile(pidFile, stale.join('\n'));

      server = await startEmbeddedPostgres({ dataDir });
      expect(await query(server.url, 'SELECT id FROM kept')).toEqual([{ id: 1 }]);
    } finally {
      unrelated.kill();
    }
  });

  it('refuses a port that is taken', async () => {
    const port = Number(new URL(server?.url ?? '').port);
    await expect(startEmbeddedPostgres({ dataDir: path.join(root.path, 'other'), port })).rejects.toThrow(
      `Port ${port} is in use`,
    );
  });
});
