import { compareFigures, comparisonKey, episodeOf, isComparable, measureTopic, positionFigures, touchesMeasure } from '../shared/claims';
import { locateEvidence, normalizeEvidence } from '../shared/evidence';
import type { ClaimVocabulary } from '../shared/claims';
import type { Claim, Disagreement, Entity, Evidence, Framing, Holder, Source } from '../shared/knowledge';
import { sentenceSpans } from '../shared/sentences';
import type { Voices } from '../shared/voices';
import type { CatalogClaim } from './catalog';
import { PackBuildError } from './errors';

/** What the disagreement step reads from the rest of the build. */
export interface DisagreementInputs {
  claimsCatalog: CatalogClaim[];
  sources: Source[];
  textOf: (sourceId: string) => string;
  voicesOf: (sourceId: string) => Voices;
  entities: Entity[];
  framing: Framing;
  claims: Claim[];
  vocabulary: ClaimVocabulary;
  /** The first sentence in which a source spells an entity with a given alias (own voice), and the words as written. */
  aliasEvidence: (sourceId: string, entityId: string) => Evidence[];
  /** Whose words [start, end) of a source are: its own, a quoted speaker's, or someone it reports. */
  holderAt: (sourceId: string, start: number, end: number) => Holder;
}

type Position = Disagreement['positions'][number];
type Mention = Disagreement['mentions'][number];

const where = (id: string) => `catalog claims.json (${id})`;
const MAX_MENTION_EVIDENCE = 2;

/** The sentence or sentences of `text` that contain [start, end). */
function sentencesAround(text: string, start: number, end: number): string {
  const spans = sentenceSpans(text).filter((s) => s.start < end && start < s.end);
  return spans.length > 0 ? text.slice(spans[0]!.start, spans.at(-1)!.end) : text.slice(start, end);
}

const sentencesBySource = new WeakMap<DisagreementInputs, Map<string, { start: number; end: number; sentence: string }[]>>();

/** A source's sentences outside page clutter, with their offsets (worked out once per build). */
function articleSentences(inputs: DisagreementInputs, sourceId: string): { start: number; end: number; sentence: string }[] {
  let cache = sentencesBySource.get(inputs);
  if (!cache) sentencesBySource.set(inputs, (cache = new Map()));
  let out = cache.get(sourceId);
  if (!out) {
    const text = inputs.textOf(sourceId);
    const voices = inputs.voicesOf(sourceId);
    out = sentenceSpans(text)
      .filter((s) => voices.voiceOf(s.start, s.end).voice !== 'excluded')
      .map((s) => ({ ...s, sentence: text.slice(s.start, s.end) }));
    cache.set(sourceId, out);
  }
  return out;
}

/** Sources with no position that still touch the point: their sentences that `touches` accepts. */
function touching(inputs: DisagreementInputs, taken: ReadonlySet<string>, touches: (sentence: string) => string | undefined): { mentions: Mention[]; silent: string[] } {
  const mentions: Mention[] = [];
  const silent: string[] = [];
  for (const s of inputs.sources) {
    if (taken.has(s.id)) continue;
    const evidence: Evidence[] = [];
    for (const { sentence } of articleSentences(inputs, s.id)) {
      const quote = touches(sentence);
      if (quote && evidence.length < MAX_MENTION_EVIDENCE) evidence.push({ quote, sentence });
    }
    if (evidence.length > 0) mentions.push({ sourceId: s.id, evidence });
    else silent.push(s.id);
  }
  return { mentions, silent };
}

/** The first of `terms` a sentence uses, as written (whole words, any case). */
function termIn(terms: readonly string[]): (sentence: string) => string | undefined {
  const patterns = terms.map((t) => new RegExp(String.raw`(?<![\p{L}\p{N}])${normalizeEvidence(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{N}])`, 'iu'));
  return (sentence) => {
    const normal = normalizeEvidence(sentence);
    for (const re of patterns) {
      const m = re.exec(normal);
      if (m) {
        const at = locateEvidence(sentence, m[0]);
        return at ? sentence.slice(at.start, at.end) : m[0];
      }
    }
    return undefined;
  };
}

/** A date as days since the epoch, from "2016-09-10", "2016-05", "September 2016" (mid-month when the day is missing). */
function dayOf(date: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, iso[3] ? Number(iso[3]) : 15) / 864e5;
  const named = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/i.exec(date);
  if (named) return Date.UTC(Number(named[2]), new Date(`${named[1]} 1, 2000`).getMonth(), 15) / 864e5;
  return undefined;
}

