import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { fold } from '../shared/fold';
import { PackSchema, type KnowledgePack } from '../shared/knowledge';
import { buildPack, PackBuildError, slugify, type PackInputs } from './build-pack';
import { readInputs } from './cli';

const inputs = readInputs('assets/corpus', 'assets/catalog');
const pack = buildPack(inputs);
const textOf = (p: KnowledgePack, sourceId: string) => inputs.texts.find((t) => t.file === p.sources.find((s) => s.id === sourceId)!.file)!.text;
const entity = (id: string) => pack.entities.find((e) => e.id === id)!;
const total = (id: string) => entity(id).mentions.reduce((n, m) => n + m.count, 0);

describe('buildPack on the bundled corpus', () => {
  it('validates against the schema and survives a JSON round trip unchanged', () => {
    expect(v.safeParse(PackSchema, pack).success).toBe(true);
    expect(JSON.parse(JSON.stringify(pack))).toEqual(pack);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildPack(readInputs('assets/corpus', 'assets/catalog')))).toBe(JSON.stringify(pack));
  });

  it('covers at least the 20 most mentioned entities, each mentioned by some source', () => {
    const mentioned = pack.entities.filter((e) => e.mentions.length > 0);
    expect(mentioned.length).toBeGreaterThanOrEqual(20);
    for (const id of ['john-kerry', 'sergey-lavrov', 'bashar-al-assad', 'aleppo', 'islamic-state', 'al-nusra-front', 'syrian-government']) {
      expect(entity(id).mentions.length, id).toBeGreaterThan(0);
    }
  });

  it('gives every context sentence verbatim from its source, naming the entity', () => {
    for (const e of pack.entities) {
      for (const m of e.mentions) {
        expect(textOf(pack, m.sourceId), `${e.id} in ${m.sourceId}`).toContain(m.sentence);
        const folded = fold(m.sentence);
        expect(m.aliases.some((a) => folded.includes(fold(a))), `${e.id}: "${m.sentence}"`).toBe(true);
      }
    }
  });

  it('records how each source names an entity (golden facts read off the texts)', () => {
    const names = (id: string, src: string) => entity(id).mentions.find((m) => m.sourceId === src)?.aliases;
    expect(names('islamic-state', 's002')).toEqual(['Daesh', 'IS', 'Islamic State']);
    expect(names('islamic-state', 's003')).toEqual(['ISIS']);
    expect(names('sergey-lavrov', 's001')).toEqual(['Lavrov', 'Sergei Lavrov']);
    expect(names('sergey-lavrov', 's003')).toEqual(['Lavrov', 'Sergey Lavrov']);
    expect(names('al-nusra-front', 's004')).toEqual(['Fath al-Sham', 'Jabhat Fatah al-Sham']);
    expect(names('deir-ez-zor', 's000')).toEqual(['Deir al-Zur']);
    expect(names('deir-ez-zor', 's002')).toEqual(['Deir Ezzor']);
    expect(total('john-kerry')).toBe(19);
    expect(entity('john-kerry').mentions.map((m) => m.sourceId)).toEqual(['s001', 's002', 's003']);
  });

  it('marks sentences from the reader comment under the AFP story as comments', () => {
    const turkey = entity('turkey').mentions.find((m) => m.sourceId === 's001')!;
    expect(turkey.inComment).toBe(true);
    expect(entity('john-kerry').mentions.find((m) => m.sourceId === 's001')!.inComment).toBe(false);
  });

  it('marks canonical names no text uses as outside spellings', () => {
    expect(entity('james-comey').aliases[0]).toEqual({ text: 'James Comey', caseSensitive: false, outside: true });
    expect(entity('john-kerry').aliases[0]).toEqual({ text: 'John Kerry', caseSensitive: false });
  });

  it('takes provenance from sources.json without adding to it', () => {
    expect(pack.sources.map((s) => s.id)).toEqual(['s000', 's001', 's002', 's003', 's004']);
    expect(pack.sources[1]).toMatchObject({ file: '001_60298ffe5bee1918.txt', date: '2016-09-10', label: 'AFP wire story (republished)' });
    expect(pack.sources[3]!.outlet).toMatch(/^unknown/);
  });
});

describe('buildPack failures name the file and the entry', () => {
  const base = (): PackInputs => structuredClone(inputs);

  it('rejects an empty corpus', () => {
    expect(() => buildPack({ ...base(), texts: [] })).toThrow(new PackBuildError('corpus', 'no .txt files: the corpus is empty'));
  });

  it('rejects an alias that no text uses unless marked outside', () => {
    const i = base();
    i.catalogEntities.push({ name: 'John Kerry Jr', type: 'person', aliases: ['Kerry Junior'] });
    expect(() => buildPack(i)).toThrow(/catalog entities.json \(john-kerry-jr\): alias "Kerry Junior" occurs in no corpus text/);
    i.catalogEntities.at(-1)!.aliases = [{ text: 'Kerry Junior', outside: true }];
    expect(() => buildPack(i)).not.toThrow();
  });

  it('rejects colliding ids and aliases claimed by two entities', () => {
    const i = base();
    i.catalogEntities.push({ name: 'John  Kerry', type: 'person', aliases: [] });
    expect(() => buildPack(i)).toThrow(/id "john-kerry" is used twice/);
    const j = base();
    j.catalogEntities.push({ name: 'Someone', type: 'person', aliases: ['kerry'] });
    expect(() => buildPack(j)).toThrow(/catalog entities.json \(someone\): alias "kerry" also names john-kerry/);
  });

  it('rejects provenance for a file that is not in the corpus', () => {
    const i = base();
    i.provenance[0]!.file = 'missing.txt';
    expect(() => buildPack(i)).toThrow(/sources.json \(missing.txt\): names a file that is not in the corpus/);
  });

  it('slugifies names into ids', () => {
    expect(slugify('Bashar al-Assad')).toBe('bashar-al-assad');
    expect(slugify('Erdoğan, Recep T.')).toBe('erdogan-recep-t');
  });
});
