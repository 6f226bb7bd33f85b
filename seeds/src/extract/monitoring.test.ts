// The monitoring records against the document: every expectation below was read from the
// text by hand, and the passage it comes from is quoted beside it.
import { describe, expect, it } from 'vitest';
import { readSourceDocument } from '../source.js';
import { dutchNumber, findSentence, thousandsToCents } from './monitoring.js';
import { extractProgramme } from './programme.js';

const text = readSourceDocument();
const { monitoring, notes } = extractProgramme(text);
const quota = (code: string) => monitoring.quotas.find((q) => q.code === code)!;
const location = (code: string) => monitoring.locations.find((l) => l.code === code)!;
const measurement = (key: string) => monitoring.measurements.find((m) => m.key === key)!;
const capacity = (code: string) => monitoring.capacities.filter((c) => c.locationCode === code);

describe('extractMonitoring: dates', () => {
  it('takes the document date from its cover: "1 mei 2025"', () => {
    expect(monitoring.documentDate).toBe('2025-05-01');
  });
});

describe('extractMonitoring: reception of asylum seekers (1.1)', () => {
  it('reads the Spreidingswet quota: "in totaal 817 plekken per 1 juli 2025 … 69 AMV-ers"', () => {
    expect(quota('spreidingswet-2025')).toMatchObject({
      target: 817,
      deadline: '2025-07-01',
      binding: true,
      kind: 'RECEPTION',
    });
    expect(quota('spreidingswet-2025').sourceText).toBe(
      'Op grond van de huidige raming betreft de taakstelling voor de Gemeente Nijmegen in totaal 817 plekken per 1 juli 2025.',
    );
    expect(quota('spreidingswet-2025-amv')).toMatchObject({ target: 69, partOf: 'spreidingswet-2025', binding: false });
  });

  it('dates the 520 available places at the peildatum: "(peildatum: 1 augustus 2024) 520 opvangplekken beschikbaar"', () => {
    expect(measurement('spreidingswet-2025/2024-08-01')).toMatchObject({
      value: 520,
      date: '2024-08-01',
      sourceText: 'In Nijmegen zijn er op dit moment (peildatum: 1 augustus 2024) 520 opvangplekken beschikbaar.',
    });
    expect(measurement('opvangplekken-nog-te-realiseren/2024-08-01').value).toBe(297);
  });

  it('gives Dommer 400 and Stieltjesstraat 120 places; "Deze noodlocatie sluit in september 2027"', () => {
    expect(capacity('azc-dommer-van-poldersveldtweg').map((c) => c.places)).toEqual([400]);
    expect(capacity('noodlocatie-stieltjesstraat').map((c) => [c.places, c.referenceDate])).toEqual([
      [120, '2024-08-01'],
    ]);
    expect(location('noodlocatie-stieltjesstraat')).toMatchObject({
      closesOn: '2027-09-01',
      closesText: 'Deze noodlocatie sluit in september 2027.',
    });
  });

  it('plans the AMV location of action 1.1 2.A: "opvang van 12 AMV-ers … Start begin 2025 Duur 2 jaar, tot eind 2026"', () => {
    expect(location('amv-opvang-1.1-2.A')).toMatchObject({
      status: 'PLANNED',
      opensOn: '2025-01-01',
      closesOn: '2027-01-01',
      targetGroup: 'AMV-ers',
    });
    expect(capacity('amv-opvang-1.1-2.A').map((c) => c.places)).toEqual([12]);
  });

  it('keeps the locations the document names without a number of places', () => {
    expect(location('tgo-koudenhoek').sourceText).toBe(
      'Momenteel faciliteert de gemeente TGO in de Koudenhoek in Lent.',
    );
    expect(capacity('tgo-koudenhoek')).toEqual([]);
    for (const code of [
      'crisisnoodopvang-heumensoord',
      'crisisnoodopvang-brakkenstein',
      'crisisnoodopvang-winkelsteeg',
      'crisisnoodopvang-jan-massinkhal',
    ]) {
      expect(location(code).status).toBe('CLOSED');
    }
  });
});

