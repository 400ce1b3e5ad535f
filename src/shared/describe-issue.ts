import type * as v from 'valibot';

/**
 * One validation issue in words a person can act on: where (a dotted path, or `fallback`
 * at the top level) and what, with "missing required field" for an absent key.
 */
export function describeIssue(issue: v.BaseIssue<unknown>, fallback: string): string {
  const at = issue.path?.map((p) => String(p.key)).join('.') ?? fallback;
  const what = issue.received === 'undefined' ? 'missing required field' : issue.message;
  return `${at}: ${what}`;
}
