// HTTP-level protections (OWASP GraphQL cheat sheet): security headers, a CORS allow-list,
// and introspection only for callers we know.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, visit } from 'graphql';
import helmet from 'helmet';
import type { Context } from '../context.js';

// MUI (the console's components) injects its styles at run time, hence 'unsafe-inline' for styles only.
const applyHelmet = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

export function setSecurityHeaders(request: IncomingMessage, response: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => applyHelmet(request, response, (error?: unknown) => (error ? reject(error) : resolve())));
}

/**
 * Adds CORS headers for an allowed origin. Returns true when the request was a preflight
 * that has been answered.
 */
export function handleCors(request: IncomingMessage, response: ServerResponse, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  response.setHeader('vary', 'Origin');
  if (!origin || !allowed.includes(origin)) {
    if (request.method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return true;
    }
    return false;
  }
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('access-control-allow-credentials', 'true');
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
      'access-control-max-age': '600',
    });
    response.end();
    return true;
  }
  return false;
}

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Introspection for signed-in users and tokens only; the console ships its own build-time copy. */
export const introspectionForKnownCallers: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document }) {
        if (contextValue.identity.kind === 'anonymous' && asksForSchema(document)) {
          throw new GraphQLError('Het schema opvragen kan alleen na inloggen of met een API-sleutel; het staat ook in schema.graphql. | Introspection needs a session or a token.', {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    };
  },
};
