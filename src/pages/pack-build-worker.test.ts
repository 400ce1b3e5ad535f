import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SPECIFIER = /(?:^|[;\s])(?:import|export)(?:[^'";]*?\bfrom)?\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every source file the worker entry imports, directly or not, and the packages they import. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(SPECIFIER)) {
      const spec = (m[1] ?? m[2])!;
      if (/^import\s+type\b|^export\s+type\b/.test(m[0].trim())) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = join(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && !p.endsWith('/'));
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(found);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative('.', f)), packages };
}

describe('the pack-build worker', () => {
  const { files, packages } = importGraph('src/pages/pack-build-worker.ts');

  it('bundles the pure corpus build, and no Node-only file', () => {
    expect(files).toContain('src/corpus/build-from-files.ts');
    expect(files).toContain('src/corpus/build-pack.ts');
    expect(files).toContain('src/corpus/formats/read-corpus.ts');
    expect(files).toContain('assets/defaults/lexicon.json');
    expect(files.filter((f) => /src\/corpus\/(cli|write-schema)\.ts$|\.test\.tsx?$/.test(f))).toEqual([]);
  });

  it('imports no Node module, directly or through the files it imports', () => {
    const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...packages].filter((p) => p.startsWith('node:') || node.has(p.split('/')[0]!))).toEqual([]);
    // The libraries it runs in the browser, each checked in a real extension page (e2e/pack-build.spec.ts).
    expect([...packages].sort()).toEqual(['@mozilla/readability', 'compromise', 'csv-parse/browser/esm/sync', 'linkedom', 'valibot', 'warcio']);
  });
});
