import Mark from 'mark.js';
import { Highlighter } from '../../src/content/highlighter';
import { pageMarks } from '../../src/content/page-stats';
import { scanSliced, type TextMatcher } from '../../src/content/scanner';
import { collectText } from '../../src/content/text-walk';
import { fold } from '../../src/shared/fold';
import { Matcher, type AliasPattern, type Match } from '../../src/shared/matcher';
import { matcherFromBytes, matcherToBytes } from '../../src/shared/matcher-binary';

/**
 * Runs in the benchmark page (bundled by tools/bench-matching.ts): the same collect, match and
 * highlight code as the content script, the same work done by one combined RegExp and by mark.js,
 * and the synthetic-pack measurements. Everything is exposed on `window.CrossreadBench`.
 */

const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One combined RegExp with the same rules: whole words, longest first, acronyms as written, folded text. */
class RegExpMatcher implements TextMatcher {
  private readonly re: RegExp;
  private readonly entityOf = new Map<string, AliasPattern>();
  constructor(patterns: readonly AliasPattern[]) {
    const sorted = [...patterns].sort((a, b) => b.text.length - a.text.length);
    const insensitive = sorted.filter((p) => !p.caseSensitive).map((p) => escape(fold(p.text)));
    const sensitive = sorted.filter((p) => p.caseSensitive).map((p) => escape(fold(p.text, true)));
    for (const p of patterns) this.entityOf.set(p.caseSensitive ? fold(p.text, true) : fold(p.text), p);
    // Case-insensitive aliases run against lower-cased folded text; acronyms against the cased fold.
    const alts = [...insensitive.map((a) => `(?i:${a})`), ...sensitive].join('|');
    this.re = new RegExp(`(?<!${WORD})(?:${alts})(?!${WORD})`, 'gu');
  }
  find(text: string): Match[] {
    const cased = fold(text, true);
    const out: Match[] = [];
    for (const m of cased.matchAll(this.re)) {
      const p = this.entityOf.get(m[0]) ?? this.entityOf.get(m[0].toLowerCase());
      if (p) out.push({ start: m.index, end: m.index + m[0].length, entityId: p.entityId, alias: p.text });
    }
    return out;
  }
}

let crossread: Matcher;
let regexp: RegExpMatcher;
let aliases: AliasPattern[] = [];
const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: false });

/** The highlighter of the last run (each run starts with a fresh one, as a page load does). */
let highlighter: Highlighter | undefined;

function phases(finder: TextMatcher) {
  highlighter?.clear();
  const h = (highlighter = new Highlighter(document));
  const t0 = performance.now();
  const map = collectText(document.body);
  const t1 = performance.now();
  const matches = finder.find(map.text);
  const t2 = performance.now();
  const marks = h.add(map, matches);
  const t3 = performance.now();
  return { collect: t1 - t0, match: t2 - t1, highlight: t3 - t2, total: t3 - t0, matches: matches.length, marks };
}

/**
 * A run as a page gets it: collect, match and make the ranges, then (next frame) draw those near
 * the viewport; drawing counts in `highlight` and `total`.
 */
async function phasesDrawn(finder: TextMatcher) {
  const p = phases(finder);
  // Elements holding marks are watched a few hundred a frame: wait until three frames add no work.
  for (let quiet = 0, last = -1, frames = 0; quiet < 3 && frames < 200; frames++) {
    await new Promise(requestAnimationFrame);
    quiet = highlighter!.drawMs === last ? quiet + 1 : 0;
    last = highlighter!.drawMs;
  }
  const draw = highlighter!.drawMs;
  return { ...p, draw, highlight: p.highlight + draw, total: p.total + draw };
}

/** Character runs of the page's text that the last run marked (offsets into the body's text content). */
const highlightedRuns = (): [number, number][] => pageMarks(document.body, highlighter!).map((m) => [m.start, m.end]);

/** Character runs of the page's text that lie inside a mark, whichever tool made it. */
function markedRuns(selector: string): [number, number][] {
  const runs: [number, number][] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n as Text).data.length;
    if (n.parentElement?.closest(selector)) {
      const last = runs.at(-1);
      if (last && last[1] === offset) last[1] += len;
      else runs.push([offset, offset + len]);
    }
    offset += len;
  }
  return runs;
}

