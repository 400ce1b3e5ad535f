import { PackBuildError } from '../errors';
import type { Provenance } from '../catalog';
import { headerLines, provenanceOf, type CorpusArticle } from './article';
import { htmlArticle } from './html';
import { csvArticles, jsonlArticles, PRESETS } from './records';
import { warcArticles } from './warc';

/** A file of a corpus as given: its name (no folders) and its bytes. */
export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

export interface CorpusOptions {
  /** Field names of JSON Lines records: `crossread` (default), `newsplease` or `newsapi`. */
  format?: string;
  /** CSV/TSV columns by field: "text=body,title=headline". */
  columns?: string;
  /** Called after each file is read (`done` of `total`); the read waits for it, so a caller can stop there. */
  onFile?: (done: number, total: number) => void | Promise<void>;
}

export interface ReadCorpus {
  texts: { file: string; text: string }[];
  /** What each file's own metadata says (header lines, HTML metadata, record fields). */
  provenance: Provenance[];
  /** What was left aside and why, for the summary ("2 pages of crawl.warc had no article"). */
  notes: string[];
}

/** The formats a corpus file may have, by the end of its name. */
export const CORPUS_FORMATS = ['.txt', '.html', '.htm', '.jsonl', '.ndjson', '.csv', '.tsv', '.warc', '.warc.gz'] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(file: CorpusFile): string {
  try {
    return utf8.decode(file.bytes);
  } catch {
    throw new PackBuildError(file.name, 'is not valid UTF-8');
  }
}

const formatOf = (name: string) => CORPUS_FORMATS.find((f) => name.toLowerCase().endsWith(f));

/**
 * Reads the files of a corpus into articles: plain text (with optional header lines `Title:`,
 * `Outlet:`, `Date:`, `URL:`), HTML pages (the article found as reader view finds it), JSON
 * Lines, CSV or TSV with a header row, and web archives. Every bad file fails the whole read
 * with a message naming the file, and the line, row or record. Pure: bytes in, articles out
 * (the command line reads the files; a worker in the browser can hand over dropped ones).
 */
export async function readCorpus(files: readonly CorpusFile[], options: CorpusOptions = {}): Promise<ReadCorpus> {
  const preset = PRESETS[options.format ?? 'crossread'];
  if (!preset) throw new PackBuildError('--format', `"${options.format}" is not one of ${Object.keys(PRESETS).join(', ')}`);
  const articles: (CorpusArticle & { how: string })[] = [];
  const notes: string[] = [];
  const ignored: string[] = [];
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  for (const [i, file] of sorted.entries()) {
    if (i > 0) await options.onFile?.(i, sorted.length);
    const format = formatOf(file.name);
    switch (format) {
      case '.txt': {
        const text = decode(file);
        articles.push({ file: file.name, text, ...headerLines(text), how: 'header lines of the file' });
        break;
      }
      case '.html':
      case '.htm':
        articles.push({ ...htmlArticle(file.name, decode(file)), how: 'the page’s metadata' });
        break;
      case '.jsonl':
      case '.ndjson':
        articles.push(...jsonlArticles(file.name, decode(file), preset).map((a) => ({ ...a, how: 'the record’s fields' })));
        break;
      case '.csv':
      case '.tsv':
        articles.push(...csvArticles(file.name, decode(file), format === '.csv' ? ',' : '\t', options.columns).map((a) => ({ ...a, how: 'the row’s columns' })));
        break;
      case '.warc':
      case '.warc.gz': {
        const { articles: found, skipped } = await warcArticles(file.name, file.bytes);
        articles.push(...found.map((a) => ({ ...a, how: 'the archived page’s metadata' })));
        if (skipped > 0) notes.push(`${file.name}: ${skipped} HTML page${skipped === 1 ? '' : 's'} without an article left out`);
        break;
      }
      default:
        if (file.name !== 'sources.json') ignored.push(file.name);
    }
  }
  if (sorted.length > 0) await options.onFile?.(sorted.length, sorted.length);
  if (ignored.length > 0) notes.push(`not a corpus format, left out: ${ignored.join(', ')} (formats: ${CORPUS_FORMATS.join(' ')})`);
  if (articles.length === 0) throw new PackBuildError('corpus', `no article: no file in ${CORPUS_FORMATS.join(' ')}`);
  const files_ = new Set<string>();
  for (const a of articles) {
    if (files_.has(a.file)) throw new PackBuildError(a.file, 'is in the corpus twice');
    files_.add(a.file);
  }
  return {
    texts: articles.map((a) => ({ file: a.file, text: a.text })),
    provenance: articles.flatMap((a) => provenanceOf(a, a.how) ?? []),
    notes,
  };
}
