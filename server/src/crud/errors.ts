// Errors the API returns on purpose. Each carries `extensions.code`; anything else is an
// internal error whose text never reaches the client outside development (see http/errors.ts).
import { GraphQLError } from 'graphql';
import { Prisma } from '@welkom/db';
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
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field: first?.field, reason: first?.reason, fieldErrors: errors },
  });
}

export function notFound(model: string, id: string): GraphQLError {
  const label = labelOf(getModel(model));
  return new GraphQLError(`${label} met id ${id} bestaat niet.`, {
    extensions: { code: 'NOT_FOUND', entity: model, id, messageEn: `${model} ${id} does not exist.` },
  });
}

export function staleVersion(model: string, id: string, expectedVersion: number, currentVersion: number) {
  return new GraphQLError(
    `Iemand anders heeft dit record intussen gewijzigd (u las versie ${expectedVersion}, de huidige is ${currentVersion}). Laad het opnieuw.`,
    {
      extensions: {
        code: 'CONFLICT',
        reason: 'stale_version',
        entity: model,
        id,
        expectedVersion,
        currentVersion,
        messageEn: `Someone else changed this record (you read version ${expectedVersion}, current is ${currentVersion}). Reload it.`,
      },
    },
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
    return new GraphQLError(`${field}: er bestaat al een record met deze ${labels.join(' en ') || 'waarde'}.`, {
      extensions: {
        code: 'CONFLICT',
        reason: 'unique',
        entity: model,
        field,
        fields,
        messageEn: `A record with this ${fields.join(', ') || 'value'} already exists.`,
      },
    });
  }
  if (error.code === 'P2003') {
    const column = info.fields?.[0] ?? columnFromForeignKey(info.constraint);
    if (operation === 'delete') {
      return new GraphQLError('Dit record kan niet worden verwijderd: er verwijzen nog andere records naar.', {
        extensions: {
          code: 'CONFLICT',
          reason: 'referenced',
          entity: model,
          messageEn: 'This record cannot be deleted: other records still refer to it.',
        },
      });
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
export function conflict(reason: string, message: string, messageEn: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', reason, ...extensions, messageEn } });
}
