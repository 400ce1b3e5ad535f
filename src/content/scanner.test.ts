// @vitest-environment happy-dom
import './static-range-shim';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../shared/matcher';
import { Highlighter, liveRange } from './highlighter';
import { pageMarks } from './page-stats';
import { scan, scanSliced } from './scanner';

const matcher = new Matcher([
  { text: 'John Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Sergey Lavrov', entityId: 'sergey-lavrov', caseSensitive: false },
  { text: 'Lavrov', entityId: 'sergey-lavrov', caseSensitive: false },
  { text: 'Aleppo', entityId: 'aleppo', caseSensitive: false },
]);
const marked = (h: Highlighter, root: Node = document.body) => pageMarks(root, h).map((m) => [m.text, m.entity]);
const run = (root: Node = document.body, h = new Highlighter(document)) => ({ pass: scan(root, matcher, h), h });
/** Every node of the body, in order: the page's own nodes, which marking must leave exactly as they are. */
const nodes = () => {
  const out: Node[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
  return out;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan', () => {
  it('marks each name and leaves every node of the page as it was', () => {
    document.body.innerHTML = '<p>John Kerry met <i>Lavrov</i> near Aleppo. Kerry left.</p>';
    const html = document.body.innerHTML;
    const before = nodes();
    const { pass, h } = run();
    expect(marked(h)).toEqual([
      ['John Kerry', 'john-kerry'],
      ['Lavrov', 'sergey-lavrov'],
      ['Aleppo', 'aleppo'],
      ['Kerry', 'john-kerry'],
    ]);
    expect(pass.marks).toBe(4);
    expect(pass.textChars).toBe(document.body.textContent!.length);
    expect(document.body.innerHTML).toBe(html);
    expect(nodes()).toEqual(before);
    expect(h.entityCounts()).toEqual({ 'john-kerry': 2, 'sergey-lavrov': 1, aleppo: 1 });
  });

  it('marks a name split by inline markup as one mark over several text nodes', () => {
    document.body.innerHTML = '<p><b>John</b> <a href="#">Kerry</a> and <span>Sergey </span>Lavrov</p>';
    const { h } = run();
    expect(marked(h)).toEqual([
      ['John Kerry', 'john-kerry'],
      ['Sergey Lavrov', 'sergey-lavrov'],
    ]);
    const [kerry] = h.inOrder();
    expect(kerry!.nodes.map((n) => n.data)).toEqual(['John', ' ', 'Kerry']);
    expect(liveRange(kerry!.range).toString()).toBe('John Kerry');
  });

  it('never matches across a block boundary or a line break', () => {
    document.body.innerHTML = '<div><p>John</p><p>Kerry</p></div><p>Sergey<br>Lavrov</p>';
    expect(marked(run().h)).toEqual([
      ['Kerry', 'john-kerry'],
      ['Lavrov', 'sergey-lavrov'],
    ]);
  });

  it('never looks inside script, style, textarea, inputs, contenteditable or hidden elements', () => {
    document.body.innerHTML = `
      <script>var a = "Kerry";</script><style>.Kerry{}</style><noscript>Kerry</noscript>
      <textarea>Kerry</textarea><select><option>Aleppo</option></select><button>Lavrov</button>
      <div contenteditable="true"><p>Kerry in an editor</p></div><div hidden>Lavrov</div>
      <code>Kerry()</code><p>Only Aleppo here.</p>`;
    expect(marked(run().h)).toEqual([['Aleppo', 'aleppo']]);
  });

  it('is idempotent: scanning the same text again replaces its marks, never doubles them', () => {
    document.body.innerHTML = '<p id="a">Kerry and <b>John</b> Kerry and Lavrov.</p><p>Aleppo</p>';
    const { h } = run();
    expect(h.size).toBe(4);
    run(document.getElementById('a')!, h);
    run(document.body, h);
    expect(h.size).toBe(4);
    expect(marked(h)).toEqual([
      ['Kerry', 'john-kerry'],
      ['John Kerry', 'john-kerry'],
      ['Lavrov', 'sergey-lavrov'],
      ['Aleppo', 'aleppo'],
    ]);
  });

  it('re-matches text the page changed, and drops marks whose text left the page', () => {
    document.body.innerHTML = '<p id="a">Sergey Lavrov met the press.</p><p id="b">Aleppo</p>';
    const { h } = run();
    const a = document.getElementById('a')!;
    (a.firstChild as Text).data = 'John Kerry met the press.';
    run(a, h);
    expect(marked(h)).toEqual([
      ['John Kerry', 'john-kerry'],
      ['Aleppo', 'aleppo'],
    ]);
    document.getElementById('b')!.remove();
    expect(h.sweep()).toBe(1);
    expect(h.entityCounts()).toEqual({ 'john-kerry': 1 });
  });

  it('leaves a node alone if the page changed it while a sliced pass was running', async () => {
    document.body.innerHTML = '<p id="a">Kerry</p><p>Lavrov</p>';
    const h = new Highlighter(document);
    const pass = scanSliced(document.body, matcher, h, { sliceMs: 0 });
    document.getElementById('a')!.firstChild!.textContent = 'nobody';
    await pass;
    expect(marked(h)).toEqual([['Lavrov', 'sergey-lavrov']]);
    expect(document.body.innerHTML).toBe('<p id="a">nobody</p><p>Lavrov</p>');
  });

  it('marks a text node far longer than a match step exactly as matching it whole does, names across step edges included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('John Kerry', 'Lavrov', 'Sergey Lavrov', 'Aleppo', 'budget', 'x'.repeat(700), 'a', '—'), { minLength: 3000, maxLength: 6000 }), fc.constantFrom(' ', '  ', ' \u00a0'), (words, gap) => {
        const text = words.join(gap);
        document.body.innerHTML = '<p></p>';
        document.body.firstChild!.appendChild(document.createTextNode(text));
        const { h } = run();
        expect(pageMarks(document.body, h).map((m) => [m.start, m.end, m.entity])).toEqual(matcher.find(text).map((m) => [m.start, m.end, m.entityId]));
      }),
      { numRuns: 15 },
    );
  });

  it('reads open shadow roots, nested ones too, as trees of their own after the page’s; never closed ones', () => {
    document.body.innerHTML = '<p>John Kerry</p><div id="o"></div><div id="c"></div><p hidden><span id="h"></span></p><p>Aleppo</p>';
    const open = document.getElementById('o')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>Sergey Lavrov met <span id="n"></span></p>';
    open.getElementById('n')!.attachShadow({ mode: 'open' }).innerHTML = '<b>Kerry</b>';
    document.getElementById('c')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Kerry</p>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Aleppo</p>';
    const html = document.body.innerHTML;
    const { pass, h } = run();
    expect(h.inOrder().map((m) => m.entityId)).toEqual(['john-kerry', 'aleppo', 'sergey-lavrov', 'john-kerry']);
    expect(pass.shadowRoots).toHaveLength(2);
    // A pass over the host alone replaces its shadow marks, never doubles them.
    scan(document.getElementById('o')!, matcher, h);
    expect(h.inOrder().map((m) => m.entityId)).toEqual(['john-kerry', 'aleppo', 'sergey-lavrov', 'john-kerry']);
    expect(document.body.innerHTML).toBe(html);
  });

  it('clear() leaves no mark behind', () => {
    document.body.innerHTML = '<p>Kerry met Lavrov.</p>';
    const { h } = run();
    h.clear();
    expect([h.size, h.entityCount, h.inOrder().length]).toEqual([0, 0, 0]);
  });
});

