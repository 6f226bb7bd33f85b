// The programme secretary opens a progress round, reviews two submitted updates (accepts one,
// returns one with a comment) and downloads the council report as Word.
import { describe, expect, it } from 'vitest';
import { ConsolePage } from './pages/ConsolePage';
import { ListPage } from './pages/ListPage';
import { DEMO, browserForFile } from './session';

const session = browserForFile({ as: DEMO.secretary, viewport: { width: 1440, height: 1400 } });
const { baseUrl } = session;

/** Submits an update as the signed-in user would through the API (the owner's part of the round). */
async function submit(roundId: string, actionCode: string, happened: string) {
  return session.page.evaluate(
    async ({ roundId, actionCode, happened }) => {
      const call = async (query: string, variables: Record<string, unknown>) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          })
        ).json();
      const found = await call('query ($c: String!) { actions(filter: { code: { eq: $c } }) { nodes { id } } }', {
        c: actionCode,
      });
      const actionId = found.data.actions.nodes[0].id;
      const answer = await call(
        'mutation ($r: ID!, $a: ID!, $input: ProgressUpdateInput!) { submitProgressUpdate(roundId: $r, actionId: $a, input: $input) { state } }',
        { r: roundId, a: actionId, input: { status: 'RUNNING', assessment: 'AT_RISK', happened } },
      );
      return answer.data?.submitProgressUpdate?.state ?? JSON.stringify(answer.errors);
    },
    { roundId, actionCode, happened },
  );
}

