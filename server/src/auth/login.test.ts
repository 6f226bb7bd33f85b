// Throttling repeated failed logins, per account and per address, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, startHarness } from '../test/harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ seed: false });
});
afterAll(() => harness.close());

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }';
const fail = (email: string) => harness.gql(LOGIN, { email, password: 'fout-wachtwoord-123' });

describe('login throttling', () => {
  it('after 5 failures for one account, refuses even the right password, saying when to retry', async () => {
    const client = await harness.createUser();
    const { email, password } = client.user;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await fail(email)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const refused = await harness.gql(LOGIN, { email, password });
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(error?.message).toMatch(/^Te veel mislukte inlogpogingen\. Probeer het over 15 minuten opnieuw \(om \d\d:\d\d\)\.$/);
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(error?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // A refused attempt is not counted, so it does not push the retry time further away.
    expect(await db().loginAttempt.count({ where: { email } })).toBe(6); // createUser's login + 5 failures

    // Once the oldest failure leaves the 15-minute window, the right password works again.
    await db().loginAttempt.updateMany({ where: { email, succeeded: false }, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await harness.gql(LOGIN, { email, password })).data).toEqual({ login: { email } });
  });

  it('counts an account from its last successful login', async () => {
    const { user } = await harness.createUser();
    for (let attempt = 1; attempt <= 4; attempt++) await fail(user.email);
    await harness.login(user.email, user.password);
    for (let attempt = 1; attempt <= 4; attempt++) await fail(user.email);
    expect((await harness.gql(LOGIN, { email: user.email, password: user.password })).data).toEqual({ login: { email: user.email } });
  });

  it('after 20 failures from one address, refuses every account from it', async () => {
    const { user } = await harness.createUser();
    await db().loginAttempt.deleteMany({ where: { ip: { not: '' } } });
    for (let attempt = 0; attempt < 20; attempt++) await fail(`onbekend-${attempt}@nijmegen.nl`);
    const refused = await harness.gql(LOGIN, { email: user.email, password: user.password });
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    await db().loginAttempt.deleteMany({});
  });
});

describe('timing', () => {
  it('an unknown email takes about as long as a wrong password (both verify a hash)', async () => {
    const { user } = await harness.createUser();
    await fail('opwarmen@nijmegen.nl'); // the dummy hash is made once, on first use
    const time = async (email: string) => {
      const started = performance.now();
      await fail(email);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      known.push(await time(user.email));
      unknown.push(await time(`onbekend-${round}@nijmegen.nl`));
    }
    await db().loginAttempt.deleteMany({});
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    // Generous bounds: this guards against skipping the verification, not against jitter.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
