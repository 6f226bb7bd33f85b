// The sociale kaart as far as the programme document supports it: the organisations and services
// it names for care, welfare, legal help, language, work and taking part, each with the section
// it comes from. The document gives no addresses, phone numbers or opening hours, so there are none:
// every entry is "nog niet gecontroleerd" (never checked) and due for a check at once.

export interface KaartTermRecord {
  code: string;
  name: string;
  description: string;
  sortOrder: number;
}
export interface KaartOrganizationRecord {
  name: string;
  description: string;
  partner?: string;
  provenance: string;
}
export interface KaartServiceRecord {
  organization: string;
  name: string;
  description: string;
  eligibilityDescription?: string;
  terms: string[];
  targetGroups: string[];
  free?: boolean;
  provenance: string;
}

export const KAART_TAXONOMY = {
  name: 'Sociale kaart Nijmegen',
  description: 'Categorieën van de sociale kaart Asiel & Integratie van de gemeente Nijmegen.',
};

export const KAART_TERMS: KaartTermRecord[] = [
  { code: 'zorg', name: 'Zorg', description: 'Gezondheid en zorg, ook geestelijke gezondheid.', sortOrder: 1 },
  { code: 'welzijn', name: 'Welzijn', description: 'Welzijn, sociaal werk en begeleiding.', sortOrder: 2 },
  {
    code: 'juridische-hulp',
    name: 'Juridische hulp',
    description: 'Hulp bij verblijfsrecht en andere juridische vragen.',
    sortOrder: 3,
  },
  { code: 'opvang', name: 'Opvang', description: 'Onderdak en opvang.', sortOrder: 4 },
  { code: 'taal', name: 'Taal en inburgering', description: 'Nederlands leren en inburgeren.', sortOrder: 5 },
  { code: 'werk', name: 'Werk', description: 'Begeleiding naar werk en participatie.', sortOrder: 6 },
  { code: 'onderwijs', name: 'Onderwijs', description: 'School, opleiding en volwasseneneducatie.', sortOrder: 7 },
  { code: 'wonen', name: 'Wonen', description: 'Huisvesting en wonen in de wijk.', sortOrder: 8 },
  { code: 'geld', name: 'Geld', description: 'Inkomen, regelingen en financiële ondersteuning.', sortOrder: 9 },
  {
    code: 'sociale-initiatieven',
    name: 'Sociale initiatieven',
    description: 'Meedoen, ontmoeten, sport en cultuur.',
    sortOrder: 10,
  },
];

const FROM = 'Uit het uitvoeringsprogramma, sectie';

export const KAART_ORGANIZATIONS: KaartOrganizationRecord[] = [
  {
    name: 'GGD',
    partner: 'GGD',
    description: 'Gemeentelijke Gezondheidsdienst.',
    provenance: `${FROM} 3.4 (actie 2.A)`,
  },
  {
    name: 'VluchtelingenWerk',
    partner: 'VluchtelingenWerk',
    description: 'VluchtelingenWerk (VWN): maatschappelijke begeleiding en juridische ondersteuning.',
    provenance: `${FROM} 3.4 (actie 2.A), 3.5 en 4.1`,
  },
  {
    name: 'Bindkracht10',
    partner: 'Bindkracht10',
    description: 'Welzijnsorganisatie in Nijmegen.',
    provenance: `${FROM} 3.4 (actie 2.A) en 3.5`,
  },
  {
    name: 'Sterker',
    partner: 'Sterker',
    description: 'Welzijn en sociaal werk voor jeugd en gezin.',
    provenance: `${FROM} 3.4 (actie 2.A)`,
  },
  {
    name: 'Pharos',
    partner: 'Pharos',
    description: 'Expertisecentrum gezondheidsverschillen.',
    provenance: `${FROM} 3.4 (actie 2.A)`,
  },
  {
    name: 'Gemeente Nijmegen',
    partner: 'Gemeente Nijmegen',
    description: 'De gemeente Nijmegen.',
    provenance: `${FROM} 3.1, 3.4 en 3.5`,
  },
  {
    name: 'WerkBedrijf',
    partner: 'WerkBedrijf',
    description: 'Voert de re-integratietaak uit voor de gemeenten in het Rijk van Nijmegen.',
    provenance: `${FROM} 3.1 en 3.2`,
  },
  {
    name: 'ROC Nijmegen',
    partner: 'ROC Nijmegen',
    description: 'Regionaal Opleidingencentrum Nijmegen.',
    provenance: `${FROM} 3.3`,
  },
  {
    name: 'Bureau Wijland',
    description: 'Verzorgt in Nijmegen het Participatieverklaringstraject.',
    provenance: `${FROM} 3.1 en 3.5`,
  },
  { name: 'COC Nijmegen', description: 'Organisatie voor LHBTIQ+ mensen in Nijmegen.', provenance: `${FROM} 3.5` },
  {
    name: 'Buddy to Buddy',
    description: 'Buddy-initiatief dat het sociale netwerk van asielmigranten versterkt.',
    provenance: `${FROM} 3.5`,
  },
  { name: 'Huis van compassie', description: 'Initiatief met een maatjesproject.', provenance: `${FROM} 3.5` },
  {
    name: 'Sportbedrijf',
    partner: 'Sportbedrijf',
    description: 'Sportbedrijf van de gemeente.',
    provenance: `${FROM} 3.5`,
  },
  {
    name: 'SNOV',
    partner: 'SNOV',
    description: 'Stichting Noodopvang Vluchtelingen Nijmegen.',
    provenance: `${FROM} 4.1`,
  },
  {
    name: 'Stichting Gast',
    partner: 'Stichting Gast',
    description: 'Opvang van mensen zonder documenten.',
    provenance: `${FROM} 4.1`,
  },
  {
    name: 'Wereldvrouwenhuis',
    partner: 'Wereldvrouwenhuis',
    description: 'Opvang van vrouwen zonder documenten.',
    provenance: `${FROM} 4.1`,
  },
  { name: 'STIPS', description: 'Steunpunten in de wijk met interculturele consultants.', provenance: `${FROM} 3.4` },
];

