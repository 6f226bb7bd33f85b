// Translations of the social map's visitor-facing texts. Each text is translated from the Dutch
// source; the SHA-256 of that source is stored with the translation, so when the Dutch text
// changes afterwards the translation is outdated, and the public side falls back to Dutch
// rather than show a translation of what the entry no longer says.
import { createHash } from 'node:crypto';
import type { KaartTranslationStatus, Prisma } from '@welkom/db';
import { recordAuditEvent } from '../audit/record.js';
import type { Context } from '../context.js';
import { badUserInput, notFound } from '../crud/errors.js';
import { db } from '../db.js';

/** Which fields of which entity a visitor reads, and so which can be translated. */
export const TRANSLATABLE = {
  KaartService: [
    'name',
    'description',
    'applicationProcess',
    'eligibilityDescription',
    'feesDescription',
    'interpretationServices',
  ],
  KaartOrganization: ['name', 'description'],
  KaartLocation: ['name', 'description', 'transportation', 'accessibilityDescription'],
  KaartTaxonomyTerm: ['name', 'description'],
} as const;
export type TranslatableEntity = keyof typeof TRANSLATABLE;
export const TRANSLATABLE_ENTITIES = Object.keys(TRANSLATABLE) as TranslatableEntity[];

export function sourceHash(text: string | null | undefined): string {
  return createHash('sha256')
    .update(text ?? '')
    .digest('hex');
}

/** A translation that may be shown: not missing, not empty, and made from the current Dutch text. */
export function usableTranslation(
  translation: { text: string | null; status: KaartTranslationStatus; sourceHash: string | null },
  dutch: string | null | undefined,
): boolean {
  return translation.status !== 'MISSING' && !!translation.text && translation.sourceHash === sourceHash(dutch);
}

type Delegate = {
  findUnique: (args: { where: { id: string } }) => Promise<Record<string, unknown> | null>;
  findMany: (args: unknown) => Promise<Record<string, unknown>[]>;
};
function delegate(
  entityType: TranslatableEntity,
  client: Prisma.TransactionClient | ReturnType<typeof db> = db(),
): Delegate {
  const byType = {
    KaartService: client.kaartService,
    KaartOrganization: client.kaartOrganization,
    KaartLocation: client.kaartLocation,
    KaartTaxonomyTerm: client.kaartTaxonomyTerm,
  } as unknown as Record<TranslatableEntity, Delegate>;
  return byType[entityType];
}

/**
 * Overlays translated texts on rows of one entity type, in place of the Dutch ones, where a usable
 * translation exists; one query for all rows. Returns which fields of which row stayed Dutch.
 */
export async function localize<Row extends { id: string }>(
  entityType: TranslatableEntity,
  rows: Row[],
  language: string,
): Promise<Row[]> {
  if (language === 'nl' || rows.length === 0) return rows;
  const translations = await db().kaartTranslation.findMany({
    where: { entityType, language, entityId: { in: rows.map((row) => row.id) } },
    select: { entityId: true, field: true, text: true, status: true, sourceHash: true },
  });
  const byRow = new Map<string, typeof translations>();
  for (const translation of translations)
    byRow.set(translation.entityId, [...(byRow.get(translation.entityId) ?? []), translation]);
  return rows.map((row) => {
    const overlay: Record<string, string> = {};
    for (const translation of byRow.get(row.id) ?? []) {
      const dutch = (row as Record<string, unknown>)[translation.field];
      if (typeof dutch === 'string' && usableTranslation(translation, dutch))
        overlay[translation.field] = translation.text!;
    }
    return { ...row, ...overlay };
  });
}

export interface SaveTranslationInput {
  entityType: string;
  entityId: string;
  field: string;
  language: string;
  text?: string | null;
  status: KaartTranslationStatus;
}

function actorName(context: Pick<Context, 'identity'>): string {
  const identity = context.identity;
  if (identity.kind === 'user') return identity.name || identity.email;
  if (identity.kind === 'token') return identity.label;
  return 'onbekend';
}

