import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { raDutch } from './ra-dutch';
import { appMessages } from './app-messages';
import { subsidyMessages } from '../subsidies/messages';

const keys = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('the Dutch messages', () => {
  it('translate every message react-admin has', () => {
    expect(keys(raDutch).sort()).toEqual(keys(englishMessages).sort());
  });

  it('of the console have an English counterpart for each', () => {
    expect(keys(appMessages.nl).sort()).toEqual(keys(appMessages.en).sort());
  });

  it('of the subsidy screens have an English counterpart for each', () => {
    expect(keys(subsidyMessages.nl).sort()).toEqual(keys(subsidyMessages.en).sort());
  });
});
