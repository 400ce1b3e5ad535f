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
