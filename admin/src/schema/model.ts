// The console generator's first half: from the API's introspection to a model of resources,
// fields and filters. Pure (no React), so it is unit-tested on any SDL. The second half
// (resources/*.tsx) turns this model into lists, show pages and forms.
//
// Conventions it relies on are those of docs/api.md: an entity `T` has `t(id)` and a list
// query returning `TConnection`, `createT`/`updateT`/`deleteT`, `TFilter`, `TOrderField`,
// `TCreateInput`/`TUpdateInput`; a to-one relation is `x: X` beside `xId: ID`; a many-to-many
// relation is a list `xs: [X]` with `xIds` in the inputs; a one-to-many relation is a list
// `xs: [X]` whose filter has `<t>Id`; descriptions are "Dutch | English" (label, then help).
import {
  type GraphQLSchema,
  getDirectiveValues,
  isObjectType,
  type IntrospectionEnumType,
  type IntrospectionField,
  type IntrospectionInputObjectType,
  type IntrospectionInputTypeRef,
  type IntrospectionInputValue,
  type IntrospectionObjectType,
  type IntrospectionOutputTypeRef,
  type IntrospectionQuery,
  type IntrospectionType,
} from 'graphql';

export type Locale = 'nl' | 'en';
export interface Text {
  nl: string;
  en: string;
}

export type FieldKind =
  | 'id'
  | 'text'
  | 'longText'
  | 'integer'
  | 'float'
  | 'money'
  | 'date'
  | 'dateTime'
  | 'boolean'
  | 'enum'
  | 'stringList'
  | 'reference'
  | 'referenceArray'
  | 'related'
  | 'count';

export interface EnumValueModel {
  value: string;
  label: Text;
}

export interface EnumModel {
  name: string;
  label: Text;
  values: EnumValueModel[];
}

export interface FieldModel {
  /** The record's key: `goalId` for a to-one relation, `partnerIds` for a many-to-many one. */
  source: string;
  kind: FieldKind;
  label: Text;
  help?: Text;
  /** Required when creating (non-null in the create input without a default). */
  required: boolean;
  /** Present in the create input. */
  creatable: boolean;
  /** Present in the update input. */
  updatable: boolean;
  /** Allowed in orderBy. */
  sortable: boolean;
  enum?: EnumModel;
  /** Target resource of a reference, reference array or related list. */
  reference?: string;
  /** The object field the API returns for a relation (`goal`, `partners`). */
  objectField?: string;
  /** For a related list: the target's filter key pointing back (`partnerId`). */
  target?: string;
  /** How a money value is stored: integer cents, or a decimal string of euros. */
  money?: 'cents' | 'decimal';
  /** Not a stored value the user can set (version, timestamps, counts). */
  readOnly: boolean;
}

export type FilterKind = 'search' | 'reference' | 'enum' | 'text' | 'number' | 'dateRange' | 'boolean' | 'stringList';

export interface FilterModel {
  /** The key in react-admin's filter values (and the URL): `q`, `themeId`, `startDate_gte`. */
  source: string;
  /** The API filter field. */
  field: string;
  kind: FilterKind;
  label: Text;
  operator?: 'gte' | 'lte';
  reference?: string;
  enum?: EnumModel;
  /** A number filter on money: the user types euros, the API filters on the stored unit. */
  money?: 'cents' | 'decimal';
}

/** Who may read or change an entity, from the `@access` directive schema.graphql puts on its type. */
export type Audience = { kind: 'anyone' } | { kind: 'staff' } | { kind: 'roles'; roles: string[] };

export interface AccessModel {
  read: Audience;
  change: Audience;
}

/**
 * The `@access` data of each type as schema.graphql publishes it: audiences `anyone`, `staff`,
 * role names (ADMIN listed where it is implied) or `token:<scope>`. Introspection does not carry
 * applied directives, so scripts/introspect.mjs extracts them beside it (generated/access.json).
 */
export type AccessData = Record<string, { read: string[]; write: string[]; history?: string[] }>;

/**
 * The API documents money fields with their storage unit ("Bedrag (eurocent)"); the console
 * shows and takes euros, with the € sign at the value, so the label names no unit at all.
 */
