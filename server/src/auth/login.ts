// Signing in, with throttling. Every attempt first reserves a place under three counters in
// PostgreSQL (so the limits hold for a burst and across server instances), and only then is a
// password hash verified:
//   - per account from one address (LOGIN_MAX_FAILURES_PER_ACCOUNT, 5): stops guessing, but
//     only for the guesser's address, so an attacker cannot lock the owner out from elsewhere;
//   - per address (LOGIN_MAX_FAILURES_PER_ADDRESS, 20): stops one address guessing many accounts;
//   - per account from all addresses together (LOGIN_MAX_FAILURES_PER_ACCOUNT_ANYWHERE, 100):
//     a ceiling against guessing from many addresses.
// Over a limit, every attempt is refused until that counter's window has passed, even one with
// the right password (otherwise guessing would simply go on).
import type { PrismaClient, User } from '@welkom/db';
import type { GraphQLError } from 'graphql';
import { db } from '../db.js';
import { removeExpiredAuthRecordsOccasionally } from './housekeeping.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { createSession, type NewSession } from './sessions.js';
import { securitySettings } from './settings.js';
import { apiError } from '../api-error.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const INVALID_CREDENTIALS = 'E-mailadres of wachtwoord is onjuist.';

export interface SignedIn {
  user: { id: string; email: string; name: string; roles: string[] };
  session: NewSession;
}

interface Counter {
  key: string;
  max: number;
  /** A successful login clears this counter's failures (an account's count runs from its last success). */
  clearedBySuccess: boolean;
}

/** The counters one attempt is checked against, in a fixed (sorted) order so that row locks never deadlock. */
export function throttleCounters(email: string, ip: string): Counter[] {
  const { maxFailuresPerAccount, maxFailuresPerAddress, maxFailuresPerAccountAnywhere } = securitySettings().login;
  const counters: Counter[] = [
    { key: `account:${email}`, max: maxFailuresPerAccountAnywhere, clearedBySuccess: true },
    { key: `address:${ip}`, max: maxFailuresPerAddress, clearedBySuccess: false },
    { key: `pair:${ip} ${email}`, max: maxFailuresPerAccount, clearedBySuccess: true },
  ];
  return counters.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export type Reservation = { reserved: true } | { reserved: false; retryAfterSeconds: number };

/**
 * Reserves one attempt under every counter, or none when any counter's failures plus the
 * attempts being checked right now reach its limit. One call of a database function (see the
 * migration `login_throttle_and_search`): it locks the counters, so concurrent attempts on the
 * same counters, from any server instance, are decided one after another, in one round trip
 * and without holding a connection for a client-side transaction.
 */
export async function reserveAttempt(
  counters: Counter[],
  windowSeconds: number,
  prisma: PrismaClient = db(),
): Promise<Reservation> {
  const keys = counters.map((counter) => counter.key);
  const maxima = counters.map((counter) => counter.max);
  const [row] = await prisma.$queryRaw<{ retryAfterSeconds: number }[]>`
    SELECT welkom_reserve_login_attempt(${keys}::text[], ${maxima}::int[], ${windowSeconds}::int) AS "retryAfterSeconds"`;
  const retryAfterSeconds = Number(row?.retryAfterSeconds ?? 0);
  return retryAfterSeconds > 0 ? { reserved: false, retryAfterSeconds } : { reserved: true };
}

/**
 * Ends a reserved attempt: a failure is counted everywhere; a success clears the account's
 * counters but not the address's (a success with one's own account must not open the door
 * for guessing others); an attempt that could not be checked (an error) counts as neither.
 */
export async function settleAttempt(
  counters: Counter[],
  outcome: 'failed' | 'succeeded' | 'unchecked',
  prisma: PrismaClient = db(),
): Promise<void> {
  const keys = counters.map((counter) => counter.key);
  const cleared = counters.map((counter) => counter.clearedBySuccess);
  await prisma.$executeRaw`
    UPDATE "LoginThrottle" t SET
      "pending" = greatest(t."pending" - 1, 0),
      "failures" = CASE
        WHEN ${outcome}::text = 'failed' THEN t."failures" + 1
        WHEN ${outcome}::text = 'succeeded' AND c."cleared" THEN 0
        ELSE t."failures" END
    FROM unnest(${keys}::text[], ${cleared}::boolean[]) AS c("key", "cleared")
    WHERE t."key" = c."key"`;
}

export function tooManyAttempts(retryAfterSeconds: number, now = new Date()): GraphQLError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const at = new Date(now.getTime() + retryAfterSeconds * 1000).toLocaleTimeString('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });
  return apiError(
    'TOO_MANY_ATTEMPTS',
    `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw (om ${at}).`,
    `Too many failed login attempts. Try again in ${minutes} minute(s).`,
    { retryAfterSeconds },
  );
}

function invalidCredentials(): GraphQLError {
  return apiError('UNAUTHENTICATED', INVALID_CREDENTIALS, 'Email address or password is incorrect.', {
    reason: 'invalid_credentials',
  });
}

export async function login(
  rawEmail: string,
  password: string,
  request: { ip: string; userAgent?: string },
): Promise<SignedIn> {
  const email = normaliseEmail(rawEmail).slice(0, 320);
  removeExpiredAuthRecordsOccasionally(db());
  const counters = throttleCounters(email, request.ip);
  const reservation = await reserveAttempt(counters, securitySettings().login.windowSeconds);
  // A refused attempt is not counted: it was never checked, and must not extend the wait.
  if (!reservation.reserved) throw tooManyAttempts(reservation.retryAfterSeconds);

  let outcome: 'failed' | 'succeeded' | 'unchecked' = 'unchecked';
  let user: Pick<User, 'id' | 'email' | 'name' | 'roles' | 'active' | 'passwordHash'> | null = null;
  try {
    user = await db().user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, roles: true, active: true, passwordHash: true },
    });
    // An unknown address costs a verification too, and gets the same answer as a wrong password.
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyNothing(password);
    outcome = user && valid && user.active ? 'succeeded' : 'failed';
  } finally {
    await settleAttempt(counters, outcome);
  }
  await db().loginAttempt.create({ data: { email, ip: request.ip, succeeded: outcome === 'succeeded' } });
  if (outcome !== 'succeeded' || !user) throw invalidCredentials();

  const session = await createSession(user.id, request);
  // updateMany does not bump the record's version: signing in is not an edit of the account.
  await db().user.updateMany({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, session };
}
