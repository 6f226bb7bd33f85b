// Organisations: one normalised name per organisation, with every spelling the document uses
// (in the action tables and in the running text). Resolution goes through this table only,
// so a new spelling fails the tests instead of silently becoming a new organisation.
import type { PartnerKind } from '@welkom/db';
import type { PartnerLinkRecord, PartnerRecord } from './records.js';

export interface PartnerDefinition {
  name: string;
  kind: PartnerKind;
  description: string;
  /** Spellings found in the document; each must occur in it verbatim (tested). */
  aliases: string[];
  /** Spellings that are typing errors in the source; they resolve but raise a note. */
  misspellings?: string[];
}

export const PARTNERS: readonly PartnerDefinition[] = [
  {
    name: 'COA',
    kind: 'NATIONAL_AGENCY',
    description: 'Centraal Orgaan opvang Asielzoekers',
    aliases: ['COA', 'Centraal Orgaan opvang Asielzoekers'],
  },
  {
    name: 'Nidos',
    kind: 'NATIONAL_AGENCY',
    description: 'Voogdij-instelling voor alleenstaande minderjarige vluchtelingen',
    aliases: ['NIDOS'],
  },
  {
    name: 'IND',
    kind: 'NATIONAL_AGENCY',
    description: 'Immigratie- en Naturalisatiedienst',
    aliases: ['IND', 'Immigratie & Naturalisatie Dienst'],
  },
  {
    name: 'DT&V',
    kind: 'NATIONAL_AGENCY',
    description: 'Dienst Terugkeer en Vertrek',
    aliases: ['DT&V', 'Dienst Terugkeer en Vertrek'],
  },
  {
    name: 'UWV',
    kind: 'NATIONAL_AGENCY',
    description: 'Uitvoeringsinstituut Werknemersverzekeringen',
    aliases: ['UWV'],
  },
  {
    name: 'VluchtelingenWerk',
    kind: 'FOUNDATION',
    description: 'VluchtelingenWerk (VWN): maatschappelijke begeleiding en juridische ondersteuning',
    aliases: ['VWN', 'VluchtelingenWerk', 'Vluchtelingenwerk'],
  },
  {
    name: 'Gemeente Nijmegen',
    kind: 'MUNICIPALITY',
    description: 'De gemeente als geheel',
    aliases: ['Gemeente', 'gemeente', 'Gemeente Nijmegen'],
  },
  {
    name: 'Gemeentelijke afdelingen',
    kind: 'MUNICIPAL_DEPARTMENT',
    description: 'Afdelingen van de gemeente; welke, staat in de rol',
    aliases: ['Gemeentelijke afdelingen'],
  },
  {
    name: 'IZ&L',
    kind: 'MUNICIPAL_DEPARTMENT',
    description: 'Gemeentelijke afdeling; onder meer het Team Inburgering (klantregisseurs)',
    aliases: ['IZ&L', 'Gemeente (IZ&L)'],
  },
  {
    name: 'Inkoop',
    kind: 'MUNICIPAL_DEPARTMENT',
    description: 'Gemeentelijke inkoop (aanbesteding van de leerroutes)',
    aliases: ['Inkoop'],
  },
  {
    name: 'Team Bijzondere Doelgroepen',
    kind: 'MUNICIPAL_DEPARTMENT',
    description: 'Team van de gemeente (burgerzaken)',
    aliases: ['team Bijzondere Doelgroepen'],
  },
  {
    name: 'Doorstroompunt',
    kind: 'MUNICIPAL_DEPARTMENT',
    description: 'Volgt jongeren na het onderwijs',
    aliases: ['Doorstroompunt'],
  },
  {
    name: 'WerkBedrijf',
    kind: 'MUNICIPAL_DEPARTMENT',
    description: 'Voert de re-integratietaak uit voor de gemeenten in het Rijk van Nijmegen',
    aliases: ['WerkBedrijf', 'Werkbedrijf'],
  },
  {
    name: 'Sportbedrijf',
    kind: 'SPORT',
    description: 'Sportbedrijf van de gemeente (buurtsportcoaches, zwemlessen)',
    aliases: ['Sportbedrijf', 'sportbedrijf'],
  },
  { name: 'Sportfondsen', kind: 'SPORT', description: 'Exploitant van zwembaden', aliases: ['Sportfondsen'] },
  {
    name: 'Rijk van Nijmegen',
    kind: 'MUNICIPALITY',
    description: 'Samenwerking van de gemeenten in de regio Rijk van Nijmegen',
    aliases: ['Rijk van Nijmegen', 'Regiogemeenten die daarin willen participeren in het Rijk van Nijmegen'],
  },
  { name: 'ODRN', kind: 'MUNICIPALITY', description: 'Omgevingsdienst Regio Nijmegen', aliases: ['ODRN'] },
  { name: 'Brandweer', kind: 'SAFETY_JUSTICE', description: 'Brandweer', aliases: ['brandweer'] },
  { name: 'Politie', kind: 'SAFETY_JUSTICE', description: 'Politie', aliases: ['politie'] },
  { name: 'Openbaar Ministerie', kind: 'SAFETY_JUSTICE', description: 'Openbaar Ministerie (OM)', aliases: ['OM'] },
  {
    name: 'AVIM',
    kind: 'SAFETY_JUSTICE',
    description: 'Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel',
    aliases: ['AVIM', 'Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel'],
  },
  {
    name: 'Woningcorporaties',
    kind: 'HOUSING_CORPORATION',
    description: 'De Nijmeegse woningcorporaties',
    aliases: ['Woningcorporaties', 'Corporaties', 'woningcorporaties'],
  },
  {
    name: 'Beheerorganisatie',
    kind: 'OTHER',
    description: 'Beheerder van doorstroomlocaties',
    aliases: ['Beheerorganisatie'],
  },
  {
    name: 'Vastgoedeigenaren',
    kind: 'OTHER',
    description: 'Eigenaren van panden voor doorstroomlocaties',
    aliases: ['Vastgoedeigenaren'],
  },
  {
    name: 'Lindenhout',
    kind: 'CARE',
    description: 'Jeugdzorgorganisatie; YOIN is haar begeleiding van jonge statushouders',
    aliases: ['YOIN Lindenhout'],
  },
  {
    name: 'Sterker',
    kind: 'WELFARE',
    description: 'Welzijn en sociaal werk voor jeugd en gezin; R75 begeleidt jonge statushouders',
    aliases: ['Sterker', 'Sterker-R75'],
  },
  {
    name: 'Bindkracht10',
    kind: 'WELFARE',
    description: 'Welzijnsorganisatie in Nijmegen (onder meer gezondheidsmakelaars)',
    aliases: ['Bindkracht10', 'Binkracht10'],
    misspellings: ['Binkracht10'],
  },
  { name: 'Jongerenwerk', kind: 'WELFARE', description: 'Jongerenwerk', aliases: ['Jongerenwerk'] },
  {
    name: 'Organisatie voor maatschappelijke opvang',
    kind: 'WELFARE',
    description: 'Een nog te kiezen organisatie voor Maatschappelijke Opvang',
    aliases: ['Organisatie voor maatschappelijke opvang'],
  },
  {
    name: 'GGD',
    kind: 'CARE',
    description: 'Gemeentelijke Gezondheidsdienst (gezondheidsmakelaars)',
    aliases: ['GGD'],
  },
  { name: 'Pharos', kind: 'RESEARCH', description: 'Expertisecentrum gezondheidsverschillen', aliases: ['Pharos'] },
  {
    name: 'Zorg- en hulpverleners',
    kind: 'CARE',
    description: 'Zorgverleners en hulpverleners',
    aliases: ['Zorg- en hulpverleners'],
  },
  {
    name: 'Zorg- en welzijnsinstellingen',
    kind: 'CARE',
    description: 'Zorg- en welzijnsorganisaties in Nijmegen',
    aliases: ['zorg- en welzijns-instellingen', 'Zorg & Welzijn-organisaties'],
  },
  {
    name: 'Onderwijsinstellingen',
    kind: 'EDUCATION',
    description: 'Scholen en andere onderwijsinstellingen',
    aliases: ['onderwijs-instellingen'],
  },
  {
    name: 'ISK',
    kind: 'EDUCATION',
    description: 'Internationale Schakelklas (Pontem College)',
    aliases: ['ISK', 'Internationale Schakelklas'],
  },
  {
    name: 'ROC Nijmegen',
    kind: 'EDUCATION',
    description: 'Regionaal Opleidingencentrum Nijmegen (ook volwasseneneducatie)',
    aliases: ['ROC', 'ROC Nijmegen'],
  },
  {
    name: 'Radboud Universiteit',
    kind: 'RESEARCH',
    description: 'Radboud Universiteit',
    aliases: ['Radboud Universiteit'],
  },
  {
    name: 'Inburgeringsscholen',
    kind: 'EDUCATION',
    description: 'Aanbieders van de leerroutes van de inburgering',
    aliases: [
      'Inburgeringsschool',
      'Inburgerings-scholen',
      'Inburgeringsscholen',
      "Aanbieders van inburgeringsprogramma's",
    ],
  },
  {
    name: 'Taalaanbieders',
    kind: 'EDUCATION',
    description: 'Aanbieders van taalonderwijs',
    aliases: ['Taalaanbieders', 'Taal-aanbieders', 'Taalscholen'],
  },
  { name: 'Gastouderbureau', kind: 'OTHER', description: 'Bemiddelt gastouderopvang', aliases: ['Gastouderbureau'] },
  {
    name: 'Kinderopvangmakelaar',
    kind: 'OTHER',
    description: 'Helpt bij het vinden van kinderopvang',
    aliases: ['kinderopvang-makelaar'],
  },
  {
    name: 'Werkgevers',
    kind: 'EMPLOYER',
    description: 'Werkgevers die werk(ervarings)plekken bieden',
    aliases: ['Werkgevers', 'werkgevers'],
  },
  {
    name: 'SNOV',
    kind: 'FOUNDATION',
    description: 'Stichting Noodopvang Vluchtelingen Nijmegen (BBB-opvang)',
    aliases: ['SNOV', 'Stichting Noodopvang Vluchtelingen Nijmegen'],
  },
  {
    name: 'Stichting Gast',
    kind: 'FOUNDATION',
    description: 'Opvang van mensen zonder documenten',
    aliases: ['Stichting Gast'],
  },
  {
    name: 'Wereldvrouwenhuis',
    kind: 'FOUNDATION',
    description: 'Opvang van vrouwen zonder documenten',
    aliases: ['Wereldvrouwenhuis', 'Wereld Vrouwenhuis'],
  },
  {
    name: 'Stichting INLIA',
    kind: 'FOUNDATION',
    description: 'Ondersteuning van vluchtelingen zonder verblijfsrecht',
    aliases: ['Stichting Inlia'],
  },
  {
    name: 'Vrijwilligersorganisaties',
    kind: 'FOUNDATION',
    description: 'Vrijwilligersorganisaties',
    aliases: ['vrijwilligers-organisaties'],
  },
  {
    name: 'Maatschappelijke organisaties',
    kind: 'WELFARE',
    description: 'Maatschappelijke organisaties',
    aliases: ['Maatschappelijke organisaties'],
  },
  {
    name: 'Migrantenorganisaties',
    kind: 'MIGRANT_ORGANISATION',
    description: 'Zelforganisaties van migranten',
    aliases: ['Migranten-organisaties'],
  },
  {
    name: 'Vluchtelingenorganisaties',
    kind: 'MIGRANT_ORGANISATION',
    description: 'Organisaties van en voor vluchtelingen',
    aliases: ['vluchtelingen(organisaties)'],
  },
  {
    name: 'Yalla Foundation',
    kind: 'MIGRANT_ORGANISATION',
    description: 'Stichting van en voor vluchtelingen',
    aliases: ['Yalla Foundation'],
  },
  {
    name: 'Partnerorganisaties',
    kind: 'OTHER',
    description: 'Partnerorganisaties in het netwerk Asiel & Integratie',
    aliases: ['partnerorganisaties', 'andere partnerorganisaties'],
  },
  {
    name: 'Ervaringsdeskundigen',
    kind: 'OTHER',
    description: 'Vluchtelingen die meedenken vanuit eigen ervaring',
    aliases: ['Ervaringsdeskundigen'],
  },
  { name: 'Doelgroep', kind: 'OTHER', description: 'De doelgroep zelf', aliases: ['doelgroep zelf'] },
  { name: 'ROB', kind: 'OTHER', description: 'Afkorting die het document niet toelicht', aliases: ['ROB'] },
];

