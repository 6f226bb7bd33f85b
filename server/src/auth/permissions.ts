// Who may manage accounts and tokens, as rules (auth/rules.ts) that scope-auth evaluates on
// the fields of schema/auth.ts.
import { type Identity, hasRole } from '../context.js';
import { type AccessRule, anyone, rule } from './rules.js';

export const canManageUsers = (identity: Identity) => hasRole(identity, 'ADMIN');
export const canManageApiTokens = (identity: Identity) => hasRole(identity, 'ADMIN');

/** users, user, createUser, updateUser, setUserPassword, and the User type. */
export const manageUsers: AccessRule = rule('beheerders | administrators', ['ADMIN']);

/** apiTokens, issueApiToken, revokeApiToken, and the ApiToken/IssuedApiToken types. */
export const manageApiTokens: AccessRule = rule('beheerders | administrators', ['ADMIN']);

/** login, logout and me: every caller; me answers null for anyone but a signed-in user. */
export const ownSession: AccessRule = anyone;
