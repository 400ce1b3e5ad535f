import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { PACKAGE_FILES } from './src/content/package-files';
import { compileBundledMatcher } from './src/shared/bundled-matcher';
import { matcherToBytes } from './src/shared/matcher-binary';
import { firefoxManifestPlugin, targetFor, TARGETS } from './tools/build/browsers';

/** The browser built for, set from Vite's mode when Vite reads this config (tools/build/browsers.ts). */
let target = TARGETS.chromium;
const oxc = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;
/** Each content script's source and the file it is built to ("src/content/key-guard.iife.ts" → ".js"). */
const scriptFile = (source: string) => source.replace(/(?:\.iife)?\.ts$/, '.js');
/** The main content script: a small entry that loads the rest of Crossread on the page as it is needed. */
const CONTENT_SOURCE = 'src/content/index.ts';

/**
 * The content script's lazily loaded parts (src/content/package-files.ts), each one
 * self-contained ES module, and the source that becomes each. A part's `import('./x')` of
 * another becomes an import by the address `runtime.getURL` gives (the dynamic one).
 */
const LAZY_PARTS = [
  { source: resolve('src/content/page-core.ts'), file: PACKAGE_FILES.core },
  { source: resolve('src/content/page-ui.ts'), file: PACKAGE_FILES.ui },
  { source: resolve('src/content/tooltip-view.ts'), file: PACKAGE_FILES.view },
];

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
 * The script's or part's `import('./x')` of a lazy part becomes an import of that part by the
 * address `runtime.getURL` gives (the dynamic one). The build fails if an expected import is
 * not found, so a renamed module cannot silently bundle everything back into the entry.
 */
const partsByAddress = (expected: string[]): Plugin => ({
  name: 'crossread:parts-by-address',
  resolveDynamicImport(specifier, importer) {
    if (typeof specifier !== 'string' || !importer) return null;
    const part = LAZY_PARTS.find((p) => p.source === resolve(dirname(importer), `${specifier}.ts`));
    return part ? { id: part.file, external: true } : null;
  },
  renderChunk(code) {
    let out = code;
    for (const file of expected) {
      const imported = new RegExp(`import\\((["'\`])${file.replace(/[./]/g, '\\$&')}\\1\\)`, 'g');
      if (!imported.test(out)) this.error(`the content script no longer imports ${file} dynamically: update vite.config.ts`);
      out = out.replace(imported, `import(chrome.runtime.getURL(${JSON.stringify(file)}))`);
    }
    return out;
  },
});

/**
 * Least exposure: no page may tell that Crossread is installed by fetching its files at
 * fixed addresses. crxjs splits a content script into chunks, every one web-accessible at a
 * fixed address, and Chromium resolves a chunk's own imports against that fixed address even
 * when the chunk was loaded from a dynamic one, so `use_dynamic_url` cannot work with chunks.
 * So the content script is built here as one small classic script (content scripts need not
 * be web-accessible), and each part it loads later (the scan, the UI, the card's view) as one
 * self-contained module, plus the compiled matcher's bytes: the only web-accessible
 * resources, reachable only at addresses that change every browser session
 * (`use_dynamic_url`), which `runtime.getURL` gives the script.
 */
function selfContainedContentScript(): Plugin {
  return {
    name: 'crossread:self-contained-content-script',
    apply: 'build',
    async closeBundle() {
      // Every content script one classic script: the main one loads its parts by address, the
      // key guard (document_start) runs alone.
      for (const script of manifest.content_scripts) {
        for (const source of script.js) await buildAlone(source, 'iife', scriptFile(source), source === CONTENT_SOURCE ? [partsByAddress([PACKAGE_FILES.core])] : []);
        for (const css of ('css' in script ? script.css : undefined) ?? []) {
          mkdirSync(dirname(join(target.outDir, css)), { recursive: true });
          copyFileSync(css, join(target.outDir, css));
        }
      }
      await buildAlone(LAZY_PARTS[0]!.source, 'es', PACKAGE_FILES.core, [partsByAddress([PACKAGE_FILES.ui])]);
      await buildAlone(LAZY_PARTS[1]!.source, 'es', PACKAGE_FILES.ui, [partsByAddress([PACKAGE_FILES.view])]);
      await buildAlone(LAZY_PARTS[2]!.source, 'es', PACKAGE_FILES.view);
      // The bundled pack's matcher, compiled once here: pages load its bytes and never compile.
      writeFileSync(join(target.outDir, PACKAGE_FILES.matcher), matcherToBytes(compileBundledMatcher()));
      const path = join(target.outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      built.content_scripts = manifest.content_scripts.map((script) => ({ ...script, js: script.js.map(scriptFile) }));
      built.web_accessible_resources = [{ resources: Object.values(PACKAGE_FILES), matches: manifest.content_scripts[0]!.matches, use_dynamic_url: true }];
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
