// How the console writes money and dates, in the language the user chose: one place, so every
// screen says "€ 1.250,00" and "3 mrt 2026" alike (English: "€1,250.00", "3 Mar 2026").
import type { Locale } from '../schema/model';

const tag = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** Euro cents as euros; '–' when there is no amount. */
export function euros(cents: number | null | undefined, locale: string): string {
  if (cents === null || cents === undefined) return '–';
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A calendar date (YYYY-MM-DD or ISO); '–' when there is none. */
export function day(iso: string | null | undefined, locale: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(tag(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/** A moment, in Dutch time. */
export function moment(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

/** What a person types as euros ("1.250,00", "1250.5", "€ 900") in cents; null when it is not an amount. */
export function parseEuros(text: string, locale: Locale | string = 'nl'): number | null {
  const clean = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (!clean) return null;
  let normalised: string;
  if (clean.includes(',') && clean.includes('.')) {
    // Both marks: the last one is the decimal mark.
    normalised =
      clean.lastIndexOf(',') > clean.lastIndexOf('.')
        ? clean.replace(/\./g, '').replace(',', '.')
        : clean.replace(/,/g, '');
  } else if (clean.includes(',')) {
    normalised = locale === 'en' && /,\d{3}$/.test(clean) ? clean.replace(/,/g, '') : clean.replace(',', '.');
  } else {
    normalised = locale !== 'en' && /^\d{1,3}(\.\d{3})+$/.test(clean) ? clean.replace(/\./g, '') : clean;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}
