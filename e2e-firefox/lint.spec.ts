import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import webExt from 'web-ext';
import { expect, test } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from './support/firefox';

/** Every file of a build, with its size. */
function files(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, size: statSync(path).size };
    });
}

test('web-ext lint finds no error in the Firefox build, and only the warnings README explains', async () => {
  const result = await webExt.cmd.lint({ sourceDir: FIREFOX_EXTENSION_DIR, output: 'none' }, { shouldExitProgram: false });
  expect(result.errors).toEqual([]);
  expect(result.notices).toEqual([]);
  // The options page's pack-build worker: @mozilla/readability and linkedom set `innerHTML` on
  // linkedom's own DOM (plain objects in a worker, no document, nothing runs or loads).
  const [worker, pages] = [result.warnings.filter((w) => /^assets\/pack-build-worker-/.test(w.file ?? '')), result.warnings.filter((w) => !/^assets\/pack-build-worker-/.test(w.file ?? ''))];
  for (const w of worker) {
    expect(w.code).toBe('UNSAFE_VAR_ASSIGNMENT');
    expect(readFileSync(join(FIREFOX_EXTENSION_DIR, w.file!), 'utf8')).toMatch(/Readability/);
  }
  // Preact's own support for `dangerouslySetInnerHTML` (unused by Crossread): in the runtime
  // chunk the pages share and in the card's self-contained view module.
  const warnings = pages.map((w) => `${w.code} ${w.file}`).sort();
  expect(warnings).toHaveLength(2);
  for (const w of pages) {
    expect(w.code).toBe('UNSAFE_VAR_ASSIGNMENT');
    expect(readFileSync(join(FIREFOX_EXTENSION_DIR, w.file!), 'utf8')).toContain('dangerouslySetInnerHTML');
  }
  expect(warnings.some((w) => w.endsWith('assets/crossread-view.js'))).toBe(true);
});

test('no file of the Firefox build comes near the store’s 5 MB limit per file', () => {
  // The largest is the pack-build worker (the corpus build with its NLP lexicon and a DOM for
  // reader view), about 1 MB; 2 MiB keeps a wide margin under the store's limit.
  const largest = files(FIREFOX_EXTENSION_DIR).sort((a, b) => b.size - a.size)[0]!;
  expect(largest.size).toBeLessThan(2 * 1024 * 1024);
});

test('the built manifest: an event page, the gecko settings, no Chromium-only key', () => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
  expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(manifest).not.toHaveProperty('minimum_chrome_version');
  expect(JSON.stringify(manifest)).not.toContain('use_dynamic_url');
});
