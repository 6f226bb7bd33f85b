import { createTestDatabase, type TestDatabase } from '@welkom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractProgramme } from './extract/programme.js';
import { loadProgramme, type LoadCounts } from './load.js';
import { readSourceDocument } from './source.js';

const records = extractProgramme(readSourceDocument());

/** Every row's id, version and updatedAt, per table: what a no-op load must leave alone. */
async function snapshot(db: TestDatabase) {
  const stamp = (rows: { id: string; version: number; updatedAt: Date }[]) =>
    rows.map((row) => `${row.id}:${row.version}:${row.updatedAt.toISOString()}`).sort();
  const links = (
    rows: {
      actionId: string;
      partnerId?: string;
      targetGroupId?: string;
      role?: string | null;
      sourceName?: string | null;
    }[],
  ) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    themes: stamp(await db.prisma.theme.findMany()),
    sections: stamp(await db.prisma.section.findMany()),
    goals: stamp(await db.prisma.goal.findMany()),
    actions: stamp(await db.prisma.action.findMany()),
    partners: stamp(await db.prisma.partner.findMany()),
    targetGroups: stamp(await db.prisma.targetGroup.findMany()),
    preconditions: stamp(await db.prisma.precondition.findMany()),
    notes: stamp(await db.prisma.dataQualityNote.findMany()),
    actionPartners: links(await db.prisma.actionPartner.findMany()),
    actionTargetGroups: links(await db.prisma.actionTargetGroup.findMany()),
    locations: stamp(await db.prisma.location.findMany()),
    capacities: stamp(await db.prisma.locationCapacity.findMany()),
    quotas: stamp(await db.prisma.quota.findMany()),
    indicators: stamp(await db.prisma.indicator.findMany()),
    measurements: stamp(await db.prisma.measurement.findMany()),
    budgetLines: stamp(await db.prisma.budgetLine.findMany()),
    budgetAmounts: stamp(await db.prisma.budgetAmount.findMany()),
    locationActions: (await db.prisma.locationAction.findMany()).map((row) => JSON.stringify(row)).sort(),
  };
}

const total = (counts: LoadCounts, field: 'created' | 'updated' | 'deleted' | 'unchanged') =>
  Object.values(counts).reduce((sum, c) => sum + c[field], 0);

