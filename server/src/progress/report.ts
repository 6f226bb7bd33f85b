// The progress report of a round, as one model that both the Word and the PDF writers render:
// per theme, section and goal each action with status, assessment and the accepted text; what
// changed since the previous round; quota attainment and capacity on the round's date; budget
// plan vs committed vs spent; and the data-quality notes still open. Dutch, numbered as the
// document numbers.
import type { ActionStatus, ProgressAssessment } from '@welkom/db';
import { db } from '../db.js';
import { type RealisationTotal, realisationByLine, totalsBy } from './budget.js';
import { lateReasons } from './lateness.js';
import { previousRound } from './rounds.js';

export const STATUS_NL: Record<ActionStatus, string> = {
  PLANNED: 'Gepland',
  RUNNING: 'Loopt',
  DONE: 'Afgerond',
  POSTPONED: 'Uitgesteld',
  REVISED: 'Herzien',
  CANCELLED: 'Geschrapt',
  UNKNOWN: 'Onbekend',
};
export const ASSESSMENT_NL: Record<ProgressAssessment, string> = {
  ON_TRACK: 'Op koers',
  AT_RISK: 'Risico',
  BEHIND: 'Achter',
};

export interface ReportAction {
  code: string;
  description: string;
  status: string;
  assessment: string;
  happened: string | null;
  nextSteps: string | null;
  risks: string | null;
  /** How this round's update stands: accepted text is shown, anything else says so. */
  reported: 'ACCEPTED' | 'NOT_ACCEPTED' | 'NOT_IN_ROUND';
}

export interface ProgressReport {
  title: string;
  round: { title: string; periodStart: Date; periodEnd: Date; dueOn: Date };
  previousTitle: string | null;
  themes: {
    number: number;
    name: string;
    sections: { code: string; title: string; goals: { code: string; text: string; actions: ReportAction[] }[] }[];
  }[];
  changes: { statusChanges: { code: string; from: string; to: string }[]; newlyLate: string[]; finished: string[] };
  quotas: {
    code: string;
    name: string;
    target: number;
    realised: number | null;
    realisedOn: Date | null;
    unit: string;
  }[];
  capacity: { places: number; locations: number };
  budget: { byTheme: RealisationTotal[]; byYear: RealisationTotal[]; total: RealisationTotal };
  openNotes: { key: string; title: string; severity: string }[];
}

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
export const formatDay = (date: Date) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