/** Random small DOM trees of inline and block elements with text that may hold names. */
const words = fc.constantFrom('John', 'Kerry', ' ', 'Lavrov', 'Sergey', 'met', 'Aleppo', '.', 'x', ' and ', 'Kerry’s');
const tree = fc.letrec<{ node: string; text: string; element: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('element')),
  text: fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join('')),
  element: fc
    .tuple(fc.constantFrom('p', 'b', 'i', 'span', 'div', 'a', 'li', 'em', 'textarea', 'br'), fc.array(tie('node'), { maxLength: 4 }))
    .map(([tag, kids]) => (tag === 'br' ? '<br>' : `<${tag}>${tag === 'textarea' ? 'Kerry' : kids.join('')}</${tag}>`)),
})).node;

describe('scan on random DOM trees (property)', () => {
  it('never changes a node of the page, each mark covers exactly its name, and a rescan changes nothing', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (parts) => {
        document.body.innerHTML = parts.join('');
        const html = document.body.innerHTML;
        const before = nodes();
        const { h } = run();
        expect(document.body.innerHTML).toBe(html);
        expect(nodes()).toEqual(before);
        const first = pageMarks(document.body, h);
        for (const m of first) expect(matcher.find(m.text).map((x) => x.entityId)).toEqual([m.entity]);
        run(document.body, h);
        expect(pageMarks(document.body, h)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
