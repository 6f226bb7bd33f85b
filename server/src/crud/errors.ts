// Errors the API returns on purpose. Each carries `extensions.code`; anything else is an
// internal error whose text never reaches the client outside development (see http/errors.ts).
import type { GraphQLError } from 'graphql';
import { Prisma } from '@welkom/db';
import { apiError } from '../api-error.js';
import { getModel, labelOf } from './dmmf.js';

export interface FieldError {
  /** Path of the offending value inside the arguments, e.g. `input.code`. */
  field: string;
  /** Machine-readable reason: required, too_long, invalid, not_found, unique, ... */
  reason: string;
  message: string;
  messageEn: string;
}

export function badUserInput(errors: FieldError[]): GraphQLError {
  const first = errors[0];
  const message = first ? `${first.field}: ${first.message}` : 'Ongeldige invoer';
  const messageEn = first ? `${first.field}: ${first.messageEn}` : 'Invalid input';
  return apiError('BAD_USER_INPUT', message, messageEn, {
    field: first?.field,
    reason: first?.reason,
    fieldErrors: errors,
  });
}

export function notFound(model: string, id: string): GraphQLError {
  const label = labelOf(getModel(model));
  return apiError('NOT_FOUND', `${label} met id ${id} bestaat niet.`, `${model} ${id} does not exist.`, {
    entity: model,
    id,
  });
}

export function staleVersion(model: string, id: string, expectedVersion: number, currentVersion: number) {
  return apiError(
    'CONFLICT',
    `Iemand anders heeft dit record intussen gewijzigd (u las versie ${expectedVersion}, de huidige is ${currentVersion}). Laad het opnieuw.`,
    `Someone else changed this record (you read version ${expectedVersion}, current is ${currentVersion}). Reload it.`,
    { reason: 'stale_version', entity: model, id, expectedVersion, currentVersion },
  );
}

interface ConstraintInfo {
  /** Columns of the violated constraint, when they can be known. */
  fields?: string[];
  /** Name of the violated constraint, e.g. `Theme_number_key`. */
  constraint?: string;
}

/** Prisma 7 with a driver adapter reports the failing constraint in `meta.driverAdapterError`. */
function constraintOf(error: Prisma.PrismaClientKnownRequestError): ConstraintInfo {
  const meta = (error.meta ?? {}) as Record<string, unknown>;
  const cause = (meta.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause ?? {};
  const constraint = cause.constraint as { fields?: string[]; index?: string } | undefined;
  const target = meta.target;
  return {
    fields: constraint?.fields ?? (Array.isArray(target) ? (target as string[]) : undefined),
    constraint: constraint?.index ?? (typeof target === 'string' ? target : undefined),
  };
}

/** Unique constraints are named `<Model>_<column>[_<column>]_key` by Prisma; map a name back to its columns. */
function uniqueColumns(model: string, constraint: string | undefined): string[] | undefined {
  if (!constraint) return undefined;
  const dmmf = getModel(model);
  const candidates = [
    ...dmmf.fields.filter((field) => field.isUnique).map((field) => [field.name]),
    ...dmmf.uniqueFields,
  ];
  return candidates.find((columns) => `${model}_${columns.join('_')}_key` === constraint);
}

/** Foreign-key constraint names are `<Model>_<column>_fkey`; recover the column. */
function columnFromForeignKey(name: string | undefined): string | undefined {
  const match = name ? /^[A-Za-z]+_(\w+?)_fkey$/.exec(name) : null;
  return match?.[1];
}

/**
 * Turns a database error into an API error with a meaningful code, or returns undefined
 * when it is not one we can explain (it then surfaces as an internal error).
 * `fieldPaths` maps a column to the input path the user typed it in (e.g. partnerId -> input.partnerIds).
 */
export function mapDatabaseError(
  error: unknown,
  model: string,
  operation: 'create' | 'update' | 'delete',
  fieldPaths: Record<string, string> = {},
): GraphQLError | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const info = constraintOf(error);
  if (error.code === 'P2002') {
    const fields = info.fields ?? uniqueColumns(model, info.constraint) ?? [];
    const dmmf = getModel(model);
    const labels = fields.map((name) => labelOf(dmmf.fields.find((f) => f.name === name) ?? { name }).toLowerCase());
    const field = fields.length === 1 ? (fieldPaths[fields[0]!] ?? `input.${fields[0]}`) : 'input';
    return apiError(
      'CONFLICT',
      `${field}: er bestaat al een record met deze ${labels.join(' en ') || 'waarde'}.`,
      `A record with this ${fields.join(', ') || 'value'} already exists.`,
      { reason: 'unique', entity: model, field, fields },
    );
  }
  if (error.code === 'P2003') {
    const column = info.fields?.[0] ?? columnFromForeignKey(info.constraint);
    if (operation === 'delete') {
      return apiError(
        'CONFLICT',
        'Dit record kan niet worden verwijderd: er verwijzen nog andere records naar.',
        'This record cannot be deleted: other records still refer to it.',
        { reason: 'referenced', entity: model },
      );
    }
    const field = column ? (fieldPaths[column] ?? `input.${column}`) : 'input';
    return badUserInput([
      {
        field,
        reason: 'not_found',
        message: 'verwijst naar een record dat niet bestaat.',
        messageEn: 'refers to a record that does not exist.',
      },
    ]);
  }
  return undefined;
}

