import { aliasIndexOf, aliasPatterns } from './alias-index';
import type { Entity, KnowledgePack, Source } from './knowledge';
import type { AliasPattern } from './matcher';

/** Look-ups over a pack that the tooltip, popup and tests need. */
export interface PackIndex {
  pack: KnowledgePack;
  entity(id: string): Entity | undefined;
  source(id: string): Source | undefined;
  patterns: AliasPattern[];
}

/** Indexes a pack once: entities and sources by id, and the alias patterns for the matcher. */
export function indexPack(pack: KnowledgePack): PackIndex {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  return { pack, entity: (id) => entities.get(id), source: (id) => sources.get(id), patterns: aliasPatterns(aliasIndexOf(pack)) };
}
