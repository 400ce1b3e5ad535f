import { isComparable, measureTopic } from '../shared/claims';
import { locateEvidence } from '../shared/evidence';
import type { Claim, Disagreement, Entity, Evidence, Framing, Source } from '../shared/knowledge';
import { sentenceSpans } from '../shared/sentences';
import { PackBuildError } from './errors';
import type { CatalogClaim } from './catalog';

/** What the disagreement step reads from the rest of the build. */
export interface DisagreementInputs {
  claimsCatalog: CatalogClaim[];
  sources: Source[];
  textOf: (sourceId: string) => string;
  entities: Entity[];
  framing: Framing;
  claims: Claim[];
  /** The first sentence in which a source spells an entity with a given alias, and the words as written. */
  aliasEvidence: (sourceId: string, entityId: string) => Evidence[];
}

const where = (id: string) => `catalog claims.json (${id})`;

/** The sentence or sentences of `text` that contain [start, end). */
function sentencesAround(text: string, start: number, end: number): string {
  const spans = sentenceSpans(text).filter((s) => s.start < end && start < s.end);
  return spans.length > 0 ? text.slice(spans[0]!.start, spans.at(-1)!.end) : text.slice(start, end);
}

function curatedPositions(c: CatalogClaim & { positions: NonNullable<CatalogClaim['positions']> }, inputs: DisagreementInputs) {
  return c.positions.map((p) => {
    const source = inputs.sources.find((s) => s.file === p.file);
    if (!source) throw new PackBuildError(where(c.id), `names "${p.file}", which is not in the corpus`);
    const text = inputs.textOf(source.id);
    const evidence = p.evidence.map((quote) => {
      const at = locateEvidence(text, quote);
      if (!at) throw new PackBuildError(where(c.id), `evidence "${quote}" is not in ${p.file}`);
      return { quote: text.slice(at.start, at.end), sentence: sentencesAround(text, at.start, at.end) };
    });
    return { sourceId: source.id, position: p.position, evidence };
  });
}

function namingPositions(c: CatalogClaim, entity: Entity, inputs: DisagreementInputs) {
  const positions = entity.mentions
    .filter((m) => !m.inComment)
    .map((m) => ({
      sourceId: m.sourceId,
      position: `Calls it ${m.aliases.map((a) => `“${a}”`).join(', ')}`,
      evidence: inputs.aliasEvidence(m.sourceId, entity.id),
    }));
  if (new Set(positions.map((p) => p.position)).size < 2) {
    throw new PackBuildError(where(c.id), `every source names ${entity.id} the same way: no disagreement`);
  }
  return positions;
}

function framingPositions(c: CatalogClaim, categories: string[], inputs: DisagreementInputs) {
  for (const id of categories) {
    if (!inputs.framing.categories.some((k) => k.id === id)) throw new PackBuildError(where(c.id), `unknown lexicon category "${id}"`);
  }
  const positions = inputs.framing.profiles.flatMap((profile) => {
    const counts = profile.counts.filter((k) => categories.includes(k.category) && k.count > 0);
    if (counts.length === 0) return [];
    const words = counts.flatMap((k) => k.terms.map((t) => `“${t.term}” ×${t.count}`));
    const evidence = counts.flatMap((k) =>
      k.evidence.slice(0, 2).map((e) => {
        const at = e.sentence.toLowerCase().indexOf(e.term);
        return { quote: at >= 0 ? e.sentence.slice(at, at + e.term.length) : e.sentence, sentence: e.sentence };
      }),
    );
    return [{ sourceId: profile.sourceId, position: `Uses ${words.join(', ')}`, evidence }];
  });
  if (new Set(positions.map((p) => p.position)).size < 2) throw new PackBuildError(where(c.id), 'the sources do not differ on these categories');
  return positions;
}

/**
 * Figures that differ between sources, found without curation: claims of the same measure
 * whose values differ. Local, recent figures (":recent") compare only when they name the same
 * places near the figure; weekdays and durations whose topic is unknown are left out.
 */
function extractedCandidates(inputs: DisagreementInputs, curated: Disagreement[]): Disagreement[] {
  const comparable = inputs.claims.filter(isComparable);
  const groups = new Map<string, Claim[]>();
  for (const c of comparable) {
    const key = c.measure.includes(':recent') ? `${c.measure}@${c.placeIds.join(',')}` : c.measure;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const out: Disagreement[] = [];
  for (const [key, claims] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const bySource = new Map<string, Claim[]>();
    for (const c of claims) {
      const list = bySource.get(c.sourceId);
      if (list) list.push(c);
      else bySource.set(c.sourceId, [c]);
    }
    const valueSets = new Set([...bySource.values()].map((cs) => [...new Set(cs.map((c) => c.value))].sort().join('|')));
    if (bySource.size < 2 || valueSets.size < 2) continue;
    const measure = claims[0]!.measure;
    const positions = [...bySource].map(([sourceId, cs]) => ({
      sourceId,
      position: [...new Set(cs.map((c) => c.text))].join('; '),
      evidence: cs.map((c) => ({ quote: c.text, sentence: c.sentence })),
    }));
    // Curated as another disagreement when that one's evidence covers every sentence here.
    const covering = curated.find((d) => {
      const covered = new Set(d.positions.flatMap((p) => p.evidence.map((e) => e.sentence)));
      return positions.every((p) => p.evidence.every((e) => covered.has(e.sentence)));
    });
    out.push({
      id: `figures-${key.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}`,
      topic: measureTopic(measure),
      question: `The sources give different figures: ${measureTopic(measure).toLowerCase()}.`,
      kind: 'fact',
      origin: 'extracted',
      entityIds: [...new Set(claims.flatMap((c) => c.placeIds))].sort(),
      positions,
      silent: inputs.sources.map((s) => s.id).filter((id) => !bySource.has(id)),
      note: 'Found automatically from figures that differ; read the evidence for what each figure counts.',
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
    let positions: Disagreement['positions'];
    if (c.positions) positions = curatedPositions({ ...c, positions: c.positions }, inputs);
    else if (c.kind === 'naming' && c.entity) positions = namingPositions(c, inputs.entities.find((e) => e.id === c.entity)!, inputs);
    else if (c.categories) positions = framingPositions(c, c.categories, inputs);
    else throw new PackBuildError(where(c.id), 'needs "positions", a naming "entity", or lexicon "categories"');
    const speaking = new Set(positions.map((p) => p.sourceId));
    return {
      id: c.id,
      topic: c.topic,
      question: c.question,
      kind: c.kind,
      origin: 'curated',
      entityIds,
      positions,
      silent: inputs.sources.map((s) => s.id).filter((id) => !speaking.has(id)),
      ...(c.note ? { note: c.note } : {}),
    };
  });
  return [...curated, ...extractedCandidates(inputs, curated)];
}
