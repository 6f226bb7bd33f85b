// The panel's privacy rules, proved over HTTP for every role and for partner tokens: who sees
// members and their diversity profile, what filters, sorting, search, counts, the audit trail and
// exports give away, encryption at rest, the composition in bands of five, consent withdrawal,
// export (art. 15) and erasure (art. 17). And the advice register, linked both ways to actions.
import type { Role } from '@welkom/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Client, type Harness, type SignedInClient, startHarness } from '../test/harness.js';

const ROLES: Role[] = ['ADMIN', 'SECRETARY', 'GRANT_OFFICER', 'PANEL_COORDINATOR', 'VIEWER'];
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

let api: Harness;
let coordinator: SignedInClient;
let admin: SignedInClient;
const callers: Record<string, Client> = {};

const code = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  result.errors?.[0]?.extensions?.code ?? 'OK';

const MEMBER_FIELDS =
  'id version name email consentGivenOn consentWithdrawnOn erasedAt profile { ageBand educationLevel countryOfOrigin lgbtiq }';

async function createMember(input: Record<string, unknown>) {
  const result = await coordinator.gql(
    `mutation ($input: PanelMemberCreateInput!) { createPanelMember(input: $input) { ${MEMBER_FIELDS} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createPanelMember as { id: string; version: number };
}

async function setProfile(
  member: { id: string; version: number },
  profile: Record<string, unknown>,
  client: Client = coordinator,
) {
  return client.gql(
    `mutation ($id: ID!, $v: Int!, $p: PanelMemberProfileInput!) { setPanelMemberProfile(id: $id, expectedVersion: $v, profile: $p) { ${MEMBER_FIELDS} } }`,
    { id: member.id, v: member.version, p: profile },
  );
}

/** A consenting member with a profile; returns the member as it is now. */
async function memberWith(name: string, profile: Record<string, unknown>) {
  const member = await createMember({
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@voorbeeld.nl`,
    consentGivenOn: '2025-01-15',
    consentScope: 'diversiteitsprofiel',
  });
  const result = await setProfile(member, profile);
  expect(result.errors).toBeUndefined();
  return result.data!.setPanelMemberProfile as { id: string; version: number; name: string };
}

