// A plain GraphQL request for the hand-written screens (history, panel): the session cookie
// goes along, and the answer keeps both data and errors, because a field the user may not
// read comes back null beside its error while the rest of the answer is good.
import { localizedMessage } from './errors';

export interface GraphQLAnswer<T> {
  data: T | null;
  errors: { message: string; extensions?: { code?: string; field?: string; messageEn?: string; [key: string]: unknown } }[];
}

export async function requestGraphQL<T>(query: string, variables: Record<string, unknown> = {}, uri = '/graphql'): Promise<GraphQLAnswer<T>> {
  const response = await fetch(uri, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLAnswer<T>['errors'] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** An operation the API refused: its first error's message, code and extensions. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The data, or a GraphQLRequestError with the first message (and its code) when the operation failed. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await requestGraphQL<T>(query, variables);
  if (answer.errors.length) {
    const [first] = answer.errors;
    throw new GraphQLRequestError(localizedMessage(first!), first!.extensions?.code, first!.extensions ?? {});
  }
  return answer.data as T;
}
