// Loads the subsidy schemes the document names, matched on name. Only what the document says
// is synced (year, description); the limits are set by an administrator (setSubsidySchemeLimits)
// and the decision term by the grant officers, so a second import never resets them.
import type { SubsidyRecords } from './extract/records.js';
import { type EntityCounts, type Tx, byKey, sync } from './sync.js';

export async function loadSubsidies(tx: Tx, records: SubsidyRecords, counts: EntityCounts): Promise<void> {
  await sync(
    counts,
    byKey(await tx.subsidyScheme.findMany({ where: { isDemo: false } }), 'name'),
    records.schemes.map((scheme) => ({
      key: scheme.name,
      data: { year: scheme.year, description: scheme.description },
    })),
    {
      create: (name, data) => tx.subsidyScheme.create({ data: { name, ...data, ceilingCents: null } }),
      update: (id, changed) =>
        tx.subsidyScheme.update({ where: { id }, data: { ...changed, version: { increment: 1 } } }),
    },
  );
}
