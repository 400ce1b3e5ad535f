import { describe, expect, it } from 'vitest';
import { readGoldSet } from './gold';
import { evaluateVoices, GOLD_SETS } from './voices';

/**
 * A guard, not a tuning aid: the held-out articles' figures must stay at the targets (the test
 * reads only the figures, never prints a text or an error of that set).
 */
describe('whose words, against hand-made gold', () => {
  it('meets the targets on text it was not tuned on: quotation F1 ≥ 0.95, speaker accuracy ≥ 0.90', () => {
    const set = GOLD_SETS.find((s) => s.name === 'heldout')!;
    const result = evaluateVoices(readGoldSet(set.gold, set.texts), false);
    expect(result.articles).toBeGreaterThanOrEqual(10);
    expect(result.quotes.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.speakers.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.clutter.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the corpus as its gold says', () => {
    const set = GOLD_SETS.find((s) => s.name === 'corpus')!;
    const result = evaluateVoices(readGoldSet(set.gold, set.texts), false);
    expect(result.quotes.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.speakers.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