const MONTHS_APART = 2;

/**
 * A note on each position whose source was written months apart from the other sources of
 * the corpus: a difference may be one of time, not of fact.
 */
function dateNotes(positions: Position[], sources: readonly Source[]): Position[] {
  const days = new Map(sources.map((s) => [s.id, dayOf(s.date)]));
  return positions.map((p) => {
    const own = days.get(p.sourceId);
    const others = sources.filter((o) => o.id !== p.sourceId).map((o) => days.get(o.id)).filter((d): d is number => d !== undefined).sort((a, b) => a - b);
    if (own === undefined || others.length === 0) return p;
    const median = others[Math.floor(others.length / 2)]!;
    const months = Math.round(Math.abs(own - median) / 30.4);
    if (months < MONTHS_APART) return p;
    const date = sources.find((s) => s.id === p.sourceId)!.date;
    return { ...p, dateNote: `Written ${date}, about ${months} months ${own < median ? 'before' : 'after'} the others` };
  });
}

function curatedPositions(c: CatalogClaim & { positions: NonNullable<CatalogClaim['positions']> }, inputs: DisagreementInputs): Position[] {
  return c.positions.map((p) => {
    const source = inputs.sources.find((s) => s.file === p.file);
    if (!source) throw new PackBuildError(where(c.id), `names "${p.file}", which is not in the corpus`);
    const text = inputs.textOf(source.id);
    const voices = inputs.voicesOf(source.id);
    const holders: Holder[] = [];
    const evidence = p.evidence.map((quote) => {
      const at = locateEvidence(text, quote);
      if (!at) throw new PackBuildError(where(c.id), `evidence "${quote}" is not in ${p.file}`);
      if (voices.voiceOf(at.start, at.end).voice === 'excluded') throw new PackBuildError(where(c.id), `evidence "${quote}" is page clutter in ${p.file}, not the source's words`);
      holders.push(inputs.holderAt(source.id, at.start, at.end));
      return { quote: text.slice(at.start, at.end), sentence: sentencesAround(text, at.start, at.end) };
    });
    // A curator may say whose position it is where the text's grammar misleads the automatic reading.
    if (p.holder) return { sourceId: source.id, position: p.position, evidence, holder: p.holder === 'own' ? { voice: 'own' as const } : { voice: 'attributed' as const, who: p.holder } };
    // One position, one holder: the outlet's words and someone it quotes are two positions.
    const key = (h: Holder) => `${h.voice}/${h.who ?? ''}`;
    if (new Set(holders.map(key)).size > 1) {
      throw new PackBuildError(where(c.id), `the evidence for ${p.file} mixes voices (${holders.map((h) => h.who ?? h.voice).join(', ')}): one position must rest on one voice`);
    }
    return { sourceId: source.id, position: p.position, evidence, holder: holders[0]! };
  });
}

function curatedMentions(c: CatalogClaim, inputs: DisagreementInputs, taken: ReadonlySet<string>): { mentions: Mention[]; silent: string[] } {
  const listed: Mention[] = (c.mentions ?? []).map((m) => {
    const source = inputs.sources.find((s) => s.file === m.file);
    if (!source) throw new PackBuildError(where(c.id), `names "${m.file}", which is not in the corpus`);
    if (taken.has(source.id)) throw new PackBuildError(where(c.id), `${m.file} has a position and a mention`);
    const text = inputs.textOf(source.id);
    return {
      sourceId: source.id,
      evidence: m.evidence.map((quote) => {
        const at = locateEvidence(text, quote);
        if (!at) throw new PackBuildError(where(c.id), `evidence "${quote}" is not in ${m.file}`);
        return { quote: text.slice(at.start, at.end), sentence: sentencesAround(text, at.start, at.end) };
      }),
    };
  });
  const found = touching(inputs, new Set([...taken, ...listed.map((m) => m.sourceId)]), termIn(c.terms ?? []));
  return { mentions: [...listed, ...found.mentions].sort((a, b) => a.sourceId.localeCompare(b.sourceId)), silent: found.silent };
}

