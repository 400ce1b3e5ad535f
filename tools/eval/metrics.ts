/** Precision, recall and F1 from counts. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export interface Span {
  start: number;
  end: number;
}

/** How much two spans share, over the longer one (1 = the same span). */
export function overlapRatio(a: Span, b: Span): number {
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return shared / Math.max(a.end - a.start, b.end - b.start, 1);
}

/**
 * One-to-one matching of predicted to gold spans: a pair matches when they share at least
 * `threshold` of the longer span; the best overlaps are paired first.
 */
export function matchSpans<P extends Span, G extends Span>(predicted: readonly P[], gold: readonly G[], threshold = 0.5): { pairs: [P, G][]; missed: G[]; extra: P[] } {
  const candidates: [number, number, number][] = [];
  predicted.forEach((p, i) => gold.forEach((g, j) => {
    const r = overlapRatio(p, g);
    if (r >= threshold) candidates.push([r, i, j]);
  }));
  candidates.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [P, G][] = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([predicted[i]!, gold[j]!]);
  }
  return { pairs, missed: gold.filter((_, j) => !usedG.has(j)), extra: predicted.filter((_, i) => !usedP.has(i)) };
}

/** A name reduced for comparison: folded, without articles and possessives; its last word. */
function nameKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !['the', 'a', 'an'].includes(w));
  return words.at(-1) ?? '';
}

const words = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !['the', 'a', 'an', 'of', 'and'].includes(w));

/** "WRA" for "Water Resources Agency". */
const isAcronymOf = (short: string, long: string) => /^\p{Lu}{2,}$/u.test(short) && words(long).map((w) => w[0]).join('') === short.toLowerCase();

/**
 * Whether a predicted speaker names the gold one: both null; the same last word ("Lavrov" =
 * "Sergei Lavrov"); a one-word description that is a word of the other ("ministry" = "Ministry
 * of Education"); or an acronym and its expansion ("WRA" = "Water Resources Agency").
 */
export function sameSpeaker(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  if (nameKey(predicted) === nameKey(gold)) return true;
  const [p, g] = [words(predicted), words(gold)];
  if ((p.length === 1 && g.includes(p[0]!)) || (g.length === 1 && p.includes(g[0]!))) return true;
  return isAcronymOf(predicted, gold) || isAcronymOf(gold, predicted);
}

/** Characters covered by spans, as a set of offsets (spans may overlap). */
export function coverage(spans: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) out.add(i);
  return out;
}

/** Character-level precision and recall of predicted spans against gold spans, counting only non-space characters of `text`. */
export function charPrf(text: string, predicted: readonly Span[], gold: readonly Span[]): Prf {
  const p = coverage(predicted);
  const g = coverage(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    const inP = p.has(i);
    const inG = g.has(i);
    if (inP && inG) tp++;
    else if (inP) fp++;
    else if (inG) fn++;
  }
  return prf(tp, fp, fn);
}
