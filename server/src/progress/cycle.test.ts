// The rest of the progress cycle over HTTP: indicator measurements and evidence files in an
// update, closing a round (with a burst of submissions racing the close), late and missing as
// filters on the action list, "mijn acties" and reminders, and budgetSummary's committed and
// spent columns with subsidy grants under 3.5 2.A counted as committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, type TokenClient, startHarness } from '../test/harness.js';
import { pdf, png } from '../test/sample-files.js';

let api: Harness;
let secretary: SignedInClient;
let owner: SignedInClient;
let stranger: SignedInClient;
let partner: TokenClient;
let ownedAction: { id: string; code: string; sectionId: string };
let partnerAction: { id: string; code: string };
let roundId: string;

const REQUEST =
  'id state version actionCode measurements { indicatorId date value comment measurementId } evidenceFiles { id fileName contentType sizeBytes }';
const SAVE = `mutation ($r: ID!, $a: ID!, $input: ProgressUpdateInput!) { saveProgressDraft(roundId: $r, actionId: $a, input: $input) { ${REQUEST} } }`;
const SUBMIT = `mutation ($r: ID!, $a: ID!, $input: ProgressUpdateInput!) { submitProgressUpdate(roundId: $r, actionId: $a, input: $input) { ${REQUEST} } }`;
const ACCEPT = `mutation ($id: ID!, $v: Int!) { acceptProgressUpdate(id: $id, expectedVersion: $v) { ${REQUEST} } }`;
const OPEN = `mutation ($input: OpenProgressRoundInput!) { openProgressRound(input: $input) { id version updatesCount } }`;
const CLOSE =
  'mutation ($id: ID!, $v: Int!) { closeProgressRound(id: $id, expectedVersion: $v) { id state closedBy version } }';
const GOOD = { status: 'RUNNING', assessment: 'ON_TRACK', happened: 'Twee bijeenkomsten gehouden.' };

const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.code;
const reason = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  response.errors?.[0]?.extensions?.reason;

async function updateOf(round: string, actionId: string) {
  return db().progressUpdate.findUniqueOrThrow({ where: { roundId_actionId: { roundId: round, actionId } } });
}

