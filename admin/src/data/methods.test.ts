// Every custom method of the data provider speaks today's API: each document it sends is valid
// against the committed schema (a renamed field or argument fails here, not in a user's browser).
import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardMethods } from '../dashboard/data';
import { monitoringMethods } from '../dashboard/monitoring/data';
import { panelMethods } from '../panel/data';
import { progressMethods } from '../progress/api';
import { subsidyMethods } from '../subsidies/data';
import type { Request } from './request';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

// Any answer: every field is a list of one node with an id, so the methods can read what they read.
const anything: any = new Proxy(
  {},
  {
    get: (_target, key) =>
      key === 'then'
        ? undefined
        : key === 'nodes'
          ? [{ id: 't1' }]
          : key === 'subsidyTransitions'
            ? [{ operation: 'submit', mutation: 'submitSubsidyApplication', takesAmount: false, expectsVersion: false }]
            : anything,
  },
);

const sent: string[] = [];
const request: Request = async <T>(query: string) => {
  const errors = validate(schema, parse(query)).map((error) => error.message);
  expect(errors, query).toEqual([]);
  sent.push(query);
  return anything as T;
};

describe('the custom methods', () => {
  it('send only documents the API accepts', async () => {
    const dashboard = dashboardMethods(request);
    await dashboard.getProgrammeOverview({ from: '2026-01-01', to: '2026-03-31' }, ['PLANNED', 'RUNNING']);
    await monitoringMethods(request).getMonitoring({
      fromYear: 2025,
      toYear: 2028,
      themeId: null,
      targetGroupId: null,
      date: '2026-01-01',
    });
    const panel = panelMethods(request);
    await panel.getPanelComposition();
    await panel.getPanelMemberPrivacy('m1');
    await panel.setPanelMemberProfile('m1', 1, { ageBand: null });
    await panel.exportPanelMember('m1');
    await panel.withdrawPanelConsent('m1', 1);
    await panel.erasePanelMember('m1', 1);
    const progress = progressMethods(request);
    await progress.getProgressRounds();
    await progress.getProgressRound('r1');
    await progress.openProgressRound({
      title: 'Najaar',
      periodStart: '2026-05-01',
      periodEnd: '2026-10-31',
      dueOn: '2026-11-15',
    });
    await progress.progressStep('acceptProgressUpdate', { id: 'u1', version: 1 });
    await progress.progressStep('returnProgressUpdate', { id: 'u1', version: 1 }, 'Graag aanvullen.');
    await progress.getProgressHome();
    await progress.getProgressReport('r1', 'PDF');
    const subsidies = subsidyMethods(request);
    await subsidies.transitionSubsidy('a1', 'submit', { reason: 'Ontvangen.', idempotencyKey: 'console-1' });
    await subsidies.countSubsidyApplications({ open: {} });
    expect(sent.length).toBeGreaterThanOrEqual(18);
  });
});
