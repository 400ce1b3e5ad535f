import type { KnowledgePack } from './knowledge';
import type { AliasPattern } from './matcher';

/**
 * The part of a pack a page needs to mark names: entity ids and the aliases matched on pages.
 * The content script bundles only this (a few kilobytes) and loads the full pack when a
 * tooltip first opens. Generic aliases ("rebels") name an entity only in context, so they
 * are left out.
 */
export interface AliasIndex {
  entities: { id: string; aliases: { text: string; caseSensitive: boolean }[] }[];
}

export function aliasIndexOf(pack: KnowledgePack): AliasIndex {
  return {
    entities: pack.entities
      .map((e) => ({ id: e.id, aliases: e.aliases.filter((a) => !a.generic).map((a) => ({ text: a.text, caseSensitive: a.caseSensitive })) }))
      .filter((e) => e.aliases.length > 0),
  };
}

/** The matcher patterns of an alias index. */
export function aliasPatterns(index: AliasIndex): AliasPattern[] {
  return index.entities.flatMap((e) => e.aliases.map((a) => ({ ...a, entityId: e.id })));
}
