import * as v from 'valibot';
import { describeIssue } from '../shared/describe-issue';
import { PackSchema, type KnowledgePack } from '../shared/knowledge';
import { buildPackSteps, type BuildProgress, type BuildReport, type PackInputs } from './build-pack';
import { ProvenanceSchema } from './catalog';
import { DEFAULT_LEXICON } from './defaults';
import { PackBuildError } from './errors';
import { readCorpus, type CorpusFile, type CorpusOptions } from './formats/read-corpus';
import { reviewDisagreements, withReview, type Review } from './review';

/** The curated part of the build inputs (a catalog folder's files, parsed); without it the build reads the texts alone. */
export type CatalogInputs = Omit<PackInputs, 'texts' | 'provenance'>;

/** What a build without a catalog starts from: the default lexicon and claim words (assets/defaults). */
export const NO_CATALOG: CatalogInputs = { catalogSources: [], catalogEntities: undefined, lexicon: DEFAULT_LEXICON, claimsCatalog: [] };

export interface BuildFromFilesOptions extends CorpusOptions {
  /** Called before each named step and after each file and source. */
  onProgress?: (progress: BuildProgress) => void;
  /** Aborting stops the build at the next step (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The curated catalog; default: none (`--no-catalog`). */
  catalog?: CatalogInputs;
  /** A review file's decisions (`--review`), applied before and after the build. */
  review?: Review;
}

/** A built pack, valid against PackSchema, with the build report and what was left aside. */
export interface BuiltPack {
  pack: KnowledgePack;
  report: BuildReport;
  /** What was left out and why ("2 pages of crawl.warc had no article"). */
  notes: string[];
}

/** The file of provenance records that may come with a corpus (beside its texts, or dropped with them). */
export const SOURCES_FILE = 'sources.json';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `sources.json`'s records, with errors naming the file and the entry. */
export function readSourcesFile(file: CorpusFile): v.InferOutput<typeof ProvenanceSchema>[] {
  let data: unknown;
  try {
    data = JSON.parse(utf8.decode(file.bytes));
  } catch (err) {
    throw new PackBuildError(file.name, err instanceof TypeError ? 'is not valid UTF-8' : `is not valid JSON (${(err as Error).message})`);
  }
  const parsed = v.safeParse(v.array(ProvenanceSchema), data);
  if (!parsed.success) throw new PackBuildError(file.name, `entry ${describeIssue(parsed.issues[0], '(top level)')}`);
  return parsed.output;
}

/** Lets the event loop run (an abort, a message) at most every `YIELD_MS` of work, so a long build stays cancellable without slowing it. */
const YIELD_MS = 50;

/**
 * The whole corpus → pack build, from the files as given (bytes and names): the one the
 * command line runs (`npm run knowledge`) and the one the options page runs in a Web Worker
 * from dropped files. Pure of Node: no file system, no `node:` module. Named steps (see
 * BUILD_STEPS), progress after each file and each source, and a cancel between them. A bad
 * file fails the build with a PackBuildError naming the file and its line, row or record;
 * the pack returned has passed its own checks and fits PackSchema.
 */
export async function buildPackFromFiles(files: readonly CorpusFile[], options: BuildFromFilesOptions = {}): Promise<BuiltPack> {
  const { onProgress, signal } = options;
  let last = Date.now();
  const step = async (progress: BuildProgress) => {
    signal?.throwIfAborted();
    onProgress?.(progress);
    if (Date.now() - last >= YIELD_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
    signal?.throwIfAborted();
  };

  const listedFile = files.find((f) => f.name === SOURCES_FILE);
  const texts = files.filter((f) => f !== listedFile);
  await step({ step: 'read', done: 0, total: texts.length });
  const listed = listedFile ? readSourcesFile(listedFile) : [];
  const corpus = await readCorpus(texts, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
    onFile: (done, total) => step({ step: 'read', done, total }),
  });
  // Provenance: sources.json where it has an entry, else each file's own metadata.
  const inputs: PackInputs = {
    ...(options.catalog ?? NO_CATALOG),
    texts: corpus.texts,
    provenance: [...listed, ...corpus.provenance.filter((p) => !listed.some((l) => l.file === p.file))],
  };
  const { review } = options;
  const steps = buildPackSteps(review ? withReview(inputs, review) : inputs);
  let next = steps.next();
  while (!next.done) {
    await step(next.value);
    next = steps.next();
  }
  const pack = review ? reviewDisagreements(next.value.pack, review) : next.value.pack;
  const parsed = v.safeParse(PackSchema, pack);
  if (!parsed.success) throw new PackBuildError('pack', `does not fit its schema: ${describeIssue(parsed.issues[0], '(top level)')}`);
  await step({ step: 'verify', done: 1, total: 1 });
  return { pack, report: next.value.report, notes: corpus.notes };
}
