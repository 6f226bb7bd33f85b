// Fields whose values never reach the audit trail in clear text (personal special-category
// data, secrets). A domain module registers them when it defines its entity, e.g.
//   markSensitive('PanelMember', ['healthNotes', 'residenceStatus']);
// The event still names such a field in `changedFields`, so that a change stays visible.
import type { JsonObject, JsonValue } from './serialize.js';

/** What a sensitive value is replaced by in `before` and `after`. */
export const REDACTED: JsonObject = Object.freeze({ redacted: true }) as JsonObject;

const sensitiveFields = new Map<string, Set<string>>();

export function markSensitive(entityType: string, fields: readonly string[]): void {
  const set = sensitiveFields.get(entityType) ?? new Set<string>();
  for (const field of fields) set.add(field);
  sensitiveFields.set(entityType, set);
}

/**
 * A copy with every sensitive top-level field replaced by the marker, null included: whether
 * such a field is empty can itself be telling.
 */
export function redact(entityType: string, values: JsonObject | null): JsonObject | null {
  const sensitive = sensitiveFields.get(entityType);
  if (!values || !sensitive?.size) return values;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(values)) {
    result[key] = sensitive.has(key) ? (REDACTED as JsonValue) : value;
  }
  return result;
}

// Secrets of the security models: a changed password or token shows as a changed field only.
markSensitive('User', ['passwordHash']);
markSensitive('Session', ['tokenHash']);
markSensitive('ApiToken', ['secretHash']);
