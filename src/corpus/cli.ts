import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { aliasIndexOf } from '../shared/alias-index';
import { describeIssue } from '../shared/describe-issue';
import { ClaimVocabularySchema } from '../shared/claims';
import type { PackInputs } from './build-pack';
import { buildPackFromFiles, NO_CATALOG, readSourcesFile, SOURCES_FILE, type CatalogInputs } from './build-from-files';
import { CatalogClaimSchema, CatalogEntitySchema, CatalogSourceSchema, LexiconCategorySchema } from './catalog';
import { DEFAULT_LEXICON } from './defaults';
import { PackBuildError } from './errors';
import { readCorpus, type CorpusFile, type CorpusOptions } from './formats/read-corpus';
import { renderReport } from './report';
import { reviewOf, ReviewSchema } from './review';

/** Where the bundled pack comes from and goes to when no arguments are given. */
export const DEFAULTS = {
  corpus: 'assets/corpus',
  catalog: 'assets/catalog',
  out: 'src/generated/knowledge-pack.json',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readUtf8(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new PackBuildError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new PackBuildError(path, 'is not valid UTF-8');
  }
}

function readJson<T>(path: string, schema: v.GenericSchema<unknown, T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readUtf8(path));
  } catch (err) {
    if (err instanceof PackBuildError) throw err;
    throw new PackBuildError(path, `is not valid JSON (${(err as Error).message})`);
  }
  const result = v.safeParse(schema, data);
  if (!result.success) throw new PackBuildError(path, `entry ${describeIssue(result.issues[0], '(top level)')}`);
  return result.output;
}

/** A JSON file that may be absent (undefined), but must be valid when present. */
const readOptional = <T>(path: string, schema: v.GenericSchema<unknown, T>): T | undefined =>
  existsSync(path) ? readJson(path, schema) : undefined;

/**
 * The files of a corpus path, as the pure build takes them: a folder's files (sorted, no
 * subfolders), or one file with the `sources.json` beside it, if there is one.
 */
