import { describe, expect, it } from 'vitest';
import { cleanCandidate, extractCandidates, isLikelyEntity } from './extract-entities';

describe('cleanCandidate', () => {
  it('strips titles, possessives, edge punctuation and page-chrome dashes', () => {
    expect(cleanCandidate('Minister Sergei Lavrov')).toEqual(['Sergei Lavrov']);
    expect(cleanCandidate('Aleppo’s')).toEqual(['Aleppo']);
    expect(cleanCandidate('Fabrice Coffrini—')).toEqual(['Fabrice Coffrini']);
    expect(cleanCandidate('Geneva, Switzerland')).toEqual(['Geneva', 'Switzerland']);
  });

  it('keeps dotted initials and drops demonyms, pronouns and lowercase words', () => {
    expect(cleanCandidate('U.S.,')).toEqual(['U.S.']);
    expect(cleanCandidate('Syrian')).toEqual([]);
    expect(cleanCandidate('Muslim Brotherhood')).toEqual(['Muslim Brotherhood']);
    expect(cleanCandidate('We')).toEqual([]);
    expect(cleanCandidate('rebels')).toEqual([]);
  });
});

describe('extractCandidates', () => {
  const text = 'U.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva. ' +
    'Kerry said the Carnegie Endowment for International Peace agreed. Lavrov flew to Moscow.';
  const found = extractCandidates([{ file: 'a.txt', text }]);
  const byText = new Map(found.map((c) => [c.text, c]));

  it('finds people, places and organisations with a type and a count', () => {
    expect(byText.get('John Kerry')?.type).toBe('person');
    expect(byText.get('Sergei Lavrov')?.type).toBe('person');
    expect(byText.get('Geneva')?.type).toBe('place');
    expect(byText.get('Moscow')?.type).toBe('place');
    expect(byText.has('Carnegie Endowment for International Peace')).toBe(true);
    // Counts are mentions found, each once however many extractors found it.
    expect(byText.get('Kerry')).toMatchObject({ type: 'person', count: 2, files: ['a.txt'] });
    expect(byText.get('John Kerry')).toMatchObject({ type: 'person', count: 1 });
  });

  it('is deterministic', () => {
    expect(extractCandidates([{ file: 'a.txt', text }])).toEqual(found);
  });

  it('keeps typed names and repeated ones as entities, not one-off untyped words', () => {
    expect(isLikelyEntity({ text: 'Geneva', type: 'place', count: 1, files: [] })).toBe(true);
    expect(isLikelyEntity({ text: 'Reply', type: 'organization', count: 1, files: [] })).toBe(false);
    expect(isLikelyEntity({ text: 'NATO', type: 'organization', count: 3, files: [] })).toBe(true);
  });
});
