import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV', () => {
  it('separates with semicolons and quotes what needs quoting', () => {
    expect(toCsv([{ Code: '1.1 1.A', Activiteit: 'Opvang; "tijdelijk"\nen meer' }])).toBe(
      'Code;Activiteit\r\n1.1 1.A;"Opvang; ""tijdelijk""\nen meer"',
    );
  });
});
