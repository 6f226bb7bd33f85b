// The programme register through the real HTTP API, on a real PostgreSQL loaded with the
// document's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceDocument } from '@welkom/seeds';
import { type Harness, startHarness } from '../test/harness.js';

let api: Harness;
beforeAll(async () => {
  api = await startHarness();
});
afterAll(() => api?.close());

/**
 * Action rows per section, counted straight from the document's text (not through the
 * importer): every tab-separated row of an "ACTIES" table whose activity cell starts with
 * a letter ("A. ..." or, once, "A We ...").
 */
function actionRowsPerSection(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let section: string | undefined;
  let inTable = false;
  for (const line of text.split('\n')) {
    const heading = /^(\d\.\d) [A-Z][a-z]/.exec(line);
    if (heading) section = heading[1];
    if (line.startsWith('Doel:\t')) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    if (!line.includes('\t')) {
      if (line.trim()) inTable = false;
      continue;
    }
    const activity = line.split('\t')[1]?.trim() ?? '';
    if (section && /^[A-Z][. ]/.test(activity)) counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}

describe('the programme register as loaded from the document', () => {
  it('has the five themes, in order', async () => {
    const { data } = await api.gql(`{ themes { totalCount nodes { number name } } }`);
    expect(data?.themes.totalCount).toBe(5);
    expect(data?.themes.nodes.map((theme: { number: number }) => theme.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has as many actions per section as the document has table rows', async () => {
    const expected = actionRowsPerSection(readSourceDocument());
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    const { data } = await api.gql(`{ sections(limit: 100) { nodes { id code } } }`);
    const actual: Record<string, number> = {};
    for (const section of data?.sections.nodes ?? []) {
      const result = await api.gql(`query ($id: ID!) { actions(filter: { sectionId: { eq: $id } }) { totalCount } }`, {
        id: section.id,
      });
      if (result.data?.actions.totalCount) actual[section.code] = result.data.actions.totalCount;
    }
    expect(actual).toEqual(expected);
  });

  it('gives every action a unique code of the form "<section> <goal>.<letter>"', async () => {
    const { data } = await api.gql(
      `{ actions(limit: 500) { totalCount nodes { code goal { code section { code } } } } }`,
    );
    const codes: string[] = data?.actions.nodes.map((action: { code: string }) => action.code);
    expect(new Set(codes).size).toBe(data?.actions.totalCount);
    for (const action of data?.actions.nodes ?? []) {
      expect(action.code).toMatch(/^\d\.\d \d+\.[A-Z]$/);
      expect(action.code.startsWith(`${action.goal.code}.`)).toBe(true);
    }
  });

  it('finds action 1.2 1.A with its partners, target groups and preconditions', async () => {
    const { data } = await api.gql(`{
      actions(filter: { code: { eq: "1.2 1.A" } }) {
        nodes { code description timingText goal { section { theme { number } } }
          partners { name } targetGroups { name } preconditions { text } }
      }
    }`);
    const action = data?.actions.nodes[0];
    expect(action.description).toMatch(/vervangende opvanglocatie/);
    expect(action.goal.section.theme.number).toBe(1);
    expect(action.partners.length).toBeGreaterThan(0);
    expect(action.targetGroups.map((group: { name: string }) => group.name).join(' ')).toMatch(/Oekra/);
    expect(action.preconditions.length).toBeGreaterThan(0);
  });
});

describe('relation filters on actions', () => {
  it('filters by theme, section, goal, partner, target group and status', async () => {
    const all =
      await api.gql(`{ actions(limit: 500) { totalCount nodes { id status goal { id section { id theme { id } } }
      partners { id } targetGroups { id } } } }`);
    const actions = all.data?.actions.nodes as any[];
    const sample = actions.find((action) => action.partners.length && action.targetGroups.length);
    const count = async (filter: Record<string, unknown>) =>
      (await api.gql(`query ($f: ActionFilter) { actions(filter: $f) { totalCount } }`, { f: filter })).data?.actions
        .totalCount;

    const themeId = sample.goal.section.theme.id;
    expect(await count({ themeId: { eq: themeId } })).toBe(
      actions.filter((a) => a.goal.section.theme.id === themeId).length,
    );
    const sectionId = sample.goal.section.id;
    expect(await count({ sectionId: { eq: sectionId } })).toBe(
      actions.filter((a) => a.goal.section.id === sectionId).length,
    );
    expect(await count({ goalId: { eq: sample.goal.id } })).toBe(
      actions.filter((a) => a.goal.id === sample.goal.id).length,
    );
    const partnerId = sample.partners[0].id;
    expect(await count({ partnerId: { eq: partnerId } })).toBe(
      actions.filter((a) => a.partners.some((p: { id: string }) => p.id === partnerId)).length,
    );
    const groupId = sample.targetGroups[0].id;
    expect(await count({ targetGroupId: { in: [groupId] } })).toBe(
      actions.filter((a) => a.targetGroups.some((g: { id: string }) => g.id === groupId)).length,
    );
    expect(await count({ status: { eq: 'PLANNED' } })).toBe(actions.filter((a) => a.status === 'PLANNED').length);
    // Conditions combine: theme AND partner.
    expect(await count({ themeId: { eq: themeId }, partnerId: { eq: partnerId } })).toBe(
      actions.filter(
        (a) => a.goal.section.theme.id === themeId && a.partners.some((p: { id: string }) => p.id === partnerId),
      ).length,
    );
  });

  it('filters partners by kind and searches them by name with q', async () => {
    const all = await api.gql(`{ partners(limit: 500) { nodes { name kind } } }`);
    const partners = all.data?.partners.nodes as { name: string; kind: string }[];
    const kind = partners[0]!.kind;
    const byKind = await api.gql(
      `query ($k: PartnerKind) { partners(filter: { kind: { eq: $k } }, limit: 500) { totalCount } }`,
      {
        k: kind,
      },
    );
    expect(byKind.data?.partners.totalCount).toBe(partners.filter((p) => p.kind === kind).length);
    const coa = await api.gql(`{ partners(filter: { q: "coa" }) { nodes { name } } }`);
    expect(coa.data?.partners.nodes.map((p: { name: string }) => p.name)).toContain('COA');
  });

  it('filters actions by a date range on their parsed start date', async () => {
    const all = await api.gql(`{ actions(limit: 500) { nodes { startDate } } }`);
    const starts = (all.data!.actions.nodes as { startDate: string | null }[]).map((a) => a.startDate);
    const in2025 = starts.filter((d) => d !== null && d >= '2025-01-01' && d <= '2025-12-31').length;
    expect(in2025).toBeGreaterThan(0);
    const result = await api.gql(
      `{ actions(filter: { startDate: { gte: "2025-01-01", lte: "2025-12-31" } }) { totalCount } }`,
    );
    expect(result.data?.actions.totalCount).toBe(in2025);
  });

  it('searches actions with q across their texts, case-insensitively', async () => {
    const result = await api.gql(`{ actions(filter: { q: "ZWEMLESSEN" }) { nodes { code } } }`);
    expect(result.data?.actions.nodes.map((a: { code: string }) => a.code)).toEqual(['3.5 2.B']);
  });
});
