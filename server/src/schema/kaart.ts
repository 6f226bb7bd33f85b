// The sociale kaart (issue 14): an HSDS 3.0-shaped directory kept in the console. The uniform
// API comes from defineEntity (staff read, programme secretaries change); the domain operations
// are explicit: a check of an entry (freshness), translations against their Dutch source, the
// translation workbench, the check queue, and partners' own entries (kaart:own) with review.
// The public reads published entries through /hsds/ and /kaart (http/), not through GraphQL.
import type { KaartTranslationStatus } from '@welkom/db';
import { type AccessRule, type EntityAccess, either, roles, signedIn, tokenScope } from '../auth/rules.js';
import { builder } from '../builder.js';
import { defineEntity, defineLinkObject, guardedBy } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';
import { markChecked, overdueWhere } from '../kaart/freshness.js';
import { createOwnService, ownServices, reviewService, updateOwnService } from '../kaart/own.js';
import { saveTranslation, translationQueue } from '../kaart/translations.js';

const kaartKeeper = roles('SECRETARY');
const kaartAccess: EntityAccess = { read: signedIn, write: kaartKeeper };
const ownEntries: AccessRule = tokenScope('kaart:own');

const CODE = /^[a-z0-9-]+$/;
defineLinkObject('KaartServiceTerm', signedIn);
defineLinkObject('KaartServiceTargetGroup', signedIn);

defineEntity('KaartLanguage', {
  access: kaartAccess,
  plural: 'kaartLanguages',
  rules: {
    code: { maxLength: 8, pattern: /^[a-z]{2,3}$/, patternHint: '"ar"' },
    name: { maxLength: 100 },
    nativeName: { maxLength: 100 },
  },
  defaultOrder: [{ field: 'sortOrder', direction: 'asc' }],
});

defineEntity('KaartOrganization', {
  access: kaartAccess,
  plural: 'kaartOrganizations',
  rules: { name: { maxLength: 200 }, website: { maxLength: 500 }, email: { maxLength: 200 } },
  defaultOrder: [{ field: 'name', direction: 'asc' }],
});

defineEntity('KaartService', {
  access: kaartAccess,
  plural: 'kaartServices',
  // A check moves through markKaartServiceChecked (who and when are recorded, the due date follows).
  readOnly: ['lastCheckedAt', 'lastCheckedBy', 'checkDueAt'],
  rules: {
    name: { maxLength: 200 },
    url: { maxLength: 500 },
    email: { maxLength: 200 },
    owner: { maxLength: 200 },
  },
  defaultOrder: [{ field: 'name', direction: 'asc' }],
});

defineEntity('KaartServiceLanguage', {
  access: kaartAccess,
  plural: 'kaartServiceLanguages',
  rules: { code: { maxLength: 8, pattern: /^[a-z]{2,3}$/, patternHint: '"ar"' } },
});

defineEntity('KaartLocation', {
  access: kaartAccess,
  plural: 'kaartLocations',
  rules: {
    name: { maxLength: 200 },
    postalCode: { maxLength: 10 },
    country: { maxLength: 2, pattern: /^[A-Z]{2}$/, patternHint: '"NL"' },
  },
  defaultOrder: [{ field: 'name', direction: 'asc' }],
});

defineEntity('KaartServiceAtLocation', { access: kaartAccess, plural: 'kaartServiceAtLocations' });
defineEntity('KaartContact', { access: kaartAccess, plural: 'kaartContacts', rules: { name: { maxLength: 200 } } });
defineEntity('KaartPhone', { access: kaartAccess, plural: 'kaartPhones', rules: { number: { maxLength: 40 } } });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
defineEntity('KaartSchedule', {
  access: kaartAccess,
  plural: 'kaartSchedules',
  rules: {
    opensAt: { maxLength: 5, pattern: TIME, patternHint: '"09:00"' },
    closesAt: { maxLength: 5, pattern: TIME, patternHint: '"17:00"' },
    freq: { maxLength: 7, pattern: /^(WEEKLY|MONTHLY)$/, patternHint: '"WEEKLY"' },
    byday: {
      maxLength: 40,
      pattern: /^(-?\d?(MO|TU|WE|TH|FR|SA|SU))(,-?\d?(MO|TU|WE|TH|FR|SA|SU))*$/,
      patternHint: '"MO,WE,FR"',
    },
  },
});

defineEntity('KaartTaxonomy', { access: kaartAccess, plural: 'kaartTaxonomies', rules: { name: { maxLength: 200 } } });
defineEntity('KaartTaxonomyTerm', {
  access: kaartAccess,
  plural: 'kaartTaxonomyTerms',
  rules: { code: { maxLength: 60, pattern: CODE, patternHint: '"juridische-hulp"' }, name: { maxLength: 200 } },
  defaultOrder: [{ field: 'sortOrder', direction: 'asc' }],
});

