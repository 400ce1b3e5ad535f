import { compileMatcher, type AliasPattern, type MatcherOptions } from './matcher-compile';
import { Matcher as ScanMatcher } from './matcher-scan';

export { acronymVariant, compileMatcher, isAcronym, type AliasPattern, type MatcherOptions } from './matcher-compile';
export type { CompiledMatcher, Match } from './matcher-scan';

/**
 * A matcher compiled from aliases on the spot, for code that builds: the knowledge build, the
 * lexicons of a pack's analysis, tests and benchmarks. It is the scan-only `Matcher`
 * (matcher-scan.ts) over `compileMatcher`'s output (matcher-compile.ts), the two halves kept
 * apart so that a page, which loads a precompiled matcher from bytes (matcher-binary.ts),
 * carries no compiler: content-script code imports matcher-scan.ts, never this module.
 */
export class Matcher extends ScanMatcher {
  constructor(patterns: readonly AliasPattern[], options: MatcherOptions = {}) {
    super(compileMatcher(patterns, options));
  }
}