/** Naming: how each source names the entity in its own voice; sources that meet a name only in quotations mention it. */
function namingPositions(c: CatalogClaim, entity: Entity, inputs: DisagreementInputs): { positions: Position[]; mentions: Mention[]; silent: string[] } {
  const positions: Position[] = entity.mentions
    .filter((m) => m.aliases.length > 0)
    .map((m) => ({
      sourceId: m.sourceId,
      position: `Calls it ${m.aliases.map((a) => `“${a}”`).join(', ')}`,
      evidence: inputs.aliasEvidence(m.sourceId, entity.id),
      holder: { voice: 'own' as const },
    }));
  if (new Set(positions.map((p) => p.position)).size < 2) {
    throw new PackBuildError(where(c.id), `every source names ${entity.id} the same way in its own words: no disagreement`);
  }
  const mentions: Mention[] = entity.mentions
    .filter((m) => m.aliases.length === 0)
    .map((m) => ({ sourceId: m.sourceId, evidence: [{ quote: m.quotedAliases[0]?.alias ?? m.sentence, sentence: m.sentence }] }));
  const speaking = new Set([...positions, ...mentions].map((p) => p.sourceId));
  return { positions, mentions, silent: inputs.sources.map((s) => s.id).filter((id) => !speaking.has(id)) };
}

/** Framing: the terms of some categories each source uses in its own voice; quoted or distanced uses only mention them. */
function framingPositions(c: CatalogClaim, categories: string[], inputs: DisagreementInputs): { positions: Position[]; mentions: Mention[]; silent: string[] } {
  for (const id of categories) {
    if (!inputs.framing.categories.some((k) => k.id === id)) throw new PackBuildError(where(c.id), `unknown lexicon category "${id}"`);
  }
  const positions: Position[] = [];
  const mentions: Mention[] = [];
  for (const profile of inputs.framing.profiles) {
    const counts = profile.counts.filter((k) => categories.includes(k.category));
    const text = inputs.textOf(profile.sourceId);
    const atTerm = (e: { term: string; sentence: string; start: number }) => ({ quote: text.slice(e.start, e.start + e.term.length), sentence: e.sentence });
    const used = counts.filter((k) => k.count > 0);
    if (used.length > 0) {
      const words = used.flatMap((k) => k.terms.map((t) => `“${t.term}” ×${t.count}`));
      positions.push({ sourceId: profile.sourceId, position: `Uses ${words.join(', ')}`, evidence: used.flatMap((k) => k.evidence.slice(0, 2).map(atTerm)), holder: { voice: 'own' } });
      continue;
    }
    const elsewhere = counts.flatMap((k) => [...k.quoted, ...k.distanced]);
    if (elsewhere.length > 0) mentions.push({ sourceId: profile.sourceId, evidence: elsewhere.slice(0, MAX_MENTION_EVIDENCE).map(atTerm) });
  }
  if (new Set(positions.map((p) => p.position)).size < 2) throw new PackBuildError(where(c.id), 'the sources do not differ on these categories in their own words');
  const speaking = new Set([...positions, ...mentions].map((p) => p.sourceId));
  return { positions, mentions, silent: inputs.sources.map((s) => s.id).filter((id) => !speaking.has(id)) };
}

/**
 * What an extracted disagreement is about, for finding it from a page or a card: the entities
 * named in the sentences that state its positions (places near the figures, and the people and
 * bodies in the same sentences).
 */
function namedWhere(inputs: DisagreementInputs, positions: readonly Position[]): string[] {
  return inputs.entities
    .filter((e) => positions.some((p) => e.mentions.some((m) => m.sourceId === p.sourceId && p.evidence.some((ev) => m.sentences.includes(ev.sentence)))))
    .map((e) => e.id)
    .sort();
}

/**
 * Figures that differ between sources, found without curation: claims that answer the same
 * question (same measure, same scope; recent local figures only for the same places) with
 * values that cannot both be true. Figures that can be the same (bounds, loose figures, late
 * one day and early the next) are kept as apparent differences, said to be such.
 */
