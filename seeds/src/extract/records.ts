// The typed records the extractor produces: plain data, no database. The loader turns them
// into rows; tests read them directly. Source wording is kept beside every normalised value.
import type { DataQualitySeverity, PartnerKind } from '@welkom/db';

/** A calendar date as `YYYY-MM-DD`; strings keep the extractor free of time zones. */
export type IsoDate = string;

export interface ThemeRecord {
  number: number;
  name: string;
  ambition: string | null;
}

export interface SectionRecord {
  code: string;
  themeNumber: number;
  title: string;
  background: string | null;
  currentState: string | null;
  sortOrder: number;
}

export interface GoalRecord {
  /** Section and number, e.g. `1.1 1`. */
  code: string;
  sectionCode: string;
  number: number;
  text: string;
  /** Second-level items keep their leading "- " so the nesting survives a flat list. */
  subPoints: string[];
  /** False for a goal an action table refers to but the goal list does not contain. */
  inDocument: boolean;
}

export interface PartnerLinkRecord {
  /** Normalised partner name (Partner.name). */
  partnerName: string;
  /** The spelling in the organisations cell. */
  sourceName: string;
  /** What the document says the partner does here, e.g. "(klantregisseurs)"; null if it says nothing. */
  role: string | null;
}

export interface ActionRecord {
  /** Section, goal and letter as in the document, e.g. `1.2 1.A`. */
  code: string;
  sectionCode: string;
  goalCode: string;
  goalNumber: number;
  letter: string;
  description: string;
  targetGroupsText: string | null;
  /** Normalised target group names (TargetGroup.name). */
  targetGroups: string[];
  organisationsText: string | null;
  partners: PartnerLinkRecord[];
  preconditionsText: string | null;
  preconditions: string[];
  timingText: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** 1-based line of the table row in the source document. */
  sourceLine: number;
}

export interface PartnerRecord {
  name: string;
  /** Every spelling the document uses for this organisation. */
  aliases: string[];
  kind: PartnerKind;
  description: string | null;
}

export interface TargetGroupRecord {
  name: string;
  /** Every spelling found in the target group cells. */
  aliases: string[];
  description: string | null;
}

/** What a data-quality note is about; the loader resolves these natural keys to ids. */
export interface NoteSubject {
  themeNumber?: number;
  sectionCode?: string;
  goalCode?: string;
  actionCode?: string;
  partnerName?: string;
}

export interface DataQualityNoteRecord {
  /** Stable across runs, so the import stays idempotent. */
  key: string;
  title: string;
  description: string;
  /** Verbatim from the source; several fragments are joined by EXCERPT_SEPARATOR. */
  sourceExcerpt: string;
  severity: DataQualitySeverity;
  subject: NoteSubject;
}

/** Joins fragments of one excerpt that are not adjacent in the source. */
export const EXCERPT_SEPARATOR = '\n[…]\n';

/** A row of the 5.3 budget table; not loaded yet (the schema has no BudgetLine model). */
export interface BudgetLineRecord {
  /** The measure code as printed, e.g. `4.A`; the section is inherited from the row above. */
  measureCode: string;
  sectionCode: string;
  /** Section plus measure, e.g. `2.1 4.A`: the action code it refers to. */
  actionCode: string;
  title: string;
  /** Amount per year in thousands of euros as printed; null where the cell is empty. */
  amountsInThousands: Record<number, number | null>;
  sourceLine: number;
}

export interface BudgetTableRecord {
  years: number[];
  lines: BudgetLineRecord[];
  /** The printed "Totaal" row, in thousands. */
  printedTotals: Record<number, number | null>;
  totalLine: number;
}

export interface ProgrammeRecords {
  themes: ThemeRecord[];
  sections: SectionRecord[];
  goals: GoalRecord[];
  actions: ActionRecord[];
  partners: PartnerRecord[];
  targetGroups: TargetGroupRecord[];
  notes: DataQualityNoteRecord[];
  budget: BudgetTableRecord | null;
}
