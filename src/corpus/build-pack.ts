import { extractClaims, mergeVocabulary, type ClaimVocabulary } from '../shared/claims';
import { locateEvidence, normalizeEvidence } from '../shared/evidence';
import { fold } from '../shared/fold';
import { FramingAnalyzer, lexiconMatcher, type LexiconCategory } from '../shared/framing';
import {
  PACK_SCHEMA_VERSION,
  type Alias,
  type Claim,
  type Entity,
  type Holder,
  type EntityType,
  type Evidence,
  type KnowledgePack,
  type Mention,
  type Source,
} from '../shared/knowledge';
import { isAcronym, Matcher, type Match } from '../shared/matcher';
import { countWords, sentenceLookup, sentenceSpans, type Span } from '../shared/sentences';
import { readVoices, type Voices } from '../shared/voices';
import type { CatalogClaim, CatalogEntity, CatalogSource, Provenance } from './catalog';
import { DEFAULT_VOCABULARY } from './defaults';
import { buildDisagreements } from './disagreements';
import { PackBuildError } from './errors';
import { extractCandidates, type Candidate } from './extract-entities';
import { analyzeMentions } from './mention-analysis';
import { verifyPack } from './verify';

export { PackBuildError };

/** Everything the build reads, already parsed; the CLI does the file handling. */
export interface PackInputs {
  texts: { file: string; text: string }[];
  provenance: Provenance[];
  catalogSources: CatalogSource[];
  /** Undefined when building without a catalog: entities then come from the NLP pass alone. */
  catalogEntities: CatalogEntity[] | undefined;
  lexicon: LexiconCategory[];
  /** The catalog's claim vocabulary, laid over the default one (assets/defaults/claims.json). */
  vocabulary?: Partial<ClaimVocabulary>;
  /** The catalog's title for the story; without one the build words one from the texts. */
  story?: { title: string };
  claimsCatalog: CatalogClaim[];
}

/** What curators need to know about a build (written as the build report). */
export interface BuildReport {
  /** Names the NLP pass found, each marked with the catalog entity it matches, if any. */
  candidates: (Candidate & { entityId?: string })[];
  /** How many catalog entities named outside page clutter the NLP pass finds on its own (undefined without a catalog). */
  recall?: { found: number; total: number; missed: string[] };
}

export interface BuildResult {
  pack: KnowledgePack;
  report: BuildReport;
}

/**
 * The named steps of a build, in order: reading the files (`buildPackFromFiles`), finding the
 * names, reading each source, the disagreements, and the checks of the finished pack.
 */
export const BUILD_STEPS = ['read', 'names', 'sources', 'disagreements', 'verify'] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

/** Where a build is: its step, and how much of that step is done (`done` of `total` files or sources). */
export interface BuildProgress {
  step: BuildStep;
  done: number;
  total: number;
}

/** Lower-case, hyphenated id from a name: "Bashar al-Assad" → "bashar-al-assad". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The key under which the matcher cannot tell two aliases apart (a capitalised name needs a capital). */
function matchKey(a: Pick<Alias, 'text' | 'caseSensitive'>): string {
  if (a.caseSensitive) return `=${fold(a.text, true)}`;
  return `${/^\p{Lu}/u.test(a.text) ? '^' : '~'}${fold(a.text)}`;
}

/** Two entities may not share a spelling that can match the same words ("Kerry" and "kerry"). */
function ownerKey(a: Pick<Alias, 'text' | 'caseSensitive'>): string {
  return a.caseSensitive ? `=${fold(a.text, true)}` : `~${fold(a.text)}`;
}

interface Entry {
  id: string;
  name: string;
  type: EntityType;
  role?: string;
  origin: Entity['origin'];
  aliases: Alias[];
}

/** A match's sentence span, and whose words it stands in. */
interface Placed {
  match: Match;
  span: Span;
  /** `scare`: the outlet's own words, in scare quotes (it keeps its distance from them). */
  voice: 'own' | 'scare' | 'quoted';
  speaker: string | null;
}

