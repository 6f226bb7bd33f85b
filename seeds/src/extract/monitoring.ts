// Monitoring (5.4): every location, quota and figure the document gives, each with the date it
// refers to and its sentence verbatim, plus the 5.3 budget in exact cents. Each fact is found by
// a pattern in the text and its numbers are read from the match, so a changed document changes
// the records (or fails loudly when a sentence is gone) instead of keeping stale numbers.
import type {
  ActionRecord,
  BudgetTableRecord,
  DataQualityNoteRecord,
  IsoDate,
  LocationRecord,
  MeasurementRecord,
  MonitoringRecords,
  QuotaRecord,
  IndicatorRecord,
  LocationCapacityRecord,
  BudgetLineSeed,
} from './records.js';
import { EXCERPT_SEPARATOR } from './records.js';

export interface Found {
  /** Captured groups, verbatim. */
  groups: string[];
  /** The sentence that contains the match, verbatim. */
  sentence: string;
  /** 1-based line where the sentence starts. */
  line: number;
}

/** The first match of `pattern` and the whole sentence around it; throws when the document no longer says it. */
export function findSentence(text: string, pattern: RegExp): Found {
  const match = pattern.exec(text);
  if (!match) throw new Error(`The programme document no longer contains ${pattern}`);
  const at = match.index;
  const end = at + match[0].length;
  const start = Math.max(
    text.lastIndexOf('. ', at - 1) + 2,
    text.lastIndexOf('? ', at - 1) + 2,
    text.lastIndexOf('.” ', at - 1) + 3,
    text.lastIndexOf('\n', at - 1) + 1,
    text.lastIndexOf('\t', at - 1) + 1,
    0,
  );
  const rest = text.slice(Math.max(end - 1, at)).search(/[.?](?=\s|$)|\t|\n/);
  const stop =
    rest < 0 ? text.length : Math.max(end - 1, at) + rest + (/[.?]/.test(text[Math.max(end - 1, at) + rest]!) ? 1 : 0);
  return {
    groups: match.slice(1).map((group) => group ?? ''),
    sentence: text.slice(start, stop).trim(),
    line: text.slice(0, start).split('\n').length,
  };
}

