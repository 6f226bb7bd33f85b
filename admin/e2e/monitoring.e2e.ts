// The monitoring dashboard (5.4) in a real browser: each chart shows its series, the table of its
// numbers and a CSV export; anonymous visitors get the public version.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Session, openBrowser } from './browser';
import { ConsolePage } from './pages/ConsolePage';

const baseUrl = inject('baseUrl');

let browser: Session;
let page: Page;
beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: 1600, height: 1500 } });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const chart = (name: string): Locator => page.getByRole('region', { name });
const legend = (region: Locator) => region.locator('.recharts-legend-item-text');

async function expectSeries(region: Locator, names: (string | RegExp)[]) {
  await region.locator('.recharts-surface').first().waitFor();
  const shown = await legend(region).allInnerTexts();
  for (const name of names)
    expect(
      shown.some((text) => (typeof name === 'string' ? text === name : name.test(text))),
      `${String(name)} in ${shown.join(', ')}`,
    ).toBe(true);
}

describe('the monitoring dashboard', () => {
  it('opens from the menu and shows each chart with its series and its table', async () => {
    const console = new ConsolePage(page, baseUrl);
    await console.open('/');
    await console.menuItem('Monitoring').click();
    await console.heading(/Monitoring: kengetallen/).waitFor();

    const quota = chart('Taakstelling en realisatie');
    await expectSeries(quota, ['Gerealiseerd', 'Te realiseren']);
    await quota.getByText(/Streefdatum 2025-07-01/).waitFor();
    await quota
      .getByRole('table', { name: 'Bereik van de taakstellingen' })
      .getByRole('cell', { name: 'Opvangplekken asielzoekers (Spreidingswet)' })
      .waitFor();

    const capacity = chart('Opvangcapaciteit 2024-2028 met geplande sluitingen');
    await expectSeries(capacity, ['Asielzoekers', 'Ontheemden uit Oekraïne', 'Gepland']);
    await capacity
      .getByRole('table', { name: 'Openingen en sluitingen' })
      .getByRole('cell', { name: 'Schepen in de Waalhaven' })
      .waitFor();
    expect(await capacity.locator('.recharts-reference-line').count()).toBeGreaterThanOrEqual(4);

    const budget = chart('Begroting per jaar en opgave (x €1.000)');
    await expectSeries(budget, [
      /^1\. Opvang/,
      /^2\. Huisvesting/,
      /^3\. /,
      /^4\. /,
      /^5\. /,
      'Vermeld totaal (wijkt af)',
    ]);
    const row2027 = budget.getByRole('table', { name: 'Begroting per jaar' }).getByRole('row', { name: /^2027/ });
    expect(await row2027.innerText()).toMatch(/1\.775\s+2\.000\s+225/);

    const indicators = chart('Kengetallen');
    await expectSeries(indicators, ['Inburgeraars met een baan']);
    await console.screenshot('monitoring-dashboard');
  });

  it('exports the numbers of a chart as CSV', async () => {
    const budget = chart('Begroting per jaar en opgave (x €1.000)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      budget.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('begroting.csv');
    const { readFile } = await import('node:fs/promises');
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toMatch(/^\uFEFFjaar;/);
    expect(text).toMatch(/\r\n2027;.*;1775;2000;225/);
  });

  it('follows the target-group filter', async () => {
    await page.getByLabel('Doelgroep').click();
    await page.getByRole('option', { name: 'Asielzoekers', exact: true }).click();
    const capacity = chart('Opvangcapaciteit 2024-2028 met geplande sluitingen');
    await page.waitForFunction(() => !document.body.innerText.includes('Ontheemden uit Oekraïne\n'));
    await expectSeries(capacity, ['Asielzoekers']);
    expect(await legend(capacity).allInnerTexts()).not.toContain('Ontheemden uit Oekraïne');
  });

  it('has a public read-only version for anonymous visitors', async () => {
    const anonymous = await openBrowser({ viewport: { width: 1600, height: 1500 } });
    try {
      const visitor = await anonymous.context.newPage();
      await visitor.goto(`${baseUrl}/#/openbaar/monitoring`);
      await visitor.getByRole('heading', { name: /Monitoring: kengetallen/ }).waitFor();
      await visitor
        .getByRole('region', { name: 'Taakstelling en realisatie' })
        .locator('.recharts-surface')
        .first()
        .waitFor();
      expect(await visitor.getByRole('navigation').count()).toBe(0);
      expect(await visitor.getByRole('button', { name: /opslaan|bewerken|save|edit/i }).count()).toBe(0);
      await visitor.waitForLoadState('networkidle');
      await visitor.screenshot({
        path: new URL('../../docs/screenshots/monitoring-public.png', import.meta.url).pathname,
        fullPage: true,
      });
    } finally {
      await anonymous.close();
    }
  });
});
