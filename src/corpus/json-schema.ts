import { toJsonSchema } from '@valibot/to-json-schema';
import { PackSchema, PACK_SCHEMA_VERSION } from '../shared/knowledge';

/** Where the pack's JSON Schema is kept, generated from the valibot schemas (`npm run schema`). */
export const SCHEMA_FILE = 'schema/knowledge-pack.schema.json';

/** The pack's JSON Schema, generated from PackSchema, so the TypeScript types and the schema cannot drift. */
export function packJsonSchema(): object {
  return {
    $id: `https://crossread.invalid/schema/knowledge-pack-v${PACK_SCHEMA_VERSION}.json`,
    title: 'Crossread knowledge pack',
    description:
      'Entities, sources, framing and disagreements built from a news corpus. Every sentence and quote is verbatim from the source it names. Generated from src/shared/knowledge.ts; do not edit.',
    ...toJsonSchema(PackSchema, { errorMode: 'throw' }),
  };
}

/** The schema file's content. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