export function withoutUnit(label: Text): Text {
  const strip = (text: string) => text.replace(/\s*\((?:in )?(?:eurocent|euro ?cents?|euro's|euros?|€)\)/gi, '');
  return { nl: strip(label.nl), en: strip(label.en) };
}

/** What a type without access data gets: nothing. The API decides anyway; the console shows no more than it knows. */
export const NO_ACCESS: AccessModel = { read: { kind: 'roles', roles: [] }, change: { kind: 'roles', roles: [] } };

/** The `@access` arguments of every object type of a schema built from SDL. */
export function accessFromSchema(schema: GraphQLSchema): AccessData {
  const directive = schema.getDirective('access');
  const data: AccessData = {};
  if (!directive) return data;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.astNode) continue;
    const values = getDirectiveValues(directive, type.astNode);
    if (values) data[type.name] = values as AccessData[string];
  }
  return data;
}

/** An audience list as the console shows it: a partner token is never a console user. */
export function audienceOf(terms: readonly string[]): Audience {
  if (terms.includes('anyone')) return { kind: 'anyone' };
  if (terms.includes('staff')) return { kind: 'staff' };
  return { kind: 'roles', roles: terms.filter((term) => !term.startsWith('token:')) };
}

/** A type's access from the published data; unknown access is no access (and said so in development). */
export function accessOf(type: string, data: AccessData): AccessModel {
  const entry = data[type];
  if (!entry) {
    if (import.meta.env?.DEV)
      console.warn(`welkom: schema.graphql states no @access for ${type}; the console offers it to no one.`);
    return NO_ACCESS;
  }
  return { read: audienceOf(entry.read), change: audienceOf(entry.write) };
}

/** Whether a caller (null when anonymous) belongs to an audience. */
export function inAudience(audience: Audience, roles: readonly string[] | null): boolean {
  if (audience.kind === 'anyone') return true;
  if (!roles) return false;
  if (audience.kind === 'staff') return true;
  return audience.roles.some((role) => roles.includes(role));
}

export interface ResourceModel {
  /** The GraphQL type, e.g. `Action`. */
  type: string;
  /** The react-admin resource name and URL: the list query, e.g. `actions`. */
  name: string;
  label: Text;
  pluralLabel: Text;
  help?: Text;
  operations: {
    one: string;
    list: string;
    create?: string;
    update?: string;
    delete?: string;
  };
  fields: FieldModel[];
  filters: FilterModel[];
  /** Every field of the API's filter input with its type name (`status`: `ActionStatusFilter`). */
  filterTypes: Record<string, string>;
  /** The field that names a record (`name`, `title`, `code`...). */
  representation: string;
  defaultSort?: string;
  hasVersion: boolean;
  /** The type has `history: [AuditEvent]` (its audit trail, readable by ADMIN and the domain's owner). */
  hasHistory: boolean;
  access: AccessModel;
}

export interface ConsoleModel {
  resources: ResourceModel[];
  enums: Record<string, EnumModel>;
  /** What the API offers for signing in (login lands with the accounts issue). */
  auth: { login: boolean; logout: boolean; me: boolean };
  byName(name: string): ResourceModel | undefined;
  byType(type: string): ResourceModel | undefined;
}

const META_FIELDS = new Set(['version', 'createdAt', 'updatedAt']);
/** Text fields long enough for a multi-line input (SDL carries no length; these are the model's long texts). */
const LONG_TEXT_NAMES = new Set([
  'description',
  'background',
  'currentState',
  'ambition',
  'notes',
  'text',
  'comment',
  'sourceExcerpt',
  'content',
  'body',
]);
const MONEY_SCALARS = new Set(['Money', 'Decimal']);
const REPRESENTATION_PREFERENCE = ['name', 'title', 'code', 'number', 'text'];

/** "Nederlands | English" on the first line is the label; later lines are help text. */
export function parseDescription(
  description: string | null | undefined,
  fallback: string,
): { label: Text; help?: Text } {
  const lines = (description ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const pair = (line: string): Text => {
    const [nl, en] = line.split(' | ');
    return { nl: nl!.trim(), en: (en ?? nl!).trim() };
  };
  const label = lines[0] ? pair(lines[0]) : { nl: humanize(fallback), en: humanize(fallback) };
  if (lines.length < 2) return { label };
  const helps = lines.slice(1).map(pair);
  return { label, help: { nl: helps.map((h) => h.nl).join(' '), en: helps.map((h) => h.en).join(' ') } };
}

export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

type TypeRef = IntrospectionOutputTypeRef | IntrospectionInputTypeRef;

function unwrap(ref: TypeRef): { name: string; kind: string; list: boolean; nonNull: boolean } {
  let nonNull = false;
  let list = false;
  let current: TypeRef = ref;
  if (current.kind === 'NON_NULL') {
    nonNull = true;
    current = current.ofType;
  }
  while (current.kind === 'LIST' || current.kind === 'NON_NULL') {
    if (current.kind === 'LIST') list = true;
    current = current.ofType;
  }
  return { name: current.name, kind: current.kind, list, nonNull };
}

/** A Dutch plural for the few labels the schema gives no list field for ("Opgave" -> "Opgaven"). */
function pluralFallback(label: Text): Text {
  return {
    nl: label.nl.endsWith('e') ? `${label.nl}n` : label.nl,
    en: label.en.endsWith('s') ? label.en : `${label.en}s`,
  };
}

export function buildConsoleModel(introspection: IntrospectionQuery, access: AccessData): ConsoleModel {
  const schema = introspection.__schema;
  const types = new Map<string, IntrospectionType>(schema.types.map((type) => [type.name, type]));
  const objectType = (name: string | undefined | null) => {
    const type = name ? types.get(name) : undefined;
    return type?.kind === 'OBJECT' ? (type as IntrospectionObjectType) : undefined;
  };
  const inputType = (name: string) => {
    const type = types.get(name);
    return type?.kind === 'INPUT_OBJECT' ? (type as IntrospectionInputObjectType) : undefined;
  };
  const query = objectType(schema.queryType?.name);
  const mutation = objectType(schema.mutationType?.name);
  const queries = new Map((query?.fields ?? []).map((field) => [field.name, field]));
  const mutations = new Map((mutation?.fields ?? []).map((field) => [field.name, field]));

  const enums: Record<string, EnumModel> = {};
  for (const type of schema.types) {
    if (
      type.kind !== 'ENUM' ||
      type.name.startsWith('__') ||
      type.name.endsWith('OrderField') ||
      type.name === 'SortDirection'
    )
      continue;
    const enumType = type as IntrospectionEnumType;
    enums[type.name] = {
      name: type.name,
      label: parseDescription(type.description, type.name).label,
      values: enumType.enumValues.map((value) => ({
        value: value.name,
        label: parseDescription(value.description, value.name).label,
      })),
    };
  }

  // An entity: an object type with a get-by-id query and a list query returning its connection.
  interface Found {
    type: IntrospectionObjectType;
    one: IntrospectionField;
    list: IntrospectionField;
  }
  const entities: Found[] = [];
  for (const type of schema.types) {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__') || type === query || type === mutation) continue;
    const one = queries.get(lowerFirst(type.name));
    const list = [...queries.values()].find((field) => unwrap(field.type).name === `${type.name}Connection`);
    if (one && unwrap(one.type).name === type.name && list)
      entities.push({ type: type as IntrospectionObjectType, one, list });
  }
  const entityTypes = new Set(entities.map((entity) => entity.type.name));
  const resourceNameOf = new Map(entities.map((entity) => [entity.type.name, entity.list.name]));

  // Plural labels: any list field named like an entity's list query ("actions": "Acties | Actions").
  const pluralLabels = new Map<string, Text>();
  for (const type of schema.types) {
    if (type.kind !== 'OBJECT') continue;
    for (const field of (type as IntrospectionObjectType).fields) {
      const target = unwrap(field.type);
      if (
        target.list &&
        entityTypes.has(target.name) &&
        field.name === resourceNameOf.get(target.name) &&
        field.description
      ) {
        pluralLabels.set(target.name, parseDescription(field.description, field.name).label);
      }
    }
  }

  const resources = entities.map(({ type, one, list }): ResourceModel => {
    const createInput = inputType(`${type.name}CreateInput`);
    const updateInput = inputType(`${type.name}UpdateInput`);
    const filterInput = inputType(`${type.name}Filter`);
    const orderField = types.get(`${type.name}OrderField`) as IntrospectionEnumType | undefined;
    const createFields = new Map((createInput?.inputFields ?? []).map((field) => [field.name, field]));
    const updateFields = new Map((updateInput?.inputFields ?? []).map((field) => [field.name, field]));
    const sortable = new Set((orderField?.enumValues ?? []).map((value) => value.name));
    const objectFields = new Map(type.fields.map((field) => [field.name, field]));
    const { label, help } = parseDescription(type.description, type.name);

    const base = (field: IntrospectionField | IntrospectionInputValue, source: string) => {
      const created = createFields.get(source);
      const described = parseDescription(field.description, source);
      return {
        source,
        label: described.label,
        ...(described.help ? { help: described.help } : {}),
        required: Boolean(created && created.type.kind === 'NON_NULL' && created.defaultValue == null),
        creatable: Boolean(created),
        updatable: updateFields.has(source),
        sortable: sortable.has(source),
        readOnly: !created && !updateFields.has(source),
      };
    };

    const fields: FieldModel[] = [];
    for (const field of type.fields) {
      const ref = unwrap(field.type);
      // Relation objects are represented by their id field (`goal` by `goalId`).
      if (ref.kind === 'OBJECT' && !ref.list) continue;
      if (ref.kind === 'OBJECT' && ref.list) {
        if (!entityTypes.has(ref.name)) continue; // link rows such as ActionPartner
        const idsField = `${lowerFirst(ref.name)}Ids`;
        const target = resourceNameOf.get(ref.name)!;
        if (createFields.has(idsField) || updateFields.has(idsField)) {
          fields.push({
            ...base(field, idsField),
            kind: 'referenceArray',
            reference: target,
            objectField: field.name,
            readOnly: false,
            sortable: false,
          });
        } else {
          const backKey = `${lowerFirst(type.name)}Id`;
          const targetFilter = inputType(`${ref.name}Filter`);
          if (targetFilter?.inputFields.some((input) => input.name === backKey)) {
            fields.push({
              ...base(field, field.name),
              kind: 'related',
              reference: target,
              target: backKey,
              readOnly: true,
              sortable: false,
            });
          }
        }
        continue;
      }
      if (
        field.name.endsWith('Count') &&
        ref.name === 'Int' &&
        objectFields.has(field.name.slice(0, -'Count'.length))
      ) {
        fields.push({ ...base(field, field.name), kind: 'count', readOnly: true });
        continue;
      }
      if (ref.name === 'ID') {
        const relation = field.name === 'id' ? undefined : objectFields.get(field.name.slice(0, -'Id'.length));
        const relationType = relation ? unwrap(relation.type).name : undefined;
        if (relation && relationType && entityTypes.has(relationType)) {
          // Labelled as the relation ("Doelstelling"), not as its id ("Doelstelling (ID)").
          const described = parseDescription(relation.description, relation.name);
          const { help: _idHelp, ...idBase } = base(field, field.name);
          fields.push({
            ...idBase,
            label: described.label,
            ...(described.help ? { help: described.help } : {}),
            kind: 'reference',
            reference: resourceNameOf.get(relationType)!,
            objectField: relation.name,
          });
        } else {
          fields.push({ ...base(field, field.name), kind: 'id', readOnly: true });
        }
        continue;
      }
      const common = base(field, field.name);
      if (META_FIELDS.has(field.name)) common.readOnly = true;
      if (ref.kind === 'ENUM') {
        const model = enums[ref.name];
        if (model) fields.push({ ...common, kind: 'enum', enum: model });
        continue;
      }
      if (MONEY_SCALARS.has(ref.name)) {
        fields.push({ ...common, label: withoutUnit(common.label), kind: 'money', money: 'decimal' });
        continue;
      }
      switch (ref.name) {
        case 'String':
          if (ref.list) fields.push({ ...common, kind: 'stringList' });
          else
            fields.push({
              ...common,
              kind: LONG_TEXT_NAMES.has(field.name) || /Text$/.test(field.name) ? 'longText' : 'text',
            });
          break;
        case 'Int':
          fields.push({
            ...common,
            ...(/Cents$/.test(field.name)
              ? { label: withoutUnit(common.label), kind: 'money', money: 'cents' }
              : { kind: 'integer' }),
          });
          break;
        case 'Float':
          fields.push({ ...common, kind: 'float' });
          break;
        case 'Boolean':
          fields.push({ ...common, kind: 'boolean' });
          break;
        case 'Date':
          fields.push({ ...common, kind: 'date' });
          break;
        case 'DateTime':
          fields.push({ ...common, kind: 'dateTime' });
          break;
        default:
          fields.push({ ...common, kind: 'text', readOnly: true });
      }
    }

    const representation =
      REPRESENTATION_PREFERENCE.find((name) => fields.some((field) => field.source === name)) ??
      fields.find((field) => field.kind === 'text' && field.required)?.source ??
      'id';

    const filters: FilterModel[] = [];
    for (const input of filterInput?.inputFields ?? []) {
      const ref = unwrap(input.type);
      const described = parseDescription(input.description, input.name).label;
      if (['AND', 'OR', 'NOT', 'id'].includes(input.name)) continue;
      if (input.name === 'q') {
        filters.push({ source: 'q', field: 'q', kind: 'search', label: { nl: 'Zoeken', en: 'Search' } });
        continue;
      }
      const field = fields.find((candidate) => candidate.source === input.name);
      if (ref.name === 'IdFilter') {
        const targetType = entities.find((entity) => `${lowerFirst(entity.type.name)}Id` === input.name)?.type;
        if (!targetType) continue;
        const target = resources_label(targetType);
        filters.push({
          source: input.name,
          field: input.name,
          kind: 'reference',
          label: target,
          reference: resourceNameOf.get(targetType.name)!,
        });
        continue;
      }
      const filterType = inputType(ref.name);
      const enumName = filterType?.inputFields.find((operator) => operator.name === 'eq');
      const enumRef = enumName ? unwrap(enumName.type) : undefined;
      if (enumRef?.kind === 'ENUM' && enums[enumRef.name]) {
        filters.push({
          source: input.name,
          field: input.name,
          kind: 'enum',
          label: described,
          enum: enums[enumRef.name],
        });
      } else if (ref.name === 'StringFilter') {
        filters.push({ source: `${input.name}_contains`, field: input.name, kind: 'text', label: described });
      } else if (ref.name === 'IntFilter' || ref.name === 'FloatFilter') {
        if (field?.readOnly) continue;
        if (field?.kind === 'money')
          filters.push({
            source: input.name,
            field: input.name,
            kind: 'number',
            label: field.label,
            money: field.money,
          });
        else filters.push({ source: input.name, field: input.name, kind: 'number', label: described });
      } else if (ref.name === 'BooleanFilter') {
        filters.push({ source: input.name, field: input.name, kind: 'boolean', label: described });
      } else if (ref.name === 'StringListFilter') {
        filters.push({ source: `${input.name}_has`, field: input.name, kind: 'stringList', label: described });
      } else if (ref.name === 'DateFilter' || ref.name === 'DateTimeFilter') {
        if (META_FIELDS.has(input.name)) continue;
        filters.push({
          source: `${input.name}_gte`,
          field: input.name,
          kind: 'dateRange',
          operator: 'gte',
          label: { nl: `${described.nl} vanaf`, en: `${described.en} from` },
        });
        filters.push({
          source: `${input.name}_lte`,
          field: input.name,
          kind: 'dateRange',
          operator: 'lte',
          label: { nl: `${described.nl} tot en met`, en: `${described.en} until` },
        });
      }
    }

    return {
      type: type.name,
      name: list.name,
      label,
      pluralLabel: pluralLabels.get(type.name) ?? pluralFallback(label),
      ...(help ? { help } : {}),
      operations: {
        one: one.name,
        list: list.name,
        ...(mutations.has(`create${type.name}`) ? { create: `create${type.name}` } : {}),
        ...(mutations.has(`update${type.name}`) ? { update: `update${type.name}` } : {}),
        ...(mutations.has(`delete${type.name}`) ? { delete: `delete${type.name}` } : {}),
      },
      fields: orderFields(fields, representation),
      filters,
      filterTypes: Object.fromEntries(
        (filterInput?.inputFields ?? []).map((input) => [input.name, unwrap(input.type).name]),
      ),
      representation,
      ...(sortable.has(representation) ? { defaultSort: representation } : {}),
      hasVersion: objectFields.has('version'),
      access: accessOf(type.name, access),
      hasHistory: objectFields.has('history') && unwrap(objectFields.get('history')!.type).name === 'AuditEvent',
    };
  });

  function resources_label(type: IntrospectionObjectType): Text {
    return parseDescription(type.description, type.name).label;
  }

  return {
    resources,
    enums,
    auth: { login: mutations.has('login'), logout: mutations.has('logout'), me: queries.has('me') },
    byName: (name) => resources.find((resource) => resource.name === name),
    byType: (type) => resources.find((resource) => resource.type === type),
  };
}

/** The SDL is sorted alphabetically; show what names a record first and bookkeeping last. */
function orderFields(fields: FieldModel[], representation: string): FieldModel[] {
  const rank = (field: FieldModel) => {
    if (field.source === representation) return 0;
    if (field.kind === 'id') return 9;
    if (field.source === 'version' || field.source === 'createdAt' || field.source === 'updatedAt') return 8;
    if (field.kind === 'count') return 7;
    if (field.kind === 'related') return 6;
    if (field.kind === 'reference') return 1;
    if (field.kind === 'longText' && field.required) return 2;
    if (field.kind === 'enum') return 3;
    if (field.kind === 'referenceArray') return 5;
    if (field.kind === 'date' || field.kind === 'dateTime') return 3.5;
    return 4;
  };
  // A period reads start, then end (the SDL's alphabet puts endDate first).
  const period = (field: FieldModel) => (/^start/.test(field.source) ? 0 : /^end/.test(field.source) ? 1 : 0.5);
  return [...fields].sort((a, b) => rank(a) - rank(b) || period(a) - period(b));
}
