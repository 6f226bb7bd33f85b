// extractProgramme: the document text in, typed records out. Pure: no files, no database.
import { parseActionRows, type ParsedActionRow } from './action-tables.js';
import { parseBudgetTable } from './budget-table.js';
import { collectNotes } from './data-quality.js';
import { outlineDocument, paragraphs, type Line } from './document.js';
import { extractMonitoring } from './monitoring.js';
import { extractSubsidies } from './subsidies.js';
import { parseGoals } from './goals.js';
import { partnerRecords } from './partners.js';
import type { GoalRecord, PartnerRecord, ProgrammeRecords, SectionRecord, ThemeRecord } from './records.js';
import { targetGroupRecords } from './target-groups.js';

/** Single capitalised words between a chapter heading and its text are layout left-overs. */
const isLayoutArtefact = (line: Line): boolean => /^[A-ZÀ-Ý]{2,}$/.test(line.text.trim());

export function extractProgramme(text: string): ProgrammeRecords {
  const outline = outlineDocument(text);

  const themes: ThemeRecord[] = outline.themes.map((theme) => ({
    number: theme.number,
    name: theme.name,
    ambition: paragraphs(theme.intro.filter((line) => !isLayoutArtefact(line))),
  }));

  const sections: SectionRecord[] = [];
  const goals: GoalRecord[] = [];
  const rows: ParsedActionRow[] = [];
  const unplacedGoalLines: { sectionCode: string; line: Line }[] = [];
  let sortOrder = 0;
  for (const section of outline.themes.flatMap((theme) => theme.sections)) {
    sections.push({
      code: section.code,
      themeNumber: section.themeNumber,
      title: section.title,
      background: paragraphs(section.background),
      currentState: paragraphs(section.currentState),
      sortOrder: sortOrder++,
    });
    const parsed = parseGoals(section);
    goals.push(...parsed.goals.map(({ line: _line, ...goal }) => goal));
    unplacedGoalLines.push(...parsed.unplaced.map((line) => ({ sectionCode: section.code, line })));

    const sectionRows = parseActionRows(section);
    // An action whose goal is not in the goal list is kept under an explicit placeholder goal.
    for (const row of sectionRows) {
      if (goals.some((goal) => goal.code === row.action.goalCode)) continue;
      goals.push({
        code: row.action.goalCode,
        sectionCode: section.code,
        number: row.action.goalNumber,
        text: `(Doelstelling ${row.action.goalNumber} staat niet in de lijst met doelen van ${section.code}; de actietabel verwijst ernaar.)`,
        subPoints: [],
        inDocument: false,
      });
    }
    rows.push(...sectionRows);
  }

  // Codes are the natural key; a repeated code gets a suffix rather than overwriting a row.
  const codes = new Map<string, number>();
  for (const row of rows) {
    const seen = codes.get(row.action.code) ?? 0;
    codes.set(row.action.code, seen + 1);
    if (seen) row.action.code = `${row.action.code} (${seen + 1})`;
  }

  const budgetLines = outline.themes.flatMap((theme) => theme.sections).flatMap((section) => section.otherTableLines);
  const budget = parseBudgetTable(budgetLines);
  const actions = rows.map((row) => row.action);

  // Names no alias knows are kept as partners of their own (a note says so).
  const partners: PartnerRecord[] = partnerRecords();
  for (const fragment of rows.flatMap((row) => row.organisations.unresolved)) {
    if (partners.some((partner) => partner.name === fragment)) continue;
    partners.push({ name: fragment, aliases: [fragment], kind: 'OTHER', description: null });
  }
  for (const row of rows) {
    for (const fragment of row.organisations.unresolved) {
      row.action.partners.push({ partnerName: fragment, sourceName: fragment, role: null });
    }
  }

  const monitoring = extractMonitoring(text, { actions, budget });
  // The monitoring notes are loaded with all others; they stay in `monitoring` for its tests.
  const subsidies = extractSubsidies(actions);
  const notes = [
    ...collectNotes({ text, outline, rows, goals, unplacedGoalLines, budget }),
    ...monitoring.notes,
    ...subsidies.notes,
  ];
  return {
    themes,
    sections,
    goals,
    actions,
    // Only partners the tables actually name; the alias table may know more spellings.
    partners: partners.filter((partner) =>
      actions.some((a) => a.partners.some((link) => link.partnerName === partner.name)),
    ),
    targetGroups: targetGroupRecords(actions.map((action) => action.targetGroupsText)),
    notes,
    budget,
    monitoring,
    subsidies,
  };
}
