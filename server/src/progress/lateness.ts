// Late and missing, as rules on dates: an action is late when its end date has passed and it is
// neither done nor cancelled, or when its latest accepted assessment is "achter"; an update is
// missing when its round's due date has passed and nothing was submitted. Reminders are what the
// person addressed sees before and after a due date; a mail channel can read the same list.
import type { ActionStatus, ProgressAssessment, ProgressUpdateState } from '@welkom/db';

const FINISHED: ActionStatus[] = ['DONE', 'CANCELLED'];
const DAY = 86_400_000;

export interface LatenessFacts {
  endDate: Date | null;
  status: ActionStatus;
  assessment: ProgressAssessment | null;
}

export type LateReason = 'END_DATE_PASSED' | 'ASSESSED_BEHIND';

export function lateReasons(action: LatenessFacts, on: Date): LateReason[] {
  if (FINISHED.includes(action.status)) return [];
  const reasons: LateReason[] = [];
  if (action.endDate && action.endDate.getTime() < on.getTime()) reasons.push('END_DATE_PASSED');
  if (action.assessment === 'BEHIND') reasons.push('ASSESSED_BEHIND');
  return reasons;
}

/** States in which something was handed in; a request in any other state past its due date is missing. */
export const HANDED_IN: ProgressUpdateState[] = ['SUBMITTED', 'ACCEPTED'];

/** Days before the due date from which the person addressed is reminded. */
export const REMIND_DAYS_BEFORE = 14;

export type ReminderKind = 'DUE_SOON' | 'OVERDUE';

export function reminderFor(
  update: { state: ProgressUpdateState },
  dueOn: Date,
  on: Date,
): { kind: ReminderKind; days: number } | null {
  if (HANDED_IN.includes(update.state)) return null;
  const days = Math.round((dueOn.getTime() - on.getTime()) / DAY);
  if (days < 0) return { kind: 'OVERDUE', days };
  if (days <= REMIND_DAYS_BEFORE) return { kind: 'DUE_SOON', days };
  return null;
}
