import { describe, expect, it } from 'vitest';
import type { EntityType } from '../shared/knowledge';
import { Matcher } from '../shared/matcher';
import { sentenceLookup, sentenceSpans } from '../shared/sentences';
import { readVoices } from '../shared/voices';
import { analyzeMentions } from './mention-analysis';

const types: Record<string, EntityType> = {
  lavrov: 'person', kerry: 'person', pentagon: 'institution', moscow: 'place', regime: 'institution', rebels: 'armed group', lister: 'person',
};
const entities = new Matcher([
  { text: 'Sergei Lavrov', entityId: 'lavrov', caseSensitive: false },
  { text: 'Lavrov', entityId: 'lavrov', caseSensitive: false },
  { text: 'Kerry', entityId: 'kerry', caseSensitive: false },
  { text: 'Pentagon', entityId: 'pentagon', caseSensitive: false },
  { text: 'Moscow', entityId: 'moscow', caseSensitive: false },
  { text: 'Syrian regime', entityId: 'regime', caseSensitive: false },
  { text: 'rebels', entityId: 'rebels', caseSensitive: false },
  { text: 'Charles Lister', entityId: 'lister', caseSensitive: false },
]);
const lexicon = new Matcher([
  { text: 'moderate', entityId: 'opposition-words', caseSensitive: false },
  { text: 'regime', entityId: 'regime-words', caseSensitive: false },
  { text: 'marathon', entityId: 'loaded', caseSensitive: false },
]);
const names: Record<string, string> = { lavrov: 'Sergei Lavrov', kerry: 'John Kerry', pentagon: 'Pentagon', moscow: 'Moscow', regime: 'Syrian regime', rebels: 'rebels', lister: 'Charles Lister' };
const analyze = (text: string) => {
  const matches = entities.find(text);
  const voices = readVoices(text, matches.map((m) => ({ start: m.start, end: m.end, entityId: m.entityId, name: names[m.entityId]!, person: types[m.entityId] === 'person' })));
  return analyzeMentions(text, matches, (id) => types[id], lexicon, new Set(['opposition-words', 'regime-words']), sentenceLookup(sentenceSpans(text)), voices);
};

describe('quotations', () => {
  it('attributes a quote to the name after it or before it', () => {
    const d = analyze('“We will agree on strikes,” said Lavrov. Kerry said it would be ‘wise’ to wait.');
    expect(d.get('lavrov')!.quotes.map((q) => q.quote)).toEqual(['We will agree on strikes,']);
    expect(d.get('kerry')!.quotes.map((q) => q.quote)).toEqual(['wise']);
  });

  it('resolves "he added" to the last person named, and continues an attributed quote', () => {
    const d = analyze('Lavrov cautioned that Moscow could not “100 percent guarantee” it. “The Government is ready,” he added. “It will comply.”');
    expect(d.get('lavrov')!.quotes.map((q) => q.quote)).toEqual(['100 percent guarantee', 'The Government is ready,', 'It will comply.']);
  });

  it('skips places as speakers and finds the body that spoke', () => {
    const d = analyze('Only if commitments by Moscow are “fully met” will strikes start, the Pentagon said in a statement.');
    expect(d.get('pentagon')!.quotes.map((q) => q.quote)).toEqual(['fully met']);
    expect(d.get('moscow')?.quotes ?? []).toEqual([]);
  });

  it('attributes nothing without a speech verb tying quote and name', () => {
    expect([...analyze('Kerry arrived. “Nobody knows what comes next.”').values()].flatMap((x) => x.quotes)).toEqual([]);
  });
});

describe('labels', () => {
  it('reads titles before a person and appositions after a name', () => {
    const d = analyze('Russian Foreign Minister Sergei Lavrov spoke, said Charles Lister, a senior fellow at the Middle East Institute think-tank.');
    expect(d.get('lavrov')!.labels.map((l) => [l.kind, l.text])).toEqual([['title', 'Russian Foreign Minister']]);
    expect(d.get('lister')!.labels.map((l) => [l.kind, l.text])).toEqual([['apposition', 'a senior fellow at the Middle East Institute think-tank']]);
  });

  it('takes lexicon labels from the name and the words before it, marking scare quotes and reported words', () => {
    const d = analyze("The Syrian regime fought. Washington must persuade 'moderate' rebels.");
    expect(d.get('regime')!.labels.map((l) => [l.text, l.category])).toEqual([['regime', 'regime-words']]);
    expect(d.get('rebels')!.labels.map((l) => [l.text, l.distancing])).toEqual([['moderate', 'scare']]);
    expect(analyze('The U.S. backs rebels it regards as moderate and so-called moderate rebels.').get('rebels')!.labels.map((l) => [l.text, l.distancing])).toEqual([['moderate', 'reported']]);
  });

  it('keeps at a distance only the words a source does not use as its own ("moderate" of « moderate rebels »)', () => {
    const text = 'Washington backs the « moderate rebels ». The rebels fought on.';
    const rebels = new Matcher([{ text: 'rebels', entityId: 'rebels', caseSensitive: false }]);
    const words = new Matcher(['moderate', 'rebels'].map((t) => ({ text: t, entityId: 'opposition-words', caseSensitive: false })));
    const d = analyzeMentions(text, rebels.find(text), () => 'armed group', words, new Set(['opposition-words']), sentenceLookup(sentenceSpans(text)), readVoices(text));
    expect(d.get('rebels')!.labels.map((l) => [l.text, l.distancing ?? 'own'])).toEqual([
      ['moderate', 'scare'],
      ['rebels', 'own'],
    ]);
  });

  it('takes no label, title or apposition from words the source only quotes', () => {
    const d = analyze('“Moscow must stop the Syrian regime, and the moderate rebels must leave,” Charles Lister said.');
    expect(d.get('regime')!.labels).toEqual([]);
    expect(d.get('rebels')!.labels).toEqual([]);
    expect(d.get('lister')!.quotes.map((q) => q.kind)).toEqual(['full']);
  });

  it('never labels across a conjunction, nor with words of other categories', () => {
    const d = analyze('Fighting between the regime and the rebels went on after marathon talks with Lavrov.');
    expect(d.get('rebels')!.labels).toEqual([]);
    expect(d.get('lavrov')!.labels).toEqual([]);
  });

  it('counts entities named in the same sentence', () => {
    const d = analyze('Kerry met Lavrov. Kerry and Lavrov met again in Moscow.');
    expect([...d.get('kerry')!.related]).toEqual([
      ['lavrov', 2],
      ['moscow', 1],
    ]);
  });
});
