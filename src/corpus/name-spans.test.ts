import { describe, expect, it } from 'vitest';
import { findNames } from './name-spans';

const names = (text: string, excluded: { start: number; end: number }[] = []) => findNames(text, excluded).names.map((n) => n.text);

describe('findNames', () => {
  it('takes titles, possessives and a leading "the" off, and keeps name particles', () => {
    expect(names('Health Minister Karin Holm met Mr. van der Berg at the Tolvik Institute. Holm’s aides said The Harbour Gazette was wrong.')).toEqual([
      'Karin Holm',
      'van der Berg',
      'Tolvik Institute',
      'Holm',
      'Harbour Gazette',
    ]);
    expect(findNames('Dr. Amara Osei spoke.').names[0]).toMatchObject({ text: 'Amara Osei', title: 'person' });
  });

  it('joins "of"/"for" after a head noun, and "and" inside such a name or before a shared head', () => {
    expect(names('Officials at the Institute for Water and Soil and the Fire and Rescue Directorate met Prof. Lina Berg of the University of Kessel.')).toEqual([
      'Institute for Water and Soil',
      'Fire and Rescue Directorate',
      'Lina Berg',
      'University of Kessel',
    ]);
    // Two names joined by "and" stay two.
    expect(names('Talks between Varna Bank and Ostrel were confirmed in Dalmora and Veleto.')).toEqual(['Varna Bank', 'Ostrel', 'Dalmora', 'Veleto']);
  });

  it('drops the ordinary words that open sentences, demonyms, months and fragments', () => {
    expect(names('Residents fled. Analysts said the Tolvik office would shut. Rescuers reached Marrow on Friday in March.')).toEqual(['Tolvik', 'Marrow']);
    expect(names('Officials in Kessel and Lusanian exporters met Syrian envoys. The Department said nothing.')).toEqual(['Kessel']);
    expect(names('Tickets sold out. Drought has hit Marrow.')).toEqual(['Marrow']);
    expect(names('Russian-backed forces and al-Qaida-linked fighters crossed into Veleto.')).toEqual(['al-Qaida', 'Veleto']);
  });

  it('keeps a sentence-initial name the text confirms, and a particle that opens a name', () => {
    expect(names('Ostrel rose. Shares in Ostrel fell. Van der Berg: we expected it.')).toEqual(['Ostrel', 'Ostrel', 'Van der Berg']);
  });

  it('keeps from a headline only the names its prose uses', () => {
    expect(names('Kessel Mayor Vows To Fight Dam Plan\n\nThe dam near Kessel was approved by Varna Bank.')).toEqual(['Kessel', 'Kessel', 'Varna Bank']);
  });

  it('pairs an acronym with the name it stands beside in brackets', () => {
    const { pairs } = findNames('The National Water Office (NWO) warned on Monday. The Tolvik Museum in Kessel (MTK) reopened.');
    expect(pairs.map((p) => [p.long.text, p.short.text])).toEqual([
      ['National Water Office', 'NWO'],
      ['Tolvik Museum', 'MTK'],
    ]);
  });

  it('skips page clutter, but not quotations', () => {
    const text = 'By Jon Reyes\n“Marta Iversen will decide,” said Lena Holm.';
    expect(names(text, [{ start: 0, end: 12 }])).toEqual(['Marta Iversen', 'Lena Holm']);
  });

  it('keeps an unknown sentence-initial word that an apposition describes', () => {
    expect(names('Velmaro, the national fisheries service, opened an inquiry.')).toEqual(['Velmaro']);
    expect(names('Drought, the worst in years, hit Marrow.')).toEqual(['Marrow']);
  });

  it('drops words shaped like adjectives of a place that the text writes only before a noun', () => {
    expect(names('The Zembaran army and a Tolvani group met Atlantic salmon farmers in Kessel.')).toEqual(['Kessel']);
    expect(names('The Zembaran army left. Zembaran officials said Marrow is calm.')).toEqual(['Marrow']);
    // A place named alone, or before a word for a place, stays.
    expect(names('Troops guard the Afungi peninsula near Mali. Mali troops left.')).toEqual(['Afungi', 'Mali', 'Mali']);
  });

  it('keeps a demonym inside a body’s name after a compass word, and a short given name spelt like a month', () => {
    expect(names('The Southern African Development Community met Jan Egeland and Ján Kerna.')).toEqual(['Southern African Development Community', 'Jan Egeland', 'Ján Kerna']);
    expect(names('The International Organization for Migration said so.')).toEqual(['International Organization for Migration']);
  });

  it('joins a party named by two words and "and" before "party" or its acronym, and a body named by its aim after "to"', () => {
    expect(names('The opposition Peace and Order party (POP) walked out, backed by Bread and Roses (BaR). The Committee to Defend Reporters said Tarvo and Lenska agreed.')).toEqual([
      'Peace and Order',
      'POP',
      'Bread and Roses',
      'BaR',
      'Committee to Defend Reporters',
      'Tarvo',
      'Lenska',
    ]);
    // An army sent to a place stays apart from it.
    expect(names('Officials sent the Kessel Army to Dalmora on Friday.')).toEqual(['Kessel Army', 'Dalmora']);
  });

  it('keeps a demonym before "Republic", and reads a lower-case office after an article as a description', () => {
    expect(names('Troops reached the Ruritanian Republic. Anna Lisk, the head of East Varna district, spoke.')).toEqual(['Ruritanian Republic', 'Anna Lisk', 'East Varna']);
    expect(names('Secretary of State Mara Venn flew in.')).toEqual(['Mara Venn']);
  });

  it('keeps an unknown sentence-initial word described by a relative clause, and takes foreign honorifics off', () => {
    expect(names('Skolvetaten, which runs the city’s schools, said so. Bupati Anton Wela and Alhaji Musa Dankoli met.')).toEqual(['Skolvetaten', 'Anton Wela', 'Musa Dankoli']);
  });

  it('pairs a full name with the nickname the text says it is known as, and a body with its own-language name', () => {
    const { pairs } = findNames('Fighters loyal to Ramón Ortega, the smuggler known as “El Gato”, fled. The Kessel Data Authority (Datavakten) opened an inquiry.');
    expect(pairs.map((p) => [p.long.text, p.short.text])).toEqual([
      ['Kessel Data Authority', 'Datavakten'],
      ['Ramón Ortega', 'El Gato'],
    ]);
  });

  it('keeps a name before a title when it ends in a head noun, a title word that ends a name joined by "and", and an acronym shaped like a plural title', () => {
    expect(names('Officials said Ruritanian Republic President Anton Wela and Kessel Commission President Mara Venn met Health Minister Ola Tarn.')).toEqual([
      'Ruritanian Republic',
      'Anton Wela',
      'Kessel Commission',
      'Mara Venn',
      'Ola Tarn',
    ]);
    const { names: found, pairs } = findNames('The opposition Truth and Justice party (TiS) and the Multiregional Security Support mission (MSS) spoke.');
    expect(found.map((n) => n.text)).toEqual(['Truth and Justice', 'TiS', 'Multiregional Security Support', 'MSS']);
    expect(pairs.map((p) => [p.long.text, p.short.text])).toEqual([
      ['Truth and Justice', 'TiS'],
      ['Multiregional Security Support', 'MSS'],
    ]);
  });

  it('reads "US" as a name, "One" inside a name, a legislature with a capital, and a demonym in a party’s name', () => {
    expect(names('Figures from the US Geological Survey and Vanadium One reached Congress, where the Rak Thai party objected. The US agreed.')).toEqual([
      'US Geological Survey',
      'Vanadium One',
      'Congress',
      'Rak Thai',
      'US',
    ]);
  });

  it('keeps a well-known name shaped like an adjective', () => {
    const text = 'The Taliban government in Kessel denied it.';
    expect(findNames(text).names.map((n) => n.text)).toEqual(['Kessel']);
    expect(findNames(text, [], new Set(['taliban'])).names.map((n) => n.text)).toEqual(['Taliban', 'Kessel']);
  });

  it('joins the words an acronym in brackets spells, across "and" and "in", and reads "US$" as a currency', () => {
    const { names: found, pairs } = findNames('Agbor Tanyi heads the Centre for Rights and Democracy in Kessel (CRDK). The Flood Risk Reduction and Relief Authority (FRRRA) paid US$2 million.');
    expect(found.map((n) => n.text)).toEqual(['Agbor Tanyi', 'Centre for Rights and Democracy in Kessel', 'CRDK', 'Flood Risk Reduction and Relief Authority', 'FRRRA']);
    expect(pairs.map((p) => [p.long.text, p.short.text])).toEqual([
      ['Centre for Rights and Democracy in Kessel', 'CRDK'],
      ['Flood Risk Reduction and Relief Authority', 'FRRRA'],
    ]);
  });

  it('keeps sentence openers that a lead word, a kind noun or the well-known table confirms, and drops lone compass words and creeds before a noun', () => {
    expect(names('Typhoon Kessa tore roofs off. Wazalo militias, which fight on, said so. Separatist militants fled. South African soldiers and the Peronist opposition met. He wrote on X.')).toEqual([
      'Typhoon Kessa',
      'Wazalo',
      'X',
    ]);
    expect(findNames('United Nations experts said so.', [], new Set(['united nations'])).names.map((n) => n.text)).toEqual(['United Nations']);
  });

  it('joins "to" inside an of-phrase and "and" before a shared head of ordinary words, not two firms', () => {
    expect(names('The National Service for Attention to Adults Deprived of Liberty and the Kessel Disaster and Dyke Management Authority met. Shares of Tarvo SDI and LG Energy Solution fell.')).toEqual([
      'National Service for Attention to Adults Deprived of Liberty',
      'Kessel Disaster and Dyke Management Authority',
      'Tarvo SDI',
      'LG Energy Solution',
    ]);
    const { pairs } = findNames('The Kessel Prison Service, known by its Spanish initials as SPK, said so.');
    expect(pairs.map((p) => [p.long.text, p.short.text])).toEqual([['Kessel Prison Service', 'SPK']]);
  });

  it('keeps a hyphenated given name whole, takes "President-elect" off, and joins "und" inside a firm’s name', () => {
    expect(names('Premier Chen Chien-jen met President-elect Lai Ching-te. Shares of Kesseler Hafen und Logistik AG rose.')).toEqual([
      'Chen Chien-jen',
      'Lai Ching-te',
      'Kesseler Hafen und Logistik AG',
    ]);
  });
});