defineEntity('KaartTranslation', {
  access: kaartAccess,
  plural: 'kaartTranslations',
  // Saved through saveKaartTranslation, which hashes the Dutch source it was made from.
  readOnly: ['sourceHash', 'translatedBy', 'translatedAt', 'reviewedBy', 'reviewedAt'],
});

// ---- freshness ---------------------------------------------------------------------------
builder.mutationField('markKaartServiceChecked', (t) =>
  t.prismaField({
    type: 'KaartService',
    description:
      'Legt vast dat de vermelding nu gecontroleerd is; de volgende controle is over het interval | Records that the entry was checked now; the next check is due after the interval',
    authScopes: guardedBy(kaartKeeper),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: 'De versie die u las | The version you read' }),
    },
    resolve: async (query, _root, args, context) => {
      checkId(String(args.id), 'id');
      await markChecked(context, String(args.id), args.expectedVersion);
      return db().kaartService.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
);

builder.queryField('kaartCheckQueue', (t) =>
  t.prismaField({
    type: ['KaartService'],
    description:
      'Werkvoorraad: vermeldingen waarvan de controle verlopen is, langst verlopen eerst | Work queue: entries past their check date, most overdue first',
    authScopes: guardedBy(signedIn),
    args: { owner: t.arg.string({ description: 'Alleen van deze beheerder | Only of this owner' }) },
    resolve: (query, _root, args) =>
      db().kaartService.findMany({
        ...query,
        where: overdueWhere(new Date(), args.owner),
        orderBy: [{ checkDueAt: 'asc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
);

// ---- translations --------------------------------------------------------------------------
const TranslationStatus = enumRef('KaartTranslationStatus');

const SaveTranslationInput = builder.inputType('SaveKaartTranslationInput', {
  fields: (t) => ({
    entityType: t.string({
      required: true,
      description: 'KaartService, KaartOrganization, KaartLocation of KaartTaxonomyTerm',
    }),
    entityId: t.id({ required: true }),
    field: t.string({ required: true, description: 'Veld, bijvoorbeeld description | Field, e.g. description' }),
    language: t.string({ required: true, description: 'Taalcode | Language code' }),
    text: t.string(),
    status: t.field({ type: TranslationStatus, required: true }),
  }),
});

builder.mutationField('saveKaartTranslation', (t) =>
  t.prismaField({
    type: 'KaartTranslation',
    description:
      'Slaat een vertaling op tegen de huidige Nederlandse brontekst | Saves a translation against the current Dutch source text',
    authScopes: guardedBy(kaartKeeper),
    args: { input: t.arg({ type: SaveTranslationInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      checkId(String(args.input.entityId), 'input.entityId');
      const saved = await saveTranslation(context, {
        ...args.input,
        entityId: String(args.input.entityId),
        status: args.input.status as KaartTranslationStatus,
      });
      return db().kaartTranslation.findUniqueOrThrow({ ...query, where: { id: saved.id } });
    },
  }),
);

interface WorkbenchRow {
  id: string | null;
  entityType: string;
  entityId: string;
  field: string;
  language: string;
  source: string;
  text: string | null;
  status: KaartTranslationStatus;
  outdated: boolean;
  translatedBy: string | null;
  translatedAt: Date | null;
}
const WorkbenchRowRef = builder.objectRef<WorkbenchRow>('KaartTranslationWork').implement({
  description:
    'Een tekst in de vertaalwerkbank: bron en vertaling naast elkaar | A text in the translation workbench: source and translation side by side',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    translationId: t.id({
      nullable: true,
      description: 'Vertaling (ID), leeg als die ontbreekt | Translation (ID), empty when missing',
      resolve: (row) => row.id,
    }),
    entityType: t.exposeString('entityType', { description: 'Soort | Entity type' }),
    entityId: t.exposeID('entityId', { description: 'Vermelding (ID) | Entity (ID)' }),
    field: t.exposeString('field', { description: 'Veld | Field' }),
    language: t.exposeString('language', { description: 'Taal | Language' }),
    source: t.exposeString('source', { description: 'Nederlandse brontekst | Dutch source text' }),
    text: t.exposeString('text', { nullable: true, description: 'Vertaling | Translation' }),
    status: t.field({ type: TranslationStatus, description: 'Status | Status', resolve: (row) => row.status }),
    outdated: t.exposeBoolean('outdated', {
      description:
        'Verouderd: de brontekst is na het vertalen gewijzigd | Outdated: the source changed after translation',
    }),
    translatedBy: t.exposeString('translatedBy', { nullable: true, description: 'Vertaald door | Translated by' }),
    translatedAt: t.expose('translatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Vertaald op | Translated at',
    }),
  }),
});

builder.queryField('kaartTranslationWork', (t) =>
  t.field({
    type: [WorkbenchRowRef],
    description:
      'Vertaalwerkbank: alle bezoekersteksten in één taal, met status en verouderd-markering | Translation workbench: every visitor text in one language, with status and outdated marker',
    authScopes: guardedBy(signedIn),
    args: {
      language: t.arg.string({ required: true }),
      status: t.arg({ type: TranslationStatus }),
      outdatedOnly: t.arg.boolean(),
    },
    resolve: (_root, args) =>
      translationQueue({
        language: args.language,
        status: args.status as KaartTranslationStatus | null,
        outdatedOnly: args.outdatedOnly,
      }),
  }),
);

// ---- partners' own entries -------------------------------------------------------------------
interface OwnService {
  id: string;
  name: string;
  description: string;
  publication: string;
  organizationId: string;
  version: number;
  url: string | null;
  email: string | null;
}
const OwnServiceRef = builder.objectRef<OwnService>('OwnKaartService').implement({
  description:
    'Een dienst die uw organisatie zelf bijhoudt (API-sleutel met kaart:own) | A service your organisation maintains (API token with kaart:own)',
  authScopes: guardedBy(either(ownEntries, signedIn)),
  fields: (t) => ({
    id: t.exposeID('id'),
    organizationId: t.exposeID('organizationId', { description: 'Organisatie (ID) | Organisation (ID)' }),
    name: t.exposeString('name', { description: 'Naam | Name' }),
    description: t.exposeString('description', { description: 'Omschrijving | Description' }),
    url: t.exposeString('url', { nullable: true, description: 'Website | URL' }),
    email: t.exposeString('email', { nullable: true, description: 'E-mail | Email' }),
    publication: t.field({
      type: enumRef('KaartPublication'),
      description: 'Publicatie | Publication',
      resolve: (row) => row.publication as never,
    }),
    version: t.exposeInt('version', { description: 'Versie | Version' }),
  }),
});

const OwnServiceInput = builder.inputType('OwnKaartServiceInput', {
  fields: (t) => ({
    organizationId: t.id({ description: 'Alleen bij aanmaken | Only when creating' }),
    name: t.string(),
    description: t.string(),
    url: t.string(),
    email: t.string(),
    applicationProcess: t.string(),
    eligibilityDescription: t.string(),
    feesDescription: t.string(),
    free: t.boolean(),
  }),
});

builder.queryField('ownKaartServices', (t) =>
  t.field({
    type: [OwnServiceRef],
    description: 'De diensten die uw organisatie bijhoudt | The services your organisation maintains',
    authScopes: guardedBy(ownEntries),
    resolve: (_root, _args, context) => ownServices(context),
  }),
);

builder.mutationField('createOwnKaartService', (t) =>
  t.field({
    type: OwnServiceRef,
    description:
      'Nieuwe dienst van uw organisatie; gaat ter beoordeling naar de gemeente | New service of your organisation; goes to the municipality for review',
    authScopes: guardedBy(ownEntries),
    args: { input: t.arg({ type: OwnServiceInput, required: true }) },
    resolve: (_root, args, context) => {
      if (args.input.organizationId) checkId(String(args.input.organizationId), 'input.organizationId');
      return createOwnService(context, {
        ...args.input,
        organizationId: args.input.organizationId ? String(args.input.organizationId) : null,
      });
    },
  }),
);

builder.mutationField('updateOwnKaartService', (t) =>
  t.field({
    type: OwnServiceRef,
    description:
      'Wijzigt een dienst van uw organisatie; gaat opnieuw ter beoordeling | Changes a service of your organisation; goes back to review',
    authScopes: guardedBy(ownEntries),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: OwnServiceInput, required: true }),
    },
    resolve: (_root, args, context) => {
      checkId(String(args.id), 'id');
      const { organizationId, ...rest } = args.input;
      return updateOwnService(context, String(args.id), args.expectedVersion, {
        ...rest,
        ...(organizationId !== undefined && organizationId !== null ? { organizationId: String(organizationId) } : {}),
      });
    },
  }),
);

builder.mutationField('reviewKaartService', (t) =>
  t.prismaField({
    type: 'KaartService',
    description:
      'Beoordeling door de gemeente: publiceren of terug naar concept | Review by the municipality: publish or return to draft',
    authScopes: guardedBy(kaartKeeper),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      publish: t.arg.boolean({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      checkId(String(args.id), 'id');
      await reviewService(context, String(args.id), args.expectedVersion, args.publish);
      return db().kaartService.findUniqueOrThrow({ ...query, where: { id: String(args.id) } });
    },
  }),
);
