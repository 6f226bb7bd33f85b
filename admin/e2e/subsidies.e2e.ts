// A grant officer walks one (demo) application from submission to closure through the
// console's subsidy screens; the buttons are exactly the transitions the server allows.
import { describe, expect, it } from 'vitest';
import { SubsidyApplicationPage } from './pages/SubsidyPages';
import { DEMO, browserForFile } from './session';

const session = browserForFile({ as: DEMO.grantOfficer, viewport: { width: 1440, height: 1400 } });
const { baseUrl } = session;

/** A real one-page PDF (the server checks the structure: catalog, pages, xref, trailer). */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = text.length;
    text += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}
const PDF = onePagePdf();

describe('the subsidy workflow in the console', () => {
  it('shows the work queue with the demo scheme, its ceiling and the overdue applications', async () => {
    const console = new SubsidyApplicationPage(session.page, baseUrl);
    await console.open('/');
    await console.menuItem('Subsidies').click();
    await session.page.getByRole('heading', { level: 1, name: 'Subsidies: werkvoorraad' }).waitFor();
    await session.page.getByText(/Plafond €\s20\.000,00/).waitFor();
    await session.page.getByRole('tab', { name: /Termijn verstreken \(1\)/ }).click();
    await session.page
      .getByRole('table', { name: 'Termijn verstreken' })
      .getByText(/dagen te laat/)
      .waitFor();
    await session.page.getByRole('tab', { name: /Wacht op tweede goedkeuring \(1\)/ }).waitFor();
    await session.page.getByRole('tab', { name: /^Alle open/ }).click();
    await console.screenshot('subsidies-queue');
  });

  it('walks a draft through every step to closure, with timeline, money and documents', async () => {
    const console = new SubsidyApplicationPage(session.page, baseUrl);
    await console.open('/subsidies');
    await session.page.getByRole('tab', { name: /^Alle \(/ }).click();
    const row = session.page
      .getByRole('table', { name: 'Alle' })
      .getByRole('row')
      .filter({ hasText: 'Wegwijs in de zorg' });
    await row.getByRole('link').click();
    await session.page.getByRole('heading', { level: 1, name: /^Aanvraag SUB-/ }).waitFor();
    const buttons = async () =>
      session.page.getByRole('group', { name: 'Toegestane overgangen' }).getByRole('button').allInnerTexts();
    expect(await buttons()).toEqual(['INDIENEN', 'INTREKKEN'].map((b) => expect.stringMatching(new RegExp(b, 'i'))));

    await console.transition('Indienen', 'Aanvraag per e-mail ontvangen.');
    await console.transition('In behandeling nemen', 'Ik pak deze op.');
    await console.transition('Informatie opvragen', 'Offerte van de tolk ontbreekt.');
    await session.page.getByText('Termijn staat stil').first().waitFor();
    await console.transition('Informatie ontvangen', 'Offerte ontvangen.');

    await session.page.getByLabel('Soort document').click();
    await session.page.getByRole('option', { name: 'Begroting' }).click();
    await session.page
      .getByLabel('Document kiezen')
      .setInputFiles({ name: 'offerte-tolk.pdf', mimeType: 'application/pdf', buffer: PDF });
    await console.section('Documenten en begroting').getByRole('link', { name: 'offerte-tolk.pdf' }).waitFor();

    // More than requested is refused with the server's reason; the dialog stays open.
    await console.transitionButton('Verlenen').click();
    const dialog = session.page.getByRole('dialog', { name: 'Verlenen' });
    await dialog.getByRole('textbox').first().fill('1.500,00');
    await dialog.getByRole('textbox', { name: 'Reden' }).fill('Past binnen de regeling.');
    await dialog.getByRole('button', { name: 'Verlenen', exact: true }).click();
    await dialog.getByText(/hoger dan het aangevraagde bedrag/).waitFor();
    await dialog.getByRole('textbox').first().fill('900,00');
    await dialog.getByRole('button', { name: 'Verlenen', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await session.page.getByRole('link', { name: 'Beschikking (PDF)' }).waitFor();
    await console.screenshot('subsidy-application-granted');

    await console.transition('Voorschot betalen', 'Voorschot 80%.', '720,00');
    await console.transition('Verantwoording ontvangen', 'Verslag en kosten ontvangen.', '700,00');
    await console.transition('Vaststellen', 'Vastgesteld op de werkelijke kosten.', '700,00');
    const money = console.section('Geld');
    await money.getByRole('row', { name: /Terug te vorderen\s+€\s20,00/ }).waitFor();
    await console.transition('Afsluiten', 'Dossier compleet.');
    await session.page.getByLabel('Status', { exact: true }).filter({ hasText: 'Afgesloten' }).waitFor();
    expect(await buttons()).toEqual([]); // nothing is allowed after closure; the letter stays
    await session.page.getByRole('link', { name: 'Beschikking (PDF)' }).waitFor();

    const timeline = console.section('Tijdlijn').getByRole('listitem');
    expect(await timeline.count()).toBe(9);
    expect(await timeline.first().innerText()).toMatch(
      /Indienen: Concept → Ingediend[\s\S]*Aanvraag per e-mail ontvangen\./,
    );
    expect(await timeline.nth(4).innerText()).toMatch(/Verlenen: In behandeling → Verleend · €\s900,00/);
    await console.screenshot('subsidy-application-closed');
  });

  it('shows the scheme with its ceiling, granted so far and remaining', async () => {
    const console = new SubsidyApplicationPage(session.page, baseUrl);
    await session.page
      .getByRole('link', { name: /DEMO – Themabijeenkomsten/ })
      .first()
      .click();
    await session.page.getByRole('heading', { level: 1, name: /DEMO – Themabijeenkomsten/ }).waitFor();
    const ceiling = console.section('Plafond');
    await ceiling.getByRole('row', { name: /Subsidieplafond\s+€\s20\.000,00/ }).waitFor();
    await ceiling.getByRole('row', { name: /Nog beschikbaar/ }).waitFor();
    await console.screenshot('subsidy-scheme');
  });

  it('speaks English when asked: queue, states and steps', async () => {
    const console = new SubsidyApplicationPage(session.page, baseUrl);
    await console.open('/subsidies');
    await console.chooseLanguage('English');
    await session.page.getByRole('heading', { level: 1, name: 'Subsidies: work queue' }).waitFor();
    await session.page.getByRole('tab', { name: /^All \(/ }).click();
    const row = session.page
      .getByRole('table', { name: 'All' })
      .getByRole('row')
      .filter({ hasText: 'Wegwijs in de zorg' });
    await row.getByText('Closed').waitFor();
    await row.getByRole('link', { name: /^Open application SUB-/ }).click();
    await session.page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/^Submit: Draft → Submitted/)
      .waitFor();
    await console.chooseLanguage('Nederlands');
    await session.page.getByRole('region', { name: 'Tijdlijn' }).waitFor();
  });
});
