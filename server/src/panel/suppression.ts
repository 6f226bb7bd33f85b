// Statistical disclosure control for the panel's composition. Every count, totals included, is
// published as a band of five: "< 5", "5–9", "10–14", ... So a group smaller than five is always
// "< 5", and no group smaller than five can be worked out by subtraction either:
//
// A reader knows each cell lies in its band, the total in its band, and that the cells of a
// dimension add up to the total (shared by all dimensions). The sum of any set A of cells then
// lies in [5·a, 5·a + 4|A|] (its own bands) and in [5·t − 5·r − 4|R|, T_high − 5·r] (total minus
// the other cells R), where a, r, t are the band numbers. For that sum to be pinned to a single
// value the two intervals must touch: 5·a = T_high − 5·r needs T_high to be a multiple of five,
// and 5·a + 4|A| = 5·t − 5·r − 4|R| needs 4·(cells) to be one. T_high is 5·t + 4, or, narrowed by
// another dimension, 5·(its bands) + 4·(its cells); so neither can happen while no dimension has
// a multiple of five cells. `publishDimension` refuses such a dimension; suppression.test.ts
// checks the argument by brute force, attacking every table up to 24 people.
//
// Why bands rather than exact counts with cells under five suppressed: with complementary
// suppression, which cells end up hidden depends on the counts, and a reader who knows the
// algorithm can use that (1 small cell beside 6, 5 and 6 leaves only one possible value for it;
// the brute-force attack found it). Bands are decided cell by cell, so what is published says no
// more than the bands themselves.

export const THRESHOLD = 5;

export interface Band {
  /** Lowest count in the band (0 for "< 5"). */
  low: number;
  /** Highest count in the band. */
  high: number;
  /** "< 5", "5–9", "10–14", ... */
  display: string;
}

export function bandOf(count: number): Band {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('A count is a non-negative integer.');
  const low = Math.floor(count / THRESHOLD) * THRESHOLD;
  const high = low + THRESHOLD - 1;
  return { low, high, display: low === 0 ? `< ${THRESHOLD}` : `${low}–${high}` };
}

/** Bands for the cells of one dimension; refuses a cell count that would let subtraction pin a cell. */
export function publishDimension(counts: readonly number[]): Band[] {
  if (counts.length % THRESHOLD === 0) {
    throw new Error(`A dimension of ${counts.length} cells can disclose a small group; merge or add a cell.`);
  }
  return counts.map(bandOf);
}
