import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { describeIssue } from '../shared/describe-issue';
import { PackSchema } from '../shared/knowledge';
import { buildPack, PackBuildError, type PackInputs } from './build-pack';
import { CatalogEntitySchema, CatalogSourceSchema, ProvenanceSchema } from './catalog';

/** Where the bundled pack comes from and goes to when no arguments are given. */
export const DEFAULTS = {
  corpus: 'assets/corpus',
  catalog: 'assets/catalog',
  out: 'src/generated/knowledge-pack.json',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readUtf8(path: string): string {
  try {
    return utf8.decode(readFileSync(path));
  } catch (err) {
    if (err instanceof TypeError) throw new PackBuildError(path, 'is not valid UTF-8');
    throw new PackBuildError(path, `cannot be read (${(err as Error).message})`);
  }
}

function readJson<T>(path: string, schema: v.GenericSchema<unknown, T>, optional = false): T | undefined {
  let raw: string;
  try {
    raw = readUtf8(path);
  } catch (err) {
    if (optional && (err as Error).message.includes('ENOENT')) return undefined;
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new PackBuildError(path, `is not valid JSON (${(err as Error).message})`);
  }
  const result = v.safeParse(schema, data);
  if (!result.success) throw new PackBuildError(path, `entry ${describeIssue(result.issues[0], '(top level)')}`);
  return result.output;
}

/** Reads a corpus folder and a catalog folder into build inputs, with clear errors for bad files. */
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
  return {
    texts,
    provenance: readJson(join(corpusDir, 'sources.json'), v.array(ProvenanceSchema), true) ?? [],
    catalogSources: catalogDir ? (readJson(join(catalogDir, 'sources.json'), v.array(CatalogSourceSchema), true) ?? []) : [],
    catalogEntities: catalogDir ? (readJson(join(catalogDir, 'entities.json'), v.array(CatalogEntitySchema), true) ?? []) : [],
  };
}

/** Builds and validates the pack; writes it whole (temporary file, then rename) or not at all. */
export function run(argv: string[]): string {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: 'string' }, catalog: { type: 'string' }, 'no-catalog': { type: 'boolean' }, out: { type: 'string' } },
  });
  const corpus = resolve(values.corpus ?? DEFAULTS.corpus);
  const catalog = values['no-catalog'] ? undefined : resolve(values.catalog ?? DEFAULTS.catalog);
  const out = resolve(values.out ?? DEFAULTS.out);
  const pack = v.parse(PackSchema, buildPack(readInputs(corpus, catalog)));
  const json = `${JSON.stringify(pack, null, 2)}\n`;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, json);
  renameSync(tmp, out);
  const mentioned = pack.entities.filter((e) => e.mentions.length > 0).length;
  return `knowledge pack: ${pack.sources.length} sources, ${pack.entities.length} entities (${mentioned} mentioned) → ${out}`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    console.log(run(process.argv.slice(2)));
  } catch (err) {
    console.error(`knowledge build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
