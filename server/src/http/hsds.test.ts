// The HSDS 3.0 read API over real HTTP, every endpoint checked against zod schemas written from
// the specification (test/hsds-schemas.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { db } from '../db.js';
import { DEMO_ORGANIZATION, seedDemoSocialMap } from '../kaart/demo.js';
import { sourceHash } from '../kaart/translations.js';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';
import {
  ApiInfo,
  Organization,
  Service,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
  pageOf,
} from '../test/hsds-schemas.js';

let api: Harness;
let staff: SignedInClient;
let draftId: string;
let publishedCount: number;

beforeAll(async () => {
  api = await startHarness();
  await seedDemoSocialMap(db());
  staff = await api.createUser({ roles: ['VIEWER'] });
  const organization = await db().kaartOrganization.findUniqueOrThrow({ where: { name: 'GGD' } });
  draftId = (
    await db().kaartService.create({
      data: {
        organizationId: organization.id,
        name: 'Concept: nog niet gepubliceerd',
        description: 'Onzichtbaar voor bezoekers',
      },
    })
  ).id;
  publishedCount = await db().kaartService.count({ where: { publication: 'PUBLISHED' } });
}, 120_000);
afterAll(() => api?.close());

async function get<T extends z.ZodType>(path: string, schema: T, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  const body = await response.json();
  expect(response.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? [], path).toEqual([]);
  return { body: parsed.data as z.infer<T>, headers: response.headers };
}

const ServicePage = pageOf(Service);

describe('GET /hsds/', () => {
  it('answers with the HSDS version, profile and OpenAPI url', async () => {
    const { body } = await get('/hsds/', ApiInfo);
    expect(body.version).toBe('3.0');
    expect((await fetch(`${api.url}/hsds`)).status).toBe(200);
  });
});

