// Start and end dates from the "Tijd" cell. The cell is free Dutch text, so the rules are a
// table: each says what it reads and which date it yields. The text itself is always kept;
// a date is only set where a rule is sure of it.
import type { IsoDate } from './records.js';

export interface ParsedTiming {
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** Names of the rules that applied, in order; empty when nothing could be read. */
  rules: string[];
  /** True for "Doorlopend" and the like: a deliberate absence of dates. */
  ongoing: boolean;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  maart: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  augustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
};
const MONTH = `(${Object.keys(MONTHS).join('|')})`;

/** Where a part of the year starts, read as the start of an action. */
export const PART_OF_YEAR_START: Record<string, string> = {
  begin: '01-01',
  voorjaar: '03-01',
  zomer: '06-01',
  najaar: '09-01',
  // "Start eind 2024": the last quarter.
  eind: '10-01',
};

const firstOfYear = (year: string): IsoDate => `${year}-01-01`;
const lastOfYear = (year: string): IsoDate => `${year}-12-31`;
const pad = (n: string | number): string => String(n).padStart(2, '0');
const monthNumber = (name: string): number => MONTHS[name.toLowerCase()] ?? Number.NaN;

interface Rule {
  name: string;
  /** Which part of the cell the rule reads: the whole cell, or a phrase that sets start or end. */
  scope: 'whole' | 'start' | 'end';
  pattern: RegExp;
  example: string;
  meaning: string;
  read(match: RegExpMatchArray): { start?: IsoDate | null; end?: IsoDate | null; ongoing?: boolean };
}

/**
 * The rules, tried in this order. Whole-cell rules win; otherwise the first start rule and the
 * first end rule that match are combined. Unit-tested one example per rule.
 */
