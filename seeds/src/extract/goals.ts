// Goals: the numbered list under "Doelstellingen"/"Doelen", each with its "- " sub-points.
import type { Line, SectionBlock } from './document.js';
import type { GoalRecord } from './records.js';

export const goalCode = (sectionCode: string, number: number): string => `${sectionCode} ${number}`;

export interface ParsedGoals {
  goals: (GoalRecord & { line: Line })[];
  /** Lines in the goal block that are neither a goal nor a sub-point. */
  unplaced: Line[];
}

export function parseGoals(section: SectionBlock): ParsedGoals {
  const goals: ParsedGoals['goals'] = [];
  const unplaced: Line[] = [];
  for (const line of section.goals) {
    if (!line.text.trim()) continue;
    const numbered = line.text.match(/^(\d+)\.\s+(.*)$/);
    if (numbered) {
      const number = Number(numbered[1]);
      goals.push({
        code: goalCode(section.code, number),
        sectionCode: section.code,
        number,
        text: numbered[2]!.trim(),
        subPoints: [],
        inDocument: true,
        line,
      });
      continue;
    }
    const current = goals.at(-1);
    const nested = line.text.match(/^\s+-\s+(.*)$/);
    const top = line.text.match(/^-\s+(.*)$/);
    if (current && nested) current.subPoints.push(`- ${nested[1]!.trim()}`);
    else if (current && top) current.subPoints.push(top[1]!.trim());
    else unplaced.push(line);
  }
  return { goals, unplaced };
}
