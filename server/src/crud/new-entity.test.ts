// The README's recipe, proved: an entity the app has never seen (new-entity.fixture.ts: one
// `defineEntity` line) gets history access, role-matrix coverage and the console's access data,
// with no other file touched.
import './new-entity.fixture.js';
import { readFileSync } from 'node:fs';
import { buildSchema, getDirectiveValues } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredEntity } from '../auth/registry.js';
import { schema } from '../schema/index.js';
import { SCHEMA_FILE, printSdl } from '../sdl.js';
import { type Client, type Harness, startHarness } from '../test/harness.js';
import { describeEntityAccess, startCallers } from '../test/role-matrix.js';

let api: Harness;
let callers: Record<string, Client> = {};

beforeAll(async () => {
  api = await startHarness();
  callers = await startCallers(api);
});
afterAll(() => api?.close());

describe('an entity the app has never seen', () => {
  it('is not in the committed schema: nothing but its definition knows it', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).not.toMatch(/\bCohort\b/);
    expect(schema.getType('Cohort')).toBeDefined();
  });

  it('gets its history read by its keepers: a viewer reads what a viewer changed, a secretary does not', async () => {
    const created = await callers.VIEWER!.gql(
      `mutation { createCohort(input: { name: "Cohort 2026" }) { id version } }`,
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createCohort;
    const updated = await callers.VIEWER!.gql(
      `mutation { updateCohort(id: "${id}", input: { name: "Cohort 2026-1" }, expectedVersion: ${version}) { name } }`,
    );
    expect(updated.data?.updateCohort).toEqual({ name: 'Cohort 2026-1' });

    const history = await callers.VIEWER!.gql(`{ cohort(id: "${id}") { history { operation entityType } } }`);
    expect(history.data?.cohort.history).toEqual([
      { operation: 'UPDATE', entityType: 'Cohort' },
      { operation: 'CREATE', entityType: 'Cohort' },
    ]);
    const trail = await callers.VIEWER!.gql(`{ auditEvents(filter: { entityType: "Cohort" }) { totalCount } }`);
    expect(trail.data?.auditEvents.totalCount).toBe(2);
    const secretary = await callers.SECRETARY!.gql(`{ auditEvents(filter: { entityType: "Cohort" }) { totalCount } }`);
    expect(secretary.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes its access as data for the console, in the printed schema', () => {
    const printed = buildSchema(printSdl(schema));
    const values = getDirectiveValues(printed.getDirective('access')!, printed.getType('Cohort')!.astNode!);
    expect(values).toEqual({ read: ['staff'], write: ['VIEWER', 'ADMIN'], history: ['VIEWER', 'ADMIN'] });
  });

  it('is in the registry the role matrix iterates', () => {
    expect(registeredEntity('Cohort')).toMatchObject({ kind: 'entity', plural: 'cohorts' });
  });
});

// The role matrix of the app, run on the new entity exactly as on every other.
describeEntityAccess(
  registeredEntity('Cohort')!,
  () => schema,
  () => callers,
);
