import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSourceDocument, SHARED_SOURCE_DOCUMENT_PATH, SOURCE_DOCUMENT_PATH } from '../source.js';
import { checkFigures } from './data-quality.js';
import { PARTNERS, resolveOrganisations, splitOrganisationsCell } from './partners.js';
import { extractProgramme } from './programme.js';
import { EXCERPT_SEPARATOR } from './records.js';

const text = readSourceDocument();
const records = extractProgramme(text);

/**
 * The expectations, read from the raw lines without the extractor: every "ACTIES" table starts
 * with a "Doel:<tab>" header and runs to the next blank line; its section is the last
 * "d.d Title" heading above it (headings never contain a tab).
 */
function rawActionRows(): { sectionCode: string; cells: string[] }[] {
  const lines = text.split('\n');
  const rows: { sectionCode: string; cells: string[] }[] = [];
  let sectionCode = '';
  let inTable = false;
  for (const line of lines) {
    const heading = /^(\d\.\d) [^\t]+$/.exec(line);
    if (heading) sectionCode = heading[1]!;
    if (line.startsWith('Doel:\t')) {
      inTable = true;
      continue;
    }
    if (inTable && line.trim() === '') inTable = false;
    if (inTable) rows.push({ sectionCode, cells: line.split('\t') });
  }
  return rows;
}
const raw = rawActionRows();
const rawCountBySection = raw.reduce<Record<string, number>>((counts, row) => {
  counts[row.sectionCode] = (counts[row.sectionCode] ?? 0) + 1;
  return counts;
}, {});

describe('extractProgramme: outline', () => {
  it('finds the five themes, each with its ambition', () => {
    expect(records.themes.map((t) => [t.number, t.name])).toEqual([
      [1, 'Opvang van vluchtelingen'],
      [2, 'Huisvesting van statushouders'],
      [3, 'Inburgering & Integratie'],
      [4, 'Mensen zonder documenten'],
      [5, 'Organisatie'],
    ]);
    for (const theme of records.themes) expect(theme.ambition).toMatch(/^\S.{100,}/);
    expect(records.themes[4]!.ambition).not.toContain('GEZELLIG');
  });

  it('finds every section, with background and current state where the document has them', () => {
    expect(records.sections.map((s) => s.code)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '4.1',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
    ]);
    for (const section of records.sections) {
      expect(section.background, section.code).toBeTruthy();
      if (section.themeNumber < 5) expect(section.currentState, section.code).toBeTruthy();
      else expect(section.currentState, section.code).toBeNull();
    }
    expect(records.sections.find((s) => s.code === '3.3')!.title).toBe('Onderwijs');
    expect(records.sections.find((s) => s.code === '1.1')!.background).toMatch(
      /^Het Centraal Orgaan opvang Asielzoekers/,
    );
    expect(records.sections.find((s) => s.code === '1.1')!.currentState).toMatch(/^In Gelderland is besloten/);
    // The budget table is not prose: it stays out of 5.3's text.
    expect(records.sections.find((s) => s.code === '5.3')!.background).not.toContain('\t');
  });

  it('finds the goals with their sub-points', () => {
    const count = (section: string) => records.goals.filter((g) => g.sectionCode === section && g.inDocument).length;
    expect(Object.fromEntries(records.sections.map((s) => [s.code, count(s.code)]))).toEqual({
      '1.1': 4,
      '1.2': 3,
      '2.1': 4,
      '3.1': 3,
      '3.2': 3,
      '3.3': 3,
      '3.4': 3,
      '3.5': 2,
      '4.1': 3,
      '5.1': 0,
      '5.2': 3,
      '5.3': 0,
      '5.4': 0,
    });
    const goal = records.goals.find((g) => g.code === '1.1 1')!;
    expect(goal.text).toMatch(/^Gemeente Nijmegen biedt het benodigde aantal opvangplekken van 817/);
    expect(goal.subPoints).toHaveLength(7);
    expect(goal.subPoints[3]).toMatch(/^- Het benodigde aantal opvangplekken fluctueert/);
  });
});

