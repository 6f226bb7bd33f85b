// Values as the audit trail stores and hashes them: plain JSON only, so that what is hashed
// when an event is written is exactly what `audit:verify` reads back from the jsonb columns.
import { Prisma } from '@welkom/db';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Date -> ISO 8601, BigInt and Decimal -> string, bytes -> base64; undefined keys are left out. */
export function toJsonSafe(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  // NaN and Infinity have no JSON form; their text at least says what they were.
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (typeof value === 'object') {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && typeof item !== 'function') result[key] = toJsonSafe(item);
    }
    return result;
  }
  return String(value);
}

/**
 * JSON with object keys sorted at every level. PostgreSQL's jsonb reorders keys, so the
 * hash must not depend on the order they were written in.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Bookkeeping that changes on every write and says nothing about what the user changed. */
const IGNORED_IN_CHANGES = new Set(['version', 'updatedAt']);

/**
 * Top-level keys whose values differ. A side that is missing (create, delete) counts as
 * all-null, so a create lists the fields it gave a value and a delete the fields that had one.
 */
export function changedFieldsOf(before: JsonObject | null, after: JsonObject | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((key) => !IGNORED_IN_CHANGES.has(key))
    .filter((key) => canonicalJson(before?.[key] ?? null) !== canonicalJson(after?.[key] ?? null))
    .sort();
}
