import type { PageMark, PageStats } from '../shared/protocol';
import { pageKey } from '../shared/own-sender';
import type { Highlighter } from './highlighter';
import type { NotePlacement } from './note-anchors';
import type { ScanPass } from './scanner';
import { TextIndex } from './text-position';

/** Sums the cost of scan passes and reports them with the marks that are in the page now. */
export class PageStatsTracker {
  private textChars = 0;
  private scanMs = 0;
  private passes = 0;
  private failed = 0;

  add(pass: Pick<ScanPass, 'textChars' | 'ms'>): void {
    this.textChars += pass.textChars;
    this.scanMs += pass.ms;
    this.passes += 1;
  }

  /** Counts a pass that threw (it is reported, and later passes go on). */
  fail(): void {
    this.failed += 1;
  }

  snapshot(doc: Document, marks: Highlighter, enabled: boolean, notes: NotePlacement = { anchored: [], orphans: [] }): PageStats {
    const entityCounts = marks.entityCounts();
    return {
      url: pageUrl(doc),
      title: doc.title,
      enabled,
      markCount: marks.size,
      entityIds: Object.keys(entityCounts).sort(),
      entityCounts,
      textChars: this.textChars,
      scanMs: Math.round((this.scanMs + marks.drawMs) * 1000) / 1000,
      passes: this.passes,
      failedPasses: this.failed,
      notesAnchored: notes.anchored,
      notesOrphaned: notes.orphans,
    };
  }
}

/** The page's URL as notes are keyed (the worker keys them by the sender's address the same way). */
export function pageUrl(doc: Document): string {
  return pageKey(doc.URL);
}

/** The marks under `root` in reading order, with their offsets into `root.textContent` (`getPageMarks`). */
export function pageMarks(root: Node, marks: Highlighter): PageMark[] {
  const index = new TextIndex(root);
  const out: PageMark[] = [];
  for (const { entityId, nodes, startOffset, endOffset } of marks.inOrder()) {
    const from = index.startOf(nodes[0]!);
    const to = index.startOf(nodes.at(-1)!);
    if (from === undefined || to === undefined) continue;
    const start = from + startOffset;
    const end = to + endOffset;
    out.push({ entity: entityId, text: index.text.slice(start, end), start, end });
  }
  return out;
}