describe('extractProgramme: actions', () => {
  it('has as many actions per section as the document has table rows', () => {
    const extracted = records.actions.reduce<Record<string, number>>((counts, action) => {
      counts[action.sectionCode] = (counts[action.sectionCode] ?? 0) + 1;
      return counts;
    }, {});
    expect(extracted).toEqual(rawCountBySection);
    expect(records.actions).toHaveLength(raw.length);
    expect(raw.length).toBe(56);
  });

  it('gives every action a unique, well-formed code', () => {
    const codes = records.actions.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d\.\d \d+\.[A-Z]$/);
    expect(codes.slice(0, 6)).toEqual(['1.1 1.A', '1.1 1.B', '1.1 2.A', '1.1 3.A', '1.1 4.A', '1.1 4.B']);
  });

  it('keeps the cells verbatim and strips the letter and the list markup', () => {
    const action = records.actions.find((a) => a.code === '1.2 1.A')!;
    expect(action.description).toBe(
      'We realiseren vervangende opvanglocatie(s) voor:\n• De schepen in de Waalhaven per 1-3-2025\n• Locatie Tarweweg per 31-12-2025',
    );
    const first = records.actions.find((a) => a.code === '1.1 1.A')!;
    expect(first.preconditions).toEqual([
      'Een geschikt pand',
      'Huurovereenkomst',
      'Bestuursovereenkomst',
      'Omgevings-management',
      'Inzet partners (welzijn, zorg, onderwijs)',
    ]);
    for (const action of records.actions) {
      const row = raw.find((r) => r.cells[1]?.includes(action.description.split('\n')[0]!));
      expect(row, action.code).toBeDefined();
      expect(action.targetGroupsText ?? '').toBe(row!.cells[2]);
      expect(action.organisationsText ?? '').toBe(row!.cells[3]);
      expect(action.timingText ?? '').toBe(row!.cells[5] ?? '');
      for (const item of action.preconditions) expect(item).not.toMatch(/<|•|^- /);
    }
  });

  it('continues the goal above when a row has no goal number', () => {
    expect(records.actions.find((a) => a.code === '1.2 1.C')!.goalCode).toBe('1.2 1');
  });

  it('keeps the action whose goal is missing, under a placeholder goal', () => {
    expect(records.actions.find((a) => a.code === '5.2 4.A')!.goalCode).toBe('5.2 4');
    expect(records.goals.find((g) => g.code === '5.2 4')).toMatchObject({ inDocument: false, number: 4 });
  });

  it('gives every action at least one normalised target group', () => {
    for (const action of records.actions) expect(action.targetGroups.length, action.code).toBeGreaterThan(0);
    const names = records.targetGroups.map((g) => g.name);
    for (const expected of [
      'Asielzoekers',
      'Statushouders',
      'AMV-ers',
      'Ontheemden uit Oekraïne',
      'Gezinsmigranten',
      'Mensen zonder documenten',
      'Vluchtelingen',
    ]) {
      expect(names).toContain(expected);
    }
    // Aliases are spellings found in the cells, so each occurs in the document.
    for (const group of records.targetGroups) for (const alias of group.aliases) expect(text).toContain(alias);
    expect(records.actions.find((a) => a.code === '2.1 1.A')!.targetGroups).toEqual(['Statushouders', 'Ex-AMV-ers']);
  });

  it('reads start and end dates where the timing allows', () => {
    const dates = (code: string) => {
      const action = records.actions.find((a) => a.code === code)!;
      return [action.startDate, action.endDate];
    };
    expect(dates('1.1 2.A')).toEqual(['2025-01-01', '2026-12-31']);
    expect(dates('2.1 1.A')).toEqual(['2024-09-01', '2027-12-31']);
    expect(dates('3.1 1.A')).toEqual(['2025-04-01', '2028-12-31']);
    expect(dates('4.1 1.A')).toEqual([null, null]);
    expect(dates('2.1 2.B')).toEqual([null, null]);
  });
});

