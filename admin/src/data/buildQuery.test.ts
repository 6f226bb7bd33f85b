import { print } from 'graphql';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessFromSchema, buildConsoleModel } from '../schema/model';
import { buildQueryFactory, toApiFilter, toRecord, updateInput } from './buildQuery';
import { localizedMessage, translateError } from './errors';

// The real, committed schema: the query builder must speak today's API.
const sdl = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
const built = buildSchema(sdl);
const model = buildConsoleModel(introspectionFromSchema(built), accessFromSchema(built));
const buildQuery = buildQueryFactory(model);
const actions = model.byName('actions')!;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('getList', () => {
  const built = buildQuery('GET_LIST', 'actions', {
    pagination: { page: 3, perPage: 25 },
    sort: { field: 'startDate', order: 'DESC' },
    filter: {
      q: 'coa',
      themeId: 't1',
      partnerId: 'p1',
      status: ['PLANNED', 'RUNNING'],
      startDate_gte: '2025-01-01',
      startDate_lte: '2025-12-31',
    },
  });

  it('pages with offset and limit and sorts through orderBy', () => {
    expect(built.variables).toMatchObject({
      offset: 50,
      limit: 25,
      orderBy: [{ field: 'startDate', direction: 'DESC' }],
    });
  });

  it('turns the URL filter into the API filter', () => {
    expect(built.variables.filter).toEqual({
      q: 'coa',
      themeId: { eq: 't1' },
      partnerId: { eq: 'p1' },
      status: { in: ['PLANNED', 'RUNNING'] },
      startDate: { gte: '2025-01-01', lte: '2025-12-31' },
    });
  });

  it('asks for the total and the fields of a record, many-to-many as ids', () => {
    const query = squash(print(built.query));
    expect(query).toContain(
      'actions(filter: $filter, orderBy: $orderBy, offset: $offset, limit: $limit) { totalCount nodes {',
    );
    expect(query).toContain('partners { id }');
    expect(query).toContain('goalId');
    expect(query).not.toContain('preconditions {');
  });

  it('parses nodes into records with partnerIds', () => {
    const result = built.parseResponse({
      data: {
        actions: {
          totalCount: 1,
          nodes: [{ id: 'a1', code: '1.1 1.A', partners: [{ id: 'p1' }, { id: 'p2' }], __typename: 'Action' }],
        },
      },
    });
    expect(result).toEqual({ total: 1, data: [{ id: 'a1', code: '1.1 1.A', partnerIds: ['p1', 'p2'] }] });
  });

  it('keeps a record whose hidden field came back as an error', () => {
    const result = built.parseResponse({
      data: { actions: { totalCount: 1, nodes: [{ id: 'a1', notes: null, partners: [] }] } },
      errors: [{ message: 'Log in om dit te zien of te doen.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(result.data[0]).toMatchObject({ id: 'a1', notes: null });
  });

  it('does not sort by a field the API cannot sort by', () => {
    expect(
      buildQuery('GET_LIST', 'actions', { sort: { field: 'partnerIds', order: 'ASC' } }).variables.orderBy,
    ).toBeUndefined();
  });
});

describe('filters', () => {
  it('search text fields by contains, numbers by eq, booleans by eq, lists by has', () => {
    expect(toApiFilter(model.byName('partners')!, { name: 'coa', aliases_has: 'VWN' })).toEqual({
      name: { contains: 'coa' },
      aliases: { has: 'VWN' },
    });
    expect(toApiFilter(model.byName('themes')!, { number: '3' })).toEqual({ number: { eq: 3 } });
    expect(toApiFilter(model.byName('preconditions')!, { met: false })).toEqual({ met: { eq: false } });
  });

  it('pass API-shaped values through and drop unknown and empty ones', () => {
    expect(toApiFilter(actions, { status: { in: ['DONE'] }, bogus: 1, themeId: '', sectionId: [] })).toEqual({
      status: { in: ['DONE'] },
    });
  });
});

describe('getMany and getManyReference', () => {
  it('getMany asks for the ids', () => {
    expect(buildQuery('GET_MANY', 'partners', { ids: ['p1', 'p2'] }).variables).toEqual({
      filter: { id: { in: ['p1', 'p2'] } },
      offset: 0,
      limit: 2,
    });
  });

  it('getManyReference filters by the relation', () => {
    const built = buildQuery('GET_MANY_REFERENCE', 'actions', {
      target: 'partnerId',
      id: 'p1',
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(built.variables).toEqual({
      filter: { partnerId: { eq: 'p1' } },
      orderBy: [{ field: 'code', direction: 'ASC' }],
      offset: 0,
      limit: 10,
    });
  });
});

describe('getOne', () => {
  it('asks by id', () => {
    const built = buildQuery('GET_ONE', 'partners', { id: 'p1' });
    expect(squash(print(built.query))).toMatch(/^query Partner\(\$id: ID!\) \{ partner\(id: \$id\) \{ id name /);
    expect(built.parseResponse({ data: { partner: { id: 'p1', actions: [{ id: 'a1' }] } } })).toEqual({
      data: { id: 'p1', actionIds: ['a1'] },
    });
  });
});

describe('create', () => {
  it('sends only what the create input has, without empty optional values', () => {
    const built = buildQuery('CREATE', 'partners', {
      data: { name: 'Stichting Welkom', kind: 'FOUNDATION', website: '', aliases: ['SW'], version: 3, actionIds: [] },
    });
    expect(squash(print(built.query))).toContain(
      'mutation CreatePartner($input: PartnerCreateInput!) { createPartner(input: $input) {',
    );
    expect(built.variables).toEqual({
      input: { name: 'Stichting Welkom', kind: 'FOUNDATION', aliases: ['SW'], actionIds: [] },
    });
  });
});

describe('update', () => {
  const previousData = {
    id: 'a1',
    version: 4,
    code: '1.1 1.A',
    owner: 'Team A',
    status: 'PLANNED',
    partnerIds: ['p1', 'p2'],
    notes: 'x',
  };

  it('sends only the changed fields and the version it read', () => {
    const built = buildQuery('UPDATE', 'actions', {
      id: 'a1',
      data: { ...previousData, status: 'RUNNING', partnerIds: ['p2', 'p1'], notes: '' },
      previousData,
    });
    expect(squash(print(built.query))).toContain(
      'updateAction(id: $id, input: $input, expectedVersion: $expectedVersion)',
    );
    expect(built.variables).toEqual({ id: 'a1', input: { status: 'RUNNING', notes: null }, expectedVersion: 4 });
  });

  it('finds no change when nothing changed', () => {
    expect(updateInput(actions, previousData, previousData)).toEqual({});
  });
});

describe('delete', () => {
  it('names the version', () => {
    const built = buildQuery('DELETE', 'partners', { id: 'p1', previousData: { id: 'p1', version: 2 } });
    expect(built.variables).toEqual({ id: 'p1', expectedVersion: 2 });
    expect(squash(print(built.query))).toContain('deletePartner(id: $id, expectedVersion: $expectedVersion)');
  });

  it('deletes many in one request, each with its own version', () => {
    const built = buildQuery('DELETE_MANY', 'partners', {
      ids: ['p1', 'p2'],
      records: [
        { id: 'p1', version: 1 },
        { id: 'p2', version: 5 },
      ],
    });
    expect(squash(print(built.query))).toBe(
      'mutation DeleteManyPartner($id0: ID!, $v0: Int!, $id1: ID!, $v1: Int!) { r0: deletePartner(id: $id0, expectedVersion: $v0) { id } r1: deletePartner(id: $id1, expectedVersion: $v1) { id } }',
    );
    expect(built.variables).toEqual({ id0: 'p1', v0: 1, id1: 'p2', v1: 5 });
    expect(built.parseResponse({ data: { r0: { id: 'p1' }, r1: { id: 'p2' } } })).toEqual({ data: ['p1', 'p2'] });
  });

  it('changes the status of many in one request', () => {
    const built = buildQuery('UPDATE_MANY', 'actions', {
      ids: ['a1'],
      data: { status: 'DONE' },
      records: [{ id: 'a1', version: 7, status: 'RUNNING' }],
    });
    expect(built.variables).toEqual({ id0: 'a1', v0: 7, input0: { status: 'DONE' } });
  });
});

describe('records', () => {
  it('leave link objects out once they are ids', () => {
    expect(toRecord(actions, { id: 'a1', partners: [{ id: 'p1' }], targetGroups: [] })).toEqual({
      id: 'a1',
      partnerIds: ['p1'],
      targetGroupIds: [],
    });
  });
});

describe('API errors', () => {
  const apolloError = (
    extensions: Record<string, unknown>,
    message = 'input.code: Code heeft niet de juiste vorm.',
  ) => ({
    body: { graphQLErrors: [{ message, extensions }] },
  });

  it('put BAD_USER_INPUT messages at their fields, in Dutch or English', () => {
    const error = apolloError({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
      fieldErrors: [
        {
          field: 'input.code',
          message: 'Code heeft niet de juiste vorm.',
          messageEn: 'Code is not in the right form.',
        },
      ],
    });
    expect(translateError(error, 'nl')).toMatchObject({
      status: 400,
      body: { errors: { code: 'Code heeft niet de juiste vorm.' } },
    });
    expect(translateError(error, 'en')).toMatchObject({ body: { errors: { code: 'Code is not in the right form.' } } });
  });

  it('show the English text of an error without a field to English users', () => {
    const error = apolloError(
      { code: 'CONFLICT', reason: 'referenced', messageEn: 'This record cannot be deleted.' },
      'Dit record kan niet worden verwijderd.',
    );
    expect(translateError(error, 'nl')).toMatchObject({ message: 'Dit record kan niet worden verwijderd.' });
    expect(translateError(error, 'en')).toMatchObject({ message: 'This record cannot be deleted.' });
    const login = {
      message: 'E-mailadres of wachtwoord onjuist.',
      extensions: { messageEn: 'Email address or password is incorrect.' },
    };
    expect(localizedMessage(login, 'nl')).toBe('E-mailadres of wachtwoord onjuist.');
    expect(localizedMessage(login, 'en')).toBe('Email address or password is incorrect.');
  });

  it('recognise a stale version', () => {
    const error = translateError(
      apolloError(
        { code: 'CONFLICT', reason: 'stale_version', currentVersion: 5 },
        'Iemand anders heeft dit gewijzigd.',
      ),
    );
    expect(error).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', reason: 'stale_version', currentVersion: 5 },
    });
  });

  it('show the message in the language the user reads, with the details of a domain refusal', () => {
    const error = apolloError(
      { code: 'FORBIDDEN', messageEn: 'You have no access to this.' },
      'U hebt geen toegang tot dit onderdeel.',
    );
    expect(translateError(error, 'nl')).toMatchObject({ message: 'U hebt geen toegang tot dit onderdeel.' });
    expect(translateError(error, 'en')).toMatchObject({ message: 'You have no access to this.' });
    const refused = translateError(
      apolloError({ code: 'TRANSITION_NOT_ALLOWED', allowed: ['submit'] }, 'Niet toegestaan.'),
    );
    expect(refused).toMatchObject({ body: { code: 'TRANSITION_NOT_ALLOWED', allowed: ['submit'] } });
  });

  it('put a duplicate at its field', () => {
    expect(
      translateError(apolloError({ code: 'CONFLICT', reason: 'unique', field: 'input.name' }, 'Naam bestaat al.')),
    ).toMatchObject({
      body: { errors: { name: 'Naam bestaat al.' } },
    });
  });
});
