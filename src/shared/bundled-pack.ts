import json from '../generated/knowledge-pack.json';
import type { KnowledgePack } from './knowledge';

/**
 * The pack built by `npm run knowledge` and bundled into the extension. The build validated
 * it against PackSchema before writing it, so it is not parsed again on every page.
 */
export const bundledPack = json as unknown as KnowledgePack;
