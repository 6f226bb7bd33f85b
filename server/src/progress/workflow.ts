// The progress update's steps: which step is allowed from which state. Pure, like
// subsidies/workflow.ts, so the schema, the console's buttons and the tests read one table.
import type { ProgressUpdateState as State } from '@welkom/db';

export const STEPS = {
  saveDraft: {
    from: ['REQUESTED', 'DRAFT', 'RETURNED'],
    to: 'DRAFT',
    label: 'Concept opslaan | Save draft',
    operation: 'PROGRESS_DRAFT',
  },
  submit: {
    from: ['REQUESTED', 'DRAFT', 'RETURNED'],
    to: 'SUBMITTED',
    label: 'Indienen | Submit',
    operation: 'PROGRESS_SUBMIT',
  },
  return: { from: ['SUBMITTED'], to: 'RETURNED', label: 'Terugsturen | Return', operation: 'PROGRESS_RETURN' },
  accept: { from: ['SUBMITTED'], to: 'ACCEPTED', label: 'Accepteren | Accept', operation: 'PROGRESS_ACCEPT' },
} as const satisfies Record<string, { from: readonly State[]; to: State; label: string; operation: string }>;

export type Step = keyof typeof STEPS;

export function allowedSteps(state: State): Step[] {
  return (Object.keys(STEPS) as Step[]).filter((step) => (STEPS[step].from as readonly State[]).includes(state));
}
