// Partner API tokens: `Authorization: Bearer wlk_<prefix>_<secret>`. Found by their prefix,
// checked by the SHA-256 of the secret in constant time; a revoked or expired token is refused
// on its very next request, because every request reads the row.
import type { Prisma } from '@welkom/db';
import type { Identity } from '../context.js';
import { db } from '../db.js';
import { formatToken, newTokenPrefix, newTokenSecret, parseToken, sameDigest, tokenSecretHash } from './secrets.js';

export const TOKEN_SCOPES = ['register:read', 'subsidies:own', 'progress:write', 'kaart:own'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const isTokenScope = (scope: string): scope is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(scope);

/** lastUsedAt is written at most this often per token. */
const TOUCH_INTERVAL_MS = 60_000;

export type TokenCheck = { identity: Identity } | { refused: { nl: string; en: string } };

const TOKEN_REFUSALS = {
  malformed: {
    nl: 'De API-sleutel heeft niet de juiste vorm (verwacht: "Authorization: Bearer wlk_…").',
    en: 'The API token is malformed (expected: "Authorization: Bearer wlk_…").',
  },
  unknown: { nl: 'Deze API-sleutel is onbekend.', en: 'Unknown API token.' },
  revoked: {
    nl: 'Deze API-sleutel is ingetrokken. Vraag de gemeente om een nieuwe.',
    en: 'This API token has been revoked. Ask the municipality for a new one.',
  },
  expired: {
    nl: 'Deze API-sleutel is verlopen. Vraag de gemeente om een nieuwe.',
    en: 'This API token has expired. Ask the municipality for a new one.',
  },
} as const;

/** Checks the value of an Authorization header. */
export async function identifyBearer(header: string): Promise<TokenCheck> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const parsed = match ? parseToken(match[1]!) : undefined;
  if (!parsed) return { refused: TOKEN_REFUSALS.malformed };
  const token = await db().apiToken.findUnique({
    where: { prefix: parsed.prefix },
    select: {
      id: true,
      prefix: true,
      label: true,
      partnerId: true,
      scopes: true,
      secretHash: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  // Hash even for an unknown prefix, so the two cases take the same time.
  const presented = tokenSecretHash(parsed.secret);
  if (!token || !sameDigest(presented, token.secretHash)) return { refused: TOKEN_REFUSALS.unknown };
  const now = new Date();
  if (token.revokedAt) return { refused: TOKEN_REFUSALS.revoked };
  if (token.expiresAt.getTime() <= now.getTime()) return { refused: TOKEN_REFUSALS.expired };
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    // updateMany with the same condition: of two simultaneous requests at most one writes.
    await db().apiToken.updateMany({
      where: {
        id: token.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return {
    identity: {
      kind: 'token',
      tokenId: token.id,
      prefix: token.prefix,
      label: token.label,
      partnerId: token.partnerId,
      scopes: token.scopes,
    },
  };
}

export interface IssueTokenInput {
  partnerId: string;
  label: string;
  scopes: TokenScope[];
  expiresAt: Date;
  createdById: string | null;
}

/** Creates a token; the returned secret exists nowhere else afterwards. */
export async function issueToken(
  input: IssueTokenInput,
  prisma: Prisma.TransactionClient = db(),
): Promise<{ id: string; token: string }> {
  const secret = newTokenSecret();
  // 50 random bits of prefix: a clash is a unique violation we accept never to see.
  const prefix = newTokenPrefix();
  const created = await prisma.apiToken.create({
    data: {
      prefix,
      secretHash: tokenSecretHash(secret),
      label: input.label,
      scopes: input.scopes,
      partnerId: input.partnerId,
      expiresAt: input.expiresAt,
      createdById: input.createdById,
    },
    select: { id: true },
  });
  return { id: created.id, token: formatToken(prefix, secret) };
}