describe('extractProgramme: partners', () => {
  it('resolves every organisation in every cell through the alias table', () => {
    for (const row of raw) {
      const resolved = resolveOrganisations(row.cells[3] ?? null);
      expect(resolved.unresolved, row.cells[3]).toEqual([]);
      expect(resolved.links.length, row.cells[3]).toBeGreaterThanOrEqual(
        splitOrganisationsCell(row.cells[3] ?? '').length,
      );
    }
  });

  it('keeps only spellings the document really uses', () => {
    for (const partner of PARTNERS) for (const alias of partner.aliases) expect(text, partner.name).toContain(alias);
    const names = PARTNERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('maps the variant spellings onto one organisation', () => {
    const aliases = (name: string) => records.partners.find((p) => p.name === name)!.aliases;
    expect(aliases('Bindkracht10')).toEqual(expect.arrayContaining(['Bindkracht10', 'Binkracht10']));
    expect(aliases('VluchtelingenWerk')).toEqual(
      expect.arrayContaining(['VWN', 'VluchtelingenWerk', 'Vluchtelingenwerk']),
    );
    expect(aliases('WerkBedrijf')).toEqual(expect.arrayContaining(['WerkBedrijf', 'Werkbedrijf']));
    expect(aliases('Wereldvrouwenhuis')).toEqual(expect.arrayContaining(['Wereld Vrouwenhuis', 'Wereldvrouwenhuis']));
  });

  it('reads a role from a parenthesis after the name', () => {
    const links = (code: string) => records.actions.find((a) => a.code === code)!.partners;
    expect(links('3.3 3.A')).toContainEqual({
      partnerName: 'Gemeente Nijmegen',
      sourceName: 'Gemeente',
      role: 'klantregisseurs',
    });
    expect(links('4.1 3.A')).toContainEqual({
      partnerName: 'Openbaar Ministerie',
      sourceName: 'OM',
      role: 'veiligheids-driehoek',
    });
    expect(links('3.5 1.A')).toContainEqual({ partnerName: 'Bindkracht10', sourceName: 'Binkracht10', role: null });
    expect(links('3.4 2.A').map((l) => l.partnerName)).toEqual([
      'GGD',
      'VluchtelingenWerk',
      'Sterker',
      'Bindkracht10',
      'Pharos',
      'Gemeente Nijmegen',
    ]);
  });
});

describe('extractProgramme: data-quality notes', () => {
  const keys = records.notes.map((n) => n.key);

  it('gives every note a unique key and an excerpt that is verbatim in the source', () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const note of records.notes) {
      for (const part of note.sourceExcerpt.split(EXCERPT_SEPARATOR)) expect(text, note.key).toContain(part);
      expect(note.title.length).toBeGreaterThan(0);
      expect(note.description.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['partner-misspelt/3.5 1.A/Binkracht10', '3.5 1.A'],
    ['toc-title-differs/3.3', undefined],
    ['goal-missing/5.2 4', '5.2 4.A'],
    ['theme-reference-missing/5/3.5 1.A', '3.5 1.A'],
    ['appendix-missing/1', undefined],
    ['appendix-missing/2', undefined],
    ['budget-total-differs/2027', undefined],
    ['budget-code-duplicate/4.1 2.B', '4.1 2.B'],
    ['action-cell-empty/2.1 2.B/timing', '2.1 2.B'],
    ['organisations-separator-missing/3.4 2.A/Bindkracht10', '3.4 2.A'],
    ['organisations-separator-missing/1.2 1.A/ODRN', '1.2 1.A'],
    ['organisations-separator-missing/1.2 2.A/Gemeentelijke afdelingen', '1.2 2.A'],
    ['contradiction/bbb-rijksbijdrage', undefined],
    ['layout-artefact/5/GEZELLIG', undefined],
  ])('notes %s', (key, actionCode) => {
    const note = records.notes.find((n) => n.key === key);
    expect(note, key).toBeDefined();
    if (actionCode) expect(note!.subject.actionCode).toBe(actionCode);
  });

  it('finds the 3.3 title mismatch in the table of contents', () => {
    const note = records.notes.find((n) => n.key === 'toc-title-differs/3.3')!;
    expect(note.sourceExcerpt).toContain('3.3 ONDERWIJS & ONTWIKKELING');
    expect(note.subject).toEqual({ sectionCode: '3.3' });
  });

  it('checks the sums in the text, which add up (400 + 120 = 520, 817 - 520 = 297, 364 + 100 = 464)', () => {
    for (const result of checkFigures(text)) expect(result, result.key).toMatchObject({ found: true, holds: true });
    expect(keys.filter((key) => key.startsWith('figures-differ/'))).toEqual([]);
  });

  it('finds no organisation or target group it cannot place', () => {
    expect(keys.filter((key) => key.startsWith('partner-unknown/') || key.startsWith('target-group-unknown/'))).toEqual(
      [],
    );
  });
});

describe('source document', () => {
  it('reads the committed copy in seeds/data', () => {
    expect(SOURCE_DOCUMENT_PATH).toMatch(/seeds\/data\/uitvoeringsprogramma-asiel-integratie-2025-2028\.txt$/);
  });

  // The checksum of the municipality's document as published (1 mei 2025); when shared/ is
  // beside the clone (development, CI) the copy must also equal the original there.
  it('is the published document, unchanged', () => {
    expect(createHash('sha256').update(readFileSync(SOURCE_DOCUMENT_PATH)).digest('hex')).toBe(
      '105082aeef6c68cc58d33816f31b315dec79ebc94eab721ea2a8f2c0c1ce792e',
    );
    if (existsSync(SHARED_SOURCE_DOCUMENT_PATH)) {
      expect(readFileSync(SHARED_SOURCE_DOCUMENT_PATH, 'utf8')).toBe(text);
    }
  });
});
