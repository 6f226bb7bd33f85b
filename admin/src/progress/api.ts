// Data for the progress screens: the steps are explicit mutations (not generic updates), sent
// with the console's GraphQL helper as the subsidy screens do.
import { graphql } from '../data/graphql';

export { graphql };

export interface Round { id: string; title: string; periodStart: string; periodEnd: string; dueOn: string; state: string; updatesCount: number }
export interface Update {
  id: string; version: number; state: string; status: string | null; assessment: string | null; statusBefore: string;
  happened: string | null; reviewComment: string | null; submittedBy: string | null; acceptedBy: string | null; allowedSteps: string[];
  action: { id: string; code: string; description: string };
  addresseeName: string | null;
}

export const UPDATE_FIELDS = `id version state status assessment statusBefore happened reviewComment submittedBy acceptedBy allowedSteps
  action { id code description } addresseeName`;

export const roundUpdates = (roundId: string) =>
  graphql<{ progressRound: Round | null; progressUpdates: { nodes: Update[] } }>(
    `query ($id: ID!) { progressRound(id: $id) { id title periodStart periodEnd dueOn state updatesCount }
      progressUpdates(filter: { roundId: { eq: $id } }, limit: 500) { nodes { ${UPDATE_FIELDS} } } }`,
    { id: roundId },
  );

/** Downloads the council report of a round as Word or PDF. */
export async function downloadReport(roundId: string, format: 'DOCX' | 'PDF') {
  const { progressReport: file } = await graphql<{ progressReport: { filename: string; contentType: string; base64: string } }>(
    'query ($r: ID!, $f: ProgressReportFormat!) { progressReport(roundId: $r, format: $f) { filename contentType base64 } }',
    { r: roundId, f: format },
  );
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
