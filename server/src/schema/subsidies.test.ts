// The subsidy workflow over HTTP: every transition allowed and refused, roles, the ceiling
// under concurrent grants, four-eyes, idempotency, deadlines and the partner's own view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Client, type Harness, type SignedInClient, startHarness } from '../test/harness.js';
import { TRANSITIONS, TRANSITION_NAMES, type Transition, allowedTransitions } from '../subsidies/workflow.js';

let api: Harness;
let officer: SignedInClient;
let secondOfficer: SignedInClient;
let viewer: SignedInClient;
let secretary: SignedInClient;
let applicantId: string;
let otherApplicantId: string;

const MUTATION: Record<Transition, string> = {
  submit: 'submitSubsidyApplication', startReview: 'startSubsidyReview', requestInformation: 'requestSubsidyInformation',
  receiveInformation: 'receiveSubsidyInformation', proposeGrant: 'proposeSubsidyGrant', approveGrant: 'approveSubsidyGrant',
  grant: 'grantSubsidy', reject: 'rejectSubsidyApplication', withdraw: 'withdrawSubsidyApplication', payAdvance: 'paySubsidyAdvance',
  receiveAccountability: 'receiveSubsidyAccountability', setFinalAmount: 'setSubsidyFinalAmount', close: 'closeSubsidyApplication',
};
const WITH_AMOUNT = new Set<Transition>(['proposeGrant', 'grant', 'payAdvance', 'receiveAccountability', 'setFinalAmount']);
const FIELDS = 'id state version requestedCents proposedCents grantedCents advancePaidCents finalCents reclaimCents receivedOn pausedDays decisionDueOn daysLeft overdue clockPaused allowedTransitions';

async function step(client: Client, transition: Transition, id: string, extra: { amountCents?: number; on?: string; idempotencyKey?: string; reason?: string } = {}) {
  const amount = WITH_AMOUNT.has(transition);
  const query = `mutation ($id: ID!, $reason: String!, $key: String, $on: Date${amount ? `, $amount: Int${transition === 'receiveAccountability' ? '' : '!'}` : ''}) {
    ${MUTATION[transition]}(id: $id, reason: $reason, idempotencyKey: $key, on: $on${amount ? ', amountCents: $amount' : ''}) { ${FIELDS} } }`;
  const response = await client.gql(query, {
    id, reason: extra.reason ?? `test: ${transition}`, key: extra.idempotencyKey, on: extra.on,
    ...(amount ? { amount: extra.amountCents ?? (transition === 'receiveAccountability' ? undefined : 1000) } : {}),
  });
  return { data: response.data?.[MUTATION[transition]], errors: response.errors, code: response.errors?.[0]?.extensions?.code as string | undefined, error: response.errors?.[0] };
}

