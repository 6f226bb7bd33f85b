// Data for the progress screens, as data provider methods: the steps are explicit mutations
// (not generic updates), named with the version read.
import type { Request } from '../data/request';

export interface Round {
  id: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  state: string;
  updatesCount: number;
}
export interface Update {
  id: string;
  version: number;
  state: string;
  status: string | null;
  assessment: string | null;
  statusBefore: string;
  happened: string | null;
  reviewComment: string | null;
  submittedBy: string | null;
  acceptedBy: string | null;
  allowedSteps: string[];
  action: { id: string; code: string; description: string };
  addresseeName: string | null;
}
export interface OpenRequest {
  id: string;
  actionCode: string;
  actionDescription: string;
  roundTitle: string;
  state: string;
  reminder: { kind: string; days: number } | null;
}
export interface ProgressHome {
  openProgressRequests: OpenRequest[];
  lateActions: { code: string; description: string; reasons: string[] }[];
  missingProgressUpdates: { id: string; actionCode: string; roundTitle: string }[];
}
export interface ReportFile {
  filename: string;
  contentType: string;
  base64: string;
}

export const UPDATE_FIELDS = `id version state status assessment statusBefore happened reviewComment submittedBy acceptedBy allowedSteps
  action { id code description } addresseeName`;

const ROUND_FIELDS = 'id title periodStart periodEnd dueOn state updatesCount';

export interface ProgressMethods {
  getProgressRounds(): Promise<{ progressRounds: { nodes: Round[] } }>;
  getProgressRound(roundId: string): Promise<{ progressRound: Round | null; progressUpdates: { nodes: Update[] } }>;
  openProgressRound(input: {
    title: string;
    periodStart: string;
    periodEnd: string;
    dueOn: string;
  }): Promise<{ id: string }>;
  /** acceptProgressUpdate, or returnProgressUpdate with a comment. */
  progressStep(
    mutation: 'acceptProgressUpdate' | 'returnProgressUpdate',
    update: Pick<Update, 'id' | 'version'>,
    comment?: string,
  ): Promise<void>;
  getProgressHome(): Promise<ProgressHome>;
  getProgressReport(roundId: string, format: 'DOCX' | 'PDF'): Promise<ReportFile>;
  /** Closes a round (secretariat), named with the version read; the server marks what was not handed in missing. */
  closeProgressRound(round: { id: string; version: number }): Promise<{ id: string; state: string; version: number }>;
}

export function progressMethods(request: Request): ProgressMethods {
  return {
    getProgressRounds: () => request(`{ progressRounds(limit: 100) { nodes { ${ROUND_FIELDS} } } }`),
    getProgressRound: (roundId) =>
      request(
        `query ($id: ID!) { progressRound(id: $id) { ${ROUND_FIELDS} }
          progressUpdates(filter: { roundId: { eq: $id } }, limit: 500) { nodes { ${UPDATE_FIELDS} } } }`,
        { id: roundId },
      ),
    openProgressRound: async (input) =>
      (
        await request<{ openProgressRound: { id: string } }>(
          'mutation ($input: OpenProgressRoundInput!) { openProgressRound(input: $input) { id } }',
          { input },
        )
      ).openProgressRound,
    async progressStep(mutation, update, comment) {
      const withComment = comment !== undefined;
      await request(
        `mutation ($id: ID!, $v: Int!${withComment ? ', $comment: String!' : ''}) { ${mutation}(id: $id, expectedVersion: $v${withComment ? ', comment: $comment' : ''}) { id state } }`,
        { id: update.id, v: update.version, ...(withComment ? { comment } : {}) },
      );
    },
    getProgressHome: () =>
      request(`{ openProgressRequests { id actionCode actionDescription roundTitle state reminder { kind days } }
        lateActions { code description reasons } missingProgressUpdates { id actionCode roundTitle } }`),
    getProgressReport: async (roundId, format) =>
      (
        await request<{ progressReport: ReportFile }>(
          'query ($r: ID!, $f: ProgressReportFormat!) { progressReport(roundId: $r, format: $f) { filename contentType base64 } }',
          { r: roundId, f: format },
        )
      ).progressReport,
    closeProgressRound: async (round) =>
      (
        await request<{ closeProgressRound: { id: string; state: string; version: number } }>(
          'mutation ($id: ID!, $v: Int!) { closeProgressRound(id: $id, expectedVersion: $v) { id state version } }',
          { id: round.id, v: round.version },
        )
      ).closeProgressRound,
  };
}

/** Saves a council report the browser received as a download. */
export function saveReport(file: ReportFile) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
