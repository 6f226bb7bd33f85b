// What administrators do to accounts and partner tokens, each change audited in its own
// transaction. No GraphQL here: schema/auth.ts exposes these as mutations.
import type { Role } from '@welkom/db';
import { issueToken, isTokenScope, TOKEN_SCOPES } from '../auth/api-tokens.js';
import { recordAuditEvent } from '../audit/record.js';
import type { Context } from '../context.js';
import { type FieldError, badUserInput, notFound } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';
import { ACCOUNT_SELECT, createAccount, setPassword, updateAccount } from './accounts.js';
import { refuseCoordinatorTakeover, refuseUnconfirmedRoles } from './role-grants.js';

/** A request for a partner token, as the administrator fills it in. */
export interface TokenRequest {
  partnerId: string;
  label: string;
  scopes: readonly string[];
  expiresAt: Date;
}

const MAX_TOKEN_LIFETIME_DAYS = 3 * 366;

/** A token as the audit trail records it: everything but the secret's hash. */
const TOKEN_AUDIT_SELECT = {
  id: true,
  prefix: true,
  label: true,
  scopes: true,
  partnerId: true,
  createdById: true,
  expiresAt: true,
  revokedAt: true,
  version: true,
} as const;

/** Creates a user (administrators), audited; roles that need a second person are refused. */
export const createUserAccount = async (
  args: { input: { email: string; name: string; password: string; roles: readonly string[] } },
  context: Context,
  query: object = {},
) => {
  refuseUnconfirmedRoles([], args.input.roles as Role[]);
  const created = await db().$transaction(async (tx) => {
    const user = await createAccount(tx, { ...args.input, roles: args.input.roles as Role[] });
    await recordAuditEvent(tx, { context, operation: 'CREATE', entityType: 'User', entityId: user.id, after: user });
    return user;
  });
  return db().user.findUniqueOrThrow({ ...query, where: { id: created.id } });
};

/** Changes name, roles or active, audited; deactivating ends the sessions. */
export const updateUserAccount = async (
  args: {
    id: string;
    input: { name?: string | null; roles?: readonly string[] | null; active?: boolean | null };
    expectedVersion: number;
  },
  context: Context,
  query: object = {},
) => {
  checkId(args.id);
  const roles = args.input.roles as Role[] | null | undefined;
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: args.id }, select: ACCOUNT_SELECT });
    // Taking a role away is always allowed; adding PANEL_COORDINATOR takes a second person.
    if (before) refuseUnconfirmedRoles(before.roles, roles);
    const after = await updateAccount(tx, args.id, { ...args.input, roles }, args.expectedVersion);
    await recordAuditEvent(tx, { context, operation: 'UPDATE', entityType: 'User', entityId: args.id, before, after });
  });
  return db().user.findUniqueOrThrow({ ...query, where: { id: args.id } });
};

/** Sets a new password, audited without the hash; signs the user out everywhere but this session. */
export const resetUserPassword = async (
  args: { id: string; password: string },
  context: Context,
  query: object = {},
) => {
  checkId(args.id);
  const own = context.identity.kind === 'user' ? context.identity.sessionId : undefined;
  await db().$transaction(async (tx) => {
    await refuseCoordinatorTakeover(tx, context, args.id);
    const before = await tx.user.findUnique({ where: { id: args.id }, select: ACCOUNT_SELECT });
    const after = await setPassword(tx, args.id, args.password, own);
    // The hash itself is never in the trail; the event says that the password was set.
    await recordAuditEvent(tx, {
      context,
      operation: 'PASSWORD_SET',
      entityType: 'User',
      entityId: args.id,
      before,
      after,
    });
  });
  return db().user.findUniqueOrThrow({ ...query, where: { id: args.id } });
};

/** Issues a partner API token after checking label, scopes and lifetime; the secret is returned once. */
export const issuePartnerToken = async (args: { input: TokenRequest }, context: Context) => {
  const { input } = args;
  const errors: FieldError[] = [];
  checkId(input.partnerId, 'input.partnerId');
  const label = input.label.trim();
  if (!label || label.length > 200) {
    errors.push({
      field: 'input.label',
      reason: label ? 'too_long' : 'required',
      message: label ? 'Omschrijving is te lang (maximaal 200).' : 'Omschrijving mag niet leeg zijn.',
      messageEn: label ? 'Label is too long (at most 200).' : 'Label must not be empty.',
    });
  }
  const unknown = input.scopes.filter((scope) => !isTokenScope(scope));
  if (unknown.length || !input.scopes.length) {
    errors.push({
      field: 'input.scopes',
      reason: unknown.length ? 'invalid' : 'required',
      message: unknown.length
        ? `Onbekend recht: ${unknown.join(', ')} (geldig: ${TOKEN_SCOPES.join(', ')}).`
        : `Kies minstens één recht (${TOKEN_SCOPES.join(', ')}).`,
      messageEn: unknown.length
        ? `Unknown scope: ${unknown.join(', ')} (valid: ${TOKEN_SCOPES.join(', ')}).`
        : `Choose at least one scope (${TOKEN_SCOPES.join(', ')}).`,
    });
  }
  const lifetimeDays = (input.expiresAt.getTime() - Date.now()) / 86_400_000;
  if (lifetimeDays <= 0 || lifetimeDays > MAX_TOKEN_LIFETIME_DAYS) {
    errors.push({
      field: 'input.expiresAt',
      reason: 'out_of_range',
      message: 'Vervaldatum moet in de toekomst liggen, hoogstens drie jaar vooruit.',
      messageEn: 'Expiry must be in the future, at most three years ahead.',
    });
  }
  if (errors.length) throw badUserInput(errors);
  const partner = await db().partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
  if (!partner) {
    throw badUserInput([
      {
        field: 'input.partnerId',
        reason: 'not_found',
        message: 'verwijst naar een record dat niet bestaat.',
        messageEn: 'refers to a record that does not exist.',
      },
    ]);
  }
  const issued = await db().$transaction(async (tx) => {
    const token = await issueToken(
      {
        partnerId: input.partnerId,
        label,
        scopes: [...new Set(input.scopes)].filter(isTokenScope),
        expiresAt: input.expiresAt,
        createdById: context.identity.kind === 'user' ? context.identity.userId : null,
      },
      tx,
    );
    const after = await tx.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: TOKEN_AUDIT_SELECT });
    await recordAuditEvent(tx, { context, operation: 'CREATE', entityType: 'ApiToken', entityId: token.id, after });
    return token;
  });
  return { id: issued.id, secret: issued.token };
};

/** Revokes a token at once; revoking twice keeps the first time, when access ended. */
export const revokePartnerToken = async (args: { id: string }, context: Context, query: object = {}) => {
  checkId(args.id);
  await db().$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id: args.id }, select: TOKEN_AUDIT_SELECT });
    // Revoking twice keeps the first time: that is when access ended.
    if (!before || before.revokedAt) return;
    const after = await tx.apiToken.update({
      where: { id: args.id },
      data: { revokedAt: new Date(), version: { increment: 1 } },
      select: TOKEN_AUDIT_SELECT,
    });
    await recordAuditEvent(tx, {
      context,
      operation: 'REVOKE',
      entityType: 'ApiToken',
      entityId: args.id,
      before,
      after,
    });
  });
  const token = await db().apiToken.findUnique({ ...query, where: { id: args.id } });
  if (!token) throw notFound('ApiToken', args.id);
  return token;
};
