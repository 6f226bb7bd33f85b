// What every screen of the console has: the menu, notifications, the language menu.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** Screenshots of the main screens, named in the README. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/') {
    await this.page.goto(`${this.baseUrl}/#${path}`);
    await this.page.getByRole('navigation').or(this.page.getByRole('menu')).first().waitFor();
  }

  menuItem(name: string): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  async navigate(name: string) {
    await this.menuItem(name).click();
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** The snackbar of react-admin (role alert). */
  notification(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async chooseLanguage(name: 'English' | 'Nederlands') {
    await this.page
      .getByRole('button', { name: /Nederlands|English|Taal|Language/ })
      .first()
      .click();
    await this.page.getByRole('menuitem', { name }).click();
  }

  /** How far the page reaches past the right edge of the window (0: no sideways scrolling). */
  async horizontalOverflow(): Promise<number> {
    await this.page.waitForLoadState('networkidle');
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.waitForLoadState('networkidle');
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png` });
  }
}