export const KAART_SERVICES: KaartServiceRecord[] = [
  {
    organization: 'GGD',
    name: 'Gezondheidsmakelaars (GGD)',
    terms: ['zorg'],
    targetGroups: ['Vluchtelingen'],
    description:
      "Gezondheidsmakelaars organiseren wijkgericht voorlichtingen en themabijeenkomsten over diverse gezondheidsthema's en hebben een adviserende rol richting vluchtelingen.",
    provenance: `${FROM} 3.4, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'Bindkracht10',
    name: 'Gezondheidsmakelaars (Bindkracht10)',
    terms: ['zorg', 'welzijn'],
    targetGroups: ['Vluchtelingen'],
    description:
      "Gezondheidsmakelaars organiseren wijkgericht voorlichtingen en themabijeenkomsten over diverse gezondheidsthema's en hebben een adviserende rol richting vluchtelingen.",
    provenance: `${FROM} 3.4, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'STIPS',
    name: 'Interculturele consultants',
    terms: ['welzijn'],
    targetGroups: ['Vluchtelingen'],
    description:
      'STIPS werken met interculturele consultants die als ervaringsdeskundige een brug maken naar inwoners met een vluchtelingenachtergrond.',
    provenance: `${FROM} 3.4, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'VluchtelingenWerk',
    name: 'Maatschappelijke begeleiding',
    terms: ['welzijn', 'wonen', 'geld'],
    targetGroups: ['Statushouders'],
    description:
      'Maatschappelijke begeleiding voor statushouders die aan Nijmegen gekoppeld worden, met aandacht voor wonen, kinderen, financiën, sociaal netwerk, maatschappelijke participatie, zorg en gezondheid en huiselijke relaties.',
    eligibilityDescription:
      'Alle statushouders die aan Nijmegen worden gekoppeld. 8 maanden; voor wie dat nodig heeft 12 maanden.',
    provenance: `${FROM} 3.5, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'VluchtelingenWerk',
    name: 'Juridische ondersteuning voor mensen zonder documenten',
    terms: ['juridische-hulp'],
    targetGroups: ['Mensen zonder documenten'],
    description:
      'Bewoners van de Bed-, Bad- en Broodvoorziening krijgen juridische ondersteuning vanuit VluchtelingenWerk.',
    provenance: `${FROM} 4.1, "Achtergrond"`,
  },
  {
    organization: 'SNOV',
    name: 'Bed-, Bad- en Broodvoorziening (BBB-opvang)',
    terms: ['opvang'],
    targetGroups: ['Mensen zonder documenten'],
    description:
      'Nachtopvang voor mensen zonder documenten: onderdak, douchegelegenheid, ontbijt en een avondmaal, met ondersteuning op weg naar medische hulp. Samen met Stichting Gast en Wereldvrouwenhuis.',
    provenance: `${FROM} 4.1, "Achtergrond"`,
  },
  {
    organization: 'Gemeente Nijmegen',
    name: 'Brede intake en begeleiding bij inburgering',
    terms: ['taal'],
    targetGroups: ['Statushouders', 'Gezinsmigranten'],
    description:
      'Klantregisseurs van het Team Inburgering doen de brede intake en de individuele begeleiding van inburgeraars.',
    provenance: `${FROM} 3.1, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'Bureau Wijland',
    name: 'Participatieverklaringstraject (PVT)',
    terms: ['taal', 'sociale-initiatieven'],
    targetGroups: ['Inburgeraars'],
    description:
      'Verbindt de kernwaarden van de Nederlandse samenleving aan de cultuur van de stad, om kennis te maken met Nijmegen en te informeren over de sociale kaart. Verplicht onderdeel van de inburgering.',
    provenance: `${FROM} 3.1 en 3.5`,
  },
  {
    organization: 'WerkBedrijf',
    name: 'Module Arbeidsmarkt en Participatie (MAP)',
    terms: ['werk', 'taal'],
    targetGroups: ['Inburgeraars'],
    description: 'Bereidt deelnemers aan de B1-route en de Zelfredzaamheidsroute voor op de Nederlandse arbeidsmarkt.',
    free: true,
    eligibilityDescription:
      'Deelnemers aan de B1-route en de Z-route; gezinsmigranten kunnen er kosteloos gebruik van maken.',
    provenance: `${FROM} 3.1, "Achtergrond" en "Ontwikkelingen"`,
  },
  {
    organization: 'WerkBedrijf',
    name: 'Begeleiding naar werk',
    terms: ['werk'],
    targetGroups: ['Statushouders', 'Vluchtelingen'],
    description:
      'Begeleiding door consultants met kennis van en ervaring met vluchtelingen, met schakel-, stage- en scholingstrajecten met extra aandacht voor taal.',
    provenance: `${FROM} 3.2, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'ROC Nijmegen',
    name: 'Volwasseneneducatie',
    terms: ['taal', 'onderwijs'],
    targetGroups: ['Statushouders', 'Gezinsmigranten', 'Ontheemden uit Oekraïne'],
    description:
      'Taaltrajecten en cursussen rekenen, arbeidsmarktpositie en digitale vaardigheden, in opdracht van de gemeenten.',
    eligibilityDescription: 'Niet inburgeringsplichtige inwoners.',
    provenance: `${FROM} 3.3, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'Bindkracht10',
    name: 'Welkom in de wijk',
    terms: ['wonen', 'sociale-initiatieven'],
    targetGroups: ['Statushouders'],
    description: 'Statushouders worden na huisvesting wegwijs gemaakt in hun wijk. Samen met VluchtelingenWerk.',
    provenance: `${FROM} 3.5, actie 1.B`,
  },
  {
    organization: 'Gemeente Nijmegen',
    name: 'Meedoen-regeling',
    terms: ['geld', 'sociale-initiatieven'],
    targetGroups: ['Statushouders', 'Gezinsmigranten'],
    description: 'Via het minimabeleid toegang tot sport-, welzijns- en cultuuractiviteiten.',
    provenance: `${FROM} 3.5, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'COC Nijmegen',
    name: 'Cocktail-bijeenkomsten',
    terms: ['sociale-initiatieven'],
    targetGroups: ['Vluchtelingen'],
    description:
      'LHBTIQ+ vluchtelingen maken kennis met elkaar, met de Nederlandse samenleving en met de LHBTIQ+ gemeenschap.',
    provenance: `${FROM} 3.5, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'Buddy to Buddy',
    name: 'Buddy to Buddy',
    terms: ['sociale-initiatieven'],
    targetGroups: ['Vluchtelingen'],
    description: 'Buddy-initiatief om het sociale netwerk van asielmigranten te versterken.',
    provenance: `${FROM} 3.5, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'Huis van compassie',
    name: 'Maatjesproject',
    terms: ['sociale-initiatieven'],
    targetGroups: ['Vluchtelingen'],
    description: 'Maatjesproject om het sociale netwerk van asielmigranten te versterken.',
    provenance: `${FROM} 3.5, "Ontwikkelingen: hoe staan we ervoor?"`,
  },
  {
    organization: 'Sportbedrijf',
    name: 'Zwemlessen',
    terms: ['sociale-initiatieven'],
    targetGroups: ['Vluchtelingen', 'Andere migranten'],
    description:
      'Zwemlessen in alle stadsdelen om zwemvaardigheid en zwemveiligheid te bevorderen, met aparte zwemlessen voor vrouwen. Samen met Sportfondsen.',
    eligibilityDescription: 'Volwassen vluchtelingen en andere migranten; kinderen via de ISK.',
    provenance: `${FROM} 3.5, actie 2.B`,
  },
];
