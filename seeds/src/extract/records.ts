// The typed records the extractor produces: plain data, no database. The loader turns them
// into rows; tests read them directly. Source wording is kept beside every normalised value.
import type {
  DataQualitySeverity,
  FundingKind,
  IndicatorScope,
  LocationKind,
  LocationStatus,
  PartnerKind,
  QuotaKind,
} from '@welkom/db';

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

/** A row of the 5.3 budget table as printed; monitoring.ts turns it into a BudgetLineSeed. */
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
  monitoring: MonitoringRecords;
  subsidies: SubsidyRecords;
}

/** The subsidy schemes the document names (extract/subsidies.ts). */
export interface SubsidySchemeRecord {
  name: string;
  year: number;
  /** The action's text, verbatim. */
  description: string;
  actionCode: string;
}

export interface SubsidyRecords {
  schemes: SubsidySchemeRecord[];
  /** Loaded with all other notes; kept here for the extractor's tests. */
  notes: DataQualityNoteRecord[];
}

// ---- Monitoring (5.4): what the document says about places, quotas, figures and money ----

/** Where a figure comes from: the sentence verbatim and the date it refers to. */
export interface Sourced {
  /** The sentence from the document, verbatim (page breaks inside it kept as they are). */
  sourceText: string;
  /** 1-based line of the sentence's start. */
  sourceLine: number;
}

export interface LocationRecord extends Sourced {
  code: string;
  name: string;
  kind: LocationKind;
  status: LocationStatus;
  operator: string | null;
  address: string | null;
  opensOn: IsoDate | null;
  closesOn: IsoDate | null;
  closesText: string | null;
  /** Codes of other locations; they come earlier in the list, so the loader can resolve them in order. */
  replacedBy: string | null;
  partOf: string | null;
  /** TargetGroup.name. */
  targetGroup: string | null;
  sectionCode: string;
  actionCodes: string[];
  notes: string | null;
}

export interface LocationCapacityRecord extends Sourced {
  key: string;
  locationCode: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  places: number;
  referenceDate: IsoDate | null;
}

export interface QuotaRecord extends Sourced {
  code: string;
  name: string;
  kind: QuotaKind;
  binding: boolean;
  legalBasis: string | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  deadline: IsoDate | null;
  target: number;
  unit: string;
  carriedOverBacklog: number;
  statedTotal: number | null;
  partOf: string | null;
  targetGroup: string | null;
  sectionCode: string;
}

export interface IndicatorRecord {
  code: string;
  name: string;
  unit: string;
  scope: IndicatorScope;
  target: number | null;
  targetText: string | null;
  description: string | null;
  targetGroup: string | null;
  sectionCode: string;
}

export interface MeasurementRecord extends Sourced {
  key: string;
  quotaCode: string | null;
  indicatorCode: string | null;
  date: IsoDate;
  /** How the document names the date, e.g. "peildatum: 1 augustus 2024" or "op dit moment". */
  dateText: string;
  value: number;
  valueMax: number | null;
  qualifier: string | null;
  comment: string | null;
}

export interface BudgetAmountSeed {
  year: number;
  /** Exact: thousands of euros as printed x 100,000. */
  amountCents: number;
  funding: FundingKind;
  fundingSource: string | null;
}

export interface BudgetLineSeed {
  code: string;
  title: string;
  sectionCode: string;
  /** The action with this code, when the document has one. */
  actionCode: string | null;
  sortOrder: number;
  sourceText: string;
  amounts: BudgetAmountSeed[];
}

export interface BudgetStatedTotalSeed {
  year: number;
  amountCents: number;
  sourceText: string;
}

export interface MonitoringRecords {
  /** The document's own date ("1 mei 2025"), used for figures it gives without a peildatum. */
  documentDate: IsoDate;
  locations: LocationRecord[];
  capacities: LocationCapacityRecord[];
  quotas: QuotaRecord[];
  indicators: IndicatorRecord[];
  measurements: MeasurementRecord[];
  budgetLines: BudgetLineSeed[];
  budgetTotals: BudgetStatedTotalSeed[];
  notes: DataQualityNoteRecord[];
}
