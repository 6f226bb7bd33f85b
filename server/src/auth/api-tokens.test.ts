// Partner API tokens over HTTP: issue, use, list, revoke, expire; and who may manage them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';

let harness: Harness;
let admin: SignedInClient;
let partnerId: string;
beforeAll(async () => {
  harness = await startHarness({ seed: false });
  admin = await harness.createUser({ roles: ['ADMIN'] });
  partnerId = (await db().partner.create({ data: { name: 'Vluchtelingenwerk Oost Nederland' } })).id;
});
afterAll(() => harness.close());

const ISSUE = `mutation ($input: ApiTokenIssueInput!) {
  issueApiToken(input: $input) { secret token { id prefix label scopes active partner { name } createdBy { email } } }
}`;
const LIST = `query ($partnerId: ID, $includeRevoked: Boolean) {
  apiTokens(partnerId: $partnerId, includeRevoked: $includeRevoked) { id prefix label scopes lastUsedAt expiresAt revokedAt active partner { name } createdBy { email } }
}`;
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('a token through its life', () => {
  it('is issued with its secret once, used, listed without the secret, revoked and then refused at once', async () => {
    const issued = await admin.gql(ISSUE, {
      input: { partnerId, label: 'Koppeling website', scopes: ['register:read'], expiresAt: inAMonth() },
    });
    expect(issued.errors).toBeUndefined();
    const { secret, token } = issued.data!.issueApiToken;
    expect(secret).toMatch(/^wlk_[a-z2-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${token.prefix}_`)).toBe(true);
    expect(token).toMatchObject({
      label: 'Koppeling website',
      scopes: ['register:read'],
      active: true,
      partner: { name: 'Vluchtelingenwerk Oost Nederland' },
      createdBy: { email: admin.user.email },
    });

    // Used: the partner reads the register.
    const read = await harness.request('{ themes { totalCount } }', {}, bearer(secret));
    expect(read.status).toBe(200);
    expect(read.errors).toBeUndefined();

    // Listed: prefix and last use, and nowhere the secret or its hash.
    const listed = await admin.gql(LIST, { partnerId });
    expect(listed.data!.apiTokens).toHaveLength(1);
    expect(listed.data!.apiTokens[0]).toMatchObject({ id: token.id, prefix: token.prefix, revokedAt: null });
    expect(listed.data!.apiTokens[0].lastUsedAt).not.toBeNull();
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(listed)).not.toContain(secret.slice(token.prefix.length + 1));
    expect(JSON.stringify(listed)).not.toContain(stored.secretHash);
    expect(stored.secretHash).not.toContain(secret.slice(token.prefix.length + 1));

    // Revoked: the very next request is a 401 with a Dutch message.
    const revoked = await admin.gql('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt active } }', {
      id: token.id,
    });
    expect(revoked.data!.revokeApiToken.active).toBe(false);
    const refused = await harness.request('{ themes { totalCount } }', {}, bearer(secret));
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Deze API-sleutel is ingetrokken/),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');

    // A revoked token leaves the default list, but can be asked for.
    expect((await admin.gql(LIST, { partnerId })).data!.apiTokens).toHaveLength(0);
    expect((await admin.gql(LIST, { partnerId, includeRevoked: true })).data!.apiTokens).toHaveLength(1);
  });

  it('an expired token gets 401', async () => {
    const partner = await harness.issueToken({ partnerId });
    await db().apiToken.update({ where: { id: partner.tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await harness.request('{ themes { totalCount } }', {}, partner.headers);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toMatch(/^Deze API-sleutel is verlopen/);
  });

  it('a malformed, unknown or tampered token gets 401', async () => {
    const partner = await harness.issueToken({ partnerId });
    const tampered = `${partner.token.slice(0, -1)}${partner.token.endsWith('A') ? 'B' : 'A'}`;
    for (const [authorization, message] of [
      ['Bearer nonsense', /juiste vorm/],
      ['Basic dXNlcjpwYXNz', /juiste vorm/],
      [`Bearer wlk_aaaaaaaaaa_${'x'.repeat(43)}`, /onbekend/],
      [`Bearer ${tampered}`, /onbekend/],
    ] as const) {
      const response = await harness.request('{ themes { totalCount } }', {}, { authorization });
      expect(response.status, authorization).toBe(401);
      expect(response.errors?.[0]?.message).toMatch(message);
    }
  });

  it('writes lastUsedAt at most once a minute', async () => {
    const partner = await harness.issueToken({ partnerId });
    await partner.gql('{ themes { totalCount } }');
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id: partner.tokenId } })).lastUsedAt;
    await partner.gql('{ themes { totalCount } }');
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: partner.tokenId } })).lastUsedAt).toEqual(first);
  });
});

describe('issuing checks its input', () => {
  it('an unknown scope is BAD_USER_INPUT naming the field', async () => {
    const response = await admin.gql(ISSUE, {
      input: { partnerId, label: 'x', scopes: ['register:read', 'register:write'], expiresAt: inAMonth() },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    expect(response.errors?.[0]?.message).toMatch(/register:write/);
  });

  it('an expiry in the past and an unknown partner are refused', async () => {
    const past = await admin.gql(ISSUE, {
      input: { partnerId, label: 'x', scopes: ['register:read'], expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const unknown = await admin.gql(ISSUE, {
      input: {
        partnerId: '00000000-0000-4000-8000-000000000000',
        label: 'x',
        scopes: ['register:read'],
        expiresAt: inAMonth(),
      },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partnerId' });
  });
});

describe('only administrators manage tokens', () => {
  it('refuses anonymous callers, other roles and tokens', async () => {
    const secretary = await harness.createUser({ roles: ['SECRETARY'] });
    const partner = await harness.issueToken({ partnerId });
    const input = { partnerId, label: 'x', scopes: ['register:read'], expiresAt: inAMonth() };
    expect((await harness.gql(ISSUE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await secretary.gql(ISSUE, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await partner.gql(LIST, {})).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});
