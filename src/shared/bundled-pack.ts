import json from '../generated/knowledge-pack.json';
import type { KnowledgePack } from './knowledge';

/**
 * The pack built by `npm run knowledge` and bundled into the extension. The build validated
 * it against PackSchema before writing it, so it is not parsed again on every page.
 * Import this module only where the whole pack is needed (it is large); the content script
 * imports `bundledAliasIndex` from `bundled-alias-index.ts` instead.
 */
export const bundledPack = json as unknown as KnowledgePack;