describe('GET /hsds/services', () => {
  it('pages published services in the HSDS envelope, and never shows a draft to an anonymous caller', async () => {
    const { body } = await get('/hsds/services?per_page=5&page=2', ServicePage);
    expect(body).toMatchObject({
      total_items: publishedCount,
      page_number: 2,
      size: 5,
      first_page: false,
      last_page: false,
      empty: false,
    });
    expect(body.total_pages).toBe(Math.ceil(publishedCount / 5));
    const all = await get('/hsds/services?per_page=200', ServicePage);
    expect(all.body.contents.map((s) => s.id)).not.toContain(draftId);
    expect(all.body.last_page).toBe(true);
    // Signed-in staff see drafts too.
    const forStaff = await get('/hsds/services?per_page=200', ServicePage, staff.headers);
    expect(forStaff.body.contents.map((s) => s.id)).toContain(draftId);
    const empty = await get('/hsds/services?search=zzzonbekendzzz', ServicePage);
    expect(empty.body).toMatchObject({ total_items: 0, total_pages: 0, empty: true, size: 0, contents: [] });
  });

  it("searches ignoring accents and case, also in the visitor's language", async () => {
    const cafe = await get('/hsds/services?search=TAALCAFE', ServicePage);
    expect(cafe.body.contents.map((s) => s.name)).toEqual(['Demo: Taalcafé (fictief)']);
    const arabic = await get(`/hsds/services?search=${encodeURIComponent('مقهى')}&lang=ar`, ServicePage);
    expect(arabic.body.contents.map((s) => s.name)).toEqual(['تجريبي: مقهى اللغة (وهمي)']);
    const two = await get('/hsds/services?search=gezondheidsmakelaars', ServicePage);
    expect(two.body.total_items).toBe(2);
  });

  it('filters by taxonomy term, taxonomy and organisation, cumulatively', async () => {
    const legal = await db().kaartTaxonomyTerm.findUniqueOrThrow({ where: { code: 'juridische-hulp' } });
    const byTerm = await get(`/hsds/services?taxonomy_term_id=${legal.id}`, ServicePage);
    expect(byTerm.body.contents.map((s) => s.name)).toEqual(['Juridische ondersteuning voor mensen zonder documenten']);
    expect(byTerm.body.contents[0]!.attributes!.map((a) => a.taxonomy_term?.code)).toEqual(['juridische-hulp']);
    const byTaxonomy = await get(`/hsds/services?taxonomy_id=${legal.taxonomyId}&per_page=1`, ServicePage);
    expect(byTaxonomy.body.total_items).toBe(publishedCount);
    const vwn = await db().kaartOrganization.findUniqueOrThrow({ where: { name: 'VluchtelingenWerk' } });
    const both = await get(`/hsds/services?organization_id=${vwn.id}&taxonomy_term_id=${legal.id}`, ServicePage);
    expect(both.body.total_items).toBe(1);
    const welfare = await db().kaartTaxonomyTerm.findUniqueOrThrow({ where: { code: 'welzijn' } });
    const none = await get(
      `/hsds/services?organization_id=${vwn.id}&taxonomy_term_id=${welfare.id}&search=juridische`,
      ServicePage,
    );
    expect(none.body.total_items).toBe(0);
  });

  it('refuses malformed parameters with 400 and a Dutch and English message', async () => {
    for (const query of ['taxonomy_term_id=abc', 'page=0', 'per_page=1000', 'modified_after=gisteren']) {
      const response = await fetch(`${api.url}/hsds/services?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { code: string; message: string; messageEn: string };
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.message).not.toContain(' | ');
      expect(body.messageEn).toBeTruthy();
    }
  });
});

describe('GET /hsds/services/{id}', () => {
  it('gives the whole service, contacts only to professionals, and 404 for drafts and unknown ids', async () => {
    const demo = await db().kaartService.findFirstOrThrow({ where: { name: 'Demo: Inloopspreekuur (fictief)' } });
    const { body } = await get(`/hsds/services/${demo.id}`, Service);
    expect(body).toMatchObject({ status: 'active', organization: { name: DEMO_ORGANIZATION } });
    expect(body.languages!.map((l) => l.code)).toEqual(['ar', 'nl', 'uk']);
    expect(body.schedules!.map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual(
      expect.arrayContaining([['MO,WE', '09:00', '12:00']]),
    );
    expect(body.service_at_locations![0]!.location!.addresses![0]).toMatchObject({
      city: 'Nijmegen',
      country: 'NL',
      address_type: 'physical',
    });
    expect(body.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.contacts).toEqual([]);
    const forStaff = await get(`/hsds/services/${demo.id}`, Service, staff.headers);
    expect(forStaff.body.contacts!.map((c) => c.name)).toEqual(['Demo Contactpersoon (fictief)']);

    expect((await fetch(`${api.url}/hsds/services/${draftId}`)).status).toBe(404);
    expect((await fetch(`${api.url}/hsds/services/${draftId}`, { headers: staff.headers })).status).toBe(200);
    expect((await fetch(`${api.url}/hsds/services/not-a-uuid`)).status).toBe(404);
    expect((await fetch(`${api.url}/hsds/services/${demo.id}/extra`)).status).toBe(404);
  });

  it('speaks the language of ?lang= or Accept-Language, and falls back to Dutch for an outdated translation', async () => {
    const demo = await db().kaartService.findFirstOrThrow({ where: { name: 'Demo: Taalcafé (fictief)' } });
    const arabic = await get(`/hsds/services/${demo.id}?lang=ar`, Service);
    expect(arabic.body.name).toBe('تجريبي: مقهى اللغة (وهمي)');
    expect(arabic.headers.get('content-language')).toBe('ar');
    const ukrainian = await get(`/hsds/services/${demo.id}`, Service, { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' });
    expect(ukrainian.body.name).toBe('Демо: Мовне кафе (вигадане)');
    expect(ukrainian.headers.get('content-language')).toBe('uk');
    const unknown = await get(`/hsds/services/${demo.id}`, Service, { 'accept-language': 'xx, de;q=0.8' });
    expect(unknown.body.name).toBe('Demo: Taalcafé (fictief)');

    // The Dutch description changes after translation: the Arabic one is outdated, so Dutch is shown.
    await db().kaartService.update({
      where: { id: demo.id },
      data: { description: 'Fictieve dienst: nu op een andere dag. Bestaat niet echt.' },
    });
    const after = await get(`/hsds/services/${demo.id}?lang=ar`, Service);
    expect(after.body.name).toBe('تجريبي: مقهى اللغة (وهمي)');
    expect(after.body.description).toBe('Fictieve dienst: nu op een andere dag. Bestaat niet echt.');
  });
});

describe('GET /hsds/organizations', () => {
  it('lists published organisations and gives one by id', async () => {
    const { body } = await get('/hsds/organizations?per_page=100', pageOf(Organization));
    expect(body.total_items).toBe(await db().kaartOrganization.count({ where: { publication: 'PUBLISHED' } }));
    const demo = body.contents.find((o) => o.name === DEMO_ORGANIZATION)!;
    expect(demo.locations![0]!.accessibility![0]!.description).toMatch(/rolstoel/);
    const one = await get(`/hsds/organizations/${demo.id}`, Organization);
    expect(one.body.name).toBe(DEMO_ORGANIZATION);
    const search = await get('/hsds/organizations?search=vluchtelingen', pageOf(Organization));
    expect(search.body.contents.map((o) => o.name)).toContain('VluchtelingenWerk');
    expect((await fetch(`${api.url}/hsds/organizations/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe('GET /hsds/service_at_locations', () => {
  it('lists services at their locations with the service nested, by postcode too', async () => {
    const { body } = await get('/hsds/service_at_locations', pageOf(ServiceAtLocation));
    expect(body.total_items).toBe(2);
    expect(body.contents[0]!.service!.organization!.name).toBe(DEMO_ORGANIZATION);
    const one = await get(`/hsds/service_at_locations/${body.contents[0]!.id}?lang=uk`, ServiceAtLocation);
    expect(one.body.service!.name).toMatch(/^Демо/);
    expect(
      (await get('/hsds/service_at_locations?postcode=6500%20AB', pageOf(ServiceAtLocation))).body.total_items,
    ).toBe(2);
    expect((await get('/hsds/service_at_locations?postcode=1011', pageOf(ServiceAtLocation))).body.total_items).toBe(0);
    expect((await fetch(`${api.url}/hsds/service_at_locations/${draftId}`)).status).toBe(404);
  });
});

describe('GET /hsds/taxonomies and /hsds/taxonomy_terms', () => {
  it('gives the taxonomy and its ten categories, translated where a translation exists', async () => {
    const taxonomies = await get('/hsds/taxonomies', pageOf(Taxonomy));
    expect(taxonomies.body.contents.map((t) => t.name)).toEqual(['Sociale kaart Nijmegen']);
    const taxonomy = taxonomies.body.contents[0]!;
    expect((await get(`/hsds/taxonomies/${taxonomy.id}`, Taxonomy)).body.name).toBe('Sociale kaart Nijmegen');

    const terms = await get(`/hsds/taxonomy_terms?taxonomy_id=${taxonomy.id}&top_only=true`, pageOf(TaxonomyTerm));
    expect(terms.body.contents.map((t) => t.code)).toEqual([
      'zorg',
      'welzijn',
      'juridische-hulp',
      'opvang',
      'taal',
      'werk',
      'onderwijs',
      'wonen',
      'geld',
      'sociale-initiatieven',
    ]);
    const work = terms.body.contents.find((t) => t.code === 'werk')!;
    await db().kaartTranslation.create({
      data: {
        entityType: 'KaartTaxonomyTerm',
        entityId: work.id,
        field: 'name',
        language: 'en',
        text: 'Work',
        status: 'VERIFIED',
        sourceHash: sourceHash('Werk'),
      },
    });
    const english = await get(`/hsds/taxonomy_terms/${work.id}?lang=en`, TaxonomyTerm);
    expect(english.body).toMatchObject({ name: 'Work', language: 'en', taxonomy: 'Sociale kaart Nijmegen' });
    expect((await get('/hsds/taxonomy_terms?search=juridisch', pageOf(TaxonomyTerm))).body.total_items).toBe(1);
    expect((await fetch(`${api.url}/hsds/taxonomy_terms?taxonomy_id=x`)).status).toBe(400);
  });

  it('answers only GET', async () => {
    const response = await fetch(`${api.url}/hsds/services`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
  });
});
