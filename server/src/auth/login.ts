// Signing in, with throttling: after too many failures for one account, or from one address,
// within the window, every attempt is refused until the oldest counted failure has aged out,
// even one with the right password (otherwise guessing would simply go on).
import { GraphQLError } from 'graphql';
import { db } from '../db.js';
import { removeExpiredAuthRecordsOccasionally } from './housekeeping.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { createSession, type NewSession } from './sessions.js';
import { securitySettings } from './settings.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const INVALID_CREDENTIALS = 'E-mailadres of wachtwoord is onjuist.';

export interface SignedIn {
  user: { id: string; email: string; name: string; roles: string[] };
  session: NewSession;
}

/**
 * When the next attempt may be made, in seconds from now, or 0 when it may be made now.
 * The failures that count for an account are those since its last successful login; for an
 * address all of them (a success of one's own account must not open the door for guessing others).
 */
export async function throttledFor(email: string, ip: string, now = new Date()): Promise<number> {
  const { windowSeconds, maxFailuresPerAccount, maxFailuresPerAddress } = securitySettings().login;
  const since = new Date(now.getTime() - windowSeconds * 1000);
  const lastSuccess = await db().loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gte: since } },
    orderBy: { at: 'desc' },
    select: { at: true },
  });
  // The limit-th most recent failure: once it leaves the window, fewer than the limit remain.
  const [byAccount, byAddress] = await Promise.all([
    db().loginAttempt.findFirst({
      where: { email, succeeded: false, at: { gte: lastSuccess && lastSuccess.at > since ? lastSuccess.at : since } },
      orderBy: { at: 'desc' },
      skip: maxFailuresPerAccount - 1,
      select: { at: true },
    }),
    db().loginAttempt.findFirst({
      where: { ip, succeeded: false, at: { gte: since } },
      orderBy: { at: 'desc' },
      skip: maxFailuresPerAddress - 1,
      select: { at: true },
    }),
  ]);
  const until = Math.max(byAccount?.at.getTime() ?? 0, byAddress?.at.getTime() ?? 0) + windowSeconds * 1000;
  return byAccount || byAddress ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0;
}

export function tooManyAttempts(retryAfterSeconds: number, now = new Date()): GraphQLError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const at = new Date(now.getTime() + retryAfterSeconds * 1000).toLocaleTimeString('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });
  return new GraphQLError(
    `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw (om ${at}).`,
    {
      extensions: {
        code: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds,
        messageEn: `Too many failed login attempts. Try again in ${minutes} minute(s).`,
      },
    },
  );
}

function invalidCredentials(): GraphQLError {
  return new GraphQLError(INVALID_CREDENTIALS, {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: 'invalid_credentials',
      messageEn: 'Email address or password is incorrect.',
    },
  });
}

export async function login(
  rawEmail: string,
  password: string,
  request: { ip: string; userAgent?: string },
): Promise<SignedIn> {
  const email = normaliseEmail(rawEmail).slice(0, 320);
  removeExpiredAuthRecordsOccasionally(db());
  const retryAfter = await throttledFor(email, request.ip);
  // A refused attempt is not recorded: it was never checked, and must not extend the wait.
  if (retryAfter > 0) throw tooManyAttempts(retryAfter);

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, roles: true, active: true, passwordHash: true },
  });
  // An unknown address costs a verification too, and gets the same answer as a wrong password.
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyNothing(password);
  const succeeded = Boolean(user && valid && user.active);
  await db().loginAttempt.create({ data: { email, ip: request.ip, succeeded } });
  if (!succeeded || !user) throw invalidCredentials();

  const session = await createSession(user.id, request);
  // updateMany does not bump the record's version: signing in is not an edit of the account.
  await db().user.updateMany({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, session };
}
