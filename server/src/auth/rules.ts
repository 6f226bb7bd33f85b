// Who may do what, as named rules that both the schema (Pothos scope-auth) and the list
// machinery (filters, sorting, search) evaluate, so a field one may not read can neither be
// filtered nor sorted by. ADMIN implies every role.
import type { Role } from '@welkom/db';
import { type Identity, hasRole } from '../context.js';

export interface AccessRule {
  /** Dutch | English, shown in the schema's descriptions. */
  description: string;
  allows: (identity: Identity) => boolean;
}

export const anyone: AccessRule = {
  description: 'iedereen | anyone',
  allows: () => true,
};

export const nobody: AccessRule = {
  description: 'niemand | no one',
  allows: () => false,
};

export const signedIn: AccessRule = {
  description: 'ingelogde medewerkers | signed-in staff',
  allows: (identity) => identity.kind === 'user',
};

export function roles(...allowed: Role[]): AccessRule {
  const names = allowed.join(', ');
  return {
    description: `rollen ${names} (en ADMIN) | roles ${names} (and ADMIN)`,
    allows: (identity) => allowed.some((role) => hasRole(identity, role)),
  };
}

export function tokenScope(scope: string): AccessRule {
  return {
    description: `API-sleutels met ${scope} | API tokens with ${scope}`,
    allows: (identity) => identity.kind === 'token' && identity.scopes.includes(scope),
  };
}

export function either(...rules: AccessRule[]): AccessRule {
  return {
    description: rules.map((rule) => rule.description.split(' | ')[0]).join(' of ') +
      ' | ' + rules.map((rule) => rule.description.split(' | ')[1]).join(' or '),
    allows: (identity) => rules.some((rule) => rule.allows(identity)),
  };
}

/** Access to an entity: who may read it, who may change it, and fields with a stricter read rule. */
export interface EntityAccess {
  read: AccessRule;
  write: AccessRule;
  fields?: Record<string, AccessRule>;
}

/** The published programme register: readable by anyone, kept by programme secretaries. */
export const publicRegister: EntityAccess = {
  read: anyone,
  write: roles('SECRETARY'),
};
