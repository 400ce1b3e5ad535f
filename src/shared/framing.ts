import * as v from 'valibot';
import { Matcher, type Match } from './matcher';
import { sentenceLookup, sentenceSpans } from './sentences';
import { readVoices, type Voices } from './voices';

/**
 * A lexicon term: matched as a whole word, case-insensitively unless `caseSensitive` ("may",
 * not "May"); `notAfter` lists words after which it is not the term at all ("the might of").
 */
export const LexiconTermSchema = v.union([
  v.pipe(v.string(), v.minLength(1)),
  v.object({ text: v.pipe(v.string(), v.minLength(1)), caseSensitive: v.optional(v.boolean()), notAfter: v.optional(v.array(v.string())) }),
]);

/**
 * A framing category. Most are lists of terms; two are computed: `scare-quotes` (short quoted
 * words nobody is quoted as saying) and `named-attribution` (quotations whose speaker the text
 * names).
 */
export const LexiconCategorySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  label: v.string(),
  description: v.string(),
  terms: v.array(LexiconTermSchema),
  computed: v.optional(v.picklist(['scare-quotes', 'named-attribution'])),
  /** True when the category's terms label the name they stand next to ("the X junta", "'moderate' fighters"). */
  labels: v.optional(v.boolean()),
  /** A label short enough for a chart's margin. */
  short: v.optional(v.string()),
  /**
   * How a source's framing note states this category, with {times} (once, 2×…), {terms} (its two
   * most used terms, quoted), {term} (its most used), {more} (" and more (N)" past two).
   */
  note: v.optional(v.string()),
  /** Another category this one is set against in a note ("cuts" against "savings"): its id. */
  contrastWith: v.optional(v.string()),
  /** What the contrasted words describe, for the note: "the plan: “cuts” 2×, “savings” once". */
  subject: v.optional(v.string()),
  /** The word that stands for the category in a contrast (default: its first term). */
  word: v.optional(v.string()),
});

/** A term in the text: the sentence around it and where it starts (an offset into the text). */
export const FramingEvidenceSchema = v.object({ term: v.string(), sentence: v.string(), start: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/**
 * How often one category occurs in a text in the outlet's own voice, by term, with every
 * sentence as evidence; and apart from that, the category's terms in quotations (whose) and
 * the ones the outlet keeps at a distance (scare quotes, "what it regards as").
 */
export const FramingCountSchema = v.object({
  category: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  terms: v.array(v.object({ term: v.string(), count: v.number() })),
  evidence: v.array(FramingEvidenceSchema),
  quoted: v.array(v.object({ ...FramingEvidenceSchema.entries, speaker: v.nullable(v.string()) })),
  distanced: v.array(v.object({ ...FramingEvidenceSchema.entries, how: v.picklist(['scare', 'reported']) })),
});

export type LexiconCategory = v.InferOutput<typeof LexiconCategorySchema>;
export type FramingEvidence = v.InferOutput<typeof FramingEvidenceSchema>;
export type FramingCount = v.InferOutput<typeof FramingCountSchema>;

/** "regards as moderate", "what it calls terrorists", "so-called reform": a word given as someone else's. */
const REPORTED_BEFORE =
  /(?:\b(?:regard|consider|deem|call|describ|label|brand|term|view|dub|see|saw)\w*\s+(?:(?:them|it|him|her|these|those|this|that)\s+)?as\s+(?:(?:a|an|the)\s+)?|\bwhat\s+(?:it|they|he|she|\w+)\s+(?:calls?|called|terms?|describes?)\s+(?:(?:a|an|the)\s+)?|\b(?:so-called|self-styled|self-proclaimed)\s+)$/i;

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

/** Words after which a term is not the term (`notAfter`), by category and folded term. */
function exclusions(categories: readonly LexiconCategory[]): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const c of categories) {
    for (const t of c.terms) {
      if (typeof t === 'string' || !t.notAfter?.length) continue;
      const words = t.notAfter.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      out.set(`${c.id}\u0000${t.text.toLowerCase()}`, new RegExp(String.raw`\b(?:${words})\s+$`, 'i'));
    }
  }
  return out;
}

/** The sentence of `text` around an offset ('' outside every sentence). */
function sentenceOf(text: string): (offset: number) => string {
  const at = sentenceLookup(sentenceSpans(text));
  return (offset) => {
    const s = at(offset);
    return s ? text.slice(s.start, s.end) : '';
  };
}

/** Where a term stands in the text: the outlet's own word, someone else's (quoted), kept at a distance, or clutter. */
export type TermVoice = { voice: 'own' } | { voice: 'quoted'; speaker: string | null } | { voice: 'distanced'; how: 'scare' | 'reported' } | { voice: 'excluded' };

/**
 * Computes framing profiles: per category, the terms a text uses in its own voice and the
 * sentences that use them, with quoted and distanced uses apart. The same code profiles the
 * corpus sources (pack build) and the page being read.
 */
