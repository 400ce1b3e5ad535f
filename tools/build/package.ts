/**
 * `npm run package`: store-ready zips of both builds and the source zip Firefox's add-on store
 * asks for, named with package.json's version, in artifacts/:
 * - crossread-chromium-<version>.zip: dist/ (Chrome Web Store, Edge Add-ons)
 * - crossread-firefox-<version>.zip: dist-firefox/ (addons.mozilla.org)
 * - crossread-source-<version>.zip: the committed sources (git archive of HEAD), from which
 *   `npm ci && npm run build:firefox` rebuilds dist-firefox/ (AMO reviews minified code so).
 * Run after both builds (the npm script builds them first). Each build's manifest must carry
 * package.json's version.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

const ARTIFACTS = resolve('artifacts');
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The zip of one build, after checking its manifest's version against package.json. */
async function zipBuild(dir: string, name: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  if (manifest.version !== version) throw new Error(`${dir}/manifest.json has version ${manifest.version}, package.json ${version}: make them agree.`);
  const filename = `crossread-${name}-${version}.zip`;
  await webExt.cmd.build({ sourceDir: resolve(dir), artifactsDir: ARTIFACTS, filename, overwriteDest: true }, { shouldExitProgram: false });
  return join(ARTIFACTS, filename);
}

/** The committed sources as a zip (only what git tracks: no node_modules, builds or local files). */
function zipSources(): string {
  const file = join(ARTIFACTS, `crossread-source-${version}.zip`);
  if (execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim()) {
    console.warn('The working tree has uncommitted changes: the source zip holds the last commit (HEAD) only.');
  }
  execFileSync('git', ['archive', '--format=zip', `--prefix=crossread-${version}/`, '-o', file, 'HEAD']);
  return file;
}

mkdirSync(ARTIFACTS, { recursive: true });
for (const old of [`crossread-chromium-${version}.zip`, `crossread-firefox-${version}.zip`, `crossread-source-${version}.zip`]) rmSync(join(ARTIFACTS, old), { force: true });
const files = [await zipBuild('dist', 'chromium'), await zipBuild('dist-firefox', 'firefox'), zipSources()];
for (const file of files) console.log(`${file}  ${(statSync(file).size / 1024).toFixed(1)} KB`);
