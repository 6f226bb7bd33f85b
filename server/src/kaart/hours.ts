// "Open now" from HSDS schedules (weekly rules with byday, opens_at and closes_at), in Dutch time.
export interface ScheduleLike {
  validFrom: Date | null;
  validTo: Date | null;
  freq: string | null;
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The weekday, date and HH:MM of `at` in the Netherlands (where the services are). */
export function dutchClock(at: Date): { day: (typeof DAYS)[number]; date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const day = DAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!)]!;
  return { day, date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const hhmm = (value: string) => value.slice(0, 5);

/** A weekly schedule that covers `at`; monthly and other rules are not "open now" (they need a calendar). */
export function isOpenAt(schedule: ScheduleLike, at: Date): boolean {
  if (!schedule.opensAt || !schedule.closesAt || !schedule.byday) return false;
  if (schedule.freq && schedule.freq !== 'WEEKLY') return false;
  const clock = dutchClock(at);
  const isoDate = (d: Date) => d.toISOString().slice(0, 10);
  if (schedule.validFrom && clock.date < isoDate(schedule.validFrom)) return false;
  if (schedule.validTo && clock.date > isoDate(schedule.validTo)) return false;
  const days = schedule.byday.split(',').map((d) => d.trim().toUpperCase());
  return days.includes(clock.day) && hhmm(schedule.opensAt) <= clock.time && clock.time < hhmm(schedule.closesAt);
}
