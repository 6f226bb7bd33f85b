// HTTP-level protections (OWASP GraphQL cheat sheet): security headers, a CORS allow-list,
// and introspection only for callers we know.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  getArgumentValues,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import helmet from 'helmet';
import type { Context } from '../context.js';
import { apiError } from '../api-error.js';
import { badUserInput } from '../crud/errors.js';

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
  return new Promise((resolve, reject) =>
    applyHelmet(request, response, (error?: unknown) => (error ? reject(error) : resolve())),
  );
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
          throw apiError(
            'FORBIDDEN',
            'Het schema opvragen kan alleen na inloggen of met een API-sleutel; het staat ook in schema.graphql.',
            'Introspection needs a session or a token; the schema is also in schema.graphql.',
            { http: { status: 403 } },
          );
        }
      },
    };
  },
};

/** The path (e.g. `filter.q`, `input.title`) of the first text in `value` holding a NUL character. */
function nullCharacterAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nullCharacterAt(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nullCharacterAt(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

function argumentWithNullCharacter(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): string | undefined {
  const typeInfo = new TypeInfo(schema);
  let found: string | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const definition = typeInfo.getFieldDef();
        if (found || !definition || !node.arguments?.length) return;
        try {
          found = nullCharacterAt(getArgumentValues(definition, node, variables), '');
        } catch {
          // A value that does not coerce is reported by execution itself.
        }
      },
    }),
  );
  return found;
}

/**
 * PostgreSQL cannot store a NUL character in text, so such input would fail as an internal
 * error (and fill the error log). Every text argument of every field, written inline or passed
 * as a variable, is checked here once, before anything runs: one rule for the generic API and
 * every domain mutation alike.
 */
export const refuseNullCharacters: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }) {
        const field = argumentWithNullCharacter(schema, document, request.variables ?? {});
        if (!field) return;
        const error = badUserInput([
          {
            field,
            reason: 'null_character',
            message: 'bevat een nulteken (\\u0000); dat is niet toegestaan.',
            messageEn: 'contains a null character (\\u0000), which is not allowed.',
          },
        ]);
        error.extensions.http = { status: 400 };
        throw error;
      },
    };
  },
};