export function corpusFiles(path: string): CorpusFile[] {
  let isFolder: boolean;
  let names: string[];
  try {
    isFolder = statSync(path).isDirectory();
    names = isFolder ? readdirSync(path).filter((n) => statSync(join(path, n)).isFile()) : [];
  } catch {
    throw new PackBuildError(path, 'is not a readable folder or file');
  }
  const read = (p: string): Uint8Array => {
    try {
      return readFileSync(p);
    } catch (err) {
      throw new PackBuildError(p, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  if (isFolder) return names.sort().map((name) => ({ name, bytes: read(join(path, name)) }));
  const listed = join(dirname(path), SOURCES_FILE);
  return [{ name: basename(path), bytes: read(path) }, ...(basename(path) !== SOURCES_FILE && existsSync(listed) ? [{ name: SOURCES_FILE, bytes: read(listed) }] : [])];
}

/** The catalog folder's files (each optional), parsed, with errors naming the file and entry. */
export function readCatalog(catalogDir: string): CatalogInputs {
  const catalog = <T>(file: string, schema: v.GenericSchema<unknown, T>) => readOptional(join(catalogDir, file), schema);
  return {
    catalogSources: catalog('sources.json', v.array(CatalogSourceSchema)) ?? [],
    catalogEntities: catalog('entities.json', v.array(CatalogEntitySchema)),
    lexicon: catalog('lexicon.json', v.array(LexiconCategorySchema)) ?? DEFAULT_LEXICON,
    claimsCatalog: catalog('claims.json', v.array(CatalogClaimSchema)) ?? [],
    vocabulary: catalog('claims-vocabulary.json', ClaimVocabularySchema),
    story: catalog('story.json', v.object({ title: v.pipe(v.string(), v.minLength(1)) })),
  };
}

/**
 * The build inputs of a corpus path and a catalog folder (optional), as the build steps take
 * them (tests build from these; the command line goes through buildPackFromFiles).
 */
export async function readInputs(corpusPath: string, catalogDir: string | undefined, options: CorpusOptions = {}): Promise<PackInputs & { notes: string[] }> {
  const files = corpusFiles(corpusPath);
  const listedFile = files.find((f) => f.name === SOURCES_FILE);
  const corpus = await readCorpus(files.filter((f) => f !== listedFile), options);
  const listed = listedFile ? readSourcesFile(listedFile) : [];
  return {
    ...(catalogDir ? readCatalog(catalogDir) : NO_CATALOG),
    texts: corpus.texts,
    provenance: [...listed, ...corpus.provenance.filter((p) => !listed.some((l) => l.file === p.file))],
    notes: corpus.notes,
  };
}

/** Writes a file whole (temporary file, then rename), so readers never see half of it. */
function writeWhole(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** The pack as written: stable key order and formatting, so builds are byte-identical. */
export function serializePack(pack: unknown): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export const HELP = `Builds a knowledge pack from a corpus of news texts.

Usage: npm run knowledge -- [options]

  --corpus PATH     a folder of articles, or one file (default: assets/corpus). Formats, by name:
                      .txt .md    plain text; may start with header lines (Title:, Outlet:,
                                  Date:, URL:, any case) and a blank line; sources.json beside
                                  the files, if present, gives their provenance
                      .html .htm  a web page: the article is found as reader view finds it
                      .jsonl      one article per line: {url, outlet, title, date, text}
                      .csv .tsv   a header row; columns found by name or given with --columns
                      .warc .warc.gz  a web archive: every HTML response, read as a page
  --format NAME     field names of .jsonl records: crossread (default), newsplease, newsapi
  --columns MAP     CSV/TSV columns, e.g. text=body,title=headline,outlet=site
  --catalog DIR     curated entities, labels, lexicon and disagreements (default: assets/catalog)
  --no-catalog      build from the texts alone
  --out FILE        where the pack goes (default: src/generated/knowledge-pack.json)
  --report FILE     the build report for curators (default: knowledge-report.md beside the pack)
  --review FILE     write what the build decided (entities, their spellings and types, the
                    extracted disagreements, the story's title) to FILE for a person to edit;
                    when FILE exists, build with its decisions first (then write it again)
  --help            this text

A bad file stops the build with a message naming the file (and its line, row or record);
nothing is written then.`;

/**
 * \`npm run knowledge -- …\` (see HELP). Builds, validates and verifies the pack, then writes
 * it, its alias index (\`alias-index.json\` beside it, what the content script bundles) and the
 * build report; on any error writes nothing. Returns the summary line.
 */
export async function run(argv: string[]): Promise<string> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        catalog: { type: 'string' },
        'no-catalog': { type: 'boolean' },
        out: { type: 'string' },
        report: { type: 'string' },
        format: { type: 'string' },
        columns: { type: 'string' },
        review: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new PackBuildError('command line', `${(err as Error).message} (see --help)`);
  }
  if (values.help) return HELP;
  const corpus = resolve((values.corpus as string | undefined) ?? DEFAULTS.corpus);
  const catalog = values['no-catalog'] ? undefined : resolve((values.catalog as string | undefined) ?? DEFAULTS.catalog);
  const out = resolve((values.out as string | undefined) ?? DEFAULTS.out);
  const reportPath = resolve((values.report as string | undefined) ?? join(dirname(out), 'knowledge-report.md'));
  const reviewPath = values.review ? resolve(values.review as string) : undefined;
  const review = reviewPath && existsSync(reviewPath) ? readJson(reviewPath, ReviewSchema) : undefined;
  // The same build the options page runs in a worker (build-from-files.ts); only the file handling is here.
  const { pack, report, notes } = await buildPackFromFiles(corpusFiles(corpus), {
    ...(values.format ? { format: values.format as string } : {}),
    ...(values.columns ? { columns: values.columns as string } : {}),
    ...(catalog ? { catalog: readCatalog(catalog) } : {}),
    ...(review ? { review } : {}),
  });
  const auditPath = catalog ? join(catalog, 'audit.md') : undefined;
  const reportText = renderReport(pack, report, auditPath && existsSync(auditPath) ? readUtf8(auditPath) : undefined);
  writeWhole(out, serializePack(pack));
  writeWhole(join(dirname(out), 'alias-index.json'), serializePack(aliasIndexOf(pack)));
  writeWhole(reportPath, reportText);
  if (reviewPath) writeWhole(reviewPath, serializePack(reviewOf(pack, review)));
  const recall = report.recall ? `; extraction alone finds ${report.recall.found}/${report.recall.total} catalog entities` : '';
  if (reviewPath) notes.push(`${review ? 'built with the decisions of' : 'wrote what the build decided to'} ${reviewPath}: edit it and build again with --review`);
  const aside = notes.length > 0 ? `\n${notes.map((n) => `note: ${n}`).join('\n')}` : '';
  return `knowledge pack: ${pack.sources.length} sources, ${pack.entities.length} entities, ${pack.disagreements.length} disagreements${recall} → ${out} (report: ${reportPath})${aside}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  run(process.argv.slice(2)).then(
    (line) => console.log(line),
    (err: unknown) => {
      console.error(`knowledge build failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
