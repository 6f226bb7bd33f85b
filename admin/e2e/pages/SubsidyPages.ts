// The grant officer's screens: the work queue and an application with its transition buttons.
import type { Locator } from 'playwright-core';
import { ConsolePage } from './ConsolePage';

export class SubsidyApplicationPage extends ConsolePage {
  transitionButton(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Toegestane overgangen' })
      .getByRole('button', { name: label, exact: true });
  }

  async transition(label: string, reason: string, amount?: string) {
    await this.transitionButton(label).click();
    const dialog = this.page.getByRole('dialog', { name: label });
    if (amount !== undefined) await dialog.getByRole('textbox').first().fill(amount);
    await dialog.getByRole('textbox', { name: 'Reden' }).fill(reason);
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  state(): Locator {
    return this.page
      .getByRole('button', { name: 'Status' })
      .or(this.page.getByLabel('Status', { exact: true }))
      .first();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
}
