import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, openExtensionPage, type LaunchedFirefox } from './support/firefox';

/**
 * The options page's pack-build worker in Firefox: a module worker of a moz-extension:// page,
 * fed the corpus files through the builder's file input, gives the Node build's counts.
 */
let firefox: LaunchedFirefox;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.browser.close();
  if (firefox) rmSync(firefox.profile, { recursive: true, force: true });
});

test('builds the corpus in the options page’s worker, with the Node build’s counts', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'crossread-node-pack-')), 'pack.json');
  execFileSync(process.execPath, ['--import', 'tsx', 'src/corpus/cli.ts', '--corpus', 'assets/corpus', '--no-catalog', '--out', out], { stdio: 'pipe' });
  const node = JSON.parse(readFileSync(out, 'utf8')) as { entities: unknown[]; sources: unknown[]; disagreements: unknown[] };
  const files = readdirSync('assets/corpus').map((name) => ({ name, text: readFileSync(join('assets/corpus', name), 'utf8') }));

  const page = await openExtensionPage(firefox.browser, 'src/pages/options.html', `!!document.querySelector('.pack-builder input[type=file]')`);
  // The files as a reader's choice: a FileList set on the input, then its change event.
  await page.evaluate((list: { name: string; text: string }[]) => {
    const input = document.querySelector<HTMLInputElement>('.pack-builder input[type=file]')!;
    const chosen = new DataTransfer();
    for (const f of list) chosen.items.add(new File([f.text], f.name));
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, files);
  await page.waitForFunction(() => document.querySelectorAll('.pack-files li').length === 6);
  await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.pack-actions button')].find((b) => b.textContent === 'Build the pack')!.click());
  const result = await page.waitForFunction(() => document.querySelector('.pack-result .status')?.textContent ?? document.querySelector('[role=alert]')?.textContent, { timeout: 90_000 });
  expect(await result.jsonValue()).toBe(`Built: ${node.entities.length} entities, ${node.sources.length} sources, ${node.disagreements.length} disagreements.`);
});
