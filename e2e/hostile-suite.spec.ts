import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from './support/browser';
import { expect, openExtensionPage, pageMarks, pageStats, tabIdOf, test } from './support/fixtures';
import { hostilePages, STORM_KEPT } from './support/hostile-pages';
import { servePages, type PageServer } from './support/server';

/**
 * The standing hostile-page suite: generated pages that push Crossread where pages break
 * extensions. On each, in real Chromium: nothing Crossread runs throws (no failed pass, no
 * warning from it), the page's text and DOM are exactly those of the same page in a browser
 * without Crossread, and the names the page shows in its prose are marked (and only those).
 * How long Crossread's tasks are on these pages is measured by `npm run bench:hostile`, not here.
 */

/** The texts Crossread's highlights draw in a document, sorted (what any script of that document can read too). */
const DRAWN = `[...CSS.highlights.entries()].filter(([name]) => name.startsWith('crossread-mark-')).flatMap(([, h]) => [...h].map((r) => {
  const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); return range.toString();
})).sort()`;

const pages: Record<string, string> = {};
let server: PageServer;
let plain: Browser;

test.beforeAll(async () => {
  server = await servePages(pages);
  // The same server under another host name is another origin: the cross-origin frame.
  Object.assign(pages, hostilePages(server.url('').replace('127.0.0.1', 'localhost')));
  plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
});
test.afterAll(async () => {
  await plain?.close();
  await server?.close();
});

/** Evaluates `expression` in a world of its own in `page`'s main frame, out of reach of anything the page's scripts overwrote. */
async function isolated<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'hostile-suite' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The page's text and serialised DOM (of the body, and of each same-origin frame), as digests: pages here reach 10 MB. */
const SNAPSHOT = `(async () => {
  const digest = async (s) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const docs = [document, ...[...document.querySelectorAll('iframe')].map((f) => { try { return f.contentDocument; } catch { return null; } }).filter((d) => d && d.body)];
  const out = [];
  for (const d of docs) out.push({ text: await digest(d.body.textContent), html: await digest(d.body.innerHTML), length: d.body.innerHTML.length });
  return out;
})()`;

/** Waits until a page's own scripts are done, so two loads of it can be compared. */
const settled = (page: Page, path: string) =>
  path === '/hostile/storm' ? expect.poll(() => isolated(page, 'document.body.dataset.done'), { timeout: 30_000 }).toBe('yes') : Promise.resolve();

/** The node of Crossread's card (role="dialog" inside its closed shadow root), found as DevTools finds it. */
async function cardBox(cdp: CDPSession): Promise<{ width: number; height: number } | undefined> {
  type DomNode = { backendNodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const stack = [root];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const attrs = n.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) {
      if (attrs[i] === 'role' && attrs[i + 1] === 'dialog') {
        const box = await cdp.send('DOM.getBoxModel', { backendNodeId: n.backendNodeId }).catch(() => undefined);
        return box ? { width: box.model.width, height: box.model.height } : undefined;
      }
    }
    stack.push(...(n.children ?? []), ...(n.shadowRoots ?? []));
  }
  return undefined;
}

/**
 * Hovers the first occurrence of `text` in the element `within` finds (the position is read in a
 * world of its own) and answers the card's size once it shows.
 */
async function hoverForCard(page: Page, text: string, within = "document.getElementById('target')"): Promise<{ width: number; height: number } | undefined> {
  const at = await isolated<{ x: number; y: number }>(
    page,
    `(() => { const t = ${within}.firstChild; const i = t.data.indexOf(${JSON.stringify(text)});
      const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + ${text.length}); const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; })()`,
  );
  await page.mouse.move(at.x, at.y);
  const cdp = await page.context().newCDPSession(page);
  try {
    let box: { width: number; height: number } | undefined;
    await expect.poll(async () => (box = await cardBox(cdp))?.height ?? 0, { timeout: 5_000 }).toBeGreaterThan(50);
    return box;
  } finally {
    await cdp.detach();
  }
}

/** What each page must show marked (getPageMarks over the body: text, in reading order). */
const EXPECTED_MARKS: Record<string, (texts: string[]) => void> = {
  '/hostile/huge-text': (texts) => {
    const sentences = pages['/hostile/huge-text']!.split('Sergey Lavrov met John Kerry in Geneva.').length - 1;
    expect(sentences).toBeGreaterThan(400);
    expect(texts).toHaveLength(sentences * 3);
    expect(new Set(texts)).toEqual(new Set(['Sergey Lavrov', 'John Kerry', 'Geneva']));
  },
  '/hostile/many-elements': (texts) => expect(texts).toEqual(Array.from({ length: 100 }, () => ['Sergey Lavrov', 'John Kerry']).flat()),
  '/hostile/storm': (texts) => expect(texts).toEqual(Array.from({ length: STORM_KEPT }, () => ['Sergey Lavrov', 'John Kerry']).flat()),
  '/hostile/csp': (texts) => expect(texts).toEqual(['Sergey Lavrov', 'John Kerry']),
  '/hostile/prototypes': (texts) => expect(texts).toEqual(['Sergey Lavrov', 'John Kerry', 'Aleppo']),
  '/hostile/frames': (texts) => expect(texts).toEqual(['John Kerry', 'Aleppo']),
  '/hostile/hidden-trees': (texts) => expect(texts).toEqual(['John Kerry', 'Aleppo']),
  '/hostile/scripts': (texts) => expect(texts).toEqual(['Sergey Lavrov', 'John Kerry', 'Sergey Lavrov', 'Sergey Lavrov', 'John Kerry', 'Sergey Lavrov', 'Aleppo', 'John Kerry']),
  '/hostile/editors': (texts) => expect(texts).toEqual(['John Kerry']),
};

