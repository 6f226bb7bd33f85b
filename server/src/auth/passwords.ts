// Password hashing with argon2id (OWASP's first choice). The library's defaults are OWASP's
// minimum parameters (19 MiB memory, 2 iterations, 1 lane); a hash takes tens of milliseconds.
import { type Algorithm, hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a megabyte "password" is a denial-of-service, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

// Algorithm.Argon2id (a const enum, which isolatedModules cannot read); also the library's default.
const OPTIONS = { algorithm: 2 as Algorithm };

/** Why a new password is not acceptable, or undefined when it is. */
export function passwordProblem(password: string): { message: string; messageEn: string; reason: string } | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      reason: 'too_short',
      message: `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`,
      messageEn: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return {
      reason: 'too_long',
      message: `Het wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens lang zijn.`,
      messageEn: `The password may be at most ${MAX_PASSWORD_LENGTH} characters long.`,
    };
  }
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real verification takes, for logins with an unknown email address, so
 * the response time does not tell which addresses have an account.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('welkom-timing-equaliser-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