/**
 * 1,000 of the page's own DOM mutations, as a live page makes them: 500 edits of text that
 * holds names, 250 paragraphs inserted and 250 removed again. `perFrame` spreads them over
 * animation frames (resolving when done); without it they run in one task. Returns the time
 * the page's own code took (what live ranges would tax on every mutation).
 */
async function mutate(count: number, perFrame?: number): Promise<number> {
  const paragraphs = [...document.querySelectorAll('p')];
  let spent = 0;
  let aside: HTMLElement | undefined;
  for (let i = 0; i < count; ) {
    const t0 = performance.now();
    for (let k = 0; k < (perFrame ?? count) && i < count; k++, i++) {
      const p = paragraphs[(i * 7) % paragraphs.length]!;
      if (i % 2 === 0) (p.firstChild as Text).data += ' ';
      else if (!aside) {
        aside = document.createElement('p');
        aside.textContent = 'An aside.';
        p.after(aside);
      } else {
        aside.remove();
        aside = undefined;
      }
    }
    spent += performance.now() - t0;
    if (perFrame) await new Promise(requestAnimationFrame);
  }
  return spent;
}

/** Points over names (the middle of each sampled mark's first line) and beside them, in the viewport now. */
function hoverPoints(h: Highlighter): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (const m of h.inOrder()) {
    const r = document.createRange();
    r.setStart(m.range.startContainer, m.range.startOffset);
    r.setEnd(m.range.endContainer, m.range.endOffset);
    const box = r.getClientRects()[0];
    if (!box || box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) continue;
    points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 }, { x: box.left + box.width / 2, y: box.bottom + 3 });
  }
  return points;
}

