import { describe, expect, it } from 'vitest';
import { extractCandidates, WELL_KNOWN } from './extract-entities';
import { nameKey } from './merge-names';

const extract = (...texts: string[]) => extractCandidates(texts.map((text, i) => ({ file: `${i}.txt`, text })));
const byName = (...texts: string[]) => new Map(extract(...texts).map((c) => [c.text, c]));

describe('extractCandidates: one entity per thing named, with every spelling', () => {
  it('merges a surname, a title, a possessive and a given-name variant into the full name', () => {
    const found = byName(
      'Foreign Minister Sergei Valkov arrived in Tolvik on Monday. President Valkov’s aides said Sergey Valkov would stay. Valkov declined to comment.',
    );
    expect(found.get('Sergei Valkov')).toMatchObject({ type: 'person', aliases: ['Sergei Valkov', 'Sergey Valkov', 'Valkov'], count: 4 });
    expect([...found.keys()].sort()).toEqual(['Sergei Valkov', 'Tolvik']);
  });

  it('reads "al-" prefixes, particles and double-barrelled surnames as one name', () => {
    const found = byName('Rami al-Hadid met Anouk van der Berg in Kessel. Rami Hadid said Al-Hadid was tired; Van der Berg agreed with Ines Moreau-Lind. Moreau-Lind left.');
    expect(found.get('Rami al-Hadid')?.aliases).toEqual(['Rami al-Hadid', 'Al-Hadid', 'Rami Hadid']);
    expect(found.get('Anouk van der Berg')?.aliases).toEqual(['Anouk van der Berg', 'Van der Berg']);
    expect(found.get('Ines Moreau-Lind')?.aliases).toEqual(['Ines Moreau-Lind', 'Moreau-Lind']);
  });

  it('pairs an acronym with its expansion only where the text pairs them, and applies the alias table', () => {
    const found = byName(
      'The Islamic State of Iraq and the Levant (ISIL) lost ground, and Daesh fighters fled. The National Grain Board (NGB) said ISIS had gone. The NGB reopened.',
    );
    expect(found.get('Islamic State of Iraq and the Levant')).toMatchObject({ type: 'armed group', aliases: ['Islamic State of Iraq and the Levant', 'Daesh', 'ISIL', 'ISIS'] });
    expect(found.get('National Grain Board')?.aliases).toEqual(['National Grain Board', 'NGB']);
  });

  it('merges an organisation with its short form, but not a place it is named after', () => {
    const found = byName(
      'Ostrel Bank will buy a rival, Ostrel said. Ostrel’s chief executive spoke in Kessel. The Kessel Council objected, and shops in Kessel closed.',
    );
    expect(found.get('Ostrel Bank')?.aliases).toEqual(['Ostrel Bank', 'Ostrel']);
    expect(found.get('Kessel')?.type).toBe('place');
    expect(found.get('Kessel Council')?.type).toBe('institution');
  });

  it('keeps two people who share a surname apart, and the short form out of both', () => {
    const found = byName('Anna Lund and Erik Lund met in Kessel. Lund said it went well.');
    expect(found.get('Anna Lund')?.aliases).toEqual(['Anna Lund']);
    expect(found.get('Erik Lund')?.aliases).toEqual(['Erik Lund']);
  });

  it('types people, bodies, armed groups, places and events from words and context', () => {
    const found = byName(
      [
        'Fighters of the Tarsk Liberation Front shelled Verrin, a town near the border, on Sunday, said Col. Ivo Marek.',
        'Jaish al-Tarsk militants held the Verrin bridge. Nadia Osei, 41, fled to Marrow province with her children.',
        'The Ministry of Defence and Veltrix Holdings, a logistics company, sent aid before Eid al-Fitr and the Marrow Harvest Festival.',
      ].join(' '),
    );
    expect(found.get('Tarsk Liberation Front')?.type).toBe('armed group');
    expect(found.get('Jaish al-Tarsk')?.type).toBe('armed group');
    expect(found.get('Ivo Marek')?.type).toBe('person');
    expect(found.get('Nadia Osei')?.type).toBe('person');
    expect(found.get('Verrin')?.type).toBe('place');
    expect(found.get('Marrow')?.type).toBe('place');
    expect(found.get('Ministry of Defence')?.type).toBe('institution');
    expect(found.get('Veltrix Holdings')?.type).toBe('organization');
    expect(found.get('Eid al-Fitr')?.type).toBe('event');
    expect(found.get('Marrow Harvest Festival')?.type).toBe('event');
  });

  it('finds names in quotations, and none that only page clutter names', () => {
    const text = 'Tolvik floods leave hundreds homeless\n\nBy Jon Reyes\n\n“Marta Iversen will decide,” said Lena Holm in Tolvik.\n\nComments\nPeteK 12 March 2024: Ask Sam Reid.';
    const names = extract(text).map((c) => c.text);
    expect(names).toEqual(expect.arrayContaining(['Marta Iversen', 'Lena Holm', 'Tolvik']));
    for (const clutter of ['Jon Reyes', 'PeteK', 'Sam Reid']) expect(names).not.toContain(clutter);
  });

  it('counts mentions across texts and is deterministic', () => {
    const a = 'Lena Holm spoke in Tolvik.';
    const b = 'Officials said Holm returned to Tolvik.';
    const found = extract(a, b);
    expect(found.find((c) => c.text === 'Lena Holm')).toMatchObject({ count: 2, files: ['0.txt', '1.txt'] });
    expect(extract(a, b)).toEqual(found);
  });
});

describe('the well-known alias table (assets/entities/well-known.json)', () => {
  it('names each entry among its spellings and gives no spelling to two entries', () => {
    const owner = new Map<string, string>();
    for (const e of WELL_KNOWN) {
      expect(e.spellings).toContain(e.name);
      for (const s of e.spellings) {
        expect([undefined, e.name], `${s} is in ${owner.get(nameKey(s))} and ${e.name}`).toContain(owner.get(nameKey(s)));
        owner.set(nameKey(s), e.name);
      }
    }
  });

  it('types a name the text calls by its last word as a person, and reads pronouns after "said"', () => {
    const found = byName('Protesters marched with Mahrang Tarvo on Monday. Tarvo was later barred from travelling. Kwabena Oteng said his farm had flooded.');
    expect(found.get('Mahrang Tarvo')).toMatchObject({ type: 'person', aliases: ['Mahrang Tarvo', 'Tarvo'] });
    expect(found.get('Kwabena Oteng')?.type).toBe('person');
  });

  it('names an entity by its full name rather than the nickname the text pairs with it', () => {
    const found = byName('Fighters loyal to Ramón Ortega, the smuggler known as “El Gato”, fled. El Gato was not seen again.');
    expect(found.get('Ramón Ortega')?.aliases).toEqual(['Ramón Ortega', 'El Gato']);
  });
});
