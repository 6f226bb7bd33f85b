import { buildSchema, introspectionFromSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  NO_ACCESS,
  accessFromSchema,
  accessOf,
  audienceOf,
  buildConsoleModel,
  inAudience,
  parseDescription,
  withoutUnit,
} from './model';

// A schema with an entity the console has never seen (Location), built the way docs/api.md
// describes every entity: the generator must turn it into a resource with no console code.
const SDL = /* GraphQL */ `
  directive @access(read: [String!]!, write: [String!]!, history: [String!]!) on OBJECT
  scalar Date
  scalar DateTime
  scalar Decimal

  """
  Locatie | Location
  Een opvang- of woonlocatie. | A reception or housing site.
  """
  type Location @access(read: ["anyone"], write: ["SECRETARY", "ADMIN"], history: ["SECRETARY", "ADMIN"]) {
    id: ID!
    """Naam | Name"""
    name: String!
    """
    Omschrijving | Description
    Wat is er op deze plek? | What is at this site?
    """
    description: String
    """Capaciteit | Capacity"""
    capacity: Int
    """Huur per maand | Monthly rent"""
    rentCents: Int
    """Budget | Budget"""
    budget: Decimal
    """Open | Open"""
    opensOn: Date
    """Sluit | Closes"""
    closesOn: Date
    """Toegankelijk | Accessible"""
    accessible: Boolean!
    """Soort | Kind"""
    kind: LocationKind!
    """Labels | Tags"""
    tags: [String!]!
    """Beheerder | Operator"""
    operator: Operator
    """Beheerder (ID) | Operator (ID)"""
    operatorId: ID
    """Doelgroepen | Target groups"""
    targetGroups: [TargetGroup!]!
    """Aantal: Doelgroepen | Count: Target groups"""
    targetGroupsCount: Int!
    """Versie | Version"""
    version: Int!
    """Aangemaakt | Created"""
    createdAt: DateTime!
  }

  """Soort locatie | Location kind"""
  enum LocationKind {
    """Azc | Reception centre"""
    AZC
    """Flexwoningen | Flexible homes"""
    FLEX_HOMES
  }

  """Beheerder | Operator"""
  type Operator {
    id: ID!
    """Naam | Name"""
    name: String!
    """Locaties | Locations"""
    locations: [Location!]!
    version: Int!
  }

  """Doelgroep | Target group"""
  type TargetGroup {
    id: ID!
    """Naam | Name"""
    name: String!
    version: Int!
  }

  type LocationConnection { totalCount: Int! nodes: [Location!]! }
  type OperatorConnection { totalCount: Int! nodes: [Operator!]! }
  type TargetGroupConnection { totalCount: Int! nodes: [TargetGroup!]! }
  input IdFilter { eq: ID in: [ID!] isNull: Boolean }
  input StringFilter { eq: String contains: String }
  input IntFilter { eq: Int gte: Int lte: Int }
  input DateFilter { gte: Date lte: Date }
  input LocationKindFilter { eq: LocationKind in: [LocationKind!] }
  input LocationFilter {
    """Zoekt in alle tekstvelden | Searches every text field"""
    q: String
    id: IdFilter
    """Naam | Name"""
    name: StringFilter
    """Capaciteit | Capacity"""
    capacity: IntFilter
    """Open | Open"""
    opensOn: DateFilter
    """Soort | Kind"""
    kind: LocationKindFilter
    """Beheerder (ID) | Operator (ID)"""
    operatorId: IdFilter
    """Gekoppeld aan Doelgroep | Linked to Target group"""
    targetGroupId: IdFilter
  }
  input OperatorFilter { q: String }
  input TargetGroupFilter { q: String }
  enum LocationOrderField { name capacity opensOn operatorId }
  input LocationOrderBy { field: LocationOrderField! direction: String }
  input LocationCreateInput {
    name: String!
    description: String
    capacity: Int
    rentCents: Int
    budget: Decimal
    opensOn: Date
    closesOn: Date
    accessible: Boolean!
    kind: LocationKind
    tags: [String!]
    operatorId: ID
    targetGroupIds: [ID!]
  }
  input LocationUpdateInput {
    name: String
    description: String
    capacity: Int
    kind: LocationKind
    operatorId: ID
    targetGroupIds: [ID!]
  }

  type Query {
    location(id: ID!): Location
    locations(filter: LocationFilter, orderBy: [LocationOrderBy!], offset: Int, limit: Int): LocationConnection!
    operator(id: ID!): Operator
    operators(filter: OperatorFilter, offset: Int, limit: Int): OperatorConnection!
    targetGroup(id: ID!): TargetGroup
    targetGroups(filter: TargetGroupFilter, offset: Int, limit: Int): TargetGroupConnection!
  }
  type Mutation {
    createLocation(input: LocationCreateInput!): Location!
    updateLocation(id: ID!, input: LocationUpdateInput!, expectedVersion: Int!): Location!
    deleteLocation(id: ID!, expectedVersion: Int!): Location!
  }
`;

