// A plain GraphQL request (the data provider's custom methods, the record history): the session cookie
// goes along, and the answer keeps both data and errors, because a field the user may not
// read comes back null beside its error while the rest of the answer is good.

export interface GraphQLAnswer<T> {
  data: T | null;
  errors: {
    message: string;
    extensions?: { code?: string; field?: string; messageEn?: string; [key: string]: unknown };
  }[];
}

export async function requestGraphQL<T>(
  query: string,
  variables: Record<string, unknown> = {},
  uri = '/graphql',
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(uri, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLAnswer<T>['errors'] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
