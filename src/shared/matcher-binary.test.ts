import { describe, expect, it } from 'vitest';
import { compileBundledMatcher } from './bundled-matcher';
import { matcherFromBytes, matcherToBytes } from './matcher-binary';

describe('matcher file', () => {
  const compiled = compileBundledMatcher();
  const bytes = matcherToBytes(compiled);

  it('loads as views over its bytes and finds exactly what the compiled matcher finds', () => {
    // A copy at a fresh buffer, as a fetch gives it.
    const loaded = matcherFromBytes(bytes.slice().buffer);
    const text = 'John Kerry met Sergey Lavrov in Geneva; the U.S. and Russia, Erdoğan and Assad’s envoy. Turkey, the US and the UN.';
    expect(loaded.find(text)).toEqual(compiled.find(text));
    expect(loaded.find(text).length).toBeGreaterThan(0);
  });

  it('refuses a file that is not a compiled matcher', () => {
    expect(() => matcherFromBytes(new Uint8Array([1, 2, 3]).buffer)).toThrow('not a compiled Crossread matcher');
    expect(() => matcherFromBytes(new TextEncoder().encode('{"lengths":[]}    ').buffer)).toThrow('not a compiled Crossread matcher');
  });
});
