// Rows of the "ACTIES: WAT GAAN WE DOEN?" tables. Columns: goal number ("1." or empty to
// continue the goal above), activity ("A. …"), target groups, organisations, preconditions,
// timing. The cells are kept verbatim beside their parsed values.
import { activityText, cellItems } from './cells.js';
import type { Line, SectionBlock } from './document.js';
import { goalCode } from './goals.js';
import { resolveOrganisations, type ResolvedOrganisations } from './partners.js';
import type { ActionRecord } from './records.js';
import { matchTargetGroups } from './target-groups.js';
import { parseTiming, type ParsedTiming } from './timing.js';

export const ACTION_TABLE_COLUMNS = 6;

export interface ParsedActionRow {
  action: ActionRecord;
  line: Line;
  cells: string[];
  organisations: ResolvedOrganisations;
  timing: ParsedTiming;
  /** The row had no goal number of its own and continues the goal above (0 if there is none). */
  goalInherited: boolean;
  /** The activity did not start with "A. "; `letterWithoutDot` when it read "A " (no dot). */
  letterProblem: 'none' | 'letterWithoutDot' | 'noLetter';
}

const blankToNull = (cell: string | undefined): string | null => (cell?.trim() ? cell : null);

export const actionCode = (sectionCode: string, goalNumber: number, letter: string): string =>
  `${sectionCode} ${goalNumber}.${letter}`;

export function parseActionRows(section: SectionBlock): ParsedActionRow[] {
  const rows: ParsedActionRow[] = [];
  let goalNumber = 0;
  for (const line of section.actionRows) {
    const cells = line.text.split('\t');
    // A short row keeps what it has; the missing cells read as empty (and raise notes).
    while (cells.length < ACTION_TABLE_COLUMNS) cells.push('');
    const [goalCell = '', activityCell = '', targetCell, organisationsCell, preconditionsCell, timingCell] = cells;

    const goalMatch = goalCell.trim().match(/^(\d+)\.?$/);
    if (goalMatch) goalNumber = Number(goalMatch[1]);

    const activity = activityText(activityCell);
    const letterMatch = activity.match(/^([A-Z])(\.?)\s+([\s\S]*)$/);
    const previousLetter = rows.filter((row) => row.action.goalNumber === goalNumber).at(-1)?.action.letter;
    // Without a letter the row still gets a code: the next letter after the row above.
    const letter = letterMatch ? letterMatch[1]! : String.fromCharCode((previousLetter?.charCodeAt(0) ?? 64) + 1);
    const letterProblem = !letterMatch ? 'noLetter' : letterMatch[2] ? 'none' : 'letterWithoutDot';

    const organisationsText = blankToNull(organisationsCell);
    const organisations = resolveOrganisations(organisationsText);
    const targetGroupsText = blankToNull(targetCell);
    const timingText = blankToNull(timingCell);
    const timing = parseTiming(timingText);

    rows.push({
      action: {
        code: actionCode(section.code, goalNumber, letter),
        sectionCode: section.code,
        goalCode: goalCode(section.code, goalNumber),
        goalNumber,
        letter,
        description: letterMatch ? letterMatch[3]!.trim() : activity,
        targetGroupsText,
        targetGroups: [...new Set(matchTargetGroups(targetGroupsText).map((match) => match.name))],
        organisationsText,
        partners: organisations.links,
        preconditionsText: blankToNull(preconditionsCell),
        preconditions: cellItems(preconditionsCell),
        timingText,
        startDate: timing.startDate,
        endDate: timing.endDate,
        sourceLine: line.number,
      },
      line,
      cells,
      organisations,
      timing,
      goalInherited: !goalMatch,
      letterProblem,
    });
  }
  return rows;
}
