import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './quote-spans';

const spans = (s: string) => findQuoteSpans(s).map((q) => [q.text, q.scare]);

describe('findQuoteSpans', () => {
  it('finds curly, guillemet, straight and single quotes', () => {
    expect(spans('“We will agree on strikes,” said Lavrov.')).toEqual([['We will agree on strikes,', false]]);
    expect(spans('the « moderate rebels » of the U.S.')).toEqual([['moderate rebels', true]]);
    expect(spans("Washington must persuade 'moderate' rebels")).toEqual([['moderate', true]]);
    expect(spans('a "real chance" here')).toEqual([['real chance', true]]);
  });

  it('never opens a quote at an apostrophe inside a word', () => {
    expect(spans("Assad's forces and Kerry's plan")).toEqual([]);
    expect(spans("'Going after Nusra is not a concession,' Kerry said.")).toEqual([['Going after Nusra is not a concession,', false]]);
  });

  it('treats short quotes as citations when a speech verb is in the sentence', () => {
    expect(spans('Kerry called the deal a potential ‘turning point’ in the conflict')).toEqual([['turning point', false]]);
    expect(spans('strikes on areas controlled by “terrorists”.')).toEqual([['terrorists', true]]);
  });

  it('closes a “ quote at a second “ (a typo of captured pages)', () => {
    expect(spans('“This is not true, “said John Kirby.')).toEqual([['This is not true,', false]]);
  });

  it('ignores unclosed quotes and gives offsets of the words inside', () => {
    expect(spans('He said, “this never ends')).toEqual([]);
    const s = 'a “ spaced ” quote';
    const [q] = findQuoteSpans(s);
    expect(s.slice(q!.start, q!.end)).toBe('spaced');
  });
});
