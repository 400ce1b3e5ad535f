/**
 * The standing hostile-page suite's pages, generated. Each is built so that its final DOM does
 * not depend on timing (a mutation storm stops after a fixed number of ticks), so a load with
 * Crossread and a load in a browser without it can be compared byte for byte.
 */

/** A sentence with two names of the bundled pack, and filler without any. */
const NAMED = 'Sergey Lavrov met John Kerry in Geneva. ';
const FILLER = 'The committee heard evidence on the budget for several hours before it adjourned. ';

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** One text node of about 10 MB, with a named sentence every 20,000 characters. */
function hugeText(): string {
  const chunk = FILLER.repeat(Math.ceil(20_000 / FILLER.length)) + NAMED;
  const text = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
  return page('A 10 MB text node', `<p id="huge">${text}</p>`);
}

/** 100,000 small elements: 10,000 paragraphs of ten spans, a name in every hundredth paragraph. */
function manyElements(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const words = i % 100 === 0 ? ['Sergey', 'Lavrov', 'spoke', 'and', 'John', 'Kerry', 'listened', 'to', 'him', 'today'] : ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    paragraphs.push(`<p>${words.map((w) => `<span>${w} </span>`).join('')}</p>`);
  }
  return page('100,000 elements', paragraphs.join(''));
}

/** Ticks of the mutation storm: one every 10 ms, about five seconds. */
export const STORM_TICKS = 500;
/** Paragraphs the storm keeps at any time. */
export const STORM_KEPT = 20;

/**
 * A page that adds a paragraph with names and removes the oldest every 10 ms, and edits a
 * text node in place, for `STORM_TICKS` ticks; then sets `data-done`. Its last state: the
 * `STORM_KEPT` newest paragraphs, each with two names.
 */
function storm(): string {
  return page(
    'Mutation storm',
    `<h1>Live</h1><p id="ticker">tick 0</p><div id="feed"></div>
<script>
let n = 0;
const feed = document.getElementById('feed');
const ticker = document.getElementById('ticker').firstChild;
const timer = setInterval(() => {
  n += 1;
  const p = document.createElement('p');
  p.textContent = 'Update ' + n + ': Sergey Lavrov and John Kerry spoke again.';
  feed.prepend(p);
  if (feed.childElementCount > ${STORM_KEPT}) feed.lastElementChild.remove();
  ticker.data = 'tick ' + n + (n % 2 ? ' Aleppo' : '');
  if (n === ${STORM_TICKS}) { clearInterval(timer); document.body.dataset.done = 'yes'; }
}, 10);
</script>`,
  );
}

/** A strict Content-Security-Policy: no script, style, image, font or connection of any origin. */
function strictCsp(): string {
  return page(
    'Strict CSP',
    `<article><h1>Talks</h1><p id="target">Sergey Lavrov spoke after the talks with John Kerry.</p></article>`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'">`,
  );
}

/**
 * Page scripts that overwrite DOM prototypes and globals before Crossread starts: arrays,
 * maps, promises, JSON, DOM insertion, observers, timers, custom elements and the highlight
 * registry all misbehave for the page's own world. Crossread's isolated world must not care.
 */
function prototypes(): string {
  return page(
    'Prototypes',
    `<article><h1>Talks</h1><p id="target">Sergey Lavrov spoke after the talks with John Kerry.</p><p>Aleppo was shelled.</p></article>`,
    `<script>
const broken = () => { throw new Error('overwritten by the page'); };
for (const name of ['map', 'forEach', 'filter', 'push', 'indexOf', 'includes', 'join', 'slice', 'sort']) Array.prototype[name] = broken;
Map.prototype.get = broken; Map.prototype.set = broken; Set.prototype.add = broken;
Promise.prototype.then = broken;
JSON.parse = broken; JSON.stringify = broken;
Node.prototype.appendChild = broken; Node.prototype.insertBefore = broken; Node.prototype.removeChild = broken;
Element.prototype.attachShadow = broken; Element.prototype.append = broken; Element.prototype.getBoundingClientRect = broken;
Document.prototype.createElement = broken; Document.prototype.createTreeWalker = broken;
window.MutationObserver = function () { throw new Error('no observers here'); };
window.IntersectionObserver = function () { throw new Error('no observers here'); };
window.requestAnimationFrame = broken; window.requestIdleCallback = broken; window.setTimeout = broken;
customElements.define = broken;
HighlightRegistry.prototype.set = broken; window.Highlight = function () { throw new Error('no highlights'); };
window.StaticRange = function () { throw new Error('no ranges'); };
</script>`,
  );
}

