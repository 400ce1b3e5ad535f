import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './cli';

/** A copy of the corpus and catalog in a temporary folder, to break on purpose. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'crossread-cli-'));
  for (const sub of ['corpus', 'catalog']) {
    mkdirSync(join(dir, sub));
    for (const f of readdirSync(`assets/${sub}`)) copyFileSync(`assets/${sub}/${f}`, join(dir, sub, f));
  }
  const args = (out = join(dir, 'pack.json')) => ['--corpus', join(dir, 'corpus'), '--catalog', join(dir, 'catalog'), '--out', out];
  return { dir, args, out: join(dir, 'pack.json') };
}

describe('knowledge CLI', () => {
  it('writes the pack and the build report, and says what they hold', async () => {
    const w = workspace();
    expect(await run(w.args())).toMatch(/^knowledge pack: 5 sources, \d+ entities, \d+ disagreements; extraction alone finds \d+\/\d+ catalog entities/);
    expect(JSON.parse(readFileSync(w.out, 'utf8')).schemaVersion).toBe(3);
    const report = readFileSync(join(w.dir, 'knowledge-report.md'), 'utf8');
    expect(report).toMatch(/Automatic extraction alone finds \*\*\d+ of \d+ catalog entities \(\d+\.\d%\)\*\*/);
    expect(report).toContain('## Candidates not in the catalog');
    // The audit by reading kept with the catalog closes the report.
    expect(report).toContain('## Audit of the bundled knowledge pack');
  });

  it('builds from a corpus alone with --no-catalog', async () => {
    const w = workspace();
    expect(await run([...w.args(), '--no-catalog'])).toMatch(/^knowledge pack: 5 sources, \d+ entities/);
    expect(JSON.parse(readFileSync(w.out, 'utf8')).entities[0].origin).toBe('extracted');
  });

  it('rejects a claims file naming an unknown source, and writes nothing', async () => {
    const w = workspace();
    const claims = JSON.parse(readFileSync(join(w.dir, 'catalog', 'claims.json'), 'utf8'));
    claims[0].positions[0].file = '999_nowhere.txt';
    writeFileSync(join(w.dir, 'catalog', 'claims.json'), JSON.stringify(claims));
    await expect(run(w.args())).rejects.toThrow(/claims.json \(war-death-toll\): names "999_nowhere.txt", which is not in the corpus/);
    expect(existsSync(w.out)).toBe(false);
    expect(existsSync(join(w.dir, 'knowledge-report.md'))).toBe(false);
  });

  it('rejects malformed JSON, naming the file, and writes nothing', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'catalog', 'entities.json'), '[{"name": "Kerry",');
    await expect(run(w.args())).rejects.toThrow(/catalog\/entities\.json: is not valid JSON/);
    expect(existsSync(w.out)).toBe(false);
  });

  it('rejects a catalog entry missing a required field, naming the entry', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'catalog', 'entities.json'), JSON.stringify([{ name: 'Kerry', aliases: [] }]));
    await expect(run(w.args())).rejects.toThrow(/entities\.json: entry 0\.type: missing required field/);
    expect(existsSync(w.out)).toBe(false);
  });

  it('rejects a corpus file that is not UTF-8', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'corpus', 'zzz.txt'), Buffer.from([0x4b, 0x65, 0x72, 0x72, 0x79, 0xff, 0xfe]));
    await expect(run(w.args())).rejects.toThrow(/zzz\.txt: is not valid UTF-8/);
    expect(existsSync(w.out)).toBe(false);
  });

  it('keeps the previous pack when a rebuild fails', async () => {
    const w = workspace();
    await run(w.args());
    const before = readFileSync(w.out, 'utf8');
    writeFileSync(join(w.dir, 'corpus', 'sources.json'), '{oops');
    await expect(run(w.args())).rejects.toThrow(/^sources\.json: is not valid JSON/);
    expect(readFileSync(w.out, 'utf8')).toBe(before);
  });
});

