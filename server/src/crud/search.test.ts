// The generic search (`q`) and text filters over HTTP on the loaded programme: accents and
// case ignored, LIKE wildcards taken literally, every searched column served by an index.
import { type GraphQLInputObjectType, type GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { schema } from '../schema/index.js';
import { type Harness, startHarness } from '../test/harness.js';
import { describeModel } from './dmmf.js';
import { searchValue, withSearchConditions } from '@welkom/db';
import { searchableFields } from './filters.js';

let api: Harness;
beforeAll(async () => {
  api = await startHarness();
});
afterAll(() => api?.close());

const names = (result: { data?: Record<string, { nodes: { name: string }[] }> }, list: string) =>
  (result.data?.[list]?.nodes ?? []).map((node) => node.name);

describe('q', () => {
  it('ignores accents and case: "oekraine" finds "Oekraïne"', async () => {
    const plain = await api.gql(`{ actions(filter: { q: "oekraine" }, limit: 500) { totalCount } }`);
    const accented = await api.gql(`{ actions(filter: { q: "OEKRAÏNE" }, limit: 500) { totalCount } }`);
    expect(plain.data?.actions.totalCount).toBeGreaterThan(0);
    expect(plain.data?.actions.totalCount).toBe(accented.data?.actions.totalCount);
    const groups = await api.gql(`{ targetGroups(filter: { q: "ontheemden uit oekraine" }) { nodes { name } } }`);
    expect(names(groups, 'targetGroups').some((name) => name.includes('Oekraïne'))).toBe(true);
  });

  it('takes % and _ literally instead of matching everything', async () => {
    const secretary = await api.createUser({ roles: ['SECRETARY'] });
    for (const name of ['Stichting 100%_Zeker', 'Stichting 100 procent zeker', 'Stichting 1000 zeker']) {
      await secretary.gql(`mutation ($name: String!) { createPartner(input: { name: $name }) { id } }`, { name });
    }
    const all = (await api.gql(`{ partners { totalCount } }`)).data?.partners.totalCount;
    const percent = await api.gql(`{ partners(filter: { q: "%" }, limit: 500) { totalCount nodes { name } } }`);
    expect(percent.data?.partners.totalCount).toBeLessThan(all);
    expect(names(percent, 'partners')).toContain('Stichting 100%_Zeker');
    expect(names(await api.gql(`{ partners(filter: { q: "100%_z" }) { nodes { name } } }`), 'partners')).toEqual([
      'Stichting 100%_Zeker',
    ]);
    expect(names(await api.gql(`{ partners(filter: { q: "100_" }) { nodes { name } } }`), 'partners')).toEqual([]);
    // A backslash is an ordinary character too, not LIKE's escape.
    expect((await api.gql(`{ partners(filter: { q: "\\\\%" }) { totalCount } }`)).data?.partners.totalCount).toBe(0);
  });

  it('searches lists of texts (aliases) by part of a value', async () => {
    const partner = await db().partner.findFirstOrThrow({
      where: { aliases: { isEmpty: false } },
      select: { name: true, aliases: true },
    });
    const alias = partner.aliases[0]!;
    const found = await api.gql(`query ($q: String) { partners(filter: { q: $q }, limit: 500) { nodes { name } } }`, {
      q: alias.slice(1).toUpperCase(),
    });
    expect(names(found, 'partners')).toContain(partner.name);
  });

  it('does not search fields the caller may not read', async () => {
    const secretary = await api.createUser({ roles: ['SECRETARY'] });
    const action = await db().action.findFirstOrThrow({ select: { id: true } });
    await db().action.update({ where: { id: action.id }, data: { notes: 'vertrouwelijk-kenmerk-xq7' } });
    const query = `{ actions(filter: { q: "vertrouwelijk-kenmerk-xq7" }) { totalCount } }`;
    expect((await secretary.gql(query)).data?.actions.totalCount).toBe(1);
    expect((await api.gql(query)).data?.actions.totalCount).toBe(0);
  });

  it('combines with other filters and costs two statements with its count: the search is inside both', async () => {
    const query = `{ actions(filter: { q: "oekraine", status: { eq: PLANNED } }, limit: 50) { totalCount nodes { code goal { code } partners { name } } } }`;
    const { count, statements } = await api.countStatements(() => api.gql(query));
    expect(count).toBeLessThanOrEqual(2);
    // Both the page and the count carry the search condition (no separate statement for the ids).
    expect(statements.filter((sql) => sql.includes(`"description"::text LIKE ('%' ||`))).toHaveLength(2);
    const result = await api.gql(query);
    expect(result.data?.actions.nodes.length).toBe(result.data?.actions.totalCount);
  });
});

describe('q over many rows', () => {
  it('has no cap: a term matching more than 10,000 records is answered, with its count', async () => {
    const rows = Array.from({ length: 10_050 }, (_, index) => ({
      name: `Breedzoekterm Çafé ${String(index).padStart(5, '0')}`,
    }));
    await db().partner.createMany({ data: rows });
    const result = await api.gql(
      `{ partners(filter: { q: "BREEDZOEKTERM CAFE" }, first: 3, orderBy: [{ field: name }]) { totalCount nodes { name } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.partners.totalCount).toBe(10_050);
    expect(names(result, 'partners')).toEqual([
      'Breedzoekterm Çafé 00000',
      'Breedzoekterm Çafé 00001',
      'Breedzoekterm Çafé 00002',
    ]);
  });
});

describe('contains and startsWith', () => {
  it('take % and _ literally', async () => {
    const secretary = await api.createUser({ roles: ['SECRETARY'] });
    await secretary.gql(`mutation { createPartner(input: { name: "Stichting 50%" }) { id } }`);
    const all = (await api.gql(`{ partners { totalCount } }`)).data?.partners.totalCount;
    const contains = await api.gql(
      `{ partners(filter: { name: { contains: "%" } }, limit: 500) { totalCount nodes { name } } }`,
    );
    expect(contains.data?.partners.totalCount).toBeLessThan(all);
    expect(names(contains, 'partners').every((name) => name.includes('%'))).toBe(true);
    expect(
      (await api.gql(`{ partners(filter: { name: { startsWith: "_" } }) { totalCount } }`)).data?.partners.totalCount,
    ).toBe(0);
  });
});

/** Every entity list with a `q` filter, with the columns it may search (those the API exposes). */
function searchedColumns(): { model: string; columns: string[] }[] {
  const query = schema.getQueryType()!;
  return Object.values(query.getFields()).flatMap((field) => {
    const filter = field.args.find((arg) => arg.name === 'filter');
    const filterType = filter && (getNamedType(filter.type) as GraphQLInputObjectType);
    if (!filterType?.getFields().q) return [];
    const model = filterType.name.replace(/Filter$/, '');
    const type = schema.getType(model);
    if (!type || !isObjectType(type)) return [];
    const exposed = (type as GraphQLObjectType).getFields();
    const columns = searchableFields(describeModel(model))
      .filter((column) => exposed[column.name])
      .map((column) => column.name);
    return [{ model, columns }];
  });
}

describe('indexes', () => {
  it('every column q searches has a trigram index on its accent-free text', async () => {
    const indexes = await db().$queryRaw<{ tablename: string; indexdef: string }[]>`
      SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%gin_trgm_ops%'`;
    const missing = searchedColumns().flatMap(({ model, columns }) =>
      columns
        .filter(
          (column) =>
            !indexes.some(
              (index) =>
                index.tablename === model && new RegExp(`welkom_search_text\\("?${column}"?\\)`).test(index.indexdef),
            ),
        )
        .map(
          (column) =>
            `CREATE INDEX "${model}_${column}_search_idx" ON "${model}" USING gin (welkom_search_text("${column}") public.gin_trgm_ops);`,
        ),
    );
    expect(missing, 'add these to a migration').toEqual([]);
  });

  it('the search as sent can use them (no sequential scan when the planner is told to avoid one)', async () => {
    const columns = searchedColumns().find((entry) => entry.model === 'Action')!.columns;
    // The shape Prisma writes for the search's conditions (checked in the statement-count test
    // above), rewritten as the database client rewrites it.
    const search = withSearchConditions({
      sql: `SELECT "t0"."id" FROM "public"."Action" AS "t0" WHERE (${columns.map((column, index) => `"t0"."${column}"::text LIKE ('%' || $${index + 1} || '%')`).join(' OR ')})`,
      args: columns.map(() => searchValue('oekraine')),
      argTypes: [],
    });
    expect(search.sql).toContain('welkom_search_text("t0"."description") LIKE');
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${search.sql}`, ...search.args);
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Bitmap Index Scan on "?Action_description_search_idx/);
    expect(text).not.toMatch(/Seq Scan/);
  });
});
