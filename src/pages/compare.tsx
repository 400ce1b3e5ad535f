import { render } from 'preact';
import { browserTranslator } from '../platform/i18n';
import { callWorker } from '../platform/runtime';
import { errorText } from '../shared/i18n';
import { indexActive, type ActiveIndex, type InstalledPack } from '../shared/pack-set';
import { quotesCsv } from '../shared/quotes-export';
import { CompareView, type CompareActions } from '../ui/CompareView';
import { PackChoice } from '../ui/PackChoice';
import { TranslatorContext } from '../ui/use-translator';
import { download } from './download';
import { localizeDocument } from './localize-document';
import { standaloneHtml } from './standalone-html';
import '../ui/pages.css';

/**
 * The compare view page, over one of the active packs. `#<disagreement id>` (the tooltip's
 * "Compare") or `#entity:<id>` picks what is compared, in the first active pack that holds it;
 * with several packs in use, a list picks the pack. Printing and the HTML export happen here:
 * they need the document.
 */

/** Every rule of this page's own stylesheets, as text (they are the extension's files). */
function pageCss(): string {
  return [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
}

const t = browserTranslator();
localizeDocument(t, t('pageTitleCompare'));

let shown: InstalledPack | undefined;
const actions: CompareActions = {
  print: () => window.print(),
  exportHtml(title) {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'comparison';
    const html = standaloneHtml(document.querySelector('.comparison-doc')!, pageCss(), title, t);
    download(`crossread-${slug}.html`, new Blob([html], { type: 'text/html;charset=utf-8' }));
  },
  exportQuotes() {
    if (shown) download('crossread-quotations.csv', new Blob([quotesCsv(shown.pack)], { type: 'text/csv;charset=utf-8' }));
  },
};

/** The pack and selection a hash names: the first active pack holding the disagreement or entity (entities by their merged id). */
function target(knowledge: ActiveIndex, hash: string): { pack: InstalledPack | undefined; initial: string } {
  const { packs } = knowledge.knowledge;
  // `<pack>/<disagreement>` from a card: that pack's disagreement (pack ids and disagreement ids hold no slash).
  const slash = hash.indexOf('/');
  if (slash > 0) {
    const pack = knowledge.pack(hash.slice(0, slash));
    const id = hash.slice(slash + 1);
    if (pack?.pack.disagreements.some((d) => d.id === id)) return { pack, initial: id };
  }
  if (hash.startsWith('entity:')) {
    const id = hash.slice('entity:'.length);
    const pack = packs.find((p) => knowledge.member(p.id, id));
    return { pack: pack ?? packs[0], initial: pack ? `entity:${knowledge.member(pack.id, id)!.id}` : '' };
  }
  const pack = packs.find((p) => p.pack.disagreements.some((d) => d.id === hash));
  return { pack: pack ?? packs[0], initial: pack ? hash : '' };
}

const app = document.getElementById('app')!;

/** Renders the view for the current hash (a new hash starts a new comparison), or for the pack chosen in the list. */
function show(knowledge: ActiveIndex, chosen?: InstalledPack) {
  const found = target(knowledge, decodeURIComponent(location.hash.slice(1)));
  const pack = chosen ?? found.pack;
  const initial = chosen ? '' : found.initial;
  shown = pack;
  const { packs } = knowledge.knowledge;
  render(
    <TranslatorContext.Provider value={t}>
      {pack && <PackChoice packs={packs} value={pack.id} onChange={(id) => show(knowledge, knowledge.pack(id))} />}
      {pack ? <CompareView key={`${pack.id} ${initial}`} pack={pack.pack} actions={actions} initial={initial} /> : <p class="empty">{t('packsNone')}</p>}
    </TranslatorContext.Provider>,
    app,
  );
}

callWorker('getActivePacks', undefined).then(
  (active) => {
    const knowledge = indexActive(active);
    addEventListener('hashchange', () => show(knowledge));
    show(knowledge);
  },
  (err: unknown) => {
    app.textContent = t('packsUnreadable', errorText(err, t));
  },
);
