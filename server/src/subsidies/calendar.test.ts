import { describe, expect, it } from 'vitest';
import {
  atwHolidays,
  decisionDueOn,
  deadlineStatus,
  easterSunday,
  formatDate,
  isWorkingDay,
  nextWorkingDayFrom,
  parseDate,
  pauseLength,
} from './calendar.js';

const d = parseDate;
const due = (receivedOn: string, termWeeks = 8, pausedDays = 0) =>
  formatDate(decisionDueOn({ receivedOn: d(receivedOn), termWeeks, pausedDays })!);

describe('the Algemene termijnenwet calendar', () => {
  it('knows Easter Sunday', () => {
    expect(['2024', '2025', '2026', '2027', '2028', '2038'].map((y) => formatDate(easterSunday(Number(y))))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2038-04-25',
    ]);
  });

  it('lists the holidays of article 3, Good Friday included', () => {
    expect(atwHolidays(2025).map((h) => `${formatDate(h.date)} ${h.name}`)).toEqual([
      '2025-01-01 Nieuwjaarsdag',
      '2025-04-18 Goede Vrijdag',
      '2025-04-21 Tweede Paasdag',
      '2025-04-26 Koningsdag',
      '2025-05-05 Bevrijdingsdag',
      '2025-05-29 Hemelvaartsdag',
      '2025-06-09 Tweede Pinksterdag',
      '2025-12-25 Eerste Kerstdag',
      '2025-12-26 Tweede Kerstdag',
    ]);
  });

  it("moves King's Day to 26 April only when the 27th is a Sunday", () => {
    expect(isWorkingDay(d('2025-04-26'))).toBe(false); // Saturday anyway, and King's Day
    expect(isWorkingDay(d('2026-04-27'))).toBe(false); // Monday, King's Day
    expect(isWorkingDay(d('2026-04-26'))).toBe(false); // a Sunday
    expect(isWorkingDay(d('2027-04-27'))).toBe(false);
    expect(isWorkingDay(d('2027-04-26'))).toBe(true);
    // 2031: the 27th is a Sunday, so Saturday the 26th is King's Day.
    expect(atwHolidays(2031).find((h) => h.name === 'Koningsdag')!.date).toEqual(d('2031-04-26'));
  });

  it('treats 5 May as a holiday every year, not only in lustrum years', () => {
    expect(isWorkingDay(d('2026-05-05'))).toBe(false);
    expect(isWorkingDay(d('2027-05-05'))).toBe(false);
  });

  it('moves a term ending on a weekend or holiday to the next working day', () => {
    expect(formatDate(nextWorkingDayFrom(d('2025-11-28')))).toBe('2025-11-28'); // Friday
    expect(formatDate(nextWorkingDayFrom(d('2025-11-29')))).toBe('2025-12-01'); // Saturday -> Monday
    // Good Friday, the weekend and Easter Monday: four days on.
    expect(formatDate(nextWorkingDayFrom(d('2025-04-18')))).toBe('2025-04-22');
    // Christmas on a Thursday, Boxing Day, the weekend.
    expect(formatDate(nextWorkingDayFrom(d('2025-12-25')))).toBe('2025-12-29');
    // Christmas 2027 on a Saturday, Boxing Day Sunday: Monday 27th is a working day.
    expect(formatDate(nextWorkingDayFrom(d('2027-12-25')))).toBe('2027-12-27');
    // New Year's Day 2028 is a Saturday.
    expect(formatDate(nextWorkingDayFrom(d('2027-12-31')))).toBe('2027-12-31');
  });
});

describe('the decision deadline (Awb 4:13, 4:15)', () => {
  it('is eight weeks after receipt by default', () => {
    expect(due('2025-09-01')).toBe('2025-10-27');
  });

  it('moves past Easter', () => {
    // Received Friday 21 Feb 2025: eight weeks end on Good Friday 18 April -> Tuesday 22 April.
    expect(due('2025-02-21')).toBe('2025-04-22');
    // Received Monday 24 Feb 2025: ends on Easter Monday 21 April -> 22 April.
    expect(due('2025-02-24')).toBe('2025-04-22');
  });

  it("moves past King's Day", () => {
    // Received Monday 2 March 2026: eight weeks end Monday 27 April (King's Day) -> 28 April.
    expect(due('2026-03-02')).toBe('2026-04-28');
  });

  it('moves past Christmas', () => {
    // Received Thursday 30 Oct 2025: ends Christmas Day -> Monday 29 Dec.
    expect(due('2025-10-30')).toBe('2025-12-29');
    // A six-week scheme received 14 Nov 2025: ends Boxing Day -> 29 Dec.
    expect(due('2025-11-14', 6)).toBe('2025-12-29');
  });

  it('adds the days the clock stood still and is unknown while it stands still', () => {
    const requested = d('2025-09-10');
    const paused = pauseLength(requested, d('2025-09-24'));
    expect(paused).toBe(14);
    expect(due('2025-09-01', 8, paused)).toBe('2025-11-10');
    expect(
      decisionDueOn({ receivedOn: d('2025-09-01'), termWeeks: 8, pausedDays: 0, pausedSince: requested }),
    ).toBeNull();
  });

  it('tells the days left and whether it is overdue', () => {
    expect(deadlineStatus(d('2025-10-27'), null, d('2025-10-20'))).toMatchObject({ daysLeft: 7, overdue: false });
    expect(deadlineStatus(d('2025-10-27'), null, d('2025-10-28'))).toMatchObject({ daysLeft: -1, overdue: true });
    expect(deadlineStatus(null, d('2025-10-01'), d('2025-10-28'))).toMatchObject({
      daysLeft: null,
      paused: true,
      overdue: false,
    });
  });
});
