import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { KnowledgePack } from '../src/shared/knowledge';
import { EXTENSION_DIR, type LaunchedExtension } from './support/browser';
import { axeViolations, expect, test } from './support/fixtures';

/**
 * Options → build a pack in the browser: the corpus build (the command line's code) in a Web
 * Worker of the built extension's options page, in real Chromium, from files the reader chooses.
 */
const CORPUS = 'assets/corpus';
const corpusPaths = () => readdirSync(CORPUS).map((f) => join(CORPUS, f));

/** The pack `npm run knowledge -- --corpus assets/corpus --no-catalog` writes (the Node build of the same files). */
function nodeBuild(): KnowledgePack {
  const out = join(mkdtempSync(join(tmpdir(), 'crossread-node-pack-')), 'pack.json');
  execFileSync(process.execPath, ['--import', 'tsx', 'src/corpus/cli.ts', '--corpus', CORPUS, '--no-catalog', '--out', out], { stdio: 'pipe' });
  return JSON.parse(readFileSync(out, 'utf8')) as KnowledgePack;
}

async function openOptions(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/pages/options.html`);
  await expect(page.getByRole('heading', { name: 'Build a pack from your own articles' })).toBeVisible();
  return page;
}

test('builds a pack from the corpus files in the options page’s worker: progress, then the Node build’s counts', async ({ ext }) => {
  const node = nodeBuild();
  const page = await openOptions(ext);
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await page.locator('.pack-builder input[type=file]').setInputFiles(corpusPaths());
  await expect(page.locator('.pack-files li')).toHaveCount(6);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Build the pack' }).click();
  // The progress bar shows, with the step it is at; then the result replaces it.
  await expect(page.locator('.pack-builder .task progress')).toBeVisible();
  const result = page.locator('.pack-result .status');
  await expect(result).toHaveText(`Built: ${node.entities.length} entities, ${node.sources.length} sources, ${node.disagreements.length} disagreements.`, { timeout: 60_000 });
  await expect(page.locator('.pack-builder .task')).toHaveCount(0);
  // It ran in a module worker of the extension (not on the page's thread), under the pages' CSP, without an error.
  expect(workers).toEqual([expect.stringMatching(new RegExp(`^chrome-extension://${ext.extensionId}/assets/pack-build-worker-.*\\.js$`))]);
  expect(errors).toEqual([]);
  await expect(page.locator('.pack-result input[type=text]')).toHaveValue(node.story.title);

  // Keyboard: the install button is reached by Tab from the name field and pressed with Enter.
  await page.locator('.pack-result input[type=text]').fill('Corpus test pack');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Install the pack' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.pack-builder .status.ok')).toHaveText('Installed “Corpus test pack”.');
});

test('the worker’s pack is the Node build’s pack, whole', async ({ ext }) => {
  const node = nodeBuild();
  const page = await openOptions(ext);
  const worker = readdirSync(join(EXTENSION_DIR, 'assets')).find((f) => /^pack-build-worker-.*\.js$/.test(f))!;
  const files = corpusPaths().map((p) => ({ name: p.split('/').at(-1)!, text: readFileSync(p, 'utf8') }));
  // The protocol of src/pages/pack-build-protocol.ts, spoken directly to the built worker.
  const pack = await page.evaluate(
    ({ url, files }) =>
      new Promise<unknown>((resolve, reject) => {
        const w = new Worker(url, { type: 'module' });
        w.onmessage = ({ data }) => {
          if (data.type === 'built') resolve(data.pack);
          if (data.type === 'failed') reject(new Error(data.message));
        };
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage({ type: 'build', files: files.map((f) => new File([f.text], f.name)) });
      }),
    { url: `/assets/${worker}`, files },
  );
  // Same code, one difference of platform: each source's `words` (own-voice words, the rates'
  // denominator) counts with Intl.Segmenter, whose word rules differ between Node's ICU and
  // Chromium's ("U.S." is one word in Node, two in Chromium): within 2%, everything else equal.
  const words = (p: KnowledgePack) => p.sources.map((s) => s.words);
  const built = pack as KnowledgePack;
  words(built).forEach((n, i) => expect(Math.abs(n - words(node)[i]!) / words(node)[i]!).toBeLessThan(0.02));
  const withoutWords = (p: KnowledgePack) => ({ ...p, sources: p.sources.map((s) => ({ ...s, words: 0 })) });
  expect(withoutWords(built)).toEqual(withoutWords(node));
});

test('a bad file gets the build’s message naming the file and record, and nothing is built', async ({ ext }) => {
  const page = await openOptions(ext);
  const good = JSON.stringify({ title: 'Council passes budget', outlet: 'City Press', text: 'The council approved the budget on Thursday after a long debate.' });
  await page.locator('.pack-builder input[type=file]').setInputFiles([
    { name: 'news.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${good}\n{"title": "no text"}\n`) },
  ]);
  await page.getByRole('button', { name: 'Build the pack' }).click();
  await expect(page.getByRole('alert')).toHaveText('Not built, nothing installed: news.jsonl (line 2): has no article text (looked for "text")');
  await expect(page.locator('.pack-result')).toHaveCount(0);

  // Another kind of bad file, in a format of its own: a CSV row without text.
  await page.getByRole('button', { name: 'Clear the list' }).click();
  await page.locator('.pack-builder input[type=file]').setInputFiles([{ name: 'news.csv', mimeType: 'text/csv', buffer: Buffer.from('title,text\nBudget,"The council approved the budget."\nEmpty,\n') }]);
  await page.getByRole('button', { name: 'Build the pack' }).click();
  await expect(page.getByRole('alert')).toHaveText('Not built, nothing installed: news.csv (row 3): has no article text (looked for "text", "body", "content", "maintext", "article")');
});

test('Cancel stops the build: the worker is terminated and nothing is built', async ({ ext }) => {
  const page = await openOptions(ext);
  await page.locator('.pack-builder input[type=file]').setInputFiles(corpusPaths());
  const started = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Build the pack' }).click();
  const worker = await started;
  const closed = new Promise<void>((resolve) => worker.on('close', () => resolve()));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.pack-builder [role=status]').filter({ hasText: 'Build cancelled' })).toHaveText('Build cancelled: nothing was installed.');
  await closed;
  await expect(page.locator('.pack-result')).toHaveCount(0);
  // The files stay for another try, which then builds.
  await expect(page.locator('.pack-files li')).toHaveCount(6);
  await page.getByRole('button', { name: 'Build the pack' }).click();
  await expect(page.locator('.pack-result .status')).toHaveText(/^Built: \d+ entities/, { timeout: 60_000 });
});
