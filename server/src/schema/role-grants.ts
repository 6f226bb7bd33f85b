// Roles that need a second person (accounts/role-grants.ts): an administrator requests, another
// administrator or a current panel coordinator confirms or refuses, and the coordinator sees
// who holds the role and every request for it.
import type { Role, RoleGrantState } from '@welkom/db';
import { manageUsers } from '../auth/permissions.js';
import { CONFIRMED_ROLES, decideRoleGrant, requestRoleGrant } from '../accounts/role-grants.js';
import { type AccessRule, rule } from '../auth/rules.js';
import { builder } from '../builder.js';
import { guardedBy, typeAccess } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';

/** Administrators and panel coordinators (the role itself, which ADMIN does not imply here). */
export const roleGrantReaders: AccessRule = rule(
  'beheerders en de panelcoördinator | administrators and the panel coordinator',
  ['ADMIN', 'PANEL_COORDINATOR'],
);

const RoleEnum = enumRef('Role');

builder.prismaObject('RoleGrant', {
  description: 'Toekenning van een rol die een tweede persoon bevestigt | Grant of a role a second person confirms',
  authScopes: guardedBy(roleGrantReaders),
  // Requested by administrators, decided by a coordinator (not one who asked); the trail is ADMIN's.
  directives: typeAccess('RoleGrant', { read: roleGrantReaders, write: roleGrantReaders }),
  fields: (t) => ({
    id: t.exposeID('id'),
    userId: t.exposeID('userId', { description: 'Gebruiker (ID) | User (ID)' }),
    userName: t.string({
      description: 'Naam | Name',
      select: { user: { select: { name: true } } },
      resolve: (grant) => grant.user.name,
    }),
    userEmail: t.string({
      description: 'E-mailadres | Email',
      select: { user: { select: { email: true } } },
      resolve: (grant) => grant.user.email,
    }),
    role: t.expose('role', { type: RoleEnum, description: 'Rol | Role' }),
    state: t.expose('state', { type: enumRef('RoleGrantState'), description: 'Stand | State' }),
    reason: t.exposeString('reason', { description: 'Reden | Reason' }),
    requestedByLabel: t.exposeString('requestedByLabel', { description: 'Gevraagd door | Requested by' }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime', description: 'Gevraagd op | Requested at' }),
    decidedByLabel: t.exposeString('decidedByLabel', { nullable: true, description: 'Besloten door | Decided by' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'Besloten op | Decided at' }),
    version: t.exposeInt('version', { description: 'Versie | Version' }),
  }),
});

const RoleHolder = builder
  .objectRef<{ id: string; name: string; email: string; active: boolean }>('RoleHolder')
  .implement({
    description: 'Wie een rol heeft | Who holds a role',
    authScopes: guardedBy(roleGrantReaders),
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name', { description: 'Naam | Name' }),
      email: t.exposeString('email', { description: 'E-mailadres | Email' }),
      active: t.exposeBoolean('active', { description: 'Actief | Active' }),
    }),
  });

builder.queryField('roleGrants', (t) =>
  t.prismaField({
    type: ['RoleGrant'],
    authScopes: guardedBy(roleGrantReaders),
    description:
      'Aanvragen voor rollen die een tweede persoon bevestigt, nieuwste eerst | Requests for roles a second person confirms, newest first',
    args: {
      state: t.arg({ type: enumRef('RoleGrantState'), description: 'Alleen in deze stand | Only in this state' }),
    },
    resolve: (query, _root, args) =>
      db().roleGrant.findMany({
        ...query,
        where: args.state ? { state: args.state as RoleGrantState } : {},
        orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
);

builder.queryField('panelCoordinators', (t) =>
  t.field({
    type: [RoleHolder],
    authScopes: guardedBy(roleGrantReaders),
    description:
      'Wie de rol PANEL_COORDINATOR heeft (ook uitgeschakelde accounts) | Who holds the PANEL_COORDINATOR role (deactivated accounts included)',
    resolve: () =>
      db().user.findMany({
        where: { roles: { has: 'PANEL_COORDINATOR' } },
        select: { id: true, name: true, email: true, active: true },
        orderBy: [{ email: 'asc' }],
      }),
  }),
);

builder.mutationField('requestRoleGrant', (t) =>
  t.prismaField({
    type: 'RoleGrant',
    authScopes: guardedBy(manageUsers),
    description: `Vraagt een rol aan die een tweede persoon moet bevestigen (${CONFIRMED_ROLES.join(', ')}); beheerders | Requests a role a second person must confirm (${CONFIRMED_ROLES.join(', ')}); administrators`,
    args: {
      userId: t.arg.id({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
      reason: t.arg.string({
        required: true,
        description: 'Waarom deze persoon de rol nodig heeft | Why this person needs the role',
      }),
    },
    resolve: async (query, _root, args, context) => {
      checkId(args.userId, 'userId');
      const grant = await db().$transaction((tx) =>
        requestRoleGrant(tx, context, { userId: args.userId, role: args.role as Role, reason: args.reason }),
      );
      return db().roleGrant.findUniqueOrThrow({ ...query, where: { id: grant.id } });
    },
  }),
);

for (const [name, confirm] of [
  ['confirmRoleGrant', true],
  ['refuseRoleGrant', false],
] as const) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'RoleGrant',
      authScopes: guardedBy(roleGrantReaders),
      description: confirm
        ? 'Bevestigt een aangevraagde rol: een huidige panelcoördinator, niet wie vroeg of wie haar krijgt | Confirms a requested role: a current panel coordinator, not the one who asked or receives it'
        : 'Weigert (of trekt in) een aangevraagde rol | Refuses (or withdraws) a requested role',
      args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
      resolve: async (query, _root, args, context) => {
        checkId(args.id);
        const grant = await db().$transaction((tx) =>
          decideRoleGrant(tx, context, { id: args.id, confirm, reason: args.reason }),
        );
        return db().roleGrant.findUniqueOrThrow({ ...query, where: { id: grant.id } });
      },
    }),
  );
}
