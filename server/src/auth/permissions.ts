// Who may manage accounts and tokens, as rules (auth/rules.ts) that scope-auth evaluates on
// the fields of schema/auth.ts.
import { type AccessRule, anyone, rule } from './rules.js';

/** users, user, createUser, updateUser, setUserPassword, and the User type. */
export const manageUsers: AccessRule = rule('beheerders | administrators', ['ADMIN']);

/** apiTokens, issueApiToken, revokeApiToken, and the ApiToken/IssuedApiToken types. */
export const manageApiTokens: AccessRule = rule('beheerders | administrators', ['ADMIN']);

/** login, logout and me: every caller; me answers null for anyone but a signed-in user. */
export const ownSession: AccessRule = anyone;
