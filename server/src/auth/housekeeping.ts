// Rows that no longer matter: ended sessions, login attempts older than a day and login
// counters whose window has passed. Removed now and then (on a login, at most every few
// minutes per instance), so no request waits for it and no scheduler is needed.
import type { PrismaClient } from '@welkom/db';
import { securitySettings } from './settings.js';

const INTERVAL_MS = 5 * 60_000;
/** Login attempts are kept a day: long enough to look into an attack, short enough to hold little personal data. */
const KEEP_ATTEMPTS_MS = 24 * 3600_000;
let last = 0;

export async function removeExpiredAuthRecords(
  prisma: PrismaClient,
  now = new Date(),
): Promise<{ sessions: number; attempts: number }> {
  const { sessionIdleSeconds, login } = securitySettings();
  const idleSince = new Date(now.getTime() - sessionIdleSeconds * 1000);
  const attemptsBefore = new Date(now.getTime() - Math.max(KEEP_ATTEMPTS_MS, login.windowSeconds * 1000));
  const windowPassed = new Date(now.getTime() - login.windowSeconds * 1000);
  const [sessions, attempts] = await Promise.all([
    prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] } }),
    prisma.loginAttempt.deleteMany({ where: { at: { lt: attemptsBefore } } }),
    // A counter whose window has passed would start from zero anyway.
    prisma.loginThrottle.deleteMany({ where: { windowStart: { lt: windowPassed } } }),
  ]);
  return { sessions: sessions.count, attempts: attempts.count };
}

export function removeExpiredAuthRecordsOccasionally(prisma: PrismaClient): void {
  if (Date.now() - last < INTERVAL_MS) return;
  last = Date.now();
  removeExpiredAuthRecords(prisma).catch(() => {
    last = 0;
  });
}
