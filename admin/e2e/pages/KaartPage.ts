// The public sociale kaart (/kaart) as a visitor uses it: found by role and label in the
// visitor's own language, plus an axe-core accessibility check of whatever page is open.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

export class KaartPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/kaart') {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  async search(label: string, button: string, words: string) {
    await this.page.getByLabel(label, { exact: true }).fill(words);
    await this.page.getByRole('button', { name: button }).click();
    await this.page.waitForLoadState('domcontentloaded');
  }

  result(name: string) {
    return this.page.getByRole('link', { name, exact: true });
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async documentLanguage(): Promise<{ lang: string; dir: string }> {
    return this.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  }

  /** axe-core's violations on the open page (evaluated through the DevTools protocol, so the page's CSP allows it). */
  async axeViolations(): Promise<AxeViolation[]> {
    await this.page.evaluate(AXE_SOURCE);
    return this.page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    });
  }
}
