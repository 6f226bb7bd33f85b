// Who may do what with subsidies: the rules the schema module, the files endpoint and the
// workflow share. Kept apart from GraphQL so every layer can ask them.
import { manageUsers } from '../auth/permissions.js';
import { roles, tokenScope } from '../auth/rules.js';
import type { Context } from '../context.js';
import { db } from '../db.js';

export const grantOfficer = roles('GRANT_OFFICER');
/** Staff who may read applications: grant officers, viewers (and ADMIN). */
export const applicationReaders = roles('GRANT_OFFICER', 'VIEWER');
export const ownApplications = tokenScope('subsidies:own');

// Who may move the limits that bind every grant: not the grant officers who decide within them
// (one of them could otherwise lift the four-eyes threshold and grant alone), but an
// administrator, audited with a reason. ADMIN implies every role and manages the accounts, so it
// is trusted anyway; what keeps it honest is the append-only audit trail.
export const schemeLimitsKeeper = {
  ...manageUsers,
  description: 'beheerders (niet subsidieadviseurs) | administrators (not grant officers)',
};

/** The actor of a transition: a user's or a token's id. */
export const identityId = (context: Pick<Context, 'identity'>) =>
  context.identity.kind === 'user'
    ? context.identity.userId
    : context.identity.kind === 'token'
      ? context.identity.tokenId
      : null;

/** For the files endpoint and letters: may this identity see this application? */
export async function canSeeApplication(context: Pick<Context, 'identity'>, applicationId: string): Promise<boolean> {
  if (applicationReaders.allows(context.identity)) return true;
  if (!ownApplications.allows(context.identity) || context.identity.kind !== 'token') return false;
  const row = await db().subsidyApplication.findUnique({
    where: { id: applicationId },
    select: { applicantId: true, state: true },
  });
  return row !== null && row.applicantId === context.identity.partnerId && row.state !== 'DRAFT';
}
