// The data provider's own GraphQL requests, for its custom methods (domain operations and the
// hand-written screens' views): the session cookie goes along, and a refused operation becomes
// the same HttpError as a refused getList or update (message in the chosen language, code and
// details in `body`), so screens handle both alike.
import { requestGraphQL } from './graphql';
import { translateError } from './errors';

export type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createRequest(uri = '/graphql'): Request {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const answer = await requestGraphQL<T>(query, variables, uri);
    if (answer.errors.length) throw translateError({ body: { graphQLErrors: answer.errors } });
    return answer.data as T;
  };
}

/** What an HttpError carries in `body`: the API's code and details. */
export const errorBody = (error: unknown) =>
  ((error as { body?: Record<string, unknown> })?.body ?? {}) as {
    code?: string;
    reason?: string;
    allowed?: string[];
    [key: string]: unknown;
  };
