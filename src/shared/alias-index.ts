import type { KnowledgePack } from './knowledge';
import type { AliasPattern } from './matcher';

/**
 * The part of a pack a page needs to mark names: entity ids and their aliases. The content
 * script bundles only this (a few kilobytes) and loads the full pack when a tooltip first
 * opens. Generic and ambiguous aliases ("strikers", "Turkey") name an entity only in context.
 */
export interface AliasIndex {
  entities: { id: string; aliases: { text: string; caseSensitive: boolean; needsContext?: boolean }[] }[];
}

export function aliasIndexOf(pack: KnowledgePack): AliasIndex {
  return {
    entities: pack.entities.map((e) => ({
      id: e.id,
      aliases: e.aliases.map((a) => ({ text: a.text, caseSensitive: a.caseSensitive, ...(a.generic || a.ambiguous ? { needsContext: true } : {}) })),
    })),
  };
}

/** The matcher patterns of an alias index. */
export function aliasPatterns(index: AliasIndex): AliasPattern[] {
  return index.entities.flatMap((e) => e.aliases.map((a) => ({ ...a, entityId: e.id })));
}
