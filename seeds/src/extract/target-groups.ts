// Target groups. The "Doelgroep" cells are short Dutch phrases ("Vluchtelingen, in het
// bijzonder statushouders in opvanglocaties"), so instead of cutting them at commas each
// group has patterns that find it in a cell. What a pattern matched is kept as an alias:
// the aliases are exactly the spellings the document uses.
import type { TargetGroupRecord } from './records.js';

export interface TargetGroupDefinition {
  name: string;
  description: string;
  patterns: RegExp[];
}

export const TARGET_GROUPS: readonly TargetGroupDefinition[] = [
  { name: 'Asielzoekers', description: 'Mensen in de asielprocedure', patterns: [/asielzoekers/gi] },
  {
    name: 'Statushouders',
    description: 'Asielzoekers met een verblijfsvergunning',
    patterns: [/(?:alleenstaande )?statushouders/gi, /alleen-gaanden \(die wachten op gezinshereniging\)/gi],
  },
  // "ex AMV-ers" are young adults now, a group of their own (see Ex-AMV-ers).
  {
    name: 'AMV-ers',
    description: 'Alleenstaande minderjarige vluchtelingen',
    patterns: [/(?<!ex[- ])\bAMV-ers(?: met status)?/gi],
  },
  {
    name: 'Ex-AMV-ers',
    description: 'Jongvolwassenen die als alleenstaande minderjarige vluchteling kwamen',
    patterns: [/jongvolwassenen \(ex AMV-ers\)/gi, /\bex-AMVers/gi],
  },
  {
    name: 'Ontheemden uit Oekraïne',
    description: 'Vluchtelingen uit Oekraïne onder de Richtlijn tijdelijke bescherming',
    patterns: [/(?:deel van de )?ontheemden uit Oekraïne/gi, /Oekraïense jong-volwassenen/gi],
  },
  {
    name: 'Gezinsmigranten',
    description: 'Migranten die naar Nederland komen voor een partner of ouder',
    patterns: [/gezins-?migranten/gi],
  },
  {
    name: 'Mensen zonder documenten',
    description: 'Uitgeprocedeerde asielzoekers en anderen zonder verblijfsdocumenten',
    patterns: [/mensen zonder documenten/gi],
  },
  // "Iedereen die zich inzet voor vluchtelingen" is about helpers, not about refugees.
  {
    name: 'Vluchtelingen',
    description: 'Alle groepen vluchtelingen',
    patterns: [/(?<!inzet voor )\b(?:alle |volwassen )?(?:\(oud\) )?vluchtelingen\b/gi],
  },
  {
    name: 'Inburgeraars',
    description: 'Inburgeringsplichtigen, ook onder de oude Wet Inburgering',
    patterns: [/inburgeraars(?: onder de oude wet)?/gi],
  },
  {
    name: 'Jonge nieuwkomers',
    description: 'Kinderen en jongeren in het nieuwkomersonderwijs',
    patterns: [/jonge nieuwkomers(?: \([^)]*\))?/gi, /uitstromende ISK-leerlingen 16-18 jaar/gi, /kinderen via ISK/gi],
  },
  {
    name: 'Bewoners van opvanglocaties',
    description: 'De huidige bewoners van een opvanglocatie die wordt vervangen',
    patterns: [
      /bewoners van de betreffende opvanglocaties/gi,
      /een deel van de huidige bewoners Tweede Walstraat en de huidige bewoners van CWZ/gi,
    ],
  },
  {
    name: 'Inwoners',
    description: 'Inwoners van Nijmegen of van de buurt',
    patterns: [/alle inwoners/gi, /inwoners van de buurt/gi],
  },
  { name: 'Woningzoekenden', description: 'Woningzoekenden in Nijmegen', patterns: [/diverse woningzoekenden/gi] },
  { name: 'Andere migranten', description: 'Migranten die geen vluchteling zijn', patterns: [/andere migranten/gi] },
  {
    name: 'Andere doelgroepen',
    description: 'Andere doelgroepen van opvang, zoals spoedzoekers en jongeren',
    patterns: [/andere doelgroepen/gi],
  },
  {
    name: 'Professionals en vrijwilligers',
    description: 'Wie zich beroepsmatig of als vrijwilliger inzet voor vluchtelingen',
    patterns: [
      /iedereen die zich inzet voor vluchtelingen/gi,
      /klantregisseurs/gi,
      /stichtingen en organisaties die werken met de doelgroep/gi,
    ],
  },
];

export interface TargetGroupMatch {
  name: string;
  spelling: string;
}

/** The target groups a cell names, in table order, each once, with the spelling found. */
export function matchTargetGroups(cell: string | null): TargetGroupMatch[] {
  if (!cell) return [];
  const found: TargetGroupMatch[] = [];
  for (const group of TARGET_GROUPS) {
    for (const pattern of group.patterns) {
      for (const match of cell.matchAll(pattern)) found.push({ name: group.name, spelling: match[0] });
    }
  }
  return found;
}

export function targetGroupRecords(cells: readonly (string | null)[]): TargetGroupRecord[] {
  const aliases = new Map<string, Set<string>>();
  for (const cell of cells) {
    for (const match of matchTargetGroups(cell)) {
      if (!aliases.has(match.name)) aliases.set(match.name, new Set());
      aliases.get(match.name)!.add(match.spelling);
    }
  }
  return TARGET_GROUPS.filter((group) => aliases.has(group.name)).map((group) => ({
    name: group.name,
    aliases: [...aliases.get(group.name)!].sort((a, b) => a.localeCompare(b, 'nl')),
    description: group.description,
  }));
}
