// 429 with Retry-After over HTTP, counted in the database: a second server process on the
// same database sees the first one's requests. (Rename to .test.ts once app.ts calls checkRateLimit.)
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
let harness: Harness;
let second: { child: ChildProcess; url: string };

beforeAll(async () => {
  harness = await startHarness({ seed: false, security: { rateLimit: { anonymous: 3, windowSeconds: 3600 } } });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: harness.databaseUrl,
      MIGRATE_ON_START: 'false',
      SEED_ON_START: 'false',
      RATE_LIMIT_ANONYMOUS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '3600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('second instance did not start')), 60_000);
    child.stdout!.on('data', (chunk) => {
      const match = /draait op (http:\/\/[\d.:]+)/.exec(String(chunk));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  second = { child, url };
});
afterAll(async () => {
  second?.child.kill('SIGTERM');
  await harness.close();
});

const post = (url: string) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });

describe('rate limit over HTTP', () => {
  it('counts requests to both instances together and answers 429 with Retry-After', async () => {
    expect((await post(harness.url)).status).toBe(200);
    expect((await post(second.url)).status).toBe(200);
    expect((await post(harness.url)).status).toBe(200);
    const refused = await post(second.url); // the 4th request from this address, on the other instance
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});
