import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { bundledPack } from './bundled-pack';
import { PackSchema, type Entity, type KnowledgePack } from './knowledge';
import { cardSlice, mergePacks } from './pack-set';

const entity = (id: string, name: string, aliases: string[], extra: Partial<Entity> = {}): Entity => ({
  id,
  name,
  type: 'person',
  roles: [],
  origin: 'extracted',
  aliases: aliases.map((text) => ({ text, caseSensitive: false })),
  mentions: [],
  ...extra,
});

const packOf = (entities: Entity[]): KnowledgePack => ({
  schemaVersion: 3,
  story: { title: 'a made-up story', derived: true },
  measures: { units: [], durationTopics: [], dayTopics: [], touches: [] },
  sources: [],
  entities,
  framing: { categories: [], profiles: [] },
  claims: [],
  disagreements: [],
});

describe('mergePacks', () => {
  it('merges entities with the same id or an identifying spelling, named by the first pack', () => {
    const a = packOf([entity('maria-lopez', 'Maria Lopez', ['Maria Lopez', 'Lopez']), entity('river-authority', 'River Authority', ['River Authority'])]);
    const b = packOf([entity('m-lopez', 'María López', ['María López', 'Lopez']), entity('river-authority', 'the River Authority', ['Authority of the River'])]);
    const set = mergePacks([
      { id: 'a', name: 'A', pack: a },
      { id: 'b', name: 'B', pack: b },
    ]);
    expect(set.groups).toEqual([
      { id: 'maria-lopez', name: 'Maria Lopez', type: 'person', members: [{ packId: 'a', entityId: 'maria-lopez' }, { packId: 'b', entityId: 'm-lopez' }] },
      { id: 'river-authority', name: 'River Authority', type: 'person', members: [{ packId: 'a', entityId: 'river-authority' }, { packId: 'b', entityId: 'river-authority' }] },
    ]);
    // Every spelling marks the merged entity, once ("María López" folds to "maria lopez", which "Maria Lopez" already holds).
    expect(set.patterns.map((p) => [p.text, p.entityId])).toEqual([
      ['Maria Lopez', 'maria-lopez'],
      ['Lopez', 'maria-lopez'],
      ['River Authority', 'river-authority'],
      ['Authority of the River', 'river-authority'],
    ]);
  });

  it('never merges two entities on a spelling that marks only in context; the first pack keeps it', () => {
    const a = packOf([entity('jordan', 'Jordan', ['Jordan'], { type: 'place', aliases: [{ text: 'Jordan', caseSensitive: false, ambiguous: true }] })]);
    const b = packOf([entity('michael-jordan', 'Michael Jordan', ['Michael Jordan', 'Jordan'])]);
    const set = mergePacks([
      { id: 'a', name: 'A', pack: a },
      { id: 'b', name: 'B', pack: b },
    ]);
    expect(set.groups.map((g) => g.id)).toEqual(['jordan', 'michael-jordan']);
    expect(set.patterns).toContainEqual({ text: 'Jordan', caseSensitive: false, entityId: 'jordan', needsContext: true });
    expect(set.patterns.filter((p) => p.text === 'Jordan')).toHaveLength(1);
  });

  it('joins chains: A = B by id and B = C by name make one entity', () => {
    const set = mergePacks([
      { id: 'a', name: 'A', pack: packOf([entity('x', 'X', ['Xavier Ruiz'])]) },
      { id: 'b', name: 'B', pack: packOf([entity('y', 'Y', ['Yolanda Ruiz']), entity('x', 'X2', ['X. Ruiz', 'Ruiz Jr'])]) },
      { id: 'c', name: 'C', pack: packOf([entity('z', 'Z', ['Ruiz Jr', 'Yolanda Ruiz'])]) },
    ]);
    expect(set.groups.map((g) => [g.id, g.members.length])).toEqual([['x', 4]]);
  });

  it('keeps a case-sensitive spelling apart from the same letters in another case', () => {
    const set = mergePacks([
      { id: 'a', name: 'A', pack: packOf([entity('us', 'United States', ['United States'], { aliases: [{ text: 'US', caseSensitive: true }] })]) },
      { id: 'b', name: 'B', pack: packOf([entity('us-bank', 'Us Bank', ['Us'])]) },
    ]);
    expect(set.groups).toHaveLength(2);
  });

  it('merges nothing and marks nothing when no pack is active', () => {
    expect(mergePacks([])).toEqual({ groups: [], patterns: [] });
  });
});

describe('cardSlice', () => {
  it('keeps what a card shows of the bundled pack, valid against the schema, and a fraction of its size', () => {
    const id = bundledPack.disagreements[0]!.entityIds[0]!;
    const slice = cardSlice(bundledPack, id)!;
    expect(v.safeParse(PackSchema, slice).success).toBe(true);
    expect(slice.entities.map((e) => e.id)).toContain(id);
    expect(slice.sources.map((s) => s.label)).toEqual(bundledPack.sources.map((s) => s.label));
    expect(slice.disagreements.length).toBeGreaterThan(0);
    expect(slice.disagreements.every((d) => d.entityIds.includes(id))).toBe(true);
    expect(slice.framing.categories).toBe(bundledPack.framing.categories);
    expect(JSON.stringify(slice).length).toBeLessThan(JSON.stringify(bundledPack).length / 2);
  });

  it('answers undefined for an entity the pack does not hold', () => {
    expect(cardSlice(bundledPack, 'no-such-entity')).toBeUndefined();
  });
});
