// Throttling failed logins over HTTP: per account from one address, per address, per account
// from everywhere; under bursts of parallel attempts and across server instances.
import * as argon2 from '@node-rs/argon2';
import { createPrismaClient } from '@welkom/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db.js';
import { type Harness, startHarness } from '../test/harness.js';
import { reserveAttempt, settleAttempt, throttleCounters } from './login.js';
import { configureSecurity } from './settings.js';

// A pass-through spy: it lets the test see which hashes a login verifies.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

// Each client address is told to the server by a trusted proxy (TRUST_PROXY=1).
const SECURITY = { trustProxyHops: 1 } as const;
const NO_RATE_LIMIT = { anonymous: 0, user: 0, token: 0 };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ seed: false, security: SECURITY });
});
afterAll(() => harness.close());
beforeEach(async () => {
  configureSecurity({ ...SECURITY, rateLimit: NO_RATE_LIMIT });
  await db().loginThrottle.deleteMany({});
});

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }';
const WRONG = 'fout-wachtwoord-123';
const attempt = (email: string, password: string, address = '198.51.100.1') =>
  harness.request(LOGIN, { email, password }, { 'x-forwarded-for': address });
const fail = (email: string, address?: string) => attempt(email, WRONG, address);
const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown }) =>
  (response.errors?.[0]?.extensions?.code as string | undefined) ?? 'SIGNED_IN';
const tally = (codes: string[]) =>
  codes.reduce<Record<string, number>>((counts, code) => {
    counts[code] = (counts[code] ?? 0) + 1;
    return counts;
  }, {});

describe('login throttling', () => {
  it('after 5 failures for one account from one address, refuses even the right password, saying when to retry', async () => {
    const client = await harness.createUser();
    const { email, password } = client.user;
    for (let count = 1; count <= 5; count++) expect(codeOf(await fail(email))).toBe('UNAUTHENTICATED');
    const refused = await attempt(email, password);
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(error?.message).toMatch(
      /^Te veel mislukte inlogpogingen\. Probeer het over 15 minuten opnieuw \(om \d\d:\d\d\)\.$/,
    );
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // A refused attempt is not counted, so it does not push the retry time further away.
    expect(await db().loginAttempt.count({ where: { email } })).toBe(6); // createUser's login + 5 failures

    // Once the window has passed, the right password works again.
    await db().loginThrottle.updateMany({ data: { windowStart: new Date(Date.now() - 16 * 60_000) } });
    expect((await attempt(email, password)).data).toEqual({ login: { email } });
  });

  it('counts an account from its last successful login', async () => {
    const { user } = await harness.createUser();
    for (let count = 1; count <= 4; count++) await fail(user.email);
    expect((await attempt(user.email, user.password)).data).toEqual({ login: { email: user.email } });
    for (let count = 1; count <= 4; count++) await fail(user.email);
    expect((await attempt(user.email, user.password)).data).toEqual({ login: { email: user.email } });
  });

  it('after 20 failures from one address, refuses every account from it', async () => {
    const { user } = await harness.createUser();
    for (let count = 0; count < 20; count++) await fail(`onbekend-${count}@nijmegen.nl`);
    const refused = await attempt(user.email, user.password);
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not affected.
    expect(codeOf(await attempt(user.email, user.password, '198.51.100.2'))).toBe('SIGNED_IN');
  });
});

describe('bursts of parallel attempts', () => {
  it('40 at once on one account: at most 5 are checked, and then the right password is refused', async () => {
    const { user } = await harness.createUser();
    const codes = (await Promise.all(Array.from({ length: 40 }, () => fail(user.email)))).map(codeOf);
    expect(tally(codes)).toEqual({ UNAUTHENTICATED: 5, TOO_MANY_ATTEMPTS: 35 });
    expect(codeOf(await attempt(user.email, user.password))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('the right password inside a burst signs in only as one of the 5 checked attempts', async () => {
    const { user } = await harness.createUser();
    const burst = Array.from({ length: 40 }, (_, index) => attempt(user.email, index === 20 ? user.password : WRONG));
    const codes = (await Promise.all(burst)).map(codeOf);
    const counts = tally(codes);
    if (codes[20] === 'SIGNED_IN') {
      // Signing in clears the account's count, so up to 5 more failures may follow it.
      expect(counts.UNAUTHENTICATED ?? 0).toBeLessThanOrEqual(9);
    } else {
      expect(codes[20]).toBe('TOO_MANY_ATTEMPTS');
      expect(counts.UNAUTHENTICATED).toBe(5);
    }
    expect(counts.TOO_MANY_ATTEMPTS).toBeGreaterThanOrEqual(30);
  });

  it('40 at once from one address on different accounts: at most 20 are checked', async () => {
    const codes = (
      await Promise.all(Array.from({ length: 40 }, (_, index) => fail(`burst-${index}@nijmegen.nl`, '198.51.100.40')))
    ).map(codeOf);
    expect(tally(codes)).toEqual({ UNAUTHENTICATED: 20, TOO_MANY_ATTEMPTS: 20 });
  });

  it('holds across server instances: two database clients reserving on the same counters', async () => {
    const other = createPrismaClient(harness.databaseUrl, { maxConnections: 5 });
    try {
      const counters = throttleCounters('gedeeld@nijmegen.nl', '198.51.100.50');
      const reservations = await Promise.all(
        Array.from({ length: 40 }, (_, index) => reserveAttempt(counters, 900, index % 2 ? other : db())),
      );
      expect(reservations.filter((reservation) => reservation.reserved)).toHaveLength(5);
      await Promise.all(reservations.filter((r) => r.reserved).map(() => settleAttempt(counters, 'failed', other)));
      const pair = await db().loginThrottle.findUniqueOrThrow({
        where: { key: 'pair:198.51.100.50 gedeeld@nijmegen.nl' },
      });
      expect(pair).toMatchObject({ failures: 5, pending: 0 });
    } finally {
      await other.$disconnect();
    }
  });
});

describe('an attacker cannot lock the owner out', () => {
  it('a burst from address A blocks A, while the owner signs in from address B', async () => {
    const { user } = await harness.createUser();
    const attacker = (await Promise.all(Array.from({ length: 40 }, () => fail(user.email, '203.0.113.66')))).map(
      codeOf,
    );
    expect(tally(attacker)).toEqual({ UNAUTHENTICATED: 5, TOO_MANY_ATTEMPTS: 35 });
    expect(codeOf(await attempt(user.email, user.password, '203.0.113.66'))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await attempt(user.email, user.password, '192.0.2.10'))).toBe('SIGNED_IN');
  });

  it('guessing one account from many addresses stops at the account-wide ceiling', async () => {
    configureSecurity({ ...SECURITY, rateLimit: NO_RATE_LIMIT, login: { maxFailuresPerAccountAnywhere: 12 } });
    const { user } = await harness.createUser();
    const codes = (
      await Promise.all(Array.from({ length: 40 }, (_, index) => fail(user.email, `203.0.113.${index % 8}`)))
    ).map(codeOf);
    expect(tally(codes).UNAUTHENTICATED).toBe(12);
    expect(codeOf(await attempt(user.email, user.password, '192.0.2.10'))).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('an unknown email address', () => {
  it('costs a password verification too (against a dummy hash) and gets the same answer as a wrong password', async () => {
    const { user } = await harness.createUser();
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    const unknown = await fail('niemand@nijmegen.nl');
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]?.[0]).toMatch(/^\$argon2id\$/);
    const known = await fail(user.email);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(unknown.errors?.[0]).toEqual(known.errors?.[0]);
  });
});
