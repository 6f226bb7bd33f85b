// `npm start` as a user runs it: a real process with its own embedded PostgreSQL, stopped
// with a signal, then started again on the same data.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type TemporaryDir, createTemporaryDir } from '@welkom/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { spawnServer, stopServer as stop } from './test/spawn-server.js';

let root: TemporaryDir;
let dataDir: string;

beforeAll(async () => {
  root = await createTemporaryDir('welkom-main-');
  dataDir = path.join(root.path, 'postgres');
});
afterAll(() => root.remove());

const startServer = () =>
  spawnServer({
    NODE_ENV: 'test',
    PORT: '0',
    EMBEDDED_PG_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    AUDIT_CHECKPOINT_FILE: path.join(root.path, 'audit-checkpoints.jsonl'),
  });

const countActions = async (url: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ actions { totalCount } }' }),
  });
  return ((await response.json()) as { data: { actions: { totalCount: number } } }).data.actions.totalCount;
};

describe('npm start on a fresh machine', () => {
  it('starts an embedded PostgreSQL, loads the programme, stops cleanly on a signal and starts again', async () => {
    const first = await startServer();
    expect(first.log.join('')).toMatch(/programme data loaded/);
    const actions = await countActions(first.url);
    expect(actions).toBeGreaterThan(50);
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    expect(await stop(first.child, 'SIGTERM')).toBe(0);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = await startServer();
    expect(second.log.join('')).not.toMatch(/programme data loaded/);
    expect(await countActions(second.url)).toBe(actions);
    expect(await stop(second.child, 'SIGINT')).toBe(0);
  }, 120_000);
});

const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
// A process that exited but was not yet reaped (a zombie: the orphan's new parent may be an init
// that reaps late, as on the CI machine) still answers kill(pid, 0), so its state is read too.
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: kill(pid, 0) answered
  }
};

// A failed assertion must not leave a server (and its PostgreSQL) running.
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
});

describe('faults of the embedded PostgreSQL', () => {
  it('restarts its PostgreSQL after kill -9, answering 503 DATABASE_UNAVAILABLE with Retry-After meanwhile', async () => {
    const server = await startServer();
    running.add(server.child);
    const actions = await countActions(server.url);
    const killed = postmasterPid();
    process.kill(killed, 'SIGKILL');
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    const outage: { status: number; code?: string; retryAfter: string | null }[] = [];
    const deadline = Date.now() + 60_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ actions { totalCount } }' }),
      });
      const body = (await response.json()) as {
        data?: { actions: { totalCount: number } };
        errors?: { extensions: { code: string } }[];
      };
      if (response.status === 200 && body.data) {
        expect(body.data.actions.totalCount).toBe(actions);
        recovered = true;
      } else {
        outage.push({
          status: response.status,
          code: body.errors?.[0]?.extensions.code,
          retryAfter: response.headers.get('retry-after'),
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(recovered).toBe(true);
    expect(outage.length).toBeGreaterThan(0);
    for (const failure of outage) {
      expect(failure.status).toBe(503);
      expect(['DATABASE_UNAVAILABLE', 'TRY_AGAIN']).toContain(failure.code);
      expect(Number(failure.retryAfter)).toBeGreaterThan(0);
    }
    expect(postmasterPid()).not.toBe(killed);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    expect(server.log.join('')).toMatch(/embedded PostgreSQL restarted/);
    expect(await stop(server.child, 'SIGTERM')).toBe(0);
  }, 120_000);

  it('after kill -9 of the server itself, the next start stops the orphaned PostgreSQL and starts normally', async () => {
    const first = await startServer();
    const actions = await countActions(first.url);
    const orphan = postmasterPid();
    // If the takeover fails, the orphan must not outlive the test.
    onTestFinished(() => {
      if (isAlive(orphan)) process.kill(orphan, 'SIGINT');
    });
    await stop(first.child, 'SIGKILL');
    expect(isAlive(orphan)).toBe(true);

    const second = await startServer();
    running.add(second.child);
    expect(second.log.join('')).toMatch(/embedded PostgreSQL orphan-stopped/);
    expect(isAlive(orphan)).toBe(false);
    expect(await countActions(second.url)).toBe(actions);
    expect(await stop(second.child, 'SIGTERM')).toBe(0);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
