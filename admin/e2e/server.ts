// Global setup: a real Welkom server (as `npm start` runs it) on a free port with its own
// embedded PostgreSQL, the programme data, the demo accounts and the demo panel (loaded after
// the programme, so its advice links to real actions). E2E_BASE_URL points the tests at a
// server that is already running instead; it must have the demo accounts (`npm run seed:demo`).
// A missing prerequisite fails the run here, naming it: no browser test skips itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TemporaryDir, createTemporaryDir } from '@welkom/db';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));
const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));
const SEED_DEMO = path.join(SERVER_DIR, 'src/cli/seed-demo.ts');
const SEED_PROGRAMME = path.join(SEEDS_DIR, 'src/cli/seed.ts');

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: string, child: ChildProcess) => void,
  cwd = SERVER_DIR,
): { child: ChildProcess; done: Promise<number | null>; log: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) {
      if (!line) continue;
      log.push(line);
      onLine?.(line, child);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, log };
}

/** The demo accounts the tests sign in with; one login proves `seed:demo` ran on that server. */
async function requireDemoAccounts(baseUrl: string): Promise<void> {
  const response = await fetch(new URL('/graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation { login(email: "secretaris@welkom.test", password: "welkom-demo-2025") { id } }',
    }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.length) {
    throw new Error(
      `${baseUrl} has no demo accounts (${body.errors[0]!.message}): run \`npm run seed:demo\` beside that server first.`,
    );
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (process.env.E2E_BASE_URL) {
    await requireDemoAccounts(process.env.E2E_BASE_URL);
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    return;
  }
  if (!existsSync(path.join(SERVER_DIR, '../admin/dist/index.html')))
    throw new Error('admin/dist is missing: run `npm run build` first (npm run test:e2e does).');
  const root: TemporaryDir = await createTemporaryDir('welkom-e2e-');
  // Everything the run writes stays in its own folder: database and audit checkpoints.
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: '',
    EMBEDDED_PG_DIR: path.join(root.path, 'postgres'),
    AUDIT_CHECKPOINT_FILE: path.join(root.path, 'audit-checkpoints.jsonl'),
    LOG_LEVEL: 'info',
    PORT: '0',
  };

  const programme = run([SEED_PROGRAMME], env, undefined, SEEDS_DIR);
  if ((await programme.done) !== 0) throw new Error(`seed failed:\n${programme.log.join('\n')}`);
  const seeding = run([SEED_DEMO], env);
  if ((await seeding.done) !== 0) throw new Error(`seed:demo failed:\n${seeding.log.join('\n')}`);

  let resolveUrl: (url: string) => void;
  const started = new Promise<string>((resolve) => (resolveUrl = resolve));
  const server = run(['src/main.ts'], env, (line) => {
    const match = /draait op (http:\/\/[\d.:]+)/.exec(line);
    if (match) resolveUrl(match[1]!);
  });
  const url = await Promise.race([
    started,
    server.done.then((code) => Promise.reject(new Error(`the server exited (${code}):\n${server.log.join('\n')}`))),
    // unref: a pending guard timer must not keep vitest alive after the run.
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no server within 90 s:\n${server.log.join('\n')}`)), 90_000).unref(),
    ),
  ]);
  project.provide('baseUrl', url);

  return async () => {
    server.child.kill('SIGTERM');
    await Promise.race([server.done, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await root.remove();
  };
}
