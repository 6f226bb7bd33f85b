// What a resolver may know about the request: who is asking (a signed-in user, a partner's
// API token, or nobody) and the request's own facts. The database client deliberately is
// not here (it lives in db.ts).
import type { Role } from '@welkom/db';

export type Identity =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      roles: Role[];
      sessionId: string;
    }
  | {
      kind: 'token';
      tokenId: string;
      /** The token's visible prefix, for logs and the audit trail. */
      prefix: string;
      label: string;
      partnerId: string;
      scopes: string[];
    };

export interface CookieToSet {
  name: string;
  value: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

export interface Context {
  requestId: string;
  identity: Identity;
  /** Client address (the socket's, or the first X-Forwarded-For hop when TRUST_PROXY is set). */
  ip: string;
  userAgent?: string;
  /** The request came over HTTPS (directly or per X-Forwarded-Proto behind a trusted proxy). */
  secure: boolean;
  /** Cookies the HTTP layer sets on the response (login, logout). */
  cookies: CookieToSet[];
  /** A query's execution deadline (performance.now() ms), set by the HTTP layer; see field-resolution.ts. */
  deadline?: { at: number; exceeded: boolean };
}

export const ANONYMOUS: Identity = { kind: 'anonymous' };

/** How the audit trail names the actor. */
export function actorOf(identity: Identity): { actorType: string; actorId: string | null; actorLabel: string | null } {
  switch (identity.kind) {
    case 'user':
      return { actorType: 'USER', actorId: identity.userId, actorLabel: identity.email };
    case 'token':
      return { actorType: 'TOKEN', actorId: identity.tokenId, actorLabel: `${identity.label} (${identity.prefix})` };
    default:
      return { actorType: 'ANONYMOUS', actorId: null, actorLabel: null };
  }
}
