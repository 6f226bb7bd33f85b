import { describe, expect, it } from 'vitest';
import { isOpenAt } from './hours.js';

const weekly = { validFrom: null, validTo: null, freq: 'WEEKLY', byday: 'MO,WE', opensAt: '09:00', closesAt: '12:00' };

describe('isOpenAt (Dutch time)', () => {
  it('is open on a listed day between opening and closing, in Dutch time', () => {
    // Monday 2 March 2026, 10:30 in Amsterdam (CET, UTC+1) is 09:30 UTC.
    expect(isOpenAt(weekly, new Date('2026-03-02T09:30:00Z'))).toBe(true);
    expect(isOpenAt(weekly, new Date('2026-03-02T07:30:00Z'))).toBe(false); // 08:30 local
    expect(isOpenAt(weekly, new Date('2026-03-02T11:00:00Z'))).toBe(false); // 12:00 local: closed
    expect(isOpenAt(weekly, new Date('2026-03-03T09:30:00Z'))).toBe(false); // Tuesday
    // Summer time: Wednesday 1 July 2026 11:59 local is 09:59 UTC.
    expect(isOpenAt(weekly, new Date('2026-07-01T09:59:00Z'))).toBe(true);
  });

  it('respects validity and does not guess for monthly rules or missing hours', () => {
    expect(isOpenAt({ ...weekly, validTo: new Date('2026-01-31T00:00:00Z') }, new Date('2026-03-02T09:30:00Z'))).toBe(
      false,
    );
    expect(isOpenAt({ ...weekly, freq: 'MONTHLY' }, new Date('2026-03-02T09:30:00Z'))).toBe(false);
    expect(isOpenAt({ ...weekly, opensAt: null }, new Date('2026-03-02T09:30:00Z'))).toBe(false);
  });
});
