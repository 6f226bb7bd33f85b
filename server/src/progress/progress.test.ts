// Progress rounds over HTTP: a whole round (open, owner and partner report, return, resubmit,
// accept, history), the partner scope's limits, refusals that save nothing, the rules under a
// burst, late and missing at chosen dates, budget realisation sums, and the council report read
// back from the .docx and the PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, type TokenClient, startHarness } from '../test/harness.js';
import { requireCommand } from '../test/prerequisites.js';

let api: Harness;
let secretary: SignedInClient;
let owner: SignedInClient;
let stranger: SignedInClient;
let partner: TokenClient;
let readOnlyPartner: TokenClient;
let ownedAction: { id: string; code: string };
let partnerAction: { id: string; code: string };
let unlinkedAction: { id: string; code: string };
let roundId: string;

const REQUEST =
  'id state version status assessment happened reviewComment submittedBy acceptedBy actionCode roundTitle';
const SAVE = `mutation ($r: ID!, $a: ID!, $input: ProgressUpdateInput!) { saveProgressDraft(roundId: $r, actionId: $a, input: $input) { ${REQUEST} } }`;
const SUBMIT = `mutation ($r: ID!, $a: ID!, $input: ProgressUpdateInput!) { submitProgressUpdate(roundId: $r, actionId: $a, input: $input) { ${REQUEST} } }`;
const RETURN = `mutation ($id: ID!, $v: Int!, $c: String!) { returnProgressUpdate(id: $id, expectedVersion: $v, comment: $c) { ${REQUEST} } }`;
const ACCEPT = `mutation ($id: ID!, $v: Int!) { acceptProgressUpdate(id: $id, expectedVersion: $v) { ${REQUEST} } }`;
const OPEN = `mutation ($input: OpenProgressRoundInput!) { openProgressRound(input: $input) { id title dueOn updatesCount } }`;
const GOOD = {
  status: 'RUNNING',
  assessment: 'ON_TRACK',
  happened: 'Twee bijeenkomsten gehouden.',
  nextSteps: 'Evaluatie in december.',
  percentComplete: 40,
};

const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.code;

async function updateOf(round: string, actionId: string) {
  return db().progressUpdate.findUniqueOrThrow({ where: { roundId_actionId: { roundId: round, actionId } } });
}