describe('progress rounds in the console', () => {
  it('opens a round, reviews two updates and downloads the report', async () => {
    const console = new ConsolePage(session.page, baseUrl);
    await console.open('/');
    await session.page.getByRole('menuitem', { name: 'Voortgang', exact: true }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Voortgangsrondes' }).waitFor();
    const form = session.page.getByRole('region', { name: 'Ronde openen' });
    await form.getByLabel('Titel').fill('Voortgang najaar 2026');
    await form.getByLabel('Begin periode').fill('2026-05-01');
    await form.getByLabel('Einde periode').fill('2026-10-31');
    await form.getByLabel('Uiterste datum').fill('2026-11-15');
    await form.getByRole('button', { name: 'Ronde openen' }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Voortgang najaar 2026' }).waitFor();
    const roundId = /voortgang\/([0-9a-f-]{36})/.exec(session.page.url())![1]!;

    expect(await submit(roundId, '1.1 4.A', 'Nieuwe werkwijze met COA vastgesteld.')).toBe('SUBMITTED');
    expect(await submit(roundId, '3.3 1.B', 'Taalcafés draaien in drie wijken.')).toBe('SUBMITTED');
    await session.page.reload();
    const requests = session.page.getByRole('table', { name: 'Verzoeken per actie' });
    const first = requests.getByRole('row', { name: '1.1 4.A' });
    const second = requests.getByRole('row', { name: '3.3 1.B' });
    await first.getByText('Nieuwe werkwijze met COA vastgesteld.').waitFor();
    await console.screenshot('progress-round-review');

    await first.getByRole('button', { name: 'Accepteren' }).click();
    await first.getByText('Geaccepteerd').waitFor();
    await second.getByRole('button', { name: 'Terugsturen' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'Terugsturen' });
    await dialog.getByLabel('Opmerking bij terugsturen').fill('Graag het aantal deelnemers noemen.');
    await dialog.getByRole('button', { name: 'Terugsturen' }).click();
    await second.getByText('Teruggestuurd').waitFor();
    expect(await first.getByRole('button').count()).toBe(0);

    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: 'Rapport downloaden (Word)' }).click();
    expect((await download).suggestedFilename()).toBe('voortgangsrapportage-voortgang-najaar-2026.docx');
    await console.screenshot('progress-round-reviewed');
  });

  it('shows late actions and missing updates on the home page, one click from their lists', async () => {
    const console = new ConsolePage(session.page, baseUrl);
    await console.open('/');
    const card = session.page.getByRole('region', { name: 'Voortgang' });
    await card.getByText(/Te late acties: \d+/).click();
    await card.getByRole('list', { name: 'Te late acties' }).getByRole('listitem').first().waitFor();
    await console.screenshot('progress-home');
  });
  it('can be used by keyboard alone: the round form in order, named buttons, a review by Enter', async () => {
    const console = new ConsolePage(session.page, baseUrl);
    await console.open('/voortgang');
    await session.page.getByRole('heading', { level: 1, name: 'Voortgangsrondes' }).waitFor();
    // Tab from the form's first field: the order is the reading order (date fields take a Tab per part).
    await session.page.getByRole('region', { name: 'Ronde openen' }).getByLabel('Titel').focus();
    const order: string[] = [];
    for (let i = 0; i < 16 && order.length < 5; i++) {
      const name = await session.page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element) return '';
        const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
        return (labelled ?? element.getAttribute('aria-label') ?? element.textContent ?? '')
          .replace(/\s*\*\s*$/, '')
          .trim();
      });
      if (name && order[order.length - 1] !== name) order.push(name);
      await session.page.keyboard.press('Tab');
    }
    expect(order).toEqual(['Titel', 'Begin periode', 'Einde periode', 'Uiterste datum', 'Ronde openen']);
    const unnamed = async () =>
      session.page
        .locator('main button, [role="dialog"] button')
        .evaluateAll(
          (buttons) =>
            buttons.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim() || b.getAttribute('title')))
              .length,
        );
    expect(await unnamed()).toBe(0);

    // The round opened in the first test: its returned update, resubmitted, is accepted by keyboard.
    await session.page.getByRole('link', { name: 'Voortgang najaar 2026' }).focus();
    await session.page.keyboard.press('Enter');
    await session.page.getByRole('heading', { level: 1, name: 'Voortgang najaar 2026' }).waitFor();
    const roundId = /voortgang\/([0-9a-f-]{36})/.exec(session.page.url())![1]!;
    expect(await submit(roundId, '3.3 1.B', 'Taalcafés in drie wijken, 120 deelnemers.')).toBe('SUBMITTED');
    await session.page.reload();
    const row = session.page.getByRole('table', { name: 'Verzoeken per actie' }).getByRole('row', { name: '3.3 1.B' });
    const accept = row.getByRole('button', { name: 'Accepteren' });
    await accept.waitFor();
    await accept.focus();
    await session.page.keyboard.press('Enter');
    await row.getByText('Geaccepteerd').waitFor();
    expect(await unnamed()).toBe(0);
  });

  it('closes a round after a confirmation; what was not handed in is missing', async () => {
    const console = new ConsolePage(session.page, baseUrl);
    await console.open('/voortgang');
    await session.page.getByRole('link', { name: 'Voortgang najaar 2026' }).click();
    await session.page.getByRole('heading', { level: 1, name: 'Voortgang najaar 2026' }).waitFor();
    await session.page.getByRole('button', { name: 'Ronde sluiten' }).click();
    const dialog = session.page.getByRole('dialog', { name: 'Ronde sluiten' });
    await dialog.getByText(/wordt als ontbrekend gemarkeerd/).waitFor();
    await dialog.getByRole('button', { name: 'Ronde sluiten' }).click();
    await session.page.getByText('Gesloten', { exact: true }).first().waitFor();
    const requests = session.page.getByRole('table', { name: 'Verzoeken per actie' });
    await requests.getByText('Ontbreekt').first().waitFor();
    expect(await session.page.getByRole('button', { name: 'Ronde sluiten' }).count()).toBe(0);
  });

  it('filters the action list on "te laat" in one click, and lists "mijn acties"', async () => {
    const console = new ListPage(session.page, baseUrl);
    await console.navigate('Acties');
    await console.waitForRows();
    const all = await console.total();
    await session.page.getByRole('button', { name: 'Te laat' }).click();
    await session.page.waitForURL(/late_eq/);
    await expect.poll(() => console.total(), { timeout: 15_000 }).toBeLessThan(all);
    expect(await session.page.getByRole('button', { name: 'Te laat' }).getAttribute('aria-pressed')).toBe('true');
    await console.screenshot('progress-late-filter');

    // The secretary takes one action as owner; "Mijn acties" shows it with its late state.
    const code = await session.page.evaluate(async () => {
      const call = async (query: string, variables: Record<string, unknown> = {}) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          })
        ).json();
      const me = (await call('{ me { id } }')).data.me.id;
      const action = (await call('{ actions(filter: { code: { eq: "2.1 2.B" } }) { nodes { id code version } } }')).data
        .actions.nodes[0];
      await call(
        'mutation ($id: ID!, $v: Int!, $o: ID) { updateAction(id: $id, expectedVersion: $v, input: { ownerId: $o }) { id } }',
        { id: action.id, v: action.version, o: me },
      );
      return action.code as string;
    });
    await console.open('/');
    await session.page.getByRole('region', { name: 'Voortgang' }).getByRole('link', { name: 'Mijn acties' }).click();
    const table = session.page.getByRole('table', { name: 'Mijn acties' });
    await table.getByRole('link', { name: code }).waitFor();
    await table
      .getByText(/^(te laat|op tijd)$/)
      .first()
      .waitFor();
    await console.screenshot('progress-my-actions');
  });
});
