// Signing in and out over HTTP, the cookie, and the two expiries.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { isSecureRequest } from '../http/proxy.js';
import { type Harness, startHarness } from '../test/harness.js';
import { SESSION_COOKIE } from './sessions.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ seed: false });
});
afterAll(() => harness.close());

const ME = '{ me { id email name roles } }';
const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id email roles } }';

describe('login, me and logout', () => {
  it('signs in with email and password, sets an HttpOnly SameSite=Lax cookie, and me answers who it is', async () => {
    const { user } = await harness.createUser({ roles: ['SECRETARY'], email: 'Secretaris@Nijmegen.nl' });
    expect(user.email).toBe('secretaris@nijmegen.nl');

    const response = await harness.request(LOGIN, { email: '  SECRETARIS@nijmegen.nl ', password: user.password });
    expect(response.data?.login).toMatchObject({ email: 'secretaris@nijmegen.nl', roles: ['SECRETARY'] });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/); // plain http here

    const token = cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const me = await harness.request(ME, {}, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(me.data?.me).toMatchObject({
      email: 'secretaris@nijmegen.nl',
      name: 'Test SECRETARY',
      roles: ['SECRETARY'],
    });
  });

  it('stores only a hash of the session token, never the token itself', async () => {
    const client = await harness.createUser();
    const sessions = await db().session.findMany({ where: { user: { email: client.user.email } } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toContain(client.sessionToken);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('me is null for anonymous callers and for unknown or malformed cookies', async () => {
    expect((await harness.gql(ME)).data).toEqual({ me: null });
    const unknown = await harness.request(ME, {}, { cookie: `${SESSION_COOKIE}=${'x'.repeat(43)}` });
    expect(unknown.data).toEqual({ me: null });
    const malformed = await harness.request(ME, {}, { cookie: `${SESSION_COOKIE}=nonsense; other=1` });
    expect(malformed.data).toEqual({ me: null });
  });

  it('gives the same message for an unknown email and a wrong password', async () => {
    const { user } = await harness.createUser();
    const wrongPassword = await harness.gql(LOGIN, { email: user.email, password: 'niet-het-goede-wachtwoord' });
    const unknownEmail = await harness.gql(LOGIN, {
      email: 'niemand@nijmegen.nl',
      password: 'niet-het-goede-wachtwoord',
    });
    expect(wrongPassword.errors?.[0]?.message).toBe('E-mailadres of wachtwoord is onjuist.');
    expect(unknownEmail.errors?.[0]?.message).toBe(wrongPassword.errors?.[0]?.message);
    expect(unknownEmail.errors?.[0]?.extensions).toEqual(wrongPassword.errors?.[0]?.extensions);
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a deactivated account even with the right password', async () => {
    const client = await harness.createUser();
    await db().user.update({ where: { id: client.user.id }, data: { active: false } });
    const response = await harness.gql(LOGIN, { email: client.user.email, password: client.user.password });
    expect(response.errors?.[0]?.message).toBe('E-mailadres of wachtwoord is onjuist.');
    // ... and the session it already had no longer works.
    expect((await client.gql(ME)).data).toEqual({ me: null });
  });

  it('logout ends the session in the database and clears the cookie', async () => {
    const client = await harness.createUser();
    const response = await harness.request('mutation { logout }', {}, client.headers);
    expect(response.data).toEqual({ logout: true });
    expect(response.headers.getSetCookie().join()).toMatch(new RegExp(`${SESSION_COOKIE}=; .*Max-Age=0`));
    expect(await db().session.count({ where: { userId: client.user.id } })).toBe(0);
    // The old cookie, replayed, is worth nothing.
    expect((await client.gql(ME)).data).toEqual({ me: null });
  });
});

describe('expiry', () => {
  it('an idle session ends after the idle timeout and its row is deleted', async () => {
    const client = await harness.createUser();
    await db().session.updateMany({
      where: { userId: client.user.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect((await client.gql(ME)).data).toEqual({ me: null });
    expect(await db().session.count({ where: { userId: client.user.id } })).toBe(0);
  });

  it('a cookie that no longer opens a session is cleared in the browser', async () => {
    const client = await harness.createUser();
    await db().session.updateMany({
      where: { userId: client.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await harness.request(ME, {}, client.headers);
    expect(response.data).toEqual({ me: null });
    expect(response.headers.get('set-cookie')).toMatch(/^welkom_session=; .*Max-Age=0/);
  });

  it('an active session still ends at its absolute expiry', async () => {
    const client = await harness.createUser();
    await db().session.updateMany({
      where: { userId: client.user.id },
      data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await client.gql(ME)).data).toEqual({ me: null });
    expect(await db().session.count({ where: { userId: client.user.id } })).toBe(0);
  });

  it('use keeps a session alive, writing lastSeenAt at most once a minute', async () => {
    const client = await harness.createUser();
    const where = { userId: client.user.id };
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await db().session.updateMany({ where, data: { lastSeenAt: twoMinutesAgo } });
    await client.gql(ME);
    const touched = (await db().session.findFirstOrThrow({ where })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());

    const { count } = await harness.countStatements(() => client.gql(ME));
    expect(count).toBe(1); // the lookup only: touched less than a minute ago
    expect((await db().session.findFirstOrThrow({ where })).lastSeenAt).toEqual(touched);
  });
});

describe('the Secure attribute', () => {
  const request = (encrypted: boolean, proto?: string) =>
    ({
      socket: encrypted ? { encrypted: true } : {},
      headers: proto ? { 'x-forwarded-proto': proto } : {},
    }) as unknown as IncomingMessage;

  it('is set over TLS, and behind a trusted proxy that says https', () => {
    expect(isSecureRequest(request(true), 0)).toBe(true);
    expect(isSecureRequest(request(false, 'https'), 1)).toBe(true);
  });

  it('is not set over plain http, nor when an untrusted client claims https', () => {
    expect(isSecureRequest(request(false), 0)).toBe(false);
    expect(isSecureRequest(request(false, 'https'), 0)).toBe(false);
    expect(isSecureRequest(request(false, 'http'), 1)).toBe(false);
  });
});
