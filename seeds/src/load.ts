// Loads extracted records idempotently: every row is matched on its natural key (theme number,
// section/goal/action code, partner and target group name, note key) and written only when its
// content differs, so a second run changes nothing: no version bump, no new updatedAt.
// Fields people edit in the console (action status, owner, notes; a precondition's met/comment;
// a note's status) are never overwritten. Rows the document no longer has are left alone.
import { initialStatus } from './extract/status.js';
import type { PrismaClient } from '@welkom/db';
import type { NoteSubject, ProgrammeRecords } from './extract/records.js';
import { type MonitoringCounts, emptyMonitoringCounts, loadMonitoring } from './load-monitoring.js';
import { loadSubsidies } from './load-subsidies.js';
import { type EntityCounts, type Tx, byKey, emptyCounts, required, sync, toDate } from './sync.js';

export type { EntityCounts } from './sync.js';

export type LoadCounts = Record<
  | 'themes'
  | 'sections'
  | 'goals'
  | 'partners'
  | 'targetGroups'
  | 'actions'
  | 'preconditions'
  | 'actionPartners'
  | 'actionTargetGroups'
  | 'dataQualityNotes'
  | 'subsidySchemes',
  EntityCounts
> &
  MonitoringCounts;

export interface LoadOptions {
  /** Interactive transaction timeout in ms; the first load writes a few hundred rows. */
  timeout?: number;
}

export async function loadProgramme(
  prisma: PrismaClient,
  records: ProgrammeRecords,
  options: LoadOptions = {},
): Promise<LoadCounts> {
  return prisma.$transaction((tx) => loadInTransaction(tx, records), {
    timeout: options.timeout ?? 120_000,
    maxWait: 10_000,
  });
}

