// The suppression arithmetic, attacked: an attacker who knows the method, sees every published
// band and knows that each dimension adds up to the same total, enumerates every panel that
// would have been published the same way, and looks for any set of cells whose sum is the same
// in all of them and under five. There must be none.
import { describe, expect, it } from 'vitest';
import { THRESHOLD, bandOf, publishDimension } from './suppression.js';

/** Every way to spread `sum` over `cells` non-negative integers, each within its [low, high]. */
function* spreads(sum: number, bounds: [number, number][]): Generator<number[]> {
  if (bounds.length === 0) {
    if (sum === 0) yield [];
    return;
  }
  const [[low, high], ...rest] = bounds as [[number, number], ...[number, number][]];
  for (let first = low; first <= Math.min(high, sum); first++) {
    for (const tail of spreads(sum - first, rest)) yield [first, ...tail];
  }
}

/**
 * Sets of cells (per dimension) whose sum an attacker can pin to one value under five, given the
 * bands published for each dimension's cells and for the total they share.
 */
function attackBands(dimensions: number[][], totalBand: number): { worlds: number; disclosed: string[] } {
  const sums = dimensions.map(
    (bands) =>
      new Map<number, Set<number>>(
        Array.from({ length: (1 << bands.length) - 1 }, (_, i) => [i + 1, new Set<number>()]),
      ),
  );
  let worlds = 0;
  for (let candidate = totalBand * THRESHOLD; candidate < (totalBand + 1) * THRESHOLD; candidate++) {
    const perDimension = dimensions.map((bands) => [
      ...spreads(
        candidate,
        bands.map((band) => [band * THRESHOLD, band * THRESHOLD + THRESHOLD - 1]),
      ),
    ]);
    if (perDimension.some((tables) => tables.length === 0)) continue; // this total contradicts some dimension
    worlds++;
    perDimension.forEach((tables, d) => {
      for (const table of tables) {
        for (const [mask, seen] of sums[d]!) {
          seen.add(table.reduce((sum, count, cell) => sum + (mask & (1 << cell) ? count : 0), 0));
        }
      }
    });
  }
  const disclosed: string[] = [];
  sums.forEach((byMask, d) => {
    for (const [mask, seen] of byMask) {
      const [only] = [...seen];
      if (worlds > 0 && seen.size === 1 && only! < THRESHOLD)
        disclosed.push(`dimension ${d}, cells ${mask.toString(2)}: ${only}`);
    }
  });
  return { worlds, disclosed };
}

/** What an attacker learns from the published form of real counts. */
function attack(dimensions: number[][]): string[] {
  const total = dimensions[0]!.reduce((a, b) => a + b, 0);
  const bands = dimensions.map((counts) => publishDimension(counts).map((band) => band.low / THRESHOLD));
  const result = attackBands(bands, bandOf(total).low / THRESHOLD);
  expect(result.worlds).toBeGreaterThan(0);
  return result.disclosed;
}

/** Every vector of `cells` band numbers from 0 to `max`. */
function* bandVectors(cells: number, max: number): Generator<number[]> {
  if (cells === 0) {
    yield [];
    return;
  }
  for (let band = 0; band <= max; band++) for (const rest of bandVectors(cells - 1, max)) yield [band, ...rest];
}

describe('bands of five', () => {
  it('shows every group under five, an empty one included, as "< 5" and others as a band', () => {
    expect([0, 1, 4, 5, 9, 10, 23].map((count) => bandOf(count).display)).toEqual([
      '< 5',
      '< 5',
      '< 5',
      '5–9',
      '5–9',
      '10–14',
      '20–24',
    ]);
  });

  it('refuses a dimension of five (or ten) cells, the one shape where subtraction could pin a cell', () => {
    expect(() => publishDimension([4, 4, 4, 4, 4])).toThrow(/merge or add a cell/);
    // What the refusal prevents: five cells of "< 5" and a total of "20–24" leave only 4 each.
    expect(attackUnchecked([[4, 4, 4, 4, 4]])).toContain('dimension 0, cells 1: 4');
  });

  it('leaves no group under five derivable from any publishable dimension of 2, 3, 4 or 6 cells', () => {
    // Every combination of bands (cells up to 34 people each, totals up to 34) that some real
    // panel could have produced: what is published depends on the bands alone.
    let views = 0;
    for (const [cells, maxBand] of [
      [2, 6],
      [3, 6],
      [4, 4],
      [6, 1],
    ] as const) {
      for (const bands of bandVectors(cells, maxBand)) {
        for (let total = 0; total <= 6; total++) {
          const { worlds, disclosed } = attackBands([bands], total);
          if (worlds === 0) continue;
          expect({ bands, total, disclosed }).toEqual({ bands, total, disclosed: [] });
          views++;
        }
      }
    }
    expect(views).toBeGreaterThan(800);
  }, 60_000);

  it('leaves none derivable by combining dimensions through their common total', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const total = random(30);
      const dimensions = [2, 3, 4, 6].slice(0, 2 + random(3)).map((cells) => {
        const counts = Array.from({ length: cells }, () => 0);
        for (let person = 0; person < total; person++) counts[random(random(2) ? cells : 2)]!++;
        return counts;
      });
      expect({ dimensions, disclosed: attack(dimensions) }).toEqual({ dimensions, disclosed: [] });
    }
  });
});

/** The same attack on bands published without publishDimension's refusal. */
function attackUnchecked(dimensions: number[][]): string[] {
  const total = dimensions[0]!.reduce((a, b) => a + b, 0);
  const bands = dimensions.map((counts) => counts.map((count) => bandOf(count).low / THRESHOLD));
  return attackBands(bands, bandOf(total).low / THRESHOLD).disclosed;
}
