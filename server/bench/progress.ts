// Progress rounds in `npm run bench` (issue 13): opening a round for every open action of the
// real programme, and generating the council report of a round as Word and as PDF.
type Post = (query: string, variables?: Record<string, unknown>) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function progressScenarios(post: Post) {
  let opened = 0;
  let roundId = '';
  const open = async () => {
    opened += 1;
    const data = await post(
      `mutation ($input: OpenProgressRoundInput!) { openProgressRound(input: $input) { id updatesCount } }`,
      {
        input: {
          title: `Benchmark-ronde ${opened}`,
          periodStart: '2026-05-01',
          periodEnd: '2026-10-31',
          dueOn: '2026-11-15',
        },
      },
    );
    roundId = data.openProgressRound.id;
  };
  const report = (format: 'DOCX' | 'PDF') => async () => {
    if (!roundId) await open();
    await post(
      `query ($r: ID!, $f: ProgressReportFormat!) { progressReport(roundId: $r, format: $f) { filename base64 } }`,
      { r: roundId, f: format },
    );
  };
  return [
    {
      name: 'open a progress round for all open actions (a request each, audit event)',
      count: 30,
      concurrency: 1,
      run: open,
    },
    { name: 'generate the council report of a round as Word (.docx)', count: 30, concurrency: 1, run: report('DOCX') },
    { name: 'generate the council report of a round as PDF', count: 30, concurrency: 1, run: report('PDF') },
  ];
}
