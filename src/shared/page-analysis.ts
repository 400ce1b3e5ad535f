import { compareFigures, comparisonKey, episodeOf, extractClaims, isComparable, measureTopic, positionFigures } from './claims';
import { normalizeEvidence } from './evidence';
import { FramingAnalyzer, type FramingCount } from './framing';
import { distinctDisagreements } from './framing-note';
import type { Claim, Disagreement, KnowledgePack } from './knowledge';
import { countWords, sentenceSpans } from './sentences';

/**
 * How the page being read relates to the corpus: its framing profile (the same lexicon and
 * code as the pack build), how close its wording is to each source's, the figures on it that
 * conflict with the sources' (the same claim extraction as the build), and the pack's
 * disagreements that concern it. Pure: the popup runs it on the page's text, tests on strings.
 */

/** How alike the page's framing words are to one source's, with the words behind the score. */
export interface SourceSimilarity {
  sourceId: string;
  /** Cosine similarity of the two texts' labelling-term counts, 0 (no word in common) to 1 (same mix). */
  score: number;
  /** False when the two share too few framing words for a score to mean anything: show no percentage then. */
  enough: boolean;
  /** Terms both use, the ones that add most to the score first. */
  shared: string[];
  /** Terms the page uses and the source never does, the page's most frequent first. */
  pageOnly: string[];
  /** Terms the source uses and the page never does, the source's most frequent first. */
  sourceOnly: string[];
}

/** A figure on the page next to the figures the sources give for the same measure. */
export interface PageConflict {
  measure: string;
  topic: string;
  page: { text: string; sentence: string; value: string };
  /** `relation`: the same figure, a different one, or one that can be the same (a bound, a loose figure). */
  sources: { sourceId: string; text: string; sentence: string; value: string; relation: 'same' | 'differs' | 'apparent' }[];
}

export interface PageAnalysis {
  words: number;
  /** The page's framing profile, one entry per category compared (see `comparedCategories`). */
  profile: FramingCount[];
  similarity: SourceSimilarity[];
  conflicts: PageConflict[];
  /** The pack's disagreements on entities named on the page or sentences quoted on it, most related first. */
  disagreements: Disagreement[];
  /** False when the page has nothing of the story: no entity, no comparable figure. */
  hasStory: boolean;
}

/** The categories a page's framing profile is counted in: all of the lexicon's (the same as the sources'). */
export function comparedCategories(pack: KnowledgePack) {
  return pack.framing.categories;
}

/**
 * The categories similarity compares: only those whose words label things ("junta",
 * "militants", "terrorists", scare quotes), not hedges or attribution, which every text has
 * whatever its framing ("Rain may fall" is not a framing).
 */
export function labellingCategories(pack: KnowledgePack) {
  return pack.framing.categories.filter((c) => c.labels || c.computed === 'scare-quotes');
}

/** Fewer distinct shared words than this, or fewer framing words on the page, and no score is shown. */
const MIN_SHARED_TERMS = 3;
const MIN_PAGE_TERMS = 5;

const termKey = (category: string, term: string) => `${category}\u0000${term}`;
const termOf = (key: string) => key.slice(key.indexOf('\u0000') + 1);
const unique = (xs: string[]) => [...new Set(xs)];

function termVector(counts: readonly FramingCount[], categories: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counts) if (categories.has(c.category)) for (const t of c.terms) out.set(termKey(c.category, t.term), t.count);
  return out;
}

