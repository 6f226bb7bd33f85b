// Browser sessions: an opaque random token in the `welkom_session` cookie, its HMAC in the
// Session table (shared by every server instance), an idle and an absolute expiry.
import type { Prisma } from '@welkom/db';
import type { CookieToSet, Identity } from '../context.js';
import { db } from '../db.js';
import { newSessionToken, sessionTokenHash } from './secrets.js';
import { securitySettings } from './settings.js';

export const SESSION_COOKIE = 'welkom_session';

/** lastSeenAt is refreshed at most this often, so a busy console does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  id: string;
  cookie: CookieToSet;
}

export async function createSession(userId: string, request: { ip: string; userAgent?: string }): Promise<NewSession> {
  const settings = securitySettings();
  const token = newSessionToken();
  const session = await db().session.create({
    data: {
      tokenHash: sessionTokenHash(token, settings.sessionSecret),
      userId,
      expiresAt: new Date(Date.now() + settings.sessionAbsoluteSeconds * 1000),
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 500),
    },
    select: { id: true },
  });
  // The cookie lives as long as the session can; idle expiry is the server's to enforce.
  return { id: session.id, cookie: { name: SESSION_COOKIE, value: token, maxAge: settings.sessionAbsoluteSeconds } };
}

export const clearSessionCookie = (): CookieToSet => ({ name: SESSION_COOKIE, value: '', maxAge: 0 });

/** Why a session is no longer valid, or undefined while it is. */
export function sessionExpiry(
  session: { lastSeenAt: Date; expiresAt: Date },
  now: Date,
  idleSeconds: number,
): 'absolute' | 'idle' | undefined {
  if (session.expiresAt.getTime() <= now.getTime()) return 'absolute';
  if (session.lastSeenAt.getTime() + idleSeconds * 1000 <= now.getTime()) return 'idle';
  return undefined;
}

/** The signed-in user of a session cookie, or undefined (unknown, expired or deactivated: the row is then deleted). */
export async function identifySession(token: string): Promise<Identity | undefined> {
  const settings = securitySettings();
  const session = await db().session.findUnique({
    where: { tokenHash: sessionTokenHash(token, settings.sessionSecret) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, roles: true, active: true } },
    },
  });
  if (!session) return undefined;
  const now = new Date();
  if (sessionExpiry(session, now, settings.sessionIdleSeconds) || !session.user.active) {
    await db().session.deleteMany({ where: { id: session.id } });
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    sessionId: session.id,
  };
}

export async function endSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

/** Signs a user out everywhere (deactivation, password change), optionally sparing one session. */
export async function endSessionsOfUser(
  userId: string,
  except?: string,
  prisma: Prisma.TransactionClient = db(),
): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: { userId, ...(except ? { id: { not: except } } : {}) },
  });
  return count;
}
