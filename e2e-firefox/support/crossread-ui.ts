import type { Browser, Page } from 'puppeteer-core';
import { bidi, contextOf } from './firefox';

/**
 * Crossread's UI lives behind a closed shadow root that no page script can open. The suite
 * reaches it as WebDriver BiDi lets automation do: the host element serialized with
 * `includeShadowTree: 'all'` carries a reference to its closed root, which the suite hands to
 * the page's main world under a global of its own (the page never holds it before the suite
 * gives it). Then `inUi` runs queries inside it.
 */
export const SHADOW_GLOBAL = '__crossreadTestShadow';

/** Crossread's one element on <html> (its tag name is fresh on every load). */
const HOST = `[...document.documentElement.children].find((e) => e.localName.startsWith('crossread-'))`;

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null };
}

/** Waits for Crossread's element, then exposes its closed shadow root to the page's main world for the suite. */
export async function exposeUi(browser: Browser, page: Page): Promise<void> {
  await page.waitForFunction(`!!${HOST}`);
  const context = contextOf(page);
  const evaluated = await bidi<{ type: string; result?: RemoteNode }>(browser, 'script.evaluate', {
    expression: HOST,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const shadow = evaluated.result?.value?.shadowRoot;
  if (!shadow?.sharedId) throw new Error('Crossread’s element has no shadow root');
  await bidi(browser, 'script.callFunction', {
    functionDeclaration: `function () { globalThis[${JSON.stringify(SHADOW_GLOBAL)}] = this; }`,
    this: { sharedId: shadow.sharedId },
    target: { context },
    awaitPromise: false,
  });
}

/** Waits until `predicate` (the body of a function of the shadow root, `ui`) is truthy; answers its value. */
export async function waitInUi<T>(page: Page, predicate: string): Promise<T> {
  const handle = await page.waitForFunction(`((ui) => ui && (${predicate}))(globalThis.${SHADOW_GLOBAL})`, { timeout: 15_000 });
  return (await handle.jsonValue()) as T;
}

/** Evaluates an expression of the shadow root (`ui`) in the page. */
export function inUi<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(`((ui) => (${expression}))(globalThis.${SHADOW_GLOBAL})`) as Promise<T>;
}

/** The middle of an element inside the shadow root (found by a CSS selector and, optionally, its text), scrolled into view, in viewport pixels. */
export async function centreInUi(page: Page, selector: string, text?: string): Promise<{ x: number; y: number }> {
  const box = await waitInUi<{ x: number; y: number } | null>(
    page,
    `(() => { const el = [...ui.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${JSON.stringify(text ?? '')} === '' || e.textContent.includes(${JSON.stringify(text ?? '')}));
       if (!el) return null; el.scrollIntoView({ block: 'nearest' }); const r = el.getBoundingClientRect(); return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null; })()`,
  );
  if (!box) throw new Error(`${selector} is not in Crossread's UI`);
  return box;
}

/** The client rect of the first line of the `nth` occurrence of `text` in the page's body text (scrolled into view). */
export async function textCentre(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    (t, n) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        let at = node.data.indexOf(t);
        while (at >= 0 && seen < n) {
          seen++;
          at = node.data.indexOf(t, at + 1);
        }
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + t.length);
        const r = range.getClientRects()[0]!;
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return undefined;
    },
    text,
    nth,
  );
  if (!box) throw new Error(`${text} is not in the page's text`);
  return box;
}

/** Waits until Crossread has drawn marks on the page (what any page script can read in the highlight registry). */
export async function waitForMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => [...CSS.highlights.entries()].some(([name, h]) => name.startsWith('crossread-mark-') && h.size > 0), { timeout: 20_000 });
}

/** The texts the page's highlight registry draws as Crossread's marks. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('crossread-mark-'))
      .flatMap(([, h]) => [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })),
  );
}
