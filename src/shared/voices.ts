import { findClutter, type Excluded } from './clutter';
import { findQuotations, paragraphsOf, type QuoteKind } from './quotations';
import { sentenceLookup, sentenceSpans } from './sentences';
import { attributeSpeakers, type KnownName } from './speakers';

/**
 * Whose words each stretch of a text is: the outlet's own voice, a quotation (whose), or page
 * clutter (reader comments, bylines, footers). Everything Crossread says about how an outlet
 * frames a story is counted in its own voice only; quoted framing is shown apart, attributed.
 */

/** A quotation with its speaker; `start`/`end` bound the words between the marks. */
export interface VoiceQuote {
  start: number;
  end: number;
  /** Who speaks, as the text names them; null when the text does not say. */
  speaker: string | null;
  /** The pack entity of the speaker, where the build knows it. */
  speakerEntity?: string;
  /** The text names the speaker, rather than describing them ("officials", "a statement"). */
  named: boolean;
  kind: QuoteKind;
  /** Short words in marks that nobody is quoted as saying: the writer's distancing, part of its own voice. */
  scare: boolean;
}

/** The voice at a stretch of text. */
export type Voice = { voice: 'own'; scare?: VoiceQuote } | { voice: 'quoted'; quote: VoiceQuote } | { voice: 'excluded'; reason: Excluded['reason'] };

export interface Voices {
  quotes: VoiceQuote[];
  excluded: Excluded[];
  /** Who the sentence at `offset` reports in indirect speech ("US officials said", "according to X"), or null: the writer's own statement. */
  reportedBy(offset: number): { speaker: string; speakerEntity?: string } | null;
  /** The stretches in the outlet's own voice: outside clutter and outside quotations (scare quotes are its own). */
  ownSpans(): { start: number; end: number }[];
  /** The voice of [start, end): excluded if it touches clutter, quoted if it lies inside a quotation (scare quotes are the outlet's own). */
  voiceOf(start: number, end: number): Voice;
}

/** The span of `spans` (sorted, disjoint) overlapping [start, end), by binary search. */
function overlapping<T extends { start: number; end: number }>(spans: readonly T[], start: number, end: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return s;
  }
  return undefined;
}

/**
 * Reads the voices of one text: its quotations with their speakers and its clutter. `known`
 * are names already matched in the text (a pack's entities), which help attribution.
 */
export function readVoices(text: string, known: readonly KnownName[] = []): Voices {
  const sentences = sentenceSpans(text);
  const sentenceAt = sentenceLookup(sentences);
  const paragraphs = paragraphsOf(text);
  const excluded = findClutter(text);
  const found = findQuotations(text, (offset) => sentenceAt(offset)?.start ?? offset, excluded);
  // Names in clutter (commenters, bylines) are nobody the article quotes or means by "he".
  const article = paragraphs.filter((p) => !excluded.some((x) => x.start <= p.start && p.end <= x.end));
  const { attributions, reportedBy } = attributeSpeakers(text, found, sentenceAt, article, known);
  const quotes: VoiceQuote[] = found
    .map((q, i) => {
      const a = attributions[i]!;
      return { start: q.start, end: q.end, speaker: a.speaker, ...(a.speakerEntity ? { speakerEntity: a.speakerEntity } : {}), named: a.named, kind: q.kind, scare: a.scare };
    })
    .sort((a, b) => a.start - b.start);
  return {
    quotes,
    excluded,
    reportedBy(offset) {
      const who = reportedBy(offset);
      return who ? { speaker: who.speaker, ...(who.entity ? { speakerEntity: who.entity } : {}) } : null;
    },
    ownSpans() {
      const cuts = [...excluded, ...quotes.filter((q) => !q.scare)].sort((a, b) => a.start - b.start);
      const out: { start: number; end: number }[] = [];
      let at = 0;
      for (const c of cuts) {
        if (c.start > at) out.push({ start: at, end: c.start });
        at = Math.max(at, c.end);
      }
      if (at < text.length) out.push({ start: at, end: text.length });
      return out;
    },
    voiceOf(start, end) {
      const x = overlapping(excluded, start, end);
      if (x) return { voice: 'excluded', reason: x.reason };
      const q = overlapping(quotes, start, end);
      if (q && !q.scare) return { voice: 'quoted', quote: q };
      return q ? { voice: 'own', scare: q } : { voice: 'own' };
    },
  };
}