describe('extractMonitoring: displaced persons from Ukraine (1.2)', () => {
  it('"In Nijmegen hebben we op dit moment 785 beschikbare opvangplekken" for the five locations together', () => {
    expect(capacity('oekraine-alle-locaties').map((c) => c.places)).toEqual([785]);
    const parts = monitoring.locations.filter((l) => l.partOf === 'oekraine-alle-locaties').map((l) => l.code);
    expect(parts).toEqual(
      expect.arrayContaining([
        'oekraine-waalhaven',
        'oekraine-tarweweg',
        'oekraine-cwz',
        'oekraine-tweede-walstraat',
        'oekraine-ph7',
      ]),
    );
    for (const code of parts) expect(capacity(code)).toEqual([]);
  });

  it('closes and replaces as action 1.2 1.A says: "De schepen in de Waalhaven per 1-3-2025 • Locatie Tarweweg per 31-12-2025"', () => {
    expect(location('oekraine-waalhaven')).toMatchObject({
      closesOn: '2025-03-01',
      replacedBy: 'oekraine-vervanging-waalhaven-tarweweg',
    });
    expect(location('oekraine-tarweweg')).toMatchObject({
      closesOn: '2025-12-31',
      replacedBy: 'oekraine-vervanging-waalhaven-tarweweg',
    });
    // "Streefdatum realisatie: uiterlijk 31-12-2025" and, for 1.2 1.B, "uiterlijk 31-12-2026"
    expect(location('oekraine-vervanging-waalhaven-tarweweg').opensOn).toBe('2025-12-31');
    expect(location('oekraine-vervanging-tweede-walstraat-cwz').opensOn).toBe('2026-12-31');
  });

  it('reads "1.319 opvangplekken" as a non-binding quota: "Er geldt geen verplichting"', () => {
    expect(quota('oekraine-2024')).toMatchObject({ target: 1319, binding: false });
    expect(measurement('oekraine-landelijk-beschikbaar/2025-05-01').value).toBe(90880);
    expect(measurement('oekraine-landelijk-in-gebruik/2025-05-01').value).toBe(90640);
    expect(measurement('oekraine-vluchtelingen-geregistreerd/2025-05-01').value).toBe(6.5);
  });
});

describe('extractMonitoring: housing of status holders (2.1)', () => {
  it('"achterstand van 100 … huisvestingstaakstelling van 2024 (364) … 464 statushouders"', () => {
    expect(quota('huisvesting-2024')).toMatchObject({
      target: 364,
      carriedOverBacklog: 100,
      statedTotal: 464,
      deadline: '2025-01-01',
    });
    expect(quota('huisvesting-2023').target).toBe(393);
    expect(quota('huisvesting-2020').target).toBe(120);
  });

  it('"Op peildatum 1 oktober zijn er 291 plaatsingen gerealiseerd" is read as 2024 and a note says so', () => {
    expect(measurement('huisvesting-2024/2024-10-01')).toMatchObject({
      value: 291,
      dateText: 'peildatum 1 oktober (jaar niet genoemd)',
    });
    expect(notes.map((n) => n.key)).toContain('monitoring/peildatum-zonder-jaar/2.1');
  });

  it('"De gemiddelde wachttijd varieert vaak tussen 6 en 18 maanden" is a range', () => {
    expect(measurement('wachttijd-woning/2025-05-01')).toMatchObject({ value: 6, valueMax: 18 });
  });
});

