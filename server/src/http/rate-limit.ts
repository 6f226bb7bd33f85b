// Requests per fixed window, counted in PostgreSQL so every server instance sees the same
// count: one atomic upsert per request (INSERT ... ON CONFLICT DO UPDATE ... RETURNING).
// A partner token is counted per token, a signed-in user per account (a higher limit: the
// console asks a lot), anyone else per address.
import type { PrismaClient } from '@welkom/db';
import { securitySettings } from '../auth/settings.js';
import type { Identity } from '../context.js';
import { db } from '../db.js';

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function rateLimitKey(identity: Identity, ip: string): { key: string; limit: number } {
  const { rateLimit } = securitySettings();
  switch (identity.kind) {
    case 'token':
      return { key: `token:${identity.tokenId}`, limit: rateLimit.token };
    case 'user':
      return { key: `user:${identity.userId}`, limit: rateLimit.user };
    default:
      return { key: `ip:${ip}`, limit: rateLimit.anonymous };
  }
}

/**
 * Counts one request for `key` in the current window and returns the count so far, with the
 * seconds until the window ends. The window is taken from the database's clock, so instances
 * whose clocks differ still share windows.
 */
export async function countRequest(
  prisma: PrismaClient,
  key: string,
  windowSeconds: number,
): Promise<{ count: number; retryAfterSeconds: number }> {
  const rows = await prisma.$queryRaw<{ count: number; retryAfterSeconds: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int) AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count", ceil(${windowSeconds}::int - mod(extract(epoch FROM now()), ${windowSeconds}::int))::int AS "retryAfterSeconds"`;
  const row = rows[0]!;
  return { count: Number(row.count), retryAfterSeconds: Math.max(1, Number(row.retryAfterSeconds)) };
}

const CLEANUP_INTERVAL_MS = 5 * 60_000;
let lastCleanup = 0;

/** Drops finished windows, at most every few minutes per instance and never in the request's way. */
function cleanUpOccasionally(prisma: PrismaClient, windowSeconds: number): void {
  const now = Date.now();
  if (now - lastCleanup < CLEANUP_INTERVAL_MS) return;
  lastCleanup = now;
  prisma.$executeRaw`
    DELETE FROM "RateLimitCounter"
    WHERE "windowStart" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds * 2}::int)`.catch(() => {
    lastCleanup = 0; // try again on a later request
  });
}

export async function checkRateLimit(identity: Identity, ip: string): Promise<RateLimitDecision> {
  const { key, limit } = rateLimitKey(identity, ip);
  if (limit <= 0) return { allowed: true };
  const { windowSeconds } = securitySettings().rateLimit;
  const prisma = db();
  cleanUpOccasionally(prisma, windowSeconds);
  const { count, retryAfterSeconds } = await countRequest(prisma, key, windowSeconds);
  return count <= limit ? { allowed: true } : { allowed: false, retryAfterSeconds };
}
