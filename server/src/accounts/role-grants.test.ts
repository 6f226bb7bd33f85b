// PANEL_COORDINATOR needs a second person: an administrator cannot give it to itself (or anyone)
// alone, the request and its confirmation are audited, and the coordinator sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';

let harness: Harness;
let admin: SignedInClient;
let secondAdmin: SignedInClient;
let coordinator: SignedInClient;
let secondCoordinator: SignedInClient;
beforeAll(async () => {
  harness = await startHarness({ seed: false });
  [admin, secondAdmin, coordinator, secondCoordinator] = await Promise.all([
    harness.createUser({ roles: ['ADMIN'] }),
    harness.createUser({ roles: ['ADMIN'] }),
    // The out-of-band path (user:create on the server) still appoints a coordinator directly.
    harness.createUser({ roles: ['PANEL_COORDINATOR'] }),
    harness.createUser({ roles: ['PANEL_COORDINATOR'] }),
  ]);
});
afterAll(() => harness.close());

const UPDATE =
  'mutation ($id: ID!, $input: UserUpdateInput!, $v: Int!) { updateUser(id: $id, input: $input, expectedVersion: $v) { id roles version } }';
const REQUEST =
  'mutation ($u: ID!, $r: String!) { requestRoleGrant(userId: $u, role: PANEL_COORDINATOR, reason: $r) { id state userEmail requestedByLabel } }';
const DECIDE = (name: 'confirmRoleGrant' | 'refuseRoleGrant') =>
  `mutation ($id: ID!, $r: String!) { ${name}(id: $id, reason: $r) { id state decidedByLabel } }`;
const versionOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).version;

