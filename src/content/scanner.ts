import type { Match, Matcher } from '../shared/matcher-scan';
import type { Highlighter } from './highlighter';
import { walkText } from './text-walk';

/** Anything that finds matches in a string the way Matcher does (benchmarks swap in a RegExp). */
export type TextMatcher = Pick<Matcher, 'find'>;

/** What one scan pass did. */
export interface ScanPass {
  marks: number;
  textChars: number;
  /** Main-thread milliseconds spent in the pass (slices summed, waits between them left out). */
  ms: number;
  /** The open shadow roots whose text the pass read. */
  shadowRoots: ShadowRoot[];
}

/** Text matched per step: large enough to be quick, small enough to keep a slice short. */
const MATCH_CHUNK = 16 * 1024;
/** Marks made per step. */
const MARK_BATCH = 128;

/**
 * Text read on each side of a chunk: longer than any name, and than the window in which an
 * ambiguous spelling looks for a name of the story (400 characters).
 */
const MATCH_OVERLAP = 1024;

/**
 * All matches in `text`, matched in chunks (a generator: it pauses between chunks). Each
 * chunk is matched with `MATCH_OVERLAP` characters of text on either side and keeps the
 * matches that begin in it, so a name across a chunk's edge is found whole, once, and a
 * page that is one 10 MB text node is marked exactly as if it were matched in one piece.
 * Chunks end after a space, so the text beyond the window starts at a word.
 */
function* matchSteps(text: string, matcher: TextMatcher): Generator<void, Match[], void> {
  if (text.length <= MATCH_CHUNK) return matcher.find(text);
  const matches: Match[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + MATCH_CHUNK);
    if (to < text.length) to = wordStartNear(text, to, to - from);
    const lo = from === 0 ? 0 : wordStartNear(text, Math.max(0, from - MATCH_OVERLAP), MATCH_OVERLAP);
    const hi = Math.min(text.length, to + MATCH_OVERLAP);
    let next = to;
    for (const m of matcher.find(text.slice(lo, hi))) {
      const start = m.start + lo;
      if (start < from || start >= to) continue;
      matches.push({ ...m, start, end: m.end + lo });
      next = Math.max(next, m.end + lo);
    }
    from = next;
    yield;
  }
  return matches;
}

/**
 * The nearest offset at or before `i`, at most `within` back, where a word can begin (after a
 * space or line break); `i` itself in text without spaces (the search stays bounded).
 */
function wordStartNear(text: string, i: number, within: number): number {
  for (let j = i; j > 0 && j > i - within; j--) {
    const c = text.charCodeAt(j - 1);
    if (c === 32 || c === 10) return j;
  }
  return i;
}

/**
 * One pass over `root` as a sequence of small steps: collect the visible text, match it,
 * then mark every match (static ranges in one highlight; the page's DOM is not touched).
 * The marks an earlier pass made in this text are replaced, so passes are idempotent. Text
 * under `except` (a block already scanned) is neither read nor unmarked.
 * A generator, so a driver can run it at once (`scan`) or give the main thread back
 * between slices (`scanSliced`).
 */
export function* scanSteps(
  root: Node,
  matcher: TextMatcher,
  highlighter: Highlighter,
  except?: Element,
  beforeMarking?: () => Promise<unknown> | undefined,
): Generator<void | Promise<unknown>, Omit<ScanPass, 'ms'>, void> {
  const map = yield* walkText(root, except);
  const matches = yield* matchSteps(map.text, matcher);
  // What must be in place before the first mark is drawn (the UI, see page-marker.ts): the driver waits for it.
  yield (matches.length > 0 && beforeMarking?.()) || undefined;
  highlighter.dropWithin(root, except);
  let marks = 0;
  for (let i = 0; i < matches.length; i += MARK_BATCH) {
    if (i > 0) yield;
    marks += highlighter.add(map, matches.slice(i, i + MARK_BATCH));
  }
  return { marks, textChars: map.data.reduce((n, d) => n + d.length, 0), shadowRoots: map.shadowRoots };
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
export const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Drives a generator in slices of at most about `sliceMs` of main-thread time, yielding to
 * the page between them (and waiting for any promise a step yields), so no task of Crossread's comes near the 50 ms that makes a page
 * feel slow. Resolves with the generator's result and the main-thread time it took, or
 * with undefined once `signal` aborts.
 */
export async function runSliced<T>(steps: Generator<void | Promise<unknown>, T, void>, sliceMs = 8, signal?: AbortSignal): Promise<{ value: T; ms: number } | undefined> {
  let ms = 0;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, ms: ms + performance.now() - sliceStart };
    // A step that yields a promise waits for it (time waiting is not the pass's).
    if (step.value) {
      ms += performance.now() - sliceStart;
      await step.value;
      if (signal?.aborted) return undefined;
      sliceStart = performance.now();
    } else if (performance.now() - sliceStart >= sliceMs) {
      ms += performance.now() - sliceStart;
      await yieldToPage();
      if (signal?.aborted) return undefined;
      sliceStart = performance.now();
    }
  }
}

/** Runs a pass in slices (see runSliced). */
export async function scanSliced(
  root: Node,
  matcher: TextMatcher,
  highlighter: Highlighter,
  options: { sliceMs?: number; signal?: AbortSignal; except?: Element; beforeMarking?: () => Promise<unknown> | undefined } = {},
): Promise<ScanPass> {
  const done = await runSliced(scanSteps(root, matcher, highlighter, options.except, options.beforeMarking), options.sliceMs, options.signal);
  return done ? { ...done.value, ms: done.ms } : { marks: 0, textChars: 0, ms: 0, shadowRoots: [] };
}
