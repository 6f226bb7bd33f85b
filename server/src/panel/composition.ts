// The panel's composition as aggregates, for everyone with access to the panel.
// Counted over current members whose consent holds (withdrawn consent: not counted at all).
//
// The profiles are decrypted here, in the server, and counted in memory. A database GROUP BY
// would need the values in a form PostgreSQL can compare: in clear, or as a deterministic keyed
// hash per value. With a handful of possible values (LHBTIQ+ yes/no) such a hash is as good as
// clear text to anyone who can read the table and knows one member's answer, which is exactly
// what the random IV of AES-GCM prevents. A panel has tens of members: one query with two
// columns and a few dozen decryptions take well under a millisecond.
import type { Prisma } from '@welkom/db';
import { db } from '../db.js';
import {
  AGE_BANDS,
  type Category,
  EDUCATION_LEVELS,
  LGBTIQ,
  NOT_STATED,
  OTHER_COUNTRIES,
  type Profile,
  countryName,
  openProfile,
  today,
} from './profile.js';
import { type Band, THRESHOLD, bandOf, publishDimension } from './suppression.js';

export interface CompositionCell extends Category {
  count: Band;
}

export interface CompositionDimension {
  key: string;
  label: string;
  labelEn: string;
  cells: CompositionCell[];
}

export interface Composition {
  total: Band;
  dimensions: CompositionDimension[];
}

/** Members counted: on the panel today, consent given and not withdrawn, not erased. */
export function countedMembersWhere(day: Date): Prisma.PanelMemberWhereInput {
  return {
    erasedAt: null,
    consentGivenOn: { not: null, lte: day },
    consentWithdrawnOn: null,
    OR: [{ joinedOn: null }, { joinedOn: { lte: day } }],
    AND: [{ OR: [{ leftOn: null }, { leftOn: { gt: day } }] }],
  };
}

function fixedDimension(
  key: string,
  label: string,
  labelEn: string,
  categories: readonly Category[],
  values: (string | null)[],
): CompositionDimension {
  const all = [...categories, NOT_STATED];
  const counts = all.map((item) => values.filter((value) => (value ?? NOT_STATED.value) === item.value).length);
  const bands = publishDimension(counts);
  return { key, label, labelEn, cells: all.map((item, index) => ({ ...item, count: bands[index]! })) };
}

/**
 * Countries with five or more members are named; the others are one cell, so that a country
 * with one member is not even named. Whether a country is named follows from its band, so the
 * naming tells no more than the bands do. When that would make a multiple of five cells (see
 * suppression.ts), "other countries" and "not stated" are one cell.
 */
function countryDimension(values: (string | null)[]): CompositionDimension {
  const perCountry = new Map<string, number>();
  for (const value of values) if (value) perCountry.set(value, (perCountry.get(value) ?? 0) + 1);
  const named = [...perCountry]
    .filter(([, count]) => count >= THRESHOLD)
    .sort(([a, countA], [b, countB]) => countB - countA || countryName(a).localeCompare(countryName(b), 'nl'));
  const namedSet = new Set(named.map(([code]) => code));
  const other = values.filter((value) => value && !namedSet.has(value)).length;
  const notStated = values.filter((value) => !value).length;
  const cells: (Category & { n: number })[] = named.map(([code, n]) => ({
    value: code,
    label: countryName(code),
    labelEn: countryName(code, 'en'),
    n,
  }));
  if ((cells.length + 2) % THRESHOLD === 0) {
    cells.push({
      value: 'OTHER_OR_NOT_STATED',
      label: 'Overige landen of niet opgegeven',
      labelEn: 'Other countries or not stated',
      n: other + notStated,
    });
  } else {
    cells.push({ ...OTHER_COUNTRIES, n: other }, { ...NOT_STATED, n: notStated });
  }
  const bands = publishDimension(cells.map((cell) => cell.n));
  return {
    key: 'countryOfOrigin',
    label: 'Land van herkomst',
    labelEn: 'Country of origin',
    cells: cells.map(({ n: _n, ...cell }, index) => ({ ...cell, count: bands[index]! })),
  };
}

export function compose(profiles: Profile[]): Composition {
  return {
    total: bandOf(profiles.length),
    dimensions: [
      fixedDimension(
        'ageBand',
        'Leeftijd',
        'Age',
        AGE_BANDS,
        profiles.map((p) => p.ageBand),
      ),
      fixedDimension(
        'educationLevel',
        'Opleidingsniveau',
        'Education level',
        EDUCATION_LEVELS,
        profiles.map((p) => p.educationLevel),
      ),
      countryDimension(profiles.map((p) => p.countryOfOrigin)),
      fixedDimension(
        'lgbtiq',
        'LHBTIQ+',
        'LGBTIQ+',
        LGBTIQ,
        profiles.map((p) => p.lgbtiq),
      ),
    ],
  };
}

export async function panelComposition(day = today()): Promise<Composition> {
  const members = await db().panelMember.findMany({
    where: countedMembersWhere(day),
    select: { id: true, profileCiphertext: true },
  });
  return compose(members.map((member) => openProfile(member.profileCiphertext, member.id)));
}
