// The initial status of an action, read from its timing cell as of the document's own date.
// Only what the words say: "Doorlopend" or "Voortzetting" is running, a start the words pin down
// on or before the document's date is running, a plan for a year or a later start is planned,
// and an empty or unreadable cell is unknown ("onbekend"). The words that decided it are kept beside the status, so nothing the
// register shows as a status is a default.
import type { IsoDate } from './records.js';
import { TIMING_RULES, parseTiming } from './timing.js';

export type InitialStatus = 'RUNNING' | 'PLANNED' | 'UNKNOWN';

export interface StatusReading {
  status: InitialStatus;
  /** Dutch sentence naming the words of the document that decided it. */
  source: string;
}

const PRECISE_START = ['start-date', 'start-part-of-year', 'pilot-range', 'start-school-year', 'month-year-range'];
const CONTINUING = /\b(voortzetting|vervolg|doorlopend|doorgaand|loopt)\b/i;

/** The phrase of the cell the first applying rule matched (for the source sentence). */
function matchedWords(cell: string, ruleName: string): string {
  const rule = TIMING_RULES.find((r) => r.name === ruleName);
  return rule ? (cell.match(rule.pattern)?.[0] ?? cell) : cell;
}

export function initialStatus(timingText: string | null | undefined, documentDate: IsoDate): StatusReading {
  const cell = timingText?.trim().replace(/\.$/, '') ?? '';
  if (!cell) {
    return { status: 'UNKNOWN', source: 'onbekend: het document noemt geen tijd voor deze actie' };
  }
  const timing = parseTiming(cell);
  const continuing = cell.match(CONTINUING);
  if (timing.ongoing || continuing) {
    return { status: 'RUNNING', source: `document (${documentDate}): "${continuing?.[0] ?? cell}"` };
  }
  if (timing.startDate) {
    const rule = timing.rules[0]!;
    const words = matchedWords(cell, rule);
    // Only a start the words pin down (a day, a part of the year, a pilot, a school year) says the
    // action had begun by the document's date; "Start in 2025" or "2025-2028" written in May 2025
    // is a plan for that year, not a report that it began.
    const precise =
      PRECISE_START.includes(rule) ||
      (rule === 'start-year' && timing.startDate.slice(0, 4) < documentDate.slice(0, 4));
    return precise && timing.startDate <= documentDate
      ? { status: 'RUNNING', source: `document (${documentDate}): "${words}" (gestart ${timing.startDate})` }
      : { status: 'PLANNED', source: `document (${documentDate}): "${words}" (gepland vanaf ${timing.startDate})` };
  }
  return { status: 'UNKNOWN', source: `onbekend: de tijd "${cell}" noemt geen start` };
}
