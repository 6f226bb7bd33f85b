// Random secrets and how they are stored. Only hashes reach the database: sessions are hashed
// with an HMAC keyed by SESSION_SECRET (a copy of the database alone opens no session); API
// token secrets are 256 random bits, so a plain SHA-256 suffices and rotating SESSION_SECRET
// does not break the partners' tokens.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenHash(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

const PREFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: prefixes are read aloud

/** `wlk_<10 characters>`: the visible, unique part of a token, kept in clear to find it. */
export function newTokenPrefix(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const byte of bytes) id += PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length];
  return `wlk_${id}`;
}

export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenSecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The whole token as the partner sends it: `wlk_<prefix>_<secret>`. */
export function formatToken(prefix: string, secret: string): string {
  return `${prefix}_${secret}`;
}

const TOKEN_FORM = /^(wlk_[a-z2-9]{10})_([A-Za-z0-9_-]{43})$/;

export function parseToken(token: string): { prefix: string; secret: string } | undefined {
  const match = TOKEN_FORM.exec(token);
  return match ? { prefix: match[1]!, secret: match[2]! } : undefined;
}

/** Compares two hex digests without leaking, through timing, how much of them matched. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
