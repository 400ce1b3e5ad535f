import type { BuildProgress } from '../corpus/build-pack';
import type { KnowledgePack } from '../shared/knowledge';
import type { PackBuilderActions } from '../ui/PackBuilder';
import type { BuildReply, BuildRequest } from './pack-build-protocol';

export interface WorkerBuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  /** Aborting terminates the worker at once, mid-step; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  format?: string;
  columns?: string;
}

/** A build that failed in the worker: the build's own message ("news.jsonl (line 2): has no article text"). */
export class WorkerBuildError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Builds a knowledge pack from a reader's files in a Web Worker (pack-build-worker.ts, the
 * command line's build code), reporting its progress. Cancel with the signal: the worker is
 * terminated. A bad file rejects with the build's message naming the file and record.
 */
export function buildPackInWorker(files: readonly File[], options: WorkerBuildOptions = {}): Promise<{ pack: KnowledgePack; notes: string[] }> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const worker = new Worker(new URL('./pack-build-worker.ts', import.meta.url), { type: 'module', name: 'crossread-pack-build' });
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.addEventListener('message', ({ data }: MessageEvent<BuildReply>) => {
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'built') {
        done();
        resolve({ pack: data.pack, notes: data.notes });
      } else {
        done();
        reject(new WorkerBuildError(data.name, data.message));
      }
    });
    // A worker that cannot load or run (a bundling or CSP fault) says so here, not by a reply.
    worker.addEventListener('error', (event) => {
      done();
      reject(new WorkerBuildError('Error', event.message || 'the pack-build worker could not run'));
    });
    const request: BuildRequest = { type: 'build', files: [...files], ...(options.format ? { format: options.format } : {}), ...(options.columns ? { columns: options.columns } : {}) };
    worker.postMessage(request);
  });
}

/** The pack builder's `build` action (src/ui/PackBuilder.tsx): the worker build, its pack. */
export const buildPackAction: PackBuilderActions['build'] = async (files, onProgress, signal) => (await buildPackInWorker(files, { onProgress, signal })).pack;
