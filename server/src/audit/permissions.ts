// Who may read the audit trail: ADMIN all of it; a domain's owner the events of that
// domain's entity types; nobody else (viewers, partner tokens, anonymous visitors). Before
// and after values can hold more than the register shows, so this is deliberately narrow.
import type { Role } from '@welkom/db';
import { type Identity, hasRole } from '../context.js';

/** Entity types per owning role. A new domain adds its entity types under its owner here. */
export const AUDIT_DOMAINS: Partial<Record<Role, readonly string[]>> = {
  SECRETARY: [
    'Theme',
    'Section',
    'Goal',
    'Action',
    'Partner',
    'TargetGroup',
    'Precondition',
    'DataQualityNote',
    'ActionPartner',
    'ActionTargetGroup',
    // monitoring (schema/monitoring.ts)
    'Location',
    'LocationCapacity',
    'Quota',
    'Indicator',
    'Measurement',
    'BudgetLine',
    'BudgetAmount',
    'BudgetStatedTotal',
  ],
  // Member events name changed fields only (schema/panel.ts redacts every personal field).
  PANEL_COORDINATOR: ['PanelMember', 'PanelMeeting', 'Advice', 'AdviceAction', 'AdviceTheme'],
  GRANT_OFFICER: ['SubsidyScheme', 'SubsidyApplication', 'SubsidyDocument'],
};

/** 'all', or the entity types whose events this identity may read (possibly none). */
export function readableAuditEntityTypes(identity: Identity): 'all' | string[] {
  if (identity.kind !== 'user') return [];
  if (identity.roles.includes('ADMIN')) return 'all';
  const types = new Set<string>();
  for (const [role, entityTypes] of Object.entries(AUDIT_DOMAINS) as [Role, readonly string[]][]) {
    if (hasRole(identity, role)) for (const type of entityTypes) types.add(type);
  }
  return [...types];
}

export function canReadAudit(identity: Identity, entityType: string): boolean {
  const readable = readableAuditEntityTypes(identity);
  return readable === 'all' || readable.includes(entityType);
}