export async function buildReport(roundId: string): Promise<ProgressReport> {
  const client = db();
  const round = await client.progressRound.findUniqueOrThrow({ where: { id: roundId } });
  const on = round.periodEnd;
  const [themes, updates, previous, quotas, capacity, notes, budgetRows] = await Promise.all([
    client.theme.findMany({
      orderBy: { number: 'asc' },
      select: {
        number: true,
        name: true,
        sections: {
          orderBy: { code: 'asc' },
          select: {
            code: true,
            title: true,
            goals: {
              orderBy: { number: 'asc' },
              select: {
                code: true,
                text: true,
                actions: {
                  orderBy: { code: 'asc' },
                  select: { id: true, code: true, description: true, status: true, assessment: true, endDate: true },
                },
              },
            },
          },
        },
      },
    }),
    client.progressUpdate.findMany({ where: { roundId } }),
    previousRound(client, round),
    client.$queryRaw<
      { code: string; name: string; target: number; unit: string; value: number | null; date: Date | null }[]
    >`
      SELECT q.code, q.name, q.target + q."carriedOverBacklog" AS target, q.unit, m.value, m.date
      FROM "Quota" q
      LEFT JOIN LATERAL (SELECT value, date FROM "Measurement" WHERE "quotaId" = q.id AND date <= ${on} ORDER BY date DESC LIMIT 1) m ON true
      WHERE q."partOfId" IS NULL ORDER BY q.code`,
    client.$queryRaw<{ places: bigint; locations: bigint }[]>`
      SELECT COALESCE(SUM(c.places), 0)::bigint AS places, COUNT(DISTINCT c."locationId")::bigint AS locations
      FROM "LocationCapacity" c
      WHERE (c."validFrom" IS NULL OR c."validFrom" <= ${on}) AND (c."validTo" IS NULL OR c."validTo" >= ${on})`,
    client.dataQualityNote.findMany({
      where: { status: 'OPEN' },
      orderBy: { key: 'asc' },
      select: { key: true, title: true, severity: true },
    }),
    realisationByLine(),
  ]);
  const previousUpdates = previous ? await client.progressUpdate.findMany({ where: { roundId: previous.id } }) : [];
  const byAction = new Map(updates.map((u) => [u.actionId, u]));
  const previousByAction = new Map(previousUpdates.map((u) => [u.actionId, u]));
  const periodStart = round.periodStart;

  const changes: ProgressReport['changes'] = { statusChanges: [], newlyLate: [], finished: [] };
  const reportThemes = themes.map((theme) => ({
    number: theme.number,
    name: theme.name,
    sections: theme.sections.map((section) => ({
      code: section.code,
      title: section.title,
      goals: section.goals.map((goal) => ({
        code: goal.code,
        text: goal.text,
        actions: goal.actions.map((action): ReportAction => {
          const update = byAction.get(action.id);
          const accepted = update?.state === 'ACCEPTED' ? update : null;
          // Before: the previous round's accepted status if any, else the status this round opened with.
          const earlier = previousByAction.get(action.id);
          const before =
            earlier?.state === 'ACCEPTED' && earlier.status ? earlier.status : (update?.statusBefore ?? action.status);
          const now = accepted?.status ?? action.status;
          if (update && before !== now)
            changes.statusChanges.push({ code: action.code, from: STATUS_NL[before], to: STATUS_NL[now] });
          if (update && now === 'DONE' && before !== 'DONE') changes.finished.push(action.code);
          const lateNow =
            lateReasons(
              { endDate: action.endDate, status: now, assessment: accepted?.assessment ?? action.assessment },
              on,
            ).length > 0;
          const lateBefore =
            lateReasons(
              { endDate: action.endDate, status: before, assessment: update?.assessmentBefore ?? null },
              periodStart,
            ).length > 0;
          if (lateNow && !lateBefore) changes.newlyLate.push(action.code);
          return {
            code: action.code,
            description: action.description,
            status: STATUS_NL[now],
            assessment: accepted?.assessment
              ? ASSESSMENT_NL[accepted.assessment]
              : action.assessment
                ? ASSESSMENT_NL[action.assessment]
                : 'Onbekend',
            happened: accepted?.happened ?? null,
            nextSteps: accepted?.nextSteps ?? null,
            risks: accepted?.risks ?? null,
            reported: !update ? 'NOT_IN_ROUND' : accepted ? 'ACCEPTED' : 'NOT_ACCEPTED',
          };
        }),
      })),
    })),
  }));
  const [total] = totalsBy(budgetRows, () => 'totaal');
  return {
    title: `Voortgangsrapportage Uitvoeringsprogramma Asiel & Integratie 2025-2028: ${round.title}`,
    round: { title: round.title, periodStart: round.periodStart, periodEnd: round.periodEnd, dueOn: round.dueOn },
    previousTitle: previous?.title ?? null,
    themes: reportThemes,
    changes,
    quotas: quotas.map((q) => ({
      code: q.code,
      name: q.name,
      target: q.target,
      realised: q.value,
      realisedOn: q.date,
      unit: q.unit,
    })),
    capacity: { places: Number(capacity[0]?.places ?? 0), locations: Number(capacity[0]?.locations ?? 0) },
    budget: {
      byTheme: totalsBy(budgetRows, (row) => `${row.themeNumber}. ${row.themeName}`),
      byYear: totalsBy(budgetRows, (row) => String(row.year)),
      total: total ?? { key: 'totaal', plannedCents: 0, committedCents: 0, spentCents: 0 },
    },
    openNotes: notes.map((note) => ({ key: note.key, title: note.title, severity: note.severity })),
  };
}

