import { describe, expect, it } from 'vitest';
import { sentenceAt, sentenceSpans } from './sentences';

describe('sentenceSpans', () => {
  it('splits sentences, trimmed, never across lines', () => {
    const text = 'One here.  Two there!\nThree';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['One here.', 'Two there!', 'Three']);
  });

  it('does not split after initials such as U.S. and U.N.', () => {
    const text = 'U.S. Secretary of State John Kerry met the U.N. envoy. Then he left.';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'U.S. Secretary of State John Kerry met the U.N. envoy.',
      'Then he left.',
    ]);
  });

  it('finds the sentence around an offset', () => {
    const text = 'First one. Kerry spoke. Last.';
    expect(sentenceAt(text, text.indexOf('Kerry'))).toBe('Kerry spoke.');
    expect(sentenceAt(text, 1000)).toBeUndefined();
  });
});
