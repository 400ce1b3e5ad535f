import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifestPlugin, targetFor, TARGETS } from './tools/build/browsers';

/** The browser built for, set from Vite's mode when Vite reads this config (tools/build/browsers.ts). */
let target = TARGETS.chromium;
const oxc = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;
/** Each content script's source and the file it is built to ("src/content/key-guard.iife.ts" → ".js"). */
const scriptFile = (source: string) => source.replace(/(?:\.iife)?\.ts$/, '.js');
/** The main content script: the one that imports the card's view. */
const CONTENT_SOURCE = 'src/content/index.ts';

/** The card's view and the full pack: loaded by the content script when a card first opens. */
const VIEW_SOURCE = resolve('src/content/tooltip-view.ts');
const VIEW_FILE = 'assets/crossread-view.js';

/** One self-contained script or module of the package, built alone. */
const buildAlone = (entry: string, format: 'iife' | 'es', fileName: string, plugins: Plugin[] = []): Promise<unknown> =>
  build({
    configFile: false,
    logLevel: 'warn',
    oxc,
    plugins,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: target.outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: target.esTarget,
      minify: true,
      lib: { entry, formats: [format], name: 'crossread', fileName: () => fileName },
      // Library builds keep an ES module's whitespace; this one is loaded by pages, so minify it all.
      rollupOptions: { output: { minify: true } },
    },
  } satisfies InlineConfig);

/**
 * The content script's `import('./tooltip-view')` becomes an import of the view module by the
 * address `runtime.getURL` gives (the dynamic one). The build fails if the import is not found.
 */
const viewByAddress: Plugin = {
  name: 'crossread:view-by-address',
  resolveDynamicImport(specifier, importer) {
    return typeof specifier === 'string' && importer && resolve(dirname(importer), `${specifier}.ts`) === VIEW_SOURCE ? { id: VIEW_FILE, external: true } : null;
  },
  renderChunk(code) {
    const imported = new RegExp(`import\\((["'\`])${VIEW_FILE.replace(/[./]/g, '\\$&')}\\1\\)`, 'g');
    if (!imported.test(code)) this.error(`the content script no longer imports ${VIEW_SOURCE} dynamically: update vite.config.ts`);
    return code.replace(imported, `import(chrome.runtime.getURL(${JSON.stringify(VIEW_FILE)}))`);
  },
};

/**
 * Least exposure: no page may tell that Crossread is installed by fetching its files at
 * fixed addresses. crxjs splits a content script into chunks, every one web-accessible at a
 * fixed address, and Chromium resolves a chunk's own imports against that fixed address even
 * when the chunk was loaded from a dynamic one, so `use_dynamic_url` cannot work with chunks.
 * So the content script is built here as one classic script (content scripts need not be
 * web-accessible), and the card's view as one self-contained module: the only web-accessible
 * resource, reachable only at an address that changes every browser session
 * (`use_dynamic_url`), which `runtime.getURL` gives the script.
 */
function selfContainedContentScript(): Plugin {
  return {
    name: 'crossread:self-contained-content-script',
    apply: 'build',
    async closeBundle() {
      // Every content script one classic script: the main one with the view by address, the
      // key guard (document_start) alone.
      for (const script of manifest.content_scripts) {
        for (const source of script.js) await buildAlone(source, 'iife', scriptFile(source), source === CONTENT_SOURCE ? [viewByAddress] : []);
        for (const css of ('css' in script ? script.css : undefined) ?? []) {
          mkdirSync(dirname(join(target.outDir, css)), { recursive: true });
          copyFileSync(css, join(target.outDir, css));
        }
      }
      await buildAlone(VIEW_SOURCE, 'es', VIEW_FILE);
      const path = join(target.outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      built.content_scripts = manifest.content_scripts.map((script) => ({ ...script, js: script.js.map(scriptFile) }));
      built.web_accessible_resources = [{ resources: [VIEW_FILE], matches: manifest.content_scripts[0]!.matches, use_dynamic_url: true }];
      writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

/**
 * The extension's build: crxjs builds the pages and the worker from manifest.json; the content
 * script is built above. `vite build` builds Chromium's extension into dist/, `vite build --mode
 * firefox` Firefox's into dist-firefox/ (tools/build/browsers.ts says what differs).
 */
export default defineConfig(({ mode }) => {
  target = targetFor(mode);
  const firefox = target.browser === 'firefox';
  return {
    oxc,
    plugins: [
      // crxjs writes the background entry as Firefox's `scripts` or Chromium's `service_worker`.
      crx({
        manifest: { ...manifest, ...(firefox ? { background: { scripts: [manifest.background.service_worker] } } : {}), content_scripts: [] },
        browser: target.crxBrowser,
      }),
      selfContainedContentScript(),
      ...(firefox ? [firefoxManifestPlugin(target.outDir)] : []),
    ],
    build: {
      outDir: target.outDir,
      emptyOutDir: true,
      target: target.esTarget,
      minify: true,
      // Pages the manifest does not name: crxjs builds only what the manifest lists.
      rollupOptions: { input: { compare: 'src/pages/compare.html', library: 'src/pages/library.html' } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
  };
});
