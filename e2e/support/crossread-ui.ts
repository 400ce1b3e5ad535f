import { selectors, type Locator, type Page } from '@playwright/test';
import type { PageMark } from '../../src/shared/protocol';

/**
 * Crossread's UI lives behind a closed shadow root, which no page script can open and which
 * Playwright's locators do not pierce. The suite reaches it the way DevTools does: over the
 * DevTools protocol it resolves the host's shadow root and hands a reference to the test's own
 * selector engine, `crossread-ui=<css>`. The page never holds that reference before the
 * suite gives it one, and the tests of what a page can reach never ask for it.
 */
const ENGINE = 'crossread-ui';
/** The main-world global the suite (never the page) sets to Crossread's shadow root (see exposeUi). */
export const SHADOW_GLOBAL = '__crossreadTestShadow';

let registered: Promise<void> | undefined;

/** Registers the `crossread-ui=` selector engine (once per process, before any page is created). */
export function registerUiSelector(): Promise<void> {
  return (registered ??= selectors.register(
    ENGINE,
    `({
      query(root, selector) { return this.queryAll(root, selector)[0] ?? null; },
      queryAll(root, selector) {
        const shadow = globalThis[${JSON.stringify(SHADOW_GLOBAL)}];
        if (!shadow || (root !== document && root !== document.documentElement)) return [];
        return [...shadow.querySelectorAll(selector)];
      },
    })`,
  ));
}

/** The card (an entity's or a selection's), inside Crossread's shadow root. */
export const CARD = `${ENGINE}=[role="dialog"]`;
/** The keyboard proxy that stands on one name at a time. */
export const PROXY = `${ENGINE}=button.proxy`;

/** A locator for `selector` inside Crossread's shadow root (after `exposeUi`). */
export function ui(page: Page, selector: string): Locator {
  return page.locator(`${ENGINE}=${selector}`);
}

/** The host element's main-world handle expression: the one child of <html> Crossread adds. */
const HOST = `[...document.documentElement.children].find((e) => e.localName.startsWith('crossread-'))`;

/**
 * Waits for Crossread's element in the page, then gives the suite's selector engine its shadow
 * root (DevTools protocol: describe the host with its shadow roots, resolve the closed one).
 */
export async function exposeUi(page: Page): Promise<void> {
  await page.waitForFunction(`!!${HOST}`);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: HOST });
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId!, pierce: true, depth: 0 });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error('Crossread’s element has no shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () { globalThis[${JSON.stringify(SHADOW_GLOBAL)}] = this; }`,
    });
  } finally {
    await cdp.detach();
  }
}

/** A stretch of a root's text: the `nth` occurrence of `text`, or offsets into its text content. */
export type TextSpan = { text: string; nth?: number; within?: string } | { start: number; end: number; within?: string };

/** The client rects of a stretch of the page's text, scrolled into view first if need be. */
export async function spanRects(page: Page, span: TextSpan): Promise<{ x: number; y: number; width: number; height: number }[]> {
  const rects = await page.evaluate((span) => {
    const root = span.within ? document.querySelector(span.within) : document.body;
    if (!root) return undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    const starts: number[] = [];
    let all = '';
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      nodes.push(n);
      starts.push(all.length);
      all += n.data;
    }
    // Offsets win over text (a mark from getPageMarks carries both).
    let start = 'start' in span ? span.start : -1;
    let end = 'start' in span ? span.end : -1;
    if (!('start' in span)) {
      for (let i = 0; i <= (span.nth ?? 0); i++) start = all.indexOf(span.text, start + 1);
      end = start + span.text.length;
    }
    if (start < 0) return undefined;
    // (No named helper functions in here: tsx, which runs the benchmarks, would wrap them in a helper the page lacks.)
    const range = document.createRange();
    for (const [offset, isEnd] of [[start, false], [end, true]] as const) {
      let i = 0;
      while (i + 1 < nodes.length && (starts[i + 1]! < offset || (!isEnd && starts[i + 1] === offset))) i++;
      if (isEnd) range.setEnd(nodes[i]!, offset - starts[i]!);
      else range.setStart(nodes[i]!, offset - starts[i]!);
    }
    // Scrolled into view (its scrolling boxes too) when its middle is not where the text is drawn.
    const r = range.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const around = range.commonAncestorContainer;
    const holder = around instanceof Element ? around : around.parentElement!;
    if (!hit || !holder.contains(hit)) range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    return [...range.getClientRects()].filter((b) => b.width > 0).map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }));
  }, span);
  if (!rects?.length) throw new Error(`${JSON.stringify(span)} is not in the page's text`);
  return rects;
}

/** Moves the mouse over a stretch of text (a marked name), as a reader would: to the middle of the visible part of its first line. */
export async function hoverText(page: Page, span: TextSpan): Promise<void> {
  const [box] = await spanRects(page, span);
  const { width, height } = page.viewportSize()!;
  const left = Math.max(box!.x, 0);
  const right = Math.min(box!.x + box!.width, width);
  const top = Math.max(box!.y, 0);
  const bottom = Math.min(box!.y + box!.height, height);
  await page.mouse.move((left + right) / 2, (top + bottom) / 2);
}

/** Hovers a name (a mark from `getPageMarks`, or a stretch of text) and waits for its card. */
export async function openCard(page: Page, span: TextSpan): Promise<Locator> {
  await exposeUi(page);
  await hoverText(page, span);
  const card = page.locator(CARD);
  await card.waitFor({ state: 'visible' });
  return card;
}

/**
 * Lets axe (which runs in the page's main world and walks `element.shadowRoot`) check what is
 * inside Crossread's closed shadow root: the suite gives the host's main-world wrapper a
 * `shadowRoot` getter that returns the root `exposeUi` resolved. The extension itself is not
 * changed: its own world still holds a closed root.
 */
export async function showUiToAxe(page: Page): Promise<void> {
  await exposeUi(page);
  await page.evaluate(`Object.defineProperty(${HOST}, 'shadowRoot', { configurable: true, get: () => globalThis[${JSON.stringify(SHADOW_GLOBAL)}] })`);
}

/** Waits until Crossread has drawn marks on the page. */
export async function waitForMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => [...CSS.highlights.entries()].some(([name, h]) => name.startsWith('crossread-mark-') && h.size > 0));
}

/** The texts the page's highlight registry draws as marks (what any page script can read there too). */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('crossread-mark-'))
      .flatMap(([, h]) =>
        [...h].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      ),
  );
}

export type { PageMark };
