import json from '../generated/alias-index.json';
import type { AliasIndex } from './alias-index';

/** The bundled pack's alias index (see alias-index.ts), small enough for every page. */
export const bundledAliasIndex = json as AliasIndex;
