// Loads the monitoring records (locations, capacity, quotas, indicators, measurements, the 5.3
// budget) the same way as the register: matched on natural keys, written only when different.
// Locations and quotas refer to each other (replaced by, part of); the extractor lists the
// referred-to ones first, so resolving codes in list order always finds them.
import type { MonitoringRecords } from './extract/records.js';
import { type EntityCounts, type Tx, byKey, emptyCounts, required, sync, toDate } from './sync.js';

export type MonitoringCounts = Record<
  | 'locations'
  | 'locationCapacities'
  | 'locationActions'
  | 'quotas'
  | 'indicators'
  | 'measurements'
  | 'budgetLines'
  | 'budgetAmounts'
  | 'budgetStatedTotals',
  EntityCounts
>;

export const emptyMonitoringCounts = (): MonitoringCounts => ({
  locations: emptyCounts(),
  locationCapacities: emptyCounts(),
  locationActions: emptyCounts(),
  quotas: emptyCounts(),
  indicators: emptyCounts(),
  measurements: emptyCounts(),
  budgetLines: emptyCounts(),
  budgetAmounts: emptyCounts(),
  budgetStatedTotals: emptyCounts(),
});

interface Known {
  sections: Map<string, { id: string }>;
  actions: Map<string, { id: string }>;
  targetGroups: Map<string, { id: string }>;
}