/** The entry's name and aliases, with spellings the matcher cannot tell apart kept once (flags merged). */
function toAliases(entry: CatalogEntity): Alias[] {
  const seen = new Map<string, Alias>();
  const aliases: Alias[] = [];
  for (const raw of [entry.name, ...entry.aliases]) {
    const a = typeof raw === 'string' ? { text: raw } : raw;
    const alias: Alias = {
      text: a.text,
      caseSensitive: ('caseSensitive' in a ? a.caseSensitive : undefined) ?? isAcronym(a.text),
      ...('outside' in a && a.outside ? { outside: true } : {}),
      ...('generic' in a && a.generic ? { generic: true } : {}),
      ...('ambiguous' in a && a.ambiguous ? { ambiguous: true } : {}),
    };
    const kept = seen.get(matchKey(alias));
    if (kept) Object.assign(kept, { ...alias, text: kept.text });
    else {
      seen.set(matchKey(alias), alias);
      aliases.push(alias);
    }
  }
  return aliases;
}

function catalogEntries(catalog: CatalogEntity[]): Entry[] {
  const ids = new Set<string>();
  return catalog.map((entry) => {
    const id = entry.id ?? slugify(entry.name);
    if (ids.has(id)) throw new PackBuildError(`catalog entities.json (${entry.name})`, `id "${id}" is used twice`);
    ids.add(id);
    return { id, name: entry.name, type: entry.type, ...(entry.role ? { role: entry.role } : {}), origin: 'catalog', aliases: toAliases(entry) };
  });
}

function extractedEntries(candidates: Candidate[]): Entry[] {
  const ids = new Set<string>();
  return candidates.flatMap((c) => {
    const base = slugify(c.text);
    if (!base) return [];
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return [{ id, name: c.text, type: c.type, origin: 'extracted' as const, aliases: toAliases({ name: c.text, type: c.type, aliases: c.aliases.slice(1) }) }];
  });
}

/**
 * A good context sentence reads on its own: the outlet's own words before a quotation, prose
 * (ending like a sentence) before headlines, moderate length; then earliest.
 */
