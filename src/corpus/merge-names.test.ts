import { describe, expect, it } from 'vitest';
import { noScores, type TypeScores } from './entity-types';
import { groupSurfaces, nameKey, type Surface } from './merge-names';

const surface = (spelling: string, scores: Partial<TypeScores> = {}, files = ['a.txt']): Surface => ({
  key: nameKey(spelling),
  spellings: new Map([[spelling, 1]]),
  scores: { ...noScores(), ...scores },
  count: 1,
  files: new Set(files),
});
const groups = (surfaces: Surface[], pairs: [string, string][] = []) =>
  groupSurfaces(surfaces, pairs, [{ name: 'Islamic State', type: 'armed group', spellings: ['Islamic State', 'ISIS', 'Daesh'] }])
    .map((g) => g.surfaces.map((s) => [...s.spellings.keys()][0]).sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('nameKey', () => {
  it('ignores case, diacritics, dots, hyphens, possessives and "al-"', () => {
    expect(nameKey('Bashar al-Assad')).toBe(nameKey('Bashar Assad'));
    expect(nameKey('Erdoğan’s')).toBe(nameKey('ERDOGAN'));
    expect(nameKey('U.S.')).toBe(nameKey('US'));
    expect(nameKey('East-Ghouta')).toBe(nameKey('East Ghouta'));
    expect(nameKey('al-Nusrah')).toBe(nameKey('Nusra'));
  });
});

describe('groupSurfaces', () => {
  it('joins a surname and a given-name variant to the full name', () => {
    expect(groups([surface('Sergei Valkov', { person: 5 }), surface('Sergey Valkov', { person: 3 }), surface('Valkov')])).toEqual([['Sergei Valkov', 'Sergey Valkov', 'Valkov']]);
  });

  it('keeps a short form apart when it fits two entities, or is of another kind', () => {
    expect(groups([surface('Anna Lund', { person: 5 }), surface('Erik Lund', { person: 5 }), surface('Lund')])).toEqual([['Anna Lund'], ['Erik Lund'], ['Lund']]);
    expect(groups([surface('Kessel Council', { institution: 5 }), surface('Kessel', { place: 6 })])).toEqual([['Kessel'], ['Kessel Council']]);
    // Sergei and Sergio are not one name.
    expect(groups([surface('Sergei Valkov', { person: 5 }), surface('Sergio Valkov', { person: 5 })])).toEqual([['Sergei Valkov'], ['Sergio Valkov']]);
  });

  it('joins an organisation and its first words, a place and its short form', () => {
    expect(groups([surface('Ostrel Bank', { organization: 5 }), surface('Ostrel', { organization: 3 })])).toEqual([['Ostrel', 'Ostrel Bank']]);
    expect(groups([surface('Santa Rosa de Lima', { place: 4 }), surface('Santa Rosa', { place: 4 })])).toEqual([['Santa Rosa', 'Santa Rosa de Lima']]);
    expect(groups([surface('River Velm', { place: 9 }), surface('Velm')])).toEqual([['River Velm', 'Velm']]);
    // "Kessel University" is a body of its own, not the short form of its students' union.
    expect(groups([surface('Kessel University', { institution: 5 }), surface('Kessel University Students Union', { organization: 5 })])).toEqual([
      ['Kessel University'],
      ['Kessel University Students Union'],
    ]);
  });

  it('joins acronyms the text pairs and spellings the alias table lists', () => {
    expect(groups([surface('National Grain Board', { institution: 5 }), surface('NGB')], [[nameKey('National Grain Board'), nameKey('NGB')]])).toEqual([['NGB', 'National Grain Board']]);
    expect(groups([surface('Daesh'), surface('ISIS')])).toEqual([['Daesh', 'ISIS']]);
  });
});