export class FramingAnalyzer {
  private readonly matcher: Matcher;
  private readonly notAfter: Map<string, RegExp>;

  constructor(readonly categories: readonly LexiconCategory[]) {
    this.matcher = lexiconMatcher(categories);
    this.notAfter = exclusions(categories);
  }

  /** The lexicon's matches in `text`, without those a `notAfter` word rules out ("the might of"). */
  private terms(text: string): Match[] {
    return this.matcher.find(text).filter((m) => {
      const rule = this.notAfter.get(`${m.entityId}\u0000${m.alias.toLowerCase()}`);
      return !rule || !rule.test(text.slice(Math.max(0, m.start - 40), m.start));
    });
  }

  /** Whose word the term at [start, end) is. */
  static voiceOfTerm(text: string, voices: Voices, start: number, end: number): TermVoice {
    const v = voices.voiceOf(start, end);
    if (v.voice === 'excluded') return { voice: 'excluded' };
    if (v.voice === 'quoted') return { voice: 'quoted', speaker: v.quote.speaker };
    if (v.scare) return { voice: 'distanced', how: 'scare' };
    if (REPORTED_BEFORE.test(text.slice(Math.max(0, start - 50), start))) return { voice: 'distanced', how: 'reported' };
    return { voice: 'own' };
  }

  /**
   * Where the lexicon's terms and the scare quotes are in `text` (for highlighting), in order,
   * without overlaps, each with its voice: the same matches `profile` counts.
   */
  spans(text: string, voices: Voices = readVoices(text)): { start: number; end: number; category: string; voice: TermVoice['voice'] }[] {
    const out: { start: number; end: number; category: string; voice: TermVoice['voice'] }[] = [];
    const scare = this.categories.find((c) => c.computed === 'scare-quotes');
    // Scare quotes first: the words inside them are the outlet's distancing, shown as such.
    if (scare) for (const q of voices.quotes) if (q.scare && voices.voiceOf(q.start, q.end).voice !== 'excluded') out.push({ start: q.start, end: q.end, category: scare.id, voice: 'own' });
    for (const m of this.terms(text)) out.push({ start: m.start, end: m.end, category: m.entityId, voice: FramingAnalyzer.voiceOfTerm(text, voices, m.start, m.end).voice });
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    let reached = 0;
    return out.filter((s) => {
      if (s.voice === 'excluded' || s.start < reached) return false;
      reached = s.end;
      return true;
    });
  }

  /**
   * The profile of `text`, one entry per category in lexicon order, counted in the outlet's
   * own voice only (quotations and page clutter left out; see `voices`).
   */
  profile(text: string, voices: Voices = readVoices(text)): FramingCount[] {
    const sentenceText = sentenceOf(text);
    const own = new Map<string, FramingEvidence[]>(this.categories.map((c) => [c.id, []]));
    const quoted = new Map<string, FramingCount['quoted']>(this.categories.map((c) => [c.id, []]));
    const distanced = new Map<string, FramingCount['distanced']>(this.categories.map((c) => [c.id, []]));
    for (const m of this.terms(text)) {
      const e = { term: m.alias.toLowerCase(), sentence: sentenceText(m.start), start: m.start };
      const v = FramingAnalyzer.voiceOfTerm(text, voices, m.start, m.end);
      if (v.voice === 'own') own.get(m.entityId)!.push(e);
      else if (v.voice === 'quoted') quoted.get(m.entityId)!.push({ ...e, speaker: v.speaker });
      else if (v.voice === 'distanced') distanced.get(m.entityId)!.push({ ...e, how: v.how });
    }
    const counted = voices.quotes.filter((q) => voices.voiceOf(q.start, q.end).voice !== 'excluded');
    const scare = this.categories.find((c) => c.computed === 'scare-quotes');
    if (scare) own.get(scare.id)!.push(...counted.filter((q) => q.scare).map((q) => ({ term: text.slice(q.start, q.end).replace(/[,.;:]$/, '').toLowerCase(), sentence: sentenceText(q.start), start: q.start })));
    const attribution = this.categories.find((c) => c.computed === 'named-attribution');
    if (attribution) own.get(attribution.id)!.push(...counted.filter((q) => !q.scare && q.named && q.speaker).map((q) => ({ term: q.speaker!.toLowerCase(), sentence: sentenceText(q.start), start: q.start })));

    return this.categories.map((c) => {
      const evidence = own.get(c.id)!.filter((e) => e.sentence);
      const counts = new Map<string, number>();
      for (const e of evidence) counts.set(e.term, (counts.get(e.term) ?? 0) + 1);
      const terms = [...counts].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
      return { category: c.id, count: evidence.length, terms, evidence, quoted: quoted.get(c.id)!.filter((e) => e.sentence), distanced: distanced.get(c.id)!.filter((e) => e.sentence) };
    });
  }
}
