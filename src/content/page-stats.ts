import type { PageStats } from '../shared/protocol';
import { pageKey } from '../shared/sender';
import type { NotePlacement } from './note-anchors';
import { WHOLE_MARKS } from './highlighter';
import type { ScanPass } from './scanner';

/** Sums the cost of scan passes and reports them with the marks that are in the page now. */
export class PageStatsTracker {
  private textChars = 0;
  private scanMs = 0;
  private passes = 0;

  add(pass: ScanPass): void {
    this.textChars += pass.textChars;
    this.scanMs += pass.ms;
    this.passes += 1;
  }

  snapshot(doc: Document, enabled: boolean, notes: NotePlacement = { anchored: [], orphans: [] }): PageStats {
    const entityCounts: Record<string, number> = {};
    const marks = doc.querySelectorAll<HTMLElement>(WHOLE_MARKS);
    for (const mark of marks) {
      const id = mark.dataset.entity;
      if (id) entityCounts[id] = (entityCounts[id] ?? 0) + 1;
    }
    return {
      url: pageUrl(doc),
      title: doc.title,
      enabled,
      markCount: marks.length,
      entityIds: Object.keys(entityCounts).sort(),
      entityCounts,
      textChars: this.textChars,
      scanMs: Math.round(this.scanMs * 1000) / 1000,
      passes: this.passes,
      notesAnchored: notes.anchored,
      notesOrphaned: notes.orphans,
    };
  }
}

/** The page's URL as notes are keyed (the worker keys them by the sender's address the same way). */
export function pageUrl(doc: Document): string {
  return pageKey(doc.URL);
}
