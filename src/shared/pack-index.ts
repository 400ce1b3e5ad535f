import type { AliasPattern } from './matcher';
import type { Entity, KnowledgePack, Source } from './knowledge';

/** Look-ups over a pack that the content script, popup and tests all need. */
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
  // Generic aliases ("rebels") name an entity only in context, so pages are not matched on them.
  const patterns = pack.entities.flatMap((e) =>
    e.aliases.filter((a) => !a.generic).map((a) => ({ text: a.text, entityId: e.id, caseSensitive: a.caseSensitive })),
  );
  return { pack, entity: (id) => entities.get(id), source: (id) => sources.get(id), patterns };
}
