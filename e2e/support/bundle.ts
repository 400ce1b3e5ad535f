import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * One script for a test or benchmark page, bundled with the project's own Vite from local
 * packages (nothing is fetched from a CDN): an IIFE to inline in the page.
 */
export async function bundleScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define,
    build: { write: false, minify: true, lib: { entry: resolve(entry), formats: ['iife'], name: 'CrossreadTestBundle', fileName: () => 'bundle.js' } },
  });
  const outputs = Array.isArray(out) ? out : [out];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bundle of ${entry} missing`);
  return chunk.code;
}

/** Production builds of React and Vue, as a news site would ship them. */
const FRAMEWORK_DEFINES = {
  'process.env.NODE_ENV': JSON.stringify('production'),
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

/** The frameworks of the live test pages (e2e/apps/<name>-app.ts). */
export const FRAMEWORKS = ['react', 'preact', 'vue'] as const;

/** The live page of one framework (e2e/apps/story.ts), its app bundled inline. */
export async function frameworkPage(framework: (typeof FRAMEWORKS)[number]): Promise<string> {
  const script = await bundleScript(`e2e/apps/${framework}-app.ts`, FRAMEWORK_DEFINES);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live (${framework})</title></head><body><div id="root"></div><script>${script.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
}
