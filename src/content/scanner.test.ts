// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../shared/matcher';
import { Highlighter, MARK_TAG, WHOLE_MARKS } from './highlighter';
import { scan, scanSliced } from './scanner';

const matcher = new Matcher([
  { text: 'John Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Sergey Lavrov', entityId: 'sergey-lavrov', caseSensitive: false },
  { text: 'Lavrov', entityId: 'sergey-lavrov', caseSensitive: false },
  { text: 'Aleppo', entityId: 'aleppo', caseSensitive: false },
]);
const marks = () => [...document.querySelectorAll<HTMLElement>(WHOLE_MARKS)].map((m) => [m.textContent, m.dataset.entity]);
const run = (root: Node = document.body, h = new Highlighter()) => ({ pass: scan(root, matcher, h), h });

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan', () => {
  it('wraps each name in a mark without changing the text', () => {
    document.body.innerHTML = '<p>John Kerry met <i>Lavrov</i> near Aleppo. Kerry left.</p>';
    const before = document.body.textContent;
    const { pass } = run();
    expect(marks()).toEqual([
      ['John Kerry', 'john-kerry'],
      ['Lavrov', 'sergey-lavrov'],
      ['Aleppo', 'aleppo'],
      ['Kerry', 'john-kerry'],
    ]);
    expect(pass.marks).toBe(4);
    expect(pass.textChars).toBe(before!.length);
    expect(document.body.textContent).toBe(before);
    // Focusable from script (the shortcut), outside the page's own Tab order.
    expect(document.querySelector<HTMLElement>(MARK_TAG)!.tabIndex).toBe(-1);
  });

  it('matches a name split by inline markup, one focusable piece per match', () => {
    document.body.innerHTML = '<p><b>John</b> <a href="#">Kerry</a> and <span>Sergey </span>Lavrov</p>';
    run();
    const pieces = [...document.querySelectorAll<HTMLElement>(MARK_TAG)].map((m) => [m.textContent, m.dataset.entity, m.hasAttribute('data-cont')]);
    expect(pieces).toEqual([
      ['John', 'john-kerry', false],
      [' ', 'john-kerry', true],
      ['Kerry', 'john-kerry', true],
      ['Sergey ', 'sergey-lavrov', false],
      ['Lavrov', 'sergey-lavrov', true],
    ]);
    expect(document.querySelectorAll(WHOLE_MARKS)).toHaveLength(2);
    expect(document.querySelector('b')!.textContent).toBe('John');
  });

  it('never matches across a block boundary or a line break', () => {
    document.body.innerHTML = '<div><p>John</p><p>Kerry</p></div><p>Sergey<br>Lavrov</p>';
    run();
    expect(marks()).toEqual([
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
    run();
    expect(marks()).toEqual([['Aleppo', 'aleppo']]);
  });

  it('sets the chosen highlight style on marks made before and after the choice', () => {
    document.body.innerHTML = '<p>Kerry met Lavrov.</p>';
    const h = new Highlighter();
    run(document.body, h);
    h.setStyle('background');
    document.body.insertAdjacentHTML('beforeend', '<p id="late">Aleppo</p>');
    run(document.getElementById('late')!, h);
    const styles = () => [...document.querySelectorAll(MARK_TAG)].map((m) => m.getAttribute('data-style'));
    expect(styles()).toEqual(['background', 'background', 'background']);
    h.setStyle('underline');
    expect(styles()).toEqual([null, null, null]);
  });

  it('is idempotent: a second scan adds nothing', () => {
    document.body.innerHTML = '<p>Kerry and <b>John</b> Kerry and Lavrov.</p>';
    const { h } = run();
    const html = document.body.innerHTML;
    expect(run(document.body, h).pass.marks).toBe(0);
    expect(document.body.innerHTML).toBe(html);
  });

  it('removing the marks restores the original nodes and markup exactly', () => {
    document.body.innerHTML = '<p>John Kerry met <i>Lavrov</i> near Aleppo.</p><p><b>John</b> Kerry</p>';
    const before = document.body.innerHTML;
    const texts = [...document.body.querySelectorAll('p, i, b')].flatMap((e) => [...e.childNodes]);
    const { h } = run();
    h.removeAll();
    expect(document.body.innerHTML).toBe(before);
    expect([...document.body.querySelectorAll('p, i, b')].flatMap((e) => [...e.childNodes])).toEqual(texts);
  });

  it('leaves a node alone if the page changed it while a sliced pass was running', async () => {
    document.body.innerHTML = '<p id="a">Kerry</p>';
    const pass = scanSliced(document.body, matcher, new Highlighter(), { sliceMs: 0 });
    document.getElementById('a')!.firstChild!.textContent = 'nobody';
    await pass;
    expect(document.body.innerHTML).toBe('<p id="a">nobody</p>');
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
  it('never changes the text content, and removal restores the DOM exactly', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (parts) => {
        document.body.innerHTML = parts.join('');
        const html = document.body.innerHTML;
        const text = document.body.textContent;
        const { h } = run();
        expect(document.body.textContent).toBe(text);
        h.removeAll();
        expect(document.body.innerHTML).toBe(html);
      }),
      { numRuns: 300 },
    );
  });
});
