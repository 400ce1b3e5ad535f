/**
 * Which pages cannot hold news, so Crossread does no work on them beyond reading its settings
 * (README "Start-up cost"). The rule, in order:
 *
 * 1. **Editors**: the document is in design mode, or its `<html>` or `<body>` is editable, or
 *    editable regions (`contenteditable`) hold more than half of the body's text (a mail
 *    composer, a notes app, an online word processor).
 * 2. **Web apps**: `<html>` or `<body>` carries `role="application"`.
 * 3. **Almost no text**: fewer than MIN_VISIBLE_CHARS characters (not counting white space) of
 *    rendered text outside scripts, styles, form fields and editable regions (a login form, a
 *    video or image viewer, a single-page app's shell before it renders). Such a page is
 *    checked again when it changes (see index.ts), since an app may render its article later.
 *
 * The check is cheap on every page: text is counted only until the threshold is reached (a
 * few text nodes on a page with prose), and the editable regions are found by one selector
 * query and measured only when there are any.
 */
import { treesUnder } from './text-walk';

/** Why a page is skipped. */
export type SkipReason = 'editor' | 'application' | 'little-text';

/**
 * Below this much rendered text (white space left out) a page holds no sentence about anyone;
 * about four words. Kept this low on purpose: a short page that does name someone (a caption
 * page, a test page) is still marked.
 */
export const MIN_VISIBLE_CHARS = 24;

/** Tags whose text is never prose (the scanner's own list is longer; these are the ones that can hold much text). */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'svg', 'math', 'iframe', 'object', 'canvas', 'title', 'head']);

/** Stop counting after this many text nodes: a page that has visited so many without reaching the threshold is treated as readable. */
const MAX_NODES = 4_000;

const isEditable = (el: Element | null): boolean => el instanceof HTMLElement && el.isContentEditable;

/** The outermost editable regions of the body (nested editable elements are inside them). */
function editableRoots(body: HTMLElement): HTMLElement[] {
  const all = body.querySelectorAll<HTMLElement>('[contenteditable]:not([contenteditable="false"])');
  const roots: HTMLElement[] = [];
  for (const el of all) if (el.isContentEditable && !isEditable(el.parentElement)) roots.push(el);
  return roots;
}

/**
 * Characters of rendered prose under `body` and in its open shadow roots (pages built of web
 * components keep their prose there), counted up to `enough` (white space at node ends left out).
 */
export function visibleTextUpTo(body: HTMLElement, enough: number): number {
  const verdicts = new Map<Element, boolean>();
  const readable = (el: Element): boolean => {
    let ok = verdicts.get(el);
    if (ok === undefined) {
      ok = true;
      for (let e: Element | null = el; e && e !== body.parentElement; e = e.parentElement) {
        if (NOT_PROSE.has(e.localName) || e.hasAttribute('hidden')) {
          ok = false;
          break;
        }
      }
      ok &&= !isEditable(el) && (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true }));
      verdicts.set(el, ok);
    }
    return ok;
  };
  let chars = 0;
  let nodes = 0;
  const count = (tree: Node): boolean => {
    const walker = body.ownerDocument.createTreeWalker(tree, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (++nodes > MAX_NODES) return true;
      const length = (n as Text).data.trim().length;
      if (length === 0 || !n.parentElement || !readable(n.parentElement)) continue;
      chars += length;
      if (chars >= enough) return true;
    }
    return false;
  };
  // Little text in the page's own tree: its open shadow roots may hold the prose.
  if (!count(body)) treesUnder(body).slice(1).some(count);
  // A page too large to count holds enough.
  return nodes > MAX_NODES ? enough : chars;
}

/** Why `doc` is skipped, or undefined when Crossread should read it. */
export function skipReason(doc: Document): SkipReason | undefined {
  const body = doc.body;
  if (!body) return 'little-text';
  if (doc.designMode === 'on' || isEditable(body) || isEditable(doc.documentElement)) return 'editor';
  if (body.getAttribute('role') === 'application' || doc.documentElement.getAttribute('role') === 'application') return 'application';
  const editable = editableRoots(body);
  if (editable.length > 0) {
    const inEditors = editable.reduce((n, el) => n + (el.textContent?.length ?? 0), 0);
    if (inEditors * 2 > (body.textContent?.length ?? 0)) return 'editor';
  }
  return visibleTextUpTo(body, MIN_VISIBLE_CHARS) < MIN_VISIBLE_CHARS ? 'little-text' : undefined;
}
