// The lived-experience panel (action 5.2 3.A): members, meetings and advice.
//
// Who sees what:
// - Members and everything about them: the PANEL_COORDINATOR role itself only. ADMIN, which
//   implies every other role, does not imply this one: a system administrator has no need to
//   know a member's country of origin or sexual orientation (GDPR art. 9, data minimisation).
// - The diversity profile is not part of the generic entity at all: it is one encrypted column
//   (hidden from the generic API), read through `PanelMember.profile` and written through
//   `setPanelMemberProfile`, so it can never be filtered, sorted, searched or counted.
// - Meetings, advice and the composition (in bands of five) are for all signed-in staff; the
//   coordinator keeps them. Partner tokens and anonymous callers see nothing of the panel.
// - The audit trail of members names changed fields only: every personal field is redacted, so
//   an erasure leaves nothing behind in the append-only trail.
import { type AccessRule, type EntityAccess, anyone, roles, rule, signedIn } from '../auth/rules.js';
import { builder } from '../builder.js';
import { getModel } from '../crud/dmmf.js';
import { defineEntity, defineLinkObject, entityRef, guardedBy } from '../crud/entity.js';
import { conflict } from '../crud/errors.js';
import { panelComposition } from '../panel/composition.js';
import { type ExportFile, eraseMember, exportMember, setMemberProfile, withdrawConsent } from '../panel/members.js';
import {
  AGE_BANDS,
  type Category,
  EDUCATION_LEVELS,
  LGBTIQ,
  type Profile,
  consentHolds,
  countryName,
  openProfile,
  today,
} from '../panel/profile.js';

/** The coordinator in person: the role itself, not implied by ADMIN. */
export const panelCoordinator: AccessRule = rule(
  'alleen de rol PANEL_COORDINATOR zelf (ook niet ADMIN) | the PANEL_COORDINATOR role itself only (not ADMIN)',
  ['PANEL_COORDINATOR'],
);

const memberAccess: EntityAccess = { read: panelCoordinator, write: panelCoordinator };
const panelAccess: EntityAccess = { read: signedIn, write: roles('PANEL_COORDINATOR') };

// ---- the profile ---------------------------------------------------------------------------

const enumOf = (name: string, description: string, categories: readonly Category[]) =>
  builder.enumType(name, {
    description,
    values: Object.fromEntries(
      categories.map((item) => [item.value, { value: item.value, description: `${item.label} | ${item.labelEn}` }]),
    ),
  });

const AgeBand = enumOf('PanelAgeBand', 'Leeftijdsgroep | Age band', AGE_BANDS);
const EducationLevel = enumOf('PanelEducationLevel', 'Opleidingsniveau | Education level', EDUCATION_LEVELS);
const Lgbtiq = enumOf('PanelLgbtiq', 'Rekent zich tot LHBTIQ+ | Identifies as LGBTIQ+', LGBTIQ);

const ProfileRef = builder.objectRef<Profile>('PanelMemberProfile').implement({
  description:
    "Diversiteitsprofiel van een panellid; elk gegeven is vrijwillig. Alleen de panelcoördinator. | A panel member's diversity profile; every item is voluntary. Panel coordinator only.",
  authScopes: guardedBy(panelCoordinator),
  fields: (t) => ({
    ageBand: t.field({
      type: AgeBand,
      nullable: true,
      description: 'Leeftijdsgroep | Age band',
      resolve: (p) => p.ageBand as never,
    }),
    educationLevel: t.field({
      type: EducationLevel,
      nullable: true,
      description: 'Opleidingsniveau | Education level',
      resolve: (p) => p.educationLevel as never,
    }),
    countryOfOrigin: t.string({
      nullable: true,
      description:
        'Land van herkomst (ISO 3166-1, bijv. SY) | Country of origin (ISO 3166-1, e.g. SY)\nBijzonder persoonsgegeven (AVG art. 9). | Special-category data (GDPR art. 9).',
      resolve: (p) => p.countryOfOrigin,
    }),
    countryOfOriginName: t.string({
      nullable: true,
      description: 'Land van herkomst (naam) | Country of origin (name)',
      resolve: (p) => (p.countryOfOrigin ? countryName(p.countryOfOrigin) : null),
    }),
    lgbtiq: t.field({
      type: Lgbtiq,
      nullable: true,
      description: 'LHBTIQ+ | LGBTIQ+\nBijzonder persoonsgegeven (AVG art. 9). | Special-category data (GDPR art. 9).',
      resolve: (p) => p.lgbtiq as never,
    }),
  }),
});

const ProfileInput = builder.inputType('PanelMemberProfileInput', {
  description:
    'Het hele profiel; een leeg veld betekent niet opgegeven | The whole profile; an empty field means not stated',
  fields: (t) => ({
    ageBand: t.field({ type: AgeBand }),
    educationLevel: t.field({ type: EducationLevel }),
    countryOfOrigin: t.string({ description: 'ISO 3166-1 alpha-2, bijv. SY | ISO 3166-1 alpha-2, e.g. SY' }),
    lgbtiq: t.field({ type: Lgbtiq }),
  }),
});