async function openRound(title: string, input: Record<string, unknown> = {}) {
  const response = await secretary.gql(OPEN, {
    input: { title, periodStart: '2026-05-01', periodEnd: '2026-10-31', dueOn: '2026-11-15', ...input },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.openProgressRound as { id: string; version: number; updatesCount: number };
}

async function uploadEvidence(
  updateId: string,
  body: Buffer,
  headers: Record<string, string>,
  type = 'application/pdf',
) {
  const response = await fetch(`${api.url}/files/progress-updates/${updateId}/evidence?name=verslag.pdf`, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  api = await startHarness();
  secretary = await api.createUser({ roles: ['SECRETARY'] });
  owner = await api.createUser({ roles: ['VIEWER'], name: 'Otto Eigenaar' });
  stranger = await api.createUser({ roles: ['VIEWER'] });
  // An open action whose section has indicators, owned by `owner`; a partner's action beside it.
  const sections = await db().indicator.findMany({ where: { sectionId: { not: null } }, select: { sectionId: true } });
  const withIndicators = new Set(sections.map((s) => s.sectionId!));
  const actions = await db().action.findMany({
    where: { status: { notIn: ['DONE', 'CANCELLED'] } },
    orderBy: { code: 'asc' },
    include: { goal: true, partnerLinks: true },
  });
  const owned = actions.find((a) => withIndicators.has(a.goal.sectionId))!;
  ownedAction = { id: owned.id, code: owned.code, sectionId: owned.goal.sectionId };
  const linked = actions.find((a) => a.id !== owned.id && a.partnerLinks.length > 0)!;
  partnerAction = linked;
  partner = await api.issueToken({ partnerId: linked.partnerLinks[0]!.partnerId, scopes: ['progress:write'] });
  await db().action.update({ where: { id: owned.id }, data: { ownerId: owner.user.id } });
  roundId = (await openRound('Voortgang najaar 2026')).id;
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('indicator measurements in an update', () => {
  it('lists the indicators an action feeds: those of its section', async () => {
    const fed = await owner.gql('query ($a: ID!) { indicatorsFedByAction(actionId: $a) { id code } }', {
      a: ownedAction.id,
    });
    expect(fed.errors).toBeUndefined();
    const expected = await db().indicator.findMany({
      where: { sectionId: ownedAction.sectionId },
      select: { id: true },
    });
    expect(fed.data!.indicatorsFedByAction.map((i: { id: string }) => i.id).sort()).toEqual(
      expected.map((i) => i.id).sort(),
    );
  });

  it('refuses an indicator the action does not feed and a duplicate date, saving nothing', async () => {
    const other = await db().indicator.findFirst({
      where: { OR: [{ sectionId: { not: ownedAction.sectionId } }, { sectionId: null }] },
    });
    const fed = await db().indicator.findFirstOrThrow({ where: { sectionId: ownedAction.sectionId } });
    const before = await updateOf(roundId, ownedAction.id);
    if (other) {
      const refused = await owner.gql(SAVE, {
        r: roundId,
        a: ownedAction.id,
        input: { happened: 'x', measurements: [{ indicatorId: other.id, date: '2026-10-01', value: 3 }] },
      });
      expect(code(refused)).toBe('BAD_USER_INPUT');
      expect(reason(refused)).toBe('not_fed');
      expect(refused.errors![0]!.message).toMatch(/voedt dit kengetal niet/);
    }
    const twice = await owner.gql(SAVE, {
      r: roundId,
      a: ownedAction.id,
      input: {
        measurements: [
          { indicatorId: fed.id, date: '2026-10-01', value: 1 },
          { indicatorId: fed.id, date: '2026-10-01', value: 2 },
        ],
      },
    });
    expect(code(twice)).toBe('BAD_USER_INPUT');
    expect(reason(twice)).toBe('duplicate');
    const after = await updateOf(roundId, ownedAction.id);
    expect(after).toMatchObject({ version: before.version, state: before.state, happened: before.happened });
    expect(await db().progressMeasurement.count({ where: { updateId: before.id } })).toBe(0);
  });

  it("keeps measurements with the draft, and on acceptance makes them the indicator's measurements", async () => {
    const fed = await db().indicator.findFirstOrThrow({ where: { sectionId: ownedAction.sectionId } });
    const draft = await owner.gql(SAVE, {
      r: roundId,
      a: ownedAction.id,
      input: {
        happened: 'Bezig',
        measurements: [{ indicatorId: fed.id, date: '2026-10-01', value: 123, comment: 'telling oktober' }],
      },
    });
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.saveProgressDraft.measurements).toEqual([
      { indicatorId: fed.id, date: '2026-10-01', value: 123, comment: 'telling oktober', measurementId: null },
    ]);
    // Submitting without the list keeps the draft's measurements.
    const submitted = await owner.gql(SUBMIT, { r: roundId, a: ownedAction.id, input: GOOD });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitProgressUpdate.measurements).toHaveLength(1);
    expect(await db().measurement.count({ where: { indicatorId: fed.id, value: 123 } })).toBe(0);
    const update = await updateOf(roundId, ownedAction.id);
    const accepted = await secretary.gql(ACCEPT, { id: update.id, v: update.version });
    expect(accepted.errors).toBeUndefined();
    const measurementId = accepted.data!.acceptProgressUpdate.measurements[0].measurementId;
    const measurement = await db().measurement.findUniqueOrThrow({ where: { id: measurementId } });
    expect(measurement).toMatchObject({
      indicatorId: fed.id,
      value: 123,
      comment: 'telling oktober',
      sourceText: expect.stringContaining('Voortgang najaar 2026'),
    });
    expect(
      await db().auditEvent.count({
        where: { entityType: 'Measurement', entityId: measurementId, operation: 'CREATE' },
      }),
    ).toBe(1);
  });
});

describe('evidence files', () => {
  it('takes a PDF from a linked partner, stored in chunks with its sha-256, and gives it back', async () => {
    const update = await updateOf(roundId, partnerAction.id);
    const body = await pdf();
    const uploaded = await uploadEvidence(update.id, body, partner.headers);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.evidenceFile).toMatchObject({
      fileName: 'verslag.pdf',
      contentType: 'application/pdf',
      sizeBytes: body.length,
    });
    expect(
      await db().progressEvidenceChunk.count({ where: { documentId: uploaded.body.evidenceFile.id } }),
    ).toBeGreaterThan(0);
    expect(
      await db().auditEvent.count({
        where: { entityType: 'ProgressEvidenceFile', entityId: uploaded.body.evidenceFile.id },
      }),
    ).toBe(1);
    const download = await fetch(`${api.url}/files/evidence/${uploaded.body.evidenceFile.id}`, {
      headers: secretary.headers,
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
    const listed = await partner.gql('{ openProgressRequests { actionCode evidenceFiles { id fileName } } }');
    expect(
      listed.data!.openProgressRequests.find((r: { actionCode: string }) => r.actionCode === partnerAction.code)
        .evidenceFiles,
    ).toHaveLength(1);
  });

  it('refuses what is not a real file, a caller who may not report, and an update already handed in', async () => {
    const update = await updateOf(roundId, partnerAction.id);
    const renamed = await uploadEvidence(update.id, Buffer.from('MZ not a pdf at all'), partner.headers);
    expect(renamed.status).toBe(415);
    expect(renamed.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const notMine = await uploadEvidence(update.id, await pdf(), stranger.headers);
    expect(notMine.status).toBe(403);
    expect(notMine.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not_linked' });
    const handedIn = await updateOf(roundId, ownedAction.id); // accepted above
    const late = await uploadEvidence(handedIn.id, png(), owner.headers, 'image/png');
    expect(late.status).toBe(409);
    expect(late.body.errors[0].extensions.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(await db().progressEvidenceFile.count({ where: { updateId: { in: [update.id, handedIn.id] } } })).toBe(1);
    const anonymous = await fetch(
      `${api.url}/files/evidence/${(await db().progressEvidenceFile.findFirstOrThrow()).id}`,
    );
    expect(anonymous.status).toBe(401);
  });
});

describe('late and missing on the action list, mijn acties and reminders', () => {
  it('filters the action list on "te laat" and "voortgang ontbreekt" as of today', async () => {
    const list = async (filter: Record<string, unknown>) => {
      const response = await secretary.gql(
        'query ($f: ActionFilter) { actions(filter: $f, limit: 100) { totalCount nodes { code } } }',
        { f: filter },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.actions as { totalCount: number; nodes: { code: string }[] };
    };
    const today = new Date();
    const late = await db().action.count({
      where: {
        status: { notIn: ['DONE', 'CANCELLED'] },
        OR: [{ endDate: { lt: new Date(today.toISOString().slice(0, 10)) } }, { assessment: 'BEHIND' }],
      },
    });
    expect((await list({ late: { eq: true } })).totalCount).toBe(late);
    expect((await list({ late: { eq: false } })).totalCount).toBe(56 - late);
    // The round's due date (2026-11-15) has passed by the time this runs only if today is later;
    // a round due yesterday makes its requests missing today, whatever the clock says.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const dueRound = await openRound('Voortgang verlopen', {
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      dueOn: yesterday,
      actionIds: [partnerAction.id],
    });
    const missing = await list({ progressMissing: { eq: true } });
    expect(missing.nodes.map((n) => n.code)).toContain(partnerAction.code);
    expect((await list({ progressMissing: { eq: true }, late: { eq: true } })).totalCount).toBeLessThanOrEqual(
      missing.totalCount,
    );
    // Requests are staff's: an anonymous visitor may filter on "te laat" (public columns), not on this.
    const anonymous = await api.gql('{ actions(filter: { progressMissing: { eq: true } }) { totalCount } }');
    expect(code(anonymous)).toBe('FORBIDDEN');
    expect((await api.gql('{ actions(filter: { late: { eq: true } }) { totalCount } }')).errors).toBeUndefined();
    await secretary.gql(CLOSE, { id: dueRound.id, v: dueRound.version });
  });

  it('shows the owner their actions with open requests and late state, and their reminders', async () => {
    const second = await openRound('Voortgang winter 2026', {
      periodStart: '2026-11-01',
      periodEnd: '2026-12-31',
      dueOn: '2027-01-15',
      actionIds: [ownedAction.id],
    });
    const mine = await owner.gql(
      '{ myActions(on: "2027-01-05") { code lateReasons openRequests { roundTitle state reminder { kind days } } } }',
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myActions).toEqual([
      {
        code: ownedAction.code,
        lateReasons: expect.any(Array),
        openRequests: [
          { roundTitle: 'Voortgang winter 2026', state: 'REQUESTED', reminder: { kind: 'DUE_SOON', days: 10 } },
        ],
      },
    ]);
    const reminders = await owner.gql(
      '{ progressReminders(on: "2027-01-20") { actionCode roundTitle kind days userId } }',
    );
    expect(reminders.data!.progressReminders).toEqual([
      {
        actionCode: ownedAction.code,
        roundTitle: 'Voortgang winter 2026',
        kind: 'OVERDUE',
        days: -5,
        userId: owner.user.id,
      },
    ]);
    expect(
      (await stranger.gql('{ progressReminders(on: "2027-01-20") { actionCode } }')).data!.progressReminders,
    ).toEqual([]);
    expect(code(await owner.gql('{ progressReminders(all: true) { actionCode } }'))).toBe('FORBIDDEN');
    const all = await secretary.gql('{ progressReminders(on: "2027-01-20", all: true) { updateId roundId } }');
    expect(all.data!.progressReminders.filter((r: { roundId: string }) => r.roundId === second.id)).toHaveLength(1);
  });
});

describe('closing a round', () => {
  it('marks what was not handed in missing, refuses new submissions, and is audited', async () => {
    const round = await openRound('Voortgang sluiten', { dueOn: '2026-12-01' });
    const submitted = await partner.gql(SUBMIT, { r: round.id, a: partnerAction.id, input: GOOD });
    expect(submitted.errors).toBeUndefined();
    expect(code(await owner.gql(CLOSE, { id: round.id, v: round.version }))).toBe('FORBIDDEN');
    expect(code(await secretary.gql(CLOSE, { id: round.id, v: round.version + 7 }))).toBe('CONFLICT');
    const closed = await secretary.gql(CLOSE, { id: round.id, v: round.version });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeProgressRound).toMatchObject({
      state: 'CLOSED',
      closedBy: expect.stringContaining(secretary.user.email),
    });
    const states = await db().progressUpdate.groupBy({ by: ['state'], where: { roundId: round.id }, _count: true });
    expect(Object.fromEntries(states.map((s) => [s.state, s._count]))).toEqual({
      SUBMITTED: 1,
      MISSING: round.updatesCount - 1,
    });
    const refused = await owner.gql(SUBMIT, { r: round.id, a: ownedAction.id, input: GOOD });
    expect(code(refused)).toBe('TRANSITION_NOT_ALLOWED');
    expect(reason(refused)).toBe('round_closed');
    expect(reason(await secretary.gql(CLOSE, { id: round.id, v: round.version + 1 }))).toBe('round_closed');
    // A submission made before the close can still be reviewed.
    const partnerUpdate = await updateOf(round.id, partnerAction.id);
    expect((await secretary.gql(ACCEPT, { id: partnerUpdate.id, v: partnerUpdate.version })).errors).toBeUndefined();
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityType: 'ProgressRound', entityId: round.id, operation: 'CLOSE_ROUND' },
    });
    expect((audit.after as { markedMissing: number }).markedMissing).toBe(round.updatesCount - 1);
    const missing = await secretary.gql('query ($r: ID) { missingProgressUpdates(roundId: $r) { state } }', {
      r: round.id,
    });
    expect(missing.data!.missingProgressUpdates).toHaveLength(round.updatesCount - 1);
  });

  it('keeps every submission of a burst racing the close either before it (kept) or refused after it', async () => {
    const actions = await db().action.findMany({
      where: { status: { notIn: ['DONE', 'CANCELLED'] } },
      orderBy: { code: 'asc' },
      take: 40,
      select: { id: true },
    });
    const round = await openRound('Voortgang wedloop', { actionIds: actions.map((a) => a.id) });
    const submits = actions.map((a) => secretary.gql(SUBMIT, { r: round.id, a: a.id, input: GOOD }));
    const close = secretary.gql(CLOSE, { id: round.id, v: round.version });
    const results = await Promise.all(submits);
    expect((await close).errors).toBeUndefined();
    const kept = results.filter((r) => !r.errors).length;
    for (const r of results.filter((r) => r.errors)) expect(reason(r)).toBe('round_closed');
    const states = await db().progressUpdate.groupBy({ by: ['state'], where: { roundId: round.id }, _count: true });
    const counts = Object.fromEntries(states.map((s) => [s.state, s._count]));
    expect(counts.SUBMITTED ?? 0).toBe(kept);
    expect((counts.SUBMITTED ?? 0) + (counts.MISSING ?? 0)).toBe(40);
  }, 60_000);
});

describe('budgetSummary grows committed and spent', () => {
  it('sums recorded realisations and subsidy grants under 3.5 2.A as committed, for staff only', async () => {
    // The 5.3 table has no line for 3.5 2.A: the grants get a row of their own under theme 3 until one is linked.
    expect(await db().budgetLine.count({ where: { OR: [{ action: { code: '3.5 2.A' } }, { code: '3.5 2.A' }] } })).toBe(
      0,
    );
    const query =
      '{ budgetSummary(fromYear: 2026, toYear: 2026) { years { year computedCents committedCents spentCents } byTheme { themeNumber year amountCents committedCents spentCents } lines { budgetLineId code plannedCents committedCents spentCents subsidyCommittedCents } } }';
    const before = await secretary.gql(query);
    expect(before.errors).toBeUndefined();
    const subsidyRow = (data: any) =>
      data.budgetSummary.lines.find((l: { budgetLineId: string | null }) => l.budgetLineId === null) ?? {
        committedCents: 0,
        subsidyCommittedCents: 0,
      };
    const theme = (data: any, n: number) =>
      data.budgetSummary.byTheme.find((t: { themeNumber: number }) => t.themeNumber === n);
    const plannedLine = await db().budgetLine.findFirstOrThrow({
      where: { amounts: { some: { year: 2026 } } },
      include: { section: { include: { theme: true } } },
    });
    // A scheme of 2026 with one application granted 1 234 500 cents and one still in review.
    const partnerId = (await db().partner.findFirstOrThrow()).id;
    const scheme = await db().subsidyScheme.create({
      data: { name: 'Regeling voortgangstest 2026', year: 2026, ceilingCents: 10_000_000 },
    });
    await db().subsidyApplication.create({
      data: {
        schemeId: scheme.id,
        applicantId: partnerId,
        activity: 'Themabijeenkomsten',
        state: 'GRANTED',
        requestedCents: 1_500_000,
        grantedCents: 1_234_500,
      },
    });
    await db().subsidyApplication.create({
      data: {
        schemeId: scheme.id,
        applicantId: partnerId,
        activity: 'Nog in behandeling',
        state: 'IN_REVIEW',
        requestedCents: 900_000,
      },
    });
    const recorded = await secretary.gql(
      'mutation ($input: BudgetRealisationCreateInput!) { createBudgetRealisation(input: $input) { id } }',
      {
        input: {
          budgetLineId: plannedLine.id,
          year: 2026,
          kind: 'SPENT',
          amountCents: 300_000,
          on: '2026-09-01',
          source: 'factuur 42',
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    const after = await secretary.gql(query);
    expect(after.errors).toBeUndefined();
    expect(subsidyRow(after.data)).toMatchObject({
      code: '3.5 2.A',
      plannedCents: 0,
      committedCents: 1_234_500,
      subsidyCommittedCents: 1_234_500,
    });
    expect(subsidyRow(before.data).committedCents).toBe(0);
    expect(theme(after.data, 3).committedCents - theme(before.data, 3).committedCents).toBe(1_234_500);
    const spentTheme = plannedLine.section.theme.number;
    expect(theme(after.data, spentTheme).spentCents - theme(before.data, spentTheme).spentCents).toBe(300_000);
    const year = after.data!.budgetSummary.years[0];
    expect(year.committedCents - before.data!.budgetSummary.years[0].committedCents).toBe(1_234_500);
    expect(year.spentCents - before.data!.budgetSummary.years[0].spentCents).toBe(300_000);
    // The columns add up: the year's plan is the sum of the lines' plans.
    expect(
      after.data!.budgetSummary.lines.reduce((sum: number, l: { plannedCents: number }) => sum + l.plannedCents, 0),
    ).toBe(year.computedCents);
    // Once a budget line is linked to action 3.5 2.A, the grants are committed on that line.
    const subsidyAction = await db().action.findUniqueOrThrow({ where: { code: '3.5 2.A' }, include: { goal: true } });
    const line = await db().budgetLine.create({
      data: {
        code: '3.5 2.A',
        title: 'Subsidies migrantenorganisaties',
        sectionId: subsidyAction.goal.sectionId,
        actionId: subsidyAction.id,
        sortOrder: 99,
      },
    });
    const linked = await secretary.gql(query);
    const lines = linked.data!.budgetSummary.lines as { budgetLineId: string | null; committedCents: number }[];
    expect(lines.find((l) => l.budgetLineId === null)).toBeUndefined();
    expect(lines.find((l) => l.budgetLineId === line.id)?.committedCents).toBe(1_234_500);
    // A partner's token reads the plan, not the municipality's own committed and spent figures.
    const reader = await api.issueToken({ scopes: ['register:read'] });
    const seen = await reader.gql(
      '{ budgetSummary(fromYear: 2026, toYear: 2026) { years { computedCents committedCents spentCents } lines { budgetLineId } } }',
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.budgetSummary).toEqual({
      years: [{ computedCents: year.computedCents, committedCents: null, spentCents: null }],
      lines: null,
    });
  });
});
