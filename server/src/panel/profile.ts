// A panel member's diversity profile: what it holds, how it is stored (one AES-256-GCM value per
// member, see encryption.ts) and the categories the composition overview counts.
// Every attribute is optional and voluntary; "not stated" is a category of its own.
import { decryptField, encryptField } from './encryption.js';

export interface Category {
  value: string;
  label: string;
  labelEn: string;
}

const category = (value: string, label: string, labelEn: string): Category => ({ value, label, labelEn });

export const AGE_BANDS = [
  category('UNDER_18', 'Jonger dan 18', 'Under 18'),
  category('AGE_18_26', '18 tot en met 26', '18 to 26'),
  category('AGE_27_40', '27 tot en met 40', '27 to 40'),
  category('AGE_41_65', '41 tot en met 65', '41 to 65'),
  category('AGE_66_PLUS', '66 en ouder', '66 and over'),
] as const;

export const EDUCATION_LEVELS = [
  category('NONE_OR_PRIMARY', 'Geen of basisonderwijs', 'None or primary'),
  category('SECONDARY', 'Voortgezet onderwijs', 'Secondary'),
  category('VOCATIONAL', 'Mbo', 'Vocational (mbo)'),
  category('HIGHER', 'Hbo of wo', 'Higher (hbo or university)'),
  category('OTHER', 'Anders of niet te vergelijken', 'Other or not comparable'),
] as const;

export const LGBTIQ = [category('YES', 'Ja, LHBTIQ+', 'Yes, LGBTIQ+'), category('NO', 'Nee', 'No')] as const;

export const NOT_STATED = category('NOT_STATED', 'Niet opgegeven', 'Not stated');
export const OTHER_COUNTRIES = category('OTHER_COUNTRIES', 'Overige landen', 'Other countries');

export interface Profile {
  ageBand: string | null;
  educationLevel: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryOfOrigin: string | null;
  lgbtiq: string | null;
}

export const EMPTY_PROFILE: Profile = { ageBand: null, educationLevel: null, countryOfOrigin: null, lgbtiq: null };

const regionNames = new Intl.DisplayNames(['nl'], { type: 'region', fallback: 'none' });
const regionNamesEn = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Codes Intl names that are not countries of origin.
const NOT_A_COUNTRY = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO']);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.has(code) && regionNames.of(code) !== undefined;
}

export function countryName(code: string, language: 'nl' | 'en' = 'nl'): string {
  return (language === 'en' ? regionNamesEn : regionNames).of(code) ?? code;
}

export function sealProfile(profile: Profile, memberId: string): string | null {
  const empty = Object.values(profile).every((value) => value === null);
  return empty ? null : encryptField(JSON.stringify(profile), memberId);
}

export function openProfile(ciphertext: string | null, memberId: string): Profile {
  if (!ciphertext) return { ...EMPTY_PROFILE };
  return { ...EMPTY_PROFILE, ...(JSON.parse(decryptField(ciphertext, memberId)) as Partial<Profile>) };
}

/** Consent for the profile holds on `day`: given, not withdrawn, member not erased. */
export function consentHolds(
  member: { consentGivenOn: Date | null; consentWithdrawnOn: Date | null; erasedAt: Date | null },
  day: Date,
): boolean {
  return Boolean(
    member.consentGivenOn && member.consentGivenOn <= day && !member.consentWithdrawnOn && !member.erasedAt,
  );
}

/** Today as a date-only value (UTC midnight), as `@db.Date` columns hold it. */
export function today(): Date {
  return new Date(new Date().toISOString().slice(0, 10));
}
