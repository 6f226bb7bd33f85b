// What a panel coordinator does to a member beyond the uniform API: record or withdraw the
// diversity profile, erase the member, export all data held on them. Each runs in one
// transaction with its audit event; no GraphQL here (schema/panel.ts exposes them).
import type { Prisma } from '@welkom/db';
import type { GraphQLError } from 'graphql';
import { recordAuditEvent } from '../audit/record.js';
import { markSensitive } from '../audit/sensitive.js';
import type { Context } from '../context.js';
import { SYSTEM_FIELDS, getModel } from '../crud/dmmf.js';
import { badUserInput, notFound, staleVersion } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { versionedUpdate } from '../crud/write.js';
import { db } from '../db.js';
import {
  AGE_BANDS,
  type Category,
  EDUCATION_LEVELS,
  LGBTIQ,
  type Profile,
  consentHolds,
  countryName,
  isCountryCode,
  openProfile,
  sealProfile,
  today,
} from './profile.js';

/** The profile as the coordinator enters it; every category may be left open. */
export interface ProfileInput {
  ageBand?: string | null;
  educationLevel?: string | null;
  countryOfOrigin?: string | null;
  lgbtiq?: string | null;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: string;
}

// Every field of a member except its id, version, timestamps and erasure mark.
export const MEMBER_PERSONAL_FIELDS = getModel('PanelMember')
  .fields.filter((field) => field.kind !== 'object' && !SYSTEM_FIELDS.has(field.name) && field.name !== 'erasedAt')
  .map((field) => field.name);
markSensitive('PanelMember', MEMBER_PERSONAL_FIELDS);

export const memberNotFound = (id: string) => notFound('PanelMember', id);

/** Loads the member for a change, checks the version, and runs `work` in one transaction with its audit event. */
async function changeMember<T>(
  id: string,
  expectedVersion: number,
  work: (tx: Prisma.TransactionClient, member: Prisma.PanelMemberGetPayload<object>) => Promise<T>,
): Promise<T> {
  checkId(id);
  return db().$transaction(async (tx) => {
    const member = await tx.panelMember.findUnique({ where: { id } });
    if (!member) throw memberNotFound(id);
    if (member.version !== expectedVersion) throw staleVersion('PanelMember', id, expectedVersion, member.version);
    // The version check and the write are one statement, so two coordinators cannot both win.
    await versionedUpdate(tx, 'PanelMember', id, expectedVersion, {});
    return work(tx, member);
  });
}

function refuse(field: string, reason: string, message: string, messageEn: string): GraphQLError {
  return badUserInput([{ field, reason, message, messageEn }]);
}

const ERASED_NAME = 'Gewist panellid';

const labelled = (categories: readonly Category[], value: string | null) => {
  const found = categories.find((item) => item.value === value);
  return found ? { code: found.value, label: found.label, labelEn: found.labelEn } : null;
};

/** Records the diversity profile (replacing all of it), sealed; only with valid consent. */
export const setMemberProfile = async (
  args: { id: string; expectedVersion: number; profile: ProfileInput },
  context: Context,
  query: object = {},
) => {
  const input = args.profile;
  const country = input.countryOfOrigin?.trim().toUpperCase() || null;
  // The message does not repeat the value: it is special-category data.
  if (country && !isCountryCode(country)) {
    throw refuse(
      'profile.countryOfOrigin',
      'invalid_format',
      'Land van herkomst is geen geldige ISO 3166-1-code.',
      'Country of origin is not a valid ISO 3166-1 code.',
    );
  }
  const profile: Profile = {
    ageBand: (input.ageBand as string | null | undefined) ?? null,
    educationLevel: (input.educationLevel as string | null | undefined) ?? null,
    countryOfOrigin: country,
    lgbtiq: (input.lgbtiq as string | null | undefined) ?? null,
  };
  return changeMember(args.id, args.expectedVersion, async (tx, member) => {
    if (member.erasedAt) throw refuse('id', 'erased', 'Dit panellid is gewist.', 'This panel member has been erased.');
    if (!consentHolds(member, today())) {
      throw refuse(
        'id',
        'no_consent',
        'Zonder geldige toestemming wordt geen profiel vastgelegd.',
        'No profile is recorded without valid consent.',
      );
    }
    const profileCiphertext = sealProfile(profile, member.id);
    await tx.panelMember.update({ where: { id: member.id }, data: { profileCiphertext } });
    await recordAuditEvent(tx, {
      context,
      operation: 'PROFILE_SET',
      entityType: 'PanelMember',
      entityId: member.id,
      before: { profileCiphertext: member.profileCiphertext, version: member.version },
      after: { profileCiphertext, version: member.version + 1 },
    });
    return tx.panelMember.findUniqueOrThrow({ ...query, where: { id: member.id } });
  });
};

