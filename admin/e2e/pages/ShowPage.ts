// A record's page: labelled fields, linked records, related tables.
import type { Locator } from 'playwright-core';
import { ConsolePage } from './ConsolePage';

export class ShowPage extends ConsolePage {
  /** A field with its label (a named group). */
  field(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The record's audit trail, one list item per event, newest first. */
  history(): Locator {
    return this.section('Geschiedenis').getByRole('listitem');
  }

  async edit() {
    await this.page.getByRole('link', { name: 'Bewerken' }).click();
  }
}
