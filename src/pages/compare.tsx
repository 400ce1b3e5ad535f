import { render } from 'preact';
import texts from '../generated/source-texts.json';
import { bundledPack } from '../shared/bundled-pack';
import { quotesCsv } from '../shared/quotes-export';
import { CompareView, type CompareActions, type SourceText } from '../ui/CompareView';
import { downloadText } from './download';
import '../ui/pages.css';

/**
 * The compare view page. `#<disagreement id>` (the tooltip's "Compare") or `#entity:<id>`
 * picks what is compared. Printing and the HTML export happen here: they need the document.
 */

/** Every rule of this page's own stylesheets, as text (they are the extension's files). */
function pageCss(): string {
  return [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
}

/** The comparison as one HTML file: the shown document and the page's CSS inline, no script, nothing fetched. */
function standaloneHtml(title: string): string {
  const doc = document.querySelector('.comparison-doc')!.cloneNode(true) as HTMLElement;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — Crossread</title>
<style>
${pageCss()}
</style>
</head>
<body>
<main class="page compare">
<p class="muted">Exported from Crossread on ${new Date().toISOString().slice(0, 10)}. Every quotation is verbatim from its source.</p>
${doc.outerHTML}
</main>
</body>
</html>
`;
}

const actions: CompareActions = {
  print: () => window.print(),
  exportHtml(title) {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'comparison';
    downloadText(`crossread-${slug}.html`, 'text/html;charset=utf-8', standaloneHtml(title));
  },
  exportQuotes() {
    const textOf = (id: string) => (texts as SourceText[]).find((t) => t.sourceId === id)?.text ?? '';
    downloadText('crossread-quotations.csv', 'text/csv;charset=utf-8', quotesCsv(bundledPack, textOf));
  },
};

/** Renders the view for the current hash (a new hash starts a new comparison). */
function show() {
  const initial = decodeURIComponent(location.hash.slice(1));
  render(<CompareView key={initial} pack={bundledPack} texts={texts as SourceText[]} actions={actions} initial={initial} />, document.getElementById('app')!);
}
addEventListener('hashchange', show);
show();
