import { readVoices, type VoiceQuote } from '../../src/shared/voices';
import type { GoldArticle } from './gold';
import { charPrf, matchSpans, prf, sameSpeaker, type Prf } from './metrics';

/** The gold sets: the corpus and the development articles were tuned on; the held-out ones never. */
export const GOLD_SETS = [
  { name: 'corpus', gold: 'assets/eval/corpus-gold.json', texts: 'assets/corpus', tunedOn: true },
  { name: 'dev', gold: 'assets/eval/dev/gold.json', texts: 'assets/eval/dev', tunedOn: true },
  { name: 'heldout', gold: 'assets/eval/heldout/gold.json', texts: 'assets/eval/heldout', tunedOn: false },
  { name: 'heldout2', gold: 'assets/eval/heldout2/gold.json', texts: 'assets/eval/heldout2', tunedOn: false },
  { name: 'heldout3', gold: 'assets/eval/heldout3/gold.json', texts: 'assets/eval/heldout3', tunedOn: false },
];

export interface SetResult {
  articles: number;
  quotes: Prf;
  speakers: { right: number; total: number; accuracy: number };
  scare: { right: number; total: number; accuracy: number };
  kind: { right: number; total: number; accuracy: number };
  clutter: Prf;
}

const ratio = (right: number, total: number) => ({ right, total, accuracy: total === 0 ? 1 : right / total });

/**
 * Quotation precision, recall and F1, speaker accuracy, scare-quote agreement and clutter
 * precision/recall of `readVoices` against gold. `details` prints every miss (never for held-out text).
 */
export function evaluateVoices(articles: GoldArticle[], details: boolean): SetResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let speakerRight = 0;
  let speakerTotal = 0;
  let scareRight = 0;
  let scareTotal = 0;
  let kindRight = 0;
  let clutter = { tp: 0, fp: 0, fn: 0 };
  for (const { gold, text } of articles) {
    const voices = readVoices(text);
    // Quotations inside page clutter (reader comments, related titles) are not the outlet's: left out of both sides.
    const inClutter = (q: { start: number; end: number }) => gold.excluded.some((x) => x.start <= q.start && q.end <= x.end);
    const predictedQuotes = voices.quotes.filter((q) => !inClutter(q));
    const goldQuotes = gold.quotes.filter((q) => !inClutter(q));
    const said = (q: VoiceQuote | GoldArticle['gold']['quotes'][number]) => !q.scare;
    const m = matchSpans(predictedQuotes.filter(said), goldQuotes.filter(said));
    tp += m.pairs.length;
    fp += m.extra.length;
    fn += m.missed.length;
    for (const [p, g] of m.pairs) {
      speakerTotal++;
      if (sameSpeaker(p.speaker, g.speaker)) speakerRight++;
      else if (details) console.log(`  speaker ${gold.file}@${g.start}: got ${p.speaker ?? 'null'}, gold ${g.speaker ?? 'null'} — “${g.text.slice(0, 60)}”`);
      if (p.kind === g.kind) kindRight++;
      else if (details) console.log(`  kind ${gold.file}@${g.start}: got ${p.kind}, gold ${g.kind} — “${g.text.slice(0, 60)}”`);
    }
    if (details) {
      for (const g of m.missed) console.log(`  missed ${gold.file}@${g.start}: “${g.text.slice(0, 70)}”`);
      for (const p of m.extra) console.log(`  extra ${gold.file}@${p.start}: “${text.slice(p.start, p.end).slice(0, 70)}” (${p.speaker ?? 'null'})`);
    }
    // Scare quotes: of the marked spans both found, do they agree on scare?
    const all = matchSpans(predictedQuotes, goldQuotes);
    for (const [p, g] of all.pairs) {
      scareTotal++;
      if (p.scare === g.scare) scareRight++;
      else if (details) console.log(`  scare ${gold.file}@${g.start}: got ${p.scare}, gold ${g.scare} — “${g.text.slice(0, 50)}”`);
    }
    // Clutter by character; header lines (corpus-file metadata) are left out of both sides.
    const predicted = voices.excluded.filter((x) => x.reason !== 'header');
    const headerEnd = Math.max(0, ...voices.excluded.filter((x) => x.reason === 'header').map((x) => x.end));
    const goldSpans = gold.excluded.filter((x) => x.start >= headerEnd);
    const c = charPrf(text, predicted, goldSpans);
    clutter = { tp: clutter.tp + c.tp, fp: clutter.fp + c.fp, fn: clutter.fn + c.fn };
    if (details && (c.fp > 0 || c.fn > 0)) {
      for (const x of predicted) if (!goldSpans.some((g) => g.start < x.end && x.start < g.end)) console.log(`  clutter extra ${gold.file}@${x.start} (${x.reason}): “${text.slice(x.start, x.end).slice(0, 60)}”`);
      for (const g of goldSpans) if (!predicted.some((x) => g.start < x.end && x.start < g.end)) console.log(`  clutter missed ${gold.file}@${g.start} (${g.reason}): “${text.slice(g.start, g.end).slice(0, 60)}”`);
    }
  }
  return {
    articles: articles.length,
    quotes: prf(tp, fp, fn),
    speakers: ratio(speakerRight, speakerTotal),
    scare: ratio(scareRight, scareTotal),
    kind: ratio(kindRight, speakerTotal),
    clutter: prf(clutter.tp, clutter.fp, clutter.fn),
  };
}