async function loadInTransaction(tx: Tx, records: ProgrammeRecords): Promise<LoadCounts> {
  const counts: LoadCounts = {
    themes: emptyCounts(),
    sections: emptyCounts(),
    goals: emptyCounts(),
    partners: emptyCounts(),
    targetGroups: emptyCounts(),
    actions: emptyCounts(),
    preconditions: emptyCounts(),
    actionPartners: emptyCounts(),
    actionTargetGroups: emptyCounts(),
    dataQualityNotes: emptyCounts(),
    subsidySchemes: emptyCounts(),
    ...emptyMonitoringCounts(),
  };
  const bump = { version: { increment: 1 } } as const;

  const themes = await sync(
    counts.themes,
    byKey(await tx.theme.findMany(), 'number'),
    records.themes.map((t) => ({ key: String(t.number), data: { name: t.name, ambition: t.ambition } })),
    {
      create: (key, data) => tx.theme.create({ data: { number: Number(key), ...data } }),
      update: (id, changed) => tx.theme.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  const sections = await sync(
    counts.sections,
    byKey(await tx.section.findMany(), 'code'),
    records.sections.map((s) => ({
      key: s.code,
      data: {
        title: s.title,
        background: s.background,
        currentState: s.currentState,
        sortOrder: s.sortOrder,
        themeId: required(themes, String(s.themeNumber), 'Theme').id,
      },
    })),
    {
      create: (code, data) => tx.section.create({ data: { code, ...data } }),
      update: (id, changed) => tx.section.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  const goals = await sync(
    counts.goals,
    byKey(await tx.goal.findMany(), 'code'),
    records.goals.map((g) => ({
      key: g.code,
      data: {
        number: g.number,
        text: g.text,
        subPoints: g.subPoints,
        sectionId: required(sections, g.sectionCode, 'Section').id,
      },
    })),
    {
      create: (code, data) => tx.goal.create({ data: { code, ...data, subPoints: [...data.subPoints] } }),
      update: (id, { subPoints, ...changed }) =>
        tx.goal.update({
          where: { id },
          data: { ...changed, ...(subPoints ? { subPoints: [...subPoints] } : {}), ...bump },
        }),
    },
  );

  const partners = await sync(
    counts.partners,
    byKey(await tx.partner.findMany(), 'name'),
    records.partners.map((p) => ({
      key: p.name,
      data: { aliases: p.aliases, kind: p.kind, description: p.description },
    })),
    {
      create: (name, data) => tx.partner.create({ data: { name, ...data, aliases: [...data.aliases] } }),
      update: (id, { aliases, ...changed }) =>
        tx.partner.update({
          where: { id },
          data: { ...changed, ...(aliases ? { aliases: [...aliases] } : {}), ...bump },
        }),
    },
  );

  const targetGroups = await sync(
    counts.targetGroups,
    byKey(await tx.targetGroup.findMany(), 'name'),
    records.targetGroups.map((g) => ({ key: g.name, data: { aliases: g.aliases, description: g.description } })),
    {
      create: (name, data) => tx.targetGroup.create({ data: { name, ...data, aliases: [...data.aliases] } }),
      update: (id, { aliases, ...changed }) =>
        tx.targetGroup.update({
          where: { id },
          data: { ...changed, ...(aliases ? { aliases: [...aliases] } : {}), ...bump },
        }),
    },
  );

  const timingOf = new Map(records.actions.map((a) => [a.code, a.timingText]));
  const initialStatusOf = (code: string) => {
    const reading = initialStatus(timingOf.get(code), records.monitoring.documentDate);
    return { status: reading.status, statusSource: reading.source };
  };
  const actions = await sync(
    counts.actions,
    byKey(await tx.action.findMany(), 'code'),
    records.actions.map((a) => ({
      key: a.code,
      data: {
        letter: a.letter,
        description: a.description,
        targetGroupsText: a.targetGroupsText,
        organisationsText: a.organisationsText,
        timingText: a.timingText,
        startDate: toDate(a.startDate),
        endDate: toDate(a.endDate),
        goalId: required(goals, a.goalCode, 'Goal').id,
      },
    })),
    {
      create: (code, data) => tx.action.create({ data: { code, ...data, ...initialStatusOf(code) } }),
      update: (id, changed) => tx.action.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );
  // An action loaded before statuses were read from the document gets its reading once; a status
  // with a source (the document's, or a person's through a progress round) is never overwritten.
  for (const [code, row] of actions) {
    if (row.statusSource === null && row.status === 'PLANNED') {
      actions.set(code, await tx.action.update({ where: { id: row.id }, data: { ...initialStatusOf(code), ...bump } }));
      counts.actions.updated++;
    }
  }

  const actionIds = [...actions.values()].map((a) => a.id);
  const existingPreconditions = await tx.precondition.findMany({ where: { actionId: { in: actionIds } } });
  const existingPartnerLinks = await tx.actionPartner.findMany({ where: { actionId: { in: actionIds } } });
  const existingGroupLinks = await tx.actionTargetGroup.findMany({ where: { actionId: { in: actionIds } } });

  for (const record of records.actions) {
    const actionId = required(actions, record.code, 'Action').id;

    // Preconditions by position. A changed text is a different precondition, so its
    // met/comment are reset; unchanged ones keep what people ticked.
    const current = byKey(
      existingPreconditions.filter((p) => p.actionId === actionId),
      'sortOrder',
    );
    await sync(
      counts.preconditions,
      current,
      record.preconditions.map((text, sortOrder) => ({ key: String(sortOrder), data: { text } })),
      {
        create: (sortOrder, data) =>
          tx.precondition.create({ data: { actionId, sortOrder: Number(sortOrder), ...data } }),
        update: (id, changed) =>
          tx.precondition.update({ where: { id }, data: { ...changed, met: false, comment: null, ...bump } }),
      },
    );
    const surplus = [...current.values()].filter((p) => p.sortOrder >= record.preconditions.length);
    if (surplus.length) {
      await tx.precondition.deleteMany({ where: { id: { in: surplus.map((p) => p.id) } } });
      counts.preconditions.deleted += surplus.length;
    }

    const wantedPartners = new Map(
      record.partners.map((link) => [required(partners, link.partnerName, 'Partner').id, link]),
    );
    for (const row of existingPartnerLinks.filter((l) => l.actionId === actionId)) {
      const link = wantedPartners.get(row.partnerId);
      const where = { actionId_partnerId: { actionId, partnerId: row.partnerId } };
      if (!link) {
        await tx.actionPartner.delete({ where });
        counts.actionPartners.deleted++;
      } else if (row.role !== link.role || row.sourceName !== link.sourceName) {
        await tx.actionPartner.update({ where, data: { role: link.role, sourceName: link.sourceName } });
        counts.actionPartners.updated++;
      } else {
        counts.actionPartners.unchanged++;
      }
      wantedPartners.delete(row.partnerId);
    }
    for (const [partnerId, link] of wantedPartners) {
      await tx.actionPartner.create({ data: { actionId, partnerId, role: link.role, sourceName: link.sourceName } });
      counts.actionPartners.created++;
    }

    const wantedGroups = new Set(record.targetGroups.map((name) => required(targetGroups, name, 'TargetGroup').id));
    for (const row of existingGroupLinks.filter((l) => l.actionId === actionId)) {
      if (wantedGroups.delete(row.targetGroupId)) {
        counts.actionTargetGroups.unchanged++;
      } else {
        await tx.actionTargetGroup.delete({
          where: { actionId_targetGroupId: { actionId, targetGroupId: row.targetGroupId } },
        });
        counts.actionTargetGroups.deleted++;
      }
    }
    for (const targetGroupId of wantedGroups) {
      await tx.actionTargetGroup.create({ data: { actionId, targetGroupId } });
      counts.actionTargetGroups.created++;
    }
  }

  // A note is linked to what it is about and to everything above it, so the console can
  // filter notes by theme or section as well.
  const subjectIds = (subject: NoteSubject) => {
    const action = subject.actionCode ? records.actions.find((a) => a.code === subject.actionCode) : undefined;
    const goalCode = subject.goalCode ?? action?.goalCode;
    const sectionCode =
      subject.sectionCode ?? action?.sectionCode ?? records.goals.find((g) => g.code === goalCode)?.sectionCode;
    const themeNumber = subject.themeNumber ?? records.sections.find((s) => s.code === sectionCode)?.themeNumber;
    return {
      themeId: themeNumber !== undefined ? required(themes, String(themeNumber), 'Theme').id : null,
      sectionId: sectionCode ? required(sections, sectionCode, 'Section').id : null,
      goalId: goalCode ? required(goals, goalCode, 'Goal').id : null,
      actionId: subject.actionCode ? required(actions, subject.actionCode, 'Action').id : null,
      partnerId: subject.partnerName ? required(partners, subject.partnerName, 'Partner').id : null,
    };
  };
  await sync(
    counts.dataQualityNotes,
    byKey(await tx.dataQualityNote.findMany(), 'key'),
    records.notes.map((note) => ({
      key: note.key,
      data: {
        title: note.title,
        description: note.description,
        sourceExcerpt: note.sourceExcerpt,
        severity: note.severity,
        ...subjectIds(note.subject),
      },
    })),
    {
      create: (key, data) => tx.dataQualityNote.create({ data: { key, ...data } }),
      update: (id, changed) => tx.dataQualityNote.update({ where: { id }, data: { ...changed, ...bump } }),
    },
  );

  await loadMonitoring(tx, records.monitoring, counts, { sections, actions, targetGroups });
  await loadSubsidies(tx, records.subsidies, counts.subsidySchemes);
  return counts;
}