function extractedCandidates(inputs: DisagreementInputs, curated: Disagreement[]): Disagreement[] {
  const groups = new Map<string, Claim[]>();
  const dateOf = new Map(inputs.sources.map((s) => [s.id, s.date]));
  for (const c of inputs.claims.filter(isComparable)) {
    // A figure about another episode (a round of talks "in January") answers another question.
    const episode = episodeOf(c.sentence, c.text, dateOf.get(c.sourceId) ?? '');
    const base = episode ? `${comparisonKey(c)}@${episode}` : comparisonKey(c);
    const key = c.scope === 'recent' ? `${base}@${c.placeIds.join(',')}` : base;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const out: Disagreement[] = [];
  for (const [key, claims] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const bySource = new Map<string, Claim[]>();
    for (const c of claims) bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]);
    // Sources that only report several voices' figures touch the point without a position.
    const reporting: Mention[] = [];
    for (const [sourceId, cs] of bySource) {
      const position = positionFigures(cs);
      if (position) bySource.set(sourceId, position);
      else {
        bySource.delete(sourceId);
        reporting.push({ sourceId, evidence: cs.slice(0, MAX_MENTION_EVIDENCE).map((c) => ({ quote: c.text, sentence: c.sentence })) });
      }
    }
    if (bySource.size < 2) continue;
    // How the sources' figures relate: a real difference needs two figures that cannot both hold.
    const firsts = [...bySource.values()].map((cs) => cs[0]!);
    const relations = firsts.flatMap((a, i) => firsts.slice(i + 1).map((b) => compareFigures(a, b)));
    if (relations.every((r) => r === 'same')) continue;
    const apparent = !relations.includes('differs');
    const { measure, scope } = claims[0]!;
    const topic = measureTopic(measure, scope, inputs.vocabulary);
    const positions = dateNotes(
      [...bySource].map(([sourceId, cs]) => ({
        sourceId,
        position: [...new Set(cs.map((c) => c.text))].join('; '),
        evidence: cs.map((c) => ({ quote: c.text, sentence: c.sentence })),
        holder: cs[0]!.holder,
      })),
      inputs.sources,
    );
    // Curated as another disagreement when that one's evidence covers every sentence here.
    const covering = curated.find((d) => {
      const covered = new Set(d.positions.flatMap((p) => p.evidence.map((e) => e.sentence)));
      return positions.every((p) => p.evidence.every((e) => covered.has(e.sentence)));
    });
    const touched = touching(inputs, new Set([...bySource.keys(), ...reporting.map((m) => m.sourceId)]), (sentence) => touchesMeasure(measure, sentence, inputs.vocabulary));
    const mentions = [...reporting, ...touched.mentions].sort((a, b) => a.sourceId.localeCompare(b.sourceId));
    const { silent } = touched;
    out.push({
      id: `figures-${key.replace(/@unknown/, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}`,
      topic,
      question: `The sources give different figures: ${topic.toLowerCase()}.`,
      kind: 'fact',
      origin: 'extracted',
      entityIds: namedWhere(inputs, positions),
      positions,
      mentions,
      silent,
      note: 'Found automatically from figures of the same measure and scope; read the evidence for what each figure counts.',
      ...(apparent ? { apparent: 'The figures can both be true: one is a bound or a loose figure, or they name adjacent days late and early (one night, perhaps two time zones).' } : {}),
      ...(covering ? { curatedAs: covering.id } : {}),
    });
  }
  return out;
}

/** Builds every disagreement: the curated ones (checked against the texts) and the extracted candidates. */
export function buildDisagreements(inputs: DisagreementInputs): Disagreement[] {
  const ids = new Set<string>();
  const curated = inputs.claimsCatalog.map((c): Disagreement => {
    if (ids.has(c.id)) throw new PackBuildError(where(c.id), 'id is used twice');
    ids.add(c.id);
    const entityIds = c.entities ?? (c.entity ? [c.entity] : []);
    for (const id of entityIds) {
      if (!inputs.entities.some((e) => e.id === id)) throw new PackBuildError(where(c.id), `unknown entity "${id}"`);
    }
    let parts: { positions: Position[]; mentions: Mention[]; silent: string[] };
    if (c.positions) {
      const positions = curatedPositions({ ...c, positions: c.positions }, inputs);
      parts = { positions, ...curatedMentions(c, inputs, new Set(positions.map((p) => p.sourceId))) };
    } else if (c.kind === 'naming' && c.entity) parts = namingPositions(c, inputs.entities.find((e) => e.id === c.entity)!, inputs);
    else if (c.categories) parts = framingPositions(c, c.categories, inputs);
    else throw new PackBuildError(where(c.id), 'needs "positions", a naming "entity", or lexicon "categories"');
    return {
      id: c.id,
      topic: c.topic,
      question: c.question,
      kind: c.kind,
      origin: 'curated',
      entityIds,
      positions: dateNotes(parts.positions, inputs.sources),
      mentions: parts.mentions,
      silent: parts.silent,
      ...(c.note ? { note: c.note } : {}),
      ...(c.apparent ? { apparent: c.apparent } : {}),
    };
  });
  return [...curated, ...extractedCandidates(inputs, curated)];
}

