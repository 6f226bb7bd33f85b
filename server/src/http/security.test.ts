// The API's defences, seen from outside: limits, CSRF, CORS, headers, introspection and
// what errors reveal. Over HTTP against a real server and database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.js';

let api: Harness;
beforeAll(async () => {
  api = await startHarness({ corsOrigins: ['https://partner.example.org'] });
});
afterAll(() => api?.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('request limits', () => {
  it('refuses a body over 100 kB with 413 and changes nothing', async () => {
    const before = await api.gql(`{ themes { nodes { name version } } }`);
    const response = await post(
      JSON.stringify({
        query: `mutation ($n: String) { createTheme(input: { number: 8, name: $n }) { id } }`,
        variables: { n: 'x'.repeat(100 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(await api.gql(`{ themes { nodes { name version } } }`)).toEqual(before);
  });

  it('refuses a query nested too deep', async () => {
    // Depth 11 over few lists, so the depth limit (10) trips before the complexity limit.
    const deep = `{ dataQualityNotes { nodes { action { goal { section { theme { sections { goals { section { theme { name } } } } } } } } } } }`;
    const result = await api.gql(deep);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth' });
    expect(result.errors?.[0]?.message).toMatch(/te diep genest/);
  });

  it('refuses too many fields or aliases', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: themes { totalCount }`).join(' ');
    const result = await api.gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'breadth' });
  });

  it('refuses a query too heavy to answer', async () => {
    const heavy = `{ themes { nodes { sections { goals { actions { partners { actions { code } } } } } } } }`;
    const result = await api.gql(heavy);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'complexity' });
  });

  it('does not accept batched operations', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ themes { totalCount } }' }, { query: '{ themes { totalCount } }' }]),
    );
    expect(response.status).toBe(400);
  });
});

describe('cross-site requests', () => {
  it('refuses a GET operation without a preflight-forcing header (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ themes { totalCount } }')}`);
    expect(response.status).toBe(400);
  });

  it('allows only configured origins', async () => {
    const allowed = await post(JSON.stringify({ query: '{ themes { totalCount } }' }), {
      origin: 'https://partner.example.org',
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await post(JSON.stringify({ query: '{ themes { totalCount } }' }), {
      origin: 'https://evil.example.com',
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('headers', () => {
  it('sends security headers', async () => {
    const response = await post(JSON.stringify({ query: '{ themes { totalCount } }' }));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('what strangers learn', () => {
  it('refuses introspection to anonymous callers', async () => {
    const result = await api.gql(`{ __schema { types { name } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const typeQuery = await api.gql(`{ __type(name: "Action") { name } }`);
    expect(typeQuery.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // __typename is not introspection and stays available.
    expect((await api.gql(`{ themes { __typename } }`)).data?.themes.__typename).toBe('ThemeConnection');
  });

  it('allows introspection to signed-in users and partner tokens', async () => {
    const viewer = await api.createUser({ roles: ['VIEWER'] });
    const partner = await api.issueToken({ scopes: ['register:read'] });
    for (const client of [viewer, partner]) {
      const result = await client.gql(`{ __schema { queryType { name } } }`);
      expect(result.data?.__schema.queryType.name).toBe('Query');
    }
  });

  it('gives no "did you mean" hints outside development', async () => {
    const result = await api.gql(`{ themes { nodes { nam } } }`);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('hides field values anonymous visitors may not read, and refuses to filter or sort by them', async () => {
    const read = await api.gql(`{ actions(limit: 1) { nodes { code owner } } }`);
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const filtered = await api.gql(`{ actions(filter: { notes: { contains: "a" } }) { totalCount } }`);
    expect(filtered.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.notes' });
    const sorted = await api.gql(`{ actions(orderBy: [{ field: owner }]) { totalCount } }`);
    expect(sorted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses writes to anonymous callers', async () => {
    const result = await api.gql(`mutation { createTheme(input: { number: 7, name: "x" }) { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(`{ themes(filter: { number: { eq: 7 } }) { totalCount } }`)).data?.themes.totalCount).toBe(0);
  });
});

describe('errors in Dutch, with English beside them', () => {
  // One convention (docs/api.md, Errors): the Dutch text in `message`, the English in
  // `extensions.messageEn`; never both languages in one message.
  type ApiError = { message: string; extensions?: Record<string, unknown> };
  const expectBilingual = (error: ApiError | undefined) => {
    expect(error?.message).toBeTruthy();
    expect(error?.message).not.toContain(' | ');
    expect(error?.extensions?.messageEn).toEqual(expect.any(String));
    expect(error?.extensions?.messageEn).not.toContain(' | ');
  };

  it('refuses access in Dutch with the English text in messageEn', async () => {
    const write = await api.gql(`mutation { createTheme(input: { number: 7, name: "x" }) { id } }`);
    expect(write.errors?.[0]).toMatchObject({
      message: 'Log in om dit te zien of te doen.',
      extensions: { code: 'UNAUTHENTICATED', messageEn: 'Sign in to see or do this.' },
    });
    const filtered = await api.gql(`{ actions(filter: { notes: { contains: "a" } }) { totalCount } }`);
    expect(filtered.errors?.[0]).toMatchObject({
      message: 'U mag niet filteren of sorteren op notes.',
      extensions: { code: 'FORBIDDEN', messageEn: 'You may not filter or sort by notes.' },
    });
    expectBilingual((await api.gql(`{ __schema { types { name } } }`)).errors?.[0]);
  });

  it("turns graphql-js' English validation of an unknown field into Dutch, keeping the English as messageEn", async () => {
    const result = await api.gql(`{ themes(filter: { colour: { eq: "x" } }) { totalCount } }`);
    expect(result.errors?.[0]).toMatchObject({
      message: 'Onbekend veld "colour" in ThemeFilter.',
      extensions: { field: 'colour', reason: 'unknown_field' },
    });
    expect(result.errors?.[0]?.extensions?.messageEn).toMatch(/^Field "colour" is not defined by type "ThemeFilter"/);
  });

  it('answers a bad date, a too deep query and a malformed token the same way', async () => {
    expectBilingual(
      (await api.gql(`{ actions(filter: { startDate: { gte: "2025-13-45" } }) { totalCount } }`)).errors?.[0],
    );
    const deep = `{ dataQualityNotes { nodes { action { goal { section { theme { sections { goals { section { theme { name } } } } } } } } } } }`;
    expectBilingual((await api.gql(deep)).errors?.[0]);
    const response = await post(JSON.stringify({ query: '{ themes { totalCount } }' }), {
      authorization: 'Bearer nope',
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: ApiError[] };
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(body.errors[0]?.message).toMatch(/^De API-sleutel heeft niet de juiste vorm/);
    expectBilingual(body.errors[0]);
  });
});
