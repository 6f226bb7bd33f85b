// Roles one person may not hand out alone. PANEL_COORDINATOR opens the panel members' special-
// category data (GDPR art. 9), which ADMIN deliberately does not imply; if an administrator could
// simply add it to an account (its own included), that separation would be one click deep. So an
// administrator asks (requestRoleGrant) and a current panel coordinator confirms (confirmRoleGrant);
// never the one who asked, never the one who receives it. Not another administrator: one
// administrator can create a second administrator account (or set any password) and confirm as
// that "second person", so only someone who already holds the data can let another in. For the
// same reason an administrator cannot set a coordinator's password (refuseCoordinatorTakeover).
// Both steps are audited, and the coordinator sees them (roleGrants). Out of band, on the server
// itself, `npm run user:create -- --role PANEL_COORDINATOR` stays the way to appoint the first
// coordinator (whoever can run it already holds the database).
import type { Prisma, Role, RoleGrant } from '@welkom/db';
import { recordAuditEvent } from '../audit/record.js';
import type { Context, Identity } from '../context.js';
import { type FieldError, badUserInput, conflict, notFound } from '../crud/errors.js';
import { ACCOUNT_SELECT } from './accounts.js';
import { apiError } from '../api-error.js';

type Tx = Prisma.TransactionClient;

/** Roles that need a second person's confirmation before an account gets them. */
export const CONFIRMED_ROLES: readonly Role[] = ['PANEL_COORDINATOR'];

/** Refuses a createUser/updateUser that would give a confirmed role directly. */
export function refuseUnconfirmedRoles(
  current: readonly Role[],
  requested: readonly Role[] | null | undefined,
  field = 'input.roles',
): void {
  const added = (requested ?? []).filter((role) => CONFIRMED_ROLES.includes(role) && !current.includes(role));
  if (!added.length) return;
  throw conflict(
    'second_person_required',
    `${field}: de rol ${added.join(', ')} geeft toegang tot bijzondere persoonsgegevens en wordt alleen toegekend na bevestiging door een tweede persoon: vraag haar aan met requestRoleGrant.`,
    `The role ${added.join(', ')} opens special-category personal data and is only granted after a second person confirms: request it with requestRoleGrant.`,
    { field, roles: added },
  );
}

const actorLabel = (identity: Identity) =>
  identity.kind === 'user' ? `${identity.name} <${identity.email}>` : 'onbekend';

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  const errors: FieldError[] = [];
  if (!trimmed)
    errors.push({
      field: 'reason',
      reason: 'required',
      message: 'Een reden is verplicht.',
      messageEn: 'A reason is required.',
    });
  if (trimmed.length > 2000)
    errors.push({
      field: 'reason',
      reason: 'too_long',
      message: 'De reden is te lang (max. 2000 tekens).',
      messageEn: 'The reason is too long (max 2000 characters).',
    });
  if (errors.length) throw badUserInput(errors);
  return trimmed;
}

export async function requestRoleGrant(
  tx: Tx,
  context: Pick<Context, 'identity' | 'requestId'>,
  input: { userId: string; role: Role; reason: string },
): Promise<RoleGrant> {
  const reason = checkReason(input.reason);
  if (!CONFIRMED_ROLES.includes(input.role)) {
    throw badUserInput([
      {
        field: 'role',
        reason: 'invalid',
        message: `Alleen ${CONFIRMED_ROLES.join(', ')} wordt zo toegekend; andere rollen met updateUser.`,
        messageEn: `Only ${CONFIRMED_ROLES.join(', ')} is granted this way; other roles with updateUser.`,
      },
    ]);
  }
  // One request at a time per user and role, also when two administrators ask at once.
  const [user] = await tx.$queryRaw<{ id: string; roles: Role[]; active: boolean }[]>`
    SELECT id, roles::text[] AS roles, active FROM "User" WHERE id = ${input.userId}::uuid FOR UPDATE`;
  if (!user) throw notFound('User', input.userId);
  if (!user.active)
    throw conflict('inactive_user', 'Dit account is uitgeschakeld.', 'This account is deactivated.', {
      userId: user.id,
    });
  if (user.roles.includes(input.role)) {
    throw conflict(
      'already_has_role',
      `Dit account heeft de rol ${input.role} al.`,
      `This account already has the role ${input.role}.`,
      { userId: user.id, role: input.role },
    );
  }
  const pending = await tx.roleGrant.findFirst({
    where: { userId: user.id, role: input.role, state: 'PENDING' },
    select: { id: true },
  });
  if (pending) {
    throw conflict(
      'pending_request',
      'Voor dit account en deze rol wacht al een aanvraag op bevestiging.',
      'A request for this account and role already awaits confirmation.',
      { roleGrantId: pending.id },
    );
  }
  const grant = await tx.roleGrant.create({
    data: {
      userId: user.id,
      role: input.role,
      reason,
      requestedById: context.identity.kind === 'user' ? context.identity.userId : null,
      requestedByLabel: actorLabel(context.identity),
    },
  });
  await recordAuditEvent(tx, {
    context,
    operation: 'REQUEST',
    entityType: 'RoleGrant',
    entityId: grant.id,
    after: grant,
  });
  return grant;
}

