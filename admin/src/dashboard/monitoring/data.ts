// The monitoring dashboard's data: one GraphQL request per filter change, reading the
// aggregates the server computes in PostgreSQL (budgetSummary, quotaAttainment,
// capacityTimeline) plus the quotas' and indicators' measurements for the trend lines.
import { toCsv } from '../../lib/csv';
import type { Request } from '../../data/request';

export interface Filters {
  fromYear: number;
  toYear: number;
  themeId: string | null;
  targetGroupId: string | null;
  /** The date attainment is measured on (YYYY-MM-DD). */
  date: string;
}

export interface Measurement {
  date: string;
  value: number;
  valueMax: number | null;
  qualifier: string | null;
  sourceText: string | null;
}
export interface QuotaRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  target: number;
  carriedOverBacklog: number;
  deadline: string | null;
  measurements: Measurement[];
}
export interface Attainment {
  code: string;
  name: string;
  required: number;
  realised: number | null;
  realisedOn: string | null;
  attainment: number | null;
  gap: number | null;
  deadline: string | null;
  daysToDeadline: number | null;
}
export interface CapacityPoint {
  date: string;
  kind: string;
  targetGroupName: string | null;
  places: number;
  plannedPlaces: number;
}
export interface CapacityEvent {
  date: string;
  type: 'OPENING' | 'CLOSURE';
  locationName: string;
  planned: boolean;
  places: number | null;
  replacementName: string | null;
  replacementOpensOn: string | null;
  daysWithoutReplacement: number | null;
}
export interface IndicatorRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  target: number | null;
  scope: string;
  measurements: Measurement[];
}
export interface BudgetLineRealisation {
  budgetLineId: string | null;
  code: string;
  title: string;
  themeNumber: number;
  year: number;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
  subsidyCommittedCents: number;
}
export interface MonitoringData {
  themes: { id: string; number: number; name: string }[];
  targetGroups: { id: string; name: string }[];
  budget: {
    years: {
      year: number;
      computedCents: number;
      statedCents: number | null;
      differenceCents: number | null;
      committedCents: number | null;
      spentCents: number | null;
    }[];
    byTheme: {
      themeNumber: number;
      themeName: string;
      year: number;
      amountCents: number;
      committedCents: number | null;
      spentCents: number | null;
    }[];
    byFunding: { funding: string; year: number; amountCents: number }[];
    /** Plan vs committed vs spent per budget line and year: null for the public page. */
    lines: BudgetLineRealisation[] | null;
  };
  attainment: Attainment[];
  quotas: QuotaRow[];
  timeline: { points: CapacityPoint[]; events: CapacityEvent[] };
  indicators: IndicatorRow[];
}

const MEASUREMENT = 'date value valueMax qualifier sourceText';

export const MONITORING_QUERY = `query Monitoring($fromYear: Int, $toYear: Int, $themeId: ID, $targetGroupId: ID, $date: Date!, $from: Date, $to: Date,
    $quotaFilter: QuotaFilter, $indicatorFilter: IndicatorFilter) {
  themes(orderBy: [{ field: number }], limit: 20) { nodes { id number name } }
  targetGroups(orderBy: [{ field: name }], limit: 100) { nodes { id name } }
  budget: budgetSummary(fromYear: $fromYear, toYear: $toYear, themeId: $themeId) {
    years { year computedCents statedCents differenceCents committedCents spentCents }
    byTheme { themeNumber themeName year amountCents committedCents spentCents }
    byFunding { funding year amountCents }
    lines { budgetLineId code title themeNumber year plannedCents committedCents spentCents subsidyCommittedCents }
  }
  attainment: quotaAttainment(date: $date, themeId: $themeId, targetGroupId: $targetGroupId) {
    code name required realised realisedOn attainment gap deadline daysToDeadline
  }
  quotas(filter: $quotaFilter, limit: 100) { nodes { id code name unit target carriedOverBacklog deadline measurements { ${MEASUREMENT} } } }
  timeline: capacityTimeline(from: $from, to: $to, themeId: $themeId, targetGroupId: $targetGroupId) {
    points { date kind targetGroupName places plannedPlaces }
    events { date type locationName planned places replacementName replacementOpensOn daysWithoutReplacement }
  }
  indicators(filter: $indicatorFilter, limit: 200) { nodes { id code name unit target scope measurements { ${MEASUREMENT} } } }
}`;

export interface MonitoringMethods {
  /** Everything the dashboard shows for the chosen period, theme and target group, in one request. */
  getMonitoring(filters: Filters): Promise<MonitoringData>;
}

export const monitoringMethods = (request: Request): MonitoringMethods => ({
  getMonitoring: (filters) => loadMonitoring(request, filters),
});

async function loadMonitoring(request: Request, filters: Filters): Promise<MonitoringData> {
  const related = {
    ...(filters.themeId ? { themeId: { eq: filters.themeId } } : {}),
    ...(filters.targetGroupId ? { targetGroupId: { eq: filters.targetGroupId } } : {}),
  };
  const data = await request<{
    themes: { nodes: MonitoringData['themes'] };
    targetGroups: { nodes: MonitoringData['targetGroups'] };
    budget: MonitoringData['budget'];
    attainment: Attainment[];
    quotas: { nodes: QuotaRow[] };
    timeline: MonitoringData['timeline'];
    indicators: { nodes: IndicatorRow[] };
  }>(MONITORING_QUERY, {
    fromYear: filters.fromYear,
    toYear: filters.toYear,
    themeId: filters.themeId,
    targetGroupId: filters.targetGroupId,
    date: filters.date,
    from: `${filters.fromYear}-01-01`,
    to: `${filters.toYear}-12-31`,
    quotaFilter: related,
    indicatorFilter: related,
  });
  return {
    themes: data.themes.nodes,
    targetGroups: data.targetGroups.nodes,
    budget: data.budget,
    attainment: data.attainment,
    quotas: data.quotas.nodes,
    timeline: data.timeline,
    indicators: data.indicators.nodes,
  };
}

/** Euro cents as thousands of euros, as the 5.3 table prints them; exact for whole euros. */
export const thousands = (cents: number) => cents / 100_000;

export function downloadCsv(name: string, rows: Record<string, unknown>[]) {
  const blob = new Blob([`\uFEFF${toCsv(rows)}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
