// The preamble every browser test file shares: one browser for the file, a page signed in as a
// demo account (when the server has them), closed after the file, and a screenshot of what the
// browser showed when a test failed (test-results/, not committed).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject, onTestFailed } from 'vitest';
import { type Session, openBrowser } from './browser';
import { LoginPage } from './pages/LoginPage';

export interface Account {
  email: string;
  password: string;
}

const DEMO_PASSWORD = 'welkom-demo-2025';

/** The demo accounts of `npm run seed:demo`, one per role. */
export const DEMO = {
  admin: { email: 'admin@welkom.test', password: DEMO_PASSWORD },
  secretary: { email: 'secretaris@welkom.test', password: DEMO_PASSWORD },
  grantOfficer: { email: 'subsidie@welkom.test', password: DEMO_PASSWORD },
  coordinator: { email: 'panel@welkom.test', password: DEMO_PASSWORD },
  viewer: { email: 'lezer@welkom.test', password: DEMO_PASSWORD },
} satisfies Record<string, Account>;

/** A new page of `browser`, signed in as `account` (the e2e setup guarantees the demo accounts). */
export async function signedInPage(browser: Session, account: Account): Promise<Page> {
  const page = await browser.context.newPage();
  await new LoginPage(page, inject('baseUrl')).signIn(account.email, account.password);
  return page;
}

export interface FileSession {
  readonly baseUrl: string;
  browser: Session;
  page: Page;
}

/** Registers the file's hooks; `page` and `browser` are there from the first test on. */
export function browserForFile(
  options: { as?: Account; viewport?: { width: number; height: number } } = {},
): FileSession {
  const session = { baseUrl: inject('baseUrl') } as FileSession;
  beforeAll(async () => {
    session.browser = await openBrowser({ viewport: options.viewport });
    session.page = options.as
      ? await signedInPage(session.browser, options.as)
      : await session.browser.context.newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-');
      await session.page
        ?.screenshot({ path: new URL(`../test-results/${name}.png`, import.meta.url).pathname })
        .catch(() => undefined);
    });
  });
  return session;
}