const built = buildSchema(SDL);
const model = buildConsoleModel(introspectionFromSchema(built), accessFromSchema(built));
const location = model.byName('locations')!;
const field = (source: string) => location.fields.find((candidate) => candidate.source === source);

describe('the console model of an entity the app has never seen', () => {
  it('finds every entity by its get-by-id and list queries, named by the list', () => {
    expect(model.resources.map((resource) => resource.name).sort()).toEqual(['locations', 'operators', 'targetGroups']);
    expect(location).toMatchObject({
      type: 'Location',
      label: { nl: 'Locatie', en: 'Location' },
      pluralLabel: { nl: 'Locaties', en: 'Locations' },
      help: { nl: 'Een opvang- of woonlocatie.', en: 'A reception or housing site.' },
      operations: {
        one: 'location',
        list: 'locations',
        create: 'createLocation',
        update: 'updateLocation',
        delete: 'deleteLocation',
      },
      representation: 'name',
      defaultSort: 'name',
      hasVersion: true,
    });
  });

  it('gives each field a real kind, with labels and help from the description', () => {
    expect(field('name')).toMatchObject({
      kind: 'text',
      required: true,
      creatable: true,
      updatable: true,
      sortable: true,
      label: { nl: 'Naam', en: 'Name' },
    });
    expect(field('description')).toMatchObject({
      kind: 'longText',
      required: false,
      help: { nl: 'Wat is er op deze plek?', en: 'What is at this site?' },
    });
    expect(field('capacity')).toMatchObject({ kind: 'integer', sortable: true });
    expect(field('rentCents')).toMatchObject({ kind: 'money', money: 'cents', updatable: false });
    expect(field('budget')).toMatchObject({ kind: 'money', money: 'decimal' });
    expect(field('opensOn')).toMatchObject({ kind: 'date' });
    expect(field('accessible')).toMatchObject({ kind: 'boolean', required: true });
    expect(field('tags')).toMatchObject({ kind: 'stringList' });
    expect(field('createdAt')).toMatchObject({ kind: 'dateTime', readOnly: true });
    expect(field('version')).toMatchObject({ kind: 'integer', readOnly: true });
    expect(field('targetGroupsCount')).toMatchObject({ kind: 'count', readOnly: true });
  });

  it('turns enums into choices with Dutch and English labels', () => {
    expect(field('kind')).toMatchObject({ kind: 'enum', required: false });
    expect(field('kind')!.enum!.values).toEqual([
      { value: 'AZC', label: { nl: 'Azc', en: 'Reception centre' } },
      { value: 'FLEX_HOMES', label: { nl: 'Flexwoningen', en: 'Flexible homes' } },
    ]);
  });

  it('sees relations: to-one by its id, many-to-many by its ids, one-to-many by the filter back', () => {
    expect(field('operatorId')).toMatchObject({
      kind: 'reference',
      reference: 'operators',
      objectField: 'operator',
      label: { nl: 'Beheerder', en: 'Operator' },
    });
    expect(field('operator')).toBeUndefined();
    expect(field('targetGroupIds')).toMatchObject({
      kind: 'referenceArray',
      reference: 'targetGroups',
      objectField: 'targetGroups',
      creatable: true,
      updatable: true,
    });
    const operator = model.byName('operators')!;
    // Operator.locations is one-to-many only when LocationFilter can filter by operatorId.
    expect(operator.fields.find((candidate) => candidate.source === 'locations')).toMatchObject({
      kind: 'related',
      reference: 'locations',
      target: 'operatorId',
    });
  });

  it('derives filters: search, enum, relations, text, numbers and date ranges', () => {
    expect(location.filters.map((filter) => [filter.source, filter.kind])).toEqual([
      ['q', 'search'],
      ['name_contains', 'text'],
      ['capacity', 'number'],
      ['opensOn_gte', 'dateRange'],
      ['opensOn_lte', 'dateRange'],
      ['kind', 'enum'],
      ['operatorId', 'reference'],
      ['targetGroupId', 'reference'],
    ]);
    expect(location.filters.find((filter) => filter.source === 'targetGroupId')).toMatchObject({
      reference: 'targetGroups',
      label: { nl: 'Doelgroep' },
    });
    expect(location.filters.find((filter) => filter.source === 'opensOn_gte')!.label).toEqual({
      nl: 'Open vanaf',
      en: 'Open from',
    });
  });

  it('puts what names a record first and bookkeeping last', () => {
    const order = location.fields.map((candidate) => candidate.source);
    expect(order[0]).toBe('name');
    expect(order.indexOf('opensOn')).toBeLessThan(order.indexOf('closesOn'));
    expect(order.slice(-3).sort()).toEqual(['createdAt', 'id', 'version']);
  });

  it('notices when the API offers sign-in', () => {
    expect(model.auth).toEqual({ login: false, logout: false, me: false });
  });
});

