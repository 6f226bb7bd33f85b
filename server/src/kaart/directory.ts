// Reading the social map: finding services (search, category, language spoken, target group,
// free, open now) and loading them with everything a visitor or an HSDS client reads. Anonymous
// callers see published entries only; contacts and internal notes are for professionals.
import { Prisma } from '@welkom/db';
import { db } from '../db.js';
import { isOpenAt } from './hours.js';
import { localize } from './translations.js';

export interface ServiceQuery {
  search?: string;
  /** A taxonomy term's id or code. */
  term?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** ISO 639-1 code of a language the service is given in. */
  spoken?: string;
  targetGroupId?: string;
  free?: boolean;
  openNow?: boolean;
  modifiedAfter?: Date;
  /** The visitor's language: search also matches translations in it. */
  language?: string;
}

export interface Audience {
  /** Signed-in staff: unpublished entries, contacts and internal notes too. */
  professional: boolean;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID_PATTERN.test(value);

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Services whose Dutch texts, organisation name or translations contain the words, ignoring case and accents. */
async function searchIds(search: string): Promise<string[]> {
  const words = search.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const conditions = words.map((word) => {
    const pattern = likePattern(word);
    return Prisma.sql`(
      welkom_search_text(s."name") LIKE welkom_search_text(${pattern})
      OR welkom_search_text(s."description") LIKE welkom_search_text(${pattern})
      OR welkom_search_text(coalesce(s."alternateName", '')) LIKE welkom_search_text(${pattern})
      OR welkom_search_text(o."name") LIKE welkom_search_text(${pattern})
      OR EXISTS (SELECT 1 FROM "KaartTranslation" t WHERE t."entityType" = 'KaartService' AND t."entityId" = s."id"
                 AND t."status" <> 'MISSING' AND welkom_search_text(coalesce(t."text", '')) LIKE welkom_search_text(${pattern})))`;
  });
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT s."id"::text AS id FROM "KaartService" s JOIN "KaartOrganization" o ON o."id" = s."organizationId"
    WHERE ${Prisma.join(conditions, ' AND ')}`;
  return rows.map((row) => row.id);
}

async function openNowIds(at: Date): Promise<string[]> {
  const schedules = await db().kaartSchedule.findMany({
    where: { OR: [{ serviceId: { not: null } }, { serviceAtLocationId: { not: null } }] },
    select: {
      serviceId: true,
      serviceAtLocation: { select: { serviceId: true } },
      validFrom: true,
      validTo: true,
      freq: true,
      byday: true,
      opensAt: true,
      closesAt: true,
    },
  });
  const ids = new Set<string>();
  for (const schedule of schedules) {
    const serviceId = schedule.serviceId ?? schedule.serviceAtLocation?.serviceId;
    if (serviceId && isOpenAt(schedule, at)) ids.add(serviceId);
  }
  return [...ids];
}

export async function serviceWhere(
  query: ServiceQuery,
  audience: Audience,
  now = new Date(),
): Promise<Prisma.KaartServiceWhereInput> {
  const and: Prisma.KaartServiceWhereInput[] = [];
  if (!audience.professional) and.push({ publication: 'PUBLISHED', organization: { publication: 'PUBLISHED' } });
  if (query.search?.trim()) and.push({ id: { in: await searchIds(query.search) } });
  if (query.term) {
    and.push({ termLinks: { some: isUuid(query.term) ? { termId: query.term } : { term: { code: query.term } } } });
  }
  if (query.taxonomyId) and.push({ termLinks: { some: { term: { taxonomyId: query.taxonomyId } } } });
  if (query.organizationId) and.push({ organizationId: query.organizationId });
  if (query.spoken) and.push({ languages: { some: { code: query.spoken } } });
  if (query.targetGroupId) and.push({ targetGroupLinks: { some: { targetGroupId: query.targetGroupId } } });
  if (query.free !== undefined) and.push({ free: query.free });
  if (query.openNow) and.push({ id: { in: await openNowIds(now) } });
  if (query.modifiedAfter) and.push({ updatedAt: { gte: query.modifiedAfter } });
  return { AND: and };
}

export const serviceInclude = (audience: Audience) =>
  ({
    organization: true,
    languages: { orderBy: [{ code: 'asc' }] },
    schedules: { orderBy: [{ id: 'asc' }] },
    phones: { orderBy: [{ id: 'asc' }] },
    contacts: audience.professional ? { orderBy: [{ name: 'asc' }], include: { phones: true } } : false,
    termLinks: { include: { term: { include: { taxonomy: true } } } },
    targetGroupLinks: { include: { targetGroup: { select: { id: true, name: true } } } },
    serviceAtLocations: {
      orderBy: [{ id: 'asc' }],
      include: { location: { include: { phones: true, schedules: true } }, schedules: true },
    },
  }) satisfies Prisma.KaartServiceInclude;

export type LoadedService = Prisma.KaartServiceGetPayload<{ include: ReturnType<typeof serviceInclude> }>;

export interface Page<T> {
  total: number;
  page: number;
  perPage: number;
  items: T[];
}

/** One page of services, fully loaded and in `language` where a current translation exists. */
export async function findServices(
  query: ServiceQuery,
  audience: Audience,
  page: number,
  perPage: number,
  language: string,
): Promise<Page<LoadedService>> {
  const where = await serviceWhere(query, audience);
  const [total, rows] = await Promise.all([
    db().kaartService.count({ where }),
    db().kaartService.findMany({
      where,
      include: serviceInclude(audience),
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
    }),
  ]);
  return { total, page, perPage, items: await localizeServices(rows, language) };
}

export async function getService(id: string, audience: Audience, language: string): Promise<LoadedService | null> {
  if (!isUuid(id)) return null;
  const where = await serviceWhere({}, audience);
  const row = await db().kaartService.findFirst({ where: { AND: [where, { id }] }, include: serviceInclude(audience) });
  return row ? (await localizeServices([row], language))[0]! : null;
}

/** Translates the service, its organisation, locations and categories; one query per entity type. */
export async function localizeServices(rows: LoadedService[], language: string): Promise<LoadedService[]> {
  if (language === 'nl' || rows.length === 0) return rows;
  const services = await localize('KaartService', rows, language);
  const organizations = new Map(
    (await localize('KaartOrganization', uniqueById(rows.map((r) => r.organization)), language)).map((o) => [o.id, o]),
  );
  const locations = new Map(
    (
      await localize(
        'KaartLocation',
        uniqueById(rows.flatMap((r) => r.serviceAtLocations.map((sal) => sal.location))),
        language,
      )
    ).map((l) => [l.id, l]),
  );
  const terms = new Map(
    (
      await localize(
        'KaartTaxonomyTerm',
        uniqueById(rows.flatMap((r) => r.termLinks.map((link) => link.term))),
        language,
      )
    ).map((t) => [t.id, t]),
  );
  return services.map((service) => ({
    ...service,
    organization: organizations.get(service.organizationId) ?? service.organization,
    serviceAtLocations: service.serviceAtLocations.map((sal) => ({
      ...sal,
      location: locations.get(sal.locationId) ?? sal.location,
    })),
    termLinks: service.termLinks.map((link) => ({ ...link, term: terms.get(link.termId) ?? link.term })),
  }));
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

/** Organisations that are published (anonymous) or all (staff). */
export function organizationWhere(audience: Audience, search?: string): Prisma.KaartOrganizationWhereInput {
  const and: Prisma.KaartOrganizationWhereInput[] = [];
  if (!audience.professional) and.push({ publication: 'PUBLISHED' });
  if (search?.trim())
    and.push({
      OR: [
        { name: { contains: search.trim(), mode: 'insensitive' } },
        { description: { contains: search.trim(), mode: 'insensitive' } },
      ],
    });
  return { AND: and };
}
