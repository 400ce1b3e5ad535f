// @vitest-environment happy-dom
import './static-range-shim';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Matcher } from '../shared/matcher';
import { PageMarker } from './page-marker';
// Loaded on first use in the extension; loaded here up front so the timings below do not include transforming it.
import './page-ui';
import { pageMarks } from './page-stats';

const names = new Matcher([
  { text: 'Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Lavrov', entityId: 'sergey-lavrov', caseSensitive: false },
]);
const actions = { saveNote: async () => {}, openComparison: async () => {} };
/** Waits for the observer's batch and the pass it queues. */
const settle = () => new Promise((r) => setTimeout(r, 250));
const ownElements = () => [...document.documentElement.children].filter((e) => e.localName.startsWith('crossread-'));

let marker: PageMarker | undefined;
afterEach(async () => {
  await marker?.stop();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('PageMarker', () => {
  it('reports a pass that fails and still runs the passes after it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let calls = 0;
    const flaky = { find: (text: string) => (++calls === 1 ? (() => { throw new Error('broken pack'); })() : names.find(text)) };
    document.body.innerHTML = '<p>Kerry</p>';
    marker = new PageMarker(document, flaky, actions);
    await marker.start();
    expect(marker.marks.size).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('a pass over this page failed'), expect.any(Error));
    const p = document.createElement('p');
    p.textContent = 'Lavrov arrived.';
    document.body.append(p);
    await settle();
    expect(pageMarks(document.body, marker.marks).map((m) => m.entity)).toEqual(['sergey-lavrov']);
    expect(marker.stats.snapshot(document, marker.marks, true)).toMatchObject({ passes: 1, failedPasses: 1 });
  });

  it('follows open shadow roots: names there are marked, and so are names the page adds inside them later', async () => {
    document.body.innerHTML = '<p>Kerry</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Lavrov</p>';
    marker = new PageMarker(document, names, actions);
    await marker.start();
    expect(marker.marks.entityCounts()).toEqual({ 'john-kerry': 1, 'sergey-lavrov': 1 });
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Kerry again.' }));
    await settle();
    expect(marker.marks.entityCounts()).toEqual({ 'john-kerry': 2, 'sergey-lavrov': 1 });
    document.getElementById('host')!.remove();
    await settle();
    expect(marker.marks.entityCounts()).toEqual({ 'john-kerry': 1 });
  });

  it('follows the page: new names are marked, edited text is matched again, removed text leaves no mark or count', async () => {
    document.body.innerHTML = '<ul><li id="a">Kerry spoke.</li><li id="b">Lavrov spoke.</li></ul>';
    const counts: number[] = [];
    marker = new PageMarker(document, names, actions, (n) => counts.push(n));
    await marker.start();
    expect(marker.marks.entityCounts()).toEqual({ 'john-kerry': 1, 'sergey-lavrov': 1 });

    (document.getElementById('a')!.firstChild as Text).data = 'Lavrov spoke again.';
    await settle();
    expect(marker.marks.entityCounts()).toEqual({ 'sergey-lavrov': 2 });

    document.getElementById('b')!.remove();
    await settle();
    expect(marker.marks.entityCounts()).toEqual({ 'sergey-lavrov': 1 });
    // A page that keeps replacing its text does not pile up marks.
    for (let i = 0; i < 20; i++) {
      document.querySelector('ul')!.replaceChildren(Object.assign(document.createElement('li'), { textContent: `Kerry, update ${i}` }));
      await new Promise((r) => setTimeout(r, 20));
    }
    await settle();
    expect(marker.marks.size).toBe(1);
    expect(counts.at(-1)).toBe(1);
  });

  it('adds one element with a closed shadow root, puts it back if the page removes it, and takes everything away on stop', async () => {
    document.body.innerHTML = '<p>Kerry</p>';
    const html = document.body.innerHTML;
    marker = new PageMarker(document, names, actions);
    await marker.start();
    const [host] = ownElements();
    expect(host).toBeDefined();
    expect(host!.shadowRoot).toBeNull();
    expect(document.body.innerHTML).toBe(html);
    host!.remove();
    await settle();
    expect(ownElements()).toEqual([host]);
    await marker.stop();
    expect(ownElements()).toEqual([]);
    expect(marker.marks.size).toBe(0);
    expect(document.body.innerHTML).toBe(html);
  });

  it('on a page without names, adds nothing and loads no UI; the first name brings it', async () => {
    document.body.innerHTML = '<p>Nothing to see here.</p>';
    const html = document.body.innerHTML;
    marker = new PageMarker(document, names, actions);
    await marker.start();
    expect([ownElements().length, marker.uiLoaded, marker.stats.snapshot(document, marker.marks, true).passes]).toEqual([0, false, 1]);
    await marker.placeNotes([]);
    expect(marker.uiLoaded).toBe(false);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Kerry came.' }));
    await settle();
    expect([ownElements().length, marker.uiLoaded]).toEqual([1, true]);
    expect(document.body.innerHTML).toBe(`${html}<p>Kerry came.</p>`);
  });

  it('gives its element a fresh name on every start, which a page cannot have defined beforehand', async () => {
    document.body.innerHTML = '<p>Kerry</p>';
    marker = new PageMarker(document, names, actions);
    await marker.start();
    const first = ownElements()[0]!.localName;
    await marker.stop();
    await marker.start();
    const second = ownElements()[0]!.localName;
    expect(first).toMatch(/^crossread-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });

  it('ends everything when the content script’s life ends', async () => {
    const life = new AbortController();
    document.body.innerHTML = '<p>Kerry</p>';
    marker = new PageMarker(document, names, actions, () => {}, life.signal);
    await marker.start();
    life.abort();
    await settle();
    expect([marker.enabled, marker.marks.size, ownElements().length]).toEqual([false, 0, 0]);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Lavrov' }));
    await settle();
    expect(marker.marks.size).toBe(0);
  });
});
