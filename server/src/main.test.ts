// `npm start` as a user runs it: a real process with its own embedded PostgreSQL, stopped
// with a signal, then started again on the same data.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TemporaryDir, createTemporaryDir } from '@welkom/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
let root: TemporaryDir;
let dataDir: string;

beforeAll(async () => {
  root = await createTemporaryDir('welkom-main-');
  dataDir = path.join(root.path, 'postgres');
});
afterAll(() => root.remove());

interface Started {
  child: ChildProcess;
  url: string;
  log: string[];
}

function startServer(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', EMBEDDED_PG_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info', AUDIT_CHECKPOINT_FILE: path.join(root.path, 'audit-checkpoints.jsonl') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${log.join('')}`)), 60_000);
    child.stderr?.on('data', (chunk) => log.push(String(chunk)));
    child.stdout?.on('data', (chunk) => {
      log.push(String(chunk));
      const match = /draait op (http:\/\/[\d.:]+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, log });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${log.join('')}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

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
