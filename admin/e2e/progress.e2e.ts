// The programme secretary opens a progress round, reviews two submitted updates (accepts one,
// returns one with a comment) and downloads the council report as Word.
import { describe, expect, it } from 'vitest';
import { ConsolePage } from './pages/ConsolePage';
import { DEMO, browserForFile } from './session';

const session = browserForFile({ as: DEMO.secretary, viewport: { width: 1440, height: 1400 } });
const { baseUrl, accounts } = session;

/** Submits an update as the signed-in user would through the API (the owner's part of the round). */
async function submit(roundId: string, actionCode: string, happened: string) {
  return session.page.evaluate(async ({ roundId, actionCode, happened }) => {
    const call = async (query: string, variables: Record<string, unknown>) =>
      (await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
    const found = await call('query ($c: String!) { actions(filter: { code: { eq: $c } }) { nodes { id } } }', { c: actionCode });
    const actionId = found.data.actions.nodes[0].id;
    const answer = await call('mutation ($r: ID!, $a: ID!, $input: ProgressUpdateInput!) { submitProgressUpdate(roundId: $r, actionId: $a, input: $input) { state } }',
      { r: roundId, a: actionId, input: { status: 'RUNNING', assessment: 'AT_RISK', happened } });
    return answer.data?.submitProgressUpdate?.state ?? JSON.stringify(answer.errors);
  }, { roundId, actionCode, happened });
}

describe.skipIf(!accounts)('progress rounds in the console', () => {
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
});
