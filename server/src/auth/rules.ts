// Who may do what, as named rules that both the schema (Pothos scope-auth) and the list
// machinery (filters, sorting, search) evaluate, so a field one may not read can neither be
// filtered nor sorted by. ADMIN implies every role.
import type { Role } from '@welkom/db';
import type { Identity } from '../context.js';

/**
 * Who a rule admits, as data: `anyone`, `staff` (any signed-in user), a role name (held as
 * such: ADMIN's implication is spelled out by listing ADMIN), or `token:<scope>`. The schema
 * publishes it (the `@access` directive) and the console reads it; nothing parses prose.
 */
export type Audience = 'anyone' | 'staff' | Role | `token:${string}`;

export interface AccessRule {
  /** Dutch | English, shown in the schema's descriptions. */
  description: string;
  /** Who the rule admits; `allows` is derived from it, so the published data cannot drift. */
  audience: readonly Audience[];
  allows: (identity: Identity) => boolean;
}

/** Whether an identity belongs to any of the audiences. */
export function admits(audience: readonly Audience[], identity: Identity): boolean {
  return audience.some((term) => {
    if (term === 'anyone') return true;
    if (term.startsWith('token:'))
      return identity.kind === 'token' && identity.scopes.includes(term.slice('token:'.length));
    if (identity.kind !== 'user') return false;
    return term === 'staff' || identity.roles.includes(term as Role);
  });
}

/** A rule admitting exactly these audiences. */
export function rule(description: string, audience: readonly Audience[]): AccessRule {
  const terms = [...new Set(audience)];
  return { description, audience: terms, allows: (identity) => admits(terms, identity) };
}

export const anyone: AccessRule = rule('iedereen | anyone', ['anyone']);

export const nobody: AccessRule = rule('niemand | no one', []);

export const signedIn: AccessRule = rule('ingelogde medewerkers | signed-in staff', ['staff']);

/** These roles, and ADMIN, which implies every role. */
export function roles(...allowed: Role[]): AccessRule {
  const names = allowed.join(', ');
  return rule(`rollen ${names} (en ADMIN) | roles ${names} (and ADMIN)`, [...allowed, 'ADMIN']);
}

export function tokenScope(scope: string): AccessRule {
  return rule(`API-sleutels met ${scope} | API tokens with ${scope}`, [`token:${scope}`]);
}

export function either(...rules: AccessRule[]): AccessRule {
  return rule(
    rules.map((one) => one.description.split(' | ')[0]).join(' of ') +
      ' | ' +
      rules.map((one) => one.description.split(' | ')[1]).join(' or '),
    rules.flatMap((one) => one.audience),
  );
}

/** Access to an entity: who may read it, who may change it, and fields with a stricter read rule. */
export interface EntityAccess {
  read: AccessRule;
  write: AccessRule;
  /**
   * Who reads its audit trail besides ADMIN (signed-in users only): by default the users who
   * may change it, its keepers. State it when changes come only through domain operations.
   */
  history?: AccessRule;
  fields?: Record<string, AccessRule>;
}

/** The published programme register: readable by anyone, kept by programme secretaries. */
export const publicRegister: EntityAccess = {
  read: anyone,
  write: roles('SECRETARY'),
};
