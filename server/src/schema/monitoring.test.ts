// The monitoring aggregates through the HTTP API, on the programme as loaded from the document.
// Every expected number was computed by hand from the passage quoted beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.js';

let api: Harness;
const themeIds: Record<number, string> = {};
const groupIds: Record<string, string> = {};
beforeAll(async () => {
  api = await startHarness();
  const { data } = await api.gql<{
    themes: { nodes: { id: string; number: number }[] };
    targetGroups: { nodes: { id: string; name: string }[] };
  }>('{ themes { nodes { id number } } targetGroups(limit: 100) { nodes { id name } } }');
  for (const theme of data!.themes.nodes) themeIds[theme.number] = theme.id;
  for (const group of data!.targetGroups.nodes) groupIds[group.name] = group.id;
});
afterAll(() => api?.close());

const THOUSAND = 100_000; // cents in a thousand euros: the 5.3 table counts "x €1.000"

describe('budgetSummary: the 5.3 table, summed in the database', () => {
  const query = `query ($from: Int, $to: Int, $theme: ID) {
    budgetSummary(fromYear: $from, toYear: $to, themeId: $theme) {
      years { year computedCents statedCents differenceCents }
      byTheme { themeNumber year amountCents }
      byFunding { funding year amountCents }
    } }`;

  it('compares the sum of the lines with the printed "Totaal 1.645 2.000 2.000 2.000"', async () => {
    const { data, errors } = await api.gql(query);
    expect(errors).toBeUndefined();
    // 2025: 50+60+250+750+75+210+20+60+75+50+15+30 = 1645
    // 2026: 100+90+250+200+100+750+200+220+60+10+10+10 = 2000
    // 2027: as 2026, but "4.A Instandhouding en uitbreiding ambtelijke capaciteit 250 250 25 250" gives 25: 1775
    expect(data!.budgetSummary.years).toEqual([
      { year: 2025, computedCents: 1645 * THOUSAND, statedCents: 1645 * THOUSAND, differenceCents: 0 },
      { year: 2026, computedCents: 2000 * THOUSAND, statedCents: 2000 * THOUSAND, differenceCents: 0 },
      { year: 2027, computedCents: 1775 * THOUSAND, statedCents: 2000 * THOUSAND, differenceCents: 225 * THOUSAND },
      { year: 2028, computedCents: 2000 * THOUSAND, statedCents: 2000 * THOUSAND, differenceCents: 0 },
    ]);
  });

  it('splits 2025 and 2027 per theme as the table groups them', async () => {
    const { data } = await api.gql(query, { from: 2025, to: 2027 });
    const of = (year: number) =>
      Object.fromEntries(
        data!.budgetSummary.byTheme
          .filter((r: { year: number }) => r.year === year)
          .map((r: { themeNumber: number; amountCents: number }) => [r.themeNumber, r.amountCents / THOUSAND]),
      );
    // "1. OPVANG" 1.1 4.B 50 | "2. HUISVESTING" 2.B 60 + 4.A 250 | "3." 3.A 750 + 3.4 3.A 75 |
    // "4." 1.A 210 + 1.B 20 + 2.B 60 + 2.B 75 | "5. Organisatie" 2.A 50 + 3.A 15 + 4.A 30
    expect(of(2025)).toEqual({ 1: 50, 2: 310, 3: 825, 4: 365, 5: 95 });
    // 2027: 100 | 90 + 25 | 200 + 100 + 750 + 200 | 220 + 60 | 10 + 10 + 10
    expect(of(2027)).toEqual({ 1: 100, 2: 115, 3: 1250, 4: 280, 5: 30 });
    expect(data!.budgetSummary.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('funds 2025 from the reception surplus ("ook in 2025 incidenteel bekostigen uit een surplus") and leaves later years unknown', async () => {
    const { data } = await api.gql(query);
    expect(data!.budgetSummary.byFunding).toEqual([
      { funding: 'RECEPTION_SURPLUS', year: 2025, amountCents: 1645 * THOUSAND },
      { funding: 'UNKNOWN', year: 2026, amountCents: 2000 * THOUSAND },
      { funding: 'UNKNOWN', year: 2027, amountCents: 1775 * THOUSAND },
      { funding: 'UNKNOWN', year: 2028, amountCents: 2000 * THOUSAND },
    ]);
  });

  it('filters by theme, without a stated total (the table states none per theme)', async () => {
    const { data } = await api.gql(query, { theme: themeIds[2], from: 2026, to: 2027 });
    // 2.1 2.B 90 + 4.A 250 = 340 in 2026; 90 + 25 = 115 in 2027
    expect(data!.budgetSummary.years).toEqual([
      { year: 2026, computedCents: 340 * THOUSAND, statedCents: null, differenceCents: null },
      { year: 2027, computedCents: 115 * THOUSAND, statedCents: null, differenceCents: null },
    ]);
  });

  it('runs as one SQL statement and refuses a reversed period', async () => {
    const { count } = await api.countStatements(() => api.gql(query));
    expect(count).toBe(1);
    const { errors } = await api.gql(query, { from: 2028, to: 2025 });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromYear' });
  });
});

describe('quotaAttainment', () => {
  const query = `query ($date: Date!, $kind: QuotaKind) { quotaAttainment(date: $date, kind: $kind) {
    code target carriedOverBacklog required statedTotal realised realisedOn attainment gap deadline daysToDeadline } }`;
  const byCode = (rows: { code: string }[]): Record<string, any> =>
    Object.fromEntries(rows.map((row) => [row.code, row]));

  it('on 1 October 2024: housing 291 of 464, reception 520 of 817', async () => {
    const { data, errors } = await api.gql(query, { date: '2024-10-01' });
    expect(errors).toBeUndefined();
    const rows = byCode(data!.quotaAttainment);
    // "achterstand van 100 … taakstelling van 2024 (364) … 464 statushouders"; "Op peildatum 1 oktober zijn er 291
    // plaatsingen gerealiseerd"; "op 1 januari 2025 de volledige taakstelling": 464 - 291 = 173; 31 + 30 + 31 = 92 days.
    expect(rows['huisvesting-2024']).toMatchObject({
      target: 364,
      carriedOverBacklog: 100,
      required: 464,
      statedTotal: 464,
      realised: 291,
      realisedOn: '2024-10-01',
      gap: 173,
      deadline: '2025-01-01',
      daysToDeadline: 92,
    });
    expect(rows['huisvesting-2024'].attainment).toBeCloseTo(291 / 464, 10);
    // "817 plekken per 1 juli 2025"; "(peildatum: 1 augustus 2024) 520 opvangplekken"; "nog 297 extra plekken";
    // 1 Oct 2024 to 1 Jul 2025: 92 + 31 + 28 + 31 + 30 + 31 + 30 = 273 days.
    expect(rows['spreidingswet-2025']).toMatchObject({
      required: 817,
      realised: 520,
      realisedOn: '2024-08-01',
      gap: 297,
      daysToDeadline: 273,
    });
    expect(rows['spreidingswet-2025'].attainment).toBeCloseTo(520 / 817, 10);
    // "69 AMV-ers"; "Op dit moment is nog geen opvang van AMV-ers voorzien."
    expect(rows['spreidingswet-2025-amv']).toMatchObject({ required: 69, realised: 0, gap: 69, attainment: 0 });
  });

  it('knows nothing realised before the peildatum, and counts days past the deadline as negative', async () => {
    const before = byCode((await api.gql(query, { date: '2024-07-31', kind: 'RECEPTION' })).data!.quotaAttainment);
    expect(before['spreidingswet-2025']).toMatchObject({
      realised: null,
      attainment: null,
      gap: null,
      daysToDeadline: 335,
    });
    const after = byCode((await api.gql(query, { date: '2025-06-01', kind: 'HOUSING' })).data!.quotaAttainment);
    // 1 Jan to 1 Jun 2025: 31 + 28 + 31 + 30 + 31 = 151 days past.
    expect(after['huisvesting-2024']).toMatchObject({ realised: 291, daysToDeadline: -151 });
    expect(Object.keys(after).sort()).toEqual(['huisvesting-2020', 'huisvesting-2023', 'huisvesting-2024']);
  });

  it('runs as one SQL statement', async () => {
    const { count } = await api.countStatements(() => api.gql(query, { date: '2025-01-01' }));
    expect(count).toBe(1);
  });
});

describe('receptionCapacity and capacityTimeline', () => {
  const capacity = `query ($date: Date!, $group: ID) { receptionCapacity(date: $date, targetGroupId: $group) {
    kind targetGroupName places plannedPlaces locations } }`;
  const sum = (rows: { places: number }[]) => rows.reduce((total, row) => total + row.places, 0);

  it('on the peildatum 1 August 2024: 400 + 120 = 520 for asylum seekers, 785 for displaced persons', async () => {
    const { data, errors } = await api.gql(capacity, { date: '2024-08-01' });
    expect(errors).toBeUndefined();
    // "Nijmegen heeft 400 reguliere, structurele opvangplekken op de locatie Dommer van Poldersveldtweg en 120
    // tijdelijke opvangplekken in het voormalige belastingkantoor aan de Stieltjesstraat."
    expect(data!.receptionCapacity).toEqual([
      { kind: 'AZC', targetGroupName: 'Asielzoekers', places: 400, plannedPlaces: 0, locations: 1 },
      { kind: 'EMERGENCY_RECEPTION', targetGroupName: 'Asielzoekers', places: 120, plannedPlaces: 0, locations: 1 },
      // "In Nijmegen hebben we op dit moment 785 beschikbare opvangplekken": five locations, one total.
      {
        kind: 'DISPLACED_RECEPTION',
        targetGroupName: 'Ontheemden uit Oekraïne',
        places: 785,
        plannedPlaces: 0,
        locations: 1,
      },
    ]);
  });

  it('adds the planned AMV location in 2025-2026 ("opvang van 12 AMV-ers … tot eind 2026")', async () => {
    const { data } = await api.gql(capacity, { date: '2026-06-01', group: groupIds['AMV-ers'] });
    expect(data!.receptionCapacity).toEqual([
      { kind: 'AMV_RECEPTION', targetGroupName: 'AMV-ers', places: 0, plannedPlaces: 12, locations: 1 },
    ]);
    expect(
      (await api.gql(capacity, { date: '2027-01-01', group: groupIds['AMV-ers'] })).data!.receptionCapacity,
    ).toEqual([]);
  });

  it('drops to 400 once Stieltjesstraat has closed ("Deze noodlocatie sluit in september 2027")', async () => {
    const group = groupIds.Asielzoekers;
    expect(sum((await api.gql(capacity, { date: '2027-08-31', group })).data!.receptionCapacity)).toBe(520);
    const closed = (await api.gql(capacity, { date: '2027-10-01', group })).data!.receptionCapacity;
    expect(closed).toEqual([
      { kind: 'AZC', targetGroupName: 'Asielzoekers', places: 400, plannedPlaces: 0, locations: 1 },
    ]);
  });

  it('gives a monthly timeline 2024-2028 with the closures and how long each waits for its replacement', async () => {
    const { data, errors } = await api.gql(`{ capacityTimeline {
      points { date kind targetGroupName places plannedPlaces }
      events { date type locationCode planned places replacementName replacementOpensOn daysWithoutReplacement } } }`);
    expect(errors).toBeUndefined();
    const { points, events } = data!.capacityTimeline;
    const asylum = (date: string) =>
      sum(
        points.filter(
          (p: { date: string; targetGroupName: string }) => p.date === date && p.targetGroupName === 'Asielzoekers',
        ),
      );
    expect(new Set(points.map((p: { date: string }) => p.date)).size).toBe(60);
    expect([asylum('2024-01-01'), asylum('2027-08-01'), asylum('2027-09-01'), asylum('2028-12-01')]).toEqual([
      520, 520, 400, 400,
    ]);
    const closures = events.filter((e: { type: string }) => e.type === 'CLOSURE');
    // Ships "per 1-3-2025", replacement "uiterlijk 31-12-2025": 275 + 30 = 305 days without (of unknown size).
    expect(closures).toContainEqual({
      date: '2025-03-01',
      type: 'CLOSURE',
      locationCode: 'oekraine-waalhaven',
      planned: true,
      places: null,
      replacementName: 'Vervangende opvanglocatie(s) voor Waalhaven en Tarweweg (actie 1.2 1.A)',
      replacementOpensOn: '2025-12-31',
      daysWithoutReplacement: 305,
    });
    expect(closures).toContainEqual(
      expect.objectContaining({ locationCode: 'oekraine-tarweweg', date: '2025-12-31', daysWithoutReplacement: 0 }),
    );
    expect(closures).toContainEqual(
      expect.objectContaining({
        locationCode: 'noodlocatie-stieltjesstraat',
        date: '2027-09-01',
        places: 120,
        replacementName: null,
      }),
    );
    expect(
      events.filter((e: { type: string }) => e.type === 'OPENING').map((e: { locationCode: string }) => e.locationCode),
    ).toContain('coa-noodopvang-1.1-1.A');
  });

  it('reads each aggregate in at most two statements, whatever the number of months', async () => {
    expect((await api.countStatements(() => api.gql(capacity, { date: '2025-01-01' }))).count).toBe(1);
    expect(
      (await api.countStatements(() => api.gql('{ capacityTimeline { points { places } events { date } } }'))).count,
    ).toBe(2);
  });
});

describe('the monitoring entities through the uniform API', () => {
  it('lets anyone read them and only secretaries change them, with an audit event', async () => {
    const list = await api.gql(
      '{ locations(filter: { code: { eq: "noodlocatie-stieltjesstraat" } }) { totalCount nodes { id version code closesOn capacities { places } replacedBy { code } } } }',
    );
    expect(list.data!.locations).toMatchObject({
      totalCount: 1,
      nodes: [{ code: 'noodlocatie-stieltjesstraat', closesOn: '2027-09-01', capacities: [{ places: 120 }] }],
    });
    const { id, version } = list.data!.locations.nodes[0];
    const update = `mutation ($id: ID!, $v: Int!) { updateLocation(id: $id, expectedVersion: $v, input: { closesOn: "2027-12-01" }) { version closesOn } }`;

    const anonymous = await api.gql(update, { id, v: version });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await api.createUser({ roles: ['VIEWER'] });
    expect((await viewer.gql(update, { id, v: version })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const secretary = await api.createUser({ roles: ['SECRETARY'] });
    const changed = await secretary.gql(update, { id, v: version });
    expect(changed.data!.updateLocation).toEqual({ version: version + 1, closesOn: '2027-12-01' });
    const history = await secretary.gql(
      `query ($id: ID!) { location(id: $id) { history { operation changedFields } } }`,
      { id },
    );
    expect(history.data!.location.history).toContainEqual(
      expect.objectContaining({ operation: 'UPDATE', changedFields: expect.arrayContaining(['closesOn']) }),
    );

    // The later closure moves the drop in the timeline: 520 on 1 November 2027, 400 on 1 December.
    const group = groupIds.Asielzoekers;
    const q = `query ($date: Date!, $group: ID) { receptionCapacity(date: $date, targetGroupId: $group) { places } }`;
    const total = async (date: string) =>
      (await api.gql(q, { date, group })).data!.receptionCapacity.reduce(
        (n: number, r: { places: number }) => n + r.places,
        0,
      );
    expect([await total('2027-11-01'), await total('2027-12-01')]).toEqual([520, 400]);
    await secretary.gql(
      `mutation ($id: ID!, $v: Int!) { updateLocation(id: $id, expectedVersion: $v, input: { closesOn: "2027-09-01" }) { version } }`,
      { id, v: version + 1 },
    );
  });

  it('filters measurements by quota and lists them by date, with the sentence they came from', async () => {
    const { data } = await api.gql(
      `{ quotas(filter: { code: { eq: "huisvesting-2024" } }) { nodes { measurements { date value dateText sourceText } } } }`,
    );
    expect(data!.quotas.nodes[0].measurements).toEqual([
      {
        date: '2024-10-01',
        value: 291,
        dateText: 'peildatum 1 oktober (jaar niet genoemd)',
        sourceText: 'Op peildatum 1 oktober zijn er 291 plaatsingen gerealiseerd.',
      },
    ]);
  });
});
