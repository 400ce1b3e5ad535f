import type { Note } from '../shared/protocol';
import { anchorQuoteSteps } from '../shared/text-anchor';
import { NoteLayer } from './note-layer';
import { runSliced } from './scanner';
import { TextIndex } from './text-position';
import type { UiHost } from './ui-host';

/** What became of a page's notes when they were placed again. */
export interface NotePlacement {
  anchored: string[];
  /** Notes whose passage is no longer on the page: listed, never dropped. */
  orphans: string[];
}

/**
 * Places a page's saved notes on it again and draws them (note-layer.ts): a note overlaps
 * names and other notes freely, and the page's nodes are not split or changed at all. Where
 * the page changed, quotes are found again with their selectors (src/shared/text-anchor.ts),
 * in slices of a few milliseconds, so a long quote on a large page never blocks it; those that
 * cannot be found are orphans.
 */
export class NoteAnchors {
  private ranges = new Map<string, { range: Range; color: Note['color'] }>();
  private orphans: string[] = [];
  private readonly layer: NoteLayer;
  private generation = 0;

  constructor(
    private readonly doc: Document,
    host: UiHost,
    private readonly signal: AbortSignal,
  ) {
    this.layer = new NoteLayer(host, signal);
  }

  /** Places `notes` (replacing what was placed before) and draws them; resolves when all are placed. */
  async place(notes: readonly Note[]): Promise<void> {
    const mine = ++this.generation;
    this.ranges.clear();
    this.orphans = [];
    await runSliced(this.placeAll(notes, mine), 8, this.signal);
    if (mine === this.generation) this.paint();
  }

  private *placeAll(notes: readonly Note[], generation: number): Generator<void, void, void> {
    const index = new TextIndex(this.doc.body);
    for (const note of notes) {
      yield* this.placeOne(index, note);
      // A newer placement started (the page's notes were placed again): this one stops.
      if (generation !== this.generation) return;
    }
  }

  /** Adds one note (just saved) without placing the others again. */
  async add(note: Note): Promise<void> {
    await runSliced(this.placeOne(new TextIndex(this.doc.body), note), 8, this.signal);
    this.paint();
  }

  placement(): NotePlacement {
    return { anchored: [...this.ranges.keys()], orphans: [...this.orphans] };
  }

  /** Redraws after the page changed (text may have moved). */
  refresh(): void {
    this.layer.schedule();
  }

  private *placeOne(index: TextIndex, note: Note): Generator<void, void, void> {
    const quote = note.selector?.quote ?? { exact: note.quote, prefix: '', suffix: '' };
    const anchor = yield* anchorQuoteSteps(index.text, quote, note.selector?.position);
    const range = anchor && index.range(anchor.start, anchor.end);
    if (range) this.ranges.set(note.id, { range, color: note.color });
    else this.orphans.push(note.id);
  }

  private paint(): void {
    this.layer.set([...this.ranges.values()]);
  }
}
