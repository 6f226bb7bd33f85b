// What a programme secretary does in the console, in a real browser against the real server.
import { beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { ConsolePage } from './pages/ConsolePage';
import { FormPage } from './pages/FormPage';
import { ListPage } from './pages/ListPage';
import { LoginPage } from './pages/LoginPage';
import { ShowPage } from './pages/ShowPage';
import { DEMO, browserForFile, signedInPage } from './session';

const session = browserForFile();
const { baseUrl } = session;
// Values unique per run, so the tests also pass against a long-lived server (E2E_BASE_URL).
const run = Date.now().toString(36);

describe('reading the register', () => {
  it('opens on the programme at a glance', async () => {
    const home = new ConsolePage(session.page, baseUrl);
    await home.open('/');
    await home.heading('Programmaregister Asiel & Integratie 2025-2028').waitFor();
    const matrix = session.page.getByRole('region', { name: 'Acties per opgave en status' });
    await matrix.getByRole('rowheader', { name: /^1\. / }).waitFor();
    expect(await matrix.getByRole('rowheader').count()).toBe(5);
    await session.page.getByRole('region', { name: 'Open datakwaliteitsnotities' }).waitFor();
    await home.screenshot('dashboard');
  });

  it('lists the actions with their total, sortable by column', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.navigate('Acties');
    await list.waitForRows();
    expect(await list.total()).toBeGreaterThan(50);
    for (const column of ['Code', 'Doelstelling', 'Activiteit', 'Status', 'Startdatum', 'Einddatum']) {
      await list.columnHeader(column).waitFor();
    }
    await list.screenshot('actions-list');
    await list.sortBy('Startdatum');
    await session.page.waitForURL(/sort=startDate/);
  });

  it('filters actions by partner and theme, and keeps the filter in the URL', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.waitForRows();
    const all = await list.total();
    const totalChangedFrom = (before: number) =>
      session.page.waitForFunction((count) => !document.body.innerText.includes(`van ${count}`), before);
    await list.filterByReference('Opgave', /^1\. |Opvang/);
    await session.page.waitForURL(/themeId/);
    await totalChangedFrom(all);
    const themeOnly = await list.total();
    await list.filterByReference('Organisatie', 'COA');
    await session.page.waitForURL(/partnerId/);
    // Wait for the second filter's rows, not just the first one's (the list refreshes once per filter).
    await totalChangedFrom(themeOnly);
    const filtered = await list.total();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(themeOnly);
    const codes = await list.rows.locator('td:nth-child(2)').allTextContents();
    expect(codes.every((code) => code.startsWith('1.'))).toBe(true);
    // The same URL in a new tab shows the same list.
    const again = await session.browser.context.newPage();
    await again.goto(session.page.url());
    const reopened = new ListPage(again, baseUrl);
    await reopened.waitForTotal(filtered);
    await again.close();
  });

  it('opens an action and shows its partners, target groups, preconditions and notes', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.search('1.1 1.A');
    await list.row('1.1 1.A').first().click();
    const show = new ShowPage(session.page, baseUrl);
    await show.field('Organisaties').getByRole('link', { name: 'COA' }).waitFor();
    await show.field('Doelstelling').getByRole('link', { name: '1.1 1' }).waitFor();
    await show.field('Doelgroepen').waitFor();
    await show.section('Randvoorwaarden').waitFor();
    await show.section('Datakwaliteitsnotities').waitFor();
    await show
      .section('Geschiedenis')
      .getByText(/na inloggen/)
      .waitFor();
    await show.screenshot('action-show');
  });

  it('shows a partner with its actions', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/partners');
    await list.search('COA');
    await list.row(/^COA/).first().click();
    const show = new ShowPage(session.page, baseUrl);
    await show.field('Acties').getByRole('link', { name: '1.1 1.A' }).waitFor();
  });

  it('exports the filtered list, all pages, to CSV', async () => {
    const list = new ListPage(session.page, baseUrl);
    await session.page.goto(
      `${baseUrl}/#/actions?perPage=10&filter=${encodeURIComponent(JSON.stringify({ status: ['PLANNED'] }))}`,
    );
    await list.waitForRows();
    const total = await list.total();
    expect(total).toBeGreaterThan(10); // more than one page
    const csv = (await list.exportCsv()).replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Code;Doelstelling;Activiteit;Beoordeling;Status;Startdatum;Einddatum;/);
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((line) => line.includes(';Gepland;'))).toBe(true);
  });

  it('opens a record from the list by keyboard, through a link that names it', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.waitForRows();
    const link = list.rows.first().getByRole('link', { name: /^Actie .+ openen$/ });
    await link.focus();
    await session.page.keyboard.press('Enter');
    await session.page.waitForURL(/#\/actions\/[0-9a-f-]{36}\/show/);
  });

  it('writes years as years and money in euros, with the unit once', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/budgetAmounts');
    await list.waitForRows();
    await list.columnHeader('Jaar').waitFor();
    const header = await list.table.getByRole('columnheader').allInnerTexts();
    expect(header.join(' ')).not.toMatch(/eurocent/i);
    const cells = await list.rows.first().getByRole('cell').allInnerTexts();
    expect(cells.some((cell) => /^202\d$/.test(cell.trim()))).toBe(true);
    expect(cells.some((cell) => /^2\.02\d$/.test(cell.trim()))).toBe(false);
    expect(cells.some((cell) => /€\s?[\d.]+,\d\d/.test(cell))).toBe(true);
  });

  it('speaks English when asked', async () => {
    const home = new ConsolePage(session.page, baseUrl);
    await home.open('/actions');
    await home.chooseLanguage('English');
    await home.menuItem('Actions').waitFor();
    await session.page.getByRole('columnheader', { name: 'Activity' }).waitFor();
    await home.chooseLanguage('Nederlands');
    await home.menuItem('Acties').waitFor();
  });
});

