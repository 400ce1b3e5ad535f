import { describe, expect, it } from 'vitest';
import { FramingAnalyzer, type LexiconCategory } from './framing';

const categories: LexiconCategory[] = [
  { id: 'regime', label: 'regime', description: '', terms: ['regime', 'Assad regime'] },
  { id: 'government', label: 'government', description: '', terms: ['government'] },
  { id: 'hedges', label: 'hedges', description: '', terms: [{ text: 'may', caseSensitive: true }, 'could', { text: 'might', notAfter: ['the', 'its'] }] },
  { id: 'opposition', label: 'opposition', description: '', labels: true, terms: ['moderate', 'rebels'] },
  { id: 'named', label: 'named', description: '', terms: [], computed: 'named-attribution' },
  { id: 'scare', label: 'scare', description: '', terms: [], computed: 'scare-quotes' },
];
const analyzer = new FramingAnalyzer(categories);
const byId = (text: string) => Object.fromEntries(analyzer.profile(text).map((c) => [c.category, c]));

describe('FramingAnalyzer', () => {
  it('counts terms per category with their sentences as evidence', () => {
    const p = byId('The Assad regime fell. The regime and the government met. Both governments agreed.');
    expect(p.regime!.count).toBe(2);
    expect(p.regime!.terms).toEqual([
      { term: 'assad regime', count: 1 },
      { term: 'regime', count: 1 },
    ]);
    expect(p.regime!.evidence[0]).toEqual({ term: 'assad regime', sentence: 'The Assad regime fell.', start: 4 });
    expect(p.government!.count).toBe(1);
  });

  it('respects case-sensitive terms: the hedge "may", not the month', () => {
    expect(byId('In May the truce may hold. It could.').hedges!.terms).toEqual([
      { term: 'could', count: 1 },
      { term: 'may', count: 1 },
    ]);
  });

  it('counts scare quotes, and quotations whose speaker the text names', () => {
    const p = byId('Washington backs « moderate rebels ». “We agree to all of it,” said Sergei Lavrov.');
    expect(p.scare!.terms).toEqual([{ term: 'moderate rebels', count: 1 }]);
    expect(p.named!.terms).toEqual([{ term: 'sergei lavrov', count: 1 }]);
    // Words in scare quotes are the outlet keeping its distance: not its own use of them.
    expect(p.opposition!.count).toBe(0);
    expect(p.opposition!.distanced.map((d) => [d.term, d.how])).toEqual([['moderate', 'scare'], ['rebels', 'scare']]);
  });

  it('counts as named attributions only quotations whose speaker the text names', () => {
    const p = byId('“It is over,” the statement said. “We agree,” said Maria Lopez. “No,” officials said.');
    expect(p.named!.terms).toEqual([{ term: 'maria lopez', count: 1 }]);
  });

  it('counts only the outlet’s own voice: quoted words are set apart with their speaker', () => {
    const p = byId('The government met. “The regime must go and the regime knows it,” said Basma Kodmani.');
    expect(p.government!.count).toBe(1);
    expect(p.regime!.count).toBe(0);
    expect(p.regime!.quoted.map((q) => [q.term, q.speaker])).toEqual([['regime', 'Basma Kodmani'], ['regime', 'Basma Kodmani']]);
  });

  it('gives a word reported as someone else’s view as distancing, and skips a term after a word that unmakes it', () => {
    const p = byId('The U.S. backs rebel groups it regards as moderate. The might of the army may grow.');
    expect(p.opposition!.distanced.map((d) => [d.term, d.how])).toEqual([['moderate', 'reported']]);
    expect(p.hedges!.terms).toEqual([{ term: 'may', count: 1 }]);
  });

  it('leaves page clutter out: reader comments below the article count for nothing', () => {
    const article = 'The government met on Monday to discuss the budget and the plan for next year.';
    const p = byId(`${article}\n\n2 comments\n\nJane Doe March 3, 2021 - 8:17 pm\nThis regime could fall and the regime may know it.`);
    expect(p.regime!.count + p.regime!.quoted.length).toBe(0);
    expect(p.hedges!.count).toBe(0);
  });

  it('gives every category, zero where the text is silent', () => {
    expect(analyzer.profile('Nothing to see.').map((c) => c.count)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
