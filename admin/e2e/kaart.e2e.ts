// A visitor of the public sociale kaart on a phone (390x844), in Arabic and in Ukrainian: from the
// search to a service page, with axe-core on every public page in every language, no cookies and
// no request to another host.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Session, openBrowser } from './browser';
import { KaartPage } from './pages/KaartPage';

const baseUrl = inject('baseUrl');
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };

interface Visitor {
  session: Session;
  page: Page;
  kaart: KaartPage;
  foreignRequests: string[];
}

async function visitor(locale: string): Promise<Visitor> {
  const session = await openBrowser({ viewport: PHONE, locale });
  const page = await session.context.newPage();
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) foreignRequests.push(request.url());
  });
  return { session, page, kaart: new KaartPage(page, baseUrl), foreignRequests };
}

const visitors: Visitor[] = [];
afterAll(async () => {
  for (const v of visitors) await v.session.close();
});

const WALKS = [
  {
    locale: 'ar',
    dir: 'rtl',
    searchLabel: 'بحث',
    searchButton: 'ابحث',
    words: 'استشارة',
    service: 'تجريبي: ساعة استشارة مفتوحة (وهمية)',
    lastChecked: 'آخر تحقق في',
    whenOpen: 'متى تكون مفتوحة؟',
  },
  {
    locale: 'uk',
    dir: 'ltr',
    searchLabel: 'Пошук',
    searchButton: 'Шукати',
    words: 'кафе',
    service: 'Демо: Мовне кафе (вигадане)',
    lastChecked: 'Востаннє перевірено',
    whenOpen: 'Коли відчинено?',
  },
] as const;

describe('a visitor on a phone', () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const walk of WALKS) {
    it(`in ${walk.locale}: searches, opens a service and reads when it is open and when it was checked`, async () => {
      const v = await visitor(walk.locale);
      visitors.push(v);
      // The browser's language picks the site's language (Accept-Language): no choice, no cookie.
      await v.kaart.open('/kaart');
      expect(await v.kaart.documentLanguage()).toEqual({ lang: walk.locale, dir: walk.dir });
      expect(await v.kaart.axeViolations()).toEqual([]);
      await v.page.screenshot({ path: `${SCREENSHOTS}kaart-${walk.locale}-home.png`, fullPage: false });

      await v.kaart.search(walk.searchLabel, walk.searchButton, walk.words);
      await v.kaart.result(walk.service).waitFor();
      expect(await v.kaart.axeViolations()).toEqual([]);
      await v.kaart.result(walk.service).click();

      await v.kaart.heading(walk.service).waitFor();
      await v.page.getByText(walk.lastChecked).waitFor();
      await v.page.getByText(walk.whenOpen).waitFor();
      expect(await v.kaart.documentLanguage()).toEqual({ lang: walk.locale, dir: walk.dir });
      expect(await v.kaart.axeViolations()).toEqual([]);
      await v.page.screenshot({ path: `${SCREENSHOTS}kaart-${walk.locale}-service.png`, fullPage: true });

      expect(await v.session.context.cookies()).toEqual([]);
      expect(v.foreignRequests).toEqual([]);
    }, 180_000);
  }
});

describe('every public page in every language', () => {
  let v: Visitor;
  beforeAll(async () => {
    v = await visitor('nl-NL');
    visitors.push(v);
  });

  const paths: string[] = [];
  beforeAll(async () => {
    await v.kaart.open('/kaart?q=demo');
    const serviceHref = await v.page.getByRole('link', { name: /^Demo: Inloopspreekuur/ }).getAttribute('href');
    await v.kaart.open('/kaart?categorie=welzijn');
    const seededHref = await v.page
      .getByRole('link', { name: 'Maatschappelijke begeleiding', exact: true })
      .getAttribute('href');
    paths.push(
      '/kaart',
      '/kaart?q=demo&gratis=1',
      serviceHref!.split('?')[0]!,
      seededHref!.split('?')[0]!,
      '/kaart/dienst/bestaat-niet',
    );
  });

  for (const lang of ['nl', 'en', 'ar', 'uk', 'ti', 'fa']) {
    it(`has no axe-core violations in ${lang}: list, results, a translated and an untranslated service, not found`, async () => {
      for (const path of paths) {
        await v.kaart.open(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        const violations = await v.kaart.axeViolations();
        expect(violations, `${lang} ${path}: ${JSON.stringify(violations)}`).toEqual([]);
      }
    }, 180_000);
  }

  it('can be used with the keyboard only', async () => {
    // Keyboard only: the skip link comes first and leads to the content; the search field is reachable.
    await v.kaart.open('/kaart?lang=fa');
    await v.page.keyboard.press('Tab');
    expect(await v.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    await v.page.keyboard.press('Enter');
    expect(v.page.url()).toContain('#main');
    await v.page.getByLabel('جستجو', { exact: true }).focus();
    await v.page.keyboard.type('Taal');
    // Enter in the field submits the plain GET form.
    await Promise.all([v.page.waitForURL(/q=Taal/), v.page.keyboard.press('Enter')]);
    await v.page.getByRole('heading', { level: 2 }).waitFor();
    await v.page.screenshot({ path: `${SCREENSHOTS}kaart-fa-results.png`, fullPage: false });
  }, 120_000);
});