/** Saves one translation against the current Dutch text (which it hashes), and audits it. */
export async function saveTranslation(context: Pick<Context, 'identity' | 'requestId'>, input: SaveTranslationInput) {
  const fields = (TRANSLATABLE as Record<string, readonly string[]>)[input.entityType];
  if (!fields) {
    throw badUserInput([
      {
        field: 'input.entityType',
        reason: 'invalid',
        message: `kan niet vertaald worden; kies uit ${TRANSLATABLE_ENTITIES.join(', ')}.`,
        messageEn: `cannot be translated; choose from ${TRANSLATABLE_ENTITIES.join(', ')}.`,
      },
    ]);
  }
  if (!fields.includes(input.field)) {
    throw badUserInput([
      {
        field: 'input.field',
        reason: 'invalid',
        message: `is geen vertaalbaar veld; kies uit ${fields.join(', ')}.`,
        messageEn: `is not a translatable field; choose from ${fields.join(', ')}.`,
      },
    ]);
  }
  if (input.status !== 'MISSING' && !input.text?.trim()) {
    throw badUserInput([
      {
        field: 'input.text',
        reason: 'required',
        message: 'is verplicht, behalve bij status MISSING.',
        messageEn: 'is required unless the status is MISSING.',
      },
    ]);
  }
  const entityType = input.entityType as TranslatableEntity;
  return db().$transaction(async (tx) => {
    const language = await tx.kaartLanguage.findUnique({ where: { code: input.language } });
    if (!language || language.code === 'nl') {
      throw badUserInput([
        {
          field: 'input.language',
          reason: 'invalid',
          message: 'is geen doeltaal van de sociale kaart (zie kaartLanguages).',
          messageEn: 'is not a target language of the social map (see kaartLanguages).',
        },
      ]);
    }
    const source = await delegate(entityType, tx).findUnique({ where: { id: input.entityId } });
    if (!source) throw notFound(entityType, input.entityId);
    const key = { entityType, entityId: input.entityId, field: input.field, language: input.language };
    const before = await tx.kaartTranslation.findUnique({ where: { entityType_entityId_field_language: key } });
    const now = new Date();
    const who = actorName(context);
    const data = {
      text: input.text ?? null,
      status: input.status,
      sourceHash: sourceHash(source[input.field] as string | null),
      translatedBy: who,
      translatedAt: now,
      reviewedBy: input.status === 'VERIFIED' ? who : null,
      reviewedAt: input.status === 'VERIFIED' ? now : null,
    };
    const after = await tx.kaartTranslation.upsert({
      where: { entityType_entityId_field_language: key },
      create: { ...key, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      context,
      operation: before ? 'UPDATE' : 'CREATE',
      entityType: 'KaartTranslation',
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}

export interface QueueRow {
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

/**
 * The translation workbench's rows: every translatable text with its Dutch source beside the
 * translation in `language` (a MISSING row where none exists), filtered by status and outdatedness.
 * One query per entity type plus one for the translations.
 */
export async function translationQueue(filter: {
  language: string;
  status?: KaartTranslationStatus | null;
  outdatedOnly?: boolean | null;
  limit?: number;
}): Promise<QueueRow[]> {
  const translations = await db().kaartTranslation.findMany({ where: { language: filter.language } });
  const byKey = new Map(translations.map((t) => [`${t.entityType}/${t.entityId}/${t.field}`, t]));
  const rows: QueueRow[] = [];
  for (const entityType of TRANSLATABLE_ENTITIES) {
    const fields = TRANSLATABLE[entityType];
    const select = Object.fromEntries([['id', true], ...fields.map((field) => [field, true])]);
    const sources = await delegate(entityType).findMany({ select, orderBy: [{ id: 'asc' }] });
    for (const source of sources) {
      for (const field of fields) {
        const dutch = source[field] as string | null;
        if (!dutch) continue;
        const t = byKey.get(`${entityType}/${source.id as string}/${field}`);
        const outdated = !!t && t.status !== 'MISSING' && t.sourceHash !== sourceHash(dutch);
        rows.push({
          id: t?.id ?? null,
          entityType,
          entityId: source.id as string,
          field,
          language: filter.language,
          source: dutch,
          text: t?.text ?? null,
          status: t?.status ?? 'MISSING',
          outdated,
          translatedBy: t?.translatedBy ?? null,
          translatedAt: t?.translatedAt ?? null,
        });
      }
    }
  }
  return rows
    .filter((row) => (!filter.status || row.status === filter.status) && (!filter.outdatedOnly || row.outdated))
    .slice(0, filter.limit ?? 1000);
}