describe('changing the register', () => {
  beforeAll(async () => {
    await new LoginPage(session.page, baseUrl).signIn(DEMO.secretary.email, DEMO.secretary.password);
  });

  it('creates a partner', async () => {
    const form = new FormPage(session.page, baseUrl);
    await form.open('/partners/create');
    await form.fill('Naam', 'Stichting Welkom Thuis');
    await form.choose('Soort', 'Stichting of vrijwilligersorganisatie');
    await form.fill('Website', 'https://welkom-thuis.example');
    await form.screenshot('partner-create');
    await form.save();
    const show = new ShowPage(session.page, baseUrl);
    await show.field('Naam').getByText('Stichting Welkom Thuis').waitFor();
    const list = new ListPage(session.page, baseUrl);
    await list.open('/partners');
    await list.search('Welkom Thuis');
    await list.row('Stichting Welkom Thuis').waitFor();
  });

  it('edits an action and finds the change in the list', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.search('1.1 2.A');
    await list.row('1.1 2.A').first().click();
    const show = new ShowPage(session.page, baseUrl);
    await show.edit();
    const form = new FormPage(session.page, baseUrl);
    await form.fill('Eigenaar', `Team Opvang ${run}`);
    // No action starts as postponed (the document's statuses are planned, running or unknown), so this is a change.
    await form.choose('Status', 'Uitgesteld');
    await form.screenshot('action-edit');
    await form.save();
    await show.field('Eigenaar').getByText(`Team Opvang ${run}`).waitFor();
    await list.open('/actions');
    await list.search(`Team Opvang ${run}`);
    await list.waitForTotal(1);
    await list.row('1.1 2.A').getByText('Uitgesteld').waitFor();
  });

  it("shows the edit in the action's history: who, when and the fields before and after", async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.search('1.1 2.A');
    await list.row('1.1 2.A').first().click();
    const show = new ShowPage(session.page, baseUrl);
    const latest = show.history().first();
    await latest.filter({ hasText: `Team Opvang ${run}` }).waitFor();
    const text = (await latest.textContent()) ?? '';
    expect(text).toMatch(/^Gewijzigd/);
    expect(text).toContain('secretaris@welkom.test');
    expect(text).toMatch(/Eigenaar.*Team Opvang/);
    expect(text).toMatch(/Status\s*(Gepland|Loopt|Onbekend) → Uitgesteld/);
    await show.section('Geschiedenis').scrollIntoViewIfNeeded();
    await show.screenshot('action-history');
  });

  it('shows the API validation error at the field, in Dutch', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.search('1.1 3.A');
    await list.row('1.1 3.A').first().click();
    await new ShowPage(session.page, baseUrl).edit();
    const form = new FormPage(session.page, baseUrl);
    await form.fill('Code', 'geen code');
    await form.save();
    const helper = await form.helperOf('Code');
    await helper.filter({ hasText: /juiste vorm/ }).waitFor();
    expect(await helper.textContent()).toMatch(/Code heeft niet de juiste vorm/);
    await form.screenshot('validation-error');
  });

  it('refuses a stale edit from a second page and offers the latest version', async () => {
    const other = await openBrowser();
    try {
      const second = await signedInPage(other, DEMO.secretary);
      const list = new ListPage(session.page, baseUrl);
      await list.open('/actions');
      await list.search('1.1 4.A');
      await list.row('1.1 4.A').first().click();
      await new ShowPage(session.page, baseUrl).edit();
      const editUrl = session.page.url();
      const mine = new FormPage(session.page, baseUrl);
      await mine.input('Eigenaar').waitFor();

      await second.goto(editUrl);
      const theirs = new FormPage(second, baseUrl);
      await theirs.fill('Eigenaar', `Eerst opgeslagen ${run}`);
      await theirs.save();
      await new ShowPage(second, baseUrl).field('Eigenaar').getByText(`Eerst opgeslagen ${run}`).waitFor();

      await mine.fill('Eigenaar', `Te laat ${run}`);
      await mine.save();
      await mine.notification(/Iemand anders heeft dit record gewijzigd/).waitFor();
      await mine.screenshot('version-conflict');
      await session.page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
      await session.page.waitForFunction(
        (expected) => (document.querySelector('input[name="owner"]') as HTMLInputElement | null)?.value === expected,
        `Eerst opgeslagen ${run}`,
      );
    } finally {
      await other.close();
    }
  });

  it('changes the status of several actions at once', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/actions');
    await list.search('1.2 1.');
    await list.waitForTotal(3);
    await list.selectRow('1.2 1.A');
    await list.selectRow('1.2 1.B');
    await list.bulkChangeStatus('Uitgesteld');
    await list.row('1.2 1.A').getByText('Uitgesteld').waitFor();
    await list.row('1.2 1.B').getByText('Uitgesteld').waitFor();
    await list.row('1.2 1.C').waitFor();
    expect(await list.row('1.2 1.C').textContent()).not.toContain('Uitgesteld');
  });

  it('deletes selected records after confirmation', async () => {
    const list = new ListPage(session.page, baseUrl);
    await list.open('/partners');
    await list.search('Welkom Thuis');
    await list.selectRow('Stichting Welkom Thuis');
    await session.page.getByRole('button', { name: 'Verwijderen' }).click();
    await session.page.getByRole('dialog').getByRole('button', { name: 'Bevestigen' }).click();
    await session.page.getByText(/Geen Organisaties gevonden/).waitFor();
  });
});

