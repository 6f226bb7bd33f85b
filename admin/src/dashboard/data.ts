// The home page's view of the programme as one data provider method: themes, what starts and
// ends in a period, open data-quality notes, and the actions per theme and status (one
// aliased count per cell, in a second request).
import type { Request } from '../data/request';

export interface ActionRow {
  id: string;
  code: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  status: string;
}

export interface ProgrammeOverview {
  themes: { nodes: { id: string; number: number; name: string }[] };
  starting: { totalCount: number; nodes: ActionRow[] };
  ending: { totalCount: number; nodes: ActionRow[] };
  notes: { totalCount: number; nodes: { id: string; title: string; severity: string }[] };
  /** `t<theme index>_total` and `t<theme index>_s<status index>`. */
  counts: Record<string, { totalCount: number }>;
}

export interface DashboardMethods {
  getProgrammeOverview(period: { from: string; to: string }, statuses: string[]): Promise<ProgrammeOverview>;
}

const ACTION_FIELDS = 'id code description startDate endDate status';

export function dashboardMethods(request: Request): DashboardMethods {
  return {
    async getProgrammeOverview(period, statuses) {
      const overview = await request<Omit<ProgrammeOverview, 'counts'>>(
        `query Dashboard($from: Date!, $to: Date!) {
          themes(orderBy: [{ field: number }], limit: 100) { nodes { id number name } }
          starting: actions(filter: { startDate: { gte: $from, lte: $to } }, orderBy: [{ field: startDate }, { field: code }], limit: 8) { totalCount nodes { ${ACTION_FIELDS} } }
          ending: actions(filter: { endDate: { gte: $from, lte: $to } }, orderBy: [{ field: endDate }, { field: code }], limit: 8) { totalCount nodes { ${ACTION_FIELDS} } }
          notes: dataQualityNotes(filter: { status: { eq: OPEN } }, orderBy: [{ field: severity }, { field: title }], limit: 8) { totalCount nodes { id title severity } }
        }`,
        period,
      );
      // One request for the whole matrix: an aliased count per theme and status.
      const cells = overview.themes.nodes.flatMap((theme, t) => [
        `t${t}_total: actions(filter: { themeId: { eq: ${JSON.stringify(theme.id)} } }) { totalCount }`,
        ...statuses.map(
          (status, s) =>
            `t${t}_s${s}: actions(filter: { themeId: { eq: ${JSON.stringify(theme.id)} }, status: { eq: ${status} } }) { totalCount }`,
        ),
      ]);
      const counts = cells.length ? await request<ProgrammeOverview['counts']>(`{ ${cells.join('\n')} }`) : {};
      return { ...overview, counts };
    },
  };
}
