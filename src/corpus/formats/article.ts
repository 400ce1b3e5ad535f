import type { Provenance } from '../catalog';

/**
 * One article of a corpus, whatever file it came from: its text (what the pack's offsets point
 * into, and what the pack carries) and what the file says of it.
 */
export interface CorpusArticle {
  /** The file, and for a file of many articles the record: "news.jsonl#3", "crawl.warc.gz#12". */
  file: string;
  text: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  byline?: string;
}

/** What an article's own metadata says of its provenance, never more (the rest stays "unknown"). */
export function provenanceOf(a: CorpusArticle, how: string): Provenance | undefined {
  if (!a.title && !a.outlet && !a.date && !a.url) return undefined;
  return {
    file: a.file,
    headline: a.title ?? a.text.split('\n').find((l) => l.trim())?.trim() ?? a.file,
    outlet: a.outlet ?? (a.url ? hostOf(a.url) : undefined) ?? 'unknown',
    attributed_to: a.byline ?? a.outlet ?? 'unknown',
    kind: 'unknown',
    date: a.date ?? 'unknown',
    evidence: how,
    ...(a.url ? { url: a.url } : {}),
  };
}

/** The text with its headline as its first line, unless it already opens with it (what the analysis reads first). */
export function withHeadline(title: string | undefined, body: string): string {
  const first = body.split('\n', 1)[0]!.trim();
  return title && first !== title ? `${title}\n\n${body}` : body;
}

/** The site of an address, without "www.": what a reader calls the outlet when nothing else says. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Metadata from `Title:`, `Outlet:`, `Date:`, `URL:`, `Byline:` lines at the top of a text (any case), up to the first blank line. */
export function headerLines(text: string): Pick<CorpusArticle, 'title' | 'outlet' | 'date' | 'url' | 'byline'> {
  const out: Pick<CorpusArticle, 'title' | 'outlet' | 'date' | 'url' | 'byline'> = {};
  const keys: Record<string, keyof typeof out> = { title: 'title', headline: 'title', outlet: 'outlet', source: 'outlet', publication: 'outlet', publisher: 'outlet', date: 'date', published: 'date', url: 'url', link: 'url', byline: 'byline', author: 'byline' };
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$/.exec(line);
    const key = m && keys[m[1]!.toLowerCase()];
    if (!key) break;
    out[key] ??= m[2]!;
  }
  return out;
}