describe('on a laptop screen and on a tablet', () => {
  const screens = [
    { name: 'laptop', viewport: { width: 1440, height: 900 } },
    { name: 'tablet in portrait', viewport: { width: 820, height: 1180 } },
  ];
  for (const { name, viewport } of screens) {
    it(`fits the dashboard, the actions list and an action's page on a ${name} (${viewport.width}×${viewport.height})`, async () => {
      const screen = await openBrowser({ viewport });
      try {
        const screenPage = await screen.context.newPage();
        const home = new ConsolePage(screenPage, baseUrl);
        await home.open('/');
        await screenPage.getByRole('region', { name: 'Open datakwaliteitsnotities' }).waitFor();
        expect(await home.horizontalOverflow()).toBe(0);
        if (viewport.width < 1000) await home.screenshot('dashboard-tablet');

        const list = new ListPage(screenPage, baseUrl);
        await list.open('/actions');
        await list.waitForRows();
        await screenPage.getByRole('combobox', { name: 'Opgave' }).waitFor();
        expect(await list.horizontalOverflow()).toBe(0);
        if (viewport.width < 1000) await list.screenshot('actions-list-tablet');

        await list.search('1.1 1.A');
        await list.row('1.1 1.A').first().click();
        const show = new ShowPage(screenPage, baseUrl);
        await show.section('Randvoorwaarden').getByRole('row').nth(1).waitFor();
        expect(await show.horizontalOverflow()).toBe(0);
      } finally {
        await screen.close();
      }
    });
  }
});
