import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { aliasIndexOf } from '../shared/alias-index';
import { describeIssue } from '../shared/describe-issue';
import { PackSchema } from '../shared/knowledge';
import { buildPack, type PackInputs } from './build-pack';
import { CatalogClaimSchema, CatalogEntitySchema, CatalogSourceSchema, LexiconCategorySchema, ProvenanceSchema } from './catalog';
import { PackBuildError } from './errors';
import { renderReport } from './report';

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

/** Reads a corpus folder and a catalog folder (optional) into build inputs, with clear errors for bad files. */
export function readInputs(corpusDir: string, catalogDir: string | undefined): PackInputs {
  let names: string[];
  try {
    names = readdirSync(corpusDir);
  } catch {
    throw new PackBuildError(corpusDir, 'is not a readable folder');
  }
  const texts = names
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readUtf8(join(corpusDir, file)) }));
  const catalog = <T>(file: string, schema: v.GenericSchema<unknown, T>) => (catalogDir ? readOptional(join(catalogDir, file), schema) : undefined);
  return {
    texts,
    provenance: readOptional(join(corpusDir, 'sources.json'), v.array(ProvenanceSchema)) ?? [],
    catalogSources: catalog('sources.json', v.array(CatalogSourceSchema)) ?? [],
    catalogEntities: catalog('entities.json', v.array(CatalogEntitySchema)),
    lexicon: catalog('lexicon.json', v.array(LexiconCategorySchema)) ?? [],
    claimsCatalog: catalog('claims.json', v.array(CatalogClaimSchema)) ?? [],
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

/**
 * `npm run knowledge -- [--corpus DIR] [--catalog DIR | --no-catalog] [--out FILE] [--report FILE]`.
 * Builds, validates and verifies the pack, then writes it, its alias index (`alias-index.json`
 * beside it, what the content script bundles), the sources' article texts (`source-texts.json`,
 * for the compare view) and the build report; on any error writes
 * nothing. Returns the summary line.
 */
export function run(argv: string[]): string {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      catalog: { type: 'string' },
      'no-catalog': { type: 'boolean' },
      out: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const corpus = resolve(values.corpus ?? DEFAULTS.corpus);
  const catalog = values['no-catalog'] ? undefined : resolve(values.catalog ?? DEFAULTS.catalog);
  const out = resolve(values.out ?? DEFAULTS.out);
  const reportPath = resolve(values.report ?? join(dirname(out), 'knowledge-report.md'));
  const { pack, report, texts } = buildPack(readInputs(corpus, catalog));
  const parsed = v.safeParse(PackSchema, pack);
  if (!parsed.success) throw new PackBuildError('pack', `does not fit its schema: ${describeIssue(parsed.issues[0], '(top level)')}`);
  const reportText = renderReport(pack, report);
  writeWhole(out, serializePack(pack));
  writeWhole(join(dirname(out), 'alias-index.json'), serializePack(aliasIndexOf(pack)));
  writeWhole(join(dirname(out), 'source-texts.json'), serializePack(texts));
  writeWhole(reportPath, reportText);
  const recall = report.recall ? `; extraction alone finds ${report.recall.found}/${report.recall.total} catalog entities` : '';
  return `knowledge pack: ${pack.sources.length} sources, ${pack.entities.length} entities, ${pack.disagreements.length} disagreements${recall} → ${out} (report: ${reportPath})`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    console.log(run(process.argv.slice(2)));
  } catch (err) {
    console.error(`knowledge build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
