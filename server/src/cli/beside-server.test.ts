// The command-line tools beside a running `npm start`: the server holds the embedded
// PostgreSQL, and user:create and audit:verify use that server instead of failing to start a
// second one on the same data. Also: the server's audit checkpoint at start.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TemporaryDir, createTemporaryDir } from '@welkom/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, stopServer } from '../test/spawn-server.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
let root: TemporaryDir;
let env: Record<string, string>;

beforeAll(async () => {
  root = await createTemporaryDir('welkom-beside-');
  env = {
    NODE_ENV: 'test',
    DATABASE_URL: '',
    EMBEDDED_PG_DIR: path.join(root.path, 'postgres'),
    LOG_LEVEL: 'info',
    PORT: '0',
    AUDIT_CHECKPOINT_FILE: path.join(root.path, 'audit-checkpoints.jsonl'),
    AUDIT_CHECKPOINT_KEY: 'beside-the-server-checkpoint-key-0123456789',
  };
});
afterAll(() => root.remove());

function run(
  script: string,
  args: string[] = [],
  extra: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: SERVER_DIR, env: { ...process.env, ...env, ...extra } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('command-line tools beside a running server', () => {
  it('user:create, seed:demo and audit:verify use the embedded database npm start holds', async () => {
    const server = await spawnServer(env);
    try {
      // The server took its first checkpoint at start, in the file and in the log.
      expect(server.log.join('')).toMatch(/"msg":"audit checkpoint"/);

      const created = await run(
        'src/cli/user-create.ts',
        ['--email', 'naast@nijmegen.nl', '--name', 'Naast de server', '--role', 'SECRETARY'],
        {
          WELKOM_PASSWORD: 'een-sterk-wachtwoord',
        },
      );
      expect(created.code, created.stdout + created.stderr).toBe(0);
      // The running server sees the account at once: same database, no second postmaster.
      const login = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { login(email: "naast@nijmegen.nl", password: "een-sterk-wachtwoord") { email } }',
        }),
      });
      expect(((await login.json()) as { data: { login: { email: string } } }).data.login.email).toBe(
        'naast@nijmegen.nl',
      );

      // seed:demo too (its subsidy applications go through audited transitions).
      const demo = await run('src/cli/seed-demo.ts');
      expect(demo.code, demo.stdout + demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/Demo-subsidieaanvragen: \d+/);

      const verified = await run('src/scripts/audit-verify.ts');
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/Audit trail intact: \d+ events/);
      expect(verified.stdout).toMatch(/Matches 1 signed checkpoints/);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      expect(await stopServer(server.child)).toBe(0);
    }
    // With the server stopped the tool starts the embedded database itself, as before.
    const alone = await run('src/scripts/audit-verify.ts');
    expect(alone.code, alone.stdout + alone.stderr).toBe(0);
    expect(alone.stdout).toMatch(/Matches \d+ signed checkpoints/);
  }, 180_000);
});
