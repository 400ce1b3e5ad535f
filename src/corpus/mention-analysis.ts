import type { EntityType, Label, Quote } from '../shared/knowledge';
import type { Match, Matcher } from '../shared/matcher';
import { findQuoteSpans, findQuoteSpansInText, SPEECH_VERB_WORDS, SPEECH_VERBS, type QuoteSpan } from '../shared/quote-spans';
import { sentenceLookup, sentenceSpans, type Span } from '../shared/sentences';

/** What one source says about each entity it names, beyond counts. */
export interface EntityDetail {
  quotes: Quote[];
  labels: Label[];
  related: Map<string, number>;
}

/** Entity types that can be the speaker of a quotation. */
const SPEAKERS: ReadonlySet<EntityType> = new Set(['person', 'organization', 'institution', 'armed group']);
const PRONOUN_VERB = new RegExp(String.raw`^\W*(he|she)\s+(?:${SPEECH_VERB_WORDS})\b`, 'i');
const VERB_FIRST = new RegExp(String.raw`^\W*(?:${SPEECH_VERB_WORDS})\b`, 'i');
const TITLE_WORDS = new Set([
  'secretary', 'minister', 'president', 'presidents', 'spokesman', 'spokeswoman', 'director', 'envoy', 'expert', 'analyst', 'professor',
  'commander', 'leader', 'chief', 'fellow', 'counterpart', 'general', 'ambassador', 'official', 'officials', 'senator', 'prime',
]);
const TITLE_LINK = new Set(['of', 'state', 'foreign', 'defense', 'defence', 'national', 'intelligence', 'senior', 'deputy', 'u.s.', 'us', 'russian', 'german', 'syrian', 'american', 'department', 'the']);
const APPOSITION_AFTER = /^,\s*((?:(?:a|an|the|his|her|its|now|former|then)\s+)?[^,.;:!?“”"«»()]{3,110}?)\s*(?=[,.;]|$)/u;
const APPOSITION_BEFORE = /(?:^|[,;]\s+|\b(?:and|with|between|by)\s+)((?:his|her|its|their|a|an|the)\s+[^,.;:“”"«»]{3,70}),\s*$/u;

interface Context {
  text: string;
  matches: Match[];
  typeOf: (entityId: string) => EntityType | undefined;
  lexicon: Matcher;
  /** Lexicon categories whose terms label the name next to them. */
  labelCategories: ReadonlySet<string>;
  sentences: Span[];
  sentenceAt: (offset: number) => Span | undefined;
  scare: QuoteSpan[];
}

const sentenceText = (ctx: Context, offset: number): string => {
  const s = ctx.sentenceAt(offset);
  return s ? ctx.text.slice(s.start, s.end) : '';
};
const isSpeaker = (ctx: Context, m: Match) => SPEAKERS.has(ctx.typeOf(m.entityId) ?? 'place');
const inScare = (ctx: Context, start: number, end: number) => ctx.scare.some((q) => q.start <= start && end <= q.end + 1);

/** The last person named before `offset`, in the same paragraph or the one before (for "he added"). */
function lastPersonBefore(ctx: Context, offset: number, lineStart: number, previousLineStart: number): Match | undefined {
  const persons = ctx.matches.filter((m) => m.end <= offset && m.start >= previousLineStart && ctx.typeOf(m.entityId) === 'person');
  const sameLine = persons.filter((m) => m.start >= lineStart);
  return (sameLine.length > 0 ? sameLine : persons).at(-1);
}

/** The speaker of a quotation, or undefined when no speech verb ties it to a named subject. */
function speakerOf(ctx: Context, q: QuoteSpan, lineStart: number, previousLineStart: number, lineEnd: number): Match | undefined {
  // After the quote: ", said Lavrov", ", Kerry said", ", the Pentagon said", ", he added".
  const afterStart = q.end + 1;
  const nextOpen = ctx.text.slice(afterStart, lineEnd).search(/[“«"']\s*\p{Lu}/u);
  const afterEnd = Math.min(lineEnd, afterStart + 100, nextOpen >= 0 ? afterStart + nextOpen : Infinity);
  const after = ctx.text.slice(afterStart, afterEnd);
  if (PRONOUN_VERB.test(after)) return lastPersonBefore(ctx, q.start, lineStart, previousLineStart);
  const inAfter = ctx.matches.filter((m) => m.start >= afterStart && m.end <= afterEnd && isSpeaker(ctx, m));
  const verbFirst = VERB_FIRST.exec(after);
  if (verbFirst) {
    const subject = inAfter.find((m) => m.start - afterStart <= verbFirst[0].length + 25);
    if (subject) return subject;
  }
  for (const m of inAfter) {
    const between = ctx.text.slice(afterStart, m.start);
    if (/[.!?]\s+\p{Lu}/u.test(between)) break;
    if (VERB_FIRST.test(ctx.text.slice(m.end, m.end + 20))) return m;
  }
  // Before the quote, in its sentence: the subject of the sentence's first speech verb.
  const sentence = ctx.sentenceAt(q.start);
  const from = sentence?.start ?? lineStart;
  const before = ctx.text.slice(from, q.start);
  const verb = SPEECH_VERBS.exec(before);
  if (!verb) return undefined;
  const verbAt = from + verb.index;
  if (/\b(?:he|she)\s*$/i.test(ctx.text.slice(from, verbAt))) return lastPersonBefore(ctx, verbAt, lineStart, previousLineStart);
  const near = ctx.matches.filter((m) => m.end <= verbAt && verbAt - m.end <= 60 && m.start >= from && isSpeaker(ctx, m));
  return near.filter((m) => ctx.typeOf(m.entityId) === 'person').at(-1) ?? near.at(-1);
}

function quotesBySpeaker(ctx: Context): Map<string, Quote[]> {
  const out = new Map<string, Quote[]>();
  let lineStart = 0;
  let previousLineStart = 0;
  for (const line of ctx.text.split('\n')) {
    const lineEnd = lineStart + line.length;
    let previous: Match | undefined;
    for (const q of findQuoteSpans(line, (i) => sentenceText(ctx, lineStart + i))) {
      if (q.scare) continue;
      const abs = { ...q, start: lineStart + q.start, end: lineStart + q.end };
      // A quotation with no speaker of its own that follows an attributed one continues it.
      const speaker = speakerOf(ctx, abs, lineStart, previousLineStart, lineEnd) ?? previous;
      if (!speaker) continue;
      previous = speaker;
      const list = out.get(speaker.entityId) ?? [];
      list.push({ quote: q.text, sentence: sentenceText(ctx, abs.start) });
      out.set(speaker.entityId, list);
    }
    previousLineStart = lineStart;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Titles before a person's name: "U.S. Secretary of State", "State Department spokesman". */
function titleBefore(ctx: Context, m: Match, sentenceStart: number): string | undefined {
  const before = ctx.text.slice(sentenceStart, m.start);
  const words = before.trimEnd().split(/\s+/);
  const taken: string[] = [];
  for (let i = words.length - 1; i >= 0 && taken.length < 6; i--) {
    const w = words[i]!;
    const lw = w.toLowerCase();
    if (!/^[\p{L}.'-]+$/u.test(w)) break;
    if (TITLE_WORDS.has(lw) || TITLE_LINK.has(lw) || (/^\p{Lu}/u.test(w) && taken.length > 0)) taken.unshift(w);
    else break;
  }
  while (taken.length > 0 && ['of', 'the'].includes(taken[0]!.toLowerCase())) taken.shift();
  return taken.some((w) => TITLE_WORDS.has(w.toLowerCase())) ? taken.join(' ') : undefined;
}

function labelsOf(ctx: Context, m: Match): Label[] {
  const span = ctx.sentenceAt(m.start);
  if (!span) return [];
  const sentence = ctx.text.slice(span.start, span.end);
  const labels: Label[] = [];
  const scareName = inScare(ctx, m.start, m.end);
  // Lexicon terms in the name itself ("Assad regime"), in the three words before it, or the word after it.
  const before = ctx.text.slice(span.start, m.start);
  const windowStart = m.start - (before.match(/(?:\S+\s+){0,3}$/u)?.[0].length ?? 0);
  const afterWord = ctx.text.slice(m.end, span.end).match(/^\s+\S+/u)?.[0] ?? '';
  const window = ctx.text.slice(windowStart, m.end + afterWord.length);
  for (const t of ctx.lexicon.find(window)) {
    if (!ctx.labelCategories.has(t.entityId)) continue;
    const start = windowStart + t.start;
    const end = windowStart + t.end;
    const insideOther = ctx.matches.some((o) => o !== m && o.start <= start && end <= o.end);
    // "the regime and the opposition": a term across a conjunction or clause labels something else.
    const gap = start >= m.end ? ctx.text.slice(m.end, start) : ctx.text.slice(Math.min(end, m.start), m.start);
    if (insideOther || /[,;]|\b(?:and|or|but|between|against|with|from|versus|than)\b/i.test(gap)) continue;
    labels.push({ text: ctx.text.slice(start, end), kind: 'lexicon', category: t.entityId, scareQuoted: scareName || inScare(ctx, start, end), sentence });
  }
  if (ctx.typeOf(m.entityId) === 'person') {
    const title = titleBefore(ctx, m, span.start);
    if (title) labels.push({ text: title, kind: 'title', scareQuoted: false, sentence });
  }
  const after = APPOSITION_AFTER.exec(ctx.text.slice(m.end, span.end));
  if (after && !SPEECH_VERBS.test(after[1]!) && /^(?:a|an|the|his|her|its|now|former|then|\p{Lu})/u.test(after[1]!) && !/^(?:and|but|which|who)\b/.test(after[1]!)) {
    const text = after[1]!.trim();
    const isJustAName = ctx.matches.some((o) => o.start === m.end + after[0].indexOf(text) && o.end - o.start === text.length);
    if (!isJustAName) labels.push({ text, kind: 'apposition', scareQuoted: false, sentence });
  }
  const appBefore = APPOSITION_BEFORE.exec(before);
  if (appBefore) labels.push({ text: appBefore[1]!.trim(), kind: 'apposition', scareQuoted: false, sentence });
  return labels;
}

/**
 * Reads one source for what it says about each entity it names: quotations attributed to
 * it, labels it attaches, and the entities it names alongside.
 */
export function analyzeMentions(
  text: string,
  matches: Match[],
  typeOf: (entityId: string) => EntityType | undefined,
  lexicon: Matcher,
  labelCategories: ReadonlySet<string>,
): Map<string, EntityDetail> {
  const sentences = sentenceSpans(text);
  const sentenceAt = sentenceLookup(sentences);
  const sentenceOf = (offset: number) => {
    const s = sentenceAt(offset);
    return s ? text.slice(s.start, s.end) : '';
  };
  const scare = findQuoteSpansInText(text, sentenceOf).filter((q) => q.scare);
  const ctx: Context = { text, matches, typeOf, lexicon, labelCategories, sentences, sentenceAt, scare };

  const details = new Map<string, EntityDetail>();
  const detail = (id: string) => {
    let d = details.get(id);
    if (!d) details.set(id, (d = { quotes: [], labels: [], related: new Map() }));
    return d;
  };
  for (const [id, quotes] of quotesBySpeaker(ctx)) detail(id).quotes.push(...quotes);
  for (const m of matches) {
    const d = detail(m.entityId);
    for (const label of labelsOf(ctx, m)) {
      if (!d.labels.some((l) => l.text === label.text && l.sentence === label.sentence)) d.labels.push(label);
    }
  }
  // Co-occurrence: entities named in the same sentence.
  const bySentence = new Map<number, Set<string>>();
  for (const m of matches) {
    const s = sentenceAt(m.start);
    if (!s) continue;
    const ids = bySentence.get(s.start) ?? new Set<string>();
    ids.add(m.entityId);
    bySentence.set(s.start, ids);
  }
  for (const ids of bySentence.values()) {
    for (const a of ids) for (const b of ids) if (a !== b) detail(a).related.set(b, (detail(a).related.get(b) ?? 0) + 1);
  }
  return details;
}
