import type { DmmfField } from './dmmf.js';

/** A UUID as PostgreSQL writes it (any version); ids are checked against this before any query. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a model field is a UUID column (ids and foreign keys). */
export function isUuid(field: Pick<DmmfField, 'nativeType'>): boolean {
  return field.nativeType?.[0] === 'Uuid';
}