describe('descriptions', () => {
  it('read "Dutch | English" as the label and later lines as help', () => {
    expect(parseDescription('Eigenaar | Owner\nWie trekt de actie. | Who leads the action.', 'owner')).toEqual({
      label: { nl: 'Eigenaar', en: 'Owner' },
      help: { nl: 'Wie trekt de actie.', en: 'Who leads the action.' },
    });
  });

  it('fall back to the field name when there is none', () => {
    expect(parseDescription(undefined, 'startDate')).toEqual({ label: { nl: 'Start date', en: 'Start date' } });
  });
});

describe('who may read and change an entity, from the @access data of its type', () => {
  it('reads the directive schema.graphql puts on the type', () => {
    expect(accessFromSchema(built)).toEqual({
      Location: { read: ['anyone'], write: ['SECRETARY', 'ADMIN'], history: ['SECRETARY', 'ADMIN'] },
    });
    expect(location.access).toEqual({
      read: { kind: 'anyone' },
      change: { kind: 'roles', roles: ['SECRETARY', 'ADMIN'] },
    });
  });

  it('reads the public register, staff-only and single-role audiences; a partner token is no console user', () => {
    expect(audienceOf(['staff'])).toEqual({ kind: 'staff' });
    expect(audienceOf(['PANEL_COORDINATOR'])).toEqual({ kind: 'roles', roles: ['PANEL_COORDINATOR'] });
    expect(audienceOf(['GRANT_OFFICER', 'VIEWER', 'ADMIN', 'token:subsidies:own'])).toEqual({
      kind: 'roles',
      roles: ['GRANT_OFFICER', 'VIEWER', 'ADMIN'],
    });
    expect(audienceOf([])).toEqual({ kind: 'roles', roles: [] });
  });

  it('gives no access to a type without access data, and places callers in audiences', () => {
    expect(accessOf('Unknown', {})).toBe(NO_ACCESS);
    expect(inAudience(NO_ACCESS.read, ['ADMIN'])).toBe(false);
    const member = accessOf('PanelMember', {
      PanelMember: { read: ['PANEL_COORDINATOR'], write: ['PANEL_COORDINATOR'] },
    });
    expect(inAudience(member.read, ['ADMIN'])).toBe(false);
    expect(inAudience(member.read, ['PANEL_COORDINATOR'])).toBe(true);
    expect(inAudience({ kind: 'staff' }, null)).toBe(false);
    expect(inAudience({ kind: 'staff' }, ['VIEWER'])).toBe(true);
    expect(inAudience({ kind: 'anyone' }, null)).toBe(true);
  });
});

describe('money on the real schema', () => {
  const sdl = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
  const realSchema = buildSchema(sdl);
  const real = buildConsoleModel(introspectionFromSchema(realSchema), accessFromSchema(realSchema));

  it('is labelled without a unit: the console shows and takes euros, with € at the value', () => {
    const money = real.resources.flatMap((resource) => resource.fields.filter((field) => field.kind === 'money'));
    expect(money.length).toBeGreaterThan(5);
    for (const field of money) {
      expect(`${field.label.nl} | ${field.label.en}`, field.source).not.toMatch(/eurocent|euro cents|\(€\)/i);
    }
    expect(withoutUnit({ nl: 'Aangevraagd (eurocent)', en: 'Requested (euro cents)' })).toEqual({
      nl: 'Aangevraagd',
      en: 'Requested',
    });
  });

  it('filters money in euros too', () => {
    const filters = real.resources.flatMap((resource) => resource.filters);
    const moneyFilters = filters.filter((filter) => /Cents$/.test(filter.field) && filter.kind === 'number');
    for (const filter of moneyFilters) expect(filter, filter.field).toMatchObject({ money: 'cents' });
  });
});
