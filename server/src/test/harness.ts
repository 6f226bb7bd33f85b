// A real Welkom for tests: its own PostgreSQL database (from @welkom/db/testing), the
// programme data loaded from the document, and the HTTP server on a free port.
// Every SQL statement is counted so tests can keep N+1 out.
import type { CreatePrismaClientOptions, Role } from '@welkom/db';
import { createTestDatabase } from '@welkom/db/testing';
import { loadProgrammeFromDocument } from '@welkom/seeds';
import { createAccount } from '../accounts/accounts.js';
import { type TokenScope, issueToken } from '../auth/api-tokens.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { type SecuritySettings, configureSecurity } from '../auth/settings.js';
import { connectDatabase, db, disconnectDatabase } from '../db.js';
import { type App, type AppOptions, createApp } from '../http/app.js';
import { createLogger } from '../logger.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export type Gql = <T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<T>>;

/** A GraphQL response with the HTTP details that security tests look at. */
export interface RawResponse<T = Record<string, any>> extends GraphQLResponse<T> {
  headers: Headers;
}

/** A caller with credentials: a signed-in user (cookie) or a partner (bearer token). */
export interface Client {
  gql: Gql;
  /** Extra request headers this client sends (cookie or authorization). */
  headers: Record<string, string>;
}

export interface SignedInClient extends Client {
  user: { id: string; email: string; password: string; roles: Role[] };
  /** The session token from the cookie. */
  sessionToken: string;
}

export interface TokenClient extends Client {
  tokenId: string;
  /** The whole bearer token. */
  token: string;
}

export interface Harness {
  url: string;
  /** This test file's own database. */
  databaseUrl: string;
  /** Sends one GraphQL operation over HTTP, anonymously. */
  gql: Gql;
  /** Sends one GraphQL operation with the given headers, returning the response headers too. */
  request: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Promise<RawResponse<T>>;
  /** Signs in over HTTP; throws when the login is refused. */
  login: (email: string, password: string) => Promise<SignedInClient>;
  /** A new account with these roles, signed in. */
  createUser: (options?: {
    roles?: Role[];
    email?: string;
    name?: string;
    password?: string;
  }) => Promise<SignedInClient>;
  /** A new partner API token (for the first partner unless one is named). */
  issueToken: (options?: {
    scopes?: TokenScope[];
    partnerId?: string;
    label?: string;
    expiresAt?: Date;
  }) => Promise<TokenClient>;
  /** Runs `work` and returns how many SQL statements it caused. */
  countStatements: (work: () => Promise<unknown>) => Promise<{ count: number; statements: string[] }>;
  close: () => Promise<void>;
}

export async function startHarness(
  options: {
    seed?: boolean;
    development?: boolean;
    corsOrigins?: string[];
    /** Security settings for this file; rate limits are off unless given, so ordinary tests are not throttled. */
    security?: Parameters<typeof configureSecurity>[0];
    /** Admission control of this server (http/admission.ts); generous bounds otherwise. */
    admission?: AppOptions['admission'];
    /** Pool and timeout settings of the server's database client. */
    pool?: Omit<CreatePrismaClientOptions, 'onQuery'>;
    /** A migrated database of the test's own (e.g. on a server it kills) instead of a fresh one; left in place at close. */
    databaseUrl?: string;
  } = {},
): Promise<Harness> {
  const noRateLimit: Partial<SecuritySettings['rateLimit']> = { anonymous: 0, user: 0, token: 0 };
  configureSecurity({ ...options.security, rateLimit: { ...noRateLimit, ...options.security?.rateLimit } });
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase().then(async (created) => {
        await created.prisma.$disconnect();
        return created;
      });
  let recording: string[] | undefined;
  connectDatabase(database.url, { ...options.pool, onQuery: (sql) => recording?.push(sql) });
  if (options.seed !== false) await loadProgrammeFromDocument(db());
  const app: App = await createApp({
    logger: createLogger('silent'),
    development: options.development ?? false,
    corsOrigins: options.corsOrigins,
    // Rule tests send bursts (40-100 at once) that must reach the database together, not be
    // refused as overload; the admission tests set their own bounds.
    admission: { maxActive: 100, maxQueue: 1_000, ...options.admission },
    databaseUrl: database.url,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const request = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status, headers: response.headers } as RawResponse<T>;
  };
  const clientWith = (headers: Record<string, string>): Client => ({
    headers,
    gql: async (query, variables) => {
      const { headers: _headers, ...rest } = await request(query, variables, headers);
      return rest as never;
    },
  });
  let accounts = 0;

  const login = async (email: string, password: string): Promise<SignedInClient> => {
    const response = await request<{ login: { id: string; email: string; roles: Role[] } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id email roles } }',
      { email, password },
    );
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
    if (!response.data?.login || !cookie) throw new Error(`login failed: ${JSON.stringify(response.errors)}`);
    const sessionToken = decodeURIComponent(cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1));
    return {
      ...clientWith({ cookie: `${SESSION_COOKIE}=${sessionToken}` }),
      user: { ...response.data.login, password },
      sessionToken,
    };
  };

  return {
    url,
    databaseUrl: database.url,
    gql: async (query, variables) => {
      const { headers: _headers, ...rest } = await request(query, variables);
      return rest as never;
    },
    request,
    login,
    createUser: async (options = {}) => {
      accounts++;
      const password = options.password ?? 'een-lang-testwachtwoord';
      const roles = options.roles ?? ['VIEWER'];
      const email =
        options.email ?? `${roles.join('-').toLowerCase() || 'geen-rol'}-${accounts}-${Date.now()}@test.nijmegen.nl`;
      await createAccount(db(), { email, name: options.name ?? `Test ${roles.join(' ')}`, roles, password });
      return login(email, password);
    },
    issueToken: async (options = {}) => {
      const partnerId =
        options.partnerId ??
        (await db().partner.findFirst({ orderBy: { name: 'asc' }, select: { id: true } }))?.id ??
        (await db().partner.create({ data: { name: `Testpartner ${Date.now()}` }, select: { id: true } })).id;
      const issued = await issueToken({
        partnerId,
        label: options.label ?? 'test',
        scopes: options.scopes ?? ['register:read'],
        expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
        createdById: null,
      });
      return { ...clientWith({ authorization: `Bearer ${issued.token}` }), tokenId: issued.id, token: issued.token };
    },
    countStatements: async (work) => {
      recording = [];
      try {
        await work();
        // Query events are emitted asynchronously; let them drain.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { count: recording.length, statements: recording };
      } finally {
        recording = undefined;
      }
    },
    close: async () => {
      await app.close();
      await disconnectDatabase();
      await database.drop();
    },
  };
}