/** A page with a same-origin and a cross-origin iframe, each holding names. */
function frames(crossOrigin: string): string {
  return page(
    'Frames',
    `<p id="top">John Kerry at the top.</p>
<iframe id="same" src="/hostile/frame" width="600" height="120"></iframe>
<iframe id="cross" src="${crossOrigin}/hostile/frame" width="600" height="120"></iframe>
<p id="after">Aleppo after the frames.</p>`,
  );
}

const FRAME = page('Framed', '<p id="inner">Sergey Lavrov inside a frame.</p>');

/**
 * Names where the page's prose is not: inside an open and a closed shadow root, SVG text,
 * and a `<template>`. Only the light tree's names around them are the page's visible prose.
 */
function hiddenTrees(): string {
  return page(
    'Hidden trees',
    `<p id="light">John Kerry in the light tree.</p>
<div id="open-host"></div><div id="closed-host"></div>
<svg width="400" height="40"><text x="0" y="20">Sergey Lavrov in SVG</text></svg>
<template id="tpl"><p>Sergey Lavrov in a template</p></template>
<p id="last">Aleppo at the end.</p>
<script>
document.getElementById('open-host').attachShadow({ mode: 'open' }).innerHTML = '<p>Sergey Lavrov in an open shadow root.</p>';
document.getElementById('closed-host').attachShadow({ mode: 'closed' }).innerHTML = '<p>Sergey Lavrov in a closed shadow root.</p>';
</script>`,
  );
}

/** A page built of web components: its only prose, with names, is inside nested open shadow roots, rendered after load. */
function components(): string {
  return page(
    'Components',
    `<news-app></news-app>
<script>
setTimeout(() => {
  const app = document.querySelector('news-app').attachShadow({ mode: 'open' });
  app.innerHTML = '<header>Daily</header><news-story></news-story>';
  app.querySelector('news-story').attachShadow({ mode: 'open' }).innerHTML = '<article><p>Sergey Lavrov met John Kerry in Geneva on Friday.</p></article>';
}, 300);
</script>`,
  );
}

/** Right-to-left and non-Latin scripts around Latin names, bidi controls and combining marks included. */
function scripts(): string {
  return page(
    'Scripts',
    `<p id="ar" dir="rtl">قال Sergey Lavrov إن المحادثات مع John Kerry ستستمر في جنيف.</p>
<p id="he" dir="rtl">\u202BSergey Lavrov\u202C אמר שהשיחות יימשכו.</p>
<p id="zh">谢尔盖·拉夫罗夫（Sergey Lavrov）与约翰·克里（John Kerry）在日内瓦会面。</p>
<p id="ru">Сергей Лавров и Джон Керри встретились. Sergey Lavrov spoke.</p>
<p id="mixed">e\u0301te\u0301 \u200Bin Aleppo\u200B, ⚠️ John Kerry 🇺🇸.</p>`,
  );
}

/** Editors and forms with names: none is read, and typing in them is never disturbed. */
function editors(): string {
  return page(
    'Editors',
    `<p id="prose">John Kerry in the prose.</p>
<div id="editor" contenteditable="true"><p>Sergey Lavrov in an editor.</p></div>
<div contenteditable="plaintext-only" id="plain">Aleppo in a plain-text editor.</div>
<form id="form" action="/hostile/editors" method="get"><label>Name <input name="who" value="John Kerry"></label>
<textarea name="note">Sergey Lavrov and John Kerry</textarea><select name="city"><option>Aleppo</option></select>
<button type="submit">Send John Kerry</button></form>`,
  );
}

/** The suite's pages by path; `crossOrigin` is the same server under another host name. */
export function hostilePages(crossOrigin: string): Record<string, string> {
  return {
    '/hostile/huge-text': hugeText(),
    '/hostile/many-elements': manyElements(),
    '/hostile/storm': storm(),
    '/hostile/csp': strictCsp(),
    '/hostile/prototypes': prototypes(),
    '/hostile/frames': frames(crossOrigin),
    '/hostile/frame': FRAME,
    '/hostile/hidden-trees': hiddenTrees(),
    '/hostile/components': components(),
    '/hostile/scripts': scripts(),
    '/hostile/editors': editors(),
  };
}
