import type { Matcher } from '../shared/matcher';
import { wrapMatches } from './highlighter';
import { collectTextNodes } from './text-walk';

/** What one scan pass did. */
export interface ScanPass {
  marks: HTMLElement[];
  textChars: number;
  ms: number;
}

/**
 * One pass over `root`: collect visible text nodes, match each, then wrap every match.
 * All matching happens before the DOM is touched, and nothing is measured.
 */
export function scan(root: Node, matcher: Matcher): ScanPass {
  const t0 = performance.now();
  const nodes = collectTextNodes(root);
  let textChars = 0;
  const planned: [Text, ReturnType<Matcher['find']>][] = [];
  for (const node of nodes) {
    textChars += node.data.length;
    const matches = matcher.find(node.data);
    if (matches.length > 0) planned.push([node, matches]);
  }
  const marks = planned.flatMap(([node, matches]) => wrapMatches(node, matches));
  return { marks, textChars, ms: performance.now() - t0 };
}
