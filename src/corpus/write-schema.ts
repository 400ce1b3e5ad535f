import { writeFileSync } from 'node:fs';
import { renderJsonSchema, SCHEMA_FILE } from './json-schema';

/** `npm run schema`: regenerates the committed JSON Schema after a change to src/shared/knowledge.ts. */
writeFileSync(SCHEMA_FILE, renderJsonSchema());
console.log(`wrote ${SCHEMA_FILE}`);
