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
