import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * One codebase, two browsers. `vite build` builds Chromium's extension into `dist/`;
 * `vite build --mode firefox` builds Firefox's into `dist-firefox/` from the same sources and
 * the same manifest.json, changed only where the browsers differ (below).
 */

/** The browsers Crossread is built for. */
export type Browser = 'chromium' | 'firefox';

/** What differs between the two builds. */
export interface BuildTarget {
  browser: Browser;
  /** Where the build goes. */
  outDir: string;
  /** The language level the code is compiled down to (esbuild/oxc target). */
  esTarget: string;
  /** What @crxjs/vite-plugin calls the browser (it writes the background entry accordingly). */
  crxBrowser: 'chrome' | 'firefox';
}

/**
 * Firefox's add-on id. Firefox needs one for an MV3 add-on (storage and IndexedDB are keyed by it,
 * so it must never change once published). `.invalid` is a reserved domain: nobody can own it.
 */
export const GECKO_ID = 'crossread@crossread.invalid';

/**
 * The oldest Firefox that has every API Crossread uses: the CSS Custom Highlight API (140),
 * `data_collection_permissions` (140 on desktop, 142 on Android, which web-ext lint checks too),
 * Intl.Segmenter (125), `Element.checkVisibility` (106), module background scripts (112).
 */
export const FIREFOX_MIN_VERSION = '142.0';

export const TARGETS: Record<Browser, BuildTarget> = {
  chromium: { browser: 'chromium', outDir: 'dist', esTarget: 'chrome120', crxBrowser: 'chrome' },
  firefox: { browser: 'firefox', outDir: 'dist-firefox', esTarget: 'firefox142', crxBrowser: 'firefox' },
};

/** The target for a Vite mode: `firefox` builds Firefox's extension, anything else Chromium's. */
export function targetFor(mode: string): BuildTarget {
  return mode === 'firefox' ? TARGETS.firefox : TARGETS.chromium;
}

/** A manifest as JSON (only the keys changed here are typed). */
export interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  web_accessible_resources?: { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[];
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/**
 * Firefox's manifest from Chromium's:
 * - the background runs as an event page (`scripts`): Firefox has no extension service workers.
 *   The same code runs in both, as it uses no DOM and registers its listeners at top level.
 * - `browser_specific_settings.gecko`: the add-on id, the oldest Firefox, and
 *   `data_collection_permissions` saying that Crossread collects and sends nothing.
 * - no `use_dynamic_url` (Chromium only; Firefox already gives every install its own random
 *   `moz-extension://` address, so no page can fetch a resource at a fixed one) and no
 *   `minimum_chrome_version`.
 */
export function firefoxManifest(chromium: Manifest): Manifest {
  const { minimum_chrome_version: _chromeOnly, background, web_accessible_resources, ...rest } = chromium;
  const manifest: Manifest = { ...rest };
  if (background) {
    const script = background.service_worker ?? background.scripts?.[0];
    if (!script) throw new Error('the manifest has a background without a script');
    manifest.background = { scripts: [script], ...(background.type ? { type: background.type } : {}) };
  }
  if (web_accessible_resources) {
    manifest.web_accessible_resources = web_accessible_resources.map(({ use_dynamic_url: _chromeOnlyToo, ...war }) => war);
  }
  manifest.browser_specific_settings = {
    gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
  };
  return manifest;
}

/**
 * The last step of Firefox's build: rewrites the built manifest (after every other plugin has
 * written its part of it, hence `order: 'post'` and `sequential`).
 */
export function firefoxManifestPlugin(outDir: string): Plugin {
  return {
    name: 'crossread:firefox-manifest',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const path = join(outDir, 'manifest.json');
        const built = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
        writeFileSync(path, `${JSON.stringify(firefoxManifest(built), null, 2)}\n`);
      },
    },
  };
}
