// One registry of what the API exposes and who may reach it: every entity `defineEntity` builds,
// every link or part object, and the hand-written types whose changes are audited. Audit
// ownership (who reads an entity's history), the role-matrix test and the `@access` data the
// console reads are all derived from here, so a new entity needs no list kept elsewhere.
import type { Identity } from '../context.js';
import { type AccessRule, type EntityAccess, rule } from './rules.js';

export interface RegisteredEntity {
  /** The GraphQL type and the audit trail's entityType, e.g. `Action`. */
  name: string;
  /** `entity`: uniform queries and mutations (defineEntity); `part`: read through its parent; `type`: hand-written. */
  kind: 'entity' | 'part' | 'type';
  /** The list query of an entity (`actions`). */
  plural?: string;
  read: AccessRule;
  write: AccessRule;
  /** Who reads its audit trail besides ADMIN (signed-in users only). */
  history: AccessRule;
}

const entities = new Map<string, RegisteredEntity>();

/** Who keeps an entity reads its history: the users its write rule admits (tokens never read the trail). */
function keepersOf(write: AccessRule): AccessRule {
  const users = write.audience.filter((term) => term !== 'anyone' && !term.startsWith('token:'));
  return rule(write.description, users);
}

export function registerEntity(
  name: string,
  kind: RegisteredEntity['kind'],
  access: Pick<EntityAccess, 'read' | 'write' | 'history'>,
  plural?: string,
): RegisteredEntity {
  if (entities.has(name)) throw new Error(`${name} is registered twice.`);
  const entry: RegisteredEntity = {
    name,
    kind,
    ...(plural ? { plural } : {}),
    read: access.read,
    write: access.write,
    history: access.history ?? keepersOf(access.write),
  };
  entities.set(name, entry);
  return entry;
}

export function registeredEntity(name: string): RegisteredEntity | undefined {
  return entities.get(name);
}

/** Everything registered, in registration order. */
export function registeredEntities(): readonly RegisteredEntity[] {
  return [...entities.values()];
}

/** Whether this identity may read the audit trail of an entity type: ADMIN all; a signed-in keeper its own. */
export function canReadHistory(identity: Identity, entityType: string): boolean {
  if (identity.kind !== 'user') return false;
  if (identity.roles.includes('ADMIN')) return true;
  return entities.get(entityType)?.history.allows(identity) ?? false;
}
