import { fold } from '../shared/fold';
import { isAcronym, Matcher, type Match } from '../shared/matcher';
import { sentenceSpans } from '../shared/sentences';
import { PACK_SCHEMA_VERSION, type Alias, type Entity, type KnowledgePack, type Mention, type Source } from '../shared/knowledge';
import type { CatalogEntity, CatalogSource, Provenance } from './catalog';

/** Everything the build reads, already parsed; the CLI does the file handling. */
export interface PackInputs {
  texts: { file: string; text: string }[];
  provenance: Provenance[];
  catalogSources: CatalogSource[];
  catalogEntities: CatalogEntity[];
}

/** A build failure that names the file and the entry at fault. */
export class PackBuildError extends Error {
  constructor(readonly where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'PackBuildError';
  }
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

/** The key under which the matcher cannot tell two aliases apart. */
function matchKey(a: Alias): string {
  return a.caseSensitive ? `=${fold(a.text, true)}` : `~${fold(a.text)}`;
}

/** The entry's name and aliases, with spellings the matcher cannot tell apart kept once. */
function toAliases(entry: CatalogEntity): Alias[] {
  const seen = new Set<string>();
  const aliases: Alias[] = [];
  for (const raw of [entry.name, ...entry.aliases]) {
    const a = typeof raw === 'string' ? { text: raw } : raw;
    const alias: Alias = {
      text: a.text,
      caseSensitive: a.caseSensitive ?? isAcronym(a.text),
      ...('outside' in a && a.outside ? { outside: true } : {}),
    };
    if (seen.has(matchKey(alias))) continue;
    seen.add(matchKey(alias));
    aliases.push(alias);
  }
  return aliases;
}

/**
 * A good context sentence reads on its own: article text before reader comments, prose
 * (ending like a sentence) before headlines and page chrome, moderate length; then earliest.
 */
function sentenceRank(sentence: string, inComment: boolean): number {
  const len = sentence.length;
  const prose = /[.!?]["'\u201D\u2019)]?$/u.test(sentence);
  return (inComment ? 4 : 0) + (prose ? 0 : 2) + (len < 40 || len > 320 ? 1 : 0);
}

/**
 * Builds the knowledge pack from the corpus and the curated catalog. Every mention is found
 * by the same matcher the extension runs on pages, and every sentence is a verbatim slice of
 * its source. Fails, naming the entry, on ids that collide, on catalog or provenance entries
 * that name no corpus file, and on aliases no text uses unless marked `outside`.
 */
export function buildPack(inputs: PackInputs): KnowledgePack {
  if (inputs.texts.length === 0) throw new PackBuildError('corpus', 'no .txt files: the corpus is empty');
  const texts = [...inputs.texts].sort((a, b) => a.file.localeCompare(b.file));
  const byFile = new Map(texts.map((t) => [t.file, t]));

  for (const p of inputs.provenance) {
    if (!byFile.has(p.file)) throw new PackBuildError(`sources.json (${p.file})`, 'names a file that is not in the corpus');
  }
  for (const c of inputs.catalogSources) {
    if (!byFile.has(c.file)) throw new PackBuildError(`catalog sources.json (${c.file})`, 'names a file that is not in the corpus');
  }

  const sources: Source[] = texts.map((t, i) => {
    const p = inputs.provenance.find((x) => x.file === t.file);
    const c = inputs.catalogSources.find((x) => x.file === t.file);
    const firstLine = t.text.split('\n').find((l) => l.trim())?.trim() ?? t.file;
    return {
      id: `s${String(i).padStart(3, '0')}`,
      file: t.file,
      label: c?.label ?? p?.outlet ?? t.file,
      headline: p?.headline ?? firstLine,
      outlet: p?.outlet ?? 'unknown',
      attributedTo: p?.attributed_to ?? 'unknown',
      date: p?.date ?? 'unknown',
    };
  });

  const entityIds = new Set<string>();
  const entries = inputs.catalogEntities.map((entry) => {
    const id = entry.id ?? slugify(entry.name);
    if (entityIds.has(id)) throw new PackBuildError(`catalog entities.json (${entry.name})`, `id "${id}" is used twice`);
    entityIds.add(id);
    return { id, entry, aliases: toAliases(entry) };
  });

  const aliasOwner = new Map<string, string>();
  for (const { id, aliases } of entries) {
    for (const a of aliases) {
      const other = aliasOwner.get(matchKey(a));
      if (other && other !== id) throw new PackBuildError(`catalog entities.json (${id})`, `alias "${a.text}" also names ${other}`);
      aliasOwner.set(matchKey(a), id);
    }
  }

  const matcher = new Matcher(entries.flatMap(({ id, aliases }) => aliases.map((a) => ({ ...a, entityId: id }))));
  const mentions = new Map<string, Mention[]>();
  const aliasesSeen = new Set<string>();

  sources.forEach((source) => {
    const text = byFile.get(source.file)!.text;
    const commentsFrom = inputs.catalogSources.find((c) => c.file === source.file)?.commentsFrom;
    const commentStart = commentsFrom ? text.indexOf(commentsFrom) : -1;
    const spans = sentenceSpans(text);
    const perEntity = new Map<string, Match[]>();
    for (const m of matcher.find(text)) {
      aliasesSeen.add(m.alias);
      const list = perEntity.get(m.entityId);
      if (list) list.push(m);
      else perEntity.set(m.entityId, [m]);
    }
    for (const [entityId, ms] of perEntity) {
      let best: { sentence: string; inComment: boolean; rank: number } | undefined;
      for (const m of ms) {
        const span = spans.find((s) => s.start <= m.start && m.end <= s.end);
        if (!span) continue;
        const sentence = text.slice(span.start, span.end);
        const inComment = commentStart >= 0 && span.start >= commentStart;
        const rank = sentenceRank(sentence, inComment);
        if (!best || rank < best.rank) best = { sentence, inComment, rank };
      }
      if (!best) continue;
      const list = mentions.get(entityId) ?? [];
      list.push({
        sourceId: source.id,
        count: ms.length,
        aliases: [...new Set(ms.map((m) => m.alias))].sort(),
        sentence: best.sentence,
        inComment: best.inComment,
      });
      mentions.set(entityId, list);
    }
  });

  for (const { id, aliases } of entries) {
    // The canonical name (first) needs no corpus use: it is marked outside below when unused.
    for (const a of aliases.slice(1)) {
      if (!a.outside && !aliasesSeen.has(a.text)) {
        throw new PackBuildError(`catalog entities.json (${id})`, `alias "${a.text}" occurs in no corpus text; mark it "outside" if readers meet it elsewhere`);
      }
    }
  }

  const entities: Entity[] = entries
    .map(({ id, entry, aliases }) => ({
      id,
      name: entry.name,
      type: entry.type,
      ...(entry.role ? { role: entry.role } : {}),
      aliases: aliases.map(({ outside: _, ...a }) => (aliasesSeen.has(a.text) ? a : { ...a, outside: true })),
      mentions: mentions.get(id) ?? [],
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

  return { schemaVersion: PACK_SCHEMA_VERSION, sources, entities };
}