export async function loadMonitoring(
  tx: Tx,
  records: MonitoringRecords,
  counts: MonitoringCounts,
  known: Known,
): Promise<void> {
  const bump = { version: { increment: 1 } } as const;
  const group = (name: string | null) => (name ? required(known.targetGroups, name, 'TargetGroup').id : null);
  const section = (code: string) => required(known.sections, code, 'Section').id;

  const existingLocations = byKey(await tx.location.findMany(), 'code');
  const locations = new Map<string, { id: string }>();
  for (const record of records.locations) {
    const synced = await sync(
      counts.locations,
      existingLocations,
      [
        {
          key: record.code,
          data: {
            name: record.name,
            kind: record.kind,
            status: record.status,
            operator: record.operator,
            address: record.address,
            opensOn: toDate(record.opensOn),
            closesOn: toDate(record.closesOn),
            closesText: record.closesText,
            replacedById: record.replacedBy ? required(locations, record.replacedBy, 'Location').id : null,
            partOfId: record.partOf ? required(locations, record.partOf, 'Location').id : null,
            targetGroupId: group(record.targetGroup),
            sectionId: section(record.sectionCode),
            sourceText: record.sourceText,
            notes: record.notes,
          },
        },
      ],
      {
        create: (code, data) => tx.location.create({ data: { code, ...data } }),
        update: (id, changed) => tx.location.update({ where: { id }, data: { ...changed, ...bump } }),
      },
    );
    locations.set(record.code, synced.get(record.code)!);
  }

  const existingLinks = await tx.locationAction.findMany();
  for (const record of records.locations) {
    const locationId = locations.get(record.code)!.id;
    const wanted = new Set(record.actionCodes.map((code) => required(known.actions, code, 'Action').id));
    for (const row of existingLinks.filter((l) => l.locationId === locationId)) {
      if (wanted.delete(row.actionId)) {
        counts.locationActions.unchanged++;
      } else {
        await tx.locationAction.delete({ where: { locationId_actionId: { locationId, actionId: row.actionId } } });
        counts.locationActions.deleted++;
      }
    }
    for (const actionId of wanted) {
      await tx.locationAction.create({ data: { locationId, actionId } });
      counts.locationActions.created++;
    }
  }

  await sync(
    counts.locationCapacities,
    byKey(await tx.locationCapacity.findMany({ where: { key: { not: null } } }), 'key'),
    records.capacities.map((c) => ({
      key: c.key,
      data: {
        locationId: required(locations, c.locationCode, 'Location').id,
        validFrom: toDate(c.validFrom),
        validTo: toDate(c.validTo),
        places: c.places,
        referenceDate: toDate(c.referenceDate),
        sourceText: c.sourceText,
      },
    })),
    {
      create: (key, data) => tx.locationCapacity.create({ data: { key, ...data } }),
      update: (id, changed) => tx.locationCapacity.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  const existingQuotas = byKey(await tx.quota.findMany(), 'code');
  const quotas = new Map<string, { id: string }>();
  for (const record of records.quotas) {
    const synced = await sync(
      counts.quotas,
      existingQuotas,
      [
        {
          key: record.code,
          data: {
            name: record.name,
            kind: record.kind,
            binding: record.binding,
            legalBasis: record.legalBasis,
            periodStart: toDate(record.periodStart),
            periodEnd: toDate(record.periodEnd),
            deadline: toDate(record.deadline),
            target: record.target,
            unit: record.unit,
            carriedOverBacklog: record.carriedOverBacklog,
            statedTotal: record.statedTotal,
            partOfId: record.partOf ? required(quotas, record.partOf, 'Quota').id : null,
            targetGroupId: group(record.targetGroup),
            sectionId: section(record.sectionCode),
            sourceText: record.sourceText,
          },
        },
      ],
      {
        create: (code, data) => tx.quota.create({ data: { code, ...data } }),
        update: (id, changed) => tx.quota.update({ where: { id }, data: { ...changed, ...bump } }),
      },
    );
    quotas.set(record.code, synced.get(record.code)!);
  }

  const indicators = await sync(
    counts.indicators,
    byKey(await tx.indicator.findMany(), 'code'),
    records.indicators.map((i) => ({
      key: i.code,
      data: {
        name: i.name,
        unit: i.unit,
        scope: i.scope,
        target: i.target,
        targetText: i.targetText,
        description: i.description,
        targetGroupId: group(i.targetGroup),
        sectionId: section(i.sectionCode),
      },
    })),
    {
      create: (code, data) => tx.indicator.create({ data: { code, ...data } }),
      update: (id, changed) => tx.indicator.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  await sync(
    counts.measurements,
    byKey(await tx.measurement.findMany({ where: { key: { not: null } } }), 'key'),
    records.measurements.map((m) => ({
      key: m.key,
      data: {
        quotaId: m.quotaCode ? required(quotas, m.quotaCode, 'Quota').id : null,
        indicatorId: m.indicatorCode ? required(indicators, m.indicatorCode, 'Indicator').id : null,
        date: toDate(m.date),
        dateText: m.dateText,
        value: m.value,
        valueMax: m.valueMax,
        qualifier: m.qualifier,
        sourceText: m.sourceText,
        comment: m.comment,
      },
    })),
    {
      create: (key, data) => tx.measurement.create({ data: { key, ...data, date: data.date! } }),
      update: (id, changed) =>
        tx.measurement.update({ where: { id }, data: { ...changed, date: changed.date ?? undefined, ...bump } }),
    },
  );

  // A budget line's natural key is code and title together: 4.1 2.B appears twice.
  const lineKey = (code: string, title: string) => `${code}\u0000${title}`;
  const existingLines = new Map((await tx.budgetLine.findMany()).map((row) => [lineKey(row.code, row.title), row]));
  const budgetLines = await sync(
    counts.budgetLines,
    existingLines,
    records.budgetLines.map((line) => ({
      key: lineKey(line.code, line.title),
      data: {
        sortOrder: line.sortOrder,
        sectionId: section(line.sectionCode),
        actionId: line.actionCode ? required(known.actions, line.actionCode, 'Action').id : null,
        sourceText: line.sourceText,
      },
    })),
    {
      create: (key, data) => {
        const [code, title] = key.split('\u0000') as [string, string];
        return tx.budgetLine.create({ data: { code, title, ...data } });
      },
      update: (id, changed) => tx.budgetLine.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  const existingAmounts = new Map(
    (await tx.budgetAmount.findMany()).map((row) => [`${row.budgetLineId}/${row.year}`, row]),
  );
  await sync(
    counts.budgetAmounts,
    existingAmounts,
    records.budgetLines.flatMap((line) => {
      const budgetLineId = budgetLines.get(lineKey(line.code, line.title))!.id;
      return line.amounts.map((amount) => ({
        key: `${budgetLineId}/${amount.year}`,
        data: { amountCents: amount.amountCents, funding: amount.funding, fundingSource: amount.fundingSource },
      }));
    }),
    {
      create: (key, data) => {
        const [budgetLineId, year] = key.split('/') as [string, string];
        return tx.budgetAmount.create({ data: { budgetLineId, year: Number(year), ...data } });
      },
      update: (id, changed) => tx.budgetAmount.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  await sync(
    counts.budgetStatedTotals,
    byKey(await tx.budgetStatedTotal.findMany(), 'year'),
    records.budgetTotals.map((total) => ({
      key: String(total.year),
      data: { amountCents: total.amountCents, sourceText: total.sourceText },
    })),
    {
      create: (year, data) => tx.budgetStatedTotal.create({ data: { year: Number(year), ...data } }),
      update: (id, changed) => tx.budgetStatedTotal.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );
}
