import * as v from 'valibot';
import { Matcher } from './matcher';
import { findQuoteSpansInText } from './quote-spans';
import { sentenceLookup, sentenceSpans } from './sentences';

/** A lexicon term: matched as a whole word, case-insensitively unless `caseSensitive` ("may", not "May"). */
export const LexiconTermSchema = v.union([
  v.pipe(v.string(), v.minLength(1)),
  v.object({ text: v.pipe(v.string(), v.minLength(1)), caseSensitive: v.optional(v.boolean()) }),
]);

/**
 * A framing category. Most are lists of terms; two are computed: `scare-quotes` (short quoted
 * words with no speech verb around them) and `named-attribution` (quotations the caller has
 * attributed to named people or bodies).
 */
export const LexiconCategorySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  label: v.string(),
  description: v.string(),
  terms: v.array(LexiconTermSchema),
  computed: v.optional(v.picklist(['scare-quotes', 'named-attribution'])),
  /** True when the category's terms label the name they stand next to ("the Assad regime", "'moderate' rebels"). */
  labels: v.optional(v.boolean()),
});

export const FramingEvidenceSchema = v.object({ term: v.string(), sentence: v.string() });

/** How often one category occurs in a text, by term, with every sentence as evidence. */
export const FramingCountSchema = v.object({
  category: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  terms: v.array(v.object({ term: v.string(), count: v.number() })),
  evidence: v.array(FramingEvidenceSchema),
});

export type LexiconCategory = v.InferOutput<typeof LexiconCategorySchema>;
export type FramingEvidence = v.InferOutput<typeof FramingEvidenceSchema>;
export type FramingCount = v.InferOutput<typeof FramingCountSchema>;

/** A matcher for the lexicon's terms; each match's `entityId` is the term's category. */
export function lexiconMatcher(categories: readonly LexiconCategory[]): Matcher {
  return new Matcher(
    categories.flatMap((c) =>
      c.terms.map((t) => {
        const term = typeof t === 'string' ? { text: t } : t;
        return { text: term.text, entityId: c.id, caseSensitive: term.caseSensitive ?? false };
      }),
    ),
  );
}

/** The sentence of `text` around an offset ('' outside every sentence). */
function sentenceOf(text: string): (offset: number) => string {
  const at = sentenceLookup(sentenceSpans(text));
  return (offset) => {
    const s = at(offset);
    return s ? text.slice(s.start, s.end) : '';
  };
}

/**
 * Computes framing profiles: per category, the terms a text uses and the sentences that use
 * them. The same code profiles the corpus sources (pack build) and the page being read.
 */
export class FramingAnalyzer {
  private readonly matcher: Matcher;

  constructor(readonly categories: readonly LexiconCategory[]) {
    this.matcher = lexiconMatcher(categories);
  }

  /**
   * Where the lexicon's terms and the scare quotes are in `text` (for highlighting), in order,
   * without overlaps. The same matches `profile` counts.
   */
  spans(text: string): { start: number; end: number; category: string }[] {
    const out = this.matcher.find(text).map((m) => ({ start: m.start, end: m.end, category: m.entityId }));
    const scare = this.categories.find((c) => c.computed === 'scare-quotes');
    if (scare) for (const q of findQuoteSpansInText(text, sentenceOf(text))) if (q.scare) out.push({ start: q.start, end: q.end, category: scare.id });
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    let reached = 0;
    return out.filter((s) => {
      if (s.start < reached) return false;
      reached = s.end;
      return true;
    });
  }

  /**
   * The profile of `text`, one entry per category in lexicon order. `named` supplies the
   * evidence for the `named-attribution` category (attribution needs entity knowledge).
   */
  profile(text: string, named: readonly FramingEvidence[] = []): FramingCount[] {
    const sentenceText = sentenceOf(text);
    const hits = new Map<string, FramingEvidence[]>(this.categories.map((c) => [c.id, []]));
    for (const m of this.matcher.find(text)) {
      hits.get(m.entityId)!.push({ term: m.alias.toLowerCase(), sentence: sentenceText(m.start) });
    }
    const scare = this.categories.find((c) => c.computed === 'scare-quotes');
    if (scare) {
      for (const q of findQuoteSpansInText(text, sentenceText)) {
        if (q.scare) hits.get(scare.id)!.push({ term: q.text.toLowerCase(), sentence: sentenceText(q.start) });
      }
    }
    const attribution = this.categories.find((c) => c.computed === 'named-attribution');
    if (attribution) hits.get(attribution.id)!.push(...named);

    return this.categories.map((c) => {
      const evidence = hits.get(c.id)!.filter((e) => e.sentence);
      const counts = new Map<string, number>();
      for (const e of evidence) counts.set(e.term, (counts.get(e.term) ?? 0) + 1);
      const terms = [...counts].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
      return { category: c.id, count: evidence.length, terms, evidence };
    });
  }
}
