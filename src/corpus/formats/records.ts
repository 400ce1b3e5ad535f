// The browser build (its own Buffer stand-in): the same parser in Node and in the options page's worker.
import { parse } from 'csv-parse/browser/esm/sync';
import { PackBuildError } from '../errors';
import { withHeadline, type CorpusArticle } from './article';

/** Where each article field is in a record: a key, or a dotted path into nested objects ("source.name"). */
export type FieldMap = Record<'text' | 'title' | 'outlet' | 'date' | 'url', string[]>;

/** Field names by format preset: Crossread's own, news-please's and NewsAPI's. */
export const PRESETS: Record<string, FieldMap> = {
  crossread: { text: ['text'], title: ['title'], outlet: ['outlet'], date: ['date'], url: ['url'] },
  newsplease: { text: ['maintext', 'text'], title: ['title'], outlet: ['source_domain'], date: ['date_publish'], url: ['url'] },
  newsapi: { text: ['content', 'description'], title: ['title'], outlet: ['source.name'], date: ['publishedAt'], url: ['url'] },
};

/** Column names a CSV or TSV header may use for each field (first match wins). */
const CSV_NAMES: FieldMap = {
  text: ['text', 'body', 'content', 'maintext', 'article'],
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'site', 'publication', 'publisher', 'source_domain'],
  date: ['date', 'published', 'date_publish', 'publishedat'],
  url: ['url', 'link'],
};

function pick(record: Record<string, unknown>, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    let v: unknown = record;
    for (const key of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

/** One record as an article, with the headline first in its text; fails naming the record when it has no text. */
function toArticle(file: string, where: string, record: Record<string, unknown>, fields: FieldMap): CorpusArticle {
  const body = pick(record, fields.text);
  if (!body) throw new PackBuildError(`${file} (${where})`, `has no article text (looked for ${fields.text.map((f) => `"${f}"`).join(', ')})`);
  const title = pick(record, fields.title);
  const outlet = pick(record, fields.outlet);
  const date = pick(record, fields.date);
  const url = pick(record, fields.url);
  const text = withHeadline(title, body);
  return { file: `${file}#${where.replace(/\s+/g, '')}`, text, ...(title ? { title } : {}), ...(outlet ? { outlet } : {}), ...(date ? { date } : {}), ...(url ? { url } : {}) };
}

/** JSON Lines: one article per line (blank lines skipped); a bad line fails the file, naming the line. */
export function jsonlArticles(file: string, text: string, fields: FieldMap = PRESETS.crossread!): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (err) {
      throw new PackBuildError(`${file} (line ${i + 1})`, `is not valid JSON (${(err as Error).message})`);
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new PackBuildError(`${file} (line ${i + 1})`, 'is not a JSON object');
    out.push(toArticle(file, `line ${i + 1}`, record as Record<string, unknown>, fields));
  });
  if (out.length === 0) throw new PackBuildError(file, 'holds no article');
  return out;
}

/**
 * CSV or TSV with a header row: columns found by name (text or body, title or headline, …) or
 * given as `text=body,title=headline`. A row without text fails the file, naming the row.
 */
export function csvArticles(file: string, text: string, delimiter: ',' | '\t', columns?: string): CorpusArticle[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), delimiter, skip_empty_lines: true, relax_column_count: false, bom: true });
  } catch (err) {
    throw new PackBuildError(file, `is not valid ${delimiter === ',' ? 'CSV' : 'TSV'} (${(err as Error).message})`);
  }
  const fields: FieldMap = { ...CSV_NAMES };
  if (columns) {
    for (const pair of columns.split(',')) {
      const [field, column] = pair.split('=').map((s) => s.trim());
      if (!field || !column || !(field in fields)) throw new PackBuildError('--columns', `"${pair}" is not field=column with a field among text, title, outlet, date, url`);
      fields[field as keyof FieldMap] = [column.toLowerCase()];
    }
  }
  if (rows.length === 0) throw new PackBuildError(file, 'holds no article');
  const header = Object.keys(rows[0]!);
  if (!fields.text.some((c) => header.includes(c))) throw new PackBuildError(file, `has no text column (looked for ${fields.text.join(', ')}; name one with --columns text=<column>)`);
  // Rows count from 2: the header is row 1, as a spreadsheet shows them.
  return rows.map((row, i) => toArticle(file, `row ${i + 2}`, row, fields));
}
