// The panel's screens in a real browser: the coordinator's composition overview and member
// page, and what the others cannot see. Uses the demo panel of `npm run seed:demo`.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, onTestFailed } from 'vitest';
import { type Session, openBrowser } from './browser';
import { ConsolePage } from './pages/ConsolePage';
import { ListPage } from './pages/ListPage';
import { LoginPage } from './pages/LoginPage';
import { PanelPage } from './pages/PanelPage';
import { ShowPage } from './pages/ShowPage';

const baseUrl = inject('baseUrl');
const COORDINATOR = { email: 'panel@welkom.test', password: 'welkom-demo-2025' };
const SECRETARY = { email: 'secretaris@welkom.test', password: 'welkom-demo-2025' };

let browser: Session | undefined;
let page: Page;

async function signInAs(account: { email: string; password: string }) {
  await browser?.close();
  browser = await openBrowser();
  page = await browser.context.newPage();
  await new LoginPage(page, baseUrl).signIn(account.email, account.password);
}

afterAll(async () => {
  await browser?.close();
});
beforeEach((context) => {
  onTestFailed(async () => {
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-');
    await page
      ?.screenshot({ path: new URL(`../test-results/${name}.png`, import.meta.url).pathname })
      .catch(() => undefined);
  });
});

describe('the panel coordinator', () => {
  beforeAll(async () => {
    await signInAs(COORDINATOR);
  });

  it('opens the composition, with groups under five shown as "< 5" and explained', async () => {
    const panel = new PanelPage(page, baseUrl);
    await panel.navigate('Samenstelling panel');
    await page.getByRole('heading', { level: 1, name: 'Samenstelling van het panel' }).waitFor();
    await page.getByText('Kleine groepen blijven verborgen.').waitFor();
    await panel.dimension('Leeftijd').waitFor();
    for (const dimension of ['Leeftijd', 'Opleidingsniveau', 'Land van herkomst', 'LHBTIQ+'])
      await panel.dimension(dimension).waitFor();
    // Twelve demo members: no age band holds five, so every one is suppressed.
    expect(await panel.count('Leeftijd', '27 tot en met 40').textContent()).toBe('< 5');
    await panel
      .count('Leeftijd', '27 tot en met 40')
      .getByLabel(/minder dan vijf/)
      .waitFor();
    expect(await panel.count('LHBTIQ+', 'Nee').textContent()).toBe('5–9');
    expect(await page.getByText(/Leden geteld: \d+–\d+/).count()).toBe(1);
    expect(await panel.horizontalOverflow()).toBe(0);
    await panel.screenshot('panel-composition');
  });

  it("opens a member's page with the diversity profile, and exports the member's data as a file", async () => {
    const list = new ListPage(page, baseUrl);
    await list.navigate('Panellid');
    await list.waitForRows();
    await list.search('Amina');
    await list.row('Amina (demo)').click();
    const panel = new PanelPage(page, baseUrl);
    await panel.privacy.waitFor();
    expect(await panel.profileItem('Leeftijdsgroep').textContent()).toContain('27 tot en met 40');
    expect(await panel.profileItem('Land van herkomst').textContent()).toContain('Syrië');
    await panel.privacy.getByRole('button', { name: 'Lid wissen (AVG art. 17)' }).waitFor();
    await panel.screenshot('panel-member');

    const download = page.waitForEvent('download');
    await panel.privacy.getByRole('button', { name: /Gegevens exporteren/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(await readFile((await file.path())!, 'utf8'));
    expect(JSON.stringify(exported)).toContain('Amina (demo)');
  });

  it('asks for confirmation before erasing a member, and can be cancelled', async () => {
    const panel = new PanelPage(page, baseUrl);
    await panel.privacy.getByRole('button', { name: 'Lid wissen (AVG art. 17)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lid wissen (AVG art. 17)' });
    await dialog.getByText(/kan niet ongedaan worden gemaakt/).waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await new ShowPage(page, baseUrl).field('Naam').getByText('Amina (demo)').waitFor();
  });

  it("filters the advice awaiting the municipality's response with one click", async () => {
    const list = new ListPage(page, baseUrl);
    await list.open('/advices');
    await list.waitForRows();
    const all = await list.total();
    await page.getByRole('button', { name: 'Wacht op reactie' }).click();
    await page.waitForURL(/status_eq/);
    await page.waitForFunction((before) => !document.body.innerText.includes(`van ${before}`), all);
    expect(await list.total()).toBeLessThan(all);
    expect(await list.row('Beantwoord').count()).toBe(0);
  });

  it("shows on an action's page the advice about it", async () => {
    const list = new ListPage(page, baseUrl);
    await list.open('/actions');
    await list.search('3.1 1.A');
    await list.row('3.1 1.A').first().click();
    const advice = new ShowPage(page, baseUrl).section(/^Adviezen van het panel/);
    await advice.getByRole('row', { name: /Eerder beginnen met taallessen/ }).waitFor();
  });
});

describe('a programme secretary', () => {
  beforeAll(async () => {
    await signInAs(SECRETARY);
  });

  it('sees the composition but no menu item for the members, and is told why at their URL', async () => {
    const home = new ConsolePage(page, baseUrl);
    await home.open('/');
    await home.menuItem('Samenstelling panel').waitFor();
    await home.menuItem('Acties').waitFor();
    expect(await home.menuItem('Panellid').count()).toBe(0);
    await home.open('/panelMembers');
    await page
      .getByRole('alert')
      .filter({ hasText: 'U hebt geen toegang tot Panellid. Alleen te zien voor: panelcoördinator.' })
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });
});
