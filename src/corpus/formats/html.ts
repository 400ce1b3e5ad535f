import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PackBuildError } from '../errors';
import { withHeadline, type CorpusArticle } from './article';

/** Fewer words than this and what reader view found is page chrome, not an article. */
const MIN_ARTICLE_WORDS = 25;

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);

/** The text of an element as paragraphs: one blank line between blocks, spaces collapsed within them. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return parts.join('\n\n');
}

/**
 * The article of an HTML page, as Firefox's reader view finds it (@mozilla/readability on
 * linkedom, a DOM that runs in Node and in workers): title, byline, date and site name from
 * its metadata, the text as paragraphs with the title first. Fails, naming the file, when the
 * page has no article.
 */
export function htmlArticle(file: string, html: string, url?: string): CorpusArticle {
  const { document } = parseHTML(html);
  const canonical = url ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
  const parsed = new Readability(document as unknown as Document, { serializer: blockText }).parse();
  const body = parsed?.content?.trim();
  if (!parsed || !body || (body.match(/\S+/g) ?? []).length < MIN_ARTICLE_WORDS) throw new PackBuildError(file, 'no article found in this page (reader view finds no main text)');
  // "Council passes budget | City Press": the page title less its site name, or the article's own first line when it begins the title.
  const site = parsed.siteName?.trim();
  let title = parsed.title?.trim() || undefined;
  if (title && site) title = title.replace(new RegExp(String.raw`\s+[|–—-]\s+${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');
  const first = body.split('\n', 1)[0]!.trim();
  if (title && title !== first && title.startsWith(`${first} `)) title = first;
  const text = withHeadline(title, body);
  return {
    file,
    text,
    ...(title ? { title } : {}),
    ...(parsed.siteName ? { outlet: parsed.siteName.trim() } : {}),
    ...(parsed.publishedTime ? { date: parsed.publishedTime.trim() } : {}),
    ...(parsed.byline ? { byline: parsed.byline.trim() } : {}),
    ...(canonical ? { url: canonical } : {}),
  };
}