describe('corpus formats on the command line', () => {
  const articles = [
    { url: 'https://a.example/1', outlet: 'Alpha News', title: 'Council passes budget', date: '2025-03-03', text: 'The council approved the budget on Thursday. “We will not raise taxes,” said Mayor Ana Ruiz. The vote was 31 to 12.' },
    { url: 'https://b.example/2', outlet: 'Beta Daily', title: 'Budget vote splits council', date: '2025-03-04', text: 'Mayor Ana Ruiz won the budget vote on Thursday, 31 to 12. Critics called it a gift to developers, said Omar Haddad, a councillor.' },
  ];

  it('builds from one JSON Lines file, taking each outlet from its record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossread-jsonl-'));
    writeFileSync(join(dir, 'news.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
    const out = join(dir, 'pack.json');
    expect(await run(['--corpus', join(dir, 'news.jsonl'), '--no-catalog', '--out', out])).toMatch(/^knowledge pack: 2 sources/);
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    expect(pack.sources.map((s: { outlet: string; url: string; file: string }) => [s.file, s.outlet, s.url])).toEqual([
      ['news.jsonl#line1', 'Alpha News', 'https://a.example/1'],
      ['news.jsonl#line2', 'Beta Daily', 'https://b.example/2'],
    ]);
    expect(pack.sources[0].text.startsWith('Council passes budget\n\n')).toBe(true);
  });

  it('stops at a bad record, naming it, and writes nothing; --help says how', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossread-jsonl-'));
    writeFileSync(join(dir, 'news.jsonl'), `${JSON.stringify(articles[0])}\n{"title": "no text"}`);
    const out = join(dir, 'pack.json');
    await expect(run(['--corpus', join(dir, 'news.jsonl'), '--no-catalog', '--out', out])).rejects.toThrow(/news\.jsonl \(line 2\): has no article text/);
    expect(existsSync(out)).toBe(false);
    expect(await run(['--help'])).toMatch(/--format NAME .*newsplease, newsapi/);
    await expect(run(['--bogus'])).rejects.toThrow(/Unknown option '--bogus' \(see --help\)/);
  });
});

describe('the review file', () => {
  it('writes what the build decided, and a build with the edited file applies it', async () => {
    const w = workspace();
    const review = join(w.dir, 'review.json');
    const args = ['--corpus', join(w.dir, 'corpus'), '--no-catalog', '--out', w.out, '--review', review];
    expect(await run(args)).toMatch(/wrote what the build decided to .*review\.json/);
    const decided = JSON.parse(readFileSync(review, 'utf8'));
    expect(decided.story.title).toMatch(/^5 articles/);
    const byName = (name: string) => decided.entities.find((e: { name: string }) => e.name === name);
    const [deir, ezzor, pentagon, geneva] = ['Deir al-Zur', 'Deir Ezzor', 'Pentagon', 'Geneva'].map(byName);
    expect(deir && ezzor && pentagon && geneva).toBeTruthy();
    // The reader's edits: one entity for two spellings of a city (a merge), a type, a dropped entity, a dropped disagreement, a title.
    ezzor.aliases.push('Deir al-Zur');
    deir.drop = true;
    pentagon.type = 'institution';
    geneva.drop = true;
    decided.disagreements[0].keep = false;
    decided.story.title = 'The Syria talks of September 2016';
    writeFileSync(review, JSON.stringify(decided));
    expect(await run(args)).toMatch(/built with the decisions of .*review\.json/);
    const pack = JSON.parse(readFileSync(w.out, 'utf8'));
    expect(pack.story).toEqual({ title: 'The Syria talks of September 2016', derived: false });
    const merged = pack.entities.find((e: { name: string }) => e.name === 'Deir Ezzor');
    expect(merged.aliases.map((a: { text: string }) => a.text)).toContain('Deir al-Zur');
    expect(merged.mentions.map((m: { sourceId: string }) => m.sourceId)).toEqual(['s000', 's002']);
    expect(pack.entities.find((e: { name: string }) => e.name === 'Pentagon').type).toBe('institution');
    expect(pack.entities.some((e: { name: string }) => e.name === 'Deir al-Zur' || e.name === 'Geneva')).toBe(false);
    expect(pack.disagreements.some((d: { id: string }) => d.id === decided.disagreements[0].id)).toBe(false);
    // Written again with the decisions kept: the dropped entity and disagreement stay dropped.
    const again = JSON.parse(readFileSync(review, 'utf8'));
    expect(again.entities.find((e: { name: string }) => e.name === 'Geneva').drop).toBe(true);
    expect(again.disagreements.find((d: { id: string }) => d.id === decided.disagreements[0].id).keep).toBe(false);
  });
});
