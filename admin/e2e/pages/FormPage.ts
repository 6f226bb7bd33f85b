// A generated create/edit form.
import type { Locator } from 'playwright-core';
import { ConsolePage } from './ConsolePage';

export class FormPage extends ConsolePage {
  /** A text input by its label (required ones read "Naam *"). */
  input(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('textbox', { name: new RegExp(`^${escaped}( \\*)?$`) });
  }

  async fill(label: string, value: string) {
    await this.input(label).fill(value);
  }

  async choose(label: string, option: string) {
    await this.page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Opslaan' }).click();
  }

  /** The text under an input (MUI helper text, linked by aria-describedby): help, or the error. */
  async helperOf(label: string): Promise<Locator> {
    const described = await this.input(label).getAttribute('aria-describedby');
    return this.page.locator(`[id="${described}"]`);
  }
}