/** Similarity of the page's framing terms to each source's, most alike first. */
export function framingSimilarity(pack: KnowledgePack, page: readonly FramingCount[]): SourceSimilarity[] {
  const categories = new Set(labellingCategories(pack).map((c) => c.id));
  const p = termVector(page, categories);
  const pageTerms = [...p.values()].reduce((n, x) => n + x, 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  const byCount = (v: Map<string, number>) => [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return pack.framing.profiles
    .map(({ sourceId, counts }) => {
      const s = termVector(counts, categories);
      const denominator = norm(p) * norm(s);
      const contributions = [...p].filter(([k]) => s.has(k)).map(([k, x]) => [k, (x * s.get(k)!) / (denominator || 1)] as const);
      const score = contributions.reduce((sum, [, c]) => sum + c, 0);
      // A word may count in two categories ("moderate" as a label and in scare quotes): list it once.
      const shared = unique(contributions.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => termOf(k)));
      const only = (v: Map<string, number>, other: Map<string, number>) => unique(byCount(v).filter(([k]) => !other.has(k)).map(([k]) => termOf(k))).filter((t) => !shared.includes(t));
      const enough = shared.length >= MIN_SHARED_TERMS && pageTerms >= MIN_PAGE_TERMS;
      return { sourceId, score: Math.round(score * 1000) / 1000, enough, shared, pageOnly: only(p, s), sourceOnly: only(s, p) };
    })
    .sort((a, b) => Number(b.enough) - Number(a.enough) || b.score - a.score || a.sourceId.localeCompare(b.sourceId));
}

/**
 * Figures on the page that differ from at least one source's figure for the same question:
 * the same measure and the same scope (a war's toll is never compared with one airstrike's),
 * and, from each source, only the figures that make its position as the build reads positions
 * (its own figures when it has any, about one place: `positionFigures`), never one about another
 * episode (`episodeOf`: "talks in January" in a March article). A page figure that names a month
 * or year is left out: the page's own date is not known, so the episode cannot be told.
 * Recent, local figures are left out: the build compares them only when the same places are
 * named near them, which needs entity positions the popup does not have.
 */
export function pageConflicts(pack: Pick<KnowledgePack, 'claims' | 'measures' | 'sources'>, text: string): PageConflict[] {
  const { claims, measures: vocab } = pack;
  const dates = new Map(pack.sources.map((s) => [s.id, s.date]));
  const perSource = new Map<string, Map<string, Claim[]>>();
  for (const c of claims) {
    if (!isComparable(c) || c.scope === 'recent' || episodeOf(c.sentence, c.text, dates.get(c.sourceId) ?? '') !== '') continue;
    const bySource = perSource.get(comparisonKey(c)) ?? new Map<string, Claim[]>();
    perSource.set(comparisonKey(c), bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]));
  }
  const known = new Map([...perSource].map(([key, bySource]) => [key, [...bySource.values()].flatMap((list) => positionFigures(list) ?? [])]));
  const out: PageConflict[] = [];
  const seen = new Set<string>();
  for (const span of sentenceSpans(text)) {
    const sentence = text.slice(span.start, span.end).trim();
    for (const claim of extractClaims(sentence, vocab)) {
      const theirs = known.get(comparisonKey(claim));
      const key = `${comparisonKey(claim)}=${claim.value}`;
      if (!theirs || !isComparable(claim) || seen.has(key) || episodeOf(sentence, claim.text, '') !== '') continue;
      const sources = theirs.map((c) => ({ sourceId: c.sourceId, text: c.text, sentence: c.sentence, value: c.value, relation: compareFigures(claim, c) }));
      if (!sources.some((s) => s.relation === 'differs')) continue;
      seen.add(key);
      out.push({ measure: claim.measure, topic: measureTopic(claim.measure, claim.scope, vocab), page: { text: claim.text, sentence, value: claim.value }, sources });
    }
  }
  return out;
}

/** The pack's disagreements that concern the page, with how many of its entities or sentences each touches. */
export function relatedDisagreements(pack: KnowledgePack, entityIds: readonly string[], text: string): Disagreement[] {
  const onPage = new Set(entityIds);
  const page = normalizeEvidence(text);
  return distinctDisagreements(pack)
    .map((d) => {
      const entities = d.entityIds.filter((id) => onPage.has(id)).length;
      const quoted = d.positions.some((p) => p.evidence.some((e) => page.includes(normalizeEvidence(e.sentence))));
      return { d, weight: entities + (quoted ? 2 : 0) };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.d.id.localeCompare(b.d.id))
    .map((x) => x.d);
}

/** Everything the popup shows about the page beyond its names. */
export function analyzePage(pack: KnowledgePack, text: string, entityIds: readonly string[]): PageAnalysis {
  const categories = comparedCategories(pack);
  const profile = new FramingAnalyzer(categories).profile(text);
  const conflicts = pageConflicts(pack, text);
  return {
    words: countWords(text),
    profile,
    similarity: framingSimilarity(pack, profile),
    conflicts,
    disagreements: relatedDisagreements(pack, entityIds, text),
    hasStory: entityIds.length > 0 || conflicts.length > 0,
  };
}
