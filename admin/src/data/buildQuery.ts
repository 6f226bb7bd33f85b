// ra-data-graphql's buildQuery for the uniform API of docs/api.md: one function from
// (react-admin method, resource, params) to a GraphQL document, variables and a parser.
import { type DocumentNode, parse } from 'graphql';
import type { ConsoleModel, FieldModel, ResourceModel } from '../schema/model';

export const MAX_PAGE_SIZE = 500;

interface Response {
  data: Record<string, unknown>;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface BuiltQuery {
  query: DocumentNode;
  variables: Record<string, unknown>;
  parseResponse: (response: Response) => any;
}

/**
 * Queries run with errorPolicy "all": a field the user may not read (e.g. notes for
 * anonymous visitors) comes back null beside its error, and the rest of the record stays.
 * Only when the operation itself has no data is it an error.
 */
function dataOf(response: Response, operation: string): any {
  const value = response.data?.[operation];
  if ((value === null || value === undefined) && response.errors?.length) {
    throw Object.assign(new Error(response.errors[0]!.message), { graphQLErrors: response.errors });
  }
  return value;
}

type Params = Record<string, any>;
type Node = Record<string, any>;

/** What a record holds in the console: scalar fields, relation ids, and `xIds` for many-to-many. */
export function selection(resource: ResourceModel): string {
  const parts = new Set<string>(['id']);
  for (const field of resource.fields) {
    if (field.kind === 'related') continue;
    if (field.kind === 'referenceArray') parts.add(`${field.objectField} { id }`);
    else parts.add(field.source);
  }
  return [...parts].join(' ');
}

/** API node -> react-admin record (`partners { id }` becomes `partnerIds`). */
export function toRecord(resource: ResourceModel, node: Node | null | undefined): Node | null {
  if (!node) return null;
  const record: Node = { ...node };
  delete record.__typename;
  for (const field of resource.fields) {
    if (field.kind === 'referenceArray' && field.objectField && Array.isArray(node[field.objectField])) {
      const linked = node[field.objectField] as Node[];
      record[field.source] = linked.map((item) => item.id);
      delete record[field.objectField];
    }
  }
  return record;
}

const OPERATOR_SUFFIX = /^(.+)_(eq|gte|lte|gt|lt|contains|startsWith|has)$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** react-admin filter values (flat, URL-friendly) -> the API's filter input. */
export function toApiFilter(resource: ResourceModel, values: Params = {}): Record<string, unknown> {
  const filter: Record<string, any> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'q') {
      if (resource.filterTypes.q) filter.q = String(value);
      continue;
    }
    const suffixed = OPERATOR_SUFFIX.exec(key);
    if (suffixed) {
      const [, field, operator] = suffixed as unknown as [string, string, string];
      if (!resource.filterTypes[field]) continue;
      filter[field] = { ...filter[field], [operator]: value };
      continue;
    }
    const type = resource.filterTypes[key];
    if (!type) continue;
    if (isPlainObject(value)) {
      filter[key] = value; // already in the API's form, e.g. { in: [...] } from a dashboard link
    } else if (type === 'StringFilter') {
      filter[key] = { contains: String(value) };
    } else if (type === 'StringListFilter') {
      filter[key] = { has: String(value) };
    } else if (type === 'IntFilter' || type === 'FloatFilter') {
      filter[key] = Array.isArray(value) ? { in: value.map(Number) } : { eq: Number(value) };
    } else if (type === 'BooleanFilter') {
      filter[key] = { eq: value === true || value === 'true' };
    } else if (Array.isArray(value)) {
      filter[key] = { in: value };
    } else {
      filter[key] = { eq: value };
    }
  }
  return filter;
}

function orderBy(resource: ResourceModel, sort?: { field?: string; order?: string }) {
  if (!sort?.field) return undefined;
  const sortable =
    sort.field === 'id' || resource.fields.some((field) => field.source === sort.field && field.sortable);
  if (!sortable) return undefined;
  return [{ field: sort.field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
}

/** Values the API accepts: '' clears an optional field, numbers stay numbers. */
function inputValue(field: FieldModel, value: unknown): unknown {
  if (value === '' || value === undefined) return field.required ? '' : null;
  if (
    (field.kind === 'integer' || field.kind === 'float' || (field.kind === 'money' && field.money === 'cents')) &&
    value !== null
  ) {
    const number = Number(value);
    return Number.isNaN(number) ? value : number;
  }
  if (field.kind === 'money' && field.money === 'decimal' && value !== null) return String(value);
  return value;
}

const sameValue = (a: unknown, b: unknown) => {
  const normal = (value: unknown) =>
    Array.isArray(value)
      ? JSON.stringify([...value].map(String).sort())
      : JSON.stringify(value === '' || value === undefined ? null : value);
  return normal(a) === normal(b);
};

export function createInput(resource: ResourceModel, data: Params): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (!field.creatable || !(field.source in data)) continue;
    const value = inputValue(field, data[field.source]);
    if (value === null) continue;
    input[field.source] = value;
  }
  return input;
}

/** Only what changed since the record was read: the API treats a given field as a change. */
export function updateInput(resource: ResourceModel, data: Params, previousData: Params = {}): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of resource.fields) {
    if (!field.updatable || !(field.source in data)) continue;
    if (sameValue(data[field.source], previousData[field.source])) continue;
    input[field.source] = inputValue(field, data[field.source]);
  }
  return input;
}

