// Password hashing with argon2id (OWASP's first choice). OWASP's minimum (19 MiB, 2 passes)
// took 9 ms here, cheap for an attacker too; 64 MiB and 3 passes (RFC 9106's second option,
// one lane) take about 55 ms on the 2-core machine, affordable for a login. A stored hash
// names its own parameters, so older hashes still verify after a change here.
import { type Algorithm, hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a megabyte "password" is a denial-of-service, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

// Algorithm.Argon2id (a const enum, which isolatedModules cannot read); also the library's default.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 64 * 1024, timeCost: 3, parallelism: 1 };

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
