// The demo seed: every state present, marked as demo, made by the real transitions, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../auth/demo.js';
import { db } from '../db.js';
import { type Harness, startHarness } from '../test/harness.js';
import { DEMO_SCHEME_NAME, seedDemoSubsidies } from './demo.js';

let api: Harness;
beforeAll(async () => {
  api = await startHarness();
  await seedDemoAccounts(db());
});
afterAll(() => api?.close());

describe('the demo subsidies', () => {
  it('puts applications in every state, under a demo scheme within its ceiling', async () => {
    expect(await seedDemoSubsidies(db())).toEqual({ created: 14, skipped: false });
    const scheme = await db().subsidyScheme.findUniqueOrThrow({
      where: { name: DEMO_SCHEME_NAME },
      include: { applications: { include: { transitions: true } } },
    });
    expect(scheme.isDemo).toBe(true);
    const states = new Set(scheme.applications.map((a) => a.state));
    expect([...states].sort()).toEqual([
      'ACCOUNTABILITY_SUBMITTED',
      'ADVANCE_PAID',
      'CLOSED',
      'DRAFT',
      'FINAL_AMOUNT_SET',
      'GRANTED',
      'INFORMATION_REQUESTED',
      'IN_REVIEW',
      'REJECTED',
      'SUBMITTED',
      'WITHDRAWN',
    ]);
    const committed = scheme.applications.reduce((sum, a) => sum + (a.finalCents ?? a.grantedCents ?? 0), 0);
    expect(committed).toBeLessThanOrEqual(scheme.ceilingCents!);
    expect(scheme.applications.some((a) => a.proposedCents !== null)).toBe(true);
    expect(scheme.applications.every((a) => a.description?.startsWith('[DEMO]'))).toBe(true);
    expect(scheme.applications.filter((a) => a.reclaimCents).map((a) => a.reclaimCents)).toEqual([30_000]);
    // An overdue one and one due within a week, for the work queue.
    const today = new Date(new Date().toISOString().slice(0, 10));
    const due = scheme.applications
      .filter((a) => a.state === 'IN_REVIEW' && a.decisionDueOn)
      .map((a) => (a.decisionDueOn!.getTime() - today.getTime()) / 86_400_000);
    expect(due.some((days) => days < 0)).toBe(true);
    expect(due.some((days) => days >= 0 && days <= 7)).toBe(true);
  });

  it('runs once', async () => {
    expect(await seedDemoSubsidies(db())).toEqual({ created: 0, skipped: true });
  });
});
