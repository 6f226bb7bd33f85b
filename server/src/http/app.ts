// The HTTP server: POST /graphql (Apollo Server), GET /health, GET /ready, and the built
// console at /. Built by a function; only main.ts listens, tests call it with port 0.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import sirv from 'sirv';
import { createDatabaseProbe } from '@welkom/db';
import { identify } from '../auth/identify.js';
import { ANONYMOUS, type Context, type CookieToSet } from '../context.js';
import { db } from '../db.js';
import type { Logger } from '../logger.js';
import { schema } from '../schema/index.js';
import { securitySettings } from '../auth/settings.js';
import { handleFiles } from './subsidy-files.js';
import { apiErrorBody } from '../api-error.js';
import { handleHsds } from './hsds.js';
import { handleKaartSite } from './kaart-site.js';
import { mapTransientDatabaseError } from '../crud/errors.js';
import { AdmissionGate, type AdmissionOptions, overloaded, retryablePlugin, sendRetryable } from './admission.js';
import { runForCaller } from './caller-scope.js';
import { createFormatError } from './format-error.js';
import { clientAddress, isLocalCaller, isSecureRequest } from './proxy.js';
import { checkRateLimit } from './rate-limit.js';
import { handleCors, introspectionForKnownCallers, refuseNullCharacters, setSecurityHeaders } from './security.js';

export interface AppOptions {
  logger: Logger;
  development: boolean;
  /** Folder of the built console; served at / when it exists. */
  consoleDir?: string;
  /** Largest request body accepted, in bytes (default 100 kB). */
  bodyLimit?: number;
  /** Other origins allowed to call /graphql from a browser. */
  corsOrigins?: readonly string[];
  /** Bounds on GraphQL requests in execution and waiting, and the deadline of a query (ms); see admission.ts. */
  admission?: Partial<AdmissionOptions> & { deadlineMs?: number };
  /** The database /ready probes on a connection of its own; without it /ready asks the pool. */
  databaseUrl?: string;
}

/** Suits 2 cores: GraphQL execution is single-threaded, so more at once only makes each slower and /health wait longer. */
export const DEFAULT_ADMISSION = { maxActive: 4, maxQueue: 32, queueTimeoutMs: 10_000, deadlineMs: 15_000 };

export interface App {
  server: Server;
  apollo: ApolloServer<Context>;
  close: () => Promise<void>;
}

class PayloadTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed when we stop reading: a destroyed request resets the connection before the 413 is read.
  for await (const chunk of request.iterator({ destroyOnReturn: false })) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function serializeCookie(cookie: CookieToSet, secure: boolean): string {
  const parts = [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${cookie.maxAge}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** Apollo Server over the schema: no batching, CSRF prevention, introspection for known callers only. */
async function startApollo(options: AppOptions, deadlineMs: number): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createFormatError({ development: options.development, logger: options.logger }),
    includeStacktraceInErrorResponses: options.development,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Introspection is on, but only for signed-in users and tokens (introspectionForKnownCallers).
    introspection: true,
    // No "did you mean …" hints that would map the schema for strangers.
    hideSchemaDetailsFromClientErrors: !options.development,
    // No cache hints are used (responses are per caller), and Apollo's default cache-control
    // plugin would otherwise wrap every field of every response.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      introspectionForKnownCallers,
      refuseNullCharacters,
      retryablePlugin(deadlineMs),
    ],
  });
  await apollo.start();
  return apollo;
}

/** The request body as JSON; answers 413 or 400 itself and returns `refused` when it is not acceptable. */
async function readGraphqlBody(
  request: IncomingMessage,
  response: ServerResponse,
  bodyLimit: number,
): Promise<{ body: unknown } | 'refused'> {
  if (request.method !== 'POST') return { body: undefined };
  try {
    const text = await readBody(request, bodyLimit);
    return { body: text ? JSON.parse(text) : undefined };
  } catch (error) {
    if (error instanceof PayloadTooLarge) {
      sendJson(
        response,
        413,
        {
          errors: [
            apiErrorBody(
              'PAYLOAD_TOO_LARGE',
              `Het verzoek is te groot (maximaal ${Math.round(bodyLimit / 1024)} kB).`,
              `The request is too large (at most ${Math.round(bodyLimit / 1024)} kB).`,
              { limit: bodyLimit },
            ),
          ],
          // The rest of the body is still on its way: close the connection after this answer
          // instead of reading it, so the client's next request goes on a fresh connection.
        },
        { connection: 'close' },
      );
    } else {
      sendJson(response, 400, {
        errors: [apiErrorBody('BAD_REQUEST', 'Het verzoek is geen geldige JSON.', 'The request is not valid JSON.')],
      });
    }
    return 'refused';
  }
}

