import { launchWithExtension, type LaunchedExtension } from './support/browser';
import { AFP_FILE, expect, marksOf, openCard, openExtensionPage, openPopupFor, PROXY, tabIdOf, test, waitForMarks } from './support/fixtures';

/**
 * Crossread in a French browser: the browser's i18n API picks `_locales/fr`, numbers and dates
 * follow the UI language, and the corpus's own words stay as they were written. (Every other
 * spec runs in the default English and asserts the English strings.)
 */
let fr: LaunchedExtension;
test.beforeEach(async () => {
  fr = await launchWithExtension({ language: 'fr' });
});
test.afterEach(async () => {
  await fr.context.close();
});

test('in a French browser the card and the keyboard proxy speak French; the corpus’s words stay as written', async ({ server }) => {
  const page = await fr.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);
  const ext$ = await openExtensionPage(fr);
  const [lavrov] = await marksOf(ext$, await tabIdOf(ext$, url), 'sergey-lavrov');
  const card = await openCard(page, lavrov!);

  await expect(card).toHaveAttribute('aria-labelledby', /crossread-title/);
  await expect(card.locator('h2')).toHaveText('Sergey Lavrov');
  await expect(card.locator('.type')).toHaveText('personne');
  await expect(card.locator('button.close')).toHaveAttribute('aria-label', 'Fermer');
  await expect(card).toContainText('Dans les sources');
  await expect(card).toContainText('Jamais nommé par (ces sources le décrivent peut-être autrement)');
  await expect(card.locator('button[type="submit"]')).toHaveText('Enregistrer la note');
  // The pack's role text and its sentences are corpus text: never translated.
  await expect(card).toContainText('Russian Foreign Minister');
  await expect(card.locator('.mention[data-source="s001"]')).toContainText('AFP wire story');
  await expect(card).not.toContainText('In the sources');

  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();
  await page.keyboard.press('Alt+Shift+KeyJ');
  await expect(page.locator(PROXY)).toHaveAttribute('aria-label', /appuyez sur Entrée pour les détails$/);
});

test('in a French browser the popup, options, library and compare view speak French, with French numbers', async ({ server }) => {
  const page = await fr.context.newPage();
  const url = server.url(`/corpus/${AFP_FILE}`);
  await page.goto(url);
  await waitForMarks(page);

  const popup = await openPopupFor(fr, url);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(popup.locator('#entities-h')).toContainText('Sur cette page');
  // Counts in French: a mark count above a thousand would read "1 234"; here the names and marks are plural.
  await expect(popup.locator('#entities-h')).toHaveText(/^Sur cette page \(\d+ noms, [\d\u202f]+ marques\)$/);
  await expect(popup.locator('#disagree-h')).toContainText('Où les sources divergent');
  await expect(popup.locator('#notes-h')).toContainText('Vos notes ici');
  await expect(popup.getByRole('button', { name: 'Toutes les notes' })).toBeVisible();
  await expect(popup.locator('.entities li').first()).toContainText(/× ici · dans \d des \d sources/);

  const options = await openExtensionPage(fr);
  await options.goto(`chrome-extension://${fr.extensionId}/src/pages/options.html`);
  await expect(options.locator('h1')).toHaveText('Options de Crossread');
  await expect(options).toHaveTitle('Options de Crossread');
  await expect(options.getByText('Soulignement pointillé')).toBeVisible();

  await options.goto(`chrome-extension://${fr.extensionId}/src/pages/library.html`);
  await expect(options.locator('h1')).toHaveText('Vos notes');
  await expect(options).toHaveTitle('Crossread : vos notes');
  await expect(options.getByText('Pas encore de notes.', { exact: false })).toBeVisible();

  await options.goto(`chrome-extension://${fr.extensionId}/src/pages/compare.html`);
  await expect(options.locator('h1')).toHaveText('Comparer les sources');
  await expect(options.getByRole('button', { name: 'Exporter en HTML' })).toBeVisible();
  // A source's day (the pack's 2016-09-10) in the French format; its kind as the pack says it.
  await expect(options.locator('.source-col[data-source="s001"] header .muted')).toHaveText(/^10 sept\. 2016 · /);

  // An error the worker answers reaches the page already in French (only its message crosses).
  const refused = await options.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'updateNote', params: { id: 'gone', comment: '', tags: [], color: 'yellow' } }).then(
      () => 'answered',
      (err: Error) => err.message,
    ),
  );
  expect(refused).toBe('Aucune note avec l’identifiant gone\u00a0: elle a peut-être été supprimée.');
});
