import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PackSchema } from '../shared/knowledge';
import { buildPack, BUILD_STEPS, type BuildProgress } from './build-pack';
import { buildPackFromFiles } from './build-from-files';
import { readInputs, serializePack } from './cli';
import type { CorpusFile } from './formats/read-corpus';

const CORPUS = 'assets/corpus';
const corpusFiles = (): CorpusFile[] => readdirSync(CORPUS).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(CORPUS, name))) }));
const file = (name: string, text: string): CorpusFile => ({ name, bytes: new TextEncoder().encode(text) });
const BODY = 'The council approved the budget on Thursday after a long debate. “We will not raise taxes,” said Mayor Ana Ruiz. The vote was 31 to 12.';

describe('buildPackFromFiles', () => {
  it('builds the same pack as the build steps from the same files, valid against PackSchema, saying where it is', async () => {
    const progress: BuildProgress[] = [];
    const built = await buildPackFromFiles(corpusFiles(), { onProgress: (p) => progress.push(p) });
    expect(v.safeParse(PackSchema, built.pack).success).toBe(true);
    const { notes: _, ...inputs } = await readInputs(CORPUS, undefined);
    expect(serializePack(built.pack)).toBe(serializePack(buildPack(inputs).pack));
    // sources.json gave the provenance, as beside the files on the command line.
    expect(built.pack.sources[2]!.outlet).toBe('Mondialisation.ca (republication)');

    // Steps come in order, each one's count rising to its total.
    const order = progress.map((p) => BUILD_STEPS.indexOf(p.step));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(progress.map((p) => p.step))).toEqual(new Set(BUILD_STEPS));
    const read = progress.filter((p) => p.step === 'read');
    expect(read.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(read.every((p) => p.total === 5)).toBe(true);
    expect(progress.filter((p) => p.step === 'sources').map((p) => `${p.done}/${p.total}`)).toEqual(['0/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(progress.at(-1)).toEqual({ step: 'verify', done: 1, total: 1 });
  });

  it('stops when its signal is aborted, between steps', async () => {
    const controller = new AbortController();
    const seen: BuildProgress[] = [];
    const build = buildPackFromFiles(corpusFiles(), {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.step === 'sources' && p.done === 2) controller.abort();
      },
    });
    await expect(build).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.at(-1)).toEqual({ step: 'sources', done: 2, total: 5 });

    const early = new AbortController();
    early.abort();
    await expect(buildPackFromFiles(corpusFiles(), { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops on an abort that comes from elsewhere while it works (a timer here, a message in the worker)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(buildPackFromFiles(corpusFiles(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it.each([
    ['a JSON Lines line that is not JSON', [file('news.jsonl', `${JSON.stringify({ text: BODY })}\n{not json`)], /^news\.jsonl \(line 2\): is not valid JSON/],
    ['a JSON Lines record without text', [file('news.jsonl', JSON.stringify({ title: 'no text' }))], /^news\.jsonl \(line 1\): has no article text/],
    ['a JSON Lines line that is not an object', [file('news.jsonl', '[1, 2]')], /^news\.jsonl \(line 1\): is not a JSON object/],
    ['a CSV file that does not parse', [file('news.csv', 'title,text\nT,ok\nU,"unclosed\n')], /^news\.csv: is not valid CSV/],
    ['a CSV file without a text column', [file('news.csv', 'title,summary\nT,x\n')], /^news\.csv: has no text column/],
    ['a CSV row without text', [file('news.csv', `title,text\nT,"${BODY}"\nU,\n`)], /^news\.csv \(row 3\): has no article text/],
    ['an HTML page without an article', [file('page.html', '<html><body><nav>Home</nav></body></html>')], /^page\.html: no article found/],
    ['a web archive that is not one', [file('crawl.warc', 'not a warc')], /^crawl\.warc/],
    ['a text that is not UTF-8', [{ name: 'a.txt', bytes: new Uint8Array([0x4b, 0xff, 0xfe]) }], /^a\.txt: is not valid UTF-8/],
    ['a sources.json that is not JSON', [file('a.txt', BODY), file('sources.json', '{oops')], /^sources\.json: is not valid JSON/],
    ['a sources.json entry missing a field', [file('a.txt', BODY), file('sources.json', JSON.stringify([{ file: 'a.txt' }]))], /^sources\.json: entry 0\.\w+: missing required field/],
    ['a sources.json naming a file not given', [file('a.txt', BODY), file('sources.json', JSON.stringify([{ file: 'b.txt', headline: 'H', outlet: 'O', attributed_to: 'O', kind: 'news', date: 'd', evidence: 'e' }]))], /^sources\.json \(b\.txt\): names a file that is not in the corpus/],
    ['no file in a corpus format', [file('notes.pdf', 'x')], /^corpus: no article/],
    ['the same article twice', [file('a.txt', BODY), file('a.txt', BODY)], /^a\.txt: is in the corpus twice/],
  ])('fails on %s, naming the file and record', async (_, files, message) => {
    await expect(buildPackFromFiles(files)).rejects.toMatchObject({ name: 'PackBuildError', message: expect.stringMatching(message) });
  });
});