const api = {
  setup(patterns: AliasPattern[]) {
    aliases = patterns;
    crossread = new Matcher(patterns, { capitalNames: false });
    regexp = new RegExpMatcher(patterns);
  },
  textLength: () => collectText(document.body).text.length,
  /**
   * Warm runs: the page's original body is put back before each run, in the same realm, so
   * the code is already optimised (as for the observer's later passes). `which` picks the tool.
   */
  async warm(which: 'crossread' | 'regexp' | 'markjs', runs: number) {
    const original = document.body.innerHTML;
    const out: { collect?: number; match?: number; highlight?: number; total: number }[] = [];
    for (let r = 0; r < runs; r++) {
      document.body.innerHTML = original;
      out.push(which === 'markjs' ? api.markjs() : await phasesDrawn(which === 'crossread' ? crossread : regexp));
    }
    document.body.innerHTML = original;
    return out;
  },
  crossread: async () => ({ ...(await phasesDrawn(crossread)), runs: highlightedRuns() }),
  regexp: async () => ({ ...(await phasesDrawn(regexp)), runs: highlightedRuns() }),
  markjs() {
    const t0 = performance.now();
    const m = new Mark(document.body);
    const opts = { separateWordSearch: false, acrossElements: true, diacritics: true, exclude: ['script', 'style', 'noscript', 'textarea', 'select', 'button', 'code', 'pre'] };
    const sorted = [...aliases].sort((a, b) => b.text.length - a.text.length);
    // Two calls: the case-insensitive names, then the acronyms as written; whole words only.
    m.mark(sorted.filter((p) => !p.caseSensitive).map((p) => p.text), { ...opts, accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', "'", '’', '"', '“', '”', '(', ')', '-', '–', '—'] }, caseSensitive: false });
    m.mark(sorted.filter((p) => p.caseSensitive).map((p) => p.text), { ...opts, accuracy: { value: 'exactly', limiters: [',', ';', ':', '!', '?', "'", '’', '"', '“', '”', '(', ')', '-', '–', '—'] }, caseSensitive: true });
    const total = performance.now() - t0;
    return { total, matches: document.querySelectorAll('mark[data-markjs]').length, runs: markedRuns('mark[data-markjs]') };
  },
  /** The extension's own path: a sliced pass; long tasks are counted while it runs. */
  async sliced() {
    longTasks.length = 0;
    const pass = await scanSliced(document.body, crossread, new Highlighter(document), { sliceMs: 8 });
    await new Promise((r) => setTimeout(r, 100));
    return { ms: pass.ms, longTasks: [...longTasks] };
  },
  /** mark.js in a task of its own, with the long tasks it makes. */
  async markjsTask() {
    longTasks.length = 0;
    const result = await new Promise<{ total: number }>((resolve) => setTimeout(() => resolve(api.markjs()), 0));
    await new Promise((r) => setTimeout(r, 100));
    return { ms: result.total, longTasks: [...longTasks] };
  },
  /**
   * Hover lookups on the marked page: the mark under each of a few hundred points found with
   * `highlightsFromPoint` and with the caret-position fallback (checked to agree), timed per
   * lookup over repeated rounds (the clock is too coarse for one).
   */
  async hover(rounds: number) {
    await api.crossread();
    const h = highlighter!;
    const out = { registryUs: 0, caretUs: 0, points: 0, onMarks: 0, disagree: 0 };
    for (const at of [0, 0.25, 0.5, 0.75]) {
      scrollTo(0, at * document.documentElement.scrollHeight);
      // The marks that scrolled near are drawn in the next frames.
      for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
      const points = hoverPoints(h);
      out.points += points.length;
      for (const p of points) {
        const a = h.markFromHighlights(p.x, p.y);
        if (a) out.onMarks++;
        if (a !== h.markFromCaret(p.x, p.y)) out.disagree++;
      }
      for (const [key, lookup] of [['registryUs', (x: number, y: number) => h.markFromHighlights(x, y)], ['caretUs', (x: number, y: number) => h.markFromCaret(x, y)]] as const) {
        const t0 = performance.now();
        for (let r = 0; r < rounds; r++) for (const p of points) lookup(p.x, p.y);
        out[key] += ((performance.now() - t0) * 1000) / rounds;
      }
    }
    scrollTo(0, 0);
    return { ...out, registryUs: out.registryUs / out.points, caretUs: out.caretUs / out.points };
  },
  /** The page's 1,000 mutations, in one task or spread over frames (see mutate). */
  mutate,
  /**
   * The same 1,000 mutations in one task with the page's marks held as static ranges (what
   * Crossread does), as live Ranges (the alternative), or with no ranges at all.
   */
  async mutateWith(kind: 'static' | 'live' | 'none') {
    await api.crossread();
    const marks = highlighter ? [...highlighter.inOrder()] : [];
    highlighter?.clear();
    const ranges =
      kind === 'none'
        ? []
        : marks.map(({ range: r }) => {
            if (kind === 'static') return new StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset });
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            return live;
          });
    CSS.highlights.set('crossread-mark-underline', new Highlight(...ranges));
    return mutate(1000);
  },
  /** Compile time and table size of a matcher over `names`, its precompiled load, and its scan speed over `text`. */
  synthetic(names: string[], text: string, runs: number) {
    const patterns = names.map((n, i) => ({ text: n, entityId: `e${i}`, caseSensitive: false }));
    // Compiles are timed back to back. Memory is reported as the automaton's table bytes: the
    // page's heap figures proved unreliable here (collections do not land where asked).
    const compile: number[] = [];
    let matcher: Matcher | undefined;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      matcher = new Matcher(patterns, { capitalNames: false });
      compile.push(performance.now() - t0);
    }

    // The precompiled form: the file the build ships for a pack, then loaded as a page loads it.
    const bytes = matcherToBytes(matcher!);
    const load: number[] = [];
    for (let r = 0; r < runs; r++) {
      const copy = bytes.slice().buffer;
      const t0 = performance.now();
      matcherFromBytes(copy);
      load.push(performance.now() - t0);
    }
    const scan: number[] = [];
    const floor: number[] = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      found = matcher!.find(text).length;
      scan.push(performance.now() - t0);
      t0 = performance.now();
      let sum = 0;
      for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
      floor.push(performance.now() - t0);
      if (sum === 42) console.log(sum);
    }
    return { compile, load, packedBytes: bytes.byteLength, scan, floor, found, states: matcher!.states, tableBytes: matcher!.bytes };
  },
};

(globalThis as { CrossreadBench?: typeof api }).CrossreadBench = api;
export type BenchApi = typeof api;
