// The sociale kaart as open data, following the API reference of Open Referral's HSDS 3.0:
// GET /hsds/ (API info), /hsds/services[/{id}], /hsds/organizations[/{id}],
// /hsds/service_at_locations[/{id}], /hsds/taxonomies[/{id}], /hsds/taxonomy_terms[/{id}].
// Lists carry HSDS' paging envelope; field names are HSDS' snake_case; absent values are left
// out rather than sent as null (HSDS types them as strings and numbers). Anonymous callers see
// published entries only; signed-in staff also see unpublished ones and contacts. The language
// comes from ?lang= or Accept-Language, and texts without a current translation stay Dutch.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  KaartContact,
  KaartLocation,
  KaartPhone,
  KaartSchedule,
  KaartTaxonomy,
  KaartTaxonomyTerm,
  Prisma,
} from '@welkom/db';
import { db } from '../db.js';
import {
  type LoadedService,
  findServices,
  getService,
  isUuid,
  localizeServices,
  organizationWhere,
  serviceInclude,
  serviceWhere,
} from '../kaart/directory.js';
import { activeLanguages, chooseLanguage } from '../kaart/languages.js';
import { localize } from '../kaart/translations.js';
import { callerOf, isProfessional, sendJsonBody } from './caller.js';

export const HSDS_VERSION = '3.0';
const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
const PROFILE_URL = 'https://docs.openreferral.org/en/v3.0/';
const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 200;