/**
 * Cell fragments that name more than one organisation, with the partners they name. Links
 * keep the whole fragment as their source spelling. `missingSeparator` marks fragments where
 * the document left out the "/" between two names (a note is raised); the others are Dutch
 * coordination ("X en Y", "Onderwijs- en zorg-instellingen").
 */
export const COMPOUND_FRAGMENTS: readonly {
  fragment: string;
  partners: string[];
  /** The two spellings between which the document left out the separator, if it did. */
  missingSeparator: [string, string] | null;
}[] = [
  { fragment: 'VWN en Bindkracht10', partners: ['VluchtelingenWerk', 'Bindkracht10'], missingSeparator: null },
  {
    fragment: 'Onderwijs- en zorg-instellingen',
    partners: ['Onderwijsinstellingen', 'Zorg- en welzijnsinstellingen'],
    missingSeparator: null,
  },
  {
    fragment: 'Zorg- en hulpverleners en vluchtelingen(organisaties)',
    partners: ['Zorg- en hulpverleners', 'Vluchtelingenorganisaties'],
    missingSeparator: null,
  },
  {
    fragment: 'Sterker Bindkracht10',
    partners: ['Sterker', 'Bindkracht10'],
    missingSeparator: ['Sterker', 'Bindkracht10'],
  },
  {
    fragment: 'Organisatie voor maatschappelijke opvang Gemeentelijke afdelingen',
    partners: ['Organisatie voor maatschappelijke opvang', 'Gemeentelijke afdelingen'],
    missingSeparator: ['Organisatie voor maatschappelijke opvang', 'Gemeentelijke afdelingen'],
  },
];

