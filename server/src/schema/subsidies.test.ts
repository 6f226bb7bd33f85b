// The subsidy workflow over HTTP: every transition allowed and refused, roles, the ceiling
// under concurrent grants, four-eyes, idempotency, deadlines and the partner's own view.
import { isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from './index.js';
import { db } from '../db.js';
import { type Client, type Harness, type SignedInClient, startHarness } from '../test/harness.js';
import { TRANSITIONS, TRANSITION_NAMES, type Transition, allowedTransitions } from '../subsidies/workflow.js';

let api: Harness;
let officer: SignedInClient;
let secondOfficer: SignedInClient;
let viewer: SignedInClient;
let secretary: SignedInClient;
let admin: SignedInClient;
let applicantId: string;
let otherApplicantId: string;

const MUTATION = Object.fromEntries(TRANSITION_NAMES.map((name) => [name, TRANSITIONS[name].mutation])) as Record<
  Transition,
  string
>;
const WITH_AMOUNT = new Set<Transition>([
  'proposeGrant',
  'approveGrant',
  'grant',
  'payAdvance',
  'receiveAccountability',
  'setFinalAmount',
]);
const FIELDS =
  'id state version requestedCents proposedCents grantedCents advancePaidCents finalCents reclaimCents receivedOn pausedDays decisionDueOn daysLeft overdue clockPaused allowedTransitions';

async function step(
  client: Client,
  transition: Transition,
  id: string,
  extra: { amountCents?: number; on?: string; idempotencyKey?: string; reason?: string; expectedVersion?: number } = {},
) {
  const amount = WITH_AMOUNT.has(transition);
  const approve = transition === 'approveGrant';
  // An approval names the proposal it approves; unless a test says otherwise, the one there now.
  const proposal =
    approve && (extra.amountCents === undefined || extra.expectedVersion === undefined)
      ? await db().subsidyApplication.findUnique({ where: { id }, select: { proposedCents: true, version: true } })
      : null;
  const query = `mutation ($id: ID!, $reason: String!, $key: String, $on: Date${amount ? `, $amount: Int${transition === 'receiveAccountability' ? '' : '!'}` : ''}${approve ? ', $v: Int!' : ''}) {
    ${MUTATION[transition]}(id: $id, reason: $reason, idempotencyKey: $key, on: $on${amount ? ', amountCents: $amount' : ''}${approve ? ', expectedVersion: $v' : ''}) { ${FIELDS} } }`;
  const response = await client.gql(query, {
    id,
    reason: extra.reason ?? `test: ${transition}`,
    key: extra.idempotencyKey,
    on: extra.on,
    ...(amount
      ? {
          amount:
            extra.amountCents ??
            (approve ? (proposal?.proposedCents ?? 1000) : transition === 'receiveAccountability' ? undefined : 1000),
        }
      : {}),
    ...(approve ? { v: extra.expectedVersion ?? proposal?.version ?? 1 } : {}),
  });
  return {
    data: response.data?.[MUTATION[transition]],
    errors: response.errors,
    code: response.errors?.[0]?.extensions?.code as string | undefined,
    error: response.errors?.[0],
  };
}

async function ok(client: Client, transition: Transition, id: string, extra: Parameters<typeof step>[3] = {}) {
  const result = await step(client, transition, id, extra);
  expect(result.errors, `${transition}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data;
}

const SET_LIMITS = `mutation ($id: ID!, $v: Int!, $input: SubsidySchemeLimitsInput!, $reason: String!) {
  setSubsidySchemeLimits(id: $id, expectedVersion: $v, input: $input, reason: $reason) { id version ceilingCents maxPerApplicationCents fourEyesThresholdCents } }`;

/** Sets a scheme's limits as an administrator would, at its current version. */
async function setLimits(client: Client, id: string, input: Record<string, number | null>, reason = 'raadsbesluit') {
  const { version } = await db().subsidyScheme.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const response = await client.gql(SET_LIMITS, { id, v: version, input, reason });
  return {
    data: response.data?.setSubsidySchemeLimits,
    error: response.errors?.[0],
    code: response.errors?.[0]?.extensions?.code as string | undefined,
  };
}

async function createScheme(
  options: {
    ceilingCents?: number | null;
    fourEyesThresholdCents?: number;
    maxPerApplicationCents?: number;
    weeks?: number;
  } = {},
) {
  const { data, errors } = await officer.gql(
    `mutation ($input: SubsidySchemeCreateInput!) { createSubsidyScheme(input: $input) { id } }`,
    { input: { name: `Themabijeenkomsten test ${Math.random()}`, year: 2025, decisionTermWeeks: options.weeks } },
  );
  expect(errors).toBeUndefined();
  const id = data!.createSubsidyScheme.id as string;
  const limits = {
    ...(options.ceilingCents === null ? {} : { ceilingCents: options.ceilingCents ?? 10_000_000 }),
    ...(options.fourEyesThresholdCents === undefined ? {} : { fourEyesThresholdCents: options.fourEyesThresholdCents }),
    ...(options.maxPerApplicationCents === undefined ? {} : { maxPerApplicationCents: options.maxPerApplicationCents }),
  };
  if (Object.keys(limits).length) expect((await setLimits(admin, id, limits)).error).toBeUndefined();
  return id;
}

async function createApplication(schemeId: string, requestedCents = 500_000, applicant = applicantId) {
  const created = await officer.gql(
    `mutation ($input: SubsidyApplicationCreateInput!) { createSubsidyApplication(input: $input) { id version state } }`,
    {
      input: {
        schemeId,
        applicantId: applicant,
        activity: 'Vier themabijeenkomsten over wonen en werk',
        contactName: 'A. Aanvrager',
      },
    },
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data!.createSubsidyApplication;
  const budget = await officer.gql(
    `mutation ($id: ID!, $v: Int!, $lines: [SubsidyBudgetLineInput!]!) { setSubsidyBudget(id: $id, expectedVersion: $v, lines: $lines) { requestedCents } }`,
    {
      id,
      v: version,
      lines: [
        { description: 'Zaalhuur', amountCents: requestedCents - 100_00 },
        { description: 'Tolken', amountCents: 100_00 },
      ],
    },
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
  [officer, secondOfficer, viewer, secretary, admin] = await Promise.all([
    api.createUser({ roles: ['GRANT_OFFICER'] }),
    api.createUser({ roles: ['GRANT_OFFICER'] }),
    api.createUser({ roles: ['VIEWER'] }),
    api.createUser({ roles: ['SECRETARY'] }),
    api.createUser({ roles: ['ADMIN'] }),
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
    expect(paused).toMatchObject({
      state: 'INFORMATION_REQUESTED',
      decisionDueOn: null,
      clockPaused: true,
      daysLeft: null,
    });
    // 14 days paused: 27 October + 14 = 10 November (a Monday).
    expect(await ok(officer, 'receiveInformation', id, { on: '2025-09-24' })).toMatchObject({
      state: 'IN_REVIEW',
      pausedDays: 14,
      decisionDueOn: '2025-11-10',
    });
    expect(await ok(officer, 'grant', id, { amountCents: 550_000, on: '2025-10-01' })).toMatchObject({
      state: 'GRANTED',
      grantedCents: 550_000,
    });
    await ok(officer, 'payAdvance', id, { amountCents: 440_000 });
    await ok(officer, 'receiveAccountability', id, { amountCents: 400_000 });
    expect(await ok(officer, 'setFinalAmount', id, { amountCents: 400_000 })).toMatchObject({
      finalCents: 400_000,
      reclaimCents: 40_000,
    });
    expect(await ok(officer, 'close', id)).toMatchObject({ state: 'CLOSED', allowedTransitions: [] });

    const { data } = await officer.gql(
      `query ($id: ID!) { subsidyApplication(id: $id) {
      assignedToId transitions { operation fromState toState reason actorLabel amountCents } payments { kind amountCents }
      budgetLines { description amountCents } } subsidyScheme(id: "${schemeId}") { ceilingCents grantedCents remainingCents } }`,
      { id },
    );
    const application = data!.subsidyApplication;
    expect(application.assignedToId).toBe(officer.user.id);
    expect(application.transitions.map((t: { operation: string }) => t.operation)).toEqual([
      'submit',
      'startReview',
      'requestInformation',
      'receiveInformation',
      'grant',
      'payAdvance',
      'receiveAccountability',
      'setFinalAmount',
      'close',
    ]);
    expect(application.transitions[4]).toMatchObject({
      fromState: 'IN_REVIEW',
      toState: 'GRANTED',
      reason: 'test: grant',
      amountCents: 550_000,
    });
    expect(application.transitions[4].actorLabel).toContain(officer.user.email);
    expect(application.payments).toEqual([
      { kind: 'ADVANCE', amountCents: 440_000 },
      { kind: 'RECLAIM', amountCents: 40_000 },
    ]);
    // The final amount, not the granted one, counts against the ceiling.
    expect(data!.subsidyScheme).toEqual({ ceilingCents: 2_000_000, grantedCents: 400_000, remainingCents: 1_600_000 });

    const audit = await db().auditEvent.findMany({
      where: { entityId: id },
      orderBy: { id: 'asc' },
      select: { operation: true, actorId: true },
    });
    expect(audit.map((event) => event.operation)).toEqual([
      'CREATE',
      'SET_BUDGET',
      'SUBMIT',
      'START_REVIEW',
      'REQUEST_INFORMATION',
      'RECEIVE_INFORMATION',
      'GRANT',
      'PAY_ADVANCE',
      'RECEIVE_ACCOUNTABILITY',
      'SET_FINAL_AMOUNT',
      'CLOSE',
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

  it("publishes the workflow table, so a client builds its buttons from the server's rules", async () => {
    const { data, errors } = await api.gql(
      `{ subsidyTransitions { operation mutation from to takesAmount amountRequired expectsVersion } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.subsidyTransitions.map((rule: { operation: string }) => rule.operation)).toEqual(TRANSITION_NAMES);
    const mutations = schema.getMutationType()!.getFields();
    for (const rule of data!.subsidyTransitions) {
      const transition = rule.operation as Transition;
      expect(rule).toMatchObject({
        mutation: TRANSITIONS[transition].mutation,
        from: [...TRANSITIONS[transition].from],
        to: TRANSITIONS[transition].to,
      });
      // What the rule says about arguments is what the mutation takes.
      const args = mutations[rule.mutation]!.args;
      const amount = args.find((arg) => arg.name === 'amountCents');
      expect(rule.takesAmount, transition).toBe(amount !== undefined);
      expect(rule.amountRequired, transition).toBe(amount !== undefined && isNonNullType(amount.type));
      expect(rule.expectsVersion, transition).toBe(args.some((arg) => arg.name === 'expectedVersion'));
    }
    expect(
      data!.subsidyTransitions.find((rule: { operation: string }) => rule.operation === 'approveGrant'),
    ).toMatchObject({ takesAmount: true, expectsVersion: true });
  });

  it("says what is refused and what is allowed in words, not in the API's names", async () => {
    const id = await createApplication(await createScheme());
    const { error } = await step(officer, 'grant', id, { amountCents: 1000 });
    expect(error!.message).toBe('Verlenen kan niet in de status "concept". Nu toegestaan: indienen, intrekken.');
    expect(error!.extensions!.messageEn).toBe(
      'Grant is not possible in the state "draft". Allowed now: submit, withdraw.',
    );
    expect(error!.extensions).toMatchObject({ state: 'DRAFT', allowed: ['submit', 'withdraw'] });
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
    expect((await step(officer, 'submit', id, { reason: '  ' })).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect((await step(officer, 'submit', id, { on: '2999-01-01' })).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'on',
    });
  });

  it('lets only grant officers act, and keeps state and money out of the generic update', async () => {
    const schemeId = await createScheme();
    const id = await createApplication(schemeId);
    for (const client of [viewer, secretary]) expect((await step(client, 'submit', id)).code).toBe('FORBIDDEN');
    expect((await step({ gql: api.gql, headers: {} }, 'submit', id)).code).toBe('UNAUTHENTICATED');
    const token = await api.issueToken({ scopes: ['subsidies:own', 'register:read'], partnerId: applicantId });
    expect((await step(token, 'submit', id)).code).toBe('FORBIDDEN');

    for (const input of [
      '{ state: GRANTED }',
      '{ grantedCents: 1 }',
      '{ requestedCents: 1 }',
      `{ schemeId: "${schemeId}" }`,
      '{ decisionDueOn: "2030-01-01" }',
    ]) {
      const response = await officer.gql(
        `mutation { updateSubsidyApplication(id: "${id}", expectedVersion: 2, input: ${input}) { id } }`,
      );
      expect(response.errors?.[0]?.extensions?.code, input).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const scheme = await officer.gql(
      `mutation { updateSubsidyScheme(id: "${schemeId}", expectedVersion: 2, input: { ceilingCents: 1 }) { id } }`,
    );
    expect(scheme.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Ordinary data may change.
    const update = await officer.gql(
      `mutation { updateSubsidyApplication(id: "${id}", expectedVersion: 2, input: { contactName: "B. Nieuw" }) { contactName state } }`,
    );
    expect(update.data!.updateSubsidyApplication).toEqual({ contactName: 'B. Nieuw', state: 'DRAFT' });
    // Viewers read, partners' tokens and anonymous callers do not.
    expect((await viewer.gql(`{ subsidyApplication(id: "${id}") { state } }`)).data!.subsidyApplication.state).toBe(
      'DRAFT',
    );
    expect((await token.gql(`{ subsidyApplications { totalCount } }`)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(`{ subsidyApplications { totalCount } }`)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
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

  it('keeps a decided application as it was decided: no generic edit of what the letter states', async () => {
    const scheme = await createScheme();
    const UPDATE =
      'mutation ($id: ID!, $v: Int!) { updateSubsidyApplication(id: $id, input: { activity: "Iets anders" }, expectedVersion: $v) { id } }';
    for (const state of ['GRANTED', 'REJECTED', 'ADVANCE_PAID', 'CLOSED']) {
      const id = await applicationIn(state, scheme);
      const response = await officer.gql(UPDATE, { id, v: await versionOf(id) });
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'decided' });
      expect((await db().subsidyApplication.findUniqueOrThrow({ where: { id } })).activity).not.toBe('Iets anders');
    }
    const open = await applicationIn('IN_REVIEW', scheme);
    expect((await officer.gql(UPDATE, { id: open, v: await versionOf(open) })).errors).toBeUndefined();
  });
});

describe('money', () => {
  it('never grants more than requested or than the maximum per application', async () => {
    const schemeId = await createScheme({ maxPerApplicationCents: 300_000 });
    const id = await applicationIn('IN_REVIEW', schemeId);
    expect((await step(officer, 'grant', id, { amountCents: 500_001 })).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'exceeds_requested',
    });
    expect((await step(officer, 'grant', id, { amountCents: 300_001 })).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'exceeds_maximum',
    });
    expect((await step(officer, 'grant', id, { amountCents: 0 })).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'out_of_range',
    });
    await ok(officer, 'grant', id, { amountCents: 300_000 });
    expect((await step(officer, 'payAdvance', id, { amountCents: 300_001 })).error!.extensions).toMatchObject({
      reason: 'exceeds_granted',
    });
  });

  it('grants nothing while the ceiling is unknown, and never lowers it below what is granted', async () => {
    const unknown = await createScheme({ ceilingCents: null });
    const id = await applicationIn('IN_REVIEW', unknown);
    expect((await step(officer, 'grant', id)).error!.extensions).toMatchObject({
      code: 'CEILING_EXCEEDED',
      reason: 'ceiling_unknown',
    });

    const schemeId = await createScheme({ ceilingCents: 100_000 });
    await ok(officer, 'grant', await applicationIn('IN_REVIEW', schemeId), { amountCents: 80_000 });
    const lower = await setLimits(admin, schemeId, { ceilingCents: 79_999 }, 'bezuiniging');
    expect(lower.error!.extensions).toMatchObject({
      code: 'CEILING_EXCEEDED',
      reason: 'below_granted',
      grantedCents: 80_000,
    });
    expect((await setLimits(admin, schemeId, { ceilingCents: null }, 'onbekend')).error!.extensions).toMatchObject({
      code: 'CEILING_EXCEEDED',
      reason: 'below_granted',
    });
    expect((await setLimits(admin, schemeId, { ceilingCents: 80_000 }, 'precies wat verleend is')).data).toMatchObject({
      ceilingCents: 80_000,
    });
  });

  it('keeps the sum of 20 concurrent grants within the ceiling', async () => {
    // Ceiling € 1.000; twenty applications of € 150 each: six fit (€ 900), fourteen do not.
    const schemeId = await createScheme({ ceilingCents: 100_000 });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await applicationIn('IN_REVIEW', schemeId));
    const officers = [officer, secondOfficer];
    const results = await Promise.all(
      ids.map((id, index) => step(officers[index % 2]!, 'grant', id, { amountCents: 15_000 })),
    );
    const granted = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.code === 'CEILING_EXCEEDED');
    expect(granted).toHaveLength(6);
    expect(refused).toHaveLength(14);
    expect(refused[0]!.error!.extensions).toMatchObject({
      ceilingCents: 100_000,
      grantedCents: 90_000,
      remainingCents: 10_000,
    });
    const [sum] = await db().$queryRaw<
      { cents: bigint }[]
    >`SELECT SUM("grantedCents")::bigint AS cents FROM "SubsidyApplication" WHERE "schemeId" = ${schemeId}::uuid`;
    expect(Number(sum!.cents)).toBe(90_000);
  });
});

