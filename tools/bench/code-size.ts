import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';

/** The size of built files in `dir`, minified as built and gzipped (level 9), in KB. */
export function codeSize(dir: string, files: Iterable<string>): { minifiedKB: number; gzippedKB: number } {
  let min = 0;
  let gz = 0;
  for (const f of files) {
    const code = readFileSync(join(dir, f));
    min += code.length;
    gz += gzipSync(code, { level: 9 }).length;
  }
  return { minifiedKB: round(min / 1024), gzippedKB: round(gz / 1024) };
}