const byAlias = new Map<string, PartnerDefinition>();
for (const partner of PARTNERS) for (const alias of partner.aliases) byAlias.set(alias, partner);

export function partnerByAlias(spelling: string): PartnerDefinition | undefined {
  return byAlias.get(spelling.trim());
}

export interface CellFragment {
  text: string;
  /** True when the fragment was cut off at ") " because the document left out a separator. */
  cutAfterParenthesis: boolean;
}

/**
 * Splits an organisations cell at "/", ";" and "," outside parentheses, and after a closing
 * parenthesis followed by another name ("(… team VO) ODRN"), which the document uses once.
 */
export function splitOrganisationsCell(cell: string): CellFragment[] {
  const fragments: CellFragment[] = [];
  let depth = 0;
  let current = '';
  let cutAfterParenthesis = false;
  const push = (cut: boolean): void => {
    if (current.trim()) fragments.push({ text: current.trim(), cutAfterParenthesis });
    current = '';
    cutAfterParenthesis = cut;
  };
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (char === '(') depth++;
    if (char === ')') {
      depth = Math.max(0, depth - 1);
      current += char;
      if (depth === 0 && /^ +[^\s/;,]/.test(cell.slice(i + 1))) push(true);
      continue;
    }
    if (depth === 0 && (char === '/' || char === ';' || char === ',')) push(false);
    else current += char;
  }
  push(false);
  return fragments;
}

