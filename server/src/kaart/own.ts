// Partners keep their own entries with a token carrying `kaart:own`: they create and change
// services of the organisations linked to their partner record; every such change goes back
// to IN_REVIEW, and only the municipality (reviewService) publishes it.
import type { KaartService, Prisma } from '@welkom/db';
import { GraphQLError } from 'graphql';
import { recordAuditEvent } from '../audit/record.js';
import type { Context } from '../context.js';
import { badUserInput, conflict, notFound, staleVersion } from '../crud/errors.js';
import { db } from '../db.js';

export interface OwnServiceInput {
  organizationId?: string | null;
  name?: string | null;
  description?: string | null;
  url?: string | null;
  email?: string | null;
  applicationProcess?: string | null;
  eligibilityDescription?: string | null;
  feesDescription?: string | null;
  free?: boolean | null;
}

const TEXT_LIMIT = 5000;

function partnerOf(context: Pick<Context, 'identity'>): string {
  if (context.identity.kind !== 'token') {
    throw new GraphQLError('Alleen met een API-sleutel van een partner. | Only with a partner API token.', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  return context.identity.partnerId;
}

function checkTexts(input: OwnServiceInput, creating: boolean) {
  const errors = [];
  for (const field of ['name', 'description'] as const) {
    if (creating && !input[field]?.trim())
      errors.push({ field: `input.${field}`, reason: 'required', message: 'is verplicht.', messageEn: 'is required.' });
  }
  for (const [field, value] of Object.entries(input)) {
    if (typeof value === 'string' && value.length > TEXT_LIMIT) {
      errors.push({
        field: `input.${field}`,
        reason: 'too_long',
        message: `is langer dan ${TEXT_LIMIT} tekens.`,
        messageEn: `is longer than ${TEXT_LIMIT} characters.`,
      });
    }
  }
  if (errors.length) throw badUserInput(errors);
}

function fieldsOf(input: OwnServiceInput): Prisma.KaartServiceUncheckedUpdateInput {
  const data: Record<string, unknown> = {};
  for (const field of [
    'name',
    'description',
    'url',
    'email',
    'applicationProcess',
    'eligibilityDescription',
    'feesDescription',
    'free',
  ] as const) {
    if (input[field] !== undefined) data[field] = input[field];
  }
  return data;
}

/** The services a partner maintains, in any publication state. */
export function ownServices(context: Pick<Context, 'identity'>): Promise<KaartService[]> {
  const partnerId = partnerOf(context);
  return db().kaartService.findMany({
    where: { ownerPartnerId: partnerId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

export async function createOwnService(
  context: Pick<Context, 'identity' | 'requestId'>,
  input: OwnServiceInput,
): Promise<KaartService> {
  const partnerId = partnerOf(context);
  checkTexts(input, true);
  if (!input.organizationId)
    throw badUserInput([
      { field: 'input.organizationId', reason: 'required', message: 'is verplicht.', messageEn: 'is required.' },
    ]);
  return db().$transaction(async (tx) => {
    const organization = await tx.kaartOrganization.findUnique({
      where: { id: input.organizationId! },
      select: { partnerId: true },
    });
    if (!organization || organization.partnerId !== partnerId) {
      throw badUserInput([
        {
          field: 'input.organizationId',
          reason: 'not_own',
          message: 'is geen organisatie van uw partner.',
          messageEn: 'is not an organisation of your partner.',
        },
      ]);
    }
    const created = await tx.kaartService.create({
      data: {
        ...(fieldsOf(input) as Prisma.KaartServiceUncheckedCreateInput),
        name: input.name!.trim(),
        description: input.description!.trim(),
        organizationId: input.organizationId!,
        ownerPartnerId: partnerId,
        publication: 'IN_REVIEW',
      },
    });
    await recordAuditEvent(tx, {
      context,
      operation: 'CREATE',
      entityType: 'KaartService',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateOwnService(
  context: Pick<Context, 'identity' | 'requestId'>,
  id: string,
  expectedVersion: number,
  input: OwnServiceInput,
): Promise<KaartService> {
  const partnerId = partnerOf(context);
  checkTexts(input, false);
  if (input.organizationId !== undefined) {
    throw badUserInput([
      {
        field: 'input.organizationId',
        reason: 'invalid',
        message: 'kan niet gewijzigd worden.',
        messageEn: 'cannot be changed.',
      },
    ]);
  }
  return db().$transaction(async (tx) => {
    const before = await tx.kaartService.findUnique({ where: { id } });
    // Another partner's service is "not found": its existence is none of this partner's business.
    if (!before || before.ownerPartnerId !== partnerId) throw notFound('KaartService', id);
    const result = await tx.kaartService.updateMany({
      where: { id, version: expectedVersion },
      data: {
        ...(fieldsOf(input) as Prisma.KaartServiceUpdateManyMutationInput),
        publication: 'IN_REVIEW',
        version: { increment: 1 },
      },
    });
    if (result.count === 0) throw staleVersion('KaartService', id, expectedVersion, before.version);
    const after = await tx.kaartService.findUniqueOrThrow({ where: { id } });
    await recordAuditEvent(tx, {
      context,
      operation: 'UPDATE',
      entityType: 'KaartService',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** The municipality's review: publish, or send back to draft. */
export async function reviewService(
  context: Pick<Context, 'identity' | 'requestId'>,
  id: string,
  expectedVersion: number,
  publish: boolean,
): Promise<KaartService> {
  return db().$transaction(async (tx) => {
    const before = await tx.kaartService.findUnique({ where: { id } });
    if (!before) throw notFound('KaartService', id);
    if (before.publication !== 'IN_REVIEW') {
      throw conflict('not_in_review', 'Deze dienst staat niet ter beoordeling.', 'This service is not in review.', {
        publication: before.publication,
      });
    }
    const result = await tx.kaartService.updateMany({
      where: { id, version: expectedVersion, publication: 'IN_REVIEW' },
      data: { publication: publish ? 'PUBLISHED' : 'DRAFT', version: { increment: 1 } },
    });
    if (result.count === 0) throw staleVersion('KaartService', id, expectedVersion, before.version);
    const after = await tx.kaartService.findUniqueOrThrow({ where: { id } });
    await recordAuditEvent(tx, {
      context,
      operation: publish ? 'KAART_PUBLISHED' : 'KAART_RETURNED',
      entityType: 'KaartService',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