// ---- entities ----------------------------------------------------------------------------

type MemberRow = {
  id: string;
  profileCiphertext: string | null;
  consentGivenOn: Date | null;
  consentWithdrawnOn: Date | null;
  erasedAt: Date | null;
};

defineEntity('PanelMember', {
  plural: 'panelMembers',
  access: memberAccess,
  // The ciphertext never leaves the server; withdrawal and erasure are domain operations.
  // Consent and erasure dates are shown (below) but not filterable or sortable: who withdrew is personal too.
  hidden: ['profileCiphertext', 'consentWithdrawnOn', 'erasedAt'],
  // Erasure is final: nothing may be written onto an erased member again (AVG art. 17).
  refuseChange: (member, operation) =>
    member.erasedAt && operation === 'update'
      ? conflict(
          'erased',
          'Dit panellid is gewist; de gegevens kunnen niet meer worden gewijzigd.',
          'This panel member was erased and can no longer be changed.',
        )
      : undefined,
  rules: {
    name: { maxLength: 200 },
    email: { maxLength: 320 },
    phone: { maxLength: 40 },
    consentScope: { maxLength: 2000 },
  },
  defaultOrder: [{ field: 'name', direction: 'asc' }],
  extraFields: (t) => ({
    consentWithdrawnOn: t.expose('consentWithdrawnOn', {
      type: 'Date',
      nullable: true,
      description: getModel('PanelMember').fields.find((f) => f.name === 'consentWithdrawnOn')?.documentation,
    }),
    erasedAt: t.expose('erasedAt', {
      type: 'DateTime',
      nullable: true,
      description: getModel('PanelMember').fields.find((f) => f.name === 'erasedAt')?.documentation,
    }),
    profile: t.field({
      type: ProfileRef,
      nullable: true,
      description:
        'Diversiteitsprofiel; leeg zonder geldige toestemming | Diversity profile; empty without valid consent',
      authScopes: guardedBy(panelCoordinator),
      select: { profileCiphertext: true, consentGivenOn: true, consentWithdrawnOn: true, erasedAt: true },
      resolve: (member: MemberRow) =>
        consentHolds(member, today()) ? openProfile(member.profileCiphertext, member.id) : null,
    }),
  }),
});

defineEntity('PanelMeeting', {
  plural: 'panelMeetings',
  access: panelAccess,
  rules: { topic: { maxLength: 300 }, place: { maxLength: 200 } },
  defaultOrder: [{ field: 'heldOn', direction: 'desc' }],
});

// Changed through their advice; their events are the coordinator's, as the advice's are.
defineLinkObject('AdviceAction', anyone, panelAccess.write);
defineLinkObject('AdviceTheme', anyone, panelAccess.write);

defineEntity('Advice', {
  plural: 'advices',
  access: panelAccess,
  rules: { topic: { maxLength: 300 } },
  defaultOrder: [{ field: 'givenOn', direction: 'desc' }],
});

// An action and a theme show the advice about them, to signed-in staff (they themselves are public).
for (const [model, linkField] of [
  ['Action', 'adviceLinks'],
  ['Theme', 'adviceLinks'],
] as const) {
  builder.prismaObjectField(model, 'advice', (t) =>
    t.field({
      type: [entityRef('Advice')],
      nullable: true,
      description:
        'Adviezen van het panel hierover, nieuwste eerst (ingelogde medewerkers) | Panel advice about this, newest first (signed-in staff)',
      authScopes: guardedBy(signedIn),
      select: (_args: unknown, _context: unknown, nested: (selection: unknown) => unknown) => ({
        [linkField]: {
          orderBy: [{ advice: { givenOn: 'desc' } }, { adviceId: 'asc' }],
          select: { advice: nested(true) },
        },
      }),
      resolve: (parent: Record<string, { advice: unknown }[]>) =>
        parent[linkField]!.map((link) => link.advice) as never,
    } as never),
  );
}

// ---- domain operations on a member (panel/members.ts) ----------------------------------------

const VERSION_DESCRIPTION = 'De versie die u las | The version you read';

builder.mutationField('setPanelMemberProfile', (t) =>
  t.prismaField({
    type: 'PanelMember',
    description:
      'Legt het diversiteitsprofiel vast (vervangt het hele profiel), versleuteld; alleen met geldige toestemming | Records the diversity profile (replaces all of it), encrypted; only with valid consent',
    authScopes: guardedBy(panelCoordinator),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION_DESCRIPTION }),
      profile: t.arg({ type: ProfileInput, required: true }),
    },
    resolve: (query, _root, args, context) => setMemberProfile(args, context, query) as never,
  }),
);

builder.mutationField('withdrawPanelConsent', (t) =>
  t.prismaField({
    type: 'PanelMember',
    description:
      'Legt vast dat het lid de toestemming introk en wist het diversiteitsprofiel; het wordt niet meer getoond of geteld | Records that the member withdrew consent and erases the diversity profile; it is no longer shown or counted',
    authScopes: guardedBy(panelCoordinator),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION_DESCRIPTION }),
      withdrawnOn: t.arg({ type: 'Date', description: 'Standaard vandaag | Defaults to today' }),
    },
    resolve: (query, _root, args, context) => withdrawConsent(args, context, query) as never,
  }),
);

