import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledPack } from '../shared/bundled-pack';
import type { KnowledgePack } from '../shared/knowledge';
import { matcherFromBytes } from '../shared/matcher-binary';
import { CrossreadDb } from './db';
import { workerCallOver } from './worker-call';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

function open(name: string) {
  names.push(name);
  const db = new CrossreadDb(name);
  const published: ({ version: string; bytes: Uint8Array } | undefined)[] = [];
  return { db, published, call: workerCallOver(db, published) };
}

/** A made-up pack on another story that also names one person of the bundled pack, spelled its own way. */
function otherPack(): KnowledgePack {
  const shared = bundledPack.entities.find((e) => e.type === 'person' && e.mentions.length >= 2)!;
  const text = `${shared.name} visited the Lake Orma dam. Dana Whitfield of the Orma Basin Authority said the dam holds 4 billion cubic metres.`;
  return {
    ...bundledPack,
    story: { title: 'a dispute over the Lake Orma dam', derived: true },
    sources: [{ ...bundledPack.sources[0]!, id: 'x000', label: 'Orma Courier', outlet: 'Orma Courier', text, words: 20, quotes: [], excluded: [] }],
    entities: [
      { ...shared, id: 'visitor', roles: [], mentions: [{ sourceId: 'x000', count: 1, quoted: 0, aliases: [shared.name], quotedAliases: [], sentence: text.split('. ')[0]!, sentences: [], quotes: [], labels: [], related: [] }] },
      { id: 'dana-whitfield', name: 'Dana Whitfield', type: 'person', roles: [], origin: 'extracted', aliases: [{ text: 'Dana Whitfield', caseSensitive: false }, { text: 'Whitfield', caseSensitive: false }], mentions: [] },
    ],
    framing: { categories: [], profiles: [] },
    claims: [],
    disagreements: [],
  };
}

describe('PacksRepo through the protocol', () => {
  it('lists the bundled pack alone at first, in use, and publishes nothing (pages load the packaged matcher)', async () => {
    const { call, published } = open('packs-first');
    const [bundled, ...rest] = await call('listPacks', undefined);
    expect(rest).toEqual([]);
    expect(bundled).toMatchObject({ id: 'bundled', origin: 'bundled', enabled: true, story: bundledPack.story.title, entityCount: bundledPack.entities.length });
    const active = await call('getActivePacks', undefined);
    expect(active.packs.map((p) => p.id)).toEqual(['bundled']);
    expect(published).toEqual([undefined]);
  });

  it('installs a valid pack, merges the entity both packs name, and publishes a matcher that marks both packs’ names', async () => {
    const { call, published } = open('packs-install');
    const other = otherPack();
    const summary = await call('installPack', { name: ' Orma dam ', pack: other, origin: 'imported' });
    expect(summary).toMatchObject({ name: 'Orma dam', origin: 'imported', enabled: true, entityCount: 2, sources: ['Orma Courier'] });
    expect((await call('listPacks', undefined)).map((p) => p.id)).toEqual(['bundled', summary.id]);

    const stored = published.at(-1)!;
    const matcher = matcherFromBytes(stored.bytes.slice().buffer);
    const shared = other.entities[0]!;
    const found = matcher.find(`${shared.name} met Dana Whitfield.`).map((m) => m.entityId);
    const sharedId = bundledPack.entities.find((e) => e.name === shared.name)!.id;
    expect(found).toEqual([sharedId, 'dana-whitfield']);

    // The card of the shared person shows each pack's facts apart, the bundled pack first.
    const { groups } = await call('getActivePacks', undefined);
    const group = groups.find((g) => g.id === sharedId)!;
    expect(group.members).toEqual([{ packId: 'bundled', entityId: sharedId }, { packId: summary.id, entityId: 'visitor' }]);
  });

  it('refuses what is not a valid pack with a message that says what is wrong, and installs nothing', async () => {
    const { call } = open('packs-refuse');
    await expect(call('installPack', { name: '', pack: [1, 2], origin: 'imported' })).rejects.toThrow(/not a knowledge pack/);
    await expect(call('installPack', { name: '', pack: { ...otherPack(), schemaVersion: 1 }, origin: 'imported' })).rejects.toThrow(/pack format 1; this one reads 3/);
    const broken = otherPack();
    (broken.entities[1] as { type: string }).type = 'wizard';
    await expect(call('installPack', { name: '', pack: broken, origin: 'imported' })).rejects.toThrow(/not valid.*entities\.1\.type/);
    expect(await call('listPacks', undefined)).toHaveLength(1);
  });

  it('turns packs off and on, deletes installed ones, and keeps the bundled one', async () => {
    const { call, published } = open('packs-toggle');
    const { id } = await call('installPack', { name: '', pack: otherPack(), origin: 'built' });
    expect((await call('listPacks', undefined))[1]!.name).toBe('a dispute over the Lake Orma dam');
    await call('setPackEnabled', { id: 'bundled', enabled: false });
    expect((await call('getActivePacks', undefined)).packs.map((p) => p.id)).toEqual([id]);
    const onlyOther = matcherFromBytes(published.at(-1)!.bytes.slice().buffer);
    expect(onlyOther.find(`${bundledPack.entities[0]!.name} and Whitfield`).map((m) => m.entityId)).toEqual(['dana-whitfield']);

    await expect(call('deletePack', { id: 'bundled' })).rejects.toThrow(/cannot|not deleted/);
    expect(await call('deletePack', { id })).toEqual({ deleted: true });
    expect((await call('getActivePacks', undefined)).packs).toEqual([]);
    await call('setPackEnabled', { id: 'bundled', enabled: true });
    expect(published.at(-1)).toBeUndefined();
  });
});
