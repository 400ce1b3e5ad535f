/**
 * Files of the package the content script loads after it starts, each web-accessible only at
 * an address that changes every browser session (`use_dynamic_url`, see vite.config.ts): no
 * page can tell Crossread is installed by fetching them.
 */
export const PACKAGE_FILES = {
  /** The scan: the matcher's loader, the text walk, the highlighter, the observer (page-core.ts). */
  core: 'assets/crossread-core.js',
  /** The UI: Crossread's element, hover and keyboard, notes (page-ui.ts); loaded with the first mark or note. */
  ui: 'assets/crossread-ui.js',
  /** The card's view and the full pack (tooltip-view.ts); loaded when a card first opens. */
  view: 'assets/crossread-view.js',
  /** The bundled pack's matcher, compiled at build time (src/shared/matcher-binary.ts). */
  matcher: 'assets/crossread-matcher.bin',
} as const;
