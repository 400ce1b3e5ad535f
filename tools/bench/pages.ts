import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The corpus paragraphs, in order. */
export function corpusParagraphs(dir = 'assets/corpus'): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .map((p) => p.trim())
    .filter((p) => p.length > 30);
}

/** A deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Some words of a paragraph put in links or bold, as articles do. */
function withInlineMarkup(p: string, rnd: () => number): string {
  return p
    .split(' ')
    .map((w) => {
      const r = rnd();
      return r < 0.03 ? `<a href="#">${esc(w)}</a>` : r < 0.05 ? `<b>${esc(w)}</b>` : esc(w);
    })
    .join(' ');
}

/** A long article page: about `chars` characters of text in paragraphs with inline markup. */
export function articlePage(chars: number): string {
  const paragraphs = corpusParagraphs();
  const rnd = random(130);
  const body: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    body.push(`<p>${withInlineMarkup(p, rnd)}</p>`);
    length += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long article</title></head><body><article><h1>Syria: the long read</h1>${body.join('\n')}</article></body></html>`;
}

/** A portal page of about `bytes` of HTML: navigation, lists, tables, cards and comments, thousands of elements. */
export function portalPage(bytes: number): string {
  const paragraphs = corpusParagraphs();
  const rnd = random(1500);
  const pick = () => paragraphs[Math.floor(rnd() * paragraphs.length)]!;
  const nav = Array.from({ length: 200 }, (_, i) => `<li><a href="#s${i}">Section ${i}</a></li>`).join('');
  const parts: string[] = [`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><style>.hide{display:none}</style></head><body><header><nav><ul>${nav}</ul></nav></header><main>`];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const kind = i % 4;
    let html: string;
    if (kind === 0) {
      const rows = Array.from({ length: 8 }, () => `<tr><td>${esc(pick().slice(0, 80))}</td><td><span>${esc(pick().slice(0, 60))}</span></td><td>${Math.floor(rnd() * 1000)}</td></tr>`).join('');
      html = `<section id="s${i}"><h2>Table ${i}</h2><table><tbody>${rows}</tbody></table></section>`;
    } else if (kind === 1) {
      const items = Array.from({ length: 6 }, () => `<li><div class="card"><h3>${esc(pick().slice(0, 50))}</h3><p>${withInlineMarkup(pick(), rnd)}</p></div></li>`).join('');
      html = `<section><ul class="cards">${items}</ul></section>`;
    } else if (kind === 2) {
      html = `<aside><div class="hide">${esc(pick())}</div><div><div><span>${withInlineMarkup(pick(), rnd)}</span></div></div></aside>`;
    } else {
      const comments = Array.from({ length: 4 }, () => `<div class="comment"><div class="meta"><b>reader${Math.floor(rnd() * 999)}</b> <time>2016-09-10</time></div><div class="body">${withInlineMarkup(pick(), rnd)}</div></div>`).join('');
      html = `<section class="comments">${comments}</section>`;
    }
    parts.push(html);
    size += html.length;
  }
  parts.push('</main><footer><p>Footer</p></footer></body></html>');
  return parts.join('\n');
}
