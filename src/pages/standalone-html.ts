/**
 * The compare view's HTML export: what is shown, as one file that runs nothing and fetches
 * nothing wherever it is opened. The DOM is Crossread's own rendering (text nodes only), and the
 * export still makes sure: scripts, frames, embeds, forms and event-handler attributes are
 * dropped, links kept only within the page or to http(s), nothing loaded (`src`, `url(`), and
 * a Content-Security-Policy forbids scripts and requests should anything slip through.
 */

/** The tags an exported comparison never contains. */
const DROPPED = 'script, noscript, iframe, frame, object, embed, link, meta, base, form, template, style, foreignObject, animate, set';

/** A policy for the file itself: inline styles, nothing else (no script, no request). */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A copy of `doc` safe to write into a file (see the module comment). */
export function scriptFree(doc: Element): Element {
  const clone = doc.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll(DROPPED)) el.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const { name, value } of [...el.attributes]) {
      const lower = name.toLowerCase();
      const link = lower === 'href' || lower === 'xlink:href';
      const keptLink = link && (/^#/.test(value) || /^https?:\/\//i.test(value.trim()));
      if (lower.startsWith('on') || lower === 'src' || lower === 'srcset' || lower === 'action' || lower === 'formaction' || (link && !keptLink) || (lower === 'style' && /url\s*\(|expression\s*\(/i.test(value))) {
        el.removeAttribute(name);
      }
    }
  }
  return clone;
}

import type { Translator } from '../shared/i18n';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The comparison as one HTML file: the shown document and the page's CSS inline, no script,
 * nothing fetched; its own words in the reader's language, dated today.
 */
export function standaloneHtml(doc: Element, css: string, title: string, t: Translator, now = new Date()): string {
  // A stylesheet cannot end its <style> element early, nor load anything.
  const style = css.replace(/<\/style/gi, '<\\/style').replace(/@import[^;]*;/gi, '').replace(/url\s*\([^)]*\)/gi, 'none');
  return `<!doctype html>
<html lang="${escapeText(t.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(t('exportTitle', title))}</title>
<style>
${style}
</style>
</head>
<body>
<main class="page compare">
<p class="muted">${escapeText(t('exportedOn', t.date(now)))}</p>
${scriptFree(doc).outerHTML}
</main>
</body>
</html>
`;
}