class BadRequest extends Error {
  constructor(
    readonly parameter: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

/** Drops null and undefined members: HSDS' JSON schemas type optional fields, they do not allow null. */
function compact<T extends Json>(object: T): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

/** A stable UUID for an HSDS object we store inside another row (an address, a term attribute). */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('/')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const STATUS = {
  ACTIVE: 'active',
  INACTIVE: 'inactive',
  DEFUNCT: 'defunct',
  TEMPORARILY_CLOSED: 'temporarily closed',
} as const;

export function hsdsTaxonomy(taxonomy: KaartTaxonomy): Json {
  return compact({
    id: taxonomy.id,
    name: taxonomy.name,
    description: taxonomy.description,
    uri: taxonomy.uri,
    version: taxonomy.edition,
  });
}

export function hsdsTerm(term: KaartTaxonomyTerm & { taxonomy?: KaartTaxonomy }, language: string): Json {
  return compact({
    id: term.id,
    code: term.code,
    name: term.name,
    description: term.description,
    parent_id: term.parentId,
    taxonomy: term.taxonomy?.name,
    taxonomy_id: term.taxonomyId,
    language,
    taxonomy_detail: term.taxonomy ? hsdsTaxonomy(term.taxonomy) : undefined,
  });
}

function hsdsPhone(phone: KaartPhone): Json {
  return compact({
    id: phone.id,
    service_id: phone.serviceId,
    organization_id: phone.organizationId,
    location_id: phone.locationId,
    contact_id: phone.contactId,
    number: phone.number,
    extension: phone.extension,
    type: phone.type,
    description: phone.description,
  });
}

function hsdsSchedule(schedule: KaartSchedule): Json {
  return compact({
    id: schedule.id,
    service_id: schedule.serviceId,
    location_id: schedule.locationId,
    service_at_location_id: schedule.serviceAtLocationId,
    valid_from: isoDate(schedule.validFrom),
    valid_to: isoDate(schedule.validTo),
    dtstart: isoDate(schedule.dtstart),
    until: isoDate(schedule.until),
    freq: schedule.freq,
    interval: schedule.interval,
    byday: schedule.byday,
    bymonthday: schedule.bymonthday,
    opens_at: schedule.opensAt,
    closes_at: schedule.closesAt,
    description: schedule.description,
    notes: schedule.notes,
    attending_type: schedule.attendingType,
    schedule_link: schedule.scheduleLink,
  });
}

export function hsdsLocation(location: KaartLocation & { phones?: KaartPhone[]; schedules?: KaartSchedule[] }): Json {
  // HSDS requires address_1, city, state_province, postal_code and country: a partial address is not sent.
  const complete = location.address1 && location.city && location.stateProvince && location.postalCode;
  return compact({
    id: location.id,
    location_type: location.locationType.toLowerCase(),
    organization_id: location.organizationId,
    name: location.name,
    description: location.description,
    transportation: location.transportation,
    latitude: location.latitude,
    longitude: location.longitude,
    addresses: complete
      ? [
          compact({
            id: derivedId(location.id, 'address'),
            location_id: location.id,
            address_1: location.address1,
            address_2: location.address2,
            city: location.city,
            state_province: location.stateProvince,
            postal_code: location.postalCode,
            country: location.country,
            address_type: location.locationType === 'POSTAL' ? 'postal' : 'physical',
          }),
        ]
      : [],
    accessibility: location.accessibilityDescription
      ? [
          compact({
            id: derivedId(location.id, 'accessibility'),
            location_id: location.id,
            description: location.accessibilityDescription,
            details: location.accessibilityDetails,
          }),
        ]
      : [],
    phones: location.phones?.map(hsdsPhone),
    schedules: location.schedules?.map(hsdsSchedule),
  });
}

function hsdsOrganization(organization: LoadedService['organization']): Json {
  return compact({
    id: organization.id,
    name: organization.name,
    alternate_name: organization.alternateName,
    description: organization.description,
    email: organization.email,
    website: organization.website,
  });
}

type ServiceAtLocation = LoadedService['serviceAtLocations'][number];
function hsdsServiceAtLocation(sal: ServiceAtLocation): Json {
  return compact({
    id: sal.id,
    service_id: sal.serviceId,
    location_id: sal.locationId,
    description: sal.description,
    schedules: sal.schedules.map(hsdsSchedule),
    location: hsdsLocation(sal.location),
  });
}

export function hsdsService(service: LoadedService, language: string): Json {
  return compact({
    id: service.id,
    organization_id: service.organizationId,
    name: service.name,
    alternate_name: service.alternateName,
    description: service.description,
    url: service.url,
    email: service.email,
    status: STATUS[service.status],
    interpretation_services: service.interpretationServices,
    application_process: service.applicationProcess,
    fees_description: service.feesDescription,
    eligibility_description: service.eligibilityDescription,
    minimum_age: service.minimumAge,
    maximum_age: service.maximumAge,
    // HSDS: "The date that the information about the service was last checked."
    assured_date: isoDate(service.lastCheckedAt),
    last_modified: service.updatedAt.toISOString(),
    organization: hsdsOrganization(service.organization),
    phones: service.phones.map(hsdsPhone),
    schedules: service.schedules.map(hsdsSchedule),
    service_at_locations: service.serviceAtLocations.map(hsdsServiceAtLocation),
    languages: service.languages.map((l) =>
      compact({ id: l.id, service_id: l.serviceId, code: l.code, name: l.name, note: l.note }),
    ),
    contacts: ((service.contacts ?? []) as (KaartContact & { phones: KaartPhone[] })[]).map((contact) =>
      compact({
        id: contact.id,
        service_id: contact.serviceId,
        organization_id: contact.organizationId,
        name: contact.name,
        title: contact.title,
        department: contact.department,
        email: contact.email,
        phones: contact.phones.map(hsdsPhone),
      }),
    ),
    // Categories are HSDS attributes linking the service to a taxonomy term.
    attributes: service.termLinks.map((link) =>
      compact({
        id: derivedId(service.id, 'term', link.termId),
        link_id: service.id,
        link_type: 'service',
        link_entity: 'service',
        taxonomy_term_id: link.termId,
        taxonomy_term: hsdsTerm(link.term, language),
      }),
    ),
    cost_options: [],
  });
}

function envelope(total: number, page: number, perPage: number, contents: unknown[]): Json {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

function integerParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadRequest(
      name,
      `${name} moet een geheel getal van 1 tot en met ${max} zijn.`,
      `${name} must be an integer from 1 to ${max}.`,
    );
  }
  return value;
}

function idParam(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!isUuid(raw)) throw new BadRequest(name, `${name} is geen geldige UUID.`, `${name} is not a valid UUID.`);
  return raw;
}

function booleanParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false')
    throw new BadRequest(name, `${name} moet true of false zijn.`, `${name} must be true or false.`);
  return raw === 'true';
}

