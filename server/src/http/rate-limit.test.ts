// The rate-limit counter against a real PostgreSQL: one atomic upsert per request, shared by
// every client (so every server instance) on the same database.
import { createPrismaClient } from '@welkom/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSecurity } from '../auth/settings.js';
import { ANONYMOUS, type Identity } from '../context.js';
import { db } from '../db.js';
import { type Harness, startHarness } from '../test/harness.js';
import { checkRateLimit, countRequest, rateLimitKey } from './rate-limit.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ seed: false });
});
afterAll(() => harness.close());

const token: Identity = { kind: 'token', tokenId: 't-1', prefix: 'wlk_x', label: 'x', partnerId: 'p', scopes: [] };
const user: Identity = { kind: 'user', userId: 'u-1', email: 'a@b.nl', name: 'A', roles: ['VIEWER'], sessionId: 's' };

describe('rate limiting', () => {
  it('counts tokens per token, staff per account with a higher limit, and anyone else per address', () => {
    configureSecurity({ rateLimit: { anonymous: 10, token: 20, user: 50 } });
    expect(rateLimitKey(token, '10.0.0.1')).toEqual({ key: 'token:t-1', limit: 20 });
    expect(rateLimitKey(user, '10.0.0.1')).toEqual({ key: 'user:u-1', limit: 50 });
    expect(rateLimitKey(ANONYMOUS, '10.0.0.1')).toEqual({ key: 'ip:10.0.0.1', limit: 10 });
  });

  it('allows up to the limit in a window, then refuses with the seconds until the window ends', async () => {
    configureSecurity({ rateLimit: { anonymous: 3, windowSeconds: 60 } });
    const decisions = [];
    for (let request = 0; request < 4; request++) decisions.push(await checkRateLimit(ANONYMOUS, '192.0.2.7'));
    expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(decisions[3]).toMatchObject({ allowed: false });
    const { retryAfterSeconds } = decisions[3] as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another address has its own count.
    expect(await checkRateLimit(ANONYMOUS, '192.0.2.8')).toEqual({ allowed: true });
  });

  it('is one count in the database, shared by separate clients (server instances), also under concurrency', async () => {
    const other = createPrismaClient(harness.databaseUrl, { maxConnections: 5 });
    try {
      const key = 'token:shared';
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => countRequest(index % 2 ? other : db(), key, 3600)),
      );
      // Every request got its own number: nothing lost between the two "instances".
      expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const rows = await db().rateLimitCounter.findMany({ where: { key } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.count).toBe(20);
      // The window starts on a whole multiple of its length (UTC), the same for every instance.
      expect(rows[0]!.windowStart.getTime() % 3_600_000).toBe(0);
      expect(Date.now() - rows[0]!.windowStart.getTime()).toBeLessThan(3_600_000);
    } finally {
      await other.$disconnect();
    }
  });

  it('a limit of 0 counts nothing', async () => {
    configureSecurity({ rateLimit: { user: 0 } });
    const { count } = await harness.countStatements(() => checkRateLimit(user, '10.0.0.1'));
    expect(count).toBe(0);
  });
});
