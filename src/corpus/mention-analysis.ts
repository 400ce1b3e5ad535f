import { FramingAnalyzer } from '../shared/framing';
import type { Label, Quote } from '../shared/knowledge';
import type { Match, Matcher } from '../shared/matcher';
import type { Span } from '../shared/sentences';
import type { Voices } from '../shared/voices';

/** What one source says about each entity it names, beyond counts; in its own voice only. */
export interface EntityDetail {
  quotes: Quote[];
  labels: Label[];
  related: Map<string, number>;
}

const TITLE_WORDS = new Set([
  'secretary', 'minister', 'president', 'presidents', 'spokesman', 'spokeswoman', 'director', 'envoy', 'expert', 'analyst', 'professor',
  'commander', 'leader', 'chief', 'fellow', 'counterpart', 'general', 'ambassador', 'official', 'officials', 'senator', 'prime', 'mayor', 'governor',
]);
const TITLE_LINK = new Set(['of', 'state', 'foreign', 'defense', 'defence', 'national', 'intelligence', 'senior', 'deputy', 'u.s.', 'us', 'department', 'the']);
const APPOSITION_AFTER = /^,\s*((?:(?:a|an|the|his|her|its|now|former|then)\s+)?[^,.;:!?“”"«»()]{3,110}?)\s*(?=[,.;]|$)/u;
const APPOSITION_BEFORE = /(?:^|[,;]\s+|\b(?:and|with|between|by)\s+)((?:his|her|its|their|a|an|the)\s+[^,.;:“”"«»]{3,70}),\s*$/u;
const SPEECH = /\b(?:said|says|told|added|according to|saying|adding)\b/i;
/** What may stand between a label and the name it modifies: at most a determiner or a demonym ("the Syrian"). */
const BEFORE_GAP = /^\s*(?:(?:the|a|an|its|their|his|her|so-called|\p{Lu}[\p{L}-]*(?:ian|ean|ish|ese|i|an))\s+){0,2}$/iu;

interface Context {
  text: string;
  matches: Match[];
  typeOf: (entityId: string) => string | undefined;
  lexicon: Matcher;
  /** Lexicon categories whose terms label the name next to them. */
  labelCategories: ReadonlySet<string>;
  sentenceAt: (offset: number) => Span | undefined;
  voices: Voices;
}

const isOwn = (ctx: Context, start: number, end: number) => ctx.voices.voiceOf(start, end).voice === 'own';

/** Titles before a person's name: "U.S. Secretary of State", "State Department spokesman". */
function titleBefore(ctx: Context, m: Match, sentenceStart: number): { text: string; start: number } | undefined {
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
  if (!taken.some((w) => TITLE_WORDS.has(w.toLowerCase()))) return undefined;
  const text = taken.join(' ');
  return { text, start: ctx.text.lastIndexOf(text, m.start) };
}

/**
 * The framing words that modify this name, in the outlet's own voice: inside the name ("Assad
 * regime"), just before it ("'moderate' rebels", "the Syrian regime"), just after it ("the Assad
 * regime"), or "the regime of President Bashar al-Assad". Words the outlet keeps at a distance
 * (scare quotes, "it regards as") are labels with their distancing.
 */
function lexiconLabels(ctx: Context, m: Match, span: Span, sentence: string): Label[] {
  const labels: Label[] = [];
  const from = Math.max(span.start, m.start - 60);
  const to = Math.min(span.end, m.end + 40);
  for (const t of ctx.lexicon.find(ctx.text.slice(from, to))) {
    if (!ctx.labelCategories.has(t.entityId)) continue;
    const start = from + t.start;
    const end = from + t.end;
    if (ctx.matches.some((o) => o !== m && o.start <= start && end <= o.end)) continue;
    const inside = m.start <= start && end <= m.end;
    const before = end <= m.start && BEFORE_GAP.test(ctx.text.slice(end, m.start).replace(/["'“”‘’«»]/gu, ' '));
    const after = start >= m.end && /^\s*$/.test(ctx.text.slice(m.end, start));
    const of = end <= m.start && /^\s+of\s+(?:(?:the|President|Prime Minister|Mr\.?|Ms\.?)\s+){0,2}$/u.test(ctx.text.slice(end, m.start));
    if (!inside && !before && !after && !of) continue;
    const voice = FramingAnalyzer.voiceOfTerm(ctx.text, ctx.voices, start, end);
    if (voice.voice === 'quoted' || voice.voice === 'excluded') continue;
    const nameScare = ctx.voices.voiceOf(m.start, m.end);
    const distancing = voice.voice === 'distanced' ? voice.how : nameScare.voice === 'own' && nameScare.scare ? 'scare' : undefined;
    labels.push({ text: ctx.text.slice(start, end), kind: 'lexicon', category: t.entityId, ...(distancing ? { distancing } : {}), sentence });
  }
  return labels;
}

function labelsOf(ctx: Context, m: Match): Label[] {
  const span = ctx.sentenceAt(m.start);
  if (!span || !isOwn(ctx, m.start, m.end)) return [];
  const sentence = ctx.text.slice(span.start, span.end);
  const labels = lexiconLabels(ctx, m, span, sentence);
  if (ctx.typeOf(m.entityId) === 'person') {
    const title = titleBefore(ctx, m, span.start);
    if (title && isOwn(ctx, title.start, title.start + title.text.length)) labels.push({ text: title.text, kind: 'title', sentence });
  }
  const rest = ctx.text.slice(m.end, span.end);
  const after = APPOSITION_AFTER.exec(rest);
  if (after && !SPEECH.test(after[1]!) && /^(?:a|an|the|his|her|its|now|former|then|\p{Lu})/u.test(after[1]!) && !/^(?:and|but|which|who)\b/.test(after[1]!)) {
    const text = after[1]!.trim();
    const at = m.end + after[0].indexOf(text);
    // "U.S., Russia agree …": a list of names, not a description of the first one.
    const startsWithName = ctx.matches.some((o) => o.start === at);
    if (!startsWithName && isOwn(ctx, at, at + text.length)) labels.push({ text, kind: 'apposition', sentence });
  }
  const before = ctx.text.slice(span.start, m.start);
  const appBefore = APPOSITION_BEFORE.exec(before);
  if (appBefore) {
    const at = span.start + appBefore.index + appBefore[0].indexOf(appBefore[1]!);
    if (isOwn(ctx, at, at + appBefore[1]!.trim().length)) labels.push({ text: appBefore[1]!.trim(), kind: 'apposition', sentence });
  }
  return labels;
}

/**
 * Reads one source for what it says about each entity it names, from its voices: quotations
 * whose speaker is the entity, labels the outlet itself attaches, and the entities named
 * alongside. Names inside page clutter are left out entirely.
 */
export function analyzeMentions(
  text: string,
  matches: Match[],
  typeOf: (entityId: string) => string | undefined,
  lexicon: Matcher,
  labelCategories: ReadonlySet<string>,
  sentenceAt: (offset: number) => Span | undefined,
  voices: Voices,
): Map<string, EntityDetail> {
  const kept = matches.filter((m) => voices.voiceOf(m.start, m.end).voice !== 'excluded');
  const ctx: Context = { text, matches: kept, typeOf, lexicon, labelCategories, sentenceAt, voices };
  const details = new Map<string, EntityDetail>();
  const detail = (id: string) => {
    let d = details.get(id);
    if (!d) details.set(id, (d = { quotes: [], labels: [], related: new Map() }));
    return d;
  };
  for (const q of voices.quotes) {
    if (q.scare || !q.speakerEntity || voices.voiceOf(q.start, q.end).voice === 'excluded') continue;
    const s = sentenceAt(q.start);
    detail(q.speakerEntity).quotes.push({ quote: text.slice(q.start, q.end), sentence: s ? text.slice(s.start, s.end) : text.slice(q.start, q.end), kind: q.kind });
  }
  for (const m of kept) {
    const d = detail(m.entityId);
    for (const label of labelsOf(ctx, m)) {
      if (!d.labels.some((l) => l.text === label.text && l.sentence === label.sentence)) d.labels.push(label);
    }
  }
  // « moderate rebels » in scare quotes keeps "moderate" at a distance, not "rebels" when the
  // outlet writes "rebel(s)" as its own word elsewhere: a distancing is dropped for a word it uses.
  const stem = (w: string) => w.toLowerCase().replace(/s$/, '');
  for (const d of details.values()) {
    const used = new Set(d.labels.filter((l) => l.kind === 'lexicon' && !l.distancing).map((l) => stem(l.text)));
    d.labels = d.labels.filter((l) => l.distancing !== 'scare' || !used.has(stem(l.text)));
  }
  // Co-occurrence: entities named in the same sentence.
  const bySentence = new Map<number, Set<string>>();
  for (const m of kept) {
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
