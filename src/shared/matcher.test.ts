import fc from 'fast-check';
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

describe('Matcher rules for real pages', () => {
  it('never takes a capitalised name in lower case ("turkey" the bird)', () => {
    const m = new Matcher([{ text: 'Turkey', entityId: 'turkey', caseSensitive: false }]);
    expect(m.find('roast turkey in Turkey, TURKEY').map((x) => x.start)).toEqual([16, 24]);
  });

  it('matches dotted and undotted acronyms alike when asked (pages)', () => {
    const m = new Matcher([{ text: 'U.S.', entityId: 'us', caseSensitive: true }, { text: 'UN', entityId: 'un', caseSensitive: true }], { acronymVariants: true });
    expect(m.find('the US and the U.N. and the U.S.').map((x) => [x.alias, x.entityId])).toEqual([
      ['US', 'us'],
      ['U.N.', 'un'],
      ['U.S.', 'us'],
    ]);
    expect(new Matcher([{ text: 'U.S.', entityId: 'us', caseSensitive: true }]).find('the US')).toEqual([]);
  });

  it('admits an ambiguous alias only near an unambiguous match', () => {
    const m = new Matcher(
      [
        { text: 'Turkey', entityId: 'turkey', caseSensitive: false, needsContext: true },
        { text: 'rebels', entityId: 'opposition', caseSensitive: false, needsContext: true },
        { text: 'Aleppo', entityId: 'aleppo', caseSensitive: false },
      ],
      { contextWindow: 30 },
    );
    expect(m.find('Turkey backs rebels near Aleppo.').map((x) => x.entityId)).toEqual(['turkey', 'opposition', 'aleppo']);
    expect(m.find('Turkey for dinner; the rebels of Star Wars.')).toEqual([]);
    expect(m.find(`Aleppo.${' '.repeat(40)}Turkey`).map((x) => x.entityId)).toEqual(['aleppo']);
  });

  it('finds aliases that end inside other aliases (dictionary links)', () => {
    const m = new Matcher([
      { text: 'Islamic State group', entityId: 'is', caseSensitive: false },
      { text: 'State Department', entityId: 'dos', caseSensitive: false },
      { text: 'Department', entityId: 'dept', caseSensitive: false },
    ]);
    expect(m.find('the Islamic State Department of Stuff').map((x) => x.alias)).toEqual(['State Department']);
    expect(m.find('an Islamic State group').map((x) => x.alias)).toEqual(['Islamic State group']);
  });
});

/** The rules, written the slow obvious way: at each word start, the longest alias that fits. */
function reference(patterns: AliasPattern[], text: string) {
  const word = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
  const out: [number, number, string][] = [];
  for (let i = 0; i < text.length; ) {
    let best: AliasPattern | undefined;
    if (!word(text[i - 1])) {
      for (const p of patterns) {
        const end = i + p.text.length;
        const slice = text.slice(i, end);
        if (slice.toLowerCase() !== p.text.toLowerCase() || (word(text[end - 1]) && word(text[end]))) continue;
        if (p.caseSensitive && slice !== p.text) continue;
        if (!p.caseSensitive && /^\p{Lu}/u.test(p.text) && slice[0] !== slice[0]!.toUpperCase()) continue;
        if (!best || p.text.length > best.text.length) best = p;
      }
    }
    if (best) {
      out.push([i, i + best.text.length, best.entityId]);
      i += best.text.length;
    } else i++;
  }
  return out;
}

describe('Matcher against the reference rules (property)', () => {
  it('agrees on random aliases and texts', () => {
    const letter = fc.constantFrom('a', 'b', 'A', 'B', ' ', '.', 'é');
    const word = fc.array(letter, { minLength: 1, maxLength: 5 }).map((cs) => cs.join('').trim()).filter((w) => /^[aAbB]/.test(w));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8, selector: (w) => w.toLowerCase() }), fc.array(letter, { maxLength: 60 }), fc.boolean(), (aliases, chars, caseSensitive) => {
        const patterns = aliases.map((text, i) => ({ text, entityId: `e${i}`, caseSensitive: caseSensitive && i % 2 === 0 }));
        const text = chars.join('');
        const got = new Matcher(patterns).find(text).map((m) => [m.start, m.end, m.entityId]);
        expect(got).toEqual(reference(patterns, text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Matcher tables', () => {
  it('agrees with the reference where states have many children (dense rows), and after export and load', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'A', ' ');
    const alias = fc.array(letter, { minLength: 1, maxLength: 4 }).map((cs) => `x${cs.join('').trim()}`);
    fc.assert(
      fc.property(fc.uniqueArray(alias, { minLength: 6, maxLength: 30, selector: (w) => w.toLowerCase() }), fc.array(fc.constantFrom('x', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', ' '), { maxLength: 80 }), (aliases, chars) => {
        const patterns = aliases.map((text, i) => ({ text, entityId: `e${i}`, caseSensitive: false }));
        const text = chars.join('');
        const expected = reference(patterns, text);
        const compiled = new Matcher(patterns);
        expect(compiled.find(text).map((m) => [m.start, m.end, m.entityId])).toEqual(expected);
        expect(Matcher.load(compiled.export()).find(text).map((m) => [m.start, m.end, m.entityId])).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('packed matchers', () => {
  it('find the same matches after packing to bytes and unpacking', async () => {
    const { matcherFromBytes, matcherToBytes } = await import('./matcher-binary');
    const text = 'the Islamic State group met John Kerry, then U.S. officials; Kerry’s aides too';
    const bytes = matcherToBytes(matcher);
    expect(matcherFromBytes(bytes.slice().buffer).find(text)).toEqual(matcher.find(text));
  });
});
