// PostgreSQL killed (kill -9) under read and write load, then started again: the server answers
// 503 DATABASE_UNAVAILABLE with Retry-After meanwhile (never an internal error), its pool drops
// the dead connections and serves again by itself, and no acknowledged write is missing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type EmbeddedPostgresServer,
  type TemporaryDir,
  createTemporaryDir,
  migrate,
  startEmbeddedPostgres,
} from '@welkom/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type RawResponse, startHarness } from '../test/harness.js';

let root: TemporaryDir;
let dataDir: string;
let postgres: EmbeddedPostgresServer;
let harness: Harness;

beforeAll(async () => {
  root = await createTemporaryDir('welkom-faults-');
  dataDir = path.join(root.path, 'data');
  postgres = await startEmbeddedPostgres({ dataDir });
  await migrate(postgres.url);
  harness = await startHarness({ databaseUrl: postgres.url, seed: false, pool: { connectionTimeoutMs: 2_000 } });
});
afterAll(async () => {
  await harness?.close();
  await postgres?.stop();
  await root?.remove();
});

interface Outcome {
  at: number;
  kind: 'read' | 'write';
  response: RawResponse;
}

describe('PostgreSQL killed under load', () => {
  it('answers DATABASE_UNAVAILABLE during the outage, recovers by itself and loses no acknowledged write', async () => {
    const secretary = await harness.createUser({ roles: ['SECRETARY'] });
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let running = true;
    let written = 0;
    const started = performance.now();
    const reader = async () => {
      while (running) {
        const response = await harness.request(
          `{ targetGroups(limit: 5) { totalCount nodes { name } } }`,
          {},
          secretary.headers,
        );
        outcomes.push({ at: performance.now() - started, kind: 'read', response });
      }
    };
    const writer = async () => {
      while (running) {
        const name = `Belasting ${++written}`;
        const response = await harness.request(
          `mutation ($name: String!) { createTargetGroup(input: { name: $name }) { id name } }`,
          { name },
          secretary.headers,
        );
        outcomes.push({ at: performance.now() - started, kind: 'write', response });
        if (response.data?.createTargetGroup) acknowledged.push(name);
      }
    };
    const load = [reader(), reader(), writer(), writer()];

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const port = Number(new URL(postgres.url).port);
    process.kill(Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGKILL');
    const killedAt = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await fetch(`${harness.url}/ready`)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 500));
    postgres = await startEmbeddedPostgres({ dataDir, port });
    const restartedAt = performance.now() - started;
    for (let waited = 0; waited < 20_000; waited += 100) {
      if (
        outcomes.some(
          (outcome) => outcome.at > restartedAt && outcome.kind === 'write' && outcome.response.status === 200,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all(load);

    const failures = outcomes.filter((outcome) => outcome.response.errors);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.at).toBeGreaterThanOrEqual(killedAt - 50);
      expect(failure.response.status).toBe(503);
      expect(['DATABASE_UNAVAILABLE', 'TRY_AGAIN']).toContain(failure.response.errors?.[0]?.extensions?.code);
      expect(Number(failure.response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(failures.some((failure) => failure.response.errors?.[0]?.extensions?.code === 'DATABASE_UNAVAILABLE')).toBe(
      true,
    );
    const recovered = outcomes.filter((outcome) => outcome.at > restartedAt && outcome.response.status === 200);
    expect(recovered.some((outcome) => outcome.kind === 'read')).toBe(true);
    expect(recovered.some((outcome) => outcome.kind === 'write')).toBe(true);
    expect((await fetch(`${harness.url}/ready`)).status).toBe(200);

    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT name FROM "TargetGroup"');
    await client.end();
    const stored = new Set(rows.map((row) => row.name));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
  }, 90_000);
});
