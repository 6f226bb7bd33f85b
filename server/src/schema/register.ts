// The programme register: themes, sections, goals, actions, partners, target groups,
// preconditions and data-quality notes. Everything uniform comes from defineEntity;
// this module declares only what is particular to the register.
import { type EntityAccess, anyone, publicRegister, signedIn } from '../auth/rules.js';
import { defineEntity, defineLinkObject } from '../crud/entity.js';
import { lateWhere, notLateWhere, progressMissingWhere } from '../progress/overview.js';
import { todayInAmsterdam } from '../subsidies/calendar.js';

// The published document is public; who leads an action, working notes and the state of a
// precondition are the municipality's own and visible to signed-in staff only.
// progressMissing is a derived filter over progress requests, which only staff read.
const actionAccess: EntityAccess = {
  ...publicRegister,
  fields: { owner: signedIn, notes: signedIn, ownerId: signedIn, progressMissing: signedIn },
};
const preconditionAccess: EntityAccess = { ...publicRegister, fields: { met: signedIn, comment: signedIn } };

const ACTION_CODE = /^\d\.\d \d+\.[A-Z]$/;
const SECTION_CODE = /^\d\.\d$/;
const GOAL_CODE = /^\d\.\d \d+$/;

// Links are changed through their action; their events (if any) are the register keepers'.
defineLinkObject('ActionPartner', anyone, publicRegister.write);
defineLinkObject('ActionTargetGroup', anyone, publicRegister.write);

defineEntity('Theme', {
  access: publicRegister,
  plural: 'themes',
  // Panel advice is for signed-in staff: schema/panel.ts adds it as its own guarded field.
  hidden: ['adviceLinks'],
  rules: { name: { maxLength: 200 } },
});

defineEntity('Section', {
  access: publicRegister,
  plural: 'sections',
  rules: {
    code: { maxLength: 10, pattern: SECTION_CODE, patternHint: '"1.1"' },
    title: { maxLength: 200 },
  },
  defaultOrder: [{ field: 'code', direction: 'asc' }],
});

defineEntity('Goal', {
  access: publicRegister,
  plural: 'goals',
  rules: { code: { maxLength: 12, pattern: GOAL_CODE, patternHint: '"1.1 1"' } },
  derivedFilters: {
    themeId: {
      type: 'id',
      description: 'Doelstellingen van deze opgave | Goals of this theme',
      where: (condition) => ({ section: { themeId: condition } }),
    },
  },
  defaultOrder: [{ field: 'code', direction: 'asc' }],
});

defineEntity('Action', {
  access: actionAccess,
  plural: 'actions',
  // Panel advice is for signed-in staff: schema/panel.ts adds it as its own guarded field.
  // Progress (updates, the owning user) is schema/progress.ts's; the status moves through rounds.
  hidden: ['adviceLinks', 'progressUpdates', 'ownerUser'],
  readOnly: ['assessment', 'statusSource'],
  rules: {
    code: { maxLength: 12, pattern: ACTION_CODE, patternHint: '"1.2 1.A"' },
    letter: { maxLength: 2, pattern: /^[A-Z]$/, patternHint: '"A"' },
    owner: { maxLength: 200 },
  },
  derivedFilters: {
    sectionId: {
      type: 'id',
      description: 'Acties van dit onderdeel | Actions of this section',
      where: (condition) => ({ goal: { sectionId: condition } }),
    },
    themeId: {
      type: 'id',
      description: 'Acties van deze opgave | Actions of this theme',
      where: (condition) => ({ goal: { section: { themeId: condition } } }),
    },
    // "te laat" and "voortgang ontbreekt" as of today, by the rules in progress/overview.ts.
    late: {
      type: 'boolean',
      description:
        'Te laat: einddatum voorbij en niet afgerond of geschrapt, of beoordeeld als achter | Late: end date passed and not done or cancelled, or assessed behind',
      where: (late) => (late ? lateWhere : notLateWhere)(todayInAmsterdam()),
    },
    progressMissing: {
      type: 'boolean',
      description:
        'Voortgang ontbreekt: een verzoek is na de uiterste datum niet ingediend | Progress missing: a request was not submitted by its due date',
      where: (missing) => progressMissingWhere(todayInAmsterdam(), missing),
    },
  },
  defaultOrder: [{ field: 'code', direction: 'asc' }],
});

defineEntity('Partner', {
  access: publicRegister,
  plural: 'partners',
  // Tokens are the security module's to show, to administrators only; subsidy applications
  // are schema/subsidies.ts's (grant officers, and a partner's own through its token).
  hidden: ['apiTokens', 'subsidyApplications', 'progressRequests', 'kaartOrganizations', 'kaartServices'],
  rules: { name: { maxLength: 200 }, website: { maxLength: 500 } },
});

defineEntity('TargetGroup', {
  access: publicRegister,
  plural: 'targetGroups',
  // The social map's services are for staff (schema/kaart.ts); the public reads them at /hsds and /kaart.
  hidden: ['kaartServiceLinks'],
  rules: { name: { maxLength: 200 } },
});

defineEntity('Precondition', {
  access: preconditionAccess,
  plural: 'preconditions',
  derivedFilters: {
    goalId: {
      type: 'id',
      description: 'Randvoorwaarden van acties onder deze doelstelling | Preconditions of actions under this goal',
      where: (condition) => ({ action: { goalId: condition } }),
    },
  },
});

defineEntity('DataQualityNote', {
  access: publicRegister,
  plural: 'dataQualityNotes',
  rules: { key: { maxLength: 200 }, title: { maxLength: 300 } },
  defaultOrder: [{ field: 'key', direction: 'asc' }],
});