/** Records a withdrawn consent and erases the profile: it is no longer shown or counted. */
export const withdrawConsent = (
  args: { id: string; expectedVersion: number; withdrawnOn?: Date | null },
  context: Context,
  query: object = {},
) =>
  changeMember(args.id, args.expectedVersion, async (tx, member) => {
    if (member.erasedAt) throw refuse('id', 'erased', 'Dit panellid is gewist.', 'This panel member has been erased.');
    const consentWithdrawnOn = args.withdrawnOn ?? today();
    await tx.panelMember.update({ where: { id: member.id }, data: { consentWithdrawnOn, profileCiphertext: null } });
    await recordAuditEvent(tx, {
      context,
      operation: 'CONSENT_WITHDRAWN',
      entityType: 'PanelMember',
      entityId: member.id,
      before: {
        consentWithdrawnOn: member.consentWithdrawnOn,
        profileCiphertext: member.profileCiphertext,
        version: member.version,
      },
      after: { consentWithdrawnOn, profileCiphertext: null, version: member.version + 1 },
    });
    return tx.panelMember.findUniqueOrThrow({ ...query, where: { id: member.id } });
  });

/** Erases a member on request (GDPR art. 17); the record stays, marked erased. */
export const eraseMember = (args: { id: string; expectedVersion: number }, context: Context, query: object = {}) =>
  changeMember(args.id, args.expectedVersion, async (tx, member) => {
    if (member.erasedAt)
      throw refuse('id', 'erased', 'Dit panellid is al gewist.', 'This panel member has already been erased.');
    const erasedAt = new Date();
    const cleared = Object.fromEntries(MEMBER_PERSONAL_FIELDS.map((field) => [field, null]));
    await tx.panelMember.update({ where: { id: member.id }, data: { ...cleared, name: ERASED_NAME, erasedAt } });
    // The event says that and when, never what: no before or after values of the person.
    await recordAuditEvent(tx, {
      context,
      operation: 'ERASED',
      entityType: 'PanelMember',
      entityId: member.id,
      before: { erasedAt: null },
      after: { erasedAt },
    });
    return tx.panelMember.findUniqueOrThrow({ ...query, where: { id: member.id } });
  });

/** All data held on a member as a file, for an access request (GDPR art. 15); audited. */
export const exportMember = async (args: { id: string }, context: Context) => {
  checkId(args.id);
  return db().$transaction(async (tx) => {
    const member = await tx.panelMember.findUnique({ where: { id: args.id } });
    if (!member) throw memberNotFound(args.id);
    const history = await tx.auditEvent.findMany({
      where: { entityType: 'PanelMember', entityId: member.id },
      orderBy: { id: 'asc' },
      select: { at: true, operation: true, actorType: true, changedFields: true },
    });
    const profile = consentHolds(member, today()) ? openProfile(member.profileCiphertext, member.id) : null;
    const exportedAt = new Date();
    const document = {
      about: {
        nl: 'Inzage in persoonsgegevens (AVG art. 15): alle gegevens die de gemeente Nijmegen in Welkom over u als lid van het panel van ervaringsdeskundigen bewaart.',
        en: 'Access to personal data (GDPR art. 15): all data the municipality of Nijmegen holds on you in Welkom as a member of the lived-experience panel.',
        purpose:
          'Samenstelling en contact van het panel van ervaringsdeskundigen (actie 5.2 3.A). | Composition of and contact with the lived-experience panel (action 5.2 3.A).',
        legalBasis:
          'Toestemming (AVG art. 6 lid 1 sub a en art. 9 lid 2 sub a); u kunt die altijd intrekken. | Consent (GDPR art. 6(1)(a) and 9(2)(a)); you may withdraw it at any time.',
        recipients:
          "Alleen de panelcoördinator ziet uw gegevens; anderen zien de samenstelling van het panel in groepen van ten minste vijf. | Only the panel coordinator sees your data; others see the panel's composition in groups of at least five.",
        exportedAt: exportedAt.toISOString(),
      },
      member: {
        id: member.id,
        name: member.name,
        email: member.email,
        phone: member.phone,
        joinedOn: member.joinedOn?.toISOString().slice(0, 10) ?? null,
        leftOn: member.leftOn?.toISOString().slice(0, 10) ?? null,
        notes: member.notes,
        erasedAt: member.erasedAt?.toISOString() ?? null,
      },
      consent: {
        givenOn: member.consentGivenOn?.toISOString().slice(0, 10) ?? null,
        scope: member.consentScope,
        withdrawnOn: member.consentWithdrawnOn?.toISOString().slice(0, 10) ?? null,
      },
      diversityProfile: profile && {
        ageBand: labelled(AGE_BANDS, profile.ageBand),
        educationLevel: labelled(EDUCATION_LEVELS, profile.educationLevel),
        countryOfOrigin: profile.countryOfOrigin && {
          code: profile.countryOfOrigin,
          label: countryName(profile.countryOfOrigin),
          labelEn: countryName(profile.countryOfOrigin, 'en'),
        },
        lgbtiq: labelled(LGBTIQ, profile.lgbtiq),
      },
      // What was done with the record, when; the trail itself holds no personal values.
      history: history.map((event) => ({
        at: event.at.toISOString(),
        operation: event.operation,
        by: event.actorType,
        changedFields: event.changedFields,
      })),
    };
    await recordAuditEvent(tx, { context, operation: 'EXPORTED', entityType: 'PanelMember', entityId: member.id });
    return {
      fileName: `panellid-${member.id}-${exportedAt.toISOString().slice(0, 10)}.json`,
      contentType: 'application/json',
      content: `${JSON.stringify(document, null, 2)}\n`,
    };
  });
};