/** The report as rows of text blocks: headings, paragraphs and tables, for both writers. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export function reportBlocks(report: ProgressReport): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: report.title },
    {
      kind: 'paragraph',
      text: `Periode ${formatDay(report.round.periodStart)} tot en met ${formatDay(report.round.periodEnd)}. Vorige ronde: ${report.previousTitle ?? 'geen'}.`,
    },
    {
      kind: 'paragraph',
      text: 'Conform paragraaf 5.4 informeren wij de gemeenteraad bij de begrotingscyclus over de voortgang van de activiteiten en het bereik van de doelstellingen.',
    },
  ];
  for (const theme of report.themes) {
    blocks.push({ kind: 'heading', level: 1, text: `Opgave ${theme.number}. ${theme.name}` });
    for (const section of theme.sections) {
      blocks.push({ kind: 'heading', level: 2, text: `${section.code} ${section.title}` });
      for (const goal of section.goals) {
        if (!goal.actions.length) continue;
        blocks.push({ kind: 'heading', level: 3, text: `Doelstelling ${goal.code}: ${goal.text}` });
        blocks.push({
          kind: 'table',
          header: ['Actie', 'Activiteit', 'Status', 'Beoordeling', 'Voortgang'],
          rows: goal.actions.map((a) => [
            a.code,
            a.description,
            a.status,
            a.assessment,
            a.reported === 'ACCEPTED'
              ? [a.happened, a.nextSteps && `Vervolg: ${a.nextSteps}`, a.risks && `Risico's: ${a.risks}`]
                  .filter(Boolean)
                  .join('\n')
              : a.reported === 'NOT_ACCEPTED'
                ? 'Geen geaccepteerde rapportage in deze ronde.'
                : 'Niet gevraagd in deze ronde.',
          ]),
        });
      }
    }
  }
  blocks.push({ kind: 'heading', level: 1, text: 'Wat is er veranderd sinds de vorige ronde' });
  blocks.push({
    kind: 'table',
    header: ['Actie', 'Was', 'Is nu'],
    rows: report.changes.statusChanges.length
      ? report.changes.statusChanges.map((c) => [c.code, c.from, c.to])
      : [['-', '-', 'Geen statuswijzigingen']],
  });
  blocks.push({
    kind: 'paragraph',
    text: `Nieuw te laat: ${report.changes.newlyLate.join(', ') || 'geen'}. Afgerond: ${report.changes.finished.join(', ') || 'geen'}.`,
  });
  blocks.push({
    kind: 'heading',
    level: 1,
    text: `Taakstellingen en capaciteit op ${formatDay(report.round.periodEnd)}`,
  });
  blocks.push({
    kind: 'table',
    header: ['Taakstelling', 'Doel', 'Gerealiseerd', 'Peildatum'],
    rows: report.quotas.map((q) => [
      q.name,
      `${q.target} ${q.unit}`,
      q.realised === null ? 'onbekend' : `${q.realised} ${q.unit}`,
      q.realisedOn ? formatDay(q.realisedOn) : '-',
    ]),
  });
  blocks.push({
    kind: 'paragraph',
    text: `Opvangcapaciteit: ${report.capacity.places} plaatsen op ${report.capacity.locations} locaties.`,
  });
  blocks.push({ kind: 'heading', level: 1, text: 'Financiën: begroting, verplicht en uitgegeven' });
  const money = (t: RealisationTotal) => [t.key, euro(t.plannedCents), euro(t.committedCents), euro(t.spentCents)];
  blocks.push({
    kind: 'table',
    header: ['Opgave', 'Begroot', 'Verplicht', 'Uitgegeven'],
    rows: [...report.budget.byTheme.map(money), money(report.budget.total)],
  });
  blocks.push({
    kind: 'table',
    header: ['Jaar', 'Begroot', 'Verplicht', 'Uitgegeven'],
    rows: report.budget.byYear.map(money),
  });
  blocks.push({ kind: 'heading', level: 1, text: 'Bijlage: openstaande datakwaliteitsnotities' });
  blocks.push({
    kind: 'table',
    header: ['Kenmerk', 'Notitie', 'Ernst'],
    rows: report.openNotes.length
      ? report.openNotes.map((n) => [n.key, n.title, n.severity])
      : [['-', 'Geen openstaande notities', '-']],
  });
  return blocks;
}

/** Relative column widths of a table: the descriptive columns get more room than codes and statuses. */
export function columnWeights(header: string[]): number[] {
  if (header.length >= 5) return [1, 3, 1.2, 1.2, 3.6].slice(0, header.length);
  return header.map((_h, i) => (i === 1 && header.length === 3 ? 3 : 1));
}