export const TIMING_RULES: readonly Rule[] = [
  {
    name: 'ongoing',
    scope: 'whole',
    pattern: /^(doorlopend|doorgaand|doorlopende ontwikkeling)$/i,
    example: 'Doorlopend',
    meaning: 'no dates: the action has no end by design',
    read: () => ({ ongoing: true }),
  },
  {
    name: 'year',
    scope: 'whole',
    pattern: /^(\d{4})$/,
    example: '2025',
    meaning: 'the whole year: 1 January to 31 December',
    read: (m) => ({ start: firstOfYear(m[1]!), end: lastOfYear(m[1]!) }),
  },
  {
    name: 'year-range',
    scope: 'whole',
    pattern: /^(\d{4})\s*[-/]\s*(\d{4})$/,
    example: '2025-2028 or 2025/2026',
    meaning: '1 January of the first year to 31 December of the last',
    read: (m) => ({ start: firstOfYear(m[1]!), end: lastOfYear(m[2]!) }),
  },
  {
    name: 'month-year-range',
    scope: 'whole',
    pattern: new RegExp(`^${MONTH} (\\d{4})\\s*-\\s*(\\d{4})$`, 'i'),
    example: 'April 2025-2028',
    meaning: 'the first of that month to 31 December of the last year',
    read: (m) => ({ start: `${m[2]}-${pad(monthNumber(m[1]!))}-01`, end: lastOfYear(m[3]!) }),
  },
  {
    name: 'continuation-year',
    scope: 'whole',
    pattern: /^(?:voortzetting|vervolg)(?: in)? (\d{4})$/i,
    example: 'Voortzetting in 2025',
    meaning: 'continues during that year: the whole year',
    read: (m) => ({ start: firstOfYear(m[1]!), end: lastOfYear(m[1]!) }),
  },
  {
    name: 'start-date',
    scope: 'start',
    pattern: new RegExp(`start (?:per )?(\\d{1,2}) ${MONTH} (\\d{4})`, 'i'),
    example: 'Start per 1 januari 2025',
    meaning: 'starts on that day',
    read: (m) => ({ start: `${m[3]}-${pad(monthNumber(m[2]!))}-${pad(m[1]!)}` }),
  },
  {
    name: 'start-school-year',
    scope: 'start',
    pattern: /start schooljaar (\d{4})-(\d{4})/i,
    example: 'Start schooljaar 2025-2026',
    meaning: 'starts with the school year: 1 August of the first year',
    read: (m) => ({ start: `${m[1]}-08-01` }),
  },
  {
    name: 'start-part-of-year',
    scope: 'start',
    pattern: new RegExp(`start (?:[a-z/ ]+ )?(${Object.keys(PART_OF_YEAR_START).join('|')}) (\\d{4})`, 'i'),
    example: 'Start najaar 2024',
    meaning: 'begin 1 Jan, voorjaar 1 Mar, zomer 1 Jun, najaar 1 Sep, eind 1 Oct',
    read: (m) => ({ start: `${m[2]}-${PART_OF_YEAR_START[m[1]!.toLowerCase()]}` }),
  },
  {
    name: 'start-year',
    scope: 'start',
    pattern: /start (?:in )?(\d{4})/i,
    example: 'Start in 2025',
    meaning: 'starts on 1 January of that year; no end unless another rule gives one',
    read: (m) => ({ start: firstOfYear(m[1]!) }),
  },
  {
    name: 'pilot-range',
    scope: 'start',
    pattern: /pilot (\d{4})\s*-\s*(\d{4})/i,
    example: 'Pilot 2024-2025',
    meaning: 'the pilot runs 1 January of the first year to 31 December of the last',
    read: (m) => ({ start: firstOfYear(m[1]!), end: lastOfYear(m[2]!) }),
  },
  {
    name: 'in-year',
    scope: 'start',
    pattern: /^[^\d]*\bin (\d{4})/i,
    example: 'Tijdelijke uitbreiding in 2025, herijking formatie voor 2026 en verder',
    meaning: 'starts on 1 January of the first year named; "en verder" leaves the end open',
    read: (m) => ({ start: firstOfYear(m[1]!) }),
  },
  {
    name: 'end-date',
    scope: 'end',
    pattern: /uiterlijk (\d{1,2})-(\d{1,2})-(\d{4})/i,
    example: 'Streefdatum realisatie: uiterlijk 31-12-2025',
    meaning: 'ends on that day',
    read: (m) => ({ end: `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}` }),
  },
  {
    name: 'until-end-of-year',
    scope: 'end',
    pattern: /tot eind (\d{4})/i,
    example: 'Duur 2 jaar, tot eind 2026',
    meaning: 'ends on 31 December of that year',
    read: (m) => ({ end: lastOfYear(m[1]!) }),
  },
  {
    name: 'end-year',
    scope: 'end',
    pattern: /einddatum (\d{4})/i,
    example: 'Einddatum 2028',
    meaning: 'ends on 31 December of that year',
    read: (m) => ({ end: lastOfYear(m[1]!) }),
  },
  {
    name: 'duration-range',
    scope: 'end',
    pattern: /doorlooptijd (\d{4})\s*-\s*(\d{4})/i,
    example: 'Doorlooptijd 2025-2027',
    meaning: 'ends on 31 December of the last year',
    read: (m) => ({ end: lastOfYear(m[2]!) }),
  },
  {
    name: 'realisation-year',
    scope: 'end',
    pattern: /realisatie (\d{4})/i,
    example: 'Realisatie 2025',
    meaning: 'ends on 31 December of that year',
    read: (m) => ({ end: lastOfYear(m[1]!) }),
  },
];

export function parseTiming(text: string | null | undefined): ParsedTiming {
  const none: ParsedTiming = { startDate: null, endDate: null, rules: [], ongoing: false };
  if (!text) return none;
  // A trailing full stop ("31-12-2025.") carries no meaning.
  const cell = text.trim().replace(/\.$/, '');
  if (!cell) return none;

  for (const rule of TIMING_RULES.filter((r) => r.scope === 'whole')) {
    const match = cell.match(rule.pattern);
    if (!match) continue;
    const read = rule.read(match);
    return {
      startDate: read.start ?? null,
      endDate: read.end ?? null,
      rules: [rule.name],
      ongoing: read.ongoing ?? false,
    };
  }

  // The first start rule sets the start (a pilot range also its end); the first end rule the end.
  const result: ParsedTiming = { ...none, rules: [] };
  for (const scope of ['start', 'end'] as const) {
    for (const rule of TIMING_RULES.filter((r) => r.scope === scope)) {
      const match = cell.match(rule.pattern);
      if (!match) continue;
      const read = rule.read(match);
      if (read.start !== undefined) result.startDate = read.start;
      if (read.end !== undefined) result.endDate = read.end;
      result.rules.push(rule.name);
      break;
    }
  }
  return result;
}
