import { buildPack } from '../../src/corpus/build-pack';
import { classOf } from '../../src/corpus/entity-types';
import { fold } from '../../src/shared/fold';
import type { Entity } from '../../src/shared/knowledge';
import type { GoldArticle } from './gold';

/** A count and its share. */
export interface Share {
  right: number;
  total: number;
  share: number;
}

export interface EntitySetResult {
  articles: number;
  /** Gold entities named in the article's own text (not clutter only) that some extracted entity spells. */
  recall: Share;
  /** Of the found ones, typed in the right class: person, organisation (organization, institution, armed group), place, event. */
  types: Share;
  /** Of the found ones, the exact pack type (organization, institution and armed group told apart). */
  exactTypes: Share;
  /** Extracted entities whose name is a spelling of a gold entity of the article's own text. */
  realNames: Share;
  /** Found gold entities whose found spellings all lie in one extracted entity. */
  merged: Share;
  /** Found gold entities with two or more spellings found: all in one extracted entity. */
  mergedVariants: Share;
  /** Extracted entities that hold spellings of two or more gold entities (wrong merges). */
  overMerged: number;
}

const share = (right: number, total: number): Share => ({ right, total, share: total === 0 ? 1 : right / total });

/** Spellings compared case- and diacritic-insensitively, typographic marks unified, without a leading "the". */
const key = (spelling: string) => fold(spelling.trim()).replace(/^the\s+/, '');


/** The entities the automatic build (no catalog) makes of one article alone. */
export function extractedEntities(file: string, text: string): Entity[] {
  return buildPack({ texts: [{ file, text }], provenance: [], catalogSources: [], catalogEntities: undefined, lexicon: [], claimsCatalog: [] }).pack.entities;
}

/**
 * Named-entity figures of the automatic build against gold, each article built alone:
 * recall, type accuracy, the share of extracted entities that are real names, and how well
 * spelling variants are merged. `details` prints every miss (never for held-out text).
 */
export function evaluateEntities(articles: GoldArticle[], details: boolean): EntitySetResult {
  const t = { found: 0, total: 0, typed: 0, exact: 0, real: 0, extracted: 0, merged: 0, variants: 0, variantsMerged: 0, over: 0 };
  for (const { gold, text } of articles) {
    const entities = extractedEntities(gold.file, text);
    const own = gold.entities.filter((g) => !g.clutterOnly);
    const ownSpellings = new Set(own.flatMap((g) => g.spellings.map(key)));
    const spellingsOf = (e: Entity) => new Set([e.name, ...e.aliases.map((a) => a.text)].map(key));
    const spelled = entities.map(spellingsOf);
    const log = (line: string) => details && console.log(`  ${gold.file}: ${line}`);

    for (const g of own) {
      t.total++;
      const keys = g.spellings.map(key);
      const holders = entities.filter((_, i) => keys.some((k) => spelled[i]!.has(k)));
      if (holders.length === 0) {
        log(`missed ${g.type} “${g.name}”`);
        continue;
      }
      t.found++;
      // The entity that holds most of its spellings stands for it (the first such on a tie).
      const count = (e: Entity) => keys.filter((k) => spelled[entities.indexOf(e)]!.has(k)).length;
      const best = holders.reduce((a, b) => (count(b) > count(a) ? b : a));
      if (classOf(best.type) === classOf(g.type)) t.typed++;
      else log(`type “${g.name}”: got ${best.type}, gold ${g.type}`);
      if (best.type === g.type) t.exact++;
      if (holders.length === 1) t.merged++;
      else log(`split “${g.name}”: ${holders.map((h) => `“${h.name}”`).join(', ')}`);
      if (keys.filter((k) => holders.some((h) => spelled[entities.indexOf(h)]!.has(k))).length >= 2 || holders.length > 1) {
        t.variants++;
        if (holders.length === 1) t.variantsMerged++;
      }
    }

    for (const [i, e] of entities.entries()) {
      t.extracted++;
      if (ownSpellings.has(key(e.name))) t.real++;
      else log(`not a name of the article: “${e.name}” (${e.type})`);
      const named = own.filter((g) => g.spellings.some((s) => spelled[i]!.has(key(s))));
      if (named.length > 1) {
        t.over++;
        log(`merged apart entities in “${e.name}”: ${named.map((g) => `“${g.name}”`).join(', ')}`);
      }
    }
  }
  return {
    articles: articles.length,
    recall: share(t.found, t.total),
    types: share(t.typed, t.found),
    exactTypes: share(t.exact, t.found),
    realNames: share(t.real, t.extracted),
    merged: share(t.merged, t.found),
    mergedVariants: share(t.variantsMerged, t.variants),
    overMerged: t.over,
  };
}