describe('loadProgramme', () => {
  let db: TestDatabase;
  let first: LoadCounts;
  beforeAll(async () => {
    db = await createTestDatabase();
    first = await loadProgramme(db.prisma, records);
  });
  afterAll(() => db?.drop());

  it('creates every record on the first load', async () => {
    expect(first.themes).toEqual({ created: 5, updated: 0, unchanged: 0, deleted: 0 });
    expect(first.sections.created).toBe(records.sections.length);
    expect(first.goals.created).toBe(records.goals.length);
    expect(first.actions.created).toBe(56);
    expect(first.partners.created).toBe(records.partners.length);
    expect(first.targetGroups.created).toBe(records.targetGroups.length);
    expect(first.dataQualityNotes.created).toBe(records.notes.length);
    expect(first.actionPartners.created).toBe(records.actions.reduce((n, a) => n + a.partners.length, 0));
    expect(first.preconditions.created).toBe(records.actions.reduce((n, a) => n + a.preconditions.length, 0));
    expect(total(first, 'updated') + total(first, 'deleted') + total(first, 'unchanged')).toBe(0);
    expect(first.locations.created).toBe(records.monitoring.locations.length);
    expect(first.measurements.created).toBe(records.monitoring.measurements.length);
    expect(first.budgetAmounts.created).toBe(records.monitoring.budgetLines.reduce((n, l) => n + l.amounts.length, 0));
    expect(first.budgetStatedTotals.created).toBe(4);
  });

  it('links monitoring records by natural keys: replacements, groups, actions', async () => {
    const ships = await db.prisma.location.findUniqueOrThrow({
      where: { code: 'oekraine-waalhaven' },
      include: {
        replacedBy: true,
        partOf: { include: { capacities: true } },
        actionLinks: { include: { action: true } },
      },
    });
    expect(ships.replacedBy?.code).toBe('oekraine-vervanging-waalhaven-tarweweg');
    expect(ships.partOf?.capacities.map((c) => c.places)).toEqual([785]);
    expect(ships.actionLinks.map((l) => l.action.code)).toEqual(['1.2 1.A']);
    const line = await db.prisma.budgetLine.findFirstOrThrow({
      where: { code: '2.1 4.A' },
      include: { action: true, amounts: { orderBy: { year: 'asc' } } },
    });
    expect(line.action?.code).toBe('2.1 4.A');
    expect(line.amounts.map((a) => a.amountCents)).toEqual([25_000_000, 25_000_000, 2_500_000, 25_000_000]);
  });

  it('stores what the document says, linked by natural keys', async () => {
    const action = await db.prisma.action.findUniqueOrThrow({
      where: { code: '3.5 1.A' },
      include: {
        goal: { include: { section: true } },
        partnerLinks: { include: { partner: true } },
        dataQualityNotes: true,
      },
    });
    expect(action.goal.code).toBe('3.5 1');
    expect(action.goal.section.code).toBe('3.5');
    expect(action.organisationsText).toBe('Binkracht10 / VWN');
    expect(action.startDate?.toISOString().slice(0, 10)).toBe('2025-01-01');
    expect(action.endDate?.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(action.partnerLinks.map((l) => [l.partner.name, l.sourceName]).sort()).toEqual([
      ['Bindkracht10', 'Binkracht10'],
      ['VluchtelingenWerk', 'VWN'],
    ]);
    expect(action.dataQualityNotes.map((n) => n.key).sort()).toEqual([
      'partner-misspelt/3.5 1.A/Binkracht10',
      'theme-reference-missing/5/3.5 1.A',
    ]);
    const note = await db.prisma.dataQualityNote.findUniqueOrThrow({
      where: { key: 'partner-misspelt/3.5 1.A/Binkracht10' },
    });
    expect(note.partnerId).not.toBeNull();
    expect(note.themeId).not.toBeNull();
  });

  it('changes nothing when it runs a second time: counts, versions and updatedAt', async () => {
    const before = await snapshot(db);
    const second = await loadProgramme(db.prisma, records);
    expect(total(second, 'created') + total(second, 'updated') + total(second, 'deleted')).toBe(0);
    expect(second.actions.unchanged).toBe(56);
    expect(second.dataQualityNotes.unchanged).toBe(records.notes.length);
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates only what differs, bumps its version and keeps what people edited', async () => {
    const target = await db.prisma.action.findUniqueOrThrow({
      where: { code: '1.1 2.A' },
      include: { preconditions: true },
    });
    await db.prisma.action.update({
      where: { id: target.id },
      data: { description: 'handmatig gewijzigd', status: 'RUNNING' },
    });
    await db.prisma.precondition.updateMany({ where: { actionId: target.id, sortOrder: 0 }, data: { met: true } });

    const counts = await loadProgramme(db.prisma, records);
    expect(counts.actions).toEqual({ created: 0, updated: 1, unchanged: 55, deleted: 0 });
    const after = await db.prisma.action.findUniqueOrThrow({
      where: { id: target.id },
      include: { preconditions: true },
    });
    expect(after.description).toBe(records.actions.find((a) => a.code === '1.1 2.A')!.description);
    expect(after.version).toBe(target.version + 1);
    expect(after.status).toBe('RUNNING');
    expect(after.preconditions.find((p) => p.sortOrder === 0)!.met).toBe(true);
  });

  it('gives an action loaded before statuses were read its document status once, then leaves it alone', async () => {
    // As a database from before the status reading holds it: the old default, no source.
    await db.prisma.action.update({ where: { code: '4.1 1.A' }, data: { status: 'PLANNED', statusSource: null } });
    const first = await loadProgramme(db.prisma, records);
    expect(first.actions.updated).toBe(1);
    const read = await db.prisma.action.findUniqueOrThrow({ where: { code: '4.1 1.A' } });
    expect(read).toMatchObject({ status: 'RUNNING', statusSource: expect.stringContaining('"Doorlopend"') });
    const second = await loadProgramme(db.prisma, records);
    expect(second.actions).toEqual({ created: 0, updated: 0, unchanged: 56, deleted: 0 });
  });

  it('replaces links and preconditions that the records no longer have', async () => {
    const changed = structuredClone(records);
    const action = changed.actions.find((a) => a.code === '1.1 1.A')!;
    action.partners = [{ partnerName: 'VluchtelingenWerk', sourceName: 'VWN', role: null }];
    action.preconditions = action.preconditions.slice(0, 2);
    action.targetGroups = ['Vluchtelingen'];

    const counts = await loadProgramme(db.prisma, changed);
    expect(counts.actionPartners).toMatchObject({ created: 1, deleted: 1 });
    expect(counts.preconditions.deleted).toBe(3);
    expect(counts.actionTargetGroups).toMatchObject({ created: 1, deleted: 1 });

    const restored = await loadProgramme(db.prisma, records);
    expect(restored.actionPartners).toMatchObject({ created: 1, deleted: 1 });
    expect(restored.preconditions.created).toBe(3);
  });
});
