import { NOTE_COLORS, type Note } from '../shared/protocol';
import { anchorQuote } from '../shared/text-anchor';
import { TextIndex } from './text-position';

/** What became of a page's notes when they were placed again. */
export interface NotePlacement {
  anchored: string[];
  /** Notes whose passage is no longer on the page: listed, never dropped. */
  orphans: string[];
}

/**
 * Places a page's saved notes on it again and highlights them, one highlight per note
 * colour, with the CSS Custom Highlight API: a note overlaps names and other notes freely,
 * and the page's nodes are not split or changed at all. Where the page changed, quotes are
 * found again with their selectors (src/shared/text-anchor.ts); those that cannot be are orphans.
 */
export class NoteAnchors {
  private ranges = new Map<string, { range: Range; color: Note['color'] }>();
  private orphans: string[] = [];

  constructor(private readonly doc: Document) {}

  /** Places `notes` (replacing what was placed before) and repaints. */
  place(notes: readonly Note[]): void {
    this.ranges.clear();
    this.orphans = [];
    const index = new TextIndex(this.doc.body);
    for (const note of notes) this.placeOne(index, note);
    this.paint();
  }

  /** Adds one note (just saved) without placing the others again. */
  add(note: Note): void {
    this.placeOne(new TextIndex(this.doc.body), note);
    this.paint();
  }

  placement(): NotePlacement {
    return { anchored: [...this.ranges.keys()], orphans: [...this.orphans] };
  }

  clear(): void {
    this.ranges.clear();
    this.orphans = [];
    this.paint();
  }

  private placeOne(index: TextIndex, note: Note): void {
    const quote = note.selector?.quote ?? { exact: note.quote, prefix: '', suffix: '' };
    const anchor = anchorQuote(index.text, quote, note.selector?.position);
    const range = anchor && index.range(anchor.start, anchor.end);
    if (range) this.ranges.set(note.id, { range, color: note.color });
    else this.orphans.push(note.id);
  }

  private paint(): void {
    // Browsers without the Highlight API still anchor (the popup lists orphans); they just draw nothing.
    if (typeof Highlight === 'undefined' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    for (const color of NOTE_COLORS) {
      const ranges = [...this.ranges.values()].filter((r) => r.color === color).map((r) => r.range);
      if (ranges.length > 0) CSS.highlights.set(`crossread-note-${color}`, new Highlight(...ranges));
      else CSS.highlights.delete(`crossread-note-${color}`);
    }
  }
}