function dateTimeParam(url: URL, name: string): Date | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const value = new Date(raw);
  if (Number.isNaN(value.getTime()))
    throw new BadRequest(
      name,
      `${name} is geen geldig tijdstip (ISO 8601).`,
      `${name} is not a valid date-time (ISO 8601).`,
    );
  return value;
}

function paging(url: URL) {
  return {
    page: integerParam(url, 'page', 1, 1_000_000),
    perPage: integerParam(url, 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE),
  };
}

function serviceQuery(url: URL, language: string) {
  const search = url.searchParams.get('search') ?? undefined;
  if (search && search.length > 200)
    throw new BadRequest('search', 'search is langer dan 200 tekens.', 'search is longer than 200 characters.');
  return {
    search,
    language,
    term: idParam(url, 'taxonomy_term_id'),
    taxonomyId: idParam(url, 'taxonomy_id'),
    organizationId: idParam(url, 'organization_id'),
    modifiedAfter: dateTimeParam(url, 'modified_after'),
  };
}

// The API's error convention (docs/api.md, Errors): Dutch message, English in messageEn, a code.
const notFoundBody = { message: 'Niet gevonden.', messageEn: 'Not found.', code: 'NOT_FOUND' };

export async function handleHsds(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    sendJsonBody(response, status, body, headers);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(405, { message: 'Alleen GET.', messageEn: 'Only GET.', code: 'METHOD_NOT_ALLOWED' }, { allow: 'GET, HEAD' });
    return;
  }
  const identity = await callerOf(request, (status, message, headers) =>
    send(status, { message, code: status === 401 ? 'UNAUTHENTICATED' : 'TOO_MANY_REQUESTS' }, headers),
  );
  if (!identity) return;
  const audience = { professional: isProfessional(identity) };
  const language = chooseLanguage(
    await activeLanguages(),
    url.searchParams.get('lang'),
    request.headers['accept-language'],
  );
  const headers = { 'content-language': language.code, vary: 'Accept-Language, Cookie, Authorization' };
  const segments = url.pathname
    .replace(/^\/hsds\/?/, '')
    .split('/')
    .filter(Boolean);
  const [resource, id, extra] = segments;
  if (extra !== undefined) return send(404, notFoundBody);

  try {
    if (!resource) {
      return send(200, { version: HSDS_VERSION, profile: PROFILE_URL, openapi_url: OPENAPI_URL }, headers);
    }
    if (resource === 'services') {
      if (id) {
        const service = await getService(id, audience, language.code);
        return service ? send(200, hsdsService(service, language.code), headers) : send(404, notFoundBody, headers);
      }
      const { page, perPage } = paging(url);
      const result = await findServices(serviceQuery(url, language.code), audience, page, perPage, language.code);
      return send(
        200,
        envelope(
          result.total,
          page,
          perPage,
          result.items.map((s) => hsdsService(s, language.code)),
        ),
        headers,
      );
    }
    if (resource === 'service_at_locations') {
      const serviceScope = await serviceWhere(id ? {} : serviceQuery(url, language.code), audience);
      const postcode = url.searchParams.get('postcode')?.replace(/\s+/g, '').toUpperCase();
      const where: Prisma.KaartServiceAtLocationWhereInput = {
        service: serviceScope,
        ...(id ? { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' } : {}),
        ...(postcode ? { location: { postalCode: { startsWith: postcode.slice(0, 4) } } } : {}),
      };
      const include = { service: { include: serviceInclude(audience) } } as const;
      const { page, perPage } = id ? { page: 1, perPage: 1 } : paging(url);
      const [total, rows] = await Promise.all([
        db().kaartServiceAtLocation.count({ where }),
        db().kaartServiceAtLocation.findMany({
          where,
          include,
          orderBy: [{ id: 'asc' }],
          skip: (page - 1) * perPage,
          take: perPage,
        }),
      ]);
      const services = new Map(
        (
          await localizeServices(
            rows.map((row) => row.service),
            language.code,
          )
        ).map((s) => [s.id, s]),
      );
      const contents = rows.map((row) => {
        const service = services.get(row.serviceId)!;
        const sal = service.serviceAtLocations.find((candidate) => candidate.id === row.id)!;
        return { ...hsdsServiceAtLocation(sal), service: hsdsService(service, language.code) };
      });
      if (id) return contents[0] ? send(200, contents[0], headers) : send(404, notFoundBody, headers);
      return send(200, envelope(total, page, perPage, contents), headers);
    }
    if (resource === 'organizations') {
      const where = organizationWhere(audience, id ? undefined : (url.searchParams.get('search') ?? undefined));
      const { page, perPage } = id ? { page: 1, perPage: 1 } : paging(url);
      const scoped: Prisma.KaartOrganizationWhereInput = id
        ? { AND: [where, { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' }] }
        : where;
      const include = {
        locations: { include: { phones: true, schedules: true }, orderBy: [{ id: 'asc' as const }] },
        phones: { orderBy: [{ id: 'asc' as const }] },
      };
      const [total, rows] = await Promise.all([
        db().kaartOrganization.count({ where: scoped }),
        db().kaartOrganization.findMany({
          where: scoped,
          include,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          skip: (page - 1) * perPage,
          take: perPage,
        }),
      ]);
      const localized = await localize('KaartOrganization', rows, language.code);
      const contents = localized.map((o) =>
        compact({
          id: o.id,
          name: o.name,
          alternate_name: o.alternateName,
          description: o.description,
          email: o.email,
          website: o.website,
          phones: o.phones.map(hsdsPhone),
          locations: o.locations.map(hsdsLocation),
        }),
      );
      if (id) return contents[0] ? send(200, contents[0], headers) : send(404, notFoundBody, headers);
      return send(200, envelope(total, page, perPage, contents), headers);
    }
    if (resource === 'taxonomies') {
      const search = url.searchParams.get('search')?.trim();
      const where: Prisma.KaartTaxonomyWhereInput = id
        ? { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' }
        : search
          ? { name: { contains: search, mode: 'insensitive' } }
          : {};
      const { page, perPage } = id ? { page: 1, perPage: 1 } : paging(url);
      const [total, rows] = await Promise.all([
        db().kaartTaxonomy.count({ where }),
        db().kaartTaxonomy.findMany({
          where,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          skip: (page - 1) * perPage,
          take: perPage,
        }),
      ]);
      if (id) return rows[0] ? send(200, hsdsTaxonomy(rows[0]), headers) : send(404, notFoundBody, headers);
      return send(200, envelope(total, page, perPage, rows.map(hsdsTaxonomy)), headers);
    }
    if (resource === 'taxonomy_terms') {
      const search = url.searchParams.get('search')?.trim();
      const taxonomyId = idParam(url, 'taxonomy_id');
      const parentId = idParam(url, 'parent_id');
      const topOnly = booleanParam(url, 'top_only');
      const where: Prisma.KaartTaxonomyTermWhereInput = id
        ? { id: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' }
        : {
            AND: [
              search
                ? {
                    OR: [
                      { name: { contains: search, mode: 'insensitive' } },
                      { code: { contains: search, mode: 'insensitive' } },
                    ],
                  }
                : {},
              taxonomyId ? { taxonomyId } : {},
              parentId ? { parentId } : {},
              topOnly ? { parentId: null } : {},
            ],
          };
      const { page, perPage } = id ? { page: 1, perPage: 1 } : paging(url);
      const [total, rows] = await Promise.all([
        db().kaartTaxonomyTerm.count({ where }),
        db().kaartTaxonomyTerm.findMany({
          where,
          include: { taxonomy: true },
          orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
          skip: (page - 1) * perPage,
          take: perPage,
        }),
      ]);
      const localized = await localize('KaartTaxonomyTerm', rows, language.code);
      if (id)
        return localized[0]
          ? send(200, hsdsTerm(localized[0], language.code), headers)
          : send(404, notFoundBody, headers);
      return send(
        200,
        envelope(
          total,
          page,
          perPage,
          localized.map((t) => hsdsTerm(t, language.code)),
        ),
        headers,
      );
    }
    return send(404, notFoundBody, headers);
  } catch (error) {
    if (error instanceof BadRequest) {
      return send(
        400,
        { message: error.message, messageEn: error.messageEn, code: 'BAD_USER_INPUT', parameter: error.parameter },
        headers,
      );
    }
    throw error;
  }
}
