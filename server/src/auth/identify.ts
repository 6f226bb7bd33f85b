// Who is asking: a bearer token, a session cookie, or nobody. A bad token is refused at once
// (a partner must notice); a stale or unknown cookie just means anonymous (a browser simply
// signs in again).
import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { ANONYMOUS, type CookieToSet, type Identity } from '../context.js';
import { identifyBearer } from './api-tokens.js';
import { SESSION_COOKIE, clearSessionCookie, identifySession } from './sessions.js';

export type Identification =
  | {
      identity: Identity /** Cookies to send back, e.g. clearing one that no longer opens a session. */;
      cookies?: CookieToSet[];
    }
  | { status: 401; message: string; messageEn: string };

export async function identify(request: IncomingMessage, _ip: string): Promise<Identification> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const check = await identifyBearer(authorization);
    return 'refused' in check ? { status: 401, message: check.refused.nl, messageEn: check.refused.en } : check;
  }
  const token = sessionCookieOf(request);
  if (token) {
    const identity = await identifySession(token);
    if (identity) return { identity };
    // Expired or ended: tell the browser to forget it, so it stops sending a dead cookie.
    return { identity: ANONYMOUS, cookies: [clearSessionCookie()] };
  }
  return { identity: ANONYMOUS };
}

export function sessionCookieOf(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const value = parseCookie(header)[SESSION_COOKIE];
  // Our tokens are 43 base64url characters; anything else cannot match and costs no query.
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}
