// Legal deadlines for subsidy decisions. Pure functions over calendar dates (UTC midnight).
//
// - Awb 4:13: decide within the term the scheme sets, else within eight weeks of receipt.
// - Awb 4:15: the term is suspended from the day after information is requested until the
//   day it is received.
// - Algemene termijnenwet art. 1: a term that ends on a Saturday, Sunday or generally
//   recognised holiday ends on the next day that is none of these. Art. 3 lists New Year's
//   Day, Easter Monday, Ascension Day, Whit Monday, Christmas Day and Boxing Day, the day the
//   King's birthday is celebrated (27 April, 26 April when the 27th is a Sunday: Wet
//   vaststelling Koningsdag) and 5 May (every year); art. 3(2) equates Good Friday with them.
//   Days equated by a royal decree under art. 3(3) (e.g. the Friday after Ascension in some
//   years) are not included: without them a deadline may come out one day early, never late.

const DAY = 86_400_000;

/** A calendar date as UTC midnight. */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function parseDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Not a date: ${text}`);
  return utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export const formatDate = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY);
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY);
/** Today's calendar date in the Netherlands. */
export function todayInAmsterdam(now: Date = new Date()): Date {
  return parseDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now));
}

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDate(year, month, day);
}

/** The generally recognised holidays of the Algemene termijnenwet in a year, with their Dutch names. */
export function atwHolidays(year: number): { date: Date; name: string }[] {
  const easter = easterSunday(year);
  const kingsDay = utcDate(year, 4, 27).getUTCDay() === 0 ? utcDate(year, 4, 26) : utcDate(year, 4, 27);
  return [
    { date: utcDate(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay, name: 'Koningsdag' },
    { date: utcDate(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: utcDate(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: utcDate(year, 12, 26), name: 'Tweede Kerstdag' },
  ].sort((x, y) => x.date.getTime() - y.date.getTime());
}

const holidayCache = new Map<number, Set<string>>();
export function isAtwHoliday(date: Date): boolean {
  const year = date.getUTCFullYear();
  let days = holidayCache.get(year);
  if (!days) {
    days = new Set(atwHolidays(year).map((holiday) => formatDate(holiday.date)));
    holidayCache.set(year, days);
  }
  return days.has(formatDate(date));
}

export function isWorkingDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isAtwHoliday(date);
}

/** Algemene termijnenwet art. 1: the end of a term moved to the next working day. */
export function nextWorkingDayFrom(date: Date): Date {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export interface DecisionClock {
  /** The day the application was received. */
  receivedOn: Date;
  /** The scheme's decision term in weeks (Awb 4:13 default: 8). */
  termWeeks: number;
  /** Days already paused for information (Awb 4:15). */
  pausedDays: number;
  /** Set while the clock is paused: the day information was requested. */
  pausedSince?: Date | null;
}

/**
 * The last day on which the decision may be taken, or null while the clock is paused.
 * The term starts the day after receipt, so eight weeks from Monday 1 September end on
 * Monday 27 October.
 */
export function decisionDueOn(clock: DecisionClock): Date | null {
  if (clock.pausedSince) return null;
  return nextWorkingDayFrom(addDays(clock.receivedOn, clock.termWeeks * 7 + clock.pausedDays));
}

/** Days the clock stood still when information requested on `requestedOn` arrives on `receivedOn`. */
export function pauseLength(requestedOn: Date, receivedOn: Date): number {
  return Math.max(0, daysBetween(requestedOn, receivedOn));
}

export interface DeadlineStatus {
  dueOn: Date | null;
  /** Calendar days from today to the due date (negative when overdue); null while paused. */
  daysLeft: number | null;
  overdue: boolean;
  paused: boolean;
}

export function deadlineStatus(dueOn: Date | null, pausedSince: Date | null, today: Date): DeadlineStatus {
  if (pausedSince || !dueOn) return { dueOn: null, daysLeft: null, overdue: false, paused: Boolean(pausedSince) };
  const daysLeft = daysBetween(today, dueOn);
  return { dueOn, daysLeft, overdue: daysLeft < 0, paused: false };
}