export function requireResource(model: ConsoleModel, name: string): ResourceModel {
  const resource = model.byName(name);
  if (!resource) throw new Error(`Onbekende gegevensbron: ${name}`);
  return resource;
}

export function buildQueryFactory(model: ConsoleModel) {
  return (method: string, resourceName: string, params: Params): BuiltQuery => {
    const resource = requireResource(model, resourceName);
    const { operations, type } = resource;
    // A hand-written screen may ask for more than the generated record (`meta.select`: nested
    // names, a timeline); the record keeps those parts as they come.
    const fields = [selection(resource), typeof params.meta?.select === 'string' ? params.meta.select : '']
      .join(' ')
      .trim();
    const list = (variables: Record<string, unknown>): BuiltQuery => ({
      query: parse(
        `query ${type}List($filter: ${type}Filter, $orderBy: [${type}OrderBy!], $offset: Int, $limit: Int) {
          ${operations.list}(filter: $filter, orderBy: $orderBy, offset: $offset, limit: $limit) { totalCount nodes { ${fields} } }
        }`,
      ),
      variables,
      parseResponse: (response) => {
        const connection = dataOf(response, operations.list) as { totalCount: number; nodes: Node[] };
        return { data: connection.nodes.map((node) => toRecord(resource, node)), total: connection.totalCount };
      },
    });
    const mutationResult = (operation: string) => (response: Response) => ({
      data: toRecord(resource, dataOf(response, operation) as Node),
    });

    switch (method) {
      case 'GET_LIST': {
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        return list({
          filter: toApiFilter(resource, params.filter),
          orderBy: orderBy(resource, params.sort),
          offset: (page - 1) * perPage,
          limit: perPage,
        });
      }
      case 'GET_MANY_REFERENCE': {
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        return list({
          filter: { ...toApiFilter(resource, params.filter), [params.target]: { eq: params.id } },
          orderBy: orderBy(resource, params.sort),
          offset: (page - 1) * perPage,
          limit: perPage,
        });
      }
      case 'GET_MANY':
        return list({ filter: { id: { in: params.ids } }, offset: 0, limit: Math.max(params.ids.length, 1) });
      case 'GET_ONE':
        return {
          query: parse(`query ${type}($id: ID!) { ${operations.one}(id: $id) { ${fields} } }`),
          variables: { id: params.id },
          parseResponse: (response) => ({ data: toRecord(resource, dataOf(response, operations.one) as Node) }),
        };
      case 'CREATE':
        if (!operations.create) break;
        return {
          query: parse(
            `mutation Create${type}($input: ${type}CreateInput!) { ${operations.create}(input: $input) { ${fields} } }`,
          ),
          variables: { input: createInput(resource, params.data) },
          parseResponse: mutationResult(operations.create),
        };
      case 'UPDATE':
        if (!operations.update) break;
        return {
          query: parse(
            `mutation Update${type}($id: ID!, $input: ${type}UpdateInput!, $expectedVersion: Int!) {
              ${operations.update}(id: $id, input: $input, expectedVersion: $expectedVersion) { ${fields} }
            }`,
          ),
          variables: {
            id: params.id,
            input: updateInput(resource, params.data, params.previousData),
            expectedVersion: params.previousData?.version ?? params.data?.version,
          },
          parseResponse: mutationResult(operations.update),
        };
      case 'DELETE':
        if (!operations.delete) break;
        return {
          query: parse(
            `mutation Delete${type}($id: ID!, $expectedVersion: Int!) { ${operations.delete}(id: $id, expectedVersion: $expectedVersion) { ${fields} } }`,
          ),
          variables: { id: params.id, expectedVersion: params.previousData?.version },
          parseResponse: mutationResult(operations.delete),
        };
      case 'DELETE_MANY':
      case 'UPDATE_MANY': {
        // One request: an aliased mutation per record, each with the version that was read.
        const records = params.records as Node[];
        const operation = method === 'DELETE_MANY' ? operations.delete : operations.update;
        if (!operation) break;
        const declarations: string[] = [];
        const calls: string[] = [];
        const variables: Record<string, unknown> = {};
        records.forEach((record, index) => {
          declarations.push(`$id${index}: ID!`, `$v${index}: Int!`);
          variables[`id${index}`] = record.id;
          variables[`v${index}`] = record.version;
          if (method === 'UPDATE_MANY') {
            declarations.push(`$input${index}: ${type}UpdateInput!`);
            variables[`input${index}`] = updateInput(resource, params.data, record);
            calls.push(
              `r${index}: ${operation}(id: $id${index}, input: $input${index}, expectedVersion: $v${index}) { id }`,
            );
          } else {
            calls.push(`r${index}: ${operation}(id: $id${index}, expectedVersion: $v${index}) { id }`);
          }
        });
        return {
          query: parse(
            `mutation ${method === 'DELETE_MANY' ? 'Delete' : 'Update'}Many${type}(${declarations.join(', ')}) { ${calls.join(' ')} }`,
          ),
          variables,
          parseResponse: ({ data }) => ({ data: records.map((_, index) => (data[`r${index}`] as Node).id) }),
        };
      }
    }
    throw new Error(`${method} is niet beschikbaar voor ${resource.label.nl}`);
  };
}
