// The API's one error convention, in a module of its own below everything (builder, scalars,
// crud, http all raise errors; none of them may import the others for it).
import { GraphQLError } from 'graphql';

/**
 * The one way to raise an API error (docs/api.md, "Errors"): the Dutch text is the `message`
 * (what the console shows by default, and what the API's users read first), the English text is
 * `extensions.messageEn`, beside the `code` and any machine-readable details. Never both
 * languages in one message: a client picks one by the user's language.
 */
export function apiError(code: string, nl: string, en: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(nl, { extensions: { code, ...extensions, messageEn: en } });
}

/** The same error as JSON, for answers given outside GraphQL execution (HTTP limits, bad tokens, /files). */
export function apiErrorBody(code: string, nl: string, en: string, extensions: Record<string, unknown> = {}) {
  return { message: nl, extensions: { code, ...extensions, messageEn: en } };
}
