import type { Note } from '../shared/protocol';
import type { HighlightStyle } from '../shared/settings';
import { Highlighter } from './highlighter';
import type { NotePlacement } from './note-anchors';
import { observeChanges, type PageChanges } from './observer';
import { PageStatsTracker } from './page-stats';
import type { PageUi } from './page-ui';
import { scanSliced, type TextMatcher } from './scanner';
import { rescanRootOf } from './text-walk';
import type { TooltipActions } from './tooltips';
import { viewportBlock } from './viewport';

/** The UI module, loaded on first use (see page-ui.ts). */
type UiModule = typeof import('./page-ui');

/** What exists while Crossread is on for the page; all of it ends with `controller`. */
interface Session {
  controller: AbortController;
  /** The UI, once something needed it. */
  ui?: Promise<PageUi | undefined>;
  ready?: PageUi;
}

const reportUi = (err: unknown) => console.warn('Crossread: its cards could not load on this page.', err);

/** One part of a pass: a root, and a block under it that was read already. */
interface PassRoot {
  root: Node;
  except?: Element;
}

/**
 * Crossread on one page: marks names (first the whole body, then whatever the page adds or
 * changes), shows cards, draws the page's notes, and on `stop()` takes every mark, listener,
 * observer, timer and its one element away; the page's DOM is never changed. Passes run one
 * after another, each in short slices; a pass that fails is reported and the next still runs.
 * The first pass reads the block in view first, then the rest of the page. The UI (its one
 * element, hover, keyboard, notes) loads only once there is a mark, a note or a selection to
 * note: a page without names costs the scan alone.
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
    /** What the card's buttons do; by default, calls to the worker (page-ui.ts). */
    private readonly actions?: TooltipActions,
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

  /** Starts marking; resolves when the first pass is done (and, when it marked names, the UI is in place). */
  start(): Promise<void> {
    if (this.session || this.life.aborted) return this.queue;
    const controller = new AbortController();
    const signal = controller.signal;
    this.life.addEventListener('abort', () => void this.stop(), { signal });
    this.session = { controller };
    const body = this.doc.body;
    this.watched = new WeakSet([body]);
    observeChanges(body, (changes) => this.changed(changes, signal), signal);
    const inView = viewportBlock(this.doc);
    this.enqueue(inView ? [{ root: inView }, { root: body, except: inView }] : [{ root: body }], signal);
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
  async noteOnSelection(): Promise<boolean> {
    const ui = this.session && (await this.ui(this.session));
    return ui ? ui.tooltips.noteOnSelection() : false;
  }

  /**
   * Places the page's saved notes, from the worker's raw `listNotes` answer (validated by the
   * UI module, which loads only when there are notes); resolves when they are placed.
   */
  async placeNotes(answer: unknown): Promise<void> {
    const session = this.session;
    if (!session || (Array.isArray(answer) && answer.length === 0 && !session.ready)) return;
    const module = await this.uiModule();
    const notes: Note[] = module.parseNotes(answer);
    if (notes.length === 0 && !session.ready) return;
    await (await this.ui(session))?.notes.place(notes);
  }

  /** Places one note just saved. */
  async addNote(note: Note): Promise<void> {
    const ui = this.session && (await this.ui(this.session));
    await ui?.notes.add(note);
  }

  notePlacement(): NotePlacement {
    return this.session?.ready?.notes.placement() ?? { anchored: [], orphans: [] };
  }

  /** Whether the UI module is loaded and in place (for tests and the stats). */
  get uiLoaded(): boolean {
    return this.session?.ready !== undefined;
  }

  private uiModule(): Promise<UiModule> {
    return import('./page-ui');
  }

  /** The session's UI, loaded and built on first call; a failure is reported once, and marks go on without cards. */
  private ui(session: Session): Promise<PageUi | undefined> {
    return (session.ui ??= this.uiModule()
      .then(({ createPageUi }) => {
        if (session.controller.signal.aborted) return undefined;
        return (session.ready = createPageUi(this.doc, this.marks, this.actions, session.controller.signal));
      })
      .catch((err: unknown) => {
        reportUi(err);
        return undefined;
      }));
  }

  private changed({ changed, removed }: PageChanges, signal: AbortSignal): void {
    if (removed) this.marks.sweep();
    const roots = [...new Set(changed.map(rescanRootOf))];
    const outer = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    if (outer.length > 0) this.enqueue(outer.map((root) => ({ root })), signal);
    else void this.settled();
  }

  /** Queues one pass over `roots`. */
  private enqueue(roots: PassRoot[], signal: AbortSignal): void {
    const session = this.session!;
    this.queue = this.queue
      .then(async () => {
        // One batch is one pass, however many roots it holds.
        const pass = { marks: 0, textChars: 0, ms: 0 };
        for (const { root, except } of roots) {
          if (signal.aborted) return;
          if (!root.isConnected) continue;
          const part = await scanSliced(root, this.matcher, this.marks, {
            sliceMs: 8,
            signal,
            except: except?.isConnected ? except : undefined,
            // The first names found bring the UI, in place before they are drawn.
            beforeMarking: () => (session.ready ? undefined : this.ui(session)),
          });
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
      .then(() => (signal.aborted ? undefined : this.settled()));
  }

  /** After a pass or a batch of changes: the badge, the card and the notes follow the marks; the first mark brings the UI. */
  private async settled(): Promise<void> {
    const session = this.session;
    session?.ready?.tooltips.marksChanged();
    session?.ready?.notes.refresh();
    this.onChange(this.marks.entityCount);
    if (session && this.marks.size > 0) await this.ui(session);
  }
}
