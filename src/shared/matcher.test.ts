import { describe, expect, it } from 'vitest';
import { isAcronym, Matcher, type AliasPattern } from './matcher';

const p = (text: string, entityId: string, caseSensitive = isAcronym(text)): AliasPattern => ({ text, entityId, caseSensitive });
const matcher = new Matcher([
  p('Kerry', 'kerry'),
  p('John Kerry', 'kerry'),
  p('Assad', 'assad'),
  p('Assad regime', 'syrian-government'),
  p('ISIS', 'is'),
  p('IS', 'is'),
  p('Putin', 'putin'),
  p('U.S.', 'us'),
  p('US', 'us'),
  p('Erdogan', 'erdogan'),
  p("Syria's Russian-backed government", 'syrian-government'),
  p('Deir al-Zur', 'deir'),
]);
const found = (text: string) => matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('Matcher', () => {
  it('gives exact offsets into the original text', () => {
    const text = 'Then John Kerry spoke.';
    expect(matcher.find(text)).toEqual([{ start: 5, end: 15, entityId: 'kerry', alias: 'John Kerry' }]);
  });

  it('prefers the longest alias at a position, then moves past it', () => {
    expect(found('the Assad regime and Assad')).toEqual([
      ['Assad regime', 'syrian-government'],
      ['Assad', 'assad'],
    ]);
  });

  it('matches whole words only', () => {
    expect(found('a crisis for ISIS')).toEqual([['ISIS', 'is']]);
    expect(found('inputting Putins Putin')).toEqual([['Putin', 'putin']]);
    expect(found('Kerrygold and Kerry')).toEqual([['Kerry', 'kerry']]);
  });

  it('matches acronyms only in capitals, names capitalised or in capitals', () => {
    expect(found('this is us, IS and US')).toEqual([
      ['IS', 'is'],
      ['US', 'us'],
    ]);
    expect(found('KERRY and Kerry')).toEqual([
      ['KERRY', 'kerry'],
      ['Kerry', 'kerry'],
    ]);
  });

  it('folds diacritics, curly apostrophes, dashes and non-breaking spaces', () => {
    expect(found('Erdoğan spoke')).toEqual([['Erdoğan', 'erdogan']]);
    expect(found('Syria’s Russian‑backed government')).toEqual([['Syria’s Russian‑backed government', 'syrian-government']]);
    expect(found('John\u00A0Kerry')).toEqual([['John\u00A0Kerry', 'kerry']]);
    expect(found('Deir al–Zur')).toEqual([['Deir al–Zur', 'deir']]);
  });

  it('matches a name followed by a possessive', () => {
    expect(found("Assad's fate and Assad’s army")).toEqual([
      ['Assad', 'assad'],
      ['Assad', 'assad'],
    ]);
  });

  it('matches aliases that end in punctuation', () => {
    expect(found('the U.S. and the U.S.-Russia deal')).toEqual([
      ['U.S.', 'us'],
      ['U.S.', 'us'],
    ]);
  });

  it('finds nothing in text without names, and nothing with no patterns', () => {
    expect(found('Nothing to see here.')).toEqual([]);
    expect(new Matcher([]).find('John Kerry')).toEqual([]);
  });
});

describe('isAcronym', () => {
  it('treats short all-capital aliases as acronyms', () => {
    expect(['IS', 'US', 'U.S.', 'UN', 'NATO', 'CIA'].every(isAcronym)).toBe(true);
    expect(['Kerry', 'Islamic State', 'Daesh', 'ISSG-ish'].some(isAcronym)).toBe(false);
  });
});
