// Who may read the audit trail: ADMIN all of it; the keepers of an entity (the users its write
// rule admits, or its declared `history` rule) the events of that entity type; nobody else
// (viewers, partner tokens, anonymous visitors). Before and after values can hold more than the
// register shows, so this is deliberately narrow. Derived from the entity registry, so a new
// entity's keepers read its history without a list kept here.
import { canReadHistory, registeredEntities } from '../auth/registry.js';
import type { Identity } from '../context.js';

/** 'all', or the entity types whose events this identity may read (possibly none). */
export function readableAuditEntityTypes(identity: Identity): 'all' | string[] {
  if (identity.kind !== 'user') return [];
  if (identity.roles.includes('ADMIN')) return 'all';
  return registeredEntities()
    .filter((entity) => canReadHistory(identity, entity.name))
    .map((entity) => entity.name);
}

export function canReadAudit(identity: Identity, entityType: string): boolean {
  return canReadHistory(identity, entityType);
}
