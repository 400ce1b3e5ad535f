import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, it } from 'vitest';
import { readVoices } from '../../shared/voices';
import { readCorpus, type CorpusFile } from './read-corpus';

const file = (name: string, text: string): CorpusFile => ({ name, bytes: new TextEncoder().encode(text) });

const BODY = 'The council approved the budget on Thursday after a long debate. “We will not raise taxes,” said Mayor Ana Ruiz. The vote was 31 to 12.';

/** A news page with page chrome around its article: navigation, a related list, reader comments. */
const PAGE = `<!doctype html><html><head><title>Council passes budget | City Press</title>
<meta property="og:site_name" content="City Press"><meta property="article:published_time" content="2025-03-03T10:00:00Z">
<meta name="author" content="Jane Smith"><link rel="canonical" href="https://citypress.example/budget"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council passes budget</h1>
<p>The council approved the budget on Thursday after a long debate about libraries, buses and the swimming pool in the east of the city.</p>
<p>“We will not raise taxes, and we will keep every library open this year,” said Mayor Ana Ruiz after the vote in the council chamber.</p>
<p>The vote was 31 to 12, and the budget takes effect in April after a second reading. Opponents called it a gift to developers.</p>
</article><aside><h2>Related</h2><ul><li><a href="/b">Bus fares to rise</a></li></ul></aside>
<section id="comments"><h2>3 comments</h2><p>Joe Bloggs: the mayor is a fraud.</p></section></body></html>`;

async function warc(records: { url: string; type: string; body: string }[], gzip = false): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const r of records) {
    const record = WARCRecord.create({ url: r.url, type: 'response', httpHeaders: { 'Content-Type': r.type }, statusline: 'HTTP/1.1 200 OK' }, [new TextEncoder().encode(r.body)]);
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

describe('readCorpus', () => {
  it('reads plain text whole, header lines included, and takes its provenance from them', async () => {
    const text = `Title: Council passes budget\noutlet: City Press\nDATE: 2025-03-03\nUrl: https://citypress.example/budget\n\n${BODY}`;
    const read = await readCorpus([file('a.txt', text), file('notes.pdf', 'x')]);
    expect(read.texts).toEqual([{ file: 'a.txt', text }]);
    expect(read.provenance[0]).toMatchObject({ file: 'a.txt', headline: 'Council passes budget', outlet: 'City Press', date: '2025-03-03', url: 'https://citypress.example/budget' });
    expect(read.notes).toEqual([expect.stringContaining('notes.pdf')]);
  });

  it('extracts the article of an HTML page, leaving its navigation, related links and comments out', async () => {
    const read = await readCorpus([file('budget.html', PAGE)]);
    const { text } = read.texts[0]!;
    expect(text.startsWith('Council passes budget')).toBe(true);
    expect(text).toContain('said Mayor Ana Ruiz');
    expect(text).not.toMatch(/Joe Bloggs|Bus fares|Sport/);
    expect(read.provenance[0]).toMatchObject({ outlet: 'City Press', date: '2025-03-03T10:00:00Z', attributed_to: 'Jane Smith', url: 'https://citypress.example/budget' });
    // Paragraphs stay paragraphs: the voices reading finds the mayor's words.
    expect(readVoices(text).quotes.map((q) => q.speaker)).toEqual(['Ana Ruiz']);
  });

  it('reads JSON Lines with Crossread’s, news-please’s and NewsAPI’s field names', async () => {
    const own = await readCorpus([file('a.jsonl', `${JSON.stringify({ url: 'https://x.example/1', outlet: 'X', title: 'T', date: '2025-01-01', text: BODY })}\n\n`)]);
    expect(own.texts).toEqual([{ file: 'a.jsonl#line1', text: `T\n\n${BODY}` }]);
    const np = await readCorpus([file('b.jsonl', JSON.stringify({ maintext: BODY, title: 'T', source_domain: 'x.example', date_publish: '2025-01-01 10:00:00' }))], { format: 'newsplease' });
    expect(np.provenance[0]).toMatchObject({ outlet: 'x.example', date: '2025-01-01 10:00:00' });
    const api = await readCorpus([file('c.jsonl', JSON.stringify({ content: BODY, title: 'T', source: { name: 'Wire' }, publishedAt: '2025-01-01T10:00:00Z' }))], { format: 'newsapi' });
    expect(api.provenance[0]).toMatchObject({ outlet: 'Wire' });
  });

  it('reads CSV and TSV by column name, or by the columns given', async () => {
    const csv = await readCorpus([file('a.csv', `headline,body,site\nBudget,"${BODY.replace(/"/g, '""')}",City Press\n`)]);
    expect(csv.texts[0]).toEqual({ file: 'a.csv#row2', text: `Budget\n\n${BODY}` });
    expect(csv.provenance[0]).toMatchObject({ outlet: 'City Press' });
    const tsv = await readCorpus([file('b.tsv', `story\twhere\n${BODY}\tCity Press\n`)], { columns: 'text=story,outlet=where' });
    expect(tsv.provenance[0]).toMatchObject({ file: 'b.tsv#row2', outlet: 'City Press' });
  });

  it('reads the HTML pages of a web archive, gzipped or not, and counts the ones without an article', async () => {
    for (const gzip of [false, true]) {
      const bytes = await warc(
        [
          { url: 'https://citypress.example/budget', type: 'text/html; charset=utf-8', body: PAGE },
          { url: 'https://citypress.example/logo.png', type: 'image/png', body: 'PNG' },
          { url: 'https://citypress.example/empty', type: 'text/html', body: '<html><body><nav>Home</nav></body></html>' },
        ],
        gzip,
      );
      const read = await readCorpus([{ name: gzip ? 'crawl.warc.gz' : 'crawl.warc', bytes }]);
      expect(read.texts.map((t) => t.text.split('\n')[0])).toEqual(['Council passes budget']);
      expect(read.provenance[0]).toMatchObject({ url: 'https://citypress.example/budget' });
      expect(read.notes).toEqual([expect.stringContaining('1 HTML page without an article')]);
    }
  });

  it('names the file and the line, row or record at fault', async () => {
    await expect(readCorpus([file('a.jsonl', `${JSON.stringify({ text: BODY })}\n{not json`)])).rejects.toThrow(/a\.jsonl \(line 2\): is not valid JSON/);
    await expect(readCorpus([file('a.jsonl', JSON.stringify({ title: 'no text' }))])).rejects.toThrow(/a\.jsonl \(line 1\): has no article text/);
    await expect(readCorpus([file('a.csv', 'title,text\nT,ok\nU,"unclosed\n')])).rejects.toThrow(/a\.csv: is not valid CSV/);
    await expect(readCorpus([file('a.csv', 'title,summary\nT,x\n')])).rejects.toThrow(/a\.csv: has no text column .*--columns text=/);
    await expect(readCorpus([file('a.txt', BODY)], { format: 'rss' })).rejects.toThrow(/--format: "rss" is not one of/);
    await expect(readCorpus([file('p.html', '<html><body><nav>Home</nav></body></html>')])).rejects.toThrow(/p\.html: no article found/);
    await expect(readCorpus([{ name: 'x.warc', bytes: new TextEncoder().encode('not a warc') }])).rejects.toThrow(/x\.warc/);
    await expect(readCorpus([{ name: 'z.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41]) }])).rejects.toThrow(/z\.txt: is not valid UTF-8/);
    await expect(readCorpus([file('readme.pdf', 'x')])).rejects.toThrow(/corpus: no article/);
  });
});
