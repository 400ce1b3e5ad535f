import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isVerbatimIn } from '../shared/evidence';
import { PackSchema, type KnowledgePack } from '../shared/knowledge';
import { buildPack, PackBuildError, slugify, type PackInputs } from './build-pack';
import { readInputs, serializePack } from './cli';
import { packJsonSchema, renderJsonSchema, SCHEMA_FILE } from './json-schema';
import { verifyPack } from './verify';

const { notes: _notes, ...inputs } = await readInputs('assets/corpus', 'assets/catalog');
const { pack, report } = buildPack(inputs);
const textOf = (p: KnowledgePack) => (sourceId: string) => inputs.texts.find((t) => t.file === p.sources.find((s) => s.id === sourceId)?.file)?.text ?? '';
const entity = (id: string) => pack.entities.find((e) => e.id === id)!;
const mention = (id: string, src: string) => entity(id).mentions.find((m) => m.sourceId === src);
const disagreement = (id: string) => pack.disagreements.find((d) => d.id === id)!;
const profile = (src: string, category: string) => pack.framing.profiles.find((p) => p.sourceId === src)!.counts.find((c) => c.category === category)!;

/** Every verbatim string the pack holds, with the source it must come from. */
const evidenceItems = (p: KnowledgePack): [string, string][] => [
  ...p.entities.flatMap((e) =>
    e.mentions.flatMap((m) => [m.sentence, ...m.sentences, ...m.quotes.flatMap((q) => [q.quote, q.sentence]), ...m.labels.flatMap((l) => [l.text, l.sentence])].map((s): [string, string] => [m.sourceId, s])),
  ),
  ...p.framing.profiles.flatMap((pr) => pr.counts.flatMap((c) => c.evidence.map((e): [string, string] => [pr.sourceId, e.sentence]))),
  ...p.claims.flatMap((c): [string, string][] => [[c.sourceId, c.text], [c.sourceId, c.sentence]]),
  ...p.disagreements.flatMap((d) => d.positions.flatMap((pos) => pos.evidence.flatMap((e): [string, string][] => [[pos.sourceId, e.quote], [pos.sourceId, e.sentence]]))),
];

describe('the pack and its schema', () => {
  it('validates against the valibot schema and survives a parse and re-serialise round trip unchanged', () => {
    expect(v.safeParse(PackSchema, pack).success).toBe(true);
    const text = serializePack(pack);
    expect(serializePack(JSON.parse(text))).toBe(text);
  });

  it('validates against the committed JSON Schema, which is generated from the types', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderJsonSchema());
    const validate = new Ajv({ strict: false }).compile(packJsonSchema());
    expect(validate(JSON.parse(serializePack(pack))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...pack, schemaVersion: 1 })).toBe(false);
  });

  it('is byte-identical across builds', async () => {
    const { notes: _, ...again } = await readInputs('assets/corpus', 'assets/catalog');
    expect(serializePack(buildPack(again).pack)).toBe(serializePack(pack));
  });
});

