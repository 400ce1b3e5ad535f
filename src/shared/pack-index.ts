import type { Entity, KnowledgePack, Source } from './knowledge';

/** Look-ups over a pack that the tooltip, popup and tests need. */
export interface PackIndex {
  pack: KnowledgePack;
  entity(id: string): Entity | undefined;
  source(id: string): Source | undefined;
}

/** Indexes a pack once: entities and sources by id. */
export function indexPack(pack: KnowledgePack): PackIndex {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  return { pack, entity: (id) => entities.get(id), source: (id) => sources.get(id) };
}