describe('granting PANEL_COORDINATOR', () => {
  it('refuses an administrator who gives the role to itself or to someone else directly', async () => {
    const self = await admin.gql(UPDATE, {
      id: admin.user.id,
      input: { roles: ['ADMIN', 'PANEL_COORDINATOR'] },
      v: await versionOf(admin.user.id),
    });
    expect(self.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'second_person_required',
      roles: ['PANEL_COORDINATOR'],
    });
    expect(self.errors![0]!.message).toMatch(/requestRoleGrant/);
    const viewer = await harness.createUser({ roles: ['VIEWER'] });
    const other = await admin.gql(UPDATE, {
      id: viewer.user.id,
      input: { roles: ['PANEL_COORDINATOR'] },
      v: await versionOf(viewer.user.id),
    });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'second_person_required' });
    const created = await admin.gql('mutation ($input: UserCreateInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'nieuw-panel@nijmegen.nl',
        name: 'Nieuw',
        roles: ['PANEL_COORDINATOR'],
        password: 'een-lang-wachtwoord',
      },
    });
    expect(created.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'second_person_required' });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.user.id } })).roles).toEqual(['ADMIN']);
    expect((await admin.gql('{ panelMembers { totalCount } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('grants it when a second person confirms, never the one who asked, and audits both steps', async () => {
    const requested = await admin.gql(REQUEST, { u: admin.user.id, r: 'Vervanging tijdens verlof' });
    expect(requested.data!.requestRoleGrant).toMatchObject({ state: 'PENDING', userEmail: admin.user.email });
    const id = requested.data!.requestRoleGrant.id as string;
    expect((await admin.gql(REQUEST, { u: admin.user.id, r: 'nog eens' })).errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'pending_request',
    });
    const own = await admin.gql(DECIDE('confirmRoleGrant'), { id, r: 'zelf' });
    expect(own.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'coordinator_required' });
    expect((await admin.gql('{ panelMembers { totalCount } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    // Another administrator is not a second person here: one administrator can create that account.
    const byAdmin = await secondAdmin.gql(DECIDE('confirmRoleGrant'), { id, r: 'akkoord' });
    expect(byAdmin.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'coordinator_required' });

    // Two confirmations at once: one decides, the other finds it decided.
    const both = await Promise.all(
      [secondCoordinator, coordinator].map((client) => client.gql(DECIDE('confirmRoleGrant'), { id, r: 'akkoord' })),
    );
    expect(both.filter((r) => r.data?.confirmRoleGrant?.state === 'CONFIRMED')).toHaveLength(1);
    expect(both.filter((r) => r.errors).map((r) => r.errors![0]!.extensions!.reason)).toEqual(['already_decided']);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.user.id } })).roles).toEqual([
      'ADMIN',
      'PANEL_COORDINATOR',
    ]);
    expect((await admin.gql('{ panelMembers { totalCount } }')).errors).toBeUndefined();

    const events = await db().auditEvent.findMany({
      where: { OR: [{ entityId: id }, { entityId: admin.user.id, operation: 'ROLE_GRANTED' }] },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => event.operation)).toEqual(['REQUEST', 'CONFIRM', 'ROLE_GRANTED']);
    expect(events[0]!.actorId).toBe(admin.user.id);
    expect(events[1]!.actorId).not.toBe(admin.user.id);
  });

  it('shows the panel coordinator who holds the role and every request; others see nothing', async () => {
    const viewer = await harness.createUser({ roles: ['VIEWER'] });
    const requested = await secondAdmin.gql(REQUEST, { u: viewer.user.id, r: 'Nieuwe collega panel' });
    const refused = await coordinator.gql(DECIDE('refuseRoleGrant'), {
      id: requested.data!.requestRoleGrant.id,
      r: 'Niet nodig',
    });
    expect(refused.data!.refuseRoleGrant).toMatchObject({ state: 'REFUSED' });
    expect(refused.data!.refuseRoleGrant.decidedByLabel).toContain(coordinator.user.email);

    const { data, errors } = await coordinator.gql(
      '{ panelCoordinators { email active } roleGrants { userEmail state requestedByLabel decidedByLabel reason } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.panelCoordinators.map((holder: { email: string }) => holder.email).sort()).toEqual(
      [admin.user.email, coordinator.user.email, secondCoordinator.user.email].sort(),
    );
    expect(data!.roleGrants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userEmail: viewer.user.email, state: 'REFUSED', reason: 'Nieuwe collega panel' }),
        expect.objectContaining({ userEmail: admin.user.email, state: 'CONFIRMED' }),
      ]),
    );
    expect((await viewer.gql('{ roleGrants { id } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(
      (await viewer.gql(DECIDE('confirmRoleGrant'), { id: requested.data!.requestRoleGrant.id, r: 'x' })).errors![0]!
        .extensions!.code,
    ).toBe('FORBIDDEN');
    expect((await coordinator.gql(REQUEST, { u: viewer.user.id, r: 'x' })).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
  });

  it("cannot be obtained by one administrator alone through an account it creates, nor by taking over a coordinator's password", async () => {
    const viewer = await harness.createUser({ roles: ['VIEWER'] });
    const requested = await admin.gql(REQUEST, { u: viewer.user.id, r: 'Poging' });
    const grantId = requested.data!.requestRoleGrant.id as string;
    const created = await admin.gql('mutation ($input: UserCreateInput!) { createUser(input: $input) { id } }', {
      input: { email: 'marionet@nijmegen.nl', name: 'Marionet', roles: ['ADMIN'], password: 'een-lang-wachtwoord' },
    });
    expect(created.errors).toBeUndefined();
    const puppet = await harness.login('marionet@nijmegen.nl', 'een-lang-wachtwoord');
    const confirmed = await puppet.gql(DECIDE('confirmRoleGrant'), { id: grantId, r: 'akkoord' });
    expect(confirmed.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'coordinator_required' });
    expect((await db().roleGrant.findUniqueOrThrow({ where: { id: grantId } })).state).toBe('PENDING');

    const takeover = await admin.gql(
      'mutation ($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
      {
        id: coordinator.user.id,
        p: 'overgenomen-wachtwoord',
      },
    );
    expect(takeover.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'coordinator_account' });
    expect((await coordinator.gql('{ panelCoordinators { email } }')).errors).toBeUndefined(); // still signed in: nothing changed
  });

  it('lets an administrator take the role away alone', async () => {
    const removed = await secondAdmin.gql(UPDATE, {
      id: admin.user.id,
      input: { roles: ['ADMIN'] },
      v: await versionOf(admin.user.id),
    });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.updateUser.roles).toEqual(['ADMIN']);
  });
});
