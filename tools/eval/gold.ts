import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { CLUTTER_REASONS } from '../../src/shared/clutter';
import { ENTITY_TYPES } from '../../src/shared/knowledge';

/** Hand-made gold for one article (format: assets/eval/README.md). */
export const GoldSchema = v.object({
  file: v.string(),
  quotes: v.array(
    v.object({
      start: v.number(),
      end: v.number(),
      text: v.string(),
      speaker: v.nullable(v.string()),
      kind: v.picklist(['full', 'partial', 'block']),
      scare: v.boolean(),
    }),
  ),
  excluded: v.array(v.object({ start: v.number(), end: v.number(), reason: v.picklist(CLUTTER_REASONS) })),
  entities: v.optional(
    v.array(v.object({ name: v.string(), type: v.picklist(ENTITY_TYPES), spellings: v.array(v.string()), clutterOnly: v.optional(v.boolean()) })),
    [],
  ),
  claims: v.optional(
    v.array(v.object({ start: v.number(), end: v.number(), text: v.string(), measure: v.string(), scope: v.string(), holder: v.string() })),
    [],
  ),
});
export type Gold = v.InferOutput<typeof GoldSchema>;

/** One article and its gold. */
export interface GoldArticle {
  gold: Gold;
  text: string;
}

/**
 * Reads a gold set: `gold.json` (an array of records) beside its `.txt` files, or one JSON
 * file whose records name files in `textDir`. Every span is checked against its text.
 */
export function readGoldSet(goldFile: string, textDir: string): GoldArticle[] {
  if (!existsSync(goldFile)) return [];
  const records = v.parse(v.array(GoldSchema), JSON.parse(readFileSync(goldFile, 'utf8')));
  return records.map((gold) => {
    const text = readFileSync(join(textDir, gold.file), 'utf8');
    for (const q of gold.quotes) {
      if (text.slice(q.start, q.end) !== q.text) throw new Error(`${gold.file}: gold quote at ${q.start} does not match its text`);
    }
    return { gold, text };
  });
}