describe('coverage', () => {
  it('names 60 or more entities, every one mentioned in the corpus', () => {
    expect(pack.entities.length).toBeGreaterThanOrEqual(60);
    expect(pack.entities.filter((e) => e.mentions.length === 0).map((e) => e.id)).toEqual([]);
  });

  it('records every spelling each source uses (golden facts read off the texts)', () => {
    const names = (id: string, src: string) => mention(id, src)?.aliases;
    // The blog's own words: "Daesh" is Kerry's, in the statement it quotes.
    expect(names('islamic-state', 's002')).toEqual(['IS', 'Islamic State']);
    expect(mention('islamic-state', 's002')!.quotedAliases).toEqual([{ alias: 'Daesh', speaker: 'John Kerry' }]);
    expect(names('islamic-state', 's003')).toEqual(['ISIS']);
    expect(names('sergey-lavrov', 's001')).toEqual(['Lavrov', 'Sergei Lavrov']);
    expect(names('sergey-lavrov', 's003')).toEqual(['Lavrov', 'Sergey Lavrov']);
    expect(names('al-nusra-front', 's001')).toEqual(['Fateh al-Sham Front', 'al-Nusra', 'al-Nusra Front']);
    expect(names('al-nusra-front', 's002')).toEqual(['Jabhat al Nusra', 'Nusra']);
    expect(mention('al-nusra-front', 's002')!.quotedAliases).toEqual([{ alias: 'al-Nusrah', speaker: 'John Kerry' }]);
    expect(names('al-nusra-front', 's004')).toEqual(['Fath al-Sham', 'Jabhat Fatah al-Sham']);
    expect(names('deir-ez-zor', 's000')).toEqual(['Deir al-Zur']);
    expect(names('deir-ez-zor', 's002')).toEqual(['Deir Ezzor']);
    expect(names('eid-al-adha', 's001')).toEqual(['Eid al-Azha']);
    expect(names('eid-al-adha', 's003')).toEqual(['Eid al-Adha']);
    expect(entity('john-kerry').mentions.map((m) => [m.sourceId, m.count])).toEqual([['s001', 6], ['s002', 4], ['s003', 9]]);
  });

  it('attributes quotes, and reads labels and descriptors', () => {
    expect(mention('sergey-lavrov', 's001')!.quotes.map((q) => q.quote)).toContain('100 percent guarantee');
    expect(mention('john-kerry', 's003')!.quotes.map((q) => q.quote)).toContain('turning point');
    expect(mention('charles-lister', 's004')!.quotes.map((q) => q.quote)).toEqual(['marbled', 'coupled', 'coalition of the Crusaders']);
    expect(mention('john-kirby', 's000')!.quotes[0]!.quote).toMatch(/^We saw reports based on the comments/);
    expect(mention('john-kirby', 's000')!.labels.map((l) => l.text)).toContain('State Department spokesman');
    expect(mention('charles-lister', 's001')!.labels.map((l) => l.text)).toContain('a senior fellow at the Middle East Institute think-tank');
    const rebels = (src: string) => mention('syrian-armed-opposition', src)!.labels.filter((l) => l.kind === 'lexicon');
    expect(rebels('s002').filter((l) => l.distancing === 'scare').map((l) => l.text)).toContain('moderate');
    expect(rebels('s003').find((l) => l.text === 'moderate')?.distancing).toBe('scare');
    expect(rebels('s002').map((l) => l.text)).toContain('proxy forces');
    expect(mention('syrian-government', 's000')!.labels.map((l) => l.text)).toContain('regime');
    expect(mention('sergey-lavrov', 's001')!.related[0]).toEqual({ entityId: 'john-kerry', count: 3 });
  });

  it('keeps reader comments and publisher footers out of everything said of a source', () => {
    // AFP names Obama once; the other five are in the reader comment below the article.
    expect(mention('barack-obama', 's001')).toMatchObject({ count: 1, aliases: ['Barack Obama'] });
    expect(mention('united-states', 's001')!.aliases).toEqual(['U.S.', 'United States']);
    expect(mention('turkey', 's001')).toBeUndefined();
    expect(pack.entities.some((e) => e.id === 'sunday-today')).toBe(false);
    expect(pack.sources[1]!.excluded.map((x) => x.reason)).toContain('comments');
    expect(pack.sources[2]!.excluded.map((x) => x.reason)).toContain('footer');
    expect(profile('s001', 'scare-quotes').terms.map((t) => t.term)).toEqual(['terrorist']);
    expect(profile('s002', 'scare-quotes').terms.map((t) => t.term)).toContain('moderate rebels');
    expect(profile('s002', 'scare-quotes').terms.map((t) => t.term).some((t) => t.includes('équitable'))).toBe(false);
    expect(pack.claims.some((c) => c.text.includes('600 tons'))).toBe(false);
  });

  it('profiles each source’s framing: regime vs government', () => {
    expect(profile('s002', 'state-regime').count).toBe(0);
    expect(profile('s003', 'state-regime').count).toBe(0);
    expect(profile('s001', 'state-regime').count).toBeGreaterThan(profile('s001', 'state-government').count);
    expect(profile('s002', 'state-government').count).toBeGreaterThan(3);
  });

  it('takes provenance from sources.json without adding to it', () => {
    expect(pack.sources.map((s) => s.id)).toEqual(['s000', 's001', 's002', 's003', 's004']);
    expect(pack.sources[1]).toMatchObject({ file: '001_60298ffe5bee1918.txt', date: '2016-09-10', label: 'AFP wire story (republished)' });
    expect(pack.sources[3]!.outlet).toMatch(/^unknown/);
    expect(pack.sources[2]!.provenanceNote).toContain('Mondialisation.ca, 21 mai 2016');
  });
});