for (const path of Object.keys(EXPECTED_MARKS)) {
  test(`hostile page ${path}: no error from Crossread, the page unchanged, its prose marked`, async ({ ext }) => {
    test.setTimeout(120_000);
    const url = server.url(path);
    const page = await ext.context.newPage();
    const complaints: string[] = [];
    page.on('console', (m) => /crossread/i.test(m.text()) && complaints.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => /chrome-extension:|crossread/i.test(`${e.stack}`) && complaints.push(`page error: ${e.message}`));
    await page.goto(url);
    await settled(page, path);
    const ext$ = await openExtensionPage(ext);
    const tab = await tabIdOf(ext$, url);
    // Crossread has read the page, and its marks match the page as it is now (the storm's included).
    await expect.poll(async () => (await pageStats(ext$, tab)).passes, { timeout: 60_000 }).toBeGreaterThan(0);
    const expected = EXPECTED_MARKS[path]!;
    await expect
      .poll(
        async () => {
          try {
            expected((await pageMarks(ext$, tab)).map((m) => m.text));
            return true;
          } catch (err) {
            if (process.env.HOSTILE_DEBUG) console.log(path, String(err).slice(0, 300), JSON.stringify(await pageStats(ext$, tab)).slice(0, 300));
            return false;
          }
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expected((await pageMarks(ext$, tab)).map((m) => m.text));
    const stats = await pageStats(ext$, tab);
    expect(stats.failedPasses).toBe(0);
    // Marks in open shadow roots count too, but have no offset in the body's text.
    expect(stats.markCount).toBe((await pageMarks(ext$, tab)).length + (path === '/hostile/hidden-trees' ? 1 : 0));

    const without = await plain.newPage({ viewport: page.viewportSize()! });
    await without.goto(url);
    await settled(without, path);
    expect(await isolated(page, SNAPSHOT), `text and DOM of ${path}`).toEqual(await isolated(without, SNAPSHOT));
    await without.close();
    expect(complaints).toEqual([]);
  });
}

test('a card opens and shows whole under a strict CSP and on a page that overwrote DOM prototypes and globals', async ({ ext }) => {
  for (const path of ['/hostile/csp', '/hostile/prototypes']) {
    const page = await ext.context.newPage();
    await page.goto(server.url(path));
    const ext$ = await openExtensionPage(ext);
    const tab = await tabIdOf(ext$, server.url(path));
    await expect.poll(async () => (await pageStats(ext$, tab)).markCount).toBeGreaterThan(0);
    await page.bringToFront();
    const box = await hoverForCard(page, 'Sergey Lavrov');
    expect(box!.width, path).toBeGreaterThan(200);
    await page.close();
    await ext$.close();
  }
});

test('typing in an editor and sending a form on a page with names: the page gets exactly what was typed', async ({ ext }) => {
  const page = await ext.context.newPage();
  const url = server.url('/hostile/editors');
  await page.goto(url);
  const ext$ = await openExtensionPage(ext);
  const tab = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, tab)).markCount).toBe(1);
  await page.bringToFront();
  await page.click('#editor p');
  await page.keyboard.press('End');
  await page.keyboard.type(' John Kerry and Sergey Lavrov typed here.');
  // Alt+Shift+J (the mark shortcut) typed in an editor belongs to the editor.
  await page.keyboard.press('Alt+Shift+J');
  await expect(page.locator('#editor')).toHaveText('Sergey Lavrov in an editor. John Kerry and Sergey Lavrov typed here.');
  await page.fill('textarea', 'Notes on John Kerry');
  await page.click('button[type=submit]');
  await page.waitForURL(/who=John\+Kerry/);
  expect(new URL(page.url()).searchParams.get('note')).toBe('Notes on John Kerry');
  // The prose is still the one name marked; editors and fields never are.
  const tabAfter = await tabIdOf(ext$, page.url());
  await expect.poll(async () => (await pageMarks(ext$, tabAfter)).map((m) => m.text)).toEqual(['John Kerry']);
});

test('names in open shadow roots and in frames from the page’s origin are marked and open cards; closed roots, SVG, templates and other origins’ frames are not', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/hostile/hidden-trees'));
  await expect.poll(() => isolated(page, DRAWN)).toEqual(['Aleppo', 'John Kerry', 'Sergey Lavrov']);
  const box = await hoverForCard(page, 'Sergey Lavrov', "document.getElementById('open-host').shadowRoot.querySelector('p')");
  expect(box!.width).toBeGreaterThan(200);
  // A page of web components whose only prose, in nested shadow roots, comes after load: read, not skipped.
  await page.goto(server.url('/hostile/components'));
  await expect.poll(() => isolated(page, DRAWN), { timeout: 10_000 }).toEqual(['Geneva', 'John Kerry', 'Sergey Lavrov']);

  await page.goto(server.url('/hostile/frames'));
  const frame = (host: string) => page.frames().find((f) => f.url() === `http://${host}/hostile/frame`.replace(host, `${host}:${new URL(server.url('')).port}`))!;
  await expect.poll(() => page.evaluate(DRAWN)).toEqual(['Aleppo', 'John Kerry']);
  await expect.poll(() => frame('127.0.0.1').evaluate(DRAWN)).toEqual(['Sergey Lavrov']);
  // The other origin's frame had time to be marked (the same-origin one is) and was not.
  expect(await frame('localhost').evaluate(DRAWN)).toEqual([]);
  // The page's own content script answers for the tab: its marks, not the frame's.
  const ext$ = await openExtensionPage(ext);
  const stats = await pageStats(ext$, await tabIdOf(ext$, server.url('/hostile/frames')));
  expect(stats.entityIds).toEqual(['aleppo', 'john-kerry']);
});
