// The social map's languages are rows (KaartLanguage), so adding one is configuration. The
// visitor's language comes from ?lang= or, failing that, Accept-Language; Dutch otherwise.
import type { KaartTextDirection } from '@welkom/db';
import { db } from '../db.js';

export interface Language {
  code: string;
  name: string;
  nativeName: string;
  direction: KaartTextDirection;
}

export async function activeLanguages(): Promise<Language[]> {
  return db().kaartLanguage.findMany({
    where: { active: true },
    select: { code: true, name: true, nativeName: true, direction: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
}

/** Picks the language: an active `?lang=` wins, then the best Accept-Language match, then Dutch. */
export function chooseLanguage(
  languages: Language[],
  requested: string | null | undefined,
  acceptLanguage: string | undefined,
): Language {
  const byCode = new Map(languages.map((language) => [language.code, language]));
  const dutch = byCode.get('nl') ?? {
    code: 'nl',
    name: 'Nederlands',
    nativeName: 'Nederlands',
    direction: 'LTR' as const,
  };
  if (requested && byCode.has(requested.toLowerCase())) return byCode.get(requested.toLowerCase())!;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { code: (tag ?? '').toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.code && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) if (byCode.has(entry.code)) return byCode.get(entry.code)!;
  return dutch;
}
