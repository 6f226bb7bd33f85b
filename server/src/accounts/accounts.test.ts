// Managing accounts over HTTP: administrators only, password rules, versions, deactivation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { updateAccount } from './accounts.js';
import { type Harness, type SignedInClient, startHarness } from '../test/harness.js';

let harness: Harness;
let admin: SignedInClient;
beforeAll(async () => {
  harness = await startHarness({ seed: false });
  admin = await harness.createUser({ roles: ['ADMIN'] });
});
afterAll(() => harness.close());

const CREATE =
  'mutation ($input: UserCreateInput!) { createUser(input: $input) { id email name roles active version } }';
const UPDATE =
  'mutation ($id: ID!, $input: UserUpdateInput!, $v: Int!) { updateUser(id: $id, input: $input, expectedVersion: $v) { id roles active version } }';

describe('accounts', () => {
  it('an administrator creates a user, who can then sign in; no type offers a password hash', async () => {
    const created = await admin.gql(CREATE, {
      input: {
        email: 'Nieuw@Nijmegen.nl',
        name: 'Nieuwe Collega',
        roles: ['GRANT_OFFICER'],
        password: 'twaalf-tekens!',
      },
    });
    expect(created.data?.createUser).toMatchObject({
      email: 'nieuw@nijmegen.nl',
      roles: ['GRANT_OFFICER'],
      active: true,
      version: 1,
    });
    const stored = await db().user.findUniqueOrThrow({ where: { email: 'nieuw@nijmegen.nl' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await harness.login('nieuw@nijmegen.nl', 'twaalf-tekens!');
    const fields = await admin.gql('{ __type(name: "User") { fields { name } } }');
    expect(JSON.stringify(fields.data)).not.toMatch(/hash/i);
  });

  it('a password shorter than 12 characters is refused with a clear message', async () => {
    const response = await admin.gql(CREATE, {
      input: { email: 'kort@nijmegen.nl', name: 'Kort', roles: ['VIEWER'], password: 'elf-tekens!' },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.password',
      reason: 'too_short',
    });
    expect(response.errors?.[0]?.message).toBe('input.password: Het wachtwoord moet minstens 12 tekens lang zijn.');
  });

  it('a second account with the same email is a CONFLICT on input.email', async () => {
    const input = { email: 'dubbel@nijmegen.nl', name: 'Dubbel', roles: ['VIEWER'], password: 'een-lang-wachtwoord' };
    await admin.gql(CREATE, { input });
    const again = await admin.gql(CREATE, { input: { ...input, email: 'DUBBEL@nijmegen.nl' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
  });

  it('deactivating a user ends their sessions at once; a stale version is refused', async () => {
    const viewer = await harness.createUser({ roles: ['VIEWER'] });
    const updated = await admin.gql(UPDATE, { id: viewer.user.id, input: { active: false }, v: 1 });
    expect(updated.data?.updateUser).toMatchObject({ active: false, version: 2 });
    expect(await db().session.count({ where: { userId: viewer.user.id } })).toBe(0);
    expect((await viewer.gql('{ me { id } }')).data).toEqual({ me: null });
    const stale = await admin.gql(UPDATE, { id: viewer.user.id, input: { active: true }, v: 1 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
      currentVersion: 2,
    });
  });

  it('the last active administrator cannot be deactivated', async () => {
    await db().user.updateMany({
      where: { id: { not: admin.user.id }, roles: { has: 'ADMIN' } },
      data: { active: false },
    });
    const current = await db().user.findUniqueOrThrow({ where: { id: admin.user.id } });
    const response = await admin.gql(UPDATE, { id: admin.user.id, input: { roles: ['VIEWER'] }, v: current.version });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'last_admin' });
  });

  it('keeps one active administrator when 40 administrators deactivate each other at once (database)', async () => {
    const ring = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        db().user.create({
          data: {
            email: `ring-${index}-${Date.now()}@nijmegen.nl`,
            name: `Ring ${index}`,
            roles: ['ADMIN'],
            passwordHash: 'x',
          },
        }),
      ),
    );
    await db().user.updateMany({
      where: { id: { notIn: ring.map((user) => user.id) }, roles: { has: 'ADMIN' } },
      data: { active: false },
    });
    // Each deactivates the next; without a lock every count still saw the others as active.
    const results = await Promise.allSettled(
      ring.map((_, index) =>
        db().$transaction((tx) => updateAccount(tx, ring[(index + 1) % ring.length]!.id, { active: false }, 1)),
      ),
    );
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused.map((result) => (result as PromiseRejectedResult).reason.extensions)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', reason: 'last_admin' }),
    ]);
    expect(await db().user.count({ where: { active: true, roles: { has: 'ADMIN' } } })).toBe(1);
    await db().user.updateMany({ where: { id: { in: ring.map((user) => user.id) } }, data: { active: false } });
    await db().user.update({ where: { id: admin.user.id }, data: { active: true } });
  });

  it('keeps one active administrator when two deactivate each other over HTTP at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const pair = await Promise.all([
        harness.createUser({ roles: ['ADMIN'] }),
        harness.createUser({ roles: ['ADMIN'] }),
      ]);
      const ids = pair.map((client) => client.user.id);
      await db().user.updateMany({ where: { id: { notIn: ids }, roles: { has: 'ADMIN' } }, data: { active: false } });
      const results = await Promise.all(
        pair.map((client, index) => client.gql(UPDATE, { id: ids[1 - index], input: { active: false }, v: 1 })),
      );
      // The loser is refused by the rule, or, when its session had already ended, not signed in.
      const refusals = results
        .filter((result) => result.errors)
        .map((result) => result.errors![0]!.extensions!.reason ?? result.errors![0]!.extensions!.code);
      expect(refusals.length).toBe(1);
      expect(['last_admin', 'UNAUTHENTICATED']).toContain(refusals[0]);
      expect(await db().user.count({ where: { active: true, roles: { has: 'ADMIN' } } })).toBe(1);
      await db().user.updateMany({ where: { id: { in: ids } }, data: { active: false } });
    }
    await db().user.update({ where: { id: admin.user.id }, data: { active: true } });
    admin = await harness.login(admin.user.email, admin.user.password);
  });

  it('setting a password signs the user out everywhere', async () => {
    const viewer = await harness.createUser({ roles: ['VIEWER'] });
    const response = await admin.gql(
      'mutation ($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { version } }',
      {
        id: viewer.user.id,
        p: 'een-heel-nieuw-wachtwoord',
      },
    );
    expect(response.errors).toBeUndefined();
    expect((await viewer.gql('{ me { id } }')).data).toEqual({ me: null });
    await harness.login(viewer.user.email, 'een-heel-nieuw-wachtwoord');
  });

  it('every change to an account is in the audit trail, without the password hash', async () => {
    const events = await db().auditEvent.findMany({ where: { entityType: 'User' } });
    expect(events.map((event) => event.operation)).toEqual(
      expect.arrayContaining(['CREATE', 'UPDATE', 'PASSWORD_SET']),
    );
    expect(JSON.stringify(events.map(({ before, after }) => ({ before, after })))).not.toMatch(/argon2|passwordHash/);
  });

  it('only administrators may list or create users', async () => {
    const secretary = await harness.createUser({ roles: ['SECRETARY'] });
    expect((await harness.gql('{ users { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await secretary.gql('{ users { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await admin.gql('{ users { email } }');
    expect(listed.data?.users.map((user: { email: string }) => user.email)).toContain(secretary.user.email);
  });
});