async function openRoundFor(title: string, input: Record<string, unknown> = {}) {
  const response = await secretary.gql(OPEN, {
    input: { title, periodStart: '2026-05-01', periodEnd: '2026-10-31', dueOn: '2026-11-15', ...input },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.openProgressRound as { id: string; updatesCount: number };
}

beforeAll(async () => {
  api = await startHarness();
  secretary = await api.createUser({ roles: ['SECRETARY'] });
  owner = await api.createUser({ roles: ['VIEWER'], name: 'Olga Eigenaar' });
  stranger = await api.createUser({ roles: ['VIEWER'] });
  const actions = await db().action.findMany({ orderBy: { code: 'asc' }, include: { partnerLinks: true } });
  ownedAction = actions.find((a) => a.status !== 'DONE')!;
  // A partner linked to an action other than the owned one, and an action that partner is not linked to.
  const linked = actions.find((a) => a.id !== ownedAction.id && a.partnerLinks.length > 0)!;
  partnerAction = linked;
  const partnerId = linked.partnerLinks[0]!.partnerId;
  unlinkedAction = actions.find(
    (a) => a.id !== ownedAction.id && !a.partnerLinks.some((l) => l.partnerId === partnerId),
  )!;
  partner = await api.issueToken({ partnerId, scopes: ['progress:write'] });
  readOnlyPartner = await api.issueToken({ partnerId, scopes: ['register:read'] });
  const current = await db().action.findUniqueOrThrow({ where: { id: ownedAction.id } });
  const assigned = await secretary.gql(
    'mutation ($id: ID!, $v: Int!, $owner: ID) { updateAction(id: $id, expectedVersion: $v, input: { ownerId: $owner }) { id ownerId } }',
    { id: ownedAction.id, v: current.version, owner: owner.user.id },
  );
  expect(assigned.errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('the initial status comes from the document', () => {
  it('gives every action a status with the words it came from, "onbekend" where the document says nothing', async () => {
    const actions = await db().action.findMany({
      select: { code: true, status: true, statusSource: true, timingText: true },
    });
    expect(actions).toHaveLength(56);
    for (const action of actions) {
      expect(action.statusSource, action.code).toBeTruthy();
      if (action.status === 'UNKNOWN') expect(action.statusSource).toMatch(/^onbekend/);
      else expect(action.statusSource).toMatch(/^document/);
    }
    expect(actions.filter((a) => a.status === 'RUNNING').length).toBeGreaterThan(0);
    const doorlopend = actions.find((a) => /^doorlopend/i.test(a.timingText ?? ''));
    expect(doorlopend?.status).toBe('RUNNING');
  });
});

describe('a whole round over HTTP', () => {
  it('opens a round for all open actions, addressed to the owner or a linked partner', async () => {
    const round = await openRoundFor('Voortgang najaar 2026');
    roundId = round.id;
    const open = await db().action.count({ where: { status: { notIn: ['DONE', 'CANCELLED'] } } });
    expect(round.updatesCount).toBe(open);
    expect((await updateOf(roundId, ownedAction.id)).addresseeUserId).toBe(owner.user.id);
    const audit = await db().auditEvent.findFirst({
      where: { entityType: 'ProgressRound', entityId: roundId, operation: 'OPEN_ROUND' },
    });
    expect(audit).not.toBeNull();
  });

  it('lets the owner save a draft and submit; the owner sees the request on their list', async () => {
    const mine = await owner.gql(
      '{ openProgressRequests(on: "2026-11-05") { actionCode state reminder { kind days } } }',
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.openProgressRequests).toEqual([
      { actionCode: ownedAction.code, state: 'REQUESTED', reminder: { kind: 'DUE_SOON', days: 10 } },
    ]);
    const draft = await owner.gql(SAVE, { r: roundId, a: ownedAction.id, input: { happened: 'Half af' } });
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.saveProgressDraft).toMatchObject({ state: 'DRAFT', happened: 'Half af' });
    const submitted = await owner.gql(SUBMIT, { r: roundId, a: ownedAction.id, input: GOOD });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitProgressUpdate).toMatchObject({
      state: 'SUBMITTED',
      submittedBy: expect.stringContaining('Olga Eigenaar'),
    });
  });

  it('lets a partner token with progress:write submit for its linked action', async () => {
    const open = await partner.gql('{ openProgressRequests { actionCode } }');
    expect(open.errors).toBeUndefined();
    expect(open.data!.openProgressRequests.map((r: { actionCode: string }) => r.actionCode)).toContain(
      partnerAction.code,
    );
    const submitted = await partner.gql(SUBMIT, {
      r: roundId,
      a: partnerAction.id,
      input: { ...GOOD, assessment: 'BEHIND', happened: 'Vertraagd door personeelstekort.' },
    });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitProgressUpdate.state).toBe('SUBMITTED');
  });

  it("returns with a comment, takes a resubmission, accepts, and makes it the action's status with history", async () => {
    const before = await updateOf(roundId, ownedAction.id);
    const returned = await secretary.gql(RETURN, {
      id: before.id,
      v: before.version,
      c: 'Graag ook de aantallen noemen.',
    });
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnProgressUpdate).toMatchObject({
      state: 'RETURNED',
      reviewComment: 'Graag ook de aantallen noemen.',
    });
    const again = await owner.gql(SUBMIT, {
      r: roundId,
      a: ownedAction.id,
      input: { happened: 'Twee bijeenkomsten met 45 deelnemers.' },
    });
    expect(again.errors).toBeUndefined();
    const submitted = await updateOf(roundId, ownedAction.id);
    const accepted = await secretary.gql(ACCEPT, { id: submitted.id, v: submitted.version });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptProgressUpdate).toMatchObject({
      state: 'ACCEPTED',
      acceptedBy: expect.stringContaining(secretary.user.email),
    });
    const action = await db().action.findUniqueOrThrow({ where: { id: ownedAction.id } });
    expect(action).toMatchObject({
      status: 'RUNNING',
      assessment: 'ON_TRACK',
      statusSource: expect.stringContaining('Voortgang najaar 2026'),
    });
    // The action is public: its status source names the round, never the people who reported.
    expect(action.statusSource).not.toContain('@');
    expect(action.statusSource).not.toContain('ingediend door');
    const trail = await db().auditEvent.findMany({
      where: { entityId: submitted.id },
      orderBy: { at: 'asc' },
      select: { operation: true },
    });
    expect(trail.map((e) => e.operation)).toEqual([
      'PROGRESS_DRAFT',
      'PROGRESS_SUBMIT',
      'PROGRESS_RETURN',
      'PROGRESS_SUBMIT',
      'PROGRESS_ACCEPT',
    ]);
    const partnerUpdate = await updateOf(roundId, partnerAction.id);
    expect((await secretary.gql(ACCEPT, { id: partnerUpdate.id, v: partnerUpdate.version })).errors).toBeUndefined();
    const history = await secretary.gql(
      'query ($a: ID!) { progressUpdates(filter: { actionId: { eq: $a } }) { nodes { state submittedBy acceptedBy acceptedAt } } }',
      { a: ownedAction.id },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.progressUpdates.nodes).toEqual([
      expect.objectContaining({
        state: 'ACCEPTED',
        submittedBy: expect.any(String),
        acceptedBy: expect.any(String),
        acceptedAt: expect.any(String),
      }),
    ]);
  });
});

