// Overload over HTTP: a bounded number of GraphQL requests run, a bounded number wait, the rest
// are refused with 503 OVERLOADED and Retry-After; /health and /ready answer meanwhile; a query
// past its deadline or a statement past statement_timeout is refused the same way; a burst of
// writes larger than the pool gets TRY_AGAIN, never an internal error.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, type RawResponse, startHarness } from '../test/harness.js';

const HEAVY = `{ actions(limit: 50) { totalCount nodes { code description status goal { code section { code theme { name } } }
  partners { name } targetGroups { name } preconditions { text } } } }`;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A transaction on its own connection that holds an exclusive lock on the actions until released. */
async function lockActions(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE "Action" IN ACCESS EXCLUSIVE MODE');
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

const codeOf = (response: RawResponse) => response.errors?.[0]?.extensions?.code as string | undefined;

function expectRetryable(response: RawResponse, code: string) {
  expect(response.status).toBe(503);
  expect(codeOf(response)).toBe(code);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.errors?.[0]?.extensions?.retryAfterSeconds).toBe(Number(response.headers.get('retry-after')));
  expect(response.errors?.[0]?.message).toMatch(/Probeer het over \d+ seconden opnieuw/);
}

describe('admission control', () => {
  it('refuses what exceeds the running and waiting bounds with 503 OVERLOADED, and runs the rest', async () => {
    harness = await startHarness({ admission: { maxActive: 2, maxQueue: 3 } });
    const release = await lockActions(harness.databaseUrl);
    const early: RawResponse[] = [];
    const burst = Array.from({ length: 20 }, () =>
      harness!.request(HEAVY).then((response) => {
        early.push(response);
        return response;
      }),
    );
    // While the admitted five are stuck on the lock, the other fifteen are refused at once.
    for (let waited = 0; early.length < 15 && waited < 10_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    const refused = [...early];
    expect(refused).toHaveLength(15);
    for (const response of refused) expectRetryable(response, 'OVERLOADED');
    await release();
    const all = await Promise.all(burst);
    const served = all.filter((response) => !refused.includes(response));
    expect(served).toHaveLength(5);
    for (const response of served) {
      expect(response.status).toBe(200);
      expect(response.data?.actions.nodes).toHaveLength(50);
    }
  });

  it('answers /health and /ready while every database connection of the API is busy', async () => {
    harness = await startHarness({ admission: { maxActive: 30, maxQueue: 100 } });
    const release = await lockActions(harness.databaseUrl);
    let finished = 0;
    const burst = Array.from({ length: 30 }, () => harness!.request(HEAVY).finally(() => finished++));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await fetch(`${harness.url}/health`, { signal: AbortSignal.timeout(10_000) });
    const ready = await fetch(`${harness.url}/ready`, { signal: AbortSignal.timeout(10_000) });
    expect([health.status, ready.status]).toEqual([200, 200]);
    expect(finished).toBe(0);
    await release();
    expect((await Promise.all(burst)).every((response) => response.status === 200)).toBe(true);
  });

  it('ends a query that runs past its deadline with one OVERLOADED error', async () => {
    harness = await startHarness({ admission: { deadlineMs: 1 } });
    const response = await harness.request(HEAVY);
    expectRetryable(response, 'OVERLOADED');
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.reason).toBe('deadline');
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a statement that exceeds statement_timeout with OVERLOADED, not an internal error', async () => {
    harness = await startHarness({ pool: { statementTimeoutMs: 300 } });
    const release = await lockActions(harness.databaseUrl);
    try {
      const response = await harness.request(HEAVY);
      expectRetryable(response, 'OVERLOADED');
      expect(response.errors?.[0]?.extensions?.reason).toBe('statement_timeout');
    } finally {
      await release();
    }
  });

  it('answers a burst of writes larger than the pool with TRY_AGAIN, never an internal error', async () => {
    harness = await startHarness({
      admission: { maxActive: 200, maxQueue: 0 },
      pool: { maxConnections: 2, transactionMaxWaitMs: 20, connectionTimeoutMs: 2_000 },
    });
    const secretary = await harness.createUser({ roles: ['SECRETARY'] });
    const actions = (await harness.gql(`{ actions(limit: 100) { nodes { id version } } }`)).data!.actions.nodes as {
      id: string;
      version: number;
    }[];
    const responses = await Promise.all(
      actions.map((action) =>
        harness!.request(
          `mutation ($id: ID!, $v: Int!) { updateAction(id: $id, input: { notes: "burst" }, expectedVersion: $v) { version } }`,
          { id: action.id, v: action.version },
          secretary.headers,
        ),
      ),
    );
    const failed = responses.filter((response) => response.errors);
    expect(failed.length).toBeGreaterThan(0);
    for (const response of failed) expectRetryable(response, 'TRY_AGAIN');
    // What was refused changed nothing; what succeeded is there.
    const notes = await harness.gql<{ actions: { nodes: { id: string; version: number }[] } }>(
      `{ actions(limit: 100) { nodes { id version } } }`,
    );
    const succeeded = responses.filter((response) => !response.errors).length;
    const bumped = notes.data!.actions.nodes.filter(
      (node) => node.version > actions.find((a) => a.id === node.id)!.version,
    ).length;
    expect(bumped).toBe(succeeded);
  });
});
