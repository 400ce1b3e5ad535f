import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBundledMatcher } from './bundled-matcher';
import { matcherFromBytes, matcherToBytes } from './matcher-binary';
import { compileMatcher, type AliasPattern, type MatcherOptions } from './matcher-compile';
import { Matcher } from './matcher-scan';

/** Compiled, written as the file the build ships, and loaded back as a page loads it. */
const throughBytes = (patterns: AliasPattern[], options?: MatcherOptions) => matcherFromBytes(matcherToBytes(compileMatcher(patterns, options)).slice().buffer);

describe('compile → bytes → scan-only Matcher', () => {
  it('finds exactly what the matcher compiled in memory finds (property: aliases, case rules, context, acronym variants)', () => {
    // Letters outside ASCII, punctuation, dotted acronyms and shared prefixes: single-child
    // states, dense rows, hashed edges and dictionary links all occur.
    const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'A', 'B', 'U', 'S', 'é', 'ğ', '.', ' ', '’', '-');
    const alias = fc.array(letter, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('').trim()).filter((w) => w.length > 0);
    const pattern = fc.record({ text: alias, caseSensitive: fc.boolean(), needsContext: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(letter, fc.constantFrom('E', 'Ğ', '\u00A0', '\n', 'x')), { maxLength: 120 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (raw, chars, acronymVariants, contextWindow) => {
          const patterns = raw.map((p, i) => ({ ...p, entityId: `e${i % 7}` }));
          const options = { acronymVariants, contextWindow };
          const text = chars.join('');
          const inMemory = new Matcher(compileMatcher(patterns, options));
          expect(throughBytes(patterns, options).find(text)).toEqual(inMemory.find(text));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('gives the bundled pack the same matches as before the split, on text with and without names', () => {
    const file = matcherFromBytes(matcherToBytes(compileBundledMatcher()).slice().buffer);
    const text =
      'John Kerry met Sergey Lavrov in Geneva; the U.S. and Russia, Erdoğan and Assad’s envoy. Turkey, the US and the UN. ' +
      'The soil after rain was dark and soft, so we planted beans along the fence.';
    expect(file.find(text)).toEqual(compileBundledMatcher().find(text));
    expect(file.find(text).map((m) => m.alias)).toEqual(expect.arrayContaining(['John Kerry', 'Sergey Lavrov', 'U.S.']));
  });

  it('ships no table indexed by code unit: nothing of 64 K entries to create or fill when a page loads it', () => {
    const { tables } = compileBundledMatcher().export();
    for (const [name, table] of Object.entries(tables)) expect(table.length, name).toBeLessThan(65536);
  });

  it('refuses a file of the earlier format (64 K-entry tables)', () => {
    const old = new Uint8Array(16);
    new DataView(old.buffer).setUint32(0, 0x324d5243, true); // "CRM2"
    expect(() => matcherFromBytes(old.buffer)).toThrow('not a compiled Crossread matcher');
  });
});

/**
 * The TypeScript modules a module imports statically: relative imports, not type-only ones
 * (erased), not `import('./x')` (a later load), not styles.
 */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gms)].map((m) => m[1] ?? m[2]!);
  return specifiers.filter((s) => !/\.(?:css|json)(?:\?|$)/.test(s)).map((s) => resolve(dirname(file), /\.tsx?$/.test(s) ? s : `${s}.ts`));
}

describe('pages carry no compiler', () => {
  it('the content script and the scan it loads on a page without names never import the matcher compiler', () => {
    const root = resolve(__dirname, '..');
    const seen = new Set<string>();
    const queue = ['content/index.ts', 'content/page-core.ts'].map((f) => join(root, f));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...staticImports(file));
    }
    const loaded = [...seen].map((f) => relative(root, f));
    expect(loaded).toContain('shared/matcher-scan.ts');
    expect(loaded).not.toContain('shared/matcher-compile.ts');
    expect(loaded).not.toContain('shared/matcher.ts');
  });
});
