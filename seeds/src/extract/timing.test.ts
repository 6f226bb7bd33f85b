import { describe, expect, it } from 'vitest';
import { parseTiming, TIMING_RULES } from './timing.js';

describe('parseTiming', () => {
  it.each([
    ['2025-2028', '2025-01-01', '2028-12-31'],
    ['2025/2026', '2025-01-01', '2026-12-31'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['April 2025-2028', '2025-04-01', '2028-12-31'],
    ['Voortzetting in 2025', '2025-01-01', '2025-12-31'],
    ['Vervolg 2025', '2025-01-01', '2025-12-31'],
    ['Start najaar 2024', '2024-09-01', null],
    ['Start begin 2025 Duur 2 jaar, tot eind 2026', '2025-01-01', '2026-12-31'],
    ['Start eind 2024 Gereed 1 juli 2025 (i.v.m. Spreidings wet) Einddatum 2028', '2024-10-01', '2028-12-31'],
    ['Start najaar 2024 Doorlooptijd 2025-2027', '2024-09-01', '2027-12-31'],
    ['Start voorbereiding najaar 2024', '2024-09-01', null],
    ['Start onderzoek/ voorbereiding najaar 2024, Realisatie 2025', '2024-09-01', '2025-12-31'],
    ['Start in 2025 Streefdatum realisatie: uiterlijk 31-12-2025.', '2025-01-01', '2025-12-31'],
    ['Start in 2025', '2025-01-01', null],
    ['Start 2026', '2026-01-01', null],
    ['Start per 1 januari 2025 en daarna doorlopend', '2025-01-01', null],
    ['In aanbesteding met start 1 april 2025', '2025-04-01', null],
    ['Start schooljaar 2025-2026', '2025-08-01', null],
    ['Pilot 2024-2025 Op basis van uitkomsten vervolg', '2024-01-01', '2025-12-31'],
    ['Tijdelijke uitbreiding in 2025, herijking formatie voor 2026 en verder', '2025-01-01', null],
  ])('reads "%s" as %s to %s', (text, start, end) => {
    const parsed = parseTiming(text);
    expect([parsed.startDate, parsed.endDate]).toEqual([start, end]);
    expect(parsed.rules.length).toBeGreaterThan(0);
  });

  it.each(['Doorlopend', 'Doorgaand', 'Doorlopende ontwikkeling'])('gives "%s" no dates, on purpose', (text) => {
    expect(parseTiming(text)).toEqual({ startDate: null, endDate: null, rules: ['ongoing'], ongoing: true });
  });

  it('gives an empty cell no dates and no rule', () => {
    expect(parseTiming('')).toEqual({ startDate: null, endDate: null, rules: [], ongoing: false });
    expect(parseTiming(null)).toEqual({ startDate: null, endDate: null, rules: [], ongoing: false });
  });

  it('reads its own documented example with every rule', () => {
    for (const rule of TIMING_RULES) {
      const example = rule.example.split(' or ')[0]!;
      expect(parseTiming(example).rules, `${rule.name}: ${example}`).toContain(rule.name);
    }
  });
});
