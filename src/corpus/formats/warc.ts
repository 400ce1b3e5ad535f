import { WARCParser } from 'warcio';
import { PackBuildError } from '../errors';
import type { CorpusArticle } from './article';
import { htmlArticle } from './html';

/**
 * The articles of a web archive (WARC or WARC.gz, read with warcio): every HTML response,
 * extracted as an HTML page is. Pages with no article are skipped and counted; an archive with
 * no article at all fails, naming the file.
 */
export async function warcArticles(file: string, bytes: Uint8Array): Promise<{ articles: CorpusArticle[]; skipped: number }> {
  const articles: CorpusArticle[] = [];
  let skipped = 0;
  let n = 0;
  try {
    for await (const record of WARCParser.iterRecords([bytes])) {
      n++;
      if (record.warcType !== 'response') continue;
      const type = record.httpHeaders?.headers.get('content-type') ?? '';
      if (!/html/i.test(type)) continue;
      const html = await record.contentText();
      try {
        articles.push({ ...htmlArticle(`${file}#${n}`, html, record.warcTargetURI ?? undefined) });
      } catch (err) {
        if (!(err instanceof PackBuildError)) throw err;
        skipped++;
      }
    }
  } catch (err) {
    if (err instanceof PackBuildError) throw err;
    throw new PackBuildError(`${file} (record ${n + 1})`, `is not a readable WARC record (${(err as Error).message})`);
  }
  if (articles.length === 0) throw new PackBuildError(file, `holds no HTML article (${n} records read)`);
  return { articles, skipped };
}
