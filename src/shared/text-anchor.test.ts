import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, anchorQuoteSteps, describeSpan } from './text-anchor';

const page =
  'Kerry and Lavrov met in Geneva. The truce would start on Monday. ' +
  'Aid would reach Aleppo. The truce would start on Monday, officials said again.';

describe('anchorQuote', () => {
  const at = page.indexOf('The truce would start on Monday.');
  const saved = describeSpan(page, at, at + 'The truce would start on Monday.'.length);

  it('keeps the saved place while the text there is unchanged', () => {
    expect(anchorQuote(page, saved.quote, saved.position)).toEqual({ ...saved.position, how: 'position' });
  });

  it('finds the quote verbatim elsewhere when text was added before it, choosing by context', () => {
    const edited = `Breaking: a new first line. ${page}`;
    const anchor = anchorQuote(edited, saved.quote, saved.position)!;
    expect(anchor.how).toBe('exact');
    expect(edited.slice(anchor.start, anchor.end)).toBe('The truce would start on Monday.');
    // The first occurrence (after "Geneva."), not the later one with ", officials said".
    expect(anchor.start).toBe(edited.indexOf('The truce would start on Monday.'));
    // Context decides even against the saved position: the second sentence's own context wins.
    const second = page.lastIndexOf('The truce would start on Monday');
    const s2 = describeSpan(page, second, second + 'The truce would start on Monday'.length);
    const moved = anchorQuote(edited, s2.quote, s2.position)!;
    expect(moved.start).toBe(edited.lastIndexOf('The truce would start on Monday'));
  });

  it('finds an edited quote approximately', () => {
    const edited = page.replace('The truce would start on Monday.', 'The truce will start on Monday!');
    const anchor = anchorQuote(edited, saved.quote, saved.position)!;
    expect(anchor.how).toBe('fuzzy');
    expect(edited.slice(anchor.start, anchor.end)).toMatch(/^The truce will start on Monday/);
  });

  it('gives up (an orphan) when the passage is gone or changed beyond a quarter', () => {
    const removed = page.replace('The truce would start on Monday. ', '');
    const gone = describeSpan(page, page.indexOf('Aid would'), page.indexOf('Aid would') + 'Aid would reach Aleppo.'.length);
    expect(anchorQuote(removed.replace('Aid would reach Aleppo.', 'Food was sent north by road.'), gone.quote, gone.position)).toBeNull();
    expect(anchorQuote(page, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('finds any stretch of an unchanged text where it was (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const { quote, position } = describeSpan(text, start, end);
        const anchor = anchorQuote(text, quote, position)!;
        expect(text.slice(anchor.start, anchor.end)).toBe(quote.exact);
        // Without the position, it still finds the same characters (perhaps an identical copy).
        const again = anchorQuote(text, quote)!;
        expect(text.slice(again.start, again.end)).toBe(quote.exact);
      }),
      { numRuns: 500 },
    );
  });

  it('places a long edited quote on a large page in bounded steps, with the same answer', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 5000;
    const words = Array.from({ length: 60_000 }, () => `w${next()}`);
    const page2 = words.join(' ');
    const start = page2.indexOf(' ', 200_000) + 1;
    const end = start + 3_000;
    const saved = describeSpan(page2, start, end);
    // A few words of the passage changed, and text added before it.
    const edited = `Breaking. ${page2.slice(0, start)}${page2.slice(start, end).replace(/w1/g, 'W1')}${page2.slice(end)}`;
    const steps = anchorQuoteSteps(edited, saved.quote, saved.position);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(step.value).toMatchObject({ start: start + 'Breaking. '.length, how: 'fuzzy' });
    expect(anchorQuote(edited, saved.quote, saved.position)).toEqual(step.value);
  });
});