/** Who is calling and whether they may now: the request's context, or undefined when already answered (401, 429). */
async function admitCaller(
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<Context | undefined> {
  const { trustProxyHops } = securitySettings();
  const ip = clientAddress(request, trustProxyHops);
  const identification = await identify(request, ip);
  if ('status' in identification) {
    // A refused token still counts against its address, so guessing tokens is rate-limited too.
    await checkRateLimit(ANONYMOUS, ip);
    sendJson(
      response,
      identification.status,
      {
        errors: [apiErrorBody('UNAUTHENTICATED', identification.message, identification.messageEn)],
      },
      { 'www-authenticate': 'Bearer' },
    );
    return undefined;
  }
  const limit = await checkRateLimit(identification.identity, ip);
  if (!limit.allowed) {
    sendJson(
      response,
      429,
      {
        errors: [
          apiErrorBody(
            'TOO_MANY_REQUESTS',
            `Te veel verzoeken; probeer het over ${limit.retryAfterSeconds} seconden opnieuw.`,
            `Too many requests; retry in ${limit.retryAfterSeconds} s.`,
            { retryAfterSeconds: limit.retryAfterSeconds },
          ),
        ],
      },
      { 'retry-after': String(limit.retryAfterSeconds) },
    );
    return undefined;
  }
  return {
    requestId,
    identity: identification.identity,
    ip,
    userAgent: request.headers['user-agent'],
    secure: isSecureRequest(request, trustProxyHops),
    cookies: [...(identification.cookies ?? [])],
  };
}

/** POST/GET /graphql: body, caller, then Apollo; the caller's cookies and the request id go on the answer. */
function graphqlRoute(apollo: ApolloServer<Context>, options: AppOptions, bodyLimit: number) {
  return async (request: IncomingMessage, response: ServerResponse, requestId: string) => {
    const read = await readGraphqlBody(request, response, bodyLimit);
    if (read === 'refused') return;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const context = await admitCaller(request, response, requestId);
    if (!context) return;
    const developmentDetail = options.development && isLocalCaller(request, securitySettings().trustProxyHops);
    const result = await runForCaller(developmentDetail, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body: read.body },
        context: async () => context,
      }),
    );
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.setHeader('x-request-id', requestId);
    if (context.cookies.length) {
      response.setHeader(
        'set-cookie',
        context.cookies.map((cookie) => serializeCookie(cookie, context.secure)),
      );
    }
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

/** GET /ready: the database answers (on a probe connection of its own when configured). */
function readyRoute(options: AppOptions, probe: ReturnType<typeof createDatabaseProbe> | undefined) {
  return async (response: ServerResponse) => {
    const ready = probe
      ? await probe.check()
      : await db().$queryRaw`SELECT 1`.then(
          () => true,
          () => false,
        );
    if (ready) sendJson(response, 200, { status: 'ready' });
    else {
      options.logger.warn('database not ready');
      sendJson(response, 503, { status: 'unavailable' }, { 'retry-after': '2' });
    }
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const { logger } = options;
  const bodyLimit = options.bodyLimit ?? 100 * 1024;
  const corsOrigins = options.corsOrigins ?? [];
  const admission = { ...DEFAULT_ADMISSION, ...options.admission };
  const apollo = await startApollo(options, admission.deadlineMs);
  const gate = new AdmissionGate(admission);
  const probe = options.databaseUrl ? createDatabaseProbe(options.databaseUrl) : undefined;
  const handleGraphql = graphqlRoute(apollo, options, bodyLimit);
  const handleReady = readyRoute(options, probe);
  const serveConsole =
    options.consoleDir && existsSync(options.consoleDir)
      ? sirv(options.consoleDir, { single: true, etag: true, gzip: true, dev: false })
      : undefined;

  /** Security headers first, then by path: GraphQL (behind CORS and admission), files, health, readiness, the console. */
  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    path: string | undefined,
  ) {
    await setSecurityHeaders(request, response);
    if (path === '/graphql') {
      if (handleCors(request, response, corsOrigins)) return;
      const release = await gate.enter((cancel) => response.once('close', cancel));
      if (!release) return sendRetryable(response, overloaded('busy'), requestId);
      try {
        await handleGraphql(request, response, requestId);
      } finally {
        release();
      }
    } else if (path?.startsWith('/files/')) {
      // Subsidy documents and decision letters (issue 6): raw-body upload and downloads, not GraphQL.
      await handleFiles(request, response, requestId, logger);
    } else if (path === '/hsds' || path?.startsWith('/hsds/')) {
      // The sociale kaart as HSDS 3.0 open data, and its public site (issue 14).
      await handleHsds(request, response);
    } else if (path === '/kaart' || path?.startsWith('/kaart/')) {
      await handleKaartSite(request, response);
    } else if (path === '/health') {
      sendJson(response, 200, { status: 'ok' });
    } else if (path === '/ready') {
      await handleReady(response);
    } else if (serveConsole && (request.method === 'GET' || request.method === 'HEAD')) {
      serveConsole(request, response, () => sendJson(response, 404, { error: 'Niet gevonden' }));
    } else {
      sendJson(response, 404, { error: 'Niet gevonden | Not found' });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const started = performance.now();
    const requestId = randomUUID();
    const path = (request.url ?? '/').split('?')[0];
    try {
      await route(request, response, requestId, path);
    } catch (error) {
      // The database gone or too slow before Apollo ran (signing in, rate limit, files): retryable, not internal.
      const fault = mapTransientDatabaseError(error);
      if (fault && !response.headersSent) {
        logger.warn({ err: error, requestId }, 'database fault');
        sendRetryable(response, fault, requestId);
        return;
      }
      logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'Interne fout | Internal error' });
      else response.end();
    } finally {
      logger.debug(
        {
          requestId,
          method: request.method,
          path,
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  return {
    server,
    apollo,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await probe?.close();
    },
  };
}
