import type { AliasPattern } from './matcher';
import { fold } from './fold';
import type { Entity, EntityType, KnowledgePack } from './knowledge';

/** An installed pack as the extension keeps it: an id of its own, the name a reader sees, the pack. */
export interface InstalledPack {
  id: string;
  name: string;
  pack: KnowledgePack;
}

/** One entity of the active packs: the same person or body in one or more packs. */
export interface EntityGroup {
  /** The id pages are marked with and notes keep: the first member's (packs in their order). */
  id: string;
  name: string;
  type: EntityType;
  /** The entity in each pack that holds it, in pack order. */
  members: { packId: string; entityId: string }[];
}

/** What the active packs mark on pages: their entities, merged, and every spelling to look for. */
export interface PackSet {
  groups: EntityGroup[];
  patterns: AliasPattern[];
}

/** A spelling that identifies its entity across packs: neither a common word nor a short acronym that could be another. */
const identifying = (a: Entity['aliases'][number]) => !a.generic && !a.ambiguous;

/**
 * Merges the entities of several packs, in the order given (the bundled pack first, then by
 * installation). The rule, documented in README ("Packs"): two entities are one when they
 * have the same id or share an identifying spelling (after case and diacritic folding; a
 * case-sensitive spelling must match exactly); the merged entity takes the first member's id,
 * name and type; every spelling of every member marks it; facts stay in their own pack (a card
 * shows each pack's sources apart). A spelling that marks only in context ("Turkey", "strikers")
 * never merges two entities; if two groups both have it, the first pack's wins.
 */
export function mergePacks(packs: readonly InstalledPack[]): PackSet {
  // Union-find over every pack's entities, keyed by id and by identifying spellings.
  const members: { packId: string; entity: Entity }[] = packs.flatMap((p) => p.pack.entities.map((entity) => ({ packId: p.id, entity })));
  const parent = members.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWith = new Map<string, number>();
  members.forEach(({ entity }, i) => {
    const keys = [`id:${entity.id}`, ...entity.aliases.filter(identifying).map((a) => `name:${a.caseSensitive ? a.text : fold(a.text)}`)];
    for (const key of keys) {
      const seen = firstWith.get(key);
      if (seen === undefined) firstWith.set(key, i);
      else {
        const [a, b] = [find(seen), find(i)];
        // The earlier member stays the root, so a group is named by its first member.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const byRoot = new Map<number, EntityGroup>();
  members.forEach(({ packId, entity }, i) => {
    const root = find(i);
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = { id: entity.id, name: entity.name, type: entity.type, members: [] }));
    group.members.push({ packId, entityId: entity.id });
  });
  const groups = [...byRoot.values()];

  const patterns: AliasPattern[] = [];
  const taken = new Set<string>();
  members.forEach(({ entity }, i) => {
    const id = byRoot.get(find(i))!.id;
    for (const a of entity.aliases) {
      const key = a.caseSensitive ? `=${a.text}` : `~${fold(a.text)}`;
      if (taken.has(key)) continue;
      taken.add(key);
      patterns.push({ text: a.text, caseSensitive: a.caseSensitive, entityId: id, ...(a.generic || a.ambiguous ? { needsContext: true } : {}) });
    }
  });
  return { groups, patterns };
}

/**
 * What a card needs of one pack about one entity: the pack's sources (their labels, dates and
 * provenance, so the silent ones can be named; the texts left out), the framing profiles of the
 * sources that name it, the entity, and the disagreements that involve it. Small enough to send
 * to a page when a card opens.
 */
export function cardSlice(pack: KnowledgePack, entityId: string): KnowledgePack | undefined {
  const entity = pack.entities.find((e) => e.id === entityId);
  if (!entity) return undefined;
  const naming = new Set(entity.mentions.map((m) => m.sourceId));
  return {
    ...pack,
    sources: pack.sources.map((s) => ({ ...s, text: '', quotes: [], excluded: [] })),
    entities: [entity],
    framing: { categories: pack.framing.categories, profiles: pack.framing.profiles.filter((p) => naming.has(p.sourceId)) },
    claims: [],
    disagreements: pack.disagreements.filter((d) => d.entityIds.includes(entityId)),
  };
}

/** The active packs as Crossread's pages get them from the worker: whole, in order, with their entities merged. */
export interface ActiveKnowledge {
  packs: InstalledPack[];
  groups: EntityGroup[];
}

/** Look-ups over the active packs that the popup, the compare view and the library need. */
export interface ActiveIndex {
  knowledge: ActiveKnowledge;
  group(id: string): EntityGroup | undefined;
  pack(id: string): InstalledPack | undefined;
  /** The entity a pack holds under a merged id (a page's marks carry merged ids). */
  member(packId: string, id: string): Entity | undefined;
  /** The pack that holds most of the merged `ids` (the first in order on a tie; none when none is active). */
  bestPack(ids: readonly string[]): InstalledPack | undefined;
  /** Merged `ids` as a pack's own entity ids (those it holds). */
  idsIn(packId: string, ids: readonly string[]): string[];
}

export function indexActive(knowledge: ActiveKnowledge): ActiveIndex {
  const groups = new Map(knowledge.groups.map((g) => [g.id, g]));
  const packs = new Map(knowledge.packs.map((p) => [p.id, p]));
  const entities = new Map(knowledge.packs.map((p) => [p.id, new Map(p.pack.entities.map((e) => [e.id, e]))]));
  const ownId = (packId: string, id: string) => groups.get(id)?.members.find((m) => m.packId === packId)?.entityId;
  const idsIn = (packId: string, ids: readonly string[]) => ids.flatMap((id) => ownId(packId, id) ?? []);
  return {
    knowledge,
    group: (id) => groups.get(id),
    pack: (id) => packs.get(id),
    member: (packId, id) => {
      const own = ownId(packId, id);
      return own === undefined ? undefined : entities.get(packId)?.get(own);
    },
    bestPack: (ids) => knowledge.packs.reduce<{ pack?: InstalledPack; n: number }>((best, p) => {
      const n = idsIn(p.id, ids).length;
      return n > best.n ? { pack: p, n } : best;
    }, { pack: knowledge.packs[0], n: 0 }).pack,
    idsIn,
  };
}

/** The active knowledge of some packs, merged as the worker merges them (tests, and pages given packs directly). */
export function activeOf(packs: InstalledPack[]): ActiveIndex {
  return indexActive({ packs, groups: mergePacks(packs).groups });
}