/** A request that contradicts the current state of the data: CONFLICT with a machine-readable reason. */
export function conflict(
  reason: string,
  message: string,
  messageEn: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return apiError('CONFLICT', message, messageEn, { reason, ...extensions });
}

/** Codes of errors that say "not now": the client should wait `Retry-After` seconds and send the same request again. */
export const RETRYABLE_CODES = ['OVERLOADED', 'TRY_AGAIN', 'DATABASE_UNAVAILABLE'] as const;
export type RetryableCode = (typeof RETRYABLE_CODES)[number];

export function retryable(code: RetryableCode, reason: string, retryAfterSeconds: number): GraphQLError {
  const texts: Record<RetryableCode, [string, string]> = {
    OVERLOADED: ['De server is op dit moment te druk.', 'The server is too busy right now.'],
    TRY_AGAIN: [
      'De database kon uw verzoek nu niet op tijd verwerken; er is niets gewijzigd.',
      'The database could not take your request in time; nothing was changed.',
    ],
    DATABASE_UNAVAILABLE: ['De database is tijdelijk niet bereikbaar.', 'The database is temporarily unavailable.'],
  };
  const [nl, en] = texts[code];
  return apiError(
    code,
    `${nl} Probeer het over ${retryAfterSeconds} seconden opnieuw.`,
    `${en} Retry in ${retryAfterSeconds} s.`,
    {
      reason,
      retryAfterSeconds,
    },
  );
}

// PostgreSQL SQLSTATEs: 08 connection exceptions and 57P0x shutdowns mean the server is gone
// or going; 57014 is our statement_timeout; 40001/40P01/53300 clear up when retried.
const UNAVAILABLE_STATES = /^(08...|57P0[1-3])$/;
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
// Prisma: P1001 can't reach, P1002 timed out reaching, P1017 server closed the connection.
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1017']);
// Raised by pg / pg-pool itself, passed through by Prisma as plain errors.
const POOL_TIMEOUT = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/;
const CONNECTION_LOST = /Connection terminated|ECONNREFUSED|ECONNRESET|Client has encountered a connection error/;

/**
 * A database failure that passes (overload, the server restarting, a pool or transaction wait
 * running out) as a retryable API error; undefined for anything else. These must never reach
 * a client as an internal error: the request did nothing, and the same request later will work.
 */
export function mapTransientDatabaseError(error: unknown): GraphQLError | undefined {
  if (!(error instanceof Error)) return undefined;
  const known = error instanceof Prisma.PrismaClientKnownRequestError ? error : undefined;
  const cause = (
    (known?.meta as Record<string, unknown> | undefined)?.driverAdapterError as
      | { cause?: Record<string, unknown> }
      | undefined
  )?.cause;
  const state = String(cause?.originalCode ?? cause?.code ?? (error as { code?: unknown }).code ?? '');
  const kind = String(cause?.kind ?? '');
  if (known?.code === 'P2028') return retryable('TRY_AGAIN', 'transaction_wait', 1);
  if (known?.code === 'P2024' || POOL_TIMEOUT.test(error.message)) return retryable('TRY_AGAIN', 'connection_wait', 1);
  if (state === '57014') return retryable('OVERLOADED', 'statement_timeout', 2);
  if (
    state === '40001' ||
    state === '40P01' ||
    state === '53300' ||
    kind === 'TooManyConnections' ||
    kind === 'TransactionWriteConflict'
  ) {
    return retryable('TRY_AGAIN', 'contention', 1);
  }
  if (
    UNAVAILABLE_PRISMA.has(known?.code ?? '') ||
    UNAVAILABLE_KINDS.has(kind) ||
    UNAVAILABLE_STATES.test(state) ||
    error instanceof Prisma.PrismaClientInitializationError ||
    CONNECTION_LOST.test(error.message)
  ) {
    return retryable('DATABASE_UNAVAILABLE', 'database_unreachable', 2);
  }
  return undefined;
}
