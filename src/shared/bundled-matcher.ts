import { aliasPatterns } from './alias-index';
import { bundledAliasIndex } from './bundled-alias-index';
import { Matcher, type MatcherOptions } from './matcher';

/** How pages match the bundled pack: "U.S." and "US" alike. */
export const BUNDLED_MATCHER_OPTIONS: MatcherOptions = { acronymVariants: true };

/**
 * The bundled pack's matcher, compiled. The build runs this once and ships the result as
 * bytes (matcher-binary.ts); content scripts load those and never compile.
 */
export function compileBundledMatcher(): Matcher {
  return new Matcher(aliasPatterns(bundledAliasIndex), BUNDLED_MATCHER_OPTIONS);
}
