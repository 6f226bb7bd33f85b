import { describe, expect, it } from 'vitest';
import { readSourceDocument } from '../source.js';
import { extractProgramme } from './programme.js';

describe('the subsidy scheme the document names', () => {
  const records = extractProgramme(readSourceDocument());

  it('is the 2025 scheme for theme meetings of action 3.5 2.A, with no ceiling', () => {
    expect(records.subsidies.schemes).toEqual([
      {
        name: 'Subsidie themabijeenkomsten migrantenorganisaties 2025',
        year: 2025,
        description:
          'We bieden de mogelijkheid aan migrantenorganisaties om gesubsidieerd te worden voor het organiseren van themabijeenkomsten, etc',
        actionCode: '3.5 2.A',
      },
    ]);
  });

  it('records a data-quality note that the ceiling is unknown', () => {
    const note = records.notes.find((n) => n.key === 'subsidy-ceiling-unknown/3.5 2.A');
    expect(note).toMatchObject({ severity: 'WARNING', subject: { actionCode: '3.5 2.A' } });
    expect(note!.description).toContain('geen subsidieplafond');
  });
});
