import type { Match, Matcher } from '../shared/matcher';
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
}

/** Text matched per step: large enough to be quick, small enough to keep a slice short. */
const MATCH_CHUNK = 16 * 1024;
/** Marks made per step. */
const MARK_BATCH = 128;

/** All matches in `text`, matched in chunks cut at block boundaries (a generator: it pauses between chunks). */
function* matchSteps(text: string, matcher: TextMatcher): Generator<void, Match[], void> {
  if (text.length <= MATCH_CHUNK) return matcher.find(text);
  const matches: Match[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + MATCH_CHUNK);
    // Cut at a block boundary so no name is split between chunks.
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      to = cut > from ? cut : to;
    }
    for (const m of matcher.find(text.slice(from, to))) matches.push({ ...m, start: m.start + from, end: m.end + from });
    from = to;
    yield;
  }
  return matches;
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
  return done ? { ...done.value, ms: done.ms } : { marks: 0, textChars: 0, ms: 0 };
}