function sentenceRank(sentence: string, quoted: boolean): number {
  const len = sentence.length;
  const prose = /[.!?]["'\u201D\u2019)]?$/u.test(sentence);
  return (quoted ? 4 : 0) + (prose ? 0 : 2) + (len < 40 || len > 320 ? 1 : 0);
}

/** Words in the outlet's own voice: the text outside clutter and quotations. */
function ownWords(text: string, voices: Voices): number {
  return voices.ownSpans().reduce((n, s) => n + countWords(text.slice(s.start, s.end)), 0);
}

/** Whose figure or position the words at `offset` are: a quoted speaker's, someone the sentence reports, or the outlet's. */
export function holderAt(voices: Voices, start: number, end: number): Holder {
  const v = voices.voiceOf(start, end);
  if (v.voice === 'quoted') return v.quote.speaker ? { voice: 'quoted', who: v.quote.speaker } : { voice: 'quoted' };
  const reported = voices.reportedBy(start);
  return reported ? { voice: 'attributed', who: reported.speaker } : { voice: 'own' };
}

const MAX_SENTENCES = 10;
const MAX_RELATED = 10;
const PLACE_WINDOW = 60;

/**
 * Builds the knowledge pack from a corpus and the curated catalog. Mentions are found by the
 * same matcher the extension runs on pages; every sentence, quote and label is a verbatim
 * slice of its source, and the whole pack is verified against the texts before it is
 * returned. Fails, naming the file and entry, on ids that collide, entries that name no
 * corpus file, curated evidence not in its source, and curated spellings or roles no text uses.
 */
export function buildPack(inputs: PackInputs): BuildResult {
  const steps = buildPackSteps(inputs);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `buildPack` as a pipeline that says where it is: it yields before each named step and after
 * each source, so a caller can report progress and stop between steps (`buildPackFromFiles`).
 */
export function* buildPackSteps(inputs: PackInputs): Generator<BuildProgress, BuildResult, void> {
  if (inputs.texts.length === 0) throw new PackBuildError('corpus', 'no .txt files: the corpus is empty');
  const texts = [...inputs.texts].sort((a, b) => a.file.localeCompare(b.file));
  const files = new Set(texts.map((t) => t.file));
  for (const p of inputs.provenance) {
    if (!files.has(p.file)) throw new PackBuildError(`sources.json (${p.file})`, 'names a file that is not in the corpus');
  }
  for (const c of inputs.catalogSources) {
    if (!files.has(c.file)) throw new PackBuildError(`catalog sources.json (${c.file})`, 'names a file that is not in the corpus');
  }

  const sources: Source[] = texts.map((t, i) => {
    const p = inputs.provenance.find((x) => x.file === t.file);
    const c = inputs.catalogSources.find((x) => x.file === t.file);
    const firstLine = t.text.split('\n').find((l) => l.trim())?.trim() ?? t.file;
    return {
      id: `s${String(i).padStart(3, '0')}`,
      file: t.file,
      label: c?.label ?? (p && !p.outlet.startsWith('unknown') ? p.outlet : t.file),
      headline: p?.headline ?? firstLine,
      outlet: p?.outlet ?? 'unknown',
      attributedTo: p?.attributed_to ?? 'unknown',
      kind: p?.kind ?? 'unknown',
      date: p?.date ?? 'unknown',
      provenanceNote: p?.evidence ?? 'no provenance record for this file',
      ...(p?.url ? { url: p.url } : {}),
      text: t.text,
      words: 0, // set from the outlet's own voice below
      quotes: [],
      excluded: [],
    };
  });
  const textOf = new Map(sources.map((s, i) => [s.id, texts[i]!.text]));

  yield { step: 'names', done: 0, total: 1 };
  const candidates = extractCandidates(texts);
  yield { step: 'names', done: 1, total: 1 };
  const entries = inputs.catalogEntities ? catalogEntries(inputs.catalogEntities) : extractedEntries(candidates);
  const typeOf = new Map(entries.map((e) => [e.id, e.type]));

  const aliasOwner = new Map<string, string>();
  for (const { id, aliases } of entries) {
    for (const a of aliases) {
      const other = aliasOwner.get(ownerKey(a));
      if (other && other !== id) throw new PackBuildError(`catalog entities.json (${id})`, `alias "${a.text}" also names ${other}`);
      aliasOwner.set(ownerKey(a), id);
    }
  }

  const matcher = new Matcher(entries.flatMap(({ id, aliases }) => aliases.map((a) => ({ ...a, entityId: id }))));
  const lexicon = lexiconMatcher(inputs.lexicon);
  const labelCategories = new Set(inputs.lexicon.filter((c) => c.labels).map((c) => c.id));
  const framing = new FramingAnalyzer(inputs.lexicon);
  const mentions = new Map<string, Mention[]>();
  const aliasesSeen = new Set<string>();
  const firstByAlias = new Map<string, Evidence[]>();
  const profiles: KnowledgePack['framing']['profiles'] = [];
  const claims: Claim[] = [];

  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  const vocabulary = mergeVocabulary(DEFAULT_VOCABULARY, inputs.vocabulary);
  const roles: Entity['roles'][] = entries.map(() => []);
  const voicesBySource = new Map<string, Voices>();
  /** Spellings met anywhere in the texts, clutter included (the catalog's coverage check). */
  const spelledAnywhere = new Set<string>();
  for (const [done, source] of sources.entries()) {
    yield { step: 'sources', done, total: sources.length };
    const text = textOf.get(source.id)!;
    const spans = sentenceSpans(text);
    const sentenceAt = sentenceLookup(spans);
    const matches = matcher.find(text);
    // Whose words each stretch is: the outlet's, a quoted speaker's, or page clutter (left out of everything below).
    const voices = readVoices(
      text,
      matches.map((m) => ({ start: m.start, end: m.end, entityId: m.entityId, name: nameOf.get(m.entityId)!, person: typeOf.get(m.entityId) === 'person' })),
    );
    voicesBySource.set(source.id, voices);
    source.quotes = voices.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, ...(q.speakerEntity ? { speakerEntity: q.speakerEntity } : {}), named: q.named, kind: q.kind, scare: q.scare }));
    source.excluded = voices.excluded;
    // Rates are per word of the outlet's own voice, the text the framing profile counts.
    source.words = ownWords(text, voices);
    const perEntity = new Map<string, Placed[]>();
    for (const m of matches) {
      spelledAnywhere.add(m.alias);
      const v = voices.voiceOf(m.start, m.end);
      const span = sentenceAt(m.start);
      if (v.voice === 'excluded' || !span) continue;
      aliasesSeen.add(m.alias);
      const placed: Placed = { match: m, span, voice: v.voice === 'quoted' ? 'quoted' : v.scare ? 'scare' : 'own', speaker: v.voice === 'quoted' ? v.quote.speaker : null };
      const list = perEntity.get(m.entityId);
      if (list) list.push(placed);
      else perEntity.set(m.entityId, [placed]);
    }
    const kept = [...perEntity.values()].flat().map((p) => p.match);
    const details = analyzeMentions(text, kept, (id) => typeOf.get(id), lexicon, labelCategories, sentenceAt, voices);

    for (const [entityId, placed] of [...perEntity].sort(([a], [b]) => a.localeCompare(b))) {
      let best: { sentence: string; rank: number } | undefined;
      const sentences: string[] = [];
      const evidence: Evidence[] = [];
      const own = new Set<string>();
      const quoted = new Map<string, string | null>();
      for (const { match: m, span, voice, speaker } of placed) {
        const sentence = text.slice(span.start, span.end);
        const rank = sentenceRank(sentence, voice === 'quoted');
        if (!best || rank < best.rank) best = { sentence, rank };
        if (!sentences.includes(sentence) && sentences.length < MAX_SENTENCES) sentences.push(sentence);
        // A spelling the outlet uses is one it writes outside quotations and outside its own scare quotes.
        if (voice === 'own') {
          own.add(m.alias);
          if (!evidence.some((e) => fold(e.quote) === fold(m.alias))) evidence.push({ quote: text.slice(m.start, m.end), sentence });
        } else if (voice === 'quoted' && !quoted.has(m.alias)) quoted.set(m.alias, speaker);
      }
      firstByAlias.set(`${source.id}/${entityId}`, evidence);
      const d = details.get(entityId);
      const list = mentions.get(entityId) ?? [];
      list.push({
        sourceId: source.id,
        count: placed.length,
        quoted: placed.filter((p) => p.voice === 'quoted').length,
        aliases: [...own].sort(),
        quotedAliases: [...quoted]
          .filter(([alias]) => !own.has(alias))
          .map(([alias, speaker]) => ({ alias, speaker }))
          .sort((a, b) => a.alias.localeCompare(b.alias)),
        sentence: best!.sentence,
        sentences,
        quotes: d?.quotes ?? [],
        labels: d?.labels ?? [],
        related: [...(d?.related ?? [])]
          .map(([id, count]) => ({ entityId: id, count }))
          .sort((a, b) => b.count - a.count || a.entityId.localeCompare(b.entityId))
          .slice(0, MAX_RELATED),
      });
      mentions.set(entityId, list);
    }

    // Roles: what the catalog says an entity is, where this source says it in its own voice (any case).
    const lowered = text.toLowerCase();
    const normal = normalizeEvidence(lowered);
    entries.forEach((e, i) => {
      if (!e.role || !normal.includes(normalizeEvidence(e.role.toLowerCase()))) return;
      const at = locateEvidence(lowered, e.role.toLowerCase());
      if (!at || voices.voiceOf(at.start, at.end).voice !== 'own') return;
      const span = sentenceAt(at.start);
      roles[i]!.push({ text: text.slice(at.start, at.end), sourceId: source.id, sentence: span ? text.slice(span.start, span.end) : text.slice(at.start, at.end) });
    });

    profiles.push({ sourceId: source.id, counts: framing.profile(text, voices) });

    let claimNumber = 0;
    for (const span of spans) {
      if (voices.voiceOf(span.start, span.end).voice === 'excluded') continue;
      const sentence = text.slice(span.start, span.end);
      for (const c of extractClaims(sentence, vocabulary)) {
        const start = span.start + c.start;
        const from = start - PLACE_WINDOW;
        const to = span.start + c.end + PLACE_WINDOW;
        const near = matches.filter((m) => m.start >= span.start && m.end <= span.end && m.start < to && m.end > from && typeOf.get(m.entityId) === 'place');
        const placeIds = [...new Set(near.map((m) => m.entityId))].sort();
        claims.push({
          id: `${source.id}-claim-${++claimNumber}`,
          sourceId: source.id,
          kind: c.kind,
          measure: c.measure,
          value: c.value,
          text: c.text,
          sentence,
          start,
          scope: c.scope,
          bound: c.bound,
          holder: holderAt(voices, start, span.start + c.end),
          placeIds,
        });
      }
    }
  }

  if (inputs.catalogEntities) {
    for (const { id, aliases } of entries) {
      // The canonical name (first) needs no corpus use: it is marked outside below when unused.
      for (const a of aliases.slice(1)) {
        if (!a.outside && !spelledAnywhere.has(a.text)) {
          throw new PackBuildError(`catalog entities.json (${id})`, `alias "${a.text}" occurs in no corpus text; mark it "outside" if readers meet it elsewhere`);
        }
      }
    }
  }

  entries.forEach((e, i) => {
    if (e.role && roles[i]!.length === 0 && !texts.some((t) => normalizeEvidence(t.text.toLowerCase()).includes(normalizeEvidence(e.role!.toLowerCase())))) {
      throw new PackBuildError(`catalog entities.json (${e.id})`, `role "${e.role}" is not stated in any corpus text`);
    }
  });
  const entities: Entity[] = entries
    .map(({ aliases, role: _, ...entry }, i) => ({
      ...entry,
      roles: roles[i]!,
      aliases: aliases.map(({ outside: _, ...a }) => (aliasesSeen.has(a.text) ? a : { ...a, outside: true })),
      mentions: mentions.get(entry.id) ?? [],
    }))
    // An entity the sources never name outside page clutter (a commenter, a video title) is no part of what they say.
    .filter((e) => e.mentions.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));

  yield { step: 'sources', done: sources.length, total: sources.length };
  yield { step: 'disagreements', done: 0, total: 1 };
  const framingPart = { categories: inputs.lexicon, profiles };
  const disagreements = buildDisagreements({
    vocabulary,
    voicesOf: (id) => voicesBySource.get(id)!,
    holderAt: (id, start, end) => holderAt(voicesBySource.get(id)!, start, end),
    claimsCatalog: inputs.claimsCatalog,
    sources,
    textOf: (id) => textOf.get(id)!,
    entities,
    framing: framingPart,
    claims,
    aliasEvidence: (sourceId, entityId) => firstByAlias.get(`${sourceId}/${entityId}`) ?? [],
  });

  const story = inputs.story ? { title: inputs.story.title, derived: false } : { title: storyTitle(sources, entities), derived: true };
  const pack: KnowledgePack = { schemaVersion: PACK_SCHEMA_VERSION, story, measures: vocabulary, sources, entities, framing: framingPart, claims, disagreements };
  yield { step: 'verify', done: 0, total: 1 };
  const failures = verifyPack(pack, (id) => textOf.get(id) ?? '');
  if (failures.length > 0) throw new PackBuildError(failures[0]!.where, `${failures[0]!.message}${failures.length > 1 ? ` (and ${failures.length - 1} more)` : ''}`);

  // Recall counts the entities the sources name outside page clutter: the extraction skips clutter by design.
  const named = entries.filter((e) => mentions.has(e.id));
  return { pack, report: { candidates: matchCandidates(candidates, entries), ...(inputs.catalogEntities ? { recall: recall(candidates, named) } : {}) } };
}

