import { describe, expect, it } from 'vitest';
import { isVerbatimIn, locateEvidence, normalizeEvidence } from './evidence';

describe('evidence', () => {
  it('normalises quote marks, dashes and whitespace but keeps case and words', () => {
    expect(normalizeEvidence('  Aleppo’s  “opposition-held”\n districts ')).toBe('Aleppo\'s "opposition-held" districts');
  });

  it('accepts a quote that differs only in typography, and nothing else', () => {
    const source = 'the war that has killed 290,000 and\ndisplaced half the country’s population';
    expect(isVerbatimIn("displaced half the country's population", source)).toBe(true);
    expect(isVerbatimIn('killed 290,000 and displaced', source)).toBe(true);
    expect(isVerbatimIn('killed 500,000', source)).toBe(false);
    expect(isVerbatimIn('Killed 290,000', source)).toBe(false);
    expect(isVerbatimIn('   ', source)).toBe(false);
  });

  it('locates a quote in the original text', () => {
    const source = 'One.  The “regime”   forces moved.';
    const at = locateEvidence(source, 'The "regime" forces');
    expect(source.slice(at!.start, at!.end)).toBe('The “regime”   forces');
    expect(locateEvidence(source, 'absent')).toBeUndefined();
  });
});
