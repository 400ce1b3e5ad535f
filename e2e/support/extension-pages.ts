import type { Page } from '@playwright/test';
import type { PageMark, PageStats } from '../../src/shared/protocol';
import type { LaunchedExtension } from './browser';

/**
 * Helpers that act through an extension page (the popup's HTML opened in a tab), from which
 * extension APIs can be called. Shared by the end-to-end tests and `npm start`.
 */

/** Opens an extension page, optionally with a query (`?tab=<id>` makes it the popup for that tab). */
export async function openExtensionPage(ext: LaunchedExtension, query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(popupUrl(ext, query));
  return page;
}

/** The popup page's URL. */
export function popupUrl(ext: LaunchedExtension, query = ''): string {
  return `chrome-extension://${ext.extensionId}/src/popup/index.html${query}`;
}

/** The popup, opened in a tab of its own, for the tab showing `url`. */
export async function openPopupFor(ext: LaunchedExtension, url: string): Promise<Page> {
  const page = await openExtensionPage(ext);
  await page.goto(popupUrl(ext, `?tab=${await tabIdOf(page, url)}`));
  return page;
}

/**
 * The id of the tab showing `url`. Crossread has no host permissions, so `tabs.query` does not
 * match tabs by address: each tab's content script is asked which page it is on instead.
 */
export async function tabIdOf(extPage: Page, url: string): Promise<number> {
  const id = await extPage.evaluate(TAB_SHOWING, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Run in an extension page (either browser's driver): the id of the tab whose content script says it shows `u`. */
export const TAB_SHOWING = async (u: string): Promise<number | undefined> => {
  const key = new URL(u);
  key.hash = '';
  for (const tab of await chrome.tabs.query({})) {
    if (tab.id === undefined) continue;
    const stats = (await chrome.tabs.sendMessage(tab.id, { type: 'getPageStats' }).catch(() => undefined)) as { url?: string } | undefined;
    if (stats?.url === key.href) return tab.id;
  }
  return undefined;
};

/**
 * Adds notes to the library from an extension page, as the library does: a staging, chunks of
 * at most 1,000 notes, one commit. Answers how many were added.
 */
export async function seedNotes(extPage: Page, notes: unknown[]): Promise<number> {
  // No named functions inside: under tsx (the benchmarks) they would need a helper the page lacks.
  return extPage.evaluate(async (all) => {
    const { token } = (await chrome.runtime.sendMessage({ type: 'beginStaging', params: { kind: 'import' } })) as { token: string };
    for (let i = 0; i < all.length; i += 1_000) await chrome.runtime.sendMessage({ type: 'stageNotes', params: { token, notes: all.slice(i, i + 1_000) } });
    return ((await chrome.runtime.sendMessage({ type: 'commitStaging', params: { token } })) as { added: number }).added;
  }, notes);
}

/** Sends the documented stats message, exactly as a benchmark or another tool would. */
export async function pageStats(extPage: Page, tabId: number): Promise<PageStats> {
  return extPage.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'getPageStats' }), tabId) as Promise<PageStats>;
}

/** The documented `getPageMarks` call: the marks under `root` (a CSS selector; the body by default), offsets into its text. */
export async function pageMarks(extPage: Page, tabId: number, root?: string): Promise<PageMark[]> {
  const answer = (await extPage.evaluate(([id, r]) => chrome.tabs.sendMessage(id, { type: 'getPageMarks', params: r ? { root: r } : {} }), [tabId, root] as const)) as { marks: PageMark[] };
  return answer.marks;
}

/** The marks of one entity on the page, in reading order. */
export async function marksOf(extPage: Page, tabId: number, entity: string): Promise<PageMark[]> {
  return (await pageMarks(extPage, tabId)).filter((m) => m.entity === entity);
}

/** The extensions page's private API, as its Reload button uses it. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
}

/**
 * Reloads the extension as a user does with the Reload button of chrome://extensions, and
 * waits until its pages load again. Developer mode is switched on first: without it Chromium
 * disables a reloaded unpacked extension ("unsupportedDeveloperExtension").
 */
export async function reloadExtension(ext: LaunchedExtension): Promise<void> {
  const extensions = await ext.context.newPage();
  await extensions.goto('chrome://extensions/');
  await extensions.evaluate(async (id) => {
    const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await api.updateProfileConfiguration({ inDeveloperMode: true });
    await api.reload(id, { failQuietly: false });
  }, ext.extensionId);
  await extensions.close();
  const probe = await ext.context.newPage();
  for (let tries = 0; ; tries++) {
    try {
      await probe.goto(popupUrl(ext));
      break;
    } catch (err) {
      // ERR_BLOCKED_BY_CLIENT while the extension is being loaded again.
      if (tries > 50) throw err;
      await probe.waitForTimeout(200);
    }
  }
  await probe.close();
}
