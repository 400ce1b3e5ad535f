import type { Match, Matcher } from '../shared/matcher';

/** Anything that finds matches in a string the way Matcher does (benchmarks swap in a RegExp). */
export type TextMatcher = Pick<Matcher, 'find'>;
import { Highlighter, type Piece } from './highlighter';
import { walkText, type TextMap } from './text-walk';

/** What one scan pass did. */
export interface ScanPass {
  marks: number;
  textChars: number;
  /** Main-thread milliseconds spent in the pass (slices summed, waits between them left out). */
  ms: number;
}

/** Text matched per step: large enough to be quick, small enough to keep a slice short. */
const MATCH_CHUNK = 64 * 1024;
const WRAP_BATCH = 64;

/** The pieces of each match, per text node index, by walking the node offsets once. */
export function piecesByNode(map: TextMap, matches: readonly Match[]): Map<number, Piece[]> {
  const out = new Map<number, Piece[]>();
  let n = 0;
  for (const m of matches) {
    while (n + 1 < map.nodes.length && map.starts[n + 1]! <= m.start) n++;
    for (let i = n, first = true; i < map.nodes.length && map.starts[i]! < m.end; i++) {
      const start = Math.max(m.start, map.starts[i]!) - map.starts[i]!;
      const end = Math.min(m.end, map.starts[i]! + map.data[i]!.length) - map.starts[i]!;
      if (end <= start) continue;
      const list = out.get(i) ?? [];
      list.push({ start, end, entityId: m.entityId, first });
      out.set(i, list);
      first = false;
    }
  }
  return out;
}

/**
 * One pass over `root` as a sequence of small steps: collect the visible text, match it,
 * then wrap every match (all elements created, nothing measured). A generator, so a driver
 * can run it at once (`scan`) or give the main thread back between slices (`scanSliced`).
 * A text node the page changed between collecting and wrapping is left alone; the
 * observer brings it back.
 */
export function* scanSteps(
  root: Node,
  matcher: TextMatcher,
  highlighter: Highlighter,
  afterWrites: () => void = () => {},
): Generator<void, Omit<ScanPass, 'ms'>, void> {
  const map = yield* walkText(root);
  const matches: Match[] = [];
  for (let from = 0; from < map.text.length; ) {
    let to = Math.min(map.text.length, from + MATCH_CHUNK);
    // Cut at a block boundary so no name is split between chunks.
    if (to < map.text.length) {
      const cut = map.text.lastIndexOf('\n', to);
      to = cut > from ? cut : to;
    }
    for (const m of matcher.find(map.text.slice(from, to))) matches.push({ ...m, start: m.start + from, end: m.end + from });
    from = to;
    yield;
  }
  let marks = 0;
  let done = 0;
  for (const [i, pieces] of piecesByNode(map, matches)) {
    const node = map.nodes[i]!;
    if (node.isConnected && node.data === map.data[i]) marks += highlighter.wrap(node, pieces);
    if (++done % WRAP_BATCH === 0) {
      afterWrites();
      yield;
    }
  }
  afterWrites();
  return { marks, textChars: map.data.reduce((n, d) => n + d.length, 0) };
}

/** Runs a whole pass at once. */
export function scan(root: Node, matcher: TextMatcher, highlighter: Highlighter): ScanPass {
  const t0 = performance.now();
  const steps = scanSteps(root, matcher, highlighter);
  for (;;) {
    const step = steps.next();
    if (step.done) return { ...step.value, ms: performance.now() - t0 };
  }
}

/** Gives the main thread back to the page (scheduler.yield where the browser has it). */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Runs a pass in slices of at most about `sliceMs` of main-thread time, yielding to the page
 * between them, so no task of Crossread's comes near the 50 ms that makes a page feel slow.
 * `afterWrites` runs right after each batch of wraps, in the same task (see PageMarker).
 */
export async function scanSliced(
  root: Node,
  matcher: TextMatcher,
  highlighter: Highlighter,
  options: { sliceMs?: number; signal?: AbortSignal; afterWrites?: () => void } = {},
): Promise<ScanPass> {
  const { sliceMs = 8, signal, afterWrites } = options;
  const steps = scanSteps(root, matcher, highlighter, afterWrites);
  let ms = 0;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { ...step.value, ms: ms + performance.now() - sliceStart };
    if (performance.now() - sliceStart >= sliceMs) {
      ms += performance.now() - sliceStart;
      await yieldToPage();
      if (signal?.aborted) return { marks: 0, textChars: 0, ms };
      sliceStart = performance.now();
    }
  }
}
