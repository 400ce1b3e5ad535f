import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A news-like page made from one corpus text: its first line as the headline, each further
 * paragraph as a <p>. The text is escaped, so the page shows exactly the corpus words.
 */
export function corpusArticlePage(file: string, corpusDir = 'assets/corpus'): string {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  const [headline = file, ...body] = paragraphs;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(headline)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:40px auto;padding:0 16px;color:#222}h1{font-size:30px;line-height:1.2}</style>
</head><body><article><h1>${esc(headline)}</h1>${body.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

/** The corpus files, sorted. */
export function corpusFiles(corpusDir = 'assets/corpus'): string[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
}

/** A page that names corpus entities only where Crossread must not look. */
export const FORBIDDEN_PLACES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nothing to mark</title>
<style>.x::after { content: "Kerry Lavrov" } /* Kerry and Lavrov in a stylesheet */</style>
<script>window.__names = "John Kerry met Sergey Lavrov in Geneva about Aleppo";</script>
</head><body>
<p>This paragraph mentions nobody in particular.</p>
<textarea id="ta">John Kerry and Sergey Lavrov talked about Aleppo.</textarea>
<div contenteditable="true" id="ed">Bashar al-Assad and the Islamic State in Syria.</div>
<input id="in" value="Kerry Lavrov Assad">
<select><option>Aleppo</option><option>Damascus</option></select>
<noscript>Kerry and Lavrov</noscript>
<script type="application/json">{"who": "Kerry and Lavrov in Geneva"}</script>
</body></html>`;

/** Names split by inline markup, text hidden by CSS, and ambiguous names with and without context. */
export const MARKUP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markup</title>
<style>.gone { display: none } .invisible { visibility: hidden }</style></head><body>
<p id="split"><b>John</b> <a href="#x">Kerry</a> met <span>Sergey </span><em>Lavrov</em>.</p>
<p id="blocks"><span>John</span></p><p>Kerry</p>
<p id="hidden"><span class="gone">Aleppo</span><span class="invisible">Damascus</span> nothing visible here</p>
<p id="context">Turkey backs rebels around Aleppo.</p>
</body></html>`;

/** Ambiguous names with no other name of the story anywhere near: none is marked. */
export const AMBIGUOUS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dinner</title></head><body>
<p id="alone">We had roast turkey on Thursday. Turkey is also where Jordan went on holiday; the rebels in the film were great.</p>
</body></html>`;

/** A live page: a paragraph with names is appended every 40 ms, 50 times, like a live blog. */
export const LIVE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body>
<h1>Live: Syria talks</h1><div id="feed"></div>
<script>
let n = 0;
const timer = setInterval(() => {
  const p = document.createElement('p');
  p.className = 'update';
  p.textContent = 'Update ' + (++n) + ': Lavrov and Kerry spoke again about Aleppo.';
  document.getElementById('feed').prepend(p);
  if (n === 50) { clearInterval(timer); document.body.dataset.done = 'yes'; }
}, 40);
</script></body></html>`;

/** A page whose stylesheet attacks everything it can: the tooltip must still show, whole and legible. */
export const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<style>
* { all: unset !important; }
span, div, section, header, h2, ul, li, blockquote, form, textarea, button { display: none !important; }
html { font-size: 64px !important; }
body { display: block !important; transform: scale(1.3) rotate(3deg) !important; filter: blur(0) !important; padding: 40px !important; }
p { display: block !important; font-size: 30px !important; }
</style></head><body>
<p id="target">Sergey Lavrov spoke after the talks.</p>
</body></html>`;

/** Names at each edge of the viewport, and one inside a scrolling box: every tooltip must stay fully visible. */
export const EDGES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Edges</title>
<style>
body { margin: 0; font: 16px/1.4 sans-serif; }
.e { position: fixed; margin: 0; white-space: nowrap; }
#tl { top: 0; left: 0; } #tr { top: 0; right: 0; } #bl { bottom: 0; left: 0; } #br { bottom: 0; right: 0; }
#box { position: fixed; top: 200px; left: 300px; width: 320px; height: 120px; overflow: auto; border: 1px solid #999; }
#box .spacer { height: 400px; }
</style></head><body>
<p class="e" id="tl">Kerry</p><p class="e" id="tr">Lavrov</p><p class="e" id="bl">Aleppo</p><p class="e" id="br">Geneva</p>
<div id="box"><div class="spacer"></div><p id="inbox">Inside the box, Bashar al-Assad.</p><div class="spacer"></div></div>
</body></html>`;

/** A page whose text carries HTML and script payloads next to a name: they must show as text and run nothing. */
export const PAYLOAD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Payload</title></head><body>
<p id="p">Sergey Lavrov said &lt;img src=x onerror="window.__pwned=1"&gt; and &lt;script&gt;window.__pwned=2&lt;/script&gt; today.</p>
</body></html>`;

/** A dark page (white text on black): marks and the tooltip must read on it. */
export const DARK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dark</title>
<style>html { background: #000; color: #eee; font: 18px/1.5 Georgia, serif; } body { max-width: 640px; margin: 40px auto; }</style>
</head><body><p>In Geneva, John Kerry and Sergey Lavrov agreed on a ceasefire for Aleppo.</p></body></html>`;

/**
 * A story page that is not in the corpus: framing words in its own voice ("regime" twice,
 * "government" once, "moderate" in scare quotes), an analyst's "regime" in a quotation, a war
 * toll no source gives (more than 400,000 against 290,000 and 500,000), one airstrike's toll
 * (not a war toll), and a reader comment below the article whose words count for nothing.
 */
export const FRAMED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Truce talks, again</title></head><body>
<article><h1>Truce talks, again</h1>
<p>John Kerry and Sergey Lavrov met again in Geneva on Friday.</p>
<p>The Assad regime kept shelling Aleppo, and the regime blamed the "moderate" rebels for the fighting.</p>
<p>A government spokesman in Damascus denied it.</p>
<p>“The regime has lost every argument,” said Jane Roe, an analyst at a research institute.</p>
<p>The war has killed more than 400,000 people.</p>
<p>An airstrike on a market in Idlib killed 12 people.</p>
</article>
<section><h2>2 comments</h2><p>Joe Bloggs March 3, 2021 - 8:17 pm</p><p>This regime is the worst regime there ever was, and the terrorists know it.</p></section>
</body></html>`;

/** A page with nothing of the story. */
export const NO_STORY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lemon cake</title></head><body>
<article><h1>Lemon cake</h1><p>Mix the flour and the sugar, add three eggs, and bake for forty minutes.</p></article></body></html>`;

/** A short article; the notes tests serve it, then an edited version of it. */
export const articleOf = (paragraphs: string[]) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
export const TALKS_PAGE = articleOf([
  'In Geneva, John Kerry said the truce would hold for seven days.',
  'Aid convoys waited at the border.',
  'Sergey Lavrov said Moscow would press the Syrian government.',
]);
/** The same article later: a paragraph added on top, the first sentence edited, the last removed. */
export const TALKS_EDITED_PAGE = articleOf(['Update: talks resumed on Sunday.', 'In Geneva, John Kerry said the truce would hold for 7 days.', 'Aid convoys waited at the border.']);

/**
 * A page whose script attacks Crossread: listeners for every typed key on `window` and
 * `document` (capture and bubble, added before Crossread's content script), and `forge()`,
 * which makes the `<crossread-mark>` elements Crossread once drew, focuses them, dispatches
 * the shortcuts and Enter as synthetic events, adds a range of its own to Crossread's highlight,
 * and tries every way into Crossread's element. What it saw is in `window.__seen` and `__reach`.
 */
export const FORGED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Forged</title>
<script>
window.__seen = [];
for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput', 'compositionend', 'paste', 'copy']) {
  const log = (where) => (e) => window.__seen.push(where + ' ' + type + ' ' + (e.key ?? e.data ?? ''));
  window.addEventListener(type, log('window-capture'), true);
  document.addEventListener(type, log('document-capture'), true);
  document.addEventListener(type, log('document'), false);
}
function crossreadElement() {
  return [...document.documentElement.children].find((e) => e.localName.startsWith('crossread-'));
}
function forge() {
  const fake = document.createElement('crossread-mark');
  fake.dataset.entity = 'john-kerry';
  fake.setAttribute('role', 'button');
  fake.tabIndex = 0;
  fake.textContent = 'A forged mark';
  document.getElementById('fake').append(fake);
  fake.focus();
  const box = fake.getBoundingClientRect();
  const at = { bubbles: true, composed: true, clientX: box.x + 5, clientY: box.y + 5 };
  for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove']) fake.dispatchEvent(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, at));
  const keys = [{ key: 'Enter', code: 'Enter' }, { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true }, { key: 'S', code: 'KeyS', altKey: true, shiftKey: true }];
  const host = crossreadElement();
  for (const k of keys) for (const target of [fake, document, document.body, host]) target.dispatchEvent(new KeyboardEvent('keydown', { ...k, bubbles: true, composed: true }));
  // A range of the page's own, added to Crossread's highlight.
  const range = new StaticRange({ startContainer: fake.firstChild, startOffset: 0, endContainer: fake.firstChild, endOffset: fake.firstChild.length });
  for (const h of CSS.highlights.values()) h.add(range);
  const reach = { shadowRoot: host.shadowRoot === null, children: host.children.length, html: host.innerHTML };
  try { host.attachShadow({ mode: 'open' }); reach.attached = true; } catch { reach.attached = false; }
  host.focus();
  host.click();
  reach.textareas = document.querySelectorAll('textarea').length;
  window.__reach = reach;
}
/** While the card has focus: synthetic Enter and submit at everything the page can reach. */
function submitAttempt() {
  const host = crossreadElement();
  for (const target of [host, document.activeElement, document]) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, composed: true }));
    target.dispatchEvent(new Event('submit', { bubbles: true, composed: true }));
  }
  window.__typed = { active: document.activeElement === host, selection: String(document.getSelection()), shadowRoot: host.shadowRoot };
}
</script></head><body>
<p id="target">Sergey Lavrov spoke after the talks.</p>
<p id="fake"></p>
</body></html>`;

/**
 * A page that claims every `crossread-*` custom element name: two it defines at once, and any
 * other it sees appear, defined on the spot with a constructor that throws.
 */
export const CUSTOM_ELEMENTS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Custom elements</title>
<script>
class Hostile extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).textContent = 'taken'; throw new Error('hostile element'); }
}
customElements.define('crossread-mark', class extends Hostile {});
customElements.define('crossread-tooltip', class extends Hostile {});
window.__claimed = [];
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) {
    if (n.localName?.startsWith('crossread-') && !customElements.get(n.localName)) {
      window.__claimed.push(n.localName);
      try { customElements.define(n.localName, class extends Hostile {}); } catch (e) { window.__claimed.push(String(e)); }
    }
  }
}).observe(document, { childList: true, subtree: true });
</script></head><body>
<p id="target">Sergey Lavrov spoke after the talks.</p>
</body></html>`;

/**
 * A page that nests 20,000 elements deep, with a name at the bottom and one after. The chain is
 * hidden: Chromium's renderer itself crashes laying out a few thousand nested boxes, with or
 * without Crossread. Crossread's walk still climbs the whole chain to judge the bottom text.
 */
export const DEEP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deep</title></head><body>
<p id="top">John Kerry at the top.</p><div id="deep" hidden></div><p id="after">Aleppo after the depths.</p>
<script>
let el = document.getElementById('deep');
for (let i = 0; i < 20000; i++) el = el.appendChild(document.createElement(i % 2 ? 'span' : 'div'));
el.textContent = 'Deep down, Sergey Lavrov.';
</script></body></html>`;
