// Who may report on which action: the action's owner (a user), the user a request is addressed
// to, programme secretaries, and partner tokens with progress:write for actions their
// organisation is linked to or addressed by. Pure, so the schema and the tests read one rule.
import { roles, tokenScope } from '../auth/rules.js';
import type { Identity } from '../context.js';

export const secretary = roles('SECRETARY');
export const progressWrite = tokenScope('progress:write');

export interface RequestFacts {
  actionOwnerId: string | null;
  addresseeUserId: string | null;
  addresseePartnerId: string | null;
  /** Partners linked to the action in the register (ActionPartner). */
  linkedPartnerIds: string[];
}

export function mayReport(identity: Identity, facts: RequestFacts): boolean {
  if (secretary.allows(identity)) return true;
  if (identity.kind === 'user')
    return identity.userId === facts.actionOwnerId || identity.userId === facts.addresseeUserId;
  if (identity.kind === 'token' && progressWrite.allows(identity)) {
    return identity.partnerId === facts.addresseePartnerId || facts.linkedPartnerIds.includes(identity.partnerId);
  }
  return false;
}

/** How the history names who reported or accepted. */
export function actorLabel(identity: Identity): string {
  if (identity.kind === 'user') return `${identity.name} <${identity.email}>`;
  if (identity.kind === 'token') return `${identity.label} (${identity.prefix})`;
  return 'anoniem';
}
