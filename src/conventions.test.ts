import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file (not a test) under the folders that must know no story. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(?:ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Words of the bundled corpus's story. Crossread's code must hold none of them, comments
 * included: a pack built from another corpus would otherwise be mislabelled, and examples in
 * comments drift into code. Story facts are data: the catalog, the pack, assets/defaults.
 */
const STORY_WORDS = /\b(?:Syria|Syrian|Assad|Lavrov|Kerry|Aleppo|ceasefire|cease-fire|truce|Nusra|Daesh|regime|Geneva|Kirby|Lister|Kodmani|Hizbullah|Putin|Obama)\b/i;
const STORY_FREE = ['src/shared', 'src/ui', 'src/content', 'src/popup', 'src/pages', 'src/background', 'src/platform'];

describe('conventions', () => {
  it('no code outside the corpus build names the bundled story', () => {
    const found = STORY_FREE.flatMap(files).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (STORY_WORDS.test(line) ? [`${path}:${i + 1}: ${line.trim().slice(0, 100)}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
