// What a client sees of an error. Errors we raise on purpose (with a known code) pass as
// they are; anything else becomes a plain internal error, so no SQL, stack or driver text
// leaves the server outside development. The original is logged with the request id.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logger.js';
import { apiErrorBody } from '../api-error.js';
import { RETRYABLE_CODES, mapTransientDatabaseError } from '../crud/errors.js';
import { callerMaySeeDevelopmentDetail } from './caller-scope.js';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ATTEMPTS',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // the subsidy workflow (schema/subsidies.ts)
  'CEILING_EXCEEDED',
  'TRANSITION_NOT_ALLOWED',
  'FOUR_EYES_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  // overload and database faults: retry after Retry-After (http/admission.ts)
  ...RETRYABLE_CODES,
]);

// graphql-js reports a bad argument value (e.g. an unknown filter field) as
// `Field "x" is not defined by type "Y"`; extract the field so clients can point at it, and
// give the message in Dutch like every other error, graphql-js' English text as messageEn.
const UNKNOWN_FIELD = /Field "([^"]+)" is not defined by type "([^"]+)"/;
const MISSING_FIELD = /Field "([^"]+)" of required type "([^"]+)" was not provided/;

function withField(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const unknown = UNKNOWN_FIELD.exec(formatted.message);
  if (unknown) {
    return {
      ...formatted,
      message: `Onbekend veld "${unknown[1]}" in ${unknown[2]}.`,
      extensions: { ...formatted.extensions, field: unknown[1], reason: 'unknown_field', messageEn: formatted.message },
    };
  }
  const missing = MISSING_FIELD.exec(formatted.message);
  if (missing) {
    return {
      ...formatted,
      message: `Veld "${missing[1]}" is verplicht.`,
      extensions: { ...formatted.extensions, field: missing[1], reason: 'required', messageEn: formatted.message },
    };
  }
  return formatted;
}

/** What anyone may see of an error: known codes without stack or schema hints; anything else as a plain internal error. */
export function publicError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    // graphql-js suggests field names ("Did you mean …?"), which maps the schema for strangers.
    return { ...formatted, message: formatted.message.replace(/ ?Did you mean .+\?$/, ''), extensions };
  }
  return {
    ...apiErrorBody(
      'INTERNAL_SERVER_ERROR',
      'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
      'Something went wrong on our side. Try again later.',
    ),
    path: formatted.path,
    locations: formatted.locations,
  };
}

export function createFormatError(options: { development: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // Decided per request, not per server: `npm start` runs in development mode, and a caller
    // elsewhere must never see stack traces, file paths, SQL or field suggestions.
    const detail = options.development && callerMaySeeDevelopmentDetail();
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      return withField(detail ? formatted : publicError(formatted));
    }
    const transient = mapTransientDatabaseError(unwrapResolverError(error));
    if (transient) {
      options.logger.warn({ err: unwrapResolverError(error), path: formatted.path }, 'database fault');
      return {
        message: transient.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: transient.extensions,
      };
    }
    options.logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error');
    return detail ? formatted : publicError(formatted);
  };
}
