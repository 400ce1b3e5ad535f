import type { BuildProgress } from '../corpus/build-pack';
import type { KnowledgePack } from '../shared/knowledge';

/** The options page → pack-build worker: build a pack from these files (as the reader chose them). */
export interface BuildRequest {
  type: 'build';
  files: File[];
  /** Field names of JSON Lines records and CSV columns, as on the command line (`--format`, `--columns`). */
  format?: string;
  columns?: string;
}

/** The pack-build worker → the options page: progress, then one answer (the pack, or the build's error message). */
export type BuildReply =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'built'; pack: KnowledgePack; notes: string[] }
  | { type: 'failed'; name: string; message: string };
