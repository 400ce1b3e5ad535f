import type { FramingCount, LexiconCategory } from './framing';
import type { Translator } from './i18n';
import type { Disagreement, Holder, KnowledgePack, Mention } from './knowledge';

/** One short statement about a source or a mention, with the verbatim sentence that backs it. */
export interface EvidencedPhrase {
  text: string;
  /** A sentence of the source that shows it, verbatim. */
  evidence: string;
}

const MAX_LABELS = 4;
const MAX_NOTE = 4;

/**
 * How one source names an entity, in words a reader understands: the framing words it puts
 * at the name ("calls it “militants”"), the ones it puts in scare quotes, and the titles it
 * gives. Appositions are left out here: they are long and the card quotes a sentence anyway.
 */
export function labelPhrases(mention: Mention, t: Translator): EvidencedPhrase[] {
  const out: EvidencedPhrase[] = [];
  const seen = new Set<string>();
  // Framing words first: they are what differs between outlets; titles rarely do.
  const ordered = [...mention.labels].sort((a, b) => Number(a.kind === 'title') - Number(b.kind === 'title'));
  for (const label of ordered) {
    if (label.kind === 'apposition') continue;
    const key = `${label.kind}|${label.text.toLowerCase()}|${label.distancing ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text =
      label.kind === 'title'
        ? t('labelTitle', label.text)
        : label.distancing === 'scare'
          ? t('labelScare', label.text)
          : label.distancing === 'reported'
            ? t('labelReported', label.text)
            : t('labelCalls', label.text);
    out.push({ text, evidence: label.sentence });
  }
  // Names the source only quotes: whose words they are.
  for (const q of mention.quotedAliases) {
    const evidence = mention.sentences.find((s) => s.includes(q.alias));
    if (evidence) out.push({ text: q.speaker ? t('labelQuotedBy', q.speaker, q.alias) : t('labelQuoted', q.alias), evidence });
  }
  return out.slice(0, MAX_LABELS);
}

const times = (n: number, t: Translator) => (n === 1 ? t('timesOnce') : t('timesMany', n));
const topTerms = (c: FramingCount, t: Translator, n = 2) => c.terms.slice(0, n).map((x) => t('quotedWords', x.term)).join(', ');

/**
 * A short note on how a source frames the story, built only from its framing profile in the
 * pack: counts of the lexicon's categories, each with a sentence of the source as evidence.
 * Never a rating: it says what the text does, and the reader can check every word.
 */
export function sourceFramingNote(pack: KnowledgePack, sourceId: string, t: Translator): EvidencedPhrase[] {
  const profile = pack.framing.profiles.find((p) => p.sourceId === sourceId);
  return profile ? framingNote(pack.framing.categories, profile.counts, t) : [];
}

/** A category's word in a contrast: its own `word`, else its first term. */
const wordOf = (c: LexiconCategory) => c.word ?? (typeof c.terms[0] === 'string' ? c.terms[0] : (c.terms[0]?.text ?? c.label));

/**
 * A note template filled with a category's counts (see LexiconCategory.note). The template is
 * the pack's, corpus text, and stays as written; the counts are worded in the UI's language.
 */
function fill(template: string, c: FramingCount, t: Translator): string {
  return template
    .replace('{times}', times(c.count, t))
    .replace('{terms}', topTerms(c, t))
    .replace('{term}', topTerms(c, t, 1))
    .replace('{more}', c.count > 2 ? ` ${t('andMore', c.count)}` : '');
}

/**
 * The same note for any framing profile (a source's, or the page being read), worded by the
 * lexicon's own data: contrasted pairs ("the plan: “cuts” 2×, “savings” once") and each
 * category's note template; then the framing words it only quotes, attributed.
 */
export function framingNote(categories: readonly LexiconCategory[], counts: readonly FramingCount[], t: Translator, max = MAX_NOTE): EvidencedPhrase[] {
  const count = (id: string) => counts.find((c) => c.category === id);
  const out: EvidencedPhrase[] = [];
  const done = new Set<string>();
  for (const cat of categories) {
    if (done.has(cat.id)) continue;
    done.add(cat.id);
    const c = count(cat.id);
    const other = cat.contrastWith ? categories.find((k) => k.id === cat.contrastWith) : undefined;
    if (other) {
      done.add(other.id);
      const o = count(other.id);
      const [x, y] = [c?.count ?? 0, o?.count ?? 0];
      const evidence = (x >= y ? c : o)?.evidence[0]?.sentence;
      if (x + y > 0 && evidence) {
        const n = (k: number) => (k === 0 ? t('timesNever') : times(k, t));
        out.push({ text: t('contrastNote', cat.subject ?? cat.label, wordOf(cat), n(x), wordOf(other), n(y)), evidence });
      }
    } else if (cat.note && c && c.count > 0 && c.evidence[0]) {
      out.push({ text: fill(cat.note, c, t), evidence: c.evidence[0].sentence });
    }
  }
  // Framing words the source only quotes, shown apart and attributed: they are not its own.
  const stated = new Set(categories.filter((k) => (k.labels || k.note) && !k.computed).map((k) => k.id));
  const quoted = counts.flatMap((c) => (stated.has(c.category) ? c.quoted.filter((q) => q.speaker) : []));
  const bySpeaker = new Map<string, typeof quoted>();
  for (const q of quoted) bySpeaker.set(q.speaker!, [...(bySpeaker.get(q.speaker!) ?? []), q]);
  const top = [...bySpeaker].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  if (top) {
    const terms = [...new Set(top[1].map((q) => q.term))].slice(0, 2).map((term) => t('quotedWords', term)).join(', ');
    const text = top[1].length > 1 ? t('quotingTermsCount', top[0], terms, top[1].length) : t('quotingTerms', top[0], terms);
    out.push({ text, evidence: top[1][0]!.sentence });
  }
  return out.slice(0, max);
}

/**
 * The pack's disagreements worth showing: curated ones, and extracted candidates that no
 * curated point already covers.
 */
export function distinctDisagreements(pack: KnowledgePack): Disagreement[] {
  return pack.disagreements.filter((d) => d.curatedAs === undefined);
}

/** The distinct disagreements that involve an entity. */
export function disagreementsOf(pack: KnowledgePack, entityId: string): Disagreement[] {
  return distinctDisagreements(pack).filter((d) => d.entityIds.includes(entityId));
}

/**
 * Whose position or figure it is, in a few words to put after the source's name: nothing for
 * the outlet's own, "quoting Maria Lopez" for a quotation, "reporting US officials" for words the
 * outlet attributes. A reader must never take a quoted view for the outlet's.
 */
export function holderPhrase(holder: Holder, t: Translator): string {
  if (holder.voice === 'own') return '';
  if (holder.voice === 'quoted') return holder.who ? t('holderQuoting', holder.who) : t('holderQuotingUnnamed');
  return holder.who ? t('holderReporting', holder.who) : t('holderReportingOthers');
}