export async function decideRoleGrant(
  tx: Tx,
  context: Pick<Context, 'identity' | 'requestId'>,
  input: { id: string; confirm: boolean; reason: string },
): Promise<RoleGrant> {
  const reason = checkReason(input.reason);
  const actorId = context.identity.kind === 'user' ? context.identity.userId : null;
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "RoleGrant" WHERE id = ${input.id}::uuid FOR UPDATE`;
  if (!locked) throw notFound('RoleGrant', input.id);
  const before = await tx.roleGrant.findUniqueOrThrow({ where: { id: input.id } });
  if (before.state !== 'PENDING') {
    throw conflict(
      'already_decided',
      `Over deze aanvraag is al besloten (${before.state}).`,
      `This request was already decided (${before.state}).`,
      { state: before.state },
    );
  }
  // Refusing one's own request withdraws it; confirming needs a second person who already is coordinator.
  if (input.confirm && !(context.identity.kind === 'user' && context.identity.roles.includes('PANEL_COORDINATOR'))) {
    throw apiError(
      'FORBIDDEN',
      'Alleen een huidige panelcoördinator kan deze toekenning bevestigen.',
      'Only a current panel coordinator can confirm this grant.',
      { reason: 'coordinator_required' },
    );
  }
  if (input.confirm && (actorId === before.requestedById || actorId === before.userId)) {
    throw apiError(
      'FORBIDDEN',
      'Een tweede persoon moet deze toekenning bevestigen: niet wie haar vroeg en niet wie de rol krijgt.',
      'A second person must confirm this grant: not the one who asked, nor the one who receives the role.',
      { reason: 'second_person_required' },
    );
  }
  const after = await tx.roleGrant.update({
    where: { id: before.id },
    data: {
      state: input.confirm ? 'CONFIRMED' : 'REFUSED',
      decidedById: actorId,
      decidedByLabel: actorLabel(context.identity),
      decidedAt: new Date(),
      version: { increment: 1 },
    },
  });
  await recordAuditEvent(tx, {
    context,
    operation: input.confirm ? 'CONFIRM' : 'REFUSE',
    entityType: 'RoleGrant',
    entityId: before.id,
    before,
    after: { ...after, decisionReason: reason },
  });
  if (input.confirm) {
    const userBefore = await tx.user.findUniqueOrThrow({ where: { id: before.userId }, select: ACCOUNT_SELECT });
    if (!userBefore.active)
      throw conflict('inactive_user', 'Dit account is uitgeschakeld.', 'This account is deactivated.', {
        userId: before.userId,
      });
    if (!userBefore.roles.includes(before.role)) {
      const userAfter = await tx.user.update({
        where: { id: before.userId },
        data: { roles: [...userBefore.roles, before.role], version: { increment: 1 } },
        select: ACCOUNT_SELECT,
      });
      await recordAuditEvent(tx, {
        context,
        operation: 'ROLE_GRANTED',
        entityType: 'User',
        entityId: before.userId,
        before: userBefore,
        after: userAfter,
      });
    }
  }
  return after;
}

/**
 * An administrator may not set the password of someone who holds PANEL_COORDINATOR: signing in
 * as that person would open the special-category data the separation keeps from ADMIN. The
 * coordinator changes their own password; after a forgotten one, a new coordinator account is made out
 * of band on the server (npm run user:create).
 */
export async function refuseCoordinatorTakeover(
  tx: Tx,
  context: Pick<Context, 'identity'>,
  userId: string,
): Promise<void> {
  if (context.identity.kind === 'user' && context.identity.userId === userId) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { roles: true } });
  if (!user?.roles.some((role) => CONFIRMED_ROLES.includes(role))) return;
  throw conflict(
    'coordinator_account',
    'Het wachtwoord van een panelcoördinator kan alleen die persoon zelf wijzigen. Wachtwoord vergeten: maak op de server zelf een nieuw account (npm run user:create).',
    'Only the panel coordinator can change their own password. Forgotten: create a new account on the server itself (npm run user:create).',
    { field: 'id' },
  );
}
