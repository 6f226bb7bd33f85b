import { ConsolePage } from './ConsolePage';

export class LoginPage extends ConsolePage {
  async signIn(email: string, password: string) {
    await this.page.goto(`${this.baseUrl}/#/login`);
    await this.page.getByRole('textbox', { name: /^E-mailadres/ }).fill(email);
    await this.page
      .getByLabel(/^Wachtwoord/)
      .and(this.page.locator('input'))
      .fill(password);
    await this.page.getByRole('button', { name: 'Inloggen' }).click();
    await this.page.getByRole('heading', { name: /Programmaregister/ }).waitFor();
  }
}