export interface ResolvedOrganisations {
  links: PartnerLinkRecord[];
  /** Fragments no table entry knows; kept as their own partner and reported. */
  unresolved: string[];
  /** Places where the document left out the separator between two names. */
  missingSeparators: { before: string; after: string }[];
  /** Misspelt names used in this cell. */
  misspellings: { spelling: string; partnerName: string }[];
}

/** A trailing "(…)" is the partner's role here, unless the whole fragment is a known spelling. */
const ROLE = /^(.*?)\s*\(([^()]*)\)$/;

export function resolveOrganisations(cell: string | null): ResolvedOrganisations {
  const result: ResolvedOrganisations = { links: [], unresolved: [], missingSeparators: [], misspellings: [] };
  if (!cell) return result;

  const link = (partner: PartnerDefinition, sourceName: string, role: string | null): void => {
    const existing = result.links.find((l) => l.partnerName === partner.name);
    // One link per partner and action (the table's primary key); a repeat keeps the first spelling.
    if (existing) existing.role ??= role;
    else result.links.push({ partnerName: partner.name, sourceName, role });
  };
  const addLink = (spelling: string, role: string | null): boolean => {
    const partner = partnerByAlias(spelling);
    if (!partner) return false;
    if (partner.misspellings?.includes(spelling)) result.misspellings.push({ spelling, partnerName: partner.name });
    link(partner, spelling, role);
    return true;
  };

  let previous = '';
  for (const fragment of splitOrganisationsCell(cell)) {
    if (fragment.cutAfterParenthesis) result.missingSeparators.push({ before: previous, after: fragment.text });
    previous = fragment.text;
    if (addLink(fragment.text, null)) continue;
    const roleMatch = fragment.text.match(ROLE);
    const name = roleMatch ? roleMatch[1]!.trim() : fragment.text;
    const role = roleMatch ? roleMatch[2]!.trim() : null;
    if (addLink(name, role)) continue;
    // "vluchtelingen(organisaties)" ends in parentheses without being a role: try the whole fragment first.
    const whole = COMPOUND_FRAGMENTS.find((entry) => entry.fragment === fragment.text);
    const compound = whole ?? COMPOUND_FRAGMENTS.find((entry) => entry.fragment === name);
    if (compound) {
      if (compound.missingSeparator) {
        const [before, after] = compound.missingSeparator;
        result.missingSeparators.push({ before, after });
      }
      // A role in parentheses belongs to the last name of the run.
      compound.partners.forEach((partnerName, index) => {
        const partner = PARTNERS.find((p) => p.name === partnerName);
        if (!partner) throw new Error(`COMPOUND_FRAGMENTS names unknown partner ${partnerName}`);
        link(partner, compound.fragment, whole ? null : index === compound.partners.length - 1 ? role : null);
      });
      continue;
    }
    result.unresolved.push(fragment.text);
  }
  return result;
}

export function partnerRecords(): PartnerRecord[] {
  return PARTNERS.map((partner) => ({
    name: partner.name,
    aliases: [...partner.aliases],
    kind: partner.kind,
    description: partner.description,
  }));
}