describe('bad input is refused whole, with a code', () => {
  it('refuses an action outside the round, a second submission after acceptance, a partner not linked', async () => {
    const small = await openRoundFor('Kleine ronde', { actionIds: [ownedAction.id] });
    const outside = await owner.gql(SUBMIT, { r: small.id, a: partnerAction.id, input: GOOD });
    expect(code(outside)).toBe('BAD_USER_INPUT');
    expect(outside.errors![0]!.extensions).toMatchObject({ field: 'actionId', reason: 'not_in_round' });
    const second = await owner.gql(SUBMIT, { r: roundId, a: ownedAction.id, input: GOOD });
    expect(code(second)).toBe('TRANSITION_NOT_ALLOWED');
    expect(second.errors![0]!.message).toContain('al geaccepteerd');
    const notLinked = await partner.gql(SUBMIT, { r: roundId, a: unlinkedAction.id, input: GOOD });
    expect(code(notLinked)).toBe('FORBIDDEN');
    const strangerTry = await stranger.gql(SUBMIT, { r: roundId, a: unlinkedAction.id, input: GOOD });
    expect(code(strangerTry)).toBe('FORBIDDEN');
    expect((await updateOf(roundId, unlinkedAction.id)).state).toBe('REQUESTED');
  });

  it('refuses a due date before the start and a percentage outside 0-100, saving nothing', async () => {
    const rounds = await db().progressRound.count();
    const early = await secretary.gql(OPEN, {
      input: { title: 'Te vroeg', periodStart: '2026-05-01', periodEnd: '2026-10-31', dueOn: '2026-04-01' },
    });
    expect(code(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0]!.extensions!.field).toBe('input.dueOn');
    expect(await db().progressRound.count()).toBe(rounds);
    const round = await openRoundFor('Percentageronde', { actionIds: [ownedAction.id] });
    const before = await updateOf(round.id, ownedAction.id);
    for (const percentComplete of [101, -1]) {
      const refused = await owner.gql(SAVE, { r: round.id, a: ownedAction.id, input: { ...GOOD, percentComplete } });
      expect(code(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.field).toBe('input.percentComplete');
    }
    expect(await updateOf(round.id, ownedAction.id)).toEqual(before);
  });

  it('keeps partner tokens to their scope: no staff lists, no review, nothing without progress:write', async () => {
    expect(code(await partner.gql('{ progressUpdates { totalCount } }'))).toBe('FORBIDDEN');
    expect(code(await partner.gql('{ lateActions { code } }'))).toBe('FORBIDDEN');
    const update = await updateOf(roundId, partnerAction.id);
    expect(code(await partner.gql(ACCEPT, { id: update.id, v: update.version }))).toBe('FORBIDDEN');
    expect(code(await readOnlyPartner.gql(SUBMIT, { r: roundId, a: partnerAction.id, input: GOOD }))).toBe('FORBIDDEN');
    expect(code(await readOnlyPartner.gql('{ openProgressRequests { id } }'))).toBe('FORBIDDEN');
    expect(code(await owner.gql(ACCEPT, { id: update.id, v: update.version }))).toBe('FORBIDDEN');
  });
});

describe('the rules hold under a burst', () => {
  it('lets exactly one of 40 concurrent accepts win, and refuses 40 submissions racing it', async () => {
    const round = await openRoundFor('Burstronde', { actionIds: [ownedAction.id] });
    expect((await owner.gql(SUBMIT, { r: round.id, a: ownedAction.id, input: GOOD })).errors).toBeUndefined();
    const submitted = await updateOf(round.id, ownedAction.id);
    const results = await Promise.all([
      ...Array.from({ length: 40 }, () => secretary.gql(ACCEPT, { id: submitted.id, v: submitted.version })),
      ...Array.from({ length: 40 }, () => owner.gql(SUBMIT, { r: round.id, a: ownedAction.id, input: GOOD })),
    ]);
    const accepts = results.slice(0, 40);
    expect(accepts.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(accepts.filter((r) => r.errors).map(code))).toEqual(
      new Set(['TRANSITION_NOT_ALLOWED', 'CONFLICT'].filter((c) => accepts.some((r) => code(r) === c))),
    );
    expect(
      results
        .slice(40)
        .map(code)
        .filter((c) => c !== 'TRANSITION_NOT_ALLOWED'),
      JSON.stringify(results.slice(40).find((r) => code(r) !== 'TRANSITION_NOT_ALLOWED')?.errors),
    ).toEqual([]);
    const events = await db().auditEvent.count({ where: { entityId: submitted.id, operation: 'PROGRESS_ACCEPT' } });
    expect(events).toBe(1);
  });
});

describe('late and missing at chosen dates', () => {
  it('counts an action late after its end date, or when assessed "achter"', async () => {
    const ended = await db().action.findFirstOrThrow({
      where: { endDate: { not: null }, status: { notIn: ['DONE', 'CANCELLED'] } },
      orderBy: { endDate: 'asc' },
    });
    const dayAfter = new Date(ended.endDate!.getTime() + 86_400_000).toISOString().slice(0, 10);
    const dayOf = ended.endDate!.toISOString().slice(0, 10);
    const late = async (on: string) =>
      (await secretary.gql('query ($on: Date) { lateActions(on: $on) { code reasons } }', { on })).data!
        .lateActions as { code: string; reasons: string[] }[];
    expect((await late(dayOf)).find((a) => a.code === ended.code)).toBeUndefined();
    expect((await late(dayAfter)).find((a) => a.code === ended.code)?.reasons).toContain('END_DATE_PASSED');
    // The partner's accepted "achter" makes its action late on any date.
    expect((await late('2025-01-01')).find((a) => a.code === partnerAction.code)?.reasons).toContain('ASSESSED_BEHIND');
  });

  it("counts an update missing only after the round's due date", async () => {
    const missing = async (on: string) =>
      (
        await secretary.gql(
          'query ($on: Date, $r: ID) { missingProgressUpdates(on: $on, roundId: $r) { actionCode state } }',
          { on, r: roundId },
        )
      ).data!.missingProgressUpdates as unknown[];
    expect(await missing('2026-11-15')).toHaveLength(0);
    const open = await db().progressUpdate.count({ where: { roundId, state: { notIn: ['SUBMITTED', 'ACCEPTED'] } } });
    expect(await missing('2026-11-16')).toHaveLength(open);
  });
});

describe('budget realisation', () => {
  it('sums plan, committed and spent per line, theme and year', async () => {
    const line = await db().budgetLine.findFirstOrThrow({
      where: { amounts: { some: { year: 2026 } } },
      include: { amounts: true, section: { include: { theme: true } } },
    });
    for (const [kind, amountCents, source] of [
      ['COMMITTED', 1_000_000, 'verplichting 1'],
      ['COMMITTED', 250_000, 'verplichting 2'],
      ['SPENT', 400_000, 'factuur 17'],
    ] as const) {
      const created = await secretary.gql(
        'mutation ($input: BudgetRealisationCreateInput!) { createBudgetRealisation(input: $input) { id } }',
        { input: { budgetLineId: line.id, year: 2026, kind, amountCents, on: '2026-06-01', source } },
      );
      expect(created.errors).toBeUndefined();
    }
    const summary = await secretary.gql(
      '{ budgetRealisationSummary(fromYear: 2026, toYear: 2026) { lines { budgetLineId plannedCents committedCents spentCents } byTheme { key plannedCents committedCents spentCents } } }',
    );
    expect(summary.errors).toBeUndefined();
    const row = summary.data!.budgetRealisationSummary.lines.find(
      (l: { budgetLineId: string }) => l.budgetLineId === line.id,
    );
    expect(row).toEqual({
      budgetLineId: line.id,
      plannedCents: line.amounts.find((a) => a.year === 2026)!.amountCents,
      committedCents: 1_250_000,
      spentCents: 400_000,
    });
    const theme = summary.data!.budgetRealisationSummary.byTheme.find(
      (t: { key: string }) => t.key === String(line.section.theme.number),
    );
    expect(theme.committedCents).toBe(1_250_000);
    expect(
      code(
        await stranger.gql(
          'mutation { createBudgetRealisation(input: { budgetLineId: "00000000-0000-0000-0000-000000000000", year: 2026, kind: SPENT, amountCents: 1, on: "2026-01-01", source: "x" }) { id } }',
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('the council report', () => {
  const fetchReport = async (format: 'DOCX' | 'PDF') => {
    const response = await secretary.gql(
      'query ($r: ID!, $f: ProgressReportFormat!) { progressReport(roundId: $r, format: $f) { filename contentType base64 } }',
      { r: roundId, f: format },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.progressReport as { filename: string; contentType: string; base64: string };
  };
  const dir = mkdtempSync(join(tmpdir(), 'welkom-report-'));

  it('writes a Word document with the accepted text, the changes, quotas, budget and open notes', async () => {
    const file = await fetchReport('DOCX');
    expect(file.filename).toBe('voortgangsrapportage-voortgang-najaar-2026.docx');
    writeFileSync(join(dir, 'r.docx'), Buffer.from(file.base64, 'base64'));
    const xml = execFileSync('unzip', ['-p', join(dir, 'r.docx'), 'word/document.xml'], {
      maxBuffer: 64 << 20,
    }).toString('utf8');
    const text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    expect(text).toContain('Voortgangsrapportage');
    expect(text).toContain('Opgave 1.');
    expect(text).toContain(ownedAction.code);
    expect(text).toContain('Twee bijeenkomsten met 45 deelnemers.');
    expect(text).toContain('Vertraagd door personeelstekort.');
    expect(text).toContain('Wat is er veranderd sinds de vorige ronde');
    expect(text).toContain('Financiën: begroting, verplicht en uitgegeven');
    expect(text).toContain('Bijlage: openstaande datakwaliteitsnotities');
    expect(xml).toContain('<w:tbl>');
  });

  it('writes the same report as PDF that pdftotext reads back', async () => {
    requireCommand('pdftotext');
    const file = await fetchReport('PDF');
    expect(file.contentType).toBe('application/pdf');
    writeFileSync(join(dir, 'r.pdf'), Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { maxBuffer: 64 << 20 }).toString(
      'utf8',
    );
    expect(text).toContain('Voortgangsrapportage');
    expect(text).toContain(ownedAction.code);
    expect(text.replace(/\s+/g, ' ')).toContain('Vertraagd door personeelstekort.');
    expect(text).toContain('Bijlage: openstaande datakwaliteitsnotities');
  });
});
