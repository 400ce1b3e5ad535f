import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { bundledPack } from '../shared/bundled-pack';
import { quotesCsv } from '../shared/quotes-export';
import { CompareView, type CompareActions } from '../ui/CompareView';
import { TranslatorContext } from '../ui/use-translator';
import { download } from './download';
import { localizeDocument } from './localize-document';
import { standaloneHtml } from './standalone-html';
import '../ui/pages.css';

/**
 * The compare view page. `#<disagreement id>` (the tooltip's "Compare") or `#entity:<id>`
 * picks what is compared. Printing and the HTML export happen here: they need the document.
 */

/** Every rule of this page's own stylesheets, as text (they are the extension's files). */
function pageCss(): string {
  return [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
}

const t = browserTranslator();
localizeDocument(t, t('pageTitleCompare'));

const actions: CompareActions = {
  print: () => window.print(),
  exportHtml(title) {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'comparison';
    const html = standaloneHtml(document.querySelector('.comparison-doc')!, pageCss(), title, t);
    download(`crossread-${slug}.html`, new Blob([html], { type: 'text/html;charset=utf-8' }));
  },
  exportQuotes() {
    download('crossread-quotations.csv', new Blob([quotesCsv(bundledPack)], { type: 'text/csv;charset=utf-8' }));
  },
};

/** Renders the view for the current hash (a new hash starts a new comparison). */
function show() {
  const initial = decodeURIComponent(location.hash.slice(1));
  render(
    <TranslatorContext.Provider value={t}>
      <CompareView key={initial} pack={bundledPack} actions={actions} initial={initial} />
    </TranslatorContext.Provider>,
    document.getElementById('app')!,
  );
}
addEventListener('hashchange', show);
show();
