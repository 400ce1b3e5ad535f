import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { aldmouthPages } from '../fixtures/aldmouth-port-strike/pages';
import { launchWithExtension, type LaunchedExtension } from './browser';
import {
  AMBIGUOUS_PAGE,
  corpusArticlePage,
  corpusFiles,
  CUSTOM_ELEMENTS_PAGE,
  DARK_PAGE,
  DEEP_PAGE,
  EDGES_PAGE,
  FORGED_PAGE,
  FORBIDDEN_PLACES_PAGE,
  FRAMED_PAGE,
  HOSTILE_PAGE,
  LIVE_PAGE,
  MARKUP_PAGE,
  NO_STORY_PAGE,
  PAYLOAD_PAGE,
  TALKS_PAGE,
} from './pages';
import { FRAMEWORKS, frameworkPage } from './bundle';
import { registerUiSelector } from './crossread-ui';
import { servePages, type PageServer } from './server';

await registerUiSelector();

let pages: Promise<Record<string, string>> | undefined;

/** Every page of the suite: one per corpus text at /corpus/<file>, the framework apps at /app/<framework>, the second example corpus's pages at /aldmouth/<file>, and the rest. */
export function fixturePages(): Promise<Record<string, string>> {
  return (pages ??= buildPages());
}

async function buildPages(): Promise<Record<string, string>> {
  const pages: Record<string, string> = {
    '/forbidden': FORBIDDEN_PLACES_PAGE, '/markup': MARKUP_PAGE, '/live': LIVE_PAGE, '/ambiguous': AMBIGUOUS_PAGE,
    '/hostile': HOSTILE_PAGE, '/edges': EDGES_PAGE, '/payload': PAYLOAD_PAGE, '/dark': DARK_PAGE,
    '/framed': FRAMED_PAGE, '/no-story': NO_STORY_PAGE, '/talks': TALKS_PAGE, '/forged': FORGED_PAGE,
    '/custom-elements': CUSTOM_ELEMENTS_PAGE, '/deep': DEEP_PAGE,
  };
  for (const file of corpusFiles()) pages[`/corpus/${file}`] = corpusArticlePage(file);
  Object.assign(pages, aldmouthPages());
  for (const framework of FRAMEWORKS) pages[`/app/${framework}`] = await frameworkPage(framework);
  return pages;
}

export const AFP_FILE = '001_60298ffe5bee1918.txt';

export const test = base.extend<{ ext: LaunchedExtension }, { server: PageServer }>({
  server: [
    async ({}, use) => {
      const server = await servePages(await fixturePages());
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await use(ext);
    await ext.context.close();
  },
});
export { expect };
export { marksOf, openExtensionPage, openPopupFor, pageMarks, pageStats, popupUrl, reloadExtension, seedNotes, tabIdOf } from './extension-pages';
export { CARD, exposeUi, highlightedTexts, hoverText, openCard, PROXY, showUiToAxe, spanRects, ui, waitForMarks } from './crossread-ui';

/** Stops every service worker through the DevTools protocol and waits until it has stopped. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** WCAG 2.0–2.2 A/AA violations axe finds on a page, one readable line each (with the nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Runs `expression` in Crossread's content-script world of `tab` (its isolated world, found
 * through the DevTools protocol): what a compromised or confused content script could send.
 */
export async function inContentScript(tab: Page, expression: string): Promise<Outcome> {
  const cdp = await tab.context().newCDPSession(tab);
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Crossread');
  if (!world) throw new Error(`no Crossread content script in ${tab.url()} (worlds: ${worlds.map((w) => w.name).join(', ')})`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `Promise.resolve().then(() => ${expression}).then((value) => ({ ok: true, value }), (e) => ({ ok: false, error: String(e && e.message || e) }))`,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as Outcome;
}