builder.mutationField('erasePanelMember', (t) =>
  t.prismaField({
    type: 'PanelMember',
    description:
      'Wist een panellid op verzoek (AVG art. 17): alle persoonsgegevens en het profiel weg, het record blijft als "gewist"; adviezen en bijeenkomsten blijven | Erases a panel member on request (GDPR art. 17): all personal data and the profile removed, the record stays as "erased"; advice and meetings stay',
    authScopes: guardedBy(panelCoordinator),
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION_DESCRIPTION }),
    },
    resolve: (query, _root, args, context) => eraseMember(args, context, query) as never,
  }),
);

// ---- export for an access request (art. 15) ---------------------------------------------------

const ExportRef = builder.objectRef<ExportFile>('PanelMemberExport').implement({
  description: 'Een bestand met alle gegevens over één panellid | A file with all data held on one panel member',
  authScopes: guardedBy(panelCoordinator),
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: 'Bestandsnaam | File name' }),
    contentType: t.exposeString('contentType', { description: 'MIME-type | MIME type' }),
    content: t.exposeString('content', { description: 'Inhoud (JSON) | Content (JSON)' }),
  }),
});

builder.mutationField('exportPanelMember', (t) =>
  t.field({
    type: ExportRef,
    description:
      'Alle gegevens over een panellid als bestand, voor een inzageverzoek (AVG art. 15); de export wordt in de audittrail vastgelegd | All data held on a panel member as a file, for an access request (GDPR art. 15); the export is recorded in the audit trail',
    authScopes: guardedBy(panelCoordinator),
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => exportMember(args, context),
  }),
);

// ---- the composition, for everyone with access to the panel ------------------------------------

const BandRef = builder.objectRef<{ low: number; high: number; display: string }>('PanelCount').implement({
  description: 'Een aantal in een band van vijf: "< 5", "5–9", ... | A count as a band of five: "< 5", "5–9", ...',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    low: t.exposeInt('low', { description: 'Ondergrens | Lower bound' }),
    high: t.exposeInt('high', { description: 'Bovengrens | Upper bound' }),
    display: t.exposeString('display', {
      description: 'Zoals getoond, bijv. "< 5" of "10–14" | As shown, e.g. "< 5" or "10–14"',
    }),
  }),
});

const CellRef = builder
  .objectRef<Category & { count: { low: number; high: number; display: string } }>('PanelCompositionCell')
  .implement({
    description: 'Eén groep in de samenstelling | One group in the composition',
    authScopes: guardedBy(signedIn),
    fields: (t) => ({
      key: t.string({ description: 'Code | Code', resolve: (cell) => cell.value }),
      label: t.exposeString('label', { description: 'Naam | Label' }),
      labelEn: t.exposeString('labelEn', { description: 'Naam (Engels) | Label (English)' }),
      count: t.field({ type: BandRef, description: 'Aantal | Count', resolve: (cell) => cell.count }),
    }),
  });

const DimensionRef = builder
  .objectRef<{
    key: string;
    label: string;
    labelEn: string;
    cells: (Category & { count: { low: number; high: number; display: string } })[];
  }>('PanelCompositionDimension')
  .implement({
    description: 'Eén kenmerk van de samenstelling | One dimension of the composition',
    authScopes: guardedBy(signedIn),
    fields: (t) => ({
      key: t.exposeString('key', { description: 'Code | Code' }),
      label: t.exposeString('label', { description: 'Naam | Label' }),
      labelEn: t.exposeString('labelEn', { description: 'Naam (Engels) | Label (English)' }),
      cells: t.field({ type: [CellRef], description: 'Groepen | Groups', resolve: (dimension) => dimension.cells }),
    }),
  });

const CompositionRef = builder.objectRef<Awaited<ReturnType<typeof panelComposition>>>('PanelComposition').implement({
  description:
    'Samenstelling van het panel: huidige leden met toestemming, elk aantal in een band van vijf, zodat geen groep kleiner dan vijf te zien of af te leiden is | Composition of the panel: current members with consent, every count as a band of five, so that no group smaller than five can be seen or derived',
  authScopes: guardedBy(signedIn),
  fields: (t) => ({
    total: t.field({ type: BandRef, description: 'Aantal leden geteld | Members counted', resolve: (c) => c.total }),
    dimensions: t.field({ type: [DimensionRef], description: 'Kenmerken | Dimensions', resolve: (c) => c.dimensions }),
  }),
});

builder.queryField('panelComposition', (t) =>
  t.field({
    type: CompositionRef,
    description:
      'Samenstelling van het panel in groepen van ten minste vijf (ingelogde medewerkers) | Composition of the panel in groups of at least five (signed-in staff)',
    authScopes: guardedBy(signedIn),
    resolve: () => panelComposition(),
  }),
);
