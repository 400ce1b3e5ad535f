import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FramingAnalyzer, type LexiconCategory } from './framing';

/**
 * The property the pack's framing rests on: whatever an article quotes and whatever its page
 * clutter says, the framing profile counts the outlet's own words and nothing else. Articles
 * are generated from sentences of three kinds, each carrying framing words: the writer's own,
 * quotations from named people, and a reader-comment section below the article.
 */
const categories: LexiconCategory[] = [
  { id: 'state', label: 'state', description: '', labels: true, terms: ['regime', 'government'] },
  { id: 'loaded', label: 'loaded', description: '', terms: ['breakthrough', 'conspiracy'] },
];
const analyzer = new FramingAnalyzer(categories);

const TERMS = ['regime', 'government', 'breakthrough', 'conspiracy'] as const;
const PEOPLE = ['Maria Lopez', 'Omar Haddad', 'Jane Roe', 'Kofi Mensah'];
const term = fc.constantFrom(...TERMS);
/** A sentence in the writer's voice with one framing word. */
const own = term.map((t) => ({ kind: 'own' as const, term: t, text: `The ${t} was discussed at length by the committee on Monday.` }));
/** A quotation from a named person, in one of several mark styles, with one framing word. */
const quoted = fc.tuple(term, fc.constantFrom(...PEOPLE), fc.constantFrom(['“', '”'], ['"', '"'], ['‘', '’'], ['« ', ' »'], ['„', '“'])).map(([t, who, [open, close]]) => ({
  kind: 'quoted' as const,
  term: t,
  text: `${open}The ${t} has failed us all, and everyone can see it,${close} said ${who}.`,
}));
const paragraph = fc.array(fc.oneof(own, quoted), { minLength: 1, maxLength: 3 });

describe('framing counts the outlet’s own voice only (property)', () => {
  it('never counts a word inside a quotation or a reader comment, and counts every own one', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 2, maxLength: 6 }), fc.array(term, { maxLength: 4 }), (paragraphs, commentTerms) => {
        const body = paragraphs.map((p) => p.map((s) => s.text).join(' ')).join('\n\n');
        const comments = commentTerms.length > 0 ? `\n\n${commentTerms.length} comments\n\nJoe Bloggs March 3, 2021 - 8:17 pm\n\n${commentTerms.map((t) => `What a ${t} this is, I say.`).join(' ')}` : '';
        const text = `Committee meets again\n\n${body}${comments}`;
        const profile = analyzer.profile(text);
        const sentences = paragraphs.flat();
        for (const c of categories) {
          const count = profile.find((p) => p.category === c.id)!;
          const inCategory = (t: string) => (c.terms as string[]).includes(t);
          expect(count.count).toBe(sentences.filter((s) => s.kind === 'own' && inCategory(s.term)).length);
          expect(count.quoted.length).toBe(sentences.filter((s) => s.kind === 'quoted' && inCategory(s.term)).length);
          expect(count.quoted.every((q) => PEOPLE.includes(q.speaker!))).toBe(true);
          // Every counted term stands in a sentence of the writer's own.
          for (const e of count.evidence) expect(e.sentence).toMatch(/^The \w+ was discussed/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