/**
 * A title for a corpus no catalog names: how many articles, from how many outlets, and the
 * names most of them share ("5 articles from 4 outlets naming John Kerry, Sergey Lavrov and
 * Syria"). Plain facts of the texts, no guess at what the story is.
 */
function storyTitle(sources: readonly Source[], entities: readonly Entity[]): string {
  const outlets = new Set(sources.map((s) => s.outlet).filter((o) => !o.startsWith('unknown')));
  const top = [...entities]
    .filter((e) => e.mentions.length > 1)
    .sort((a, b) => b.mentions.length - a.mentions.length || b.mentions.reduce((n, m) => n + m.count, 0) - a.mentions.reduce((n, m) => n + m.count, 0) || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((e) => e.name);
  const naming = top.length === 0 ? '' : ` naming ${top.length === 1 ? top[0] : `${top.slice(0, -1).join(', ')} and ${top.at(-1)}`}`;
  const from = outlets.size > 0 ? ` from ${outlets.size} outlet${outlets.size === 1 ? '' : 's'}` : '';
  return `${sources.length} article${sources.length === 1 ? '' : 's'}${from}${naming}`;
}

function matchCandidates(candidates: Candidate[], entries: Entry[]): BuildReport['candidates'] {
  const byAlias = new Map<string, string>();
  for (const e of entries) for (const a of e.aliases) byAlias.set(fold(a.text), e.id);
  return candidates.map((c) => {
    const entityId = c.aliases.map((a) => byAlias.get(fold(a))).find((id) => id !== undefined);
    return entityId ? { ...c, entityId } : c;
  });
}

/** How many catalog entities the NLP pass finds by itself: some candidate equals one of its spellings. */
function recall(candidates: Candidate[], entries: Entry[]): NonNullable<BuildReport['recall']> {
  const found = new Set(candidates.flatMap((c) => c.aliases.map((a) => fold(a))));
  const missed = entries.filter((e) => !e.aliases.some((a) => !a.outside && found.has(fold(a.text)))).map((e) => e.name);
  return { found: entries.length - missed.length, total: entries.length, missed };
}
