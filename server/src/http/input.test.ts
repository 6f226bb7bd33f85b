// Hostile input over HTTP: NUL characters in text, an oversized body on a kept-alive
// connection, and how much an error tells a caller in development mode.
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSecurity } from '../auth/settings.js';
import { type Harness, startHarness } from '../test/harness.js';

let api: Harness;
beforeAll(async () => {
  api = await startHarness({ seed: false, development: true });
});
afterAll(() => api?.close());

describe('a NUL character in text', () => {
  it('is refused as BAD_USER_INPUT naming the field: in a filter, written inline or as a variable', async () => {
    const inline = await api.gql(`{ actions(filter: { q: "water\\u0000" }) { totalCount } }`);
    expect(inline.status).toBe(400);
    expect(inline.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.q',
      reason: 'null_character',
    });
    const variable = await api.gql(`query ($f: ActionFilter) { actions(filter: $f) { totalCount } }`, {
      f: { AND: [{ title: { contains: 'a\u0000b' } }] },
    });
    expect(variable.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.AND.0.title.contains',
    });
    expect(variable.errors?.[0]?.message).toMatch(/^filter\.AND\.0\.title\.contains: bevat een nulteken/);
  });

  it('is refused in a create and in a domain mutation, and nothing is written', async () => {
    const admin = await api.createUser({ roles: ['ADMIN'] });
    const created = await admin.gql(`mutation ($name: String!) { createPartner(input: { name: $name }) { id } }`, {
      name: 'Stichting\u0000X',
    });
    expect(created.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(created.data?.createPartner ?? null).toBeNull();

    const partner = await admin.gql<{ createPartner: { id: string } }>(
      `mutation { createPartner(input: { name: "Stichting Y" }) { id } }`,
    );
    const issued = await admin.gql(
      `mutation ($input: ApiTokenIssueInput!) { issueApiToken(input: $input) { secret } }`,
      {
        input: {
          partnerId: partner.data!.createPartner.id,
          label: 'koppeling\u0000',
          scopes: ['register:read'],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    );
    expect(issued.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.label' });
    expect((await admin.gql(`{ partners(filter: { q: "Stichting" }) { totalCount } }`)).data?.partners.totalCount).toBe(
      1,
    );
  });

  it('is refused in the login', async () => {
    const result = await api.gql(`mutation { login(email: "a\\u0000@b.nl", password: "x") { email } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

describe('a body over the limit', () => {
  it('gets 413 and does not spoil the kept-alive connection for the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
          `${api.url}/graphql`,
          { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    try {
      const large = await send(
        JSON.stringify({ query: '{ themes { totalCount } }', variables: { x: 'x'.repeat(300 * 1024) } }),
      );
      expect(large.status).toBe(413);
      for (let attempt = 0; attempt < 3; attempt++) {
        const next = await send(JSON.stringify({ query: '{ themes { totalCount } }' }));
        expect(next.status).toBe(200);
        expect(JSON.parse(next.body)).toEqual({ data: { themes: { totalCount: 0 } } });
      }
    } finally {
      agent.destroy();
    }
  });
});

describe('development detail', () => {
  const misspelt = '{ actoins { totalCount } }';
  const badId = '{ action(id: "nope") { code } }';

  it('is shown to a caller on this machine in development mode', async () => {
    const suggestion = await api.request(misspelt);
    expect(suggestion.errors?.[0]?.message).toMatch(/Did you mean "actions/);
    const bad = await api.request(badId);
    expect(bad.errors?.[0]?.extensions?.stacktrace).toBeDefined();
  });

  it('is not shown when the request came through a proxy from elsewhere, trusted or not', async () => {
    for (const trustProxyHops of [0, 1]) {
      configureSecurity({ trustProxyHops, rateLimit: { anonymous: 0, user: 0, token: 0 } });
      const proxied: Record<string, string>[] = [
        { 'x-forwarded-for': '203.0.113.9' },
        { forwarded: 'for=203.0.113.9' },
        { 'x-real-ip': '203.0.113.9' },
      ];
      for (const headers of proxied) {
        const suggestion = await api.request(misspelt, undefined, headers);
        expect(suggestion.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(suggestion.errors?.[0]?.message).not.toMatch(/Did you mean/);
        const bad = await api.request(badId, undefined, headers);
        expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(bad.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
      }
    }
    configureSecurity({ rateLimit: { anonymous: 0, user: 0, token: 0 } });
  });

  it('is not shown on the error paths outside execution: an unknown operation name, a bad operationName, two unnamed operations', async () => {
    const remote = { 'x-forwarded-for': '203.0.113.9', 'content-type': 'application/json' };
    const bodies = [
      { query: '{ themes { totalCount } }', operationName: 'nope' },
      { query: '{ themes { totalCount } }', operationName: 123 },
      { query: '{ themes { totalCount } } { actions { totalCount } }' },
    ];
    for (const body of bodies) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: remote,
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(/stacktrace|node_modules|\/src\//);
      expect(JSON.parse(text).errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