async function ok(client: Client, transition: Transition, id: string, extra: Parameters<typeof step>[3] = {}) {
  const result = await step(client, transition, id, extra);
  expect(result.errors, `${transition}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data;
}

async function createScheme(options: { ceilingCents?: number | null; fourEyesThresholdCents?: number; maxPerApplicationCents?: number; weeks?: number } = {}) {
  const { data, errors } = await officer.gql(
    `mutation ($input: SubsidySchemeCreateInput!) { createSubsidyScheme(input: $input) { id } }`,
    { input: { name: `Themabijeenkomsten test ${Math.random()}`, year: 2025, fourEyesThresholdCents: options.fourEyesThresholdCents, maxPerApplicationCents: options.maxPerApplicationCents, decisionTermWeeks: options.weeks } },
  );
  expect(errors).toBeUndefined();
  const id = data!.createSubsidyScheme.id as string;
  if (options.ceilingCents !== null) {
    const set = await officer.gql(`mutation ($id: ID!, $c: Int) { setSubsidyCeiling(id: $id, ceilingCents: $c, reason: "raadsbesluit") { ceilingCents } }`, { id, c: options.ceilingCents ?? 10_000_000 });
    expect(set.errors).toBeUndefined();
  }
  return id;
}

async function createApplication(schemeId: string, requestedCents = 500_000, applicant = applicantId) {
  const created = await officer.gql(
    `mutation ($input: SubsidyApplicationCreateInput!) { createSubsidyApplication(input: $input) { id version state } }`,
    { input: { schemeId, applicantId: applicant, activity: 'Vier themabijeenkomsten over wonen en werk', contactName: 'A. Aanvrager' } },
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data!.createSubsidyApplication;
  const budget = await officer.gql(
    `mutation ($id: ID!, $v: Int!, $lines: [SubsidyBudgetLineInput!]!) { setSubsidyBudget(id: $id, expectedVersion: $v, lines: $lines) { requestedCents } }`,
    { id, v: version, lines: [{ description: 'Zaalhuur', amountCents: requestedCents - 100_00 }, { description: 'Tolken', amountCents: 100_00 }] },
  );
  expect(budget.errors).toBeUndefined();
  expect(budget.data!.setSubsidyBudget.requestedCents).toBe(requestedCents);
  return id as string;
}

/** Paths from a draft to each state. */
const PATHS: Record<string, Transition[]> = {
  DRAFT: [],
  SUBMITTED: ['submit'],
  IN_REVIEW: ['submit', 'startReview'],
  INFORMATION_REQUESTED: ['submit', 'startReview', 'requestInformation'],
  GRANTED: ['submit', 'startReview', 'grant'],
  REJECTED: ['submit', 'startReview', 'reject'],
  WITHDRAWN: ['withdraw'],
  ADVANCE_PAID: ['submit', 'startReview', 'grant', 'payAdvance'],
  ACCOUNTABILITY_SUBMITTED: ['submit', 'startReview', 'grant', 'payAdvance', 'receiveAccountability'],
  FINAL_AMOUNT_SET: ['submit', 'startReview', 'grant', 'payAdvance', 'receiveAccountability', 'setFinalAmount'],
  CLOSED: ['submit', 'startReview', 'grant', 'payAdvance', 'receiveAccountability', 'setFinalAmount', 'close'],
};

async function applicationIn(state: string, schemeId: string) {
  const id = await createApplication(schemeId);
  for (const transition of PATHS[state]!) await ok(officer, transition, id);
  return id;
}

beforeAll(async () => {
  api = await startHarness();
  [officer, secondOfficer, viewer, secretary] = await Promise.all([
    api.createUser({ roles: ['GRANT_OFFICER'] }),
    api.createUser({ roles: ['GRANT_OFFICER'] }),
    api.createUser({ roles: ['VIEWER'] }),
    api.createUser({ roles: ['SECRETARY'] }),
  ]);
  const partners = await db().partner.findMany({ orderBy: { name: 'asc' }, take: 2, select: { id: true } });
  applicantId = partners[0]!.id;
  otherApplicantId = partners[1]!.id;
});
afterAll(() => api?.close());

describe('the workflow from submission to closure', () => {
  it('walks one application through every step, with timeline, money, payments and audit', async () => {
    const schemeId = await createScheme({ ceilingCents: 2_000_000 });
    const id = await createApplication(schemeId, 600_000);
    expect((await ok(officer, 'submit', id, { on: '2025-09-01' })).decisionDueOn).toBe('2025-10-27');
    await ok(officer, 'startReview', id, { on: '2025-09-02' });
    const paused = await ok(officer, 'requestInformation', id, { on: '2025-09-10' });
    expect(paused).toMatchObject({ state: 'INFORMATION_REQUESTED', decisionDueOn: null, clockPaused: true, daysLeft: null });
    // 14 days paused: 27 October + 14 = 10 November (a Monday).
    expect(await ok(officer, 'receiveInformation', id, { on: '2025-09-24' })).toMatchObject({ state: 'IN_REVIEW', pausedDays: 14, decisionDueOn: '2025-11-10' });
    expect(await ok(officer, 'grant', id, { amountCents: 550_000, on: '2025-10-01' })).toMatchObject({ state: 'GRANTED', grantedCents: 550_000 });
    await ok(officer, 'payAdvance', id, { amountCents: 440_000 });
    await ok(officer, 'receiveAccountability', id, { amountCents: 400_000 });
    expect(await ok(officer, 'setFinalAmount', id, { amountCents: 400_000 })).toMatchObject({ finalCents: 400_000, reclaimCents: 40_000 });
    expect(await ok(officer, 'close', id)).toMatchObject({ state: 'CLOSED', allowedTransitions: [] });

    const { data } = await officer.gql(`query ($id: ID!) { subsidyApplication(id: $id) {
      assignedToId transitions { operation fromState toState reason actorLabel amountCents } payments { kind amountCents }
      budgetLines { description amountCents } } subsidyScheme(id: "${schemeId}") { ceilingCents grantedCents remainingCents } }`, { id });
    const application = data!.subsidyApplication;
    expect(application.assignedToId).toBe(officer.user.id);
    expect(application.transitions.map((t: { operation: string }) => t.operation)).toEqual([
      'submit', 'startReview', 'requestInformation', 'receiveInformation', 'grant', 'payAdvance', 'receiveAccountability', 'setFinalAmount', 'close',
    ]);
    expect(application.transitions[4]).toMatchObject({ fromState: 'IN_REVIEW', toState: 'GRANTED', reason: 'test: grant', amountCents: 550_000 });
    expect(application.transitions[4].actorLabel).toContain(officer.user.email);
    expect(application.payments).toEqual([{ kind: 'ADVANCE', amountCents: 440_000 }, { kind: 'RECLAIM', amountCents: 40_000 }]);
    // The final amount, not the granted one, counts against the ceiling.
    expect(data!.subsidyScheme).toEqual({ ceilingCents: 2_000_000, grantedCents: 400_000, remainingCents: 1_600_000 });

    const audit = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' }, select: { operation: true, actorId: true } });
    expect(audit.map((event) => event.operation)).toEqual([
      'CREATE', 'SET_BUDGET', 'SUBMIT', 'START_REVIEW', 'REQUEST_INFORMATION', 'RECEIVE_INFORMATION', 'GRANT', 'PAY_ADVANCE',
      'RECEIVE_ACCOUNTABILITY', 'SET_FINAL_AMOUNT', 'CLOSE',
    ]);
    expect(new Set(audit.map((event) => event.actorId))).toEqual(new Set([officer.user.id]));
  });

  it('pays a settlement when the advance was below the final amount', async () => {
    const schemeId = await createScheme();
    const id = await applicationIn('ACCOUNTABILITY_SUBMITTED', schemeId); // granted 1000, advance 1000
    const final = await step(officer, 'setFinalAmount', id, { amountCents: 1000 });
    expect(final.data).toMatchObject({ finalCents: 1000, reclaimCents: 0 });
  });
});

describe('only allowed transitions', () => {
  it('refuses every transition a state does not allow, naming the allowed ones', async () => {
    const schemeId = await createScheme();
    let refused = 0;
    for (const state of Object.keys(PATHS)) {
      const id = await applicationIn(state, schemeId);
      const allowed = allowedTransitions({ state: state as never, proposedCents: null, proposedById: null });
      for (const transition of TRANSITION_NAMES.filter((name) => !allowed.includes(name))) {
        const result = await step(officer, transition, id);
        expect(result.code, `${transition} from ${state}`).toBe('TRANSITION_NOT_ALLOWED');
        expect(result.error!.extensions!.allowed).toEqual(allowed);
        expect(result.error!.extensions!.state).toBe(state);
        refused++;
      }
      const { data } = await officer.gql(`{ subsidyApplication(id: "${id}") { state allowedTransitions } }`);
      expect(data!.subsidyApplication).toEqual({ state, allowedTransitions: allowed });
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('allows each transition from each of its states', async () => {
    const schemeId = await createScheme();
    for (const transition of TRANSITION_NAMES.filter((name) => name !== 'approveGrant')) {
      for (const from of TRANSITIONS[transition].from) {
        const id = await applicationIn(from, schemeId);
        const result = await ok(officer, transition, id);
        expect(result.state).toBe(transition === 'proposeGrant' ? 'IN_REVIEW' : TRANSITIONS[transition].to);
      }
    }
  });

  it('asks for a reason and refuses a date in the future', async () => {
    const id = await createApplication(await createScheme());
    expect((await step(officer, 'submit', id, { reason: '  ' })).error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await step(officer, 'submit', id, { on: '2999-01-01' })).error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  });

  it('lets only grant officers act, and keeps state and money out of the generic update', async () => {
    const schemeId = await createScheme();
    const id = await createApplication(schemeId);
    for (const client of [viewer, secretary]) expect((await step(client, 'submit', id)).code).toBe('FORBIDDEN');
    expect((await step({ gql: api.gql, headers: {} }, 'submit', id)).code).toBe('UNAUTHENTICATED');
    const token = await api.issueToken({ scopes: ['subsidies:own', 'register:read'], partnerId: applicantId });
    expect((await step(token, 'submit', id)).code).toBe('FORBIDDEN');

    for (const input of ['{ state: GRANTED }', '{ grantedCents: 1 }', '{ requestedCents: 1 }', '{ schemeId: "' + schemeId + '" }', '{ decisionDueOn: "2030-01-01" }']) {
      const response = await officer.gql(`mutation { updateSubsidyApplication(id: "${id}", expectedVersion: 2, input: ${input}) { id } }`);
      expect(response.errors?.[0]?.extensions?.code, input).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const scheme = await officer.gql(`mutation { updateSubsidyScheme(id: "${schemeId}", expectedVersion: 2, input: { ceilingCents: 1 }) { id } }`);
    expect(scheme.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Ordinary data may change.
    const update = await officer.gql(`mutation { updateSubsidyApplication(id: "${id}", expectedVersion: 2, input: { contactName: "B. Nieuw" }) { contactName state } }`);
    expect(update.data!.updateSubsidyApplication).toEqual({ contactName: 'B. Nieuw', state: 'DRAFT' });
    // Viewers read, partners' tokens and anonymous callers do not.
    expect((await viewer.gql(`{ subsidyApplication(id: "${id}") { state } }`)).data!.subsidyApplication.state).toBe('DRAFT');
    expect((await token.gql(`{ subsidyApplications { totalCount } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(`{ subsidyApplications { totalCount } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('fixes the budget once submitted', async () => {
    const id = await applicationIn('SUBMITTED', await createScheme());
    const { data } = await officer.gql(`{ subsidyApplication(id: "${id}") { version } }`);
    const response = await officer.gql(
      `mutation ($id: ID!, $v: Int!) { setSubsidyBudget(id: $id, expectedVersion: $v, lines: [{ description: "meer", amountCents: 99 }]) { id } }`,
      { id, v: data!.subsidyApplication.version },
    );
    expect(response.errors![0]!.extensions!.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('money', () => {
  it('never grants more than requested or than the maximum per application', async () => {
    const schemeId = await createScheme({ maxPerApplicationCents: 300_000 });
    const id = await applicationIn('IN_REVIEW', schemeId);
    expect((await step(officer, 'grant', id, { amountCents: 500_001 })).error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'exceeds_requested' });
    expect((await step(officer, 'grant', id, { amountCents: 300_001 })).error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'exceeds_maximum' });
    expect((await step(officer, 'grant', id, { amountCents: 0 })).error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'out_of_range' });
    await ok(officer, 'grant', id, { amountCents: 300_000 });
    expect((await step(officer, 'payAdvance', id, { amountCents: 300_001 })).error!.extensions).toMatchObject({ reason: 'exceeds_granted' });
  });

  it('grants nothing while the ceiling is unknown, and never lowers it below what is granted', async () => {
    const unknown = await createScheme({ ceilingCents: null });
    const id = await applicationIn('IN_REVIEW', unknown);
    expect((await step(officer, 'grant', id)).error!.extensions).toMatchObject({ code: 'CEILING_EXCEEDED', reason: 'ceiling_unknown' });

    const schemeId = await createScheme({ ceilingCents: 100_000 });
    await ok(officer, 'grant', await applicationIn('IN_REVIEW', schemeId), { amountCents: 80_000 });
    const lower = await officer.gql(`mutation { setSubsidyCeiling(id: "${schemeId}", ceilingCents: 79999, reason: "bezuiniging") { id } }`);
    expect(lower.errors![0]!.extensions).toMatchObject({ code: 'CEILING_EXCEEDED', reason: 'below_granted', grantedCents: 80_000 });
  });

  it('keeps the sum of 20 concurrent grants within the ceiling', async () => {
    // Ceiling € 1.000; twenty applications of € 150 each: six fit (€ 900), fourteen do not.
    const schemeId = await createScheme({ ceilingCents: 100_000 });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await applicationIn('IN_REVIEW', schemeId));
    const officers = [officer, secondOfficer];
    const results = await Promise.all(ids.map((id, index) => step(officers[index % 2]!, 'grant', id, { amountCents: 15_000 })));
    const granted = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.code === 'CEILING_EXCEEDED');
    expect(granted).toHaveLength(6);
    expect(refused).toHaveLength(14);
    expect(refused[0]!.error!.extensions).toMatchObject({ ceilingCents: 100_000, grantedCents: 90_000, remainingCents: 10_000 });
    const [sum] = await db().$queryRaw<{ cents: bigint }[]>`SELECT SUM("grantedCents")::bigint AS cents FROM "SubsidyApplication" WHERE "schemeId" = ${schemeId}::uuid`;
    expect(Number(sum!.cents)).toBe(90_000);
  });
});

describe('four eyes', () => {
  it('sends a grant above the threshold through a second officer, never the proposer', async () => {
    const schemeId = await createScheme({ fourEyesThresholdCents: 100_000 });
    const id = await applicationIn('IN_REVIEW', schemeId);
    expect((await step(officer, 'grant', id, { amountCents: 200_000 })).error!.extensions).toMatchObject({ code: 'FOUR_EYES_REQUIRED', reason: 'above_threshold', thresholdCents: 100_000 });
    expect(await ok(officer, 'grant', await applicationIn('IN_REVIEW', schemeId), { amountCents: 100_000 })).toMatchObject({ state: 'GRANTED' });

    const proposed = await ok(officer, 'proposeGrant', id, { amountCents: 200_000 });
    expect(proposed).toMatchObject({ state: 'IN_REVIEW', proposedCents: 200_000 });
    expect(proposed.allowedTransitions).not.toContain('approveGrant');
    expect((await step(officer, 'approveGrant', id)).error!.extensions).toMatchObject({ code: 'FOUR_EYES_REQUIRED', reason: 'own_proposal' });
    const { data } = await secondOfficer.gql(`{ subsidyApplication(id: "${id}") { allowedTransitions } }`);
    expect(data!.subsidyApplication.allowedTransitions).toContain('approveGrant');
    expect(await ok(secondOfficer, 'approveGrant', id)).toMatchObject({ state: 'GRANTED', grantedCents: 200_000, proposedCents: null });
  });

  it('has nothing to approve without a proposal', async () => {
    const id = await applicationIn('IN_REVIEW', await createScheme());
    expect((await step(secondOfficer, 'approveGrant', id)).code).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('idempotency', () => {
  it('acts once for a retried click, also when the retries race', async () => {
    const schemeId = await createScheme();
    const id = await applicationIn('IN_REVIEW', schemeId);
    const key = `grant-${id}`;
    const results = await Promise.all([1, 2, 3].map(() => step(officer, 'grant', id, { amountCents: 1234, idempotencyKey: key })));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data.version))).toEqual(new Set([results[0]!.data.version]));
    expect(await db().subsidyTransition.count({ where: { applicationId: id, operation: 'grant' } })).toBe(1);
    // A key used for one action cannot be replayed for another.
    expect((await step(officer, 'payAdvance', id, { idempotencyKey: key })).error!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'idempotency_key_reused' });
    // Without a key a second grant is simply not allowed any more.
    expect((await step(officer, 'grant', id, { amountCents: 1234 })).code).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('deadlines', () => {
  it("computes the due date around Easter, King's Day and Christmas, and flags overdue ones", async () => {
    const schemeId = await createScheme();
    const due = async (on: string) => (await ok(officer, 'submit', await createApplication(schemeId), { on })).decisionDueOn;
    expect(await due('2025-02-21')).toBe('2025-04-22'); // ends Good Friday
    expect(await due('2026-03-02')).toBe('2026-04-28'); // ends King's Day
    expect(await due('2025-10-30')).toBe('2025-12-29'); // ends Christmas Day
    const overdue = await ok(officer, 'submit', await createApplication(schemeId), { on: '2024-01-02' });
    expect(overdue).toMatchObject({ overdue: true });
    expect(overdue.daysLeft).toBeLessThan(0);
    const queue = await officer.gql(`query ($s: ID!, $today: Date!) { subsidyApplications(filter: { schemeId: { eq: $s }, decisionDueOn: { lt: $today } }) { totalCount } }`, {
      s: schemeId, today: new Date().toISOString().slice(0, 10),
    });
    expect(queue.data!.subsidyApplications.totalCount).toBe(4);
  });

  it('answers the computed fields from the columns they read, also when a query asks for nothing else', async () => {
    const schemeId = await createScheme({ ceilingCents: 700_000 });
    const id = await createApplication(schemeId);
    await ok(officer, 'submit', id, { on: '2024-01-02' });
    const { data, errors } = await officer.gql(`query ($id: ID!, $s: ID!) {
      subsidyApplication(id: $id) { daysLeft overdue clockPaused allowedTransitions }
      subsidyScheme(id: $s) { remainingCents } }`, { id, s: schemeId });
    expect(errors).toBeUndefined();
    expect(data!.subsidyApplication).toMatchObject({ overdue: true, clockPaused: false, allowedTransitions: expect.arrayContaining(['startReview']) });
    expect(data!.subsidyApplication.daysLeft).toBeLessThan(0);
    expect(data!.subsidyScheme.remainingCents).toBe(700_000);
  });

  it('takes the decision term from the scheme', async () => {
    const id = await createApplication(await createScheme({ weeks: 13 }));
    expect((await ok(officer, 'submit', id, { on: '2025-09-01' })).decisionDueOn).toBe('2025-12-01');
  });
});

describe("a partner's own applications", () => {
  it('shows a token with subsidies:own its own organisation only', async () => {
    const schemeId = await createScheme();
    const mine = await applicationIn('GRANTED', schemeId);
    const theirs = await applicationIn('SUBMITTED', schemeId);
    await db().subsidyApplication.update({ where: { id: theirs }, data: { applicantId: otherApplicantId } });
    const token = await api.issueToken({ scopes: ['subsidies:own'], partnerId: applicantId });
    const { data, errors } = await token.gql('{ ownSubsidyApplications { id reference state grantedCents schemeName steps { state } } }');
    expect(errors).toBeUndefined();
    const ids = data!.ownSubsidyApplications.map((a: { id: string }) => a.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect(data!.ownSubsidyApplications.find((a: { id: string }) => a.id === mine)).toMatchObject({
      state: 'GRANTED', grantedCents: 1000, steps: [{ state: 'SUBMITTED' }, { state: 'IN_REVIEW' }, { state: 'GRANTED' }],
    });
    // It cannot ask for another organisation's, and the staff type is not its to read.
    const other = await token.gql(`{ ownSubsidyApplications(partnerId: "${otherApplicantId}") { id } }`);
    expect(other.data!.ownSubsidyApplications.map((a: { id: string }) => a.id)).not.toContain(theirs);
    expect((await token.gql(`{ subsidyApplication(id: "${mine}") { id } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const readOnly = await api.issueToken({ scopes: ['register:read'], partnerId: applicantId });
    expect((await readOnly.gql('{ ownSubsidyApplications { id } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // The scheme is public, its threshold and totals are not.
    const scheme = await api.gql(`{ subsidyScheme(id: "${schemeId}") { name ceilingCents remainingCents } }`);
    expect(scheme.data!.subsidyScheme).toMatchObject({ ceilingCents: 10_000_000, remainingCents: null });
    expect(scheme.errors![0]).toMatchObject({ path: ['subsidyScheme', 'remainingCents'], extensions: { code: 'UNAUTHENTICATED' } });
  });
});
