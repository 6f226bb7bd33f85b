// Date scalars. `Date` is a calendar date (PostgreSQL `date`, stored by Prisma as midnight
// UTC) and travels as YYYY-MM-DD; `DateTime` is an instant in ISO 8601 with offset.
import { GraphQLScalarType, Kind } from 'graphql';
import { apiError } from './api-error.js';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match) throw apiError('BAD_USER_INPUT', 'Ongeldige datum: gebruik JJJJ-MM-DD.', 'Invalid date: use YYYY-MM-DD.');
  const date = new Date(`${value as string}T00:00:00.000Z`);
  // Reject 2025-02-30 and friends, which Date would silently roll over.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw apiError('BAD_USER_INPUT', `Ongeldige datum: ${String(value)}.`, `Invalid date: ${String(value)}.`);
  }
  return date;
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw apiError('BAD_USER_INPUT', 'Ongeldig tijdstip: gebruik ISO 8601.', 'Invalid date-time: use ISO 8601.');
  }
  return date;
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new TypeError(`Not a date: ${String(value)}`);
}

export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'Kalenderdatum JJJJ-MM-DD | Calendar date YYYY-MM-DD',
  serialize: (value) => toDate(value).toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'Tijdstip in ISO 8601 | Instant in ISO 8601',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