describe('four eyes', () => {
  it('sends a grant above the threshold through a second officer, never the proposer', async () => {
    const schemeId = await createScheme({ fourEyesThresholdCents: 100_000 });
    const id = await applicationIn('IN_REVIEW', schemeId);
    expect((await step(officer, 'grant', id, { amountCents: 200_000 })).error!.extensions).toMatchObject({
      code: 'FOUR_EYES_REQUIRED',
      reason: 'above_threshold',
      thresholdCents: 100_000,
    });
    expect(
      await ok(officer, 'grant', await applicationIn('IN_REVIEW', schemeId), { amountCents: 100_000 }),
    ).toMatchObject({ state: 'GRANTED' });

    const proposed = await ok(officer, 'proposeGrant', id, { amountCents: 200_000 });
    expect(proposed).toMatchObject({ state: 'IN_REVIEW', proposedCents: 200_000 });
    expect(proposed.allowedTransitions).not.toContain('approveGrant');
    expect(
      (await step(officer, 'approveGrant', id, { amountCents: 200_000, expectedVersion: proposed.version })).error!
        .extensions,
    ).toMatchObject({ code: 'FOUR_EYES_REQUIRED', reason: 'own_proposal' });
    const { data } = await secondOfficer.gql(`{ subsidyApplication(id: "${id}") { allowedTransitions } }`);
    expect(data!.subsidyApplication.allowedTransitions).toContain('approveGrant');
    expect(
      await ok(secondOfficer, 'approveGrant', id, { amountCents: 200_000, expectedVersion: proposed.version }),
    ).toMatchObject({ state: 'GRANTED', grantedCents: 200_000, proposedCents: null });
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
    const results = await Promise.all(
      [1, 2, 3].map(() => step(officer, 'grant', id, { amountCents: 1234, idempotencyKey: key })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data.version))).toEqual(new Set([results[0]!.data.version]));
    expect(await db().subsidyTransition.count({ where: { applicationId: id, operation: 'grant' } })).toBe(1);
    // A key used for one action cannot be replayed for another.
    expect((await step(officer, 'payAdvance', id, { idempotencyKey: key })).error!.extensions).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    // Without a key a second grant is simply not allowed any more.
    expect((await step(officer, 'grant', id, { amountCents: 1234 })).code).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('deadlines', () => {
  it("computes the due date around Easter, King's Day and Christmas, and flags overdue ones", async () => {
    const schemeId = await createScheme();
    const due = async (on: string) =>
      (await ok(officer, 'submit', await createApplication(schemeId), { on })).decisionDueOn;
    expect(await due('2025-02-21')).toBe('2025-04-22'); // ends Good Friday
    expect(await due('2026-03-02')).toBe('2026-04-28'); // ends King's Day
    expect(await due('2025-10-30')).toBe('2025-12-29'); // ends Christmas Day
    const overdue = await ok(officer, 'submit', await createApplication(schemeId), { on: '2024-01-02' });
    expect(overdue).toMatchObject({ overdue: true });
    expect(overdue.daysLeft).toBeLessThan(0);
    const queue = await officer.gql(
      `query ($s: ID!, $today: Date!) { subsidyApplications(filter: { schemeId: { eq: $s }, decisionDueOn: { lt: $today } }) { totalCount } }`,
      {
        s: schemeId,
        today: new Date().toISOString().slice(0, 10),
      },
    );
    expect(queue.data!.subsidyApplications.totalCount).toBe(4);
  });

  it('answers the computed fields from the columns they read, also when a query asks for nothing else', async () => {
    const schemeId = await createScheme({ ceilingCents: 700_000 });
    const id = await createApplication(schemeId);
    await ok(officer, 'submit', id, { on: '2024-01-02' });
    const { data, errors } = await officer.gql(
      `query ($id: ID!, $s: ID!) {
      subsidyApplication(id: $id) { daysLeft overdue clockPaused allowedTransitions }
      subsidyScheme(id: $s) { remainingCents } }`,
      { id, s: schemeId },
    );
    expect(errors).toBeUndefined();
    expect(data!.subsidyApplication).toMatchObject({
      overdue: true,
      clockPaused: false,
      allowedTransitions: expect.arrayContaining(['startReview']),
    });
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
    const { data, errors } = await token.gql(
      '{ ownSubsidyApplications { id reference state grantedCents schemeName steps { state } } }',
    );
    expect(errors).toBeUndefined();
    const ids = data!.ownSubsidyApplications.map((a: { id: string }) => a.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect(data!.ownSubsidyApplications.find((a: { id: string }) => a.id === mine)).toMatchObject({
      state: 'GRANTED',
      grantedCents: 1000,
      steps: [{ state: 'SUBMITTED' }, { state: 'IN_REVIEW' }, { state: 'GRANTED' }],
    });
    // It cannot ask for another organisation's, and the staff type is not its to read.
    const other = await token.gql(`{ ownSubsidyApplications(partnerId: "${otherApplicantId}") { id } }`);
    expect(other.data!.ownSubsidyApplications.map((a: { id: string }) => a.id)).not.toContain(theirs);
    expect((await token.gql(`{ subsidyApplication(id: "${mine}") { id } }`)).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
    const readOnly = await api.issueToken({ scopes: ['register:read'], partnerId: applicantId });
    expect((await readOnly.gql('{ ownSubsidyApplications { id } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // The scheme is public, its threshold and totals are not.
    const scheme = await api.gql(`{ subsidyScheme(id: "${schemeId}") { name ceilingCents remainingCents } }`);
    expect(scheme.data!.subsidyScheme).toMatchObject({ ceilingCents: 10_000_000, remainingCents: null });
    expect(scheme.errors![0]).toMatchObject({
      path: ['subsidyScheme', 'remainingCents'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

// ---- found by an outside tester: money and separation of duties --------------------------
const DELETE_APPLICATION =
  'mutation ($id: ID!, $v: Int!) { deleteSubsidyApplication(id: $id, expectedVersion: $v) { id } }';
const versionOf = async (id: string) =>
  (await db().subsidyApplication.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe('money records are never deleted', () => {
  it('refuses to delete a granted, advance-paid application: payments, timeline and the ceiling stay', async () => {
    // Ceiling € 100; one application granted € 100 and paid in advance.
    const schemeId = await createScheme({ ceilingCents: 10_000 });
    const paid = await applicationIn('IN_REVIEW', schemeId);
    await ok(officer, 'grant', paid, { amountCents: 10_000 });
    await ok(officer, 'payAdvance', paid, { amountCents: 10_000 });
    const refused = await officer.gql(DELETE_APPLICATION, { id: paid, v: await versionOf(paid) });
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'money_records',
      state: 'ADVANCE_PAID',
      payments: 1,
    });
    expect(refused.errors![0]!.message).toMatch(/kan niet worden verwijderd/);
    expect(await db().subsidyPayment.count({ where: { applicationId: paid } })).toBe(1);
    expect(await db().subsidyTransition.count({ where: { applicationId: paid } })).toBe(4);
    // The ceiling is still taken: a second € 100 does not fit.
    const second = await applicationIn('IN_REVIEW', schemeId);
    expect((await step(secondOfficer, 'grant', second, { amountCents: 10_000 })).code).toBe('CEILING_EXCEEDED');
  });

  it('refuses the delete in every state but draft and withdrawn', async () => {
    const schemeId = await createScheme();
    for (const state of Object.keys(PATHS).filter((name) => !['DRAFT', 'WITHDRAWN'].includes(name))) {
      const id = await applicationIn(state, schemeId);
      const response = await officer.gql(DELETE_APPLICATION, { id, v: await versionOf(id) });
      expect(response.errors?.[0]?.extensions, state).toMatchObject({
        code: 'CONFLICT',
        reason: 'money_records',
        state,
      });
    }
  });

  it('deletes a draft, and a withdrawn application with its timeline kept in the audit event', async () => {
    const schemeId = await createScheme();
    const draft = await createApplication(schemeId);
    expect((await officer.gql(DELETE_APPLICATION, { id: draft, v: await versionOf(draft) })).errors).toBeUndefined();
    const withdrawn = await applicationIn('WITHDRAWN', schemeId);
    expect(
      (await officer.gql(DELETE_APPLICATION, { id: withdrawn, v: await versionOf(withdrawn) })).errors,
    ).toBeUndefined();
    expect(await db().subsidyApplication.count({ where: { id: { in: [draft, withdrawn] } } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: withdrawn, operation: 'DELETE' } });
    expect((event.before as { transitions: { operation: string }[] }).transitions.map((t) => t.operation)).toEqual([
      'withdraw',
    ]);
  });

  it('has the database refuse too: payments and timeline are Restrict, not Cascade', async () => {
    const id = await applicationIn('ADVANCE_PAID', await createScheme());
    await expect(db().subsidyApplication.delete({ where: { id } })).rejects.toMatchObject({ code: 'P2003' });
    await db().subsidyPayment.deleteMany({ where: { applicationId: id } }); // (a test may; the API never does)
    await expect(db().subsidyApplication.delete({ where: { id } })).rejects.toMatchObject({ code: 'P2003' });
    expect(await db().subsidyTransition.count({ where: { applicationId: id } })).toBe(4);
  });

  it('refuses to delete a scheme that has applications', async () => {
    const schemeId = await createScheme();
    await createApplication(schemeId);
    const version = (await db().subsidyScheme.findUniqueOrThrow({ where: { id: schemeId } })).version;
    const response = await officer.gql(
      'mutation ($id: ID!, $v: Int!) { deleteSubsidyScheme(id: $id, expectedVersion: $v) { id } }',
      { id: schemeId, v: version },
    );
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'has_applications',
      applications: 1,
    });
    const empty = await createScheme();
    const emptyVersion = (await db().subsidyScheme.findUniqueOrThrow({ where: { id: empty } })).version;
    expect(
      (
        await officer.gql(
          'mutation ($id: ID!, $v: Int!) { deleteSubsidyScheme(id: $id, expectedVersion: $v) { id } }',
          { id: empty, v: emptyVersion },
        )
      ).errors,
    ).toBeUndefined();
  });
});

describe("a scheme's limits are a controlled step", () => {
  it('keeps the ceiling, maximum and four-eyes threshold out of the generic create and update', async () => {
    const schemeId = await createScheme({ fourEyesThresholdCents: 100_000 });
    const version = (await db().subsidyScheme.findUniqueOrThrow({ where: { id: schemeId } })).version;
    for (const input of ['{ fourEyesThresholdCents: null }', '{ maxPerApplicationCents: 1 }', '{ ceilingCents: 1 }']) {
      const response = await officer.gql(
        `mutation { updateSubsidyScheme(id: "${schemeId}", expectedVersion: ${version}, input: ${input}) { id } }`,
      );
      expect(response.errors?.[0]?.extensions?.code, input).toBe('GRAPHQL_VALIDATION_FAILED');
      const created = await officer.gql(
        `mutation { createSubsidyScheme(input: { name: "x ${Math.random()}", year: 2025, ${input.slice(2, -2)} }) { id } }`,
      );
      expect(created.errors?.[0]?.extensions?.code, input).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('lets an administrator change them with a reason, audited; a grant officer may not, so cannot grant alone above the threshold', async () => {
    const schemeId = await createScheme({ fourEyesThresholdCents: 100_000 });
    expect((await setLimits(officer, schemeId, { fourEyesThresholdCents: null })).code).toBe('FORBIDDEN');
    expect(
      (await step(officer, 'grant', await applicationIn('IN_REVIEW', schemeId), { amountCents: 200_000 })).code,
    ).toBe('FOUR_EYES_REQUIRED');
    expect(
      (await setLimits(admin, schemeId, { maxPerApplicationCents: 400_000 }, '  ')).error!.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await setLimits(admin, schemeId, {})).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
    expect((await setLimits(admin, schemeId, { maxPerApplicationCents: -1 })).error!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.maxPerApplicationCents',
    });
    const changed = await setLimits(
      admin,
      schemeId,
      { maxPerApplicationCents: 400_000, fourEyesThresholdCents: 150_000 },
      'besluit college 12 mei',
    );
    expect(changed.data).toMatchObject({
      maxPerApplicationCents: 400_000,
      fourEyesThresholdCents: 150_000,
      ceilingCents: 10_000_000,
    });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { entityId: schemeId, operation: 'SET_LIMITS' },
      orderBy: { id: 'desc' },
    });
    expect(event.actorId).toBe(admin.user.id);
    expect(event.after).toMatchObject({ fourEyesThresholdCents: 150_000, transitionReason: 'besluit college 12 mei' });
    expect(event.before).toMatchObject({ fourEyesThresholdCents: 100_000 });
    // A stale version is refused.
    const stale = await admin.gql(SET_LIMITS, {
      id: schemeId,
      v: 1,
      input: { fourEyesThresholdCents: 1 },
      reason: 'oud',
    });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'stale_version' });
  });

  it('refuses a threshold that would let a pending proposal skip its second approval', async () => {
    const schemeId = await createScheme({ fourEyesThresholdCents: 100_000 });
    const id = await applicationIn('IN_REVIEW', schemeId);
    await ok(officer, 'proposeGrant', id, { amountCents: 200_000 });
    for (const threshold of [null, 200_000, 250_000]) {
      const refused = await setLimits(admin, schemeId, { fourEyesThresholdCents: threshold });
      expect(refused.error?.extensions, String(threshold)).toMatchObject({
        code: 'CONFLICT',
        reason: 'pending_proposals',
      });
      expect(refused.error!.message).toMatch(/zonder tweede goedkeuring/);
    }
    // Still below the proposal, or lower: the proposal keeps needing its second officer.
    expect((await setLimits(admin, schemeId, { fourEyesThresholdCents: 199_999 })).error).toBeUndefined();
    expect((await setLimits(admin, schemeId, { fourEyesThresholdCents: 50_000 })).error).toBeUndefined();
    expect((await step(officer, 'grant', id, { amountCents: 200_000 })).code).toBe('FOUR_EYES_REQUIRED');
    await ok(secondOfficer, 'approveGrant', id);
    expect((await setLimits(admin, schemeId, { fourEyesThresholdCents: null })).error).toBeUndefined();
  });
});

describe('an approval names what it approves', () => {
  it('refuses to approve a re-proposed amount the approver did not read', async () => {
    const schemeId = await createScheme({ fourEyesThresholdCents: 10_000 });
    const id = await applicationIn('IN_REVIEW', schemeId);
    const reviewed = await ok(officer, 'proposeGrant', id, { amountCents: 50_000 }); // € 500, read by the second officer
    await ok(officer, 'proposeGrant', id, { amountCents: 400_000 }); // re-proposed: € 4.000
    const stale = await step(secondOfficer, 'approveGrant', id, {
      amountCents: 50_000,
      expectedVersion: reviewed.version,
    });
    expect(stale.error!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'proposal_changed',
      amountCents: 50_000,
      proposedCents: 400_000,
    });
    expect(stale.error!.message).toMatch(/het voorstel is nu/);
    const oldVersion = await step(secondOfficer, 'approveGrant', id, {
      amountCents: 400_000,
      expectedVersion: reviewed.version,
    });
    expect(oldVersion.error!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
      expectedVersion: reviewed.version,
      currentVersion: reviewed.version + 1,
    });
    expect(await db().subsidyApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: 'IN_REVIEW',
      grantedCents: null,
    });
    const missing = await secondOfficer.gql(`mutation { approveSubsidyGrant(id: "${id}", reason: "ok") { id } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(
      await ok(secondOfficer, 'approveGrant', id, { amountCents: 400_000, expectedVersion: reviewed.version + 1 }),
    ).toMatchObject({ state: 'GRANTED', grantedCents: 400_000 });
  });
});

describe('an idempotency key is one request on one application', () => {
  it('refuses the same key with a different amount, reason or date, and answers a true retry', async () => {
    const id = await applicationIn('IN_REVIEW', await createScheme());
    const key = `grant-${id}`;
    const first = await ok(officer, 'grant', id, { amountCents: 1234, idempotencyKey: key });
    for (const other of [
      { amountCents: 999 },
      { amountCents: 1234, reason: 'anders' },
      { amountCents: 1234, on: '2025-01-02' },
    ]) {
      const reused = await step(officer, 'grant', id, { ...other, idempotencyKey: key });
      expect(reused.error?.extensions, JSON.stringify(other)).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        field: 'idempotencyKey',
        reason: 'reused',
      });
      expect(reused.error!.message).toMatch(/al gebruikt voor een ander verzoek/);
    }
    expect((await ok(officer, 'grant', id, { amountCents: 1234, idempotencyKey: key })).version).toBe(first.version);
    expect(await db().subsidyApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ grantedCents: 1234 });
  });

  it('refuses one key on a second application, also when both arrive at once', async () => {
    const schemeId = await createScheme();
    const [a, b] = [await applicationIn('IN_REVIEW', schemeId), await applicationIn('IN_REVIEW', schemeId)];
    const key = `shared-${a}`;
    await ok(officer, 'reject', a, { idempotencyKey: key, reason: 'same' });
    expect((await step(officer, 'reject', b, { idempotencyKey: key, reason: 'same' })).code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );

    // Bursts: whichever commits first owns the key; the others, also those that raced it to the
    // unique index, are told the key is reused (no internal error).
    for (let round = 0; round < 3; round++) {
      const ids: string[] = [];
      for (let i = 0; i < 15; i++) ids.push(await applicationIn('SUBMITTED', schemeId));
      const burstKey = `burst-${ids[0]}`;
      const results = await Promise.all(
        ids.map((id) => step(officer, 'startReview', id, { idempotencyKey: burstKey, reason: 'same' })),
      );
      expect(results.map((r) => r.code ?? 'OK').sort()).toEqual(
        ['OK', ...Array(14).fill('IDEMPOTENCY_KEY_REUSED')].sort(),
      );
      expect(await db().subsidyTransition.count({ where: { idempotencyKey: burstKey } })).toBe(1);
    }
  });

  it('acts once for 40 concurrent identical requests', async () => {
    const id = await applicationIn('GRANTED', await createScheme());
    const key = `advance-${id}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, () => step(officer, 'payAdvance', id, { amountCents: 500, idempotencyKey: key })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data.version)).size).toBe(1);
    expect(await db().subsidyPayment.count({ where: { applicationId: id } })).toBe(1);
  });
});

describe('SQL statements for the scheme list', () => {
  const listSchemes = (client: Client, limit: number) =>
    client.gql(
      `query ($limit: Int) { subsidySchemes(limit: $limit) { totalCount nodes { id ceilingCents grantedCents remainingCents } } }`,
      { limit },
    );

  it('reads granted and remaining amounts of every scheme in one statement, for 2 schemes as for 20', async () => {
    const granted = await createScheme({ ceilingCents: 3_000_000 });
    await ok(officer, 'grant', await applicationIn('IN_REVIEW', granted), { amountCents: 250_000 });
    for (let i = 0; i < 20; i++) await createScheme();
    // The session's last-seen time is written at most once a minute: on a slow run that write
    // would fall into the counted request. A request just before takes it.
    await listSchemes(viewer, 2);
    const two = await api.countStatements(() => listSchemes(viewer, 2));
    const twenty = await api.countStatements(() => listSchemes(viewer, 20));
    // The viewer's session, the count, the page and one grouped sum for all the page's schemes.
    expect(two.count).toBeLessThanOrEqual(4);
    expect(twenty.count).toBe(two.count);
    const all = await listSchemes(viewer, 500);
    expect(all.errors).toBeUndefined();
    const scheme = all.data!.subsidySchemes.nodes.find((node: { id: string }) => node.id === granted);
    expect(scheme).toMatchObject({ ceilingCents: 3_000_000, grantedCents: 250_000, remainingCents: 2_750_000 });
  });
});
