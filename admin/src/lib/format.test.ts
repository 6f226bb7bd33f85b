import { describe, expect, it } from 'vitest';
import { day, euros, parseEuros } from './format';

describe('money and dates in the chosen language', () => {
  it('writes cents as euros, Dutch or English', () => {
    expect(euros(125_000, 'nl')).toMatch(/€\s1\.250,00/);
    expect(euros(125_000, 'en')).toBe('€1,250.00');
    expect(euros(null, 'nl')).toBe('–');
  });

  it('reads what a person types as euros, never as cents', () => {
    expect(parseEuros('1.250,00')).toBe(125_000);
    expect(parseEuros('1.250')).toBe(125_000);
    expect(parseEuros('900,5')).toBe(90_050);
    expect(parseEuros('€ 900')).toBe(90_000);
    expect(parseEuros('1,250.00', 'en')).toBe(125_000);
    expect(parseEuros('1,250', 'en')).toBe(125_000);
    expect(parseEuros('twelve')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });

  it('writes a date once, the same way everywhere', () => {
    expect(day('2026-03-03', 'nl')).toBe('3 mrt 2026');
    expect(day('2026-03-03', 'en')).toBe('3 Mar 2026');
  });
});
