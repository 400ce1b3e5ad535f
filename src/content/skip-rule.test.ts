// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_VISIBLE_CHARS, skipReason, visibleTextUpTo } from './skip-rule';

const page = (body: string, attrs: Record<string, string> = {}) => {
  for (const a of [...document.body.attributes]) document.body.removeAttribute(a.name);
  document.body.innerHTML = body;
  for (const [k, v] of Object.entries(attrs)) document.body.setAttribute(k, v);
};

afterEach(() => {
  document.designMode = 'off';
  for (const a of [...document.body.attributes]) document.body.removeAttribute(a.name);
  document.documentElement.removeAttribute('role');
  document.body.replaceChildren();
});

describe('skip rule', () => {
  it('reads an article, and a short page that still holds a sentence', () => {
    page('<article><h1>Talks resume</h1><p>The two ministers met on Tuesday and spoke for an hour.</p></article>');
    expect(skipReason(document)).toBeUndefined();
    page('<p>Sergey Lavrov spoke after the talks.</p>');
    expect(skipReason(document)).toBeUndefined();
  });

  it('skips a page with almost no visible text; scripts, styles, hidden and editable text do not count', () => {
    page('<div id="app"></div><script>const state = "a long inline script that holds no prose at all";</script>');
    expect(skipReason(document)).toBe('little-text');
    page('<style>body { color: red; font-family: a very long font list }</style><p hidden>Hidden text that is long enough to count.</p><button>Sign in</button>');
    expect(skipReason(document)).toBe('little-text');
    page('<h1>Log in</h1><label>Email</label><input value="someone@example.org, a long value">');
    expect(skipReason(document)).toBe('little-text');
    page(`<p>${'x'.repeat(MIN_VISIBLE_CHARS - 1)}</p>`);
    expect(skipReason(document)).toBe('little-text');
    page(`<p>${'x'.repeat(MIN_VISIBLE_CHARS)}</p>`);
    expect(skipReason(document)).toBeUndefined();
  });

  it('reads a page whose prose is in open shadow roots (web components), nested ones too', () => {
    page('<news-app></news-app>');
    expect(skipReason(document)).toBe('little-text');
    const app = document.querySelector('news-app')!.attachShadow({ mode: 'open' });
    app.innerHTML = '<news-story></news-story>';
    app.querySelector('news-story')!.attachShadow({ mode: 'open' }).innerHTML = '<p>The two ministers met on Tuesday and spoke for an hour.</p>';
    expect(skipReason(document)).toBeUndefined();
  });

  it('skips editors: design mode, an editable body, or editable regions holding most of the text', () => {
    page('<p>A document being written, long enough to be an article.</p>');
    document.designMode = 'on';
    expect(skipReason(document)).toBe('editor');
    document.designMode = 'off';
    page('<p>A document being written, long enough to be an article.</p>', { contenteditable: 'true' });
    expect(skipReason(document)).toBe('editor');
    page('<nav>Inbox · Sent</nav><div contenteditable="true"><p>Dear all, the minutes of the meeting follow below, with the names.</p></div>');
    expect(skipReason(document)).toBe('editor');
    // A comment box beside an article is no editor.
    page('<article><p>The two ministers met on Tuesday and spoke for an hour about the next round.</p></article><div contenteditable="true">Your comment</div>');
    expect(skipReason(document)).toBeUndefined();
  });

  it('skips web apps that say so', () => {
    page('<p>A canvas-drawn spreadsheet with a status line long enough to count.</p>', { role: 'application' });
    expect(skipReason(document)).toBe('application');
  });

  it('stops counting as soon as there is enough text', () => {
    page(`<p>${'word '.repeat(10)}</p>${'<p>more prose here</p>'.repeat(1_000)}`);
    expect(visibleTextUpTo(document.body, MIN_VISIBLE_CHARS)).toBeLessThan(100);
  });
});