/** Dutch numerals: "1.319" is 1319, "6,5" is 6.5. */
export function dutchNumber(text: string): number {
  return Number(
    text
      .trim()
      .replace(/\.(?=\d{3}(?!\d))/g, '')
      .replace(',', '.'),
  );
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "1 augustus 2024" (or "1 oktober" with the year given separately) as YYYY-MM-DD. */
export function dutchDate(day: string, month: string, year: string): IsoDate {
  const index = MONTHS.indexOf(month.toLowerCase());
  if (index < 0) throw new Error(`Unknown month ${month}`);
  return `${year}-${String(index + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** "31-12-2025" as YYYY-MM-DD. */
const numericDate = (text: string): IsoDate => {
  const [day, month, year] = text.split('-');
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
};

const nextDay = (iso: IsoDate): IsoDate =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const excerpt = (...parts: string[]): string => parts.map((part) => part.trim()).join(EXCERPT_SEPARATOR);

/** Thousands of euros as printed, in cents: exact integer arithmetic. */
export const thousandsToCents = (thousands: number): number => Math.round(thousands * 100_000);

export function extractMonitoring(
  text: string,
  { actions, budget }: { actions: readonly ActionRecord[]; budget: BudgetTableRecord | null },
): MonitoringRecords {
  const find = (pattern: RegExp) => findSentence(text, pattern);
  const action = (code: string) => {
    const found = actions.find((a) => a.code === code);
    if (!found) throw new Error(`Action ${code} is referenced by the monitoring records but was not extracted`);
    return found;
  };

  // ---- dates the figures refer to -------------------------------------------------------
  const published = find(
    /^(\d{1,2}) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (20\d\d)$/m,
  );
  const documentDate = dutchDate(published.groups[0]!, published.groups[1]!, published.groups[2]!);
  const nowText = 'op dit moment (zonder peildatum; datum van het document)';

  const places11 = find(/op dit moment \(peildatum: (\d{1,2}) (\w+) (\d{4})\) (\d+) opvangplekken beschikbaar/);
  const peildatum11 = dutchDate(places11.groups[0]!, places11.groups[1]!, places11.groups[2]!);
  const split11 = find(
    /Nijmegen heeft (\d+) reguliere, structurele opvangplekken op de locatie Dommer van Poldersveldtweg en (\d+) tijdelijke opvangplekken in het voormalige belastingkantoor aan de Stieltjesstraat/,
  );
  const closes11 = find(/Deze noodlocatie sluit in (\w+) (\d{4})\./);
  const stieltjesCloses = dutchDate('1', closes11.groups[0]!, closes11.groups[1]!);

  const quota11 = find(/taakstelling voor de Gemeente Nijmegen in totaal (\d+) plekken per (\d{1,2}) (\w+) (\d{4})/);
  const deadline11 = dutchDate(quota11.groups[1]!, quota11.groups[2]!, quota11.groups[3]!);
  const amv11 = find(/Binnen de totale taakstelling gaat het om (\d+) AMV-ers/);
  const noAmv = find(/Op dit moment is nog geen opvang van AMV-ers voorzien\./);
  const extra11 = find(/nog (\d+) extra plekken worden gerealiseerd/);

  const housing2024 = find(/In (\d{4}) bedraagt de taakstelling woonruimte voor (\d+) statushouders\./);
  const housing2020 = find(
    /In (\d{4}) werd van gemeente Nijmegen verwacht dat zij (\d+) statushouders zou huisvesten\./,
  );
  const backlog = find(
    /Eind (\d{4}) had Nijmegen een achterstand van (\d+) personen bij de realisatie van de taakstelling \(de totale taakstelling bedroeg (\d+)\)/,
  );
  const housingTotal = find(/totale huisvestingsopgave voor (\d{4}) in Nijmegen (\d+) statushouders bedraagt/);
  const placed = find(/Op peildatum (\d{1,2}) (\w+) zijn er (\d+) plaatsingen gerealiseerd\./);
  const provinceDeadline = find(
    /wordt verwacht dat we op (\d{1,2}) (\w+) (\d{4}) de volledige taakstelling, inclusief achterstand (\d{4}) hebben gerealiseerd/,
  );
  const housingYear = housing2024.groups[0]!;
  // The peildatum names no year; the paragraph is about the quota of 2024.
  const placedOn = dutchDate(placed.groups[0]!, placed.groups[1]!, housingYear);
  const housingDeadline = dutchDate(
    provinceDeadline.groups[0]!,
    provinceDeadline.groups[1]!,
    provinceDeadline.groups[2]!,
  );
  const amvHomes = find(/We ontwikkelen tenminste (\d+) AMV-woningen in Nijmegen/);
  const flexHomes = find(/We bouwen (\d+)-(\d+) flexwoningen \(zoals NDW21\)/);
  const waiting = find(/De gemiddelde wachttijd varieert vaak tussen (\d+) en (\d+) maanden\./);
  const tenWeeks = find(/binnen (\d+) weken na koppeling een passende woonruimte aan te bieden/);
  const socialShare = find(
    /Jaarlijks gaat gemiddeld ongeveer (\d+)% van de vrijkomende sociale huurwoningen naar statushouders\./,
  );
  const ndw21 = find(/de bouw van flexwoningen aan de Nieuwe Dukenburgseweg 21 \(NDW21\)/);

  const ukraineNeed = find(/in (\d{4}) ([\d.]+) opvangplekken nodig zijn/);
  const ukraineShare = find(/opgave voor Nijmegen gaat het om ([\d.]+) opvangplekken\./);
  const ukraineNoDuty = find(
    /Er geldt geen verplichting om \(een specifiek aantal\) noodopvangplekken voor ontheemden uit Oekraïne te realiseren\./,
  );
  const ukraineNational = find(
    /Op dit moment zijn er ([\d.]+) beschikbare opvangplekken in de noodopvang waarvan ([\d.]+) plekken in gebruik zijn\./,
  );
  const ukraineRefugees = find(
    /met meer dan ([\d,]+) miljoen Oekraïners die als vluchteling werden geregistreerd en ([\d,]+) miljoen Oekraïners die ontheemd raakten in eigen land/,
  );
  const ukrainePlaces = find(
    /In Nijmegen hebben we op dit moment (\d+) beschikbare opvangplekken, op schepen in de Waalhaven/,
  );
  const ukrainePrivate = find(/Ruim (\d+) Ontheemde Oekraïners maken gebruik van particuliere opvang\./);
  const ukraineStay = find(
    /een groot deel \(minimaal (\d+)%\) van de ontheemden uit Oekraïne ervoor zal kiezen om hier te blijven/,
  );
  const ph7 = find(/Met uitzondering van de onlangs geopende locatie PH7/);
  const ukraineKeep = find(/geen uitbreiding van het huidige aantal van de (\d+) beschikbare opvangplekken/);
  const jan = find(/crisisonoodopvang in de Jan Massinkhal/);

  const civic = find(
    /Inmiddels begeleiden we in Nijmegen ruim (\d+) inburgeraars \((\d+) statushouders en (\d+) gezinsmigranten\) onder de nieuwe wet en ongeveer (\d+) inburgeraars onder de oude Wet Inburgering\./,
  );
  const intake = find(/Het lukt niet om iedere statushouder tijdig uit te nodigen \(binnen (\d+) weken\)\./);
  const jobs = find(
    /Uit de evaluatie die we in de eerste helft van (\d{4}) onder (\d+) Nijmeegse inburgeraars hebben uitgevoerd, blijkt dat ongeveer (\d+)% een baan heeft\./,
  );
  const jobsSplit = find(/vaker een baan \((\d+)%\) hebben dan statushouders \((\d+)%\)/);
  const social = find(
    /In de evaluatie begin dit jaar gaf het merendeel van de inburgeraars \((\d+)%\) aan neutraal tot \(zeer\) tevreden te zijn met hun sociale leven\./,
  );
  const comfortable = find(/Veel inburgeraars \((\d+)%\) geven ook aan zich gemiddeld tot zeer comfortabel te voelen/);
  const mental = find(
    /Tussen de (\d+)% en (\d+)% van de vluchtelingen landelijk krijgt te maken met psychische aandoeningen\./,
  );

  const undocumented = find(
    /In Nederland verblijven naar schatting tussen de ([\d.]+) en ([\d.]+) zogenaamde mensen zonder documenten\./,
  );
  const bbbUsers = find(
    /We weten dat er ongeveer (\d+) uitgeprocedeerde asielzoekers gebruik maken van bed-bad-broodopvang\./,
  );
  const bbbSince = find(
    /Vanaf (\d{4}) heeft de gemeente Nijmegen in samenwerking met de Stichting Noodopvang Vluchtelingen Nijmegen \(SNOV\), Stichting Gast en Wereldvrouwenhuis speciale nachtopvang opgezet/,
  );

  const crisis = find(
    /uitgevoerd door het COA in Heumensoord en in eigen organisatie in Brakkenstein en de Winkelsteeg/,
  );
  const tgo = find(/Momenteel faciliteert de gemeente TGO in de Koudenhoek in Lent\./);
  const tgoNorth = find(/Voor inwoners van de TGO-Noord is ook een zomerschool georganiseerd\./);

  const row = (code: string) => {
    const a = action(code);
    return { sourceText: `${a.code} ${a.description} (${a.timingText ?? ''})`.trim(), sourceLine: a.sourceLine };
  };
  const replaceSoon = find(
    /De schepen in de Waalhaven per (\d{1,2}-\d{1,2}-\d{4}) • Locatie Tarweweg per (\d{1,2}-\d{1,2}-\d{4})/,
  );
  const replaceBy = find(/Streefdatum realisatie: uiterlijk (\d{1,2}-\d{1,2}-\d{4})\s+B\. Op termijn/);
  const replaceLater = find(
    /Locatie Tweede Walstraat 8 Locatie CWZ[\s\S]*?Streefdatum realisatie: uiterlijk (\d{1,2}-\d{1,2}-\d{4})/,
  );
  const careBy = find(/0-vleugel Tarweweg opheffen[\s\S]*?Streefdatum realisatie: uiterlijk (\d{1,2}-\d{1,2}-\d{4})/);
  const ships = numericDate(replaceSoon.groups[0]!);
  const tarweweg = numericDate(replaceSoon.groups[1]!);
  const at = (found: Found) => ({ sourceText: found.sentence, sourceLine: found.line });
  const matched = (found: Found, pattern: RegExp) => {
    const m = pattern.exec(found.sentence);
    return m ? m[0] : found.sentence;
  };

  // ---- locations: groups and replacements before the locations that refer to them ---------
  const location = (
    record: Omit<
      LocationRecord,
      'operator' | 'address' | 'opensOn' | 'closesOn' | 'closesText' | 'replacedBy' | 'partOf' | 'actionCodes' | 'notes'
    > &
      Partial<LocationRecord>,
  ): LocationRecord => ({
    operator: null,
    address: null,
    opensOn: null,
    closesOn: null,
    closesText: null,
    replacedBy: null,
    partOf: null,
    actionCodes: [],
    notes: null,
    ...record,
  });
  const coaAction = action('1.1 1.A');
  const amvAction = action('1.1 2.A');
  const transit = action('2.1 1.A');
  const locations: LocationRecord[] = [
    location({
      code: 'azc-dommer-van-poldersveldtweg',
      name: 'AZC Dommer van Poldersveldtweg',
      kind: 'AZC',
      status: 'OPEN',
      operator: 'COA',
      address: 'Dommer van Poldersveldtweg, Nijmegen',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      actionCodes: ['1.1 4.A'],
      ...at(split11),
    }),
    location({
      code: 'noodlocatie-stieltjesstraat',
      name: 'Noodlocatie Stieltjesstraat (voormalig belastingkantoor)',
      kind: 'EMERGENCY_RECEPTION',
      status: 'OPEN',
      address: 'Stieltjesstraat, Nijmegen',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      closesOn: stieltjesCloses,
      closesText: closes11.sentence,
      notes:
        'Het document noemt alleen de maand van sluiting; het register rekent vanaf de eerste dag van die maand zonder deze plekken.',
      ...at(split11),
    }),
    location({
      code: 'tgo-koudenhoek',
      name: 'TGO Koudenhoek (Lent)',
      kind: 'MUNICIPAL_TEMPORARY_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      address: 'Koudenhoek, Lent',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      ...at(tgo),
    }),
    location({
      code: 'coa-noodopvang-1.1-1.A',
      name: 'Tijdelijke noodopvang op initiatief van het COA (actie 1.1 1.A)',
      kind: 'EMERGENCY_RECEPTION',
      status: 'PLANNED',
      operator: 'COA',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      // "Gereed 1 juli 2025 (i.v.m. Spreidings wet) Einddatum 2028"
      opensOn: deadline11,
      closesOn: coaAction.endDate ? nextDay(coaAction.endDate) : null,
      closesText: coaAction.timingText,
      actionCodes: ['1.1 1.A'],
      ...row('1.1 1.A'),
    }),
    location({
      code: 'amv-opvang-1.1-2.A',
      name: 'Opvanglocatie voor 12 AMV-ers (actie 1.1 2.A)',
      kind: 'AMV_RECEPTION',
      status: 'PLANNED',
      operator: 'COA / NIDOS',
      targetGroup: 'AMV-ers',
      sectionCode: '1.1',
      opensOn: amvAction.startDate,
      closesOn: amvAction.endDate ? nextDay(amvAction.endDate) : null,
      closesText: amvAction.timingText,
      actionCodes: ['1.1 2.A'],
      ...row('1.1 2.A'),
    }),
    location({
      code: 'crisisnoodopvang-heumensoord',
      name: 'Crisisnoodopvang Heumensoord',
      kind: 'CRISIS_RECEPTION',
      status: 'CLOSED',
      operator: 'COA',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      ...at(crisis),
    }),
    location({
      code: 'crisisnoodopvang-brakkenstein',
      name: 'Crisisnoodopvang Brakkenstein',
      kind: 'CRISIS_RECEPTION',
      status: 'CLOSED',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      ...at(crisis),
    }),
    location({
      code: 'crisisnoodopvang-winkelsteeg',
      name: 'Crisisnoodopvang Winkelsteeg',
      kind: 'CRISIS_RECEPTION',
      status: 'CLOSED',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      ...at(crisis),
    }),

    location({
      code: 'oekraine-alle-locaties',
      name: 'Opvang ontheemden uit Oekraïne, alle gemeentelijke locaties',
      kind: 'DISPLACED_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      actionCodes: ['1.2 1.A', '1.2 1.B'],
      notes: 'Het document noemt alleen het totaal van de locaties samen; de capaciteit per locatie staat er niet in.',
      ...at(ukrainePlaces),
    }),
    location({
      code: 'oekraine-vervanging-waalhaven-tarweweg',
      name: 'Vervangende opvanglocatie(s) voor Waalhaven en Tarweweg (actie 1.2 1.A)',
      kind: 'DISPLACED_RECEPTION',
      status: 'PLANNED',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      opensOn: numericDate(replaceBy.groups[0]!),
      actionCodes: ['1.2 1.A'],
      ...row('1.2 1.A'),
    }),
    location({
      code: 'oekraine-vervanging-tweede-walstraat-cwz',
      name: 'Vervangende opvanglocatie voor Tweede Walstraat en CWZ (actie 1.2 1.B)',
      kind: 'DISPLACED_RECEPTION',
      status: 'PLANNED',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      opensOn: numericDate(replaceLater.groups[0]!),
      actionCodes: ['1.2 1.B'],
      ...row('1.2 1.B'),
    }),
    location({
      code: 'oekraine-regionale-zorglocatie',
      name: 'Regionale zorglocatie voor ontheemden (actie 1.2 2.A)',
      kind: 'CARE_LOCATION',
      status: 'PLANNED',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      opensOn: numericDate(careBy.groups[0]!),
      actionCodes: ['1.2 2.A'],
      ...row('1.2 2.A'),
    }),
    location({
      code: 'oekraine-waalhaven',
      name: 'Schepen in de Waalhaven',
      kind: 'DISPLACED_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      address: 'Waalhaven, Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      closesOn: ships,
      closesText: matched(replaceSoon, /De schepen in de Waalhaven per [\d-]+/),
      replacedBy: 'oekraine-vervanging-waalhaven-tarweweg',
      actionCodes: ['1.2 1.A'],
      ...at(ukrainePlaces),
    }),
    location({
      code: 'oekraine-tarweweg',
      name: 'Locatie Tarweweg',
      kind: 'DISPLACED_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      address: 'Tarweweg, Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      closesOn: tarweweg,
      closesText: matched(replaceSoon, /Locatie Tarweweg per [\d-]+/),
      replacedBy: 'oekraine-vervanging-waalhaven-tarweweg',
      actionCodes: ['1.2 1.A', '1.2 2.A'],
      ...at(ukrainePlaces),
    }),
    location({
      code: 'oekraine-tarweweg-0-vleugel',
      name: '0-vleugel Tarweweg (zorg)',
      kind: 'CARE_LOCATION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-tarweweg',
      replacedBy: 'oekraine-regionale-zorglocatie',
      closesText: 'Dat betekent dat we de bestaande 0-vleugel Tarweweg opheffen',
      actionCodes: ['1.2 2.A'],
      ...row('1.2 2.A'),
    }),
    location({
      code: 'oekraine-cwz',
      name: 'Locatie CWZ',
      kind: 'DISPLACED_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      replacedBy: 'oekraine-vervanging-tweede-walstraat-cwz',
      closesText: 'Op termijn realiseren we vervangende opvanglocatie (actie 1.2 1.B); geen sluitdatum genoemd.',
      actionCodes: ['1.2 1.B'],
      ...at(ukrainePlaces),
    }),
    location({
      code: 'oekraine-tweede-walstraat',
      name: 'Locatie Tweede Walstraat',
      kind: 'DISPLACED_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      address: 'Tweede Walstraat, Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      replacedBy: 'oekraine-vervanging-tweede-walstraat-cwz',
      closesText:
        'Op termijn realiseren we vervangende opvanglocatie voor een deel van de huidige bewoners (actie 1.2 1.B); geen sluitdatum genoemd.',
      actionCodes: ['1.2 1.B'],
      ...at(ukrainePlaces),
    }),
    location({
      code: 'oekraine-ph7',
      name: 'Prins Hendrikstraat 7 (PH7)',
      kind: 'DISPLACED_RECEPTION',
      status: 'OPEN',
      operator: 'Gemeente Nijmegen',
      address: 'Prins Hendrikstraat 7, Nijmegen',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      partOf: 'oekraine-alle-locaties',
      notes: 'Onlangs geopend; als enige locatie afgestemd op langdurig verblijf.',
      ...at(ph7),
    }),
    location({
      code: 'crisisnoodopvang-jan-massinkhal',
      name: 'Crisisnoodopvang Jan Massinkhal',
      kind: 'CRISIS_RECEPTION',
      status: 'CLOSED',
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      ...at(jan),
    }),

    location({
      code: 'doorstroomlocaties-2.1-1.A',
      name: 'Doorstroomlocaties (actie 2.1 1.A)',
      kind: 'TRANSIT_HOUSING',
      status: 'PLANNED',
      targetGroup: 'Statushouders',
      sectionCode: '2.1',
      opensOn: transit.startDate,
      closesText: transit.timingText,
      actionCodes: ['2.1 1.A'],
      ...row('2.1 1.A'),
    }),
    location({
      code: 'flexwoningen-ndw21',
      name: 'Flexwoningen Nieuwe Dukenburgseweg 21 (NDW21)',
      kind: 'FLEX_HOUSING',
      status: 'UNKNOWN',
      address: 'Nieuwe Dukenburgseweg 21, Nijmegen',
      targetGroup: 'Woningzoekenden',
      sectionCode: '2.1',
      actionCodes: ['2.1 1.B'],
      ...at(ndw21),
    }),
    location({
      code: 'bbb-opvang',
      name: 'Bed-bad-broodopvang (SNOV, Stichting Gast, Wereldvrouwenhuis)',
      kind: 'SHELTER',
      status: 'OPEN',
      operator: 'SNOV / Stichting Gast / Wereldvrouwenhuis',
      targetGroup: 'Mensen zonder documenten',
      sectionCode: '4.1',
      opensOn: `${bbbSince.groups[0]}-01-01`,
      actionCodes: ['4.1 1.A', '4.1 1.B'],
      ...at(bbbSince),
    }),
  ];

  const capacities: LocationCapacityRecord[] = [
    {
      key: 'azc-dommer-van-poldersveldtweg/peildatum',
      locationCode: 'azc-dommer-van-poldersveldtweg',
      validFrom: null,
      validTo: null,
      places: Number(split11.groups[0]),
      referenceDate: peildatum11,
      ...at(split11),
    },
    {
      key: 'noodlocatie-stieltjesstraat/peildatum',
      locationCode: 'noodlocatie-stieltjesstraat',
      validFrom: null,
      validTo: null,
      places: Number(split11.groups[1]),
      referenceDate: peildatum11,
      ...at(split11),
    },
    {
      key: 'oekraine-alle-locaties/huidig',
      locationCode: 'oekraine-alle-locaties',
      validFrom: null,
      validTo: null,
      places: Number(ukrainePlaces.groups[0]),
      referenceDate: documentDate,
      ...at(ukrainePlaces),
    },
    {
      key: 'amv-opvang-1.1-2.A/gepland',
      locationCode: 'amv-opvang-1.1-2.A',
      validFrom: null,
      validTo: null,
      places: Number(/opvang van (\d+) AMV-ers/.exec(amvAction.description)![1]),
      referenceDate: null,
      ...row('1.1 2.A'),
    },
  ];

  // ---- quotas ----------------------------------------------------------------------------
  const quotas: QuotaRecord[] = [
    {
      code: 'spreidingswet-2025',
      name: 'Opvangplekken asielzoekers (Spreidingswet)',
      kind: 'RECEPTION',
      binding: true,
      legalBasis: 'Spreidingswet',
      periodStart: null,
      periodEnd: null,
      deadline: deadline11,
      target: Number(quota11.groups[0]),
      unit: 'plekken',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: null,
      targetGroup: 'Asielzoekers',
      sectionCode: '1.1',
      ...at(quota11),
    },
    {
      code: 'spreidingswet-2025-amv',
      name: 'Opvangplekken AMV binnen de Spreidingswet (indicatief)',
      kind: 'RECEPTION_AMV',
      binding: false,
      legalBasis: 'Spreidingswet (indicatieve taakstelling)',
      periodStart: null,
      periodEnd: null,
      deadline: deadline11,
      target: Number(amv11.groups[0]),
      unit: 'plekken',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: 'spreidingswet-2025',
      targetGroup: 'AMV-ers',
      sectionCode: '1.1',
      ...at(amv11),
    },
    {
      code: `huisvesting-${housing2020.groups[0]}`,
      name: `Huisvesting statushouders ${housing2020.groups[0]}`,
      kind: 'HOUSING',
      binding: true,
      legalBasis: 'Huisvestingswet 2014',
      periodStart: `${housing2020.groups[0]}-01-01`,
      periodEnd: `${housing2020.groups[0]}-12-31`,
      deadline: `${Number(housing2020.groups[0]) + 1}-01-01`,
      target: Number(housing2020.groups[1]),
      unit: 'statushouders',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: null,
      targetGroup: 'Statushouders',
      sectionCode: '2.1',
      ...at(housing2020),
    },
    {
      code: `huisvesting-${backlog.groups[0]}`,
      name: `Huisvesting statushouders ${backlog.groups[0]}`,
      kind: 'HOUSING',
      binding: true,
      legalBasis: 'Huisvestingswet 2014',
      periodStart: `${backlog.groups[0]}-01-01`,
      periodEnd: `${backlog.groups[0]}-12-31`,
      deadline: `${Number(backlog.groups[0]) + 1}-01-01`,
      target: Number(backlog.groups[2]),
      unit: 'statushouders',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: null,
      targetGroup: 'Statushouders',
      sectionCode: '2.1',
      ...at(backlog),
    },
    {
      code: `huisvesting-${housingYear}`,
      name: `Huisvesting statushouders ${housingYear} (inclusief achterstand ${backlog.groups[0]})`,
      kind: 'HOUSING',
      binding: true,
      legalBasis: 'Huisvestingswet 2014',
      periodStart: `${housingYear}-01-01`,
      periodEnd: `${housingYear}-12-31`,
      deadline: housingDeadline,
      target: Number(housing2024.groups[1]),
      unit: 'statushouders',
      carriedOverBacklog: Number(backlog.groups[1]),
      statedTotal: Number(housingTotal.groups[1]),
      partOf: null,
      targetGroup: 'Statushouders',
      sectionCode: '2.1',
      sourceText: excerpt(housing2024.sentence, housingTotal.sentence, provinceDeadline.sentence),
      sourceLine: housing2024.line,
    },
    {
      code: 'huisvesting-amv',
      name: 'Huisvesting AMV (indicatief): AMV-woningen',
      kind: 'HOUSING_AMV',
      binding: false,
      legalBasis: 'Indicatieve huisvestingstaakstelling AMV',
      periodStart: action('2.1 2.A').startDate,
      periodEnd: action('2.1 2.A').endDate,
      deadline: action('2.1 2.A').endDate ? nextDay(action('2.1 2.A').endDate!) : null,
      target: Number(amvHomes.groups[0]),
      unit: 'woningen',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: null,
      targetGroup: 'AMV-ers',
      sectionCode: '2.1',
      ...at(amvHomes),
    },
    {
      code: `oekraine-${ukraineNeed.groups[0]}`,
      name: `Opvangplekken ontheemden uit Oekraïne ${ukraineNeed.groups[0]} (landelijke prognose, niet verplicht)`,
      kind: 'RECEPTION_DISPLACED',
      binding: false,
      legalBasis: 'Tijdelijke Wet Opvang Ontheemden Oekraïne (geen verplicht aantal)',
      periodStart: `${ukraineNeed.groups[0]}-01-01`,
      periodEnd: `${ukraineNeed.groups[0]}-12-31`,
      deadline: null,
      target: dutchNumber(ukraineShare.groups[0]!),
      unit: 'plekken',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: null,
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      sourceText: excerpt(ukraineShare.sentence, ukraineNoDuty.sentence),
      sourceLine: ukraineShare.line,
    },
    {
      code: 'oekraine-handhaven',
      name: 'Opvangplekken ontheemden uit Oekraïne handhaven (regionale afspraak)',
      kind: 'RECEPTION_DISPLACED',
      binding: false,
      legalBasis: 'Afspraak gemeenten Rijk van Nijmegen',
      periodStart: null,
      periodEnd: null,
      deadline: null,
      target: Number(ukraineKeep.groups[0]),
      unit: 'plekken',
      carriedOverBacklog: 0,
      statedTotal: null,
      partOf: null,
      targetGroup: 'Ontheemden uit Oekraïne',
      sectionCode: '1.2',
      ...at(ukraineKeep),
    },
  ];

  // ---- indicators and their measurements -------------------------------------------------
  const indicators: IndicatorRecord[] = [];
  const measurements: MeasurementRecord[] = [];
  const indicator = (
    record: Omit<IndicatorRecord, 'target' | 'targetText' | 'description' | 'targetGroup' | 'scope'> &
      Partial<IndicatorRecord>,
  ) =>
    indicators.push({
      target: null,
      targetText: null,
      description: null,
      targetGroup: null,
      scope: 'MUNICIPAL',
      ...record,
    });
  const measure = (
    owner: { quotaCode?: string; indicatorCode?: string },
    date: IsoDate,
    dateText: string,
    found: Found,
    value: number,
    extra: Partial<Pick<MeasurementRecord, 'valueMax' | 'qualifier' | 'comment'>> = {},
  ) =>
    measurements.push({
      key: `${owner.quotaCode ?? owner.indicatorCode}/${date}`,
      quotaCode: owner.quotaCode ?? null,
      indicatorCode: owner.indicatorCode ?? null,
      date,
      dateText,
      value,
      valueMax: null,
      qualifier: null,
      comment: null,
      ...extra,
      ...at(found),
    });

  const peildatumText = `peildatum: ${places11.groups[0]} ${places11.groups[1]} ${places11.groups[2]}`;
  measure({ quotaCode: 'spreidingswet-2025' }, peildatum11, peildatumText, places11, Number(places11.groups[3]));
  measure(
    { quotaCode: 'spreidingswet-2025-amv' },
    peildatum11,
    `op dit moment (in de alinea met ${peildatumText})`,
    noAmv,
    0,
    { comment: 'Het document zegt dat er nog geen opvang van AMV-ers voorzien is: nul plekken.' },
  );
  measure(
    { quotaCode: `huisvesting-${housingYear}` },
    placedOn,
    `peildatum ${placed.groups[0]} ${placed.groups[1]} (jaar niet genoemd)`,
    placed,
    Number(placed.groups[2]),
  );
  measure(
    { quotaCode: `oekraine-${ukraineNeed.groups[0]}` },
    documentDate,
    nowText,
    ukrainePlaces,
    Number(ukrainePlaces.groups[0]),
  );
  measure({ quotaCode: 'oekraine-handhaven' }, documentDate, nowText, ukrainePlaces, Number(ukrainePlaces.groups[0]));

  indicator({
    code: 'opvangplekken-nog-te-realiseren',
    name: 'Nog te realiseren opvangplekken asielzoekers',
    unit: 'plekken',
    targetGroup: 'Asielzoekers',
    sectionCode: '1.1',
  });
  measure(
    { indicatorCode: 'opvangplekken-nog-te-realiseren' },
    peildatum11,
    peildatumText,
    extra11,
    Number(extra11.groups[0]),
  );
  indicator({
    code: 'achterstand-huisvesting',
    name: 'Achterstand huisvestingstaakstelling statushouders',
    unit: 'personen',
    target: 0,
    targetGroup: 'Statushouders',
    sectionCode: '2.1',
  });
  measure(
    { indicatorCode: 'achterstand-huisvesting' },
    `${backlog.groups[0]}-12-31`,
    `eind ${backlog.groups[0]}`,
    backlog,
    Number(backlog.groups[1]),
  );
  indicator({
    code: 'wachttijd-woning',
    name: 'Wachttijd op een passende woning na koppeling',
    unit: 'maanden',
    targetGroup: 'Statushouders',
    sectionCode: '2.1',
    targetText: `${matched(tenWeeks, /binnen \d+ weken na koppeling/)} (Huisvestingswet 2014)`,
  });
  measure(
    { indicatorCode: 'wachttijd-woning' },
    documentDate,
    'de afgelopen jaren (zonder peildatum; datum van het document)',
    waiting,
    Number(waiting.groups[0]),
    { valueMax: Number(waiting.groups[1]), qualifier: 'varieert vaak tussen' },
  );
  indicator({
    code: 'sociale-huurwoningen-statushouders',
    name: 'Aandeel vrijkomende sociale huurwoningen naar statushouders',
    unit: '%',
    targetGroup: 'Statushouders',
    sectionCode: '2.1',
  });
  measure(
    { indicatorCode: 'sociale-huurwoningen-statushouders' },
    documentDate,
    'jaarlijks gemiddeld (zonder peildatum; datum van het document)',
    socialShare,
    Number(socialShare.groups[0]),
    { qualifier: 'ongeveer' },
  );
  indicator({
    code: 'flexwoningen',
    name: 'Flexwoningen gebouwd',
    unit: 'woningen',
    target: Number(flexHomes.groups[0]),
    targetText: `${flexHomes.groups[0]}-${flexHomes.groups[1]} flexwoningen (actie 2.1 1.B)`,
    targetGroup: 'Woningzoekenden',
    sectionCode: '2.1',
  });

  indicator({
    code: 'opvangplekken-oekraine-particulier',
    name: 'Ontheemden uit Oekraïne in particuliere opvang',
    unit: 'personen',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
  });
  measure(
    { indicatorCode: 'opvangplekken-oekraine-particulier' },
    documentDate,
    nowText,
    ukrainePrivate,
    Number(ukrainePrivate.groups[0]),
    { qualifier: 'ruim' },
  );
  indicator({
    code: 'oekraine-blijvers',
    name: 'Ontheemden uit Oekraïne die naar verwachting blijven',
    unit: '%',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
    scope: 'NATIONAL',
  });
  measure(
    { indicatorCode: 'oekraine-blijvers' },
    documentDate,
    'inschatting op basis van onderzoek (zonder peildatum; datum van het document)',
    ukraineStay,
    Number(ukraineStay.groups[0]),
    { qualifier: 'minimaal' },
  );
  indicator({
    code: 'oekraine-landelijk-benodigd',
    name: 'Benodigde opvangplekken ontheemden uit Oekraïne (landelijk)',
    unit: 'plekken',
    scope: 'NATIONAL',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
  });
  measure(
    { indicatorCode: 'oekraine-landelijk-benodigd' },
    `${ukraineNeed.groups[0]}-01-01`,
    `in ${ukraineNeed.groups[0]}`,
    ukraineNeed,
    dutchNumber(ukraineNeed.groups[1]!),
    { comment: 'Meest recente verwachting van de Rijksoverheid.' },
  );
  indicator({
    code: 'oekraine-landelijk-beschikbaar',
    name: 'Beschikbare noodopvangplekken ontheemden uit Oekraïne (landelijk)',
    unit: 'plekken',
    scope: 'NATIONAL',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
  });
  measure(
    { indicatorCode: 'oekraine-landelijk-beschikbaar' },
    documentDate,
    nowText,
    ukraineNational,
    dutchNumber(ukraineNational.groups[0]!),
  );
  indicator({
    code: 'oekraine-landelijk-in-gebruik',
    name: 'Noodopvangplekken ontheemden uit Oekraïne in gebruik (landelijk)',
    unit: 'plekken',
    scope: 'NATIONAL',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
  });
  measure(
    { indicatorCode: 'oekraine-landelijk-in-gebruik' },
    documentDate,
    nowText,
    ukraineNational,
    dutchNumber(ukraineNational.groups[1]!),
  );
  indicator({
    code: 'oekraine-vluchtelingen-geregistreerd',
    name: 'Oekraïners geregistreerd als vluchteling (Europa)',
    unit: 'miljoen personen',
    scope: 'INTERNATIONAL',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
  });
  measure(
    { indicatorCode: 'oekraine-vluchtelingen-geregistreerd' },
    documentDate,
    'sinds februari 2022 (zonder peildatum; datum van het document)',
    ukraineRefugees,
    dutchNumber(ukraineRefugees.groups[0]!),
    { qualifier: 'meer dan' },
  );
  indicator({
    code: 'oekraine-ontheemd-eigen-land',
    name: 'Oekraïners ontheemd in eigen land',
    unit: 'miljoen personen',
    scope: 'INTERNATIONAL',
    targetGroup: 'Ontheemden uit Oekraïne',
    sectionCode: '1.2',
  });
  measure(
    { indicatorCode: 'oekraine-ontheemd-eigen-land' },
    documentDate,
    'sinds februari 2022 (zonder peildatum; datum van het document)',
    ukraineRefugees,
    dutchNumber(ukraineRefugees.groups[1]!),
  );

  const civicText = 'inmiddels (zonder peildatum; datum van het document)';
  indicator({
    code: 'inburgeraars-nieuwe-wet',
    name: 'Inburgeraars onder de Wet Inburgering 2021',
    unit: 'personen',
    sectionCode: '3.1',
    targetGroup: 'Inburgeraars',
  });
  measure({ indicatorCode: 'inburgeraars-nieuwe-wet' }, documentDate, civicText, civic, Number(civic.groups[0]), {
    qualifier: 'ruim',
  });
  indicator({
    code: 'inburgeraars-nieuwe-wet-statushouders',
    name: 'Inburgeraars onder de nieuwe wet: statushouders',
    unit: 'personen',
    sectionCode: '3.1',
    targetGroup: 'Statushouders',
  });
  measure(
    { indicatorCode: 'inburgeraars-nieuwe-wet-statushouders' },
    documentDate,
    civicText,
    civic,
    Number(civic.groups[1]),
  );
  indicator({
    code: 'inburgeraars-nieuwe-wet-gezinsmigranten',
    name: 'Inburgeraars onder de nieuwe wet: gezinsmigranten',
    unit: 'personen',
    sectionCode: '3.1',
    targetGroup: 'Gezinsmigranten',
  });
  measure(
    { indicatorCode: 'inburgeraars-nieuwe-wet-gezinsmigranten' },
    documentDate,
    civicText,
    civic,
    Number(civic.groups[2]),
  );
  indicator({
    code: 'inburgeraars-oude-wet',
    name: 'Inburgeraars onder de oude Wet Inburgering',
    unit: 'personen',
    sectionCode: '3.1',
    targetGroup: 'Inburgeraars',
  });
  measure({ indicatorCode: 'inburgeraars-oude-wet' }, documentDate, civicText, civic, Number(civic.groups[3]), {
    qualifier: 'ongeveer',
  });
  indicator({
    code: 'wachttijd-brede-intake',
    name: 'Wachttijd tot de brede intake',
    unit: 'weken',
    target: Number(intake.groups[0]),
    targetText: matched(intake, /binnen \d+ weken/),
    description: intake.sentence,
    sectionCode: '3.1',
    targetGroup: 'Statushouders',
  });

  const evaluationEnd = `${jobs.groups[0]}-06-30`;
  const evaluationText = `in de eerste helft van ${jobs.groups[0]} (evaluatie onder ${jobs.groups[1]} inburgeraars)`;
  indicator({
    code: 'inburgeraars-met-baan',
    name: 'Inburgeraars met een baan',
    unit: '%',
    sectionCode: '3.2',
    targetGroup: 'Inburgeraars',
  });
  measure({ indicatorCode: 'inburgeraars-met-baan' }, evaluationEnd, evaluationText, jobs, Number(jobs.groups[2]), {
    qualifier: 'ongeveer',
    comment: `Steekproef van ${jobs.groups[1]} inburgeraars.`,
  });
  indicator({
    code: 'inburgeraars-met-baan-gezinsmigranten',
    name: 'Inburgeraars met een baan: gezinsmigranten',
    unit: '%',
    sectionCode: '3.2',
    targetGroup: 'Gezinsmigranten',
  });
  measure(
    { indicatorCode: 'inburgeraars-met-baan-gezinsmigranten' },
    evaluationEnd,
    evaluationText,
    jobsSplit,
    Number(jobsSplit.groups[0]),
  );
  indicator({
    code: 'inburgeraars-met-baan-statushouders',
    name: 'Inburgeraars met een baan: statushouders',
    unit: '%',
    sectionCode: '3.2',
    targetGroup: 'Statushouders',
  });
  measure(
    { indicatorCode: 'inburgeraars-met-baan-statushouders' },
    evaluationEnd,
    evaluationText,
    jobsSplit,
    Number(jobsSplit.groups[1]),
  );
  indicator({
    code: 'inburgeraars-tevreden-sociaal-leven',
    name: 'Inburgeraars neutraal tot (zeer) tevreden met hun sociale leven',
    unit: '%',
    sectionCode: '3.5',
    targetGroup: 'Inburgeraars',
  });
  measure(
    { indicatorCode: 'inburgeraars-tevreden-sociaal-leven' },
    evaluationEnd,
    `begin dit jaar (gelezen als de evaluatie van ${jobs.groups[0]})`,
    social,
    Number(social.groups[0]),
  );
  indicator({
    code: 'inburgeraars-comfortabel-in-buurt',
    name: 'Inburgeraars gemiddeld tot zeer comfortabel met de lokale bevolking',
    unit: '%',
    sectionCode: '3.5',
    targetGroup: 'Inburgeraars',
  });
  measure(
    { indicatorCode: 'inburgeraars-comfortabel-in-buurt' },
    evaluationEnd,
    `begin dit jaar (gelezen als de evaluatie van ${jobs.groups[0]})`,
    comfortable,
    Number(comfortable.groups[0]),
  );
  indicator({
    code: 'psychische-aandoeningen-landelijk',
    name: 'Vluchtelingen met psychische aandoeningen (landelijk)',
    unit: '%',
    scope: 'NATIONAL',
    sectionCode: '3.4',
    targetGroup: 'Vluchtelingen',
  });
  measure(
    { indicatorCode: 'psychische-aandoeningen-landelijk' },
    documentDate,
    'zonder peildatum; datum van het document',
    mental,
    Number(mental.groups[0]),
    { valueMax: Number(mental.groups[1]), qualifier: 'tussen' },
  );

  indicator({
    code: 'mensen-zonder-documenten-landelijk',
    name: 'Mensen zonder documenten in Nederland',
    unit: 'personen',
    scope: 'NATIONAL',
    sectionCode: '4.1',
    targetGroup: 'Mensen zonder documenten',
  });
  measure(
    { indicatorCode: 'mensen-zonder-documenten-landelijk' },
    documentDate,
    'naar schatting (zonder peildatum; datum van het document)',
    undocumented,
    dutchNumber(undocumented.groups[0]!),
    { valueMax: dutchNumber(undocumented.groups[1]!), qualifier: 'naar schatting tussen' },
  );
  indicator({
    code: 'bbb-gebruikers',
    name: 'Gebruikers van de bed-bad-broodopvang',
    unit: 'personen',
    sectionCode: '4.1',
    targetGroup: 'Mensen zonder documenten',
  });
  measure(
    { indicatorCode: 'bbb-gebruikers' },
    documentDate,
    'we weten (zonder peildatum; datum van het document)',
    bbbUsers,
    Number(bbbUsers.groups[0]),
    { qualifier: 'ongeveer' },
  );

  // ---- the 5.3 budget, exact -------------------------------------------------------------
  const lines = text.split('\n');
  const surplus = find(
    /De uitgaven die we voor de maatregelen in dit uitvoeringspro-\s*gramma voorzien kunnen we ook in (\d{4}) incidenteel bekostigen uit een surplus op de exploitatie van opvanglocaties\./,
  );
  const surplusYear = Number(surplus.groups[0]);
  const shading = find(
    /Voor grijs gearceerde uitgaven is dekking voorzien vanuit de Rijksbijdragen\. Voor zwart gearceerde uitgaven is extra beschikbare budgettaire ruimte nodig vanaf \d{4}\./,
  );
  const shadingText = shading.sentence.slice(shading.sentence.indexOf('Voor grijs'));
  const budgetLines: BudgetLineSeed[] = (budget?.lines ?? []).map((line, sortOrder) => ({
    code: line.actionCode,
    title: line.title,
    sectionCode: line.sectionCode,
    actionCode: actions.some((a) => a.code === line.actionCode) ? line.actionCode : null,
    sortOrder,
    sourceText: lines[line.sourceLine - 1]!.trim(),
    amounts: budget!.years.flatMap((year) => {
      const thousands = line.amountsInThousands[year];
      if (thousands === null || thousands === undefined) return [];
      // 2025 is paid from the reception surplus, the text says; for later years the shading
      // that told grant from extra budget is lost in this copy, so the funding is unknown.
      return [
        {
          year,
          amountCents: thousandsToCents(thousands),
          funding: year === surplusYear ? ('RECEPTION_SURPLUS' as const) : ('UNKNOWN' as const),
          fundingSource: year === surplusYear ? surplus.sentence : shadingText,
        },
      ];
    }),
  }));
  const budgetTotals = budget
    ? budget.years.flatMap((year) => {
        const printed = budget.printedTotals[year];
        return printed == null
          ? []
          : [{ year, amountCents: thousandsToCents(printed), sourceText: lines[budget.totalLine - 1]!.trim() }];
      })
    : [];

  // ---- what the register had to read into the text ---------------------------------------
  const undated = measurements.filter((m) => m.date === documentDate);
  const notes: DataQualityNoteRecord[] = [
    {
      key: 'monitoring/peildatum-zonder-jaar/2.1',
      title: '2.1: peildatum zonder jaar',
      description: `"Op peildatum ${placed.groups[0]} ${placed.groups[1]}" noemt geen jaar. Het register leest ${placedOn}, omdat de alinea over de huisvestingsopgave voor ${housingYear} gaat.`,
      sourceExcerpt: placed.sentence,
      severity: 'WARNING',
      subject: { sectionCode: '2.1' },
    },
    {
      key: 'monitoring/peildatum-ontbreekt',
      title: 'Kengetallen zonder peildatum',
      description:
        `${undated.length} getallen staan er in de tegenwoordige tijd ("op dit moment", "inmiddels") zonder peildatum. Het register dateert ze op de datum van het document, ${documentDate}. ` +
        `De tekst is ouder: hij noemt 1-3-2025 nog als toekomstige datum voor de vervanging van de schepen in de Waalhaven, en de andere peildata liggen in 2024.`,
      sourceExcerpt: excerpt(...[...new Set(undated.map((m) => m.sourceText))].slice(0, 6)),
      severity: 'WARNING',
      subject: { sectionCode: '5.4' },
    },
    {
      key: 'monitoring/capaciteit-per-locatie-ontbreekt/1.2',
      title: '1.2: capaciteit per opvanglocatie voor ontheemden ontbreekt',
      description:
        `Het document noemt ${ukrainePlaces.groups[0]} plekken voor vijf locaties samen, niet per locatie. Daarom is niet te berekenen hoeveel plekken wegvallen ` +
        `als de schepen in de Waalhaven (${ships}) en de Tarweweg (${tarweweg}) sluiten voordat de vervangende locatie klaar is (streefdatum uiterlijk ${numericDate(replaceBy.groups[0]!)}). ` +
        'De tijdlijn toont het totaal en markeert de sluitingen.',
      sourceExcerpt: excerpt(ukrainePlaces.sentence, replaceSoon.sentence),
      severity: 'WARNING',
      subject: { sectionCode: '1.2' },
    },
    {
      key: 'monitoring/capaciteit-ontbreekt',
      title: 'Locaties zonder capaciteit in het document',
      description:
        'Voor deze locaties noemt het document geen aantal plekken: ' +
        locations
          .filter(
            (l) =>
              !capacities.some((c) => c.locationCode === l.code) &&
              l.partOf !== 'oekraine-alle-locaties' &&
              l.partOf !== 'oekraine-tarweweg',
          )
          .map((l) => l.name)
          .join('; ') +
        `. De geplande noodopvang van actie 1.1 1.A moet de ${extra11.groups[0]} extra plekken leveren die het document nodig noemt, maar een aantal staat er niet bij.`,
      sourceExcerpt: excerpt(tgo.sentence, extra11.sentence),
      severity: 'INFO',
      subject: { sectionCode: '1.1' },
    },
    {
      key: 'monitoring/tgo-noord',
      title: '3.3 noemt "TGO-Noord"',
      description:
        'Onderdeel 3.3 spreekt van de TGO-Noord; 1.1 noemt TGO in de Koudenhoek in Lent (Nijmegen-Noord). Waarschijnlijk dezelfde locatie; het document zegt het niet.',
      sourceExcerpt: excerpt(tgo.sentence, tgoNorth.sentence),
      severity: 'INFO',
      subject: { sectionCode: '3.3' },
    },
    {
      key: 'monitoring/sluitmaand-stieltjesstraat',
      title: '1.1: sluiting Stieltjesstraat alleen per maand',
      description: `"${closes11.sentence}" noemt geen dag. Het register rekent vanaf ${stieltjesCloses} zonder deze plekken.`,
      sourceExcerpt: closes11.sentence,
      severity: 'INFO',
      subject: { sectionCode: '1.1' },
    },
  ];

  return { documentDate, locations, capacities, quotas, indicators, measurements, budgetLines, budgetTotals, notes };
}
