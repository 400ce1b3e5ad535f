import type { Note } from '../shared/protocol';
import type { HighlightStyle } from '../shared/settings';
import { Highlighter } from './highlighter';
import { NoteAnchors, type NotePlacement } from './note-anchors';
import { observeChanges, type PageChanges } from './observer';
import { PageStatsTracker } from './page-stats';
import { scanSliced, type TextMatcher } from './scanner';
import { rescanRootOf } from './text-walk';
import { installTooltips, type TooltipActions, type Tooltips } from './tooltips';
import { UiHost } from './ui-host';

/** What exists while Crossread is on for the page; all of it ends with `controller`. */
interface Session {
  controller: AbortController;
  host: UiHost;
  tooltips: Tooltips;
  notes: NoteAnchors;
}

/**
 * Crossread on one page: marks names (first the whole body, then whatever the page adds or
 * changes), shows cards, draws the page's notes, and on `stop()` takes every mark, listener,
 * observer, timer and its one element away; the page's DOM is never changed. Passes run one
 * after another, each in short slices; a pass that fails is reported and the next still runs.
 */
export class PageMarker {
  readonly stats = new PageStatsTracker();
  readonly marks: Highlighter;
  private session: Session | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** The trees watched for changes: the body, and each open shadow root a pass read. */
  private watched = new WeakSet<Node>();

  constructor(
    private readonly doc: Document,
    private readonly matcher: TextMatcher,
    private readonly actions: TooltipActions,
    /** Called after every pass and after `stop()`, with the number of distinct entities marked. */
    private readonly onChange: (entityCount: number) => void = () => {},
    /** The content script's whole life: when it aborts, so does everything started here. */
    private readonly life: AbortSignal = new AbortController().signal,
  ) {
    this.marks = new Highlighter(doc);
  }

  /** Sets how marks look, now and for marks still to come. */
  setStyle(style: HighlightStyle): void {
    this.marks.setStyle(style);
  }

  get enabled(): boolean {
    return this.session !== undefined;
  }

  /** Starts marking; resolves when the first pass is done. */
  start(): Promise<void> {
    if (this.session || this.life.aborted) return this.queue;
    const controller = new AbortController();
    const signal = controller.signal;
    this.life.addEventListener('abort', () => void this.stop(), { signal });
    const host = new UiHost(this.doc, signal);
    this.session = { controller, host, tooltips: installTooltips(this.doc, this.marks, host, this.actions, signal), notes: new NoteAnchors(this.doc, host, signal) };
    const body = this.doc.body;
    this.watched = new WeakSet([body]);
    observeChanges(body, (changes) => this.changed(changes, signal), signal);
    this.enqueue([body], signal);
    return this.queue;
  }

  /** Stops marking: every mark, listener, observer and Crossread's element go. */
  async stop(): Promise<void> {
    this.session?.controller.abort();
    this.session = undefined;
    await this.queue;
    this.marks.clear();
    this.onChange(0);
  }

  /** Opens the note card for the page's selection; false when off or nothing is selected. */
  noteOnSelection(): Promise<boolean> {
    return this.session ? this.session.tooltips.noteOnSelection() : Promise.resolve(false);
  }

  /** Places the page's saved notes (after the first pass); resolves when they are placed. */
  async placeNotes(notes: readonly Note[]): Promise<void> {
    await this.session?.notes.place(notes);
  }

  /** Places one note just saved. */
  async addNote(note: Note): Promise<void> {
    await this.session?.notes.add(note);
  }

  notePlacement(): NotePlacement {
    return this.session?.notes.placement() ?? { anchored: [], orphans: [] };
  }

  private changed({ changed, removed }: PageChanges, signal: AbortSignal): void {
    if (removed) this.marks.sweep();
    const roots = [...new Set(changed.map(rescanRootOf))];
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    if (outer.length > 0) this.enqueue(outer, signal);
    else this.settled();
  }

  /** Queues one pass over `roots`. */
  private enqueue(roots: Node[], signal: AbortSignal): void {
    this.queue = this.queue
      .then(async () => {
        // One batch is one pass, however many roots it holds.
        const pass = { marks: 0, textChars: 0, ms: 0 };
        for (const root of roots) {
          if (signal.aborted) return;
          if (!root.isConnected) continue;
          const part = await scanSliced(root, this.matcher, this.marks, { sliceMs: 8, signal });
          pass.marks += part.marks;
          pass.textChars += part.textChars;
          pass.ms += part.ms;
          for (const shadow of part.shadowRoots) {
            if (this.watched.has(shadow)) continue;
            this.watched.add(shadow);
            observeChanges(shadow, (changes) => this.changed(changes, signal), signal);
          }
        }
        this.stats.add(pass);
      })
      .catch((err: unknown) => {
        // Reported, and never in the way of the passes after it.
        this.stats.fail();
        console.warn('Crossread: a pass over this page failed; later changes are still marked.', err);
      })
      .then(() => {
        if (!signal.aborted) this.settled();
      });
  }

  /** After a pass or a batch of changes: the badge, the card and the notes follow the marks. */
  private settled(): void {
    this.session?.tooltips.marksChanged();
    this.session?.notes.refresh();
    this.onChange(this.marks.entityCount);
  }
}
