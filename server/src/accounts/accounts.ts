// Accounts: create, change, set a password. Used by the API, the user:create CLI and the
// demo seed, so each takes the Prisma client it should use.
import type { Prisma, Role } from '@welkom/db';

/** The server's client or a transaction, so the API can write the audit event in the same one. */
type Db = Prisma.TransactionClient;
import { type FieldError, badUserInput, mapDatabaseError, notFound, staleVersion } from '../crud/errors.js';
import { versionedUpdate } from '../crud/write.js';
import { normaliseEmail } from '../auth/login.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { endSessionsOfUser } from '../auth/sessions.js';
import { apiError } from '../api-error.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 200;
const MAX_EMAIL = 320;

export const ACCOUNT_SELECT = {
  id: true,
  email: true,
  name: true,
  roles: true,
  active: true,
  lastLoginAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

function checkName(name: string, errors: FieldError[], field: string): string {
  const trimmed = name.trim();
  if (!trimmed)
    errors.push({
      field,
      reason: 'required',
      message: 'Naam mag niet leeg zijn.',
      messageEn: 'Name must not be empty.',
    });
  else if (trimmed.length > MAX_NAME) {
    errors.push({
      field,
      reason: 'too_long',
      message: `Naam is te lang (maximaal ${MAX_NAME}).`,
      messageEn: `Name is too long (at most ${MAX_NAME}).`,
    });
  }
  return trimmed;
}

function checkRoles(roles: Role[], errors: FieldError[], field: string): Role[] {
  if (!roles.length) {
    errors.push({
      field,
      reason: 'required',
      message: 'Kies minstens één rol.',
      messageEn: 'Choose at least one role.',
    });
  }
  return [...new Set(roles)];
}

function checkPassword(password: string, errors: FieldError[], field: string): void {
  const problem = passwordProblem(password);
  if (problem) errors.push({ field, ...problem });
}

export interface NewAccount {
  email: string;
  name: string;
  roles: Role[];
  password: string;
}

export async function createAccount(prisma: Db, input: NewAccount, path = 'input') {
  const errors: FieldError[] = [];
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > MAX_EMAIL) {
    errors.push({
      field: `${path}.email`,
      reason: 'invalid_format',
      message: 'E-mailadres heeft niet de juiste vorm (verwacht: "naam@voorbeeld.nl").',
      messageEn: 'Email is not in the right form (expected: "name@example.org").',
    });
  }
  const name = checkName(input.name, errors, `${path}.name`);
  const roles = checkRoles(input.roles, errors, `${path}.roles`);
  checkPassword(input.password, errors, `${path}.password`);
  if (errors.length) throw badUserInput(errors);
  try {
    return await prisma.user.create({
      data: { email, name, roles, passwordHash: await hashPassword(input.password) },
      select: ACCOUNT_SELECT,
    });
  } catch (error) {
    throw mapDatabaseError(error, 'User', 'create', { email: `${path}.email` }) ?? error;
  }
}

export interface AccountChange {
  name?: string | null;
  roles?: Role[] | null;
  active?: boolean | null;
}

/** Arbitrary but fixed (beside the migration's and the audit chain's): changes that remove an administrator queue on it. */
export const ADMINISTRATORS_LOCK_KEY = 7_202_811_282n;

/**
 * Refuses a change that would leave nobody able to administer accounts. Two administrators
 * removing each other at the same moment would each count the other as still active; the
 * transaction-scoped advisory lock makes the second wait for the first to commit, and its count
 * then sees the first one's change. Must run inside the transaction that makes the change.
 */
async function keepAnAdministrator(
  prisma: Db,
  id: string,
  current: { roles: Role[]; active: boolean },
  next: { roles: Role[]; active: boolean },
) {
  const wasAdmin = current.active && current.roles.includes('ADMIN');
  const staysAdmin = next.active && next.roles.includes('ADMIN');
  if (!wasAdmin || staysAdmin) return;
  await prisma.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${ADMINISTRATORS_LOCK_KEY})::text AS locked`);
  const others = await prisma.user.count({ where: { id: { not: id }, active: true, roles: { has: 'ADMIN' } } });
  if (others === 0) {
    throw apiError(
      'CONFLICT',
      'Dit is de laatste actieve beheerder; maak eerst een andere beheerder aan.',
      'This is the last active administrator; create another administrator first.',
      { reason: 'last_admin' },
    );
  }
}

export async function updateAccount(prisma: Db, id: string, input: AccountChange, expectedVersion: number) {
  const errors: FieldError[] = [];
  const name = input.name == null ? undefined : checkName(input.name, errors, 'input.name');
  const roles = input.roles == null ? undefined : checkRoles(input.roles, errors, 'input.roles');
  if (errors.length) throw badUserInput(errors);
  const current = await prisma.user.findUnique({ where: { id }, select: { roles: true, active: true, version: true } });
  if (!current) throw notFound('User', id);
  if (current.version !== expectedVersion) throw staleVersion('User', id, expectedVersion, current.version);
  const next = { roles: roles ?? current.roles, active: input.active ?? current.active };
  await keepAnAdministrator(prisma, id, current, next);
  // The version in the WHERE makes the check and the write one step: a concurrent edit loses.
  const row = await versionedUpdate(prisma as Prisma.TransactionClient, 'User', id, expectedVersion, {
    name,
    roles,
    active: input.active ?? undefined,
  });
  // A deactivated account is signed out everywhere at once, not when its sessions expire.
  if (input.active === false) await endSessionsOfUser(id, undefined, prisma);
  // The account as the audit trail shows it: never the password hash.
  return Object.fromEntries(Object.keys(ACCOUNT_SELECT).map((key) => [key, row[key]])) as Prisma.UserGetPayload<{
    select: typeof ACCOUNT_SELECT;
  }>;
}

/** Sets a new password and signs the account out everywhere except in `keepSession` (the admin's own, when changing their own). */
export async function setPassword(prisma: Db, id: string, password: string, keepSession?: string) {
  const errors: FieldError[] = [];
  checkPassword(password, errors, 'password');
  if (errors.length) throw badUserInput(errors);
  const passwordHash = await hashPassword(password);
  const { count } = await prisma.user.updateMany({ where: { id }, data: { passwordHash, version: { increment: 1 } } });
  if (count === 0) throw notFound('User', id);
  await endSessionsOfUser(id, keepSession, prisma);
  return prisma.user.findUniqueOrThrow({ where: { id }, select: ACCOUNT_SELECT });
}