describe('disagreements', () => {
  it('holds the curated ones with positions, verbatim evidence and silent sources', () => {
    const toll = disagreement('war-death-toll');
    expect(toll.positions.map((p) => [p.sourceId, p.evidence[0]!.quote])).toEqual([
      ['s001', 'the five-year civil war that has killed 290,000'],
      ['s003', 'more than five years of bloodshed that has claimed the lives of 500,000 people'],
    ]);
    // The 500,000 stands in a sentence reporting Kerry ("It could also, he says, end …"): his, as reported.
    expect(toll.positions.map((p) => p.holder)).toEqual([{ voice: 'own' }, { voice: 'attributed', who: 'John Kerry' }]);
    // Sources that speak of deaths without the war's toll touch the point; only one says nothing of it.
    expect(toll.mentions.map((m) => m.sourceId)).toEqual(['s002', 's004']);
    expect(toll.silent).toEqual(['s000']);
    const timing = disagreement('deal-timing');
    expect(timing.positions.map((p) => p.position)).toEqual(['late on Friday', 'early Saturday morning', 'early on Saturday']);
    expect(timing.apparent).toMatch(/same moment/);
    const february = disagreement('february-cessation');
    expect(february.positions.map((p) => p.sourceId)).toEqual(['s001', 's002']);
    expect(february.mentions.map((m) => [m.sourceId, m.evidence[0]!.quote])).toEqual([['s000', 'previous attempts'], ['s003', 'previous bargains']]);
    // The aggregator's "cessation of hostilities" is Kodmani's demand for the new deal: nothing on February's truce.
    expect(february.silent).toEqual(['s004']);
    // The May blog post is months older than the rest: said next to its position.
    expect(february.positions.find((p) => p.sourceId === 's002')!.dateNote).toMatch(/months before the others/);
    expect(february.positions.find((p) => p.sourceId === 's001')!.dateNote).toBeUndefined();
    // A position that is only what "US officials said" was the blog's only side against another outlet: no disagreement of outlets, none stated.
    expect(pack.disagreements.some((d) => d.id === 'russia-military-role')).toBe(false);
    expect(disagreement('east-aleppo').positions.map((p) => p.sourceId)).toEqual(['s001', 's002', 's004']);
  });

  it('computes naming and framing disagreements from the texts', () => {
    const nusra = disagreement('naming-nusra');
    expect(nusra.positions.find((p) => p.sourceId === 's004')!.position).toBe('Calls it “Fath al-Sham”, “Jabhat Fatah al-Sham”');
    expect(nusra.positions.find((p) => p.sourceId === 's004')!.evidence.map((e) => e.quote)).toEqual(['Fath al-Sham', 'Jabhat Fatah al-Sham']);
    expect(disagreement('naming-islamic-state').positions.find((p) => p.sourceId === 's002')!.position).not.toContain('“Daesh”');
    // The VOA analysis names Nusra only inside Kirby's statement: it touches the point, in his words.
    expect(nusra.mentions.map((m) => m.sourceId)).toEqual(['s000']);
    const regime = disagreement('regime-or-government');
    expect(regime.positions.find((p) => p.sourceId === 's002')!.position).not.toContain('regime');
    expect(regime.positions.find((p) => p.sourceId === 's001')!.position).toMatch(/^Uses “regime” ×\d/);
    expect(disagreement('rebel-labels').positions.find((p) => p.sourceId === 's002')!.position).toContain('“proxy forces”');
  });

  it('finds differing figures without curation, and says which curated point covers them', () => {
    const uncurated = buildPack({ ...inputs, claimsCatalog: [] }).pack;
    const deaths = uncurated.disagreements.find((d) => d.id === 'figures-deaths-total')!;
    expect(deaths.origin).toBe('extracted');
    expect(deaths.positions.map((p) => [p.sourceId, p.position])).toEqual([['s001', '290,000'], ['s003', '500,000 people']]);
    expect(deaths.apparent).toBeUndefined();
    // Late on Friday and early on Saturday can be one moment: an apparent difference, said to be one.
    const day = uncurated.disagreements.find((d) => d.id === 'figures-day-deal')!;
    expect(day.positions.map((p) => p.position)).toEqual(['late on Friday', 'early Saturday morning', 'early on Saturday']);
    expect(day.apparent).toBeDefined();
    // "a day-long meeting" and "more than 13 hours" can both be true.
    expect(uncurated.disagreements.find((d) => d.id === 'figures-duration-talks')?.apparent).toBeDefined();
    expect(disagreement('figures-deaths-total').curatedAs).toBe('war-death-toll');
    expect(disagreement('figures-day-deal').curatedAs).toBe('deal-timing');
    // Local recent tolls about different places are not set against each other.
    expect(uncurated.disagreements.some((d) => d.id.startsWith('figures-deaths-recent'))).toBe(false);
  });
});

