// npm run user:create and npm run seed:demo, run as a person would: child processes against
// this file's own database.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type TestDatabase, createTestDatabase } from '@welkom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '../auth/demo.js';
import { verifyPassword } from '../auth/passwords.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
// Several child processes (each compiling the CLI with tsx) in one test: slow on a busy machine.
const SPAWNS_TIMEOUT = 120_000;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function cli(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
      cwd: SERVER_DIR,
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: database.url, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('user:create', () => {
  it('creates an administrator with the password from WELKOM_PASSWORD', async () => {
    const result = await cli(
      'user-create',
      ['--email', 'Beheer@Nijmegen.nl', '--name', 'Eerste Beheerder', '--role', 'ADMIN', '--role', 'secretary'],
      {
        WELKOM_PASSWORD: 'een-sterk-wachtwoord',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Gebruiker aangemaakt \| User created: beheer@nijmegen.nl \(ADMIN, SECRETARY\)/);
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: 'beheer@nijmegen.nl' } });
    expect(user).toMatchObject({ name: 'Eerste Beheerder', roles: ['ADMIN', 'SECRETARY'], active: true });
    expect(await verifyPassword(user.passwordHash, 'een-sterk-wachtwoord')).toBe(true);
  });

  it(
    'refuses a short password, an unknown role, missing arguments, and no password without a terminal',
    async () => {
      const short = await cli('user-create', ['--email', 'a@nijmegen.nl', '--name', 'A', '--role', 'ADMIN'], {
        WELKOM_PASSWORD: 'kort',
      });
      expect(short.code).toBe(1);
      expect(short.stderr).toMatch(/minstens 12 tekens/);
      const role = await cli('user-create', ['--email', 'a@nijmegen.nl', '--name', 'A', '--role', 'BAAS'], {
        WELKOM_PASSWORD: 'een-sterk-wachtwoord',
      });
      expect(role.code).toBe(1);
      expect(role.stderr).toMatch(/Onbekende rol \| Unknown role: BAAS/);
      const missing = await cli('user-create', ['--email', 'a@nijmegen.nl'], {
        WELKOM_PASSWORD: 'een-sterk-wachtwoord',
      });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/Usage/);
      const noPassword = await cli('user-create', ['--email', 'a@nijmegen.nl', '--name', 'A', '--role', 'ADMIN'], {
        WELKOM_PASSWORD: '',
      });
      expect(noPassword.code).toBe(1);
      expect(noPassword.stderr).toMatch(/WELKOM_PASSWORD/);
      expect(await database.prisma.user.count({ where: { email: 'a@nijmegen.nl' } })).toBe(0);
    },
    SPAWNS_TIMEOUT,
  );
});

describe('seed:demo', () => {
  it('creates one account per role, and a second run changes nothing', async () => {
    const first = await seedDemoAccounts(database.prisma);
    expect(first).toEqual({ created: 5, repaired: 0, unchanged: 0 });
    const before = await database.prisma.user.findMany({
      where: { email: { endsWith: '@welkom.test' } },
      orderBy: { email: 'asc' },
    });
    expect(before.map((user) => user.roles[0]).sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.role).sort());
    expect(await verifyPassword(before[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);

    const second = await seedDemoAccounts(database.prisma);
    expect(second).toEqual({ created: 0, repaired: 0, unchanged: 5 });
    const after = await database.prisma.user.findMany({
      where: { email: { endsWith: '@welkom.test' } },
      orderBy: { email: 'asc' },
    });
    expect(after).toEqual(before);
  });

  it(
    'refuses in production, and with DATABASE_URL unless --force',
    async () => {
      const production = await cli('seed-demo', [], { NODE_ENV: 'production' });
      expect(production.code).toBe(1);
      expect(production.stderr).toMatch(/weigert in productie/);
      const external = await cli('seed-demo', [], {});
      expect(external.code).toBe(1);
      expect(external.stderr).toMatch(/--force/);
      const forced = await cli('seed-demo', ['--force'], {});
      expect(forced.code).toBe(0);
      expect(forced.stdout).toMatch(/0 aangemaakt, 0 hersteld, 5 ongewijzigd/);
      const forcedInProduction = await cli('seed-demo', ['--force'], { NODE_ENV: 'production' });
      expect(forcedInProduction.code).toBe(1);
    },
    SPAWNS_TIMEOUT,
  );
});
