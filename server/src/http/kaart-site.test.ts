// The public site /kaart over real HTTP: languages and direction, search and filters, the service
// page, published entries only, and nothing that sets a cookie or loads from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { seedDemoSocialMap } from '../kaart/demo.js';
import { type Harness, startHarness } from '../test/harness.js';

let api: Harness;

beforeAll(async () => {
  api = await startHarness();
  await seedDemoSocialMap(db());
}, 120_000);
afterAll(() => api?.close());

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const resultCount = (html: string) => (html.match(/<ul class="results">/) ? (html.match(/<li><h3>/g) ?? []).length : 0);

describe('/kaart', () => {
  it('is plain HTML in Dutch by default: no script, no cookie, nothing loaded from another host', async () => {
    const { status, html, headers } = await page('/kaart');
    expect(status).toBe(200);
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl" dir="ltr">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe| src=/i);
    expect(headers.get('set-cookie')).toBeNull();
    expect(headers.get('content-language')).toBe('nl');
    expect(html).toContain('<h1>Sociale kaart Nijmegen</h1>');
  });

  it('follows ?lang= and Accept-Language, right-to-left for Arabic and Persian', async () => {
    expect((await page('/kaart?lang=ar')).html).toMatch(/<html lang="ar" dir="rtl">/);
    expect((await page('/kaart', { 'accept-language': 'fa-IR,fa;q=0.9' })).html).toMatch(/<html lang="fa" dir="rtl">/);
    const ukrainian = await page('/kaart', { 'accept-language': 'uk' });
    expect(ukrainian.html).toMatch(/<html lang="uk" dir="ltr">/);
    expect(ukrainian.html).toContain('Соціальна карта Неймегена');
    expect((await page('/kaart?lang=ti')).html).toMatch(/<html lang="ti" dir="ltr">/);
    // The switch offers every configured language by its own name.
    const switcher = (await page('/kaart')).html;
    for (const name of ['Nederlands', 'English', 'العربية', 'Українська', 'ትግርኛ', 'فارسی'])
      expect(switcher).toContain(name);
  });

  it("searches ignoring accents, also in the visitor's language, and filters", async () => {
    const cafe = await page('/kaart?q=taalcafe');
    expect(resultCount(cafe.html)).toBe(1);
    expect(cafe.html).toContain('Demo: Taalcafé (fictief)');
    const ukrainian = await page(`/kaart?lang=uk&q=${encodeURIComponent('кафе')}`);
    expect(resultCount(ukrainian.html)).toBe(1);
    expect(ukrainian.html).toContain('Демо: Мовне кафе (вигадане)');

    expect(resultCount((await page('/kaart?categorie=juridische-hulp')).html)).toBe(1);
    const tigrinya = await page('/kaart?taal=ti');
    expect(resultCount(tigrinya.html)).toBe(1);
    expect(tigrinya.html).toContain('Demo: Taalcafé');
    // Free: the two demo services and the MAP ("kosteloos" for gezinsmigranten).
    expect(resultCount((await page('/kaart?gratis=1')).html)).toBe(3);
    const group = await db().targetGroup.findUniqueOrThrow({ where: { name: 'Mensen zonder documenten' } });
    expect(resultCount((await page(`/kaart?doelgroep=${group.id}`)).html)).toBe(2);
    expect((await page('/kaart?open=1')).status).toBe(200);
  });

  it('shows a service page with what, for whom, where, when, languages and when it was last checked', async () => {
    const demo = await db().kaartService.findFirstOrThrow({ where: { name: 'Demo: Inloopspreekuur (fictief)' } });
    const arabic = await page(`/kaart/dienst/${demo.id}?lang=ar`);
    expect(arabic.status).toBe(200);
    expect(arabic.html).toContain('تجريبي: ساعة استشارة مفتوحة (وهمية)');
    expect(arabic.html).toContain('آخر تحقق في');
    expect(arabic.html).toContain('Voorbeeldstraat 1 (fictief), 6500 AA Nijmegen');
    expect(arabic.html).toContain('<span class="tag" lang="uk">Українська</span>');
    expect(arabic.html).not.toContain('Demo Contactpersoon');

    const seeded = await db().kaartService.findFirstOrThrow({ where: { name: 'Maatschappelijke begeleiding' } });
    const untranslated = await page(`/kaart/dienst/${seeded.id}?lang=ar`);
    expect(untranslated.html).toContain('<h1><span lang="nl" dir="ltr">Maatschappelijke begeleiding</span></h1>');
    expect(untranslated.html).toContain('لم يتم التحقق بعد');
    expect((await page(`/kaart/dienst/${seeded.id}`)).html).toContain('Nog niet gecontroleerd');
  });

  it('hides drafts from visitors and shows internal notes to signed-in professionals only', async () => {
    const organization = await db().kaartOrganization.findUniqueOrThrow({ where: { name: 'GGD' } });
    const draft = await db().kaartService.create({
      data: {
        organizationId: organization.id,
        name: 'Conceptdienst',
        description: 'x',
        internalNotes: 'Alleen intern',
      },
    });
    expect((await page(`/kaart/dienst/${draft.id}`)).status).toBe(404);
    expect((await page('/kaart/dienst/niet-een-id')).status).toBe(404);
    const staff = await api.createUser({ roles: ['VIEWER'] });
    const forStaff = await page(`/kaart/dienst/${draft.id}`, staff.headers);
    expect(forStaff.status).toBe(200);
    expect(forStaff.html).toContain('Alleen intern');
    expect((await fetch(`${api.url}/kaart`, { method: 'POST' })).status).toBe(405);
  });
});
