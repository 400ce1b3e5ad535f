// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../shared/matcher';
import { MARK_TAG, removeMarks } from './highlighter';
import { scan } from './scanner';

const matcher = new Matcher([
  { text: 'John Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Kerry', entityId: 'john-kerry', caseSensitive: false },
  { text: 'Lavrov', entityId: 'sergey-lavrov', caseSensitive: false },
  { text: 'Aleppo', entityId: 'aleppo', caseSensitive: false },
]);
const marks = () => [...document.querySelectorAll<HTMLElement>(MARK_TAG)].map((m) => [m.textContent, m.dataset.entity]);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan', () => {
  it('wraps each name in a focusable mark without changing the text', () => {
    document.body.innerHTML = '<p>John Kerry met <i>Lavrov</i> near Aleppo. Kerry left.</p>';
    const before = document.body.textContent;
    const pass = scan(document.body, matcher);
    expect(marks()).toEqual([
      ['John Kerry', 'john-kerry'],
      ['Lavrov', 'sergey-lavrov'],
      ['Aleppo', 'aleppo'],
      ['Kerry', 'john-kerry'],
    ]);
    expect(pass.marks).toHaveLength(4);
    expect(pass.textChars).toBe(before!.length);
    expect(document.body.textContent).toBe(before);
    expect(pass.marks[0]!.tabIndex).toBe(0);
  });

  it('never looks inside script, style, textarea, inputs, contenteditable or hidden elements', () => {
    document.body.innerHTML = `
      <script>var a = "Kerry";</script><style>.Kerry{}</style><noscript>Kerry</noscript>
      <textarea>Kerry</textarea><select><option>Aleppo</option></select><button>Lavrov</button>
      <div contenteditable="true"><p>Kerry in an editor</p></div><div hidden>Lavrov</div>
      <code>Kerry()</code><p>Only Aleppo here.</p>`;
    scan(document.body, matcher);
    expect(marks()).toEqual([['Aleppo', 'aleppo']]);
  });

  it('is idempotent: a second scan adds nothing', () => {
    document.body.innerHTML = '<p>Kerry and Lavrov.</p>';
    scan(document.body, matcher);
    const html = document.body.innerHTML;
    expect(scan(document.body, matcher).marks).toEqual([]);
    expect(document.body.innerHTML).toBe(html);
  });

  it('scans only the subtree it is given, and a lone text node', () => {
    document.body.innerHTML = '<p id="a">Kerry</p><p id="b">Lavrov</p>';
    scan(document.getElementById('b')!, matcher);
    expect(marks()).toEqual([['Lavrov', 'sergey-lavrov']]);
    const text = document.createTextNode('Aleppo again');
    document.body.append(text);
    scan(text, matcher);
    expect(marks().at(-1)).toEqual(['Aleppo', 'aleppo']);
  });

  it('removing the marks restores the original markup', () => {
    const original = '<p>John Kerry met <i>Lavrov</i> near Aleppo.</p>';
    document.body.innerHTML = original;
    removeMarks(scan(document.body, matcher).marks);
    expect(document.body.innerHTML).toBe(original);
  });
});