const composition = async (client: Client = callers.VIEWER!) => {
  const result = await client.gql(
    `{ panelComposition { total { display low high } dimensions { key cells { key label count { display } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const data = result.data!.panelComposition as {
    total: { display: string };
    dimensions: { key: string; cells: { key: string; count: { display: string } }[] }[];
  };
  const cells = Object.fromEntries(
    data.dimensions.map((d) => [d.key, Object.fromEntries(d.cells.map((c) => [c.key, c.count.display]))]),
  );
  return { total: data.total.display, ...cells } as Record<string, any>;
};

beforeAll(async () => {
  api = await startHarness();
  callers.anonymous = { gql: api.gql, headers: {} };
  for (const role of ROLES) callers[role] = await api.createUser({ roles: [role] });
  callers['token register:read'] = await api.issueToken({ scopes: ['register:read'] });
  callers['token subsidies:own'] = await api.issueToken({ scopes: ['subsidies:own'] });
  coordinator = callers.PANEL_COORDINATOR as SignedInClient;
  admin = callers.ADMIN as SignedInClient;
});
afterAll(() => api?.close());

describe('who may see and do what', () => {
  const denied = (name: string) => (name === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

  it('shows members, their profile, export, erasure and consent only to the panel coordinator in person, not even to ADMIN', async () => {
    const member = await createMember({ name: 'Matrix Lid', consentGivenOn: '2025-01-01' });
    const operations = [
      `{ panelMembers { totalCount } }`,
      `{ panelMembers { nodes { id } } }`,
      `{ panelMember(id: "${member.id}") { id } }`,
      `mutation { createPanelMember(input: { name: "x" }) { id } }`,
      `mutation { updatePanelMember(id: "${NO_SUCH_ID}", input: {}, expectedVersion: 1) { id } }`,
      `mutation { deletePanelMember(id: "${NO_SUCH_ID}", expectedVersion: 1) { id } }`,
      `mutation { setPanelMemberProfile(id: "${NO_SUCH_ID}", expectedVersion: 1, profile: {}) { id } }`,
      `mutation { withdrawPanelConsent(id: "${NO_SUCH_ID}", expectedVersion: 1) { id } }`,
      `mutation { erasePanelMember(id: "${NO_SUCH_ID}", expectedVersion: 1) { id } }`,
      `mutation { exportPanelMember(id: "${member.id}") { content } }`,
    ];
    for (const [name, client] of Object.entries(callers)) {
      for (const operation of operations) {
        const outcome = code(await client.gql(operation));
        const expected = name === 'PANEL_COORDINATOR' ? ['OK', 'NOT_FOUND'] : [denied(name)];
        expect([name, operation, expected.includes(outcome)]).toEqual([name, operation, true]);
      }
    }
  });

  it("shows meetings, advice, the composition and an action's advice to signed-in staff, and to no partner or visitor", async () => {
    const reads = [
      `{ panelMeetings { totalCount nodes { id } } }`,
      `{ advices { totalCount nodes { id } } }`,
      `{ panelComposition { total { display } } }`,
      `{ actions(limit: 1) { nodes { advice { id } } } }`,
      `{ themes(limit: 1) { nodes { advice { id } } } }`,
    ];
    for (const [name, client] of Object.entries(callers)) {
      for (const operation of reads) {
        expect([name, operation, code(await client.gql(operation))]).toEqual([
          name,
          operation,
          name in { ADMIN: 1, SECRETARY: 1, GRANT_OFFICER: 1, PANEL_COORDINATOR: 1, VIEWER: 1 } ? 'OK' : denied(name),
        ]);
      }
    }
  });

  it('lets the coordinator (and ADMIN) keep meetings and advice; nobody else', async () => {
    for (const [name, client] of Object.entries(callers)) {
      for (const entity of ['PanelMeeting', 'Advice']) {
        const outcome = code(
          await client.gql(`mutation { update${entity}(id: "${NO_SUCH_ID}", input: {}, expectedVersion: 1) { id } }`),
        );
        const expected = name === 'PANEL_COORDINATOR' || name === 'ADMIN' ? 'NOT_FOUND' : denied(name);
        expect([name, entity, outcome]).toEqual([name, entity, expected]);
      }
    }
  });
});

describe('the diversity profile', () => {
  it('can be neither filtered, sorted nor searched, by anyone', async () => {
    const member = await memberWith('Zoek Lid', { countryOfOrigin: 'ER', lgbtiq: 'YES' });
    for (const query of [
      `{ panelMembers(filter: { countryOfOrigin: { eq: "ER" } }) { totalCount } }`,
      `{ panelMembers(filter: { lgbtiq: { eq: YES } }) { totalCount } }`,
      `{ panelMembers(filter: { profileCiphertext: { isNull: false } }) { totalCount } }`,
      `{ panelMembers(orderBy: [{ field: profileCiphertext }]) { totalCount } }`,
      `{ panelMembers(orderBy: [{ field: consentWithdrawnOn }]) { totalCount } }`,
    ]) {
      expect([query, code(await coordinator.gql(query))]).toEqual([query, 'GRAPHQL_VALIDATION_FAILED']);
    }
    // `q` searches the member's own text fields, never the ciphertext or the profile's values.
    for (const q of ['v1:', 'Eritrea', 'YES', 'lgbtiq']) {
      const result = await coordinator.gql(`query ($q: String) { panelMembers(filter: { q: $q }) { nodes { id } } }`, {
        q,
      });
      expect([q, (result.data!.panelMembers.nodes as { id: string }[]).some((node) => node.id === member.id)]).toEqual([
        q,
        false,
      ]);
    }
  });

  it('is stored encrypted: the column holds no clear text, and equal profiles give different ciphertexts', async () => {
    const profile = { ageBand: 'AGE_27_40', educationLevel: 'HIGHER', countryOfOrigin: 'SY', lgbtiq: 'YES' };
    const a = await memberWith('Versleuteld Een', profile);
    const b = await memberWith('Versleuteld Twee', profile);
    const rows = await db().$queryRawUnsafe<{ id: string; profileCiphertext: string; row: string }[]>(
      `SELECT id::text, "profileCiphertext", row_to_json(m)::text AS row FROM "PanelMember" m WHERE id IN ($1::uuid, $2::uuid)`,
      a.id,
      b.id,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.profileCiphertext).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
      // The other columns hold none of it; the ciphertext itself is random base64, where a short
      // token such as "SY" turns up by chance, so it is checked for the long ones and decoded.
      const { profileCiphertext, ...others } = JSON.parse(row.row) as Record<string, unknown>;
      for (const clear of ['SY', 'Syri', 'YES', 'HIGHER', 'AGE_27_40', 'lgbtiq', 'countryOfOrigin']) {
        expect(JSON.stringify(others)).not.toContain(clear);
      }
      const bytes = Buffer.from(String(profileCiphertext).slice(3), 'base64').toString('latin1');
      for (const clear of ['HIGHER', 'AGE_27_40', 'lgbtiq', 'countryOfOrigin']) {
        expect(String(profileCiphertext)).not.toContain(clear);
        expect(bytes).not.toContain(clear);
      }
    }
    expect(rows[0]!.profileCiphertext).not.toBe(rows[1]!.profileCiphertext);
    // A ciphertext copied onto another member does not open there.
    await db().$executeRawUnsafe(
      `UPDATE "PanelMember" SET "profileCiphertext" = $1 WHERE id = $2::uuid`,
      rows.find((r) => r.id === a.id)!.profileCiphertext,
      b.id,
    );
    const moved = await coordinator.gql(`query ($id: ID!) { panelMember(id: $id) { profile { lgbtiq } } }`, {
      id: b.id,
    });
    expect(code(moved)).toBe('INTERNAL_SERVER_ERROR');
    await db().$executeRawUnsafe(`UPDATE "PanelMember" SET "profileCiphertext" = NULL WHERE id = $1::uuid`, b.id);
  });

  it('is readable by the coordinator, and its error messages never repeat a value', async () => {
    const member = await memberWith('Lees Lid', { ageBand: 'AGE_18_26', countryOfOrigin: 'af', lgbtiq: 'NO' });
    const read = await coordinator.gql(
      `query ($id: ID!) { panelMember(id: $id) { profile { ageBand countryOfOrigin countryOfOriginName lgbtiq educationLevel } } }`,
      { id: member.id },
    );
    expect(read.data!.panelMember.profile).toEqual({
      ageBand: 'AGE_18_26',
      countryOfOrigin: 'AF',
      countryOfOriginName: 'Afghanistan',
      lgbtiq: 'NO',
      educationLevel: null,
    });
    const bad = await setProfile(member, { countryOfOrigin: 'QX' });
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'profile.countryOfOrigin',
      reason: 'invalid_format',
    });
    expect(JSON.stringify(bad.errors)).not.toContain('QX');
  });

  it('is refused without consent', async () => {
    const member = await createMember({ name: 'Zonder Toestemming' });
    const result = await setProfile(member, { lgbtiq: 'YES' });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'no_consent' });
    expect((await db().panelMember.findUniqueOrThrow({ where: { id: member.id } })).profileCiphertext).toBeNull();
  });

  it('never reaches the audit trail: member events name changed fields, not values', async () => {
    const member = await memberWith('Audit Geheim', { countryOfOrigin: 'TR', lgbtiq: 'YES', ageBand: 'AGE_41_65' });
    await coordinator.gql(
      `mutation ($id: ID!, $v: Int!) { updatePanelMember(id: $id, expectedVersion: $v, input: { phone: "06-12345678" }) { id } }`,
      { id: member.id, v: member.version },
    );
    for (const client of [admin, coordinator]) {
      const trail = await client.gql(
        `query ($id: ID!) { auditEvents(filter: { entityId: $id }) { nodes { operation before after changedFields } } }`,
        { id: member.id },
      );
      const history = await coordinator.gql(
        `query ($id: ID!) { panelMember(id: $id) { history { operation before after changedFields } } }`,
        { id: member.id },
      );
      expect(trail.errors).toBeUndefined();
      const text = JSON.stringify([trail.data, history.data]);
      expect(trail.data!.auditEvents.nodes.map((e: { operation: string }) => e.operation)).toEqual([
        'UPDATE',
        'PROFILE_SET',
        'CREATE',
      ]);
      for (const secret of [
        'Audit Geheim',
        'audit.geheim',
        'TR',
        'Turk',
        'YES',
        'AGE_41_65',
        '06-12345678',
        'v1:',
        'diversiteitsprofiel',
      ])
        expect(text).not.toContain(secret);
      expect(text).toContain('profileCiphertext'); // the change itself stays visible
    }
    for (const name of ['SECRETARY', 'GRANT_OFFICER', 'VIEWER', 'token register:read']) {
      const trail = await callers[name]!.gql(`{ auditEvents(filter: { entityType: "PanelMember" }) { totalCount } }`);
      expect([name, code(trail)]).toEqual([name, 'FORBIDDEN']);
    }
  });
});

describe('the composition', () => {
  it('counts current consenting members in bands of five; withdrawn consent is neither shown nor counted', async () => {
    await db().panelMember.deleteMany({});
    expect(await composition()).toMatchObject({ total: '< 5' });
    const members = [];
    for (let i = 0; i < 7; i++) {
      members.push(
        await memberWith(`Samenstelling ${i}`, {
          ageBand: i < 6 ? 'AGE_27_40' : 'UNDER_18',
          countryOfOrigin: i < 5 ? 'SY' : 'ER',
          lgbtiq: i === 0 ? 'YES' : 'NO',
        }),
      );
    }
    // Someone who left, someone never consenting and someone erased are not counted either.
    await createMember({ name: 'Geen toestemming' });
    await createMember({ name: 'Vertrokken', consentGivenOn: '2025-01-01', leftOn: '2025-06-01' });

    const before = await composition(callers.VIEWER);
    expect(before.total).toBe('5–9');
    expect(before.lgbtiq).toEqual({ YES: '< 5', NO: '5–9', NOT_STATED: '< 5' });
    expect(before.ageBand).toEqual({
      UNDER_18: '< 5',
      AGE_18_26: '< 5',
      AGE_27_40: '5–9',
      AGE_41_65: '< 5',
      AGE_66_PLUS: '< 5',
      NOT_STATED: '< 5',
    });
    // Only countries with five or more are named: Eritrea (2) is not.
    expect(before.countryOfOrigin).toEqual({ SY: '5–9', OTHER_COUNTRIES: '< 5', NOT_STATED: '< 5' });
    expect(before.educationLevel).toMatchObject({ NOT_STATED: '5–9' });
    // Everyone with access sees the same; the coordinator too.
    expect(await composition(admin)).toEqual(before);
    expect(await composition(coordinator)).toEqual(before);

    const syrian = members[1]!;
    const withdrawn = await coordinator.gql(
      `mutation ($id: ID!, $v: Int!) { withdrawPanelConsent(id: $id, expectedVersion: $v) { consentWithdrawnOn profile { lgbtiq } } }`,
      { id: syrian.id, v: syrian.version },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawPanelConsent).toMatchObject({ profile: null });
    expect((await db().panelMember.findUniqueOrThrow({ where: { id: syrian.id } })).profileCiphertext).toBeNull();
    const after = await composition();
    expect(after.total).toBe('5–9');
    // Four Syrians left: Syria is no longer named; they are among "other countries" now.
    expect(after.countryOfOrigin).toEqual({ OTHER_COUNTRIES: '5–9', NOT_STATED: '< 5' });
    // And no new profile without renewed consent.
    const refused = await setProfile({ id: syrian.id, version: syrian.version + 1 }, { lgbtiq: 'NO' });
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'no_consent' });
  });
});

describe('access request and erasure', () => {
  it('exports everything held on a member as a JSON file, and records that it did', async () => {
    const member = await memberWith('Inzage Verzoeker', {
      countryOfOrigin: 'IR',
      lgbtiq: 'YES',
      educationLevel: 'VOCATIONAL',
    });
    const result = await coordinator.gql(
      `mutation ($id: ID!) { exportPanelMember(id: $id) { fileName contentType content } }`,
      { id: member.id },
    );
    expect(result.errors).toBeUndefined();
    const file = result.data!.exportPanelMember;
    expect(file.contentType).toBe('application/json');
    expect(file.fileName).toMatch(new RegExp(`^panellid-${member.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const content = JSON.parse(file.content);
    expect(content.member).toMatchObject({
      id: member.id,
      name: 'Inzage Verzoeker',
      email: 'inzage.verzoeker@voorbeeld.nl',
    });
    expect(content.consent).toMatchObject({ givenOn: '2025-01-15', scope: 'diversiteitsprofiel', withdrawnOn: null });
    expect(content.diversityProfile).toMatchObject({
      countryOfOrigin: { code: 'IR', label: 'Iran' },
      lgbtiq: { code: 'YES' },
      educationLevel: { code: 'VOCATIONAL' },
      ageBand: null,
    });
    expect(content.history.map((event: { operation: string }) => event.operation)).toEqual(['CREATE', 'PROFILE_SET']);
    const trail = await coordinator.gql(
      `query ($id: ID!) { auditEvents(filter: { entityId: $id, operation: "EXPORTED" }) { nodes { before after actorLabel } } }`,
      { id: member.id },
    );
    expect(trail.data!.auditEvents.nodes).toEqual([{ before: null, after: null, actorLabel: coordinator.user.email }]);
  });

  it('erases a member: personal data and profile gone, advice and meetings kept, the erasure audited without values', async () => {
    const member = await memberWith('Te Wissen Persoon', { countryOfOrigin: 'SO', lgbtiq: 'NO' });
    const advice = await coordinator.gql(
      `mutation { createAdvice(input: { kind: UNSOLICITED, topic: "Wissen blijft", givenOn: "2025-03-01", content: "Advies blijft staan." }) { id } }`,
    );
    const erased = await coordinator.gql(
      `mutation ($id: ID!, $v: Int!) { erasePanelMember(id: $id, expectedVersion: $v) { ${MEMBER_FIELDS} phone notes joinedOn consentScope } }`,
      { id: member.id, v: member.version },
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePanelMember).toMatchObject({
      name: 'Gewist panellid',
      email: null,
      phone: null,
      notes: null,
      joinedOn: null,
      consentGivenOn: null,
      consentScope: null,
      profile: null,
    });
    expect(erased.data!.erasePanelMember.erasedAt).toBeTruthy();
    const [row] = await db().$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(m)::text AS row FROM "PanelMember" m WHERE id = $1::uuid`,
      member.id,
    );
    for (const gone of ['Te Wissen', 'te.wissen', 'v1:', 'diversiteitsprofiel', '2025-01-15'])
      expect(row!.row).not.toContain(gone);
    const trail = await admin.gql(
      `query ($id: ID!) { auditEvents(filter: { entityId: $id }) { nodes { operation before after changedFields } } }`,
      { id: member.id },
    );
    expect(trail.data!.auditEvents.nodes[0]).toMatchObject({
      operation: 'ERASED',
      changedFields: ['erasedAt'],
      before: { erasedAt: null },
    });
    for (const gone of ['Te Wissen', 'te.wissen', 'SO', 'Somali', 'v1:'])
      expect(JSON.stringify(trail.data)).not.toContain(gone);
    expect(
      code(await coordinator.gql(`query ($id: ID!) { advice(id: $id) { id } }`, { id: advice.data!.createAdvice.id })),
    ).toBe('OK');
    // Erased once is erased: a second request is refused, and so is a new profile.
    const again = await coordinator.gql(
      `mutation ($id: ID!, $v: Int!) { erasePanelMember(id: $id, expectedVersion: $v) { id } }`,
      { id: member.id, v: member.version + 1 },
    );
    expect(again.errors![0]!.extensions).toMatchObject({ reason: 'erased' });
    // Nor can the generic update write new personal data onto the erased record.
    const rewrite = await coordinator.gql(
      `mutation ($id: ID!, $v: Int!) { updatePanelMember(id: $id, input: { name: "Weer terug", email: "terug@example.org" }, expectedVersion: $v) { id } }`,
      { id: member.id, v: member.version + 1 },
    );
    expect(rewrite.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'erased' });
    const after = await coordinator.gql(`query ($id: ID!) { panelMember(id: $id) { name email } }`, { id: member.id });
    expect(after.data!.panelMember).toEqual({ name: 'Gewist panellid', email: null });
  });

  it('refuses a stale version', async () => {
    const member = await memberWith('Twee Coordinatoren', { lgbtiq: 'NO' });
    const stale = await coordinator.gql(
      `mutation ($id: ID!) { erasePanelMember(id: $id, expectedVersion: 1) { id } }`,
      { id: member.id },
    );
    expect(stale.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
      currentVersion: member.version,
    });
  });
});

describe('advice', () => {
  it('is linked to actions and themes both ways, and filtered on awaiting response', async () => {
    const actions = await coordinator.gql(
      `{ actions(limit: 2, orderBy: [{ field: code }]) { nodes { id code goal { section { theme { id } } } } } }`,
    );
    const [first, second] = actions.data!.actions.nodes as {
      id: string;
      goal: { section: { theme: { id: string } } };
    }[];
    const themeId = first!.goal.section.theme.id;
    const created = await coordinator.gql(
      `mutation ($input: AdviceCreateInput!) { createAdvice(input: $input) { id status actions { id } themes { id } } }`,
      {
        input: {
          kind: 'REQUESTED',
          topic: 'Taallessen in de opvang',
          givenOn: '2025-04-01',
          content: 'Start eerder met taal.',
          actionIds: [first!.id, second!.id],
          themeIds: [themeId],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const advice = created.data!.createAdvice;
    expect(advice.status).toBe('AWAITING_RESPONSE');
    const fromAction = await callers.VIEWER!.gql(`query ($id: ID!) { action(id: $id) { advice { id topic } } }`, {
      id: first!.id,
    });
    expect(fromAction.data!.action.advice).toContainEqual({ id: advice.id, topic: 'Taallessen in de opvang' });
    const fromTheme = await callers.SECRETARY!.gql(`query ($id: ID!) { theme(id: $id) { advice { id } } }`, {
      id: themeId,
    });
    expect(fromTheme.data!.theme.advice).toContainEqual({ id: advice.id });
    // Actions stay what they were for partners and visitors: no advice links, no advice filter.
    expect(code(await api.gql(`{ actions(filter: { adviceId: { eq: "${advice.id}" } }) { totalCount } }`))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    const awaiting = async () =>
      (
        (await callers.VIEWER!.gql(`{ advices(filter: { status: { eq: AWAITING_RESPONSE } }) { nodes { id } } }`)).data!
          .advices.nodes as { id: string }[]
      ).map((n) => n.id);
    expect(await awaiting()).toContain(advice.id);
    const responded = await coordinator.gql(
      `mutation ($id: ID!) { updateAdvice(id: $id, expectedVersion: 1, input: { status: RESPONDED, response: "We beginnen in juni.", respondedOn: "2025-05-01", adoption: PARTLY }) { status adoption } }`,
      { id: advice.id },
    );
    expect(responded.data!.updateAdvice).toEqual({ status: 'RESPONDED', adoption: 'PARTLY' });
    expect(await awaiting()).not.toContain(advice.id);
    const byAction = await callers.VIEWER!.gql(
      `query ($id: ID!) { advices(filter: { actionId: { eq: $id } }) { totalCount } }`,
      { id: second!.id },
    );
    expect(byAction.data!.advices.totalCount).toBeGreaterThan(0);
  });

  it("loads an action list's advice in the same query, not one per action", async () => {
    const { count } = await api.countStatements(() =>
      callers.VIEWER!.gql(`{ actions(limit: 50) { nodes { code advice { topic actions { code } } } } }`),
    );
    expect(count).toBeLessThanOrEqual(4);
  });
});

describe('the demo panel', () => {
  it('adds fictional, marked members with meetings and advice linked to real actions, once', async () => {
    const { seedDemoPanel } = await import('../panel/demo.js');
    await db().panelMember.deleteMany({});
    await seedDemoPanel(db());
    const counts = async () => [
      await db().panelMember.count(),
      await db().panelMeeting.count(),
      await db().advice.count(),
      await db().adviceAction.count(),
    ];
    const first = await counts();
    await seedDemoPanel(db());
    expect(await counts()).toEqual(first);
    const members = await coordinator.gql(`{ panelMembers(limit: 100) { nodes { name email profile { ageBand } } } }`);
    for (const member of members.data!.panelMembers.nodes) {
      expect(member.name).toMatch(/\(demo\)$/);
      expect(member.email).toMatch(/@demo\.welkom\.test$/);
    }
    expect(first[3]).toBeGreaterThan(0);
    const overview = await composition();
    expect(overview.total).toBe('10–14');
    // Four Syrians: not named; "other countries" holds everyone who stated a country.
    expect(overview.countryOfOrigin).toEqual({ OTHER_COUNTRIES: '10–14', NOT_STATED: '< 5' });
  });
});