describe('whose words (property over the whole pack)', () => {
  const inside = (spans: readonly { start: number; end: number }[], start: number, end: number) => spans.some((q) => q.start < end && start < q.end);
  const said = (src: string) => pack.sources.find((s) => s.id === src)!;
  const notOwn = (src: string) => [...said(src).excluded, ...said(src).quotes.filter((q) => !q.scare)];

  it('no framing count of a source lies inside its quotations or its clutter; every quoted one does', () => {
    let counted = 0;
    for (const p of pack.framing.profiles) {
      const text = textOf(pack)(p.sourceId);
      for (const c of p.counts) {
        for (const e of c.evidence) {
          counted++;
          // Computed categories count whole quotations (named attribution) or scare quotes: their offsets start a quotation.
          if (c.category === 'attribution-named' || c.category === 'scare-quotes') continue;
          expect(inside(notOwn(p.sourceId), e.start, e.start + e.term.length), `${p.sourceId} ${c.category} “${e.term}” at ${e.start}`).toBe(false);
          expect(text.slice(e.start, e.start + e.term.length).toLowerCase()).toBe(e.term);
        }
        for (const q of c.quoted) expect(inside(said(p.sourceId).quotes.filter((x) => !x.scare), q.start, q.start + q.term.length)).toBe(true);
      }
    }
    expect(counted).toBeGreaterThan(100);
  });

  it('every spelling a source is said to use stands at least once in its own words, outside quotations and clutter', () => {
    for (const e of pack.entities) {
      for (const m of e.mentions) {
        const text = textOf(pack)(m.sourceId);
        for (const alias of m.aliases) {
          const at = [...text.matchAll(new RegExp(alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'))].map((x) => x.index);
          expect(at.some((i) => !inside(notOwn(m.sourceId), i, i + alias.length)), `${e.id} “${alias}” in ${m.sourceId}`).toBe(true);
        }
      }
    }
  });

  it('every label and title a source attaches stands in its own words', () => {
    for (const e of pack.entities) {
      for (const m of e.mentions) {
        const text = textOf(pack)(m.sourceId);
        for (const l of m.labels) {
          // Some occurrence of the label, inside some occurrence of its sentence, is the source's own.
          const own = [...text.matchAll(new RegExp(l.sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].some((x) => {
            const at = text.indexOf(l.text, x.index);
            return at >= 0 && at < x.index + l.sentence.length && !inside(notOwn(m.sourceId), at, at + l.text.length);
          });
          expect(own || l.distancing === 'scare', `${e.id} label “${l.text}” in ${m.sourceId}`).toBe(true);
        }
      }
    }
  });
});

describe('integrity', () => {
  it('every evidence string is verbatim in its source (property, over all of them)', () => {
    const items = evidenceItems(pack);
    expect(items.length).toBeGreaterThan(1000);
    fc.assert(
      fc.property(fc.constantFrom(...items), ([sourceId, s]) => isVerbatimIn(s, textOf(pack)(sourceId))),
      { numRuns: 2000 },
    );
    expect(verifyPack(pack, textOf(pack))).toEqual([]);
  });

  it('the verifier catches any altered evidence string (property)', () => {
    const items = evidenceItems(pack).filter(([, s]) => s.length > 5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: items.length - 1 }), fc.integer({ min: 1, max: 1000 }), (i, at) => {
        const [, original] = items[i]!;
        const altered = JSON.parse(JSON.stringify(pack).replaceAll(JSON.stringify(original).slice(1, -1), `${original.slice(0, at % original.length)}\u0416${original.slice(at % original.length)}`));
        return verifyPack(altered, textOf(pack)).length > 0;
      }),
      { numRuns: 60 },
    );
  });
});

describe('extraction alone', () => {
  it('finds at least 80% of the catalog’s entities that the texts name outside page clutter', () => {
    expect(report.recall!.total).toBe(pack.entities.length);
    expect(report.recall!.found / report.recall!.total).toBeGreaterThanOrEqual(0.8);
  });

  it('builds a useful pack from a corpus with no catalog', () => {
    const bare = buildPack({ ...inputs, catalogEntities: undefined, catalogSources: [], claimsCatalog: [], lexicon: [] }).pack;
    expect(v.safeParse(PackSchema, bare).success).toBe(true);
    expect(bare.entities.every((e) => e.origin === 'extracted')).toBe(true);
    const ids = bare.entities.map((e) => e.id);
    for (const id of ['john-kerry', 'sergey-lavrov', 'bashar-al-assad', 'aleppo', 'syria', 'russia', 'islamic-state']) expect(ids).toContain(id);
    // Spelling variants are one entity, armed groups are not people.
    expect(bare.entities.find((e) => e.id === 'sergey-lavrov')!.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['Lavrov', 'Sergei Lavrov']));
    expect(bare.entities.find((e) => e.id === 'jaish-al-islam')!.type).toBe('armed group');
    expect(bare.disagreements.find((d) => d.id === 'figures-deaths-total')).toBeDefined();
    expect(verifyPack(bare, textOf(bare))).toEqual([]);
  });
});

describe('failures name the file and the entry, and nothing is built', { timeout: 30_000 }, () => {
  const base = (): PackInputs => structuredClone(inputs);
  const fails = (mutate: (i: PackInputs) => void, message: RegExp) => {
    const i = base();
    mutate(i);
    expect(() => buildPack(i)).toThrow(message);
  };

  it('an empty corpus', () => {
    expect(() => buildPack({ ...base(), texts: [] })).toThrow(new PackBuildError('corpus', 'no .txt files: the corpus is empty'));
  });

  it('an alias no text uses, unless marked outside', () => {
    fails((i) => i.catalogEntities!.push({ name: 'Kerry Junior', type: 'person', aliases: ['K. Junior'] }), /catalog entities.json \(kerry-junior\): alias "K. Junior" occurs in no corpus text/);
    const i = base();
    i.catalogEntities!.push({ name: 'Kerry Junior', type: 'person', aliases: [{ text: 'K. Junior', outside: true }] });
    expect(() => buildPack(i)).not.toThrow();
  });

  it('colliding ids and aliases claimed twice', () => {
    fails((i) => i.catalogEntities!.push({ name: 'John  Kerry', type: 'person', aliases: [] }), /id "john-kerry" is used twice/);
    fails((i) => i.catalogEntities!.push({ name: 'Someone', type: 'person', aliases: ['kerry'] }), /\(someone\): alias "kerry" also names john-kerry/);
    fails((i) => i.claimsCatalog.push(structuredClone(i.claimsCatalog[0]!)), /claims.json \(war-death-toll\): id is used twice/);
  });

  it('files and ids that do not exist', () => {
    fails((i) => (i.provenance[0]!.file = 'missing.txt'), /sources.json \(missing.txt\): names a file that is not in the corpus/);
    fails((i) => (i.claimsCatalog[0]!.positions![0]!.file = 'missing.txt'), /claims.json \(war-death-toll\): names "missing.txt", which is not in the corpus/);
    fails((i) => (i.claimsCatalog[0]!.entities = ['nobody']), /claims.json \(war-death-toll\): unknown entity "nobody"/);
  });

  it('evidence that is not verbatim in its source, and roles no text states', () => {
    fails((i) => (i.claimsCatalog[0]!.positions![0]!.evidence = ['has killed 300,000']), /claims.json \(war-death-toll\): evidence "has killed 300,000" is not in 001_60298ffe5bee1918.txt/);
    fails((i) => (i.catalogEntities!.find((e) => e.name === 'John Kerry')!.role = 'Nobel laureate'), /entities.json \(john-kerry\): role "Nobel laureate" is not stated in any corpus text/);
  });

  it('a curated position that mixes the outlet’s words with someone it quotes, and evidence in page clutter', () => {
    // AFP's own "allied itself" and Lister's "reluctant to withdraw" (…, he said) are two voices.
    const mixed = (i: PackInputs) =>
      (i.claimsCatalog.find((c) => c.id === 'rebels-and-nusra')!.positions![0]!.evidence = [
        'which has allied itself with a range of rebels at different points in the fluid conflict',
        'Mainstream rebels appear reluctant to withdraw from frontlines where Fateh al-Sham Front jihadists are also present',
      ]);
    fails(mixed, /claims.json \(rebels-and-nusra\): the evidence for 001_60298ffe5bee1918.txt mixes voices \(own, Charles Lister\)/);
    fails((i) => (i.claimsCatalog[0]!.positions![0]!.evidence = ['The Obama administration admitted in congressional testimony']), /claims.json \(war-death-toll\): evidence "The Obama administration admitted in congressional testimony" is page clutter in 001_60298ffe5bee1918.txt/);
  });

  it('slugifies names into ids', () => {
    expect(slugify('Bashar al-Assad')).toBe('bashar-al-assad');
    expect(slugify('Erdoğan, Recep T.')).toBe('erdogan-recep-t');
  });
});
