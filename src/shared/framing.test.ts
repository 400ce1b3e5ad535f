import { describe, expect, it } from 'vitest';
import { FramingAnalyzer, type LexiconCategory } from './framing';

const categories: LexiconCategory[] = [
  { id: 'regime', label: 'regime', description: '', terms: ['regime', 'Assad regime'] },
  { id: 'government', label: 'government', description: '', terms: ['government'] },
  { id: 'hedges', label: 'hedges', description: '', terms: [{ text: 'may', caseSensitive: true }, 'could'] },
  { id: 'named', label: 'named', description: '', terms: [], computed: 'named-attribution' },
  { id: 'scare', label: 'scare', description: '', terms: [], computed: 'scare-quotes' },
];
const analyzer = new FramingAnalyzer(categories);
const byId = (text: string, named = []) => Object.fromEntries(analyzer.profile(text, named).map((c) => [c.category, c]));

describe('FramingAnalyzer', () => {
  it('counts terms per category with their sentences as evidence', () => {
    const p = byId('The Assad regime fell. The regime and the government met. Both governments agreed.');
    expect(p.regime!.count).toBe(2);
    expect(p.regime!.terms).toEqual([
      { term: 'assad regime', count: 1 },
      { term: 'regime', count: 1 },
    ]);
    expect(p.regime!.evidence[0]).toEqual({ term: 'assad regime', sentence: 'The Assad regime fell.' });
    expect(p.government!.count).toBe(1);
  });

  it('respects case-sensitive terms: the hedge "may", not the month', () => {
    expect(byId('In May the truce may hold. It could.').hedges!.terms).toEqual([
      { term: 'could', count: 1 },
      { term: 'may', count: 1 },
    ]);
  });

  it('counts scare quotes and the named attributions it is given', () => {
    const p = byId('Washington backs « moderate rebels ». “We agree,” said Lavrov.', [{ term: 'sergey lavrov', sentence: '“We agree,” said Lavrov.' }] as never);
    expect(p.scare!.terms).toEqual([{ term: 'moderate rebels', count: 1 }]);
    expect(p.named!.count).toBe(1);
  });

  it('gives every category, zero where the text is silent', () => {
    expect(analyzer.profile('Nothing to see.').map((c) => c.count)).toEqual([0, 0, 0, 0, 0]);
  });
});
