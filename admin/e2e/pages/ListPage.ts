// A generated list: search, filters, columns, export, bulk actions.
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { ConsolePage } from './ConsolePage';

export class ListPage extends ConsolePage {
  /** Opens a list with the given filter; react-admin would otherwise restore the last one used. */
  override async open(path: string, filter: Record<string, unknown> = {}) {
    await super.open(`${path}?${new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: '{}' })}`);
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  get rows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  async waitForRows() {
    await this.rows.first().waitFor();
  }

  /** "1-25 van 56" under the table. */
  async total(): Promise<number> {
    const range = this.page.getByText(/\d+-\d+ van \d+/);
    await range.waitFor();
    return Number(/van (\d+)/.exec((await range.textContent()) ?? '')![1]);
  }

  async search(text: string) {
    await this.page.getByRole('textbox', { name: 'Zoeken' }).fill(text);
    await this.page.waitForURL(/%22q%22|"q"/);
  }

  /** A relation filter (autocomplete); added through "Filter toevoegen" when it is not shown. */
  async filterByReference(label: string, option: string | RegExp) {
    let input = this.page.getByRole('combobox', { name: label });
    if (!(await input.isVisible())) {
      await this.page.getByRole('button', { name: 'Filter toevoegen' }).click();
      await this.page.getByRole('menuitemcheckbox', { name: label, exact: true }).click();
      input = this.page.getByRole('combobox', { name: label });
    }
    await input.click();
    await input.fill(typeof option === 'string' ? option : '');
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Waits until the list shows the given number of records. */
  async waitForTotal(expected: number) {
    await this.page.getByText(new RegExp(`\\d+-\\d+ van ${expected}$`)).waitFor();
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  async sortBy(column: string) {
    await this.columnHeader(column).getByRole('button').click();
  }

  async toggleColumn(name: string) {
    await this.page.getByRole('button', { name: 'Kolommen' }).click();
    await this.page.getByRole('menu').getByLabel(name, { exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async exportCsv(): Promise<string> {
    const download = this.page.waitForEvent('download');
    // The first is the list's; the bulk toolbar (hidden until rows are selected) has its own.
    await this.page.getByRole('button', { name: 'Exporteren' }).first().click();
    const file = await (await download).path();
    return readFile(file, 'utf8');
  }

  async selectRow(text: string | RegExp) {
    await this.row(text).getByRole('checkbox').check();
  }

  async bulkChangeStatus(status: string) {
    await this.page.getByRole('button', { name: 'Status wijzigen' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Nieuwe status' }).click();
    await this.page.getByRole('option', { name: status }).click();
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async open_(text: string | RegExp) {
    await this.row(text).first().click();
  }
}