describe('extractMonitoring: civic integration and others', () => {
  it('"ruim 1000 inburgeraars (700 statushouders en 350 gezinsmigranten) … ongeveer 300 … oude Wet"', () => {
    expect(measurement('inburgeraars-nieuwe-wet/2025-05-01')).toMatchObject({ value: 1000, qualifier: 'ruim' });
    expect(measurement('inburgeraars-nieuwe-wet-statushouders/2025-05-01').value).toBe(700);
    expect(measurement('inburgeraars-nieuwe-wet-gezinsmigranten/2025-05-01').value).toBe(350);
    expect(measurement('inburgeraars-oude-wet/2025-05-01')).toMatchObject({ value: 300, qualifier: 'ongeveer' });
  });

  it('"ongeveer 25% een baan … gezinshereniging vaker een baan (49%) … statushouders (9%)", first half of 2024', () => {
    expect(
      ['inburgeraars-met-baan', 'inburgeraars-met-baan-gezinsmigranten', 'inburgeraars-met-baan-statushouders'].map(
        (code) => measurement(`${code}/2024-06-30`).value,
      ),
    ).toEqual([25, 49, 9]);
  });

  it('"In Nederland verblijven naar schatting tussen de 23.000 en 58.000" and "ongeveer 80" in the BBB shelter', () => {
    expect(measurement('mensen-zonder-documenten-landelijk/2025-05-01')).toMatchObject({
      value: 23000,
      valueMax: 58000,
    });
    expect(measurement('bbb-gebruikers/2025-05-01').value).toBe(80);
  });

  it('dates every figure and keeps its sentence', () => {
    for (const m of monitoring.measurements) {
      expect(m.date, m.key).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(text.replace(/\s+/g, ' '), m.key).toContain(m.sourceText.replace(/\s+/g, ' '));
    }
  });
});

describe('extractMonitoring: the 5.3 budget', () => {
  it('stores thousands exactly as cents: "Totaal 1.645 2.000 2.000 2.000"', () => {
    expect(monitoring.budgetTotals.map((t) => [t.year, t.amountCents])).toEqual([
      [2025, 164_500_000],
      [2026, 200_000_000],
      [2027, 200_000_000],
      [2028, 200_000_000],
    ]);
    expect(thousandsToCents(0.1)).toBe(10_000);
  });

  it('keeps the 2027 cell "4.A Instandhouding en uitbreiding ambtelijke capaciteit 250 250 25 250" as printed', () => {
    const line = monitoring.budgetLines.find((l) => l.code === '2.1 4.A')!;
    expect(line.amounts.map((a) => [a.year, a.amountCents])).toEqual([
      [2025, 25_000_000],
      [2026, 25_000_000],
      [2027, 2_500_000],
      [2028, 25_000_000],
    ]);
  });

  it('funds 2025 from the reception surplus, as "ook in 2025 incidenteel bekostigen uit een surplus" says; later years unknown', () => {
    const amounts = monitoring.budgetLines.flatMap((l) => l.amounts);
    expect(new Set(amounts.filter((a) => a.year === 2025).map((a) => a.funding))).toEqual(
      new Set(['RECEPTION_SURPLUS']),
    );
    expect(new Set(amounts.filter((a) => a.year > 2025).map((a) => a.funding))).toEqual(new Set(['UNKNOWN']));
  });

  it('has 15 lines, two of them 4.1 2.B, and every line links an action', () => {
    expect(monitoring.budgetLines).toHaveLength(15);
    expect(monitoring.budgetLines.filter((l) => l.code === '4.1 2.B').map((l) => l.title)).toEqual([
      'Faciliteren toegang tot basale zorg',
      'Onderzoek toegang tot basisvoorzieningen',
    ]);
    expect(monitoring.budgetLines.every((l) => l.actionCode === l.code)).toBe(true);
  });
});

describe('helpers', () => {
  it('reads Dutch numerals and whole sentences', () => {
    expect([dutchNumber('1.319'), dutchNumber('90.880'), dutchNumber('6,5'), dutchNumber('2.000')]).toEqual([
      1319, 90880, 6.5, 2000,
    ]);
    expect(findSentence('Eerst dit. Dan 12 plekken in 2025. Daarna.', /(\d+) plekken/)).toEqual({
      groups: ['12'],
      sentence: 'Dan 12 plekken in 2025.',
      line: 1,
    });
    expect(() => findSentence('niets', /iets anders/)).toThrow(/no longer contains/);
  });
});
