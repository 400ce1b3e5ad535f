import type { Matcher } from '../shared/matcher';
import { Highlighter } from './highlighter';
import { observeAdditions } from './observer';
import { PageStatsTracker } from './page-stats';
import { scanSliced } from './scanner';
import type { HighlightStyle } from '../shared/settings';
import { installTooltips, type TooltipActions, type Tooltips } from './tooltips';

/**
 * Crossread on one page: marks names (first the whole body, then whatever the page adds),
 * shows tooltips, and on `stop()` removes every mark, listener and observer, leaving the
 * DOM exactly as it was. Passes run one after another, each in short slices.
 */
export class PageMarker {
  readonly stats = new PageStatsTracker();
  private controller: AbortController | undefined;
  private highlighter = new Highlighter();
  private queue: Promise<void> = Promise.resolve();
  private tooltips: Tooltips | undefined;

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly actions: TooltipActions,
    /** Called after every pass and after `stop()`, with the number of distinct entities marked. */
    private readonly onChange: (entityCount: number) => void = () => {},
  ) {}

  /** Sets how marks look, now and for marks still to come. */
  setStyle(style: HighlightStyle): void {
    this.highlighter.setStyle(style);
  }

  get enabled(): boolean {
    return this.controller !== undefined;
  }

  /** Starts marking; resolves when the first pass is done. */
  start(): Promise<void> {
    if (this.controller) return this.queue;
    const controller = (this.controller = new AbortController());
    const body = this.doc.body;
    const watcher = observeAdditions(body, (nodes) => this.enqueue(nodes, controller.signal, watcher.discardPending), controller.signal);
    this.enqueue([body], controller.signal, watcher.discardPending);
    this.tooltips = installTooltips(this.doc, this.actions, controller.signal);
    return this.queue;
  }

  /** Opens the note card for the page's selection; false when off or nothing is selected. */
  noteOnSelection(): Promise<boolean> {
    return this.tooltips && this.enabled ? this.tooltips.noteOnSelection() : Promise.resolve(false);
  }

  /** Stops marking and restores the page. */
  async stop(): Promise<void> {
    this.controller?.abort();
    this.controller = undefined;
    await this.queue;
    this.highlighter.removeAll();
    this.onChange(0);
  }

  /** Queues passes over `roots`; `afterWrites` drops the observer records of Crossread's own wraps. */
  private enqueue(roots: Node[], signal: AbortSignal, afterWrites: () => void): void {
    this.queue = this.queue.then(async () => {
      // One batch is one pass, however many roots it holds.
      const pass = { marks: 0, textChars: 0, ms: 0 };
      for (const root of roots) {
        if (signal.aborted) return;
        const part = await scanSliced(root, this.matcher, this.highlighter, { sliceMs: 8, signal, afterWrites });
        pass.marks += part.marks;
        pass.textChars += part.textChars;
        pass.ms += part.ms;
      }
      this.stats.add(pass);
      this.onChange(this.highlighter.entityCount);
    });
  }
}
