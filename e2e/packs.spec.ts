import type { Page } from '@playwright/test';
import { aldmouthCorpusFiles } from './fixtures/aldmouth-port-strike/pages';
import type { LaunchedExtension } from './support/browser';
import { axeViolations, expect, hoverText, openExtensionPage, openPopupFor, pageMarks, tabIdOf, test, ui, waitForMarks, exposeUi, CARD } from './support/fixtures';

/**
 * Options → Packs in real Chromium, as a teacher would use it: build the second example corpus
 * (a dock strike at Aldmouth, written for the project) from its files in the options page,
 * install it beside the bundled pack, and read a page about that story: its names marked, the
 * card saying which pack each fact comes from, the popup comparing the page with that pack.
 */
const PACK_NAME = 'Aldmouth dock strike';
const STORY_PAGE = '/aldmouth/follow-up-strike-second-week.html';

async function openOptions(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/pages/options.html`);
  await expect(page.locator('.pack-list .pack')).not.toHaveCount(0);
  return page;
}

/** Builds the Aldmouth corpus in the options page and installs it under PACK_NAME. */
async function buildAldmouth(options: Page): Promise<void> {
  await options.locator('.pack-builder input[type=file]').setInputFiles(aldmouthCorpusFiles());
  await options.getByRole('button', { name: 'Build the pack' }).click();
  await expect(options.locator('.pack-result .status')).toContainText('Built:', { timeout: 90_000 });
  await options.locator('.pack-result input[type=text]').fill(PACK_NAME);
  await options.getByRole('button', { name: 'Install the pack' }).click();
  await expect(options.locator('.pack-list .pack')).toHaveCount(2);
}

test('a bad pack file gets a message that names it and says what is wrong, and the installed packs stay as they were', async ({ ext }) => {
  const options = await openOptions(ext);
  const packs = options.locator('.pack-list .pack');
  await expect(packs).toHaveCount(1);
  await expect(packs.first()).toContainText('bundled example');
  const input = options.locator('.pack-import input[type=file]');
  const status = options.locator('.pack-status');

  await input.setInputFiles({ name: 'cut-short.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 3, "story": ') });
  await expect(status).toContainText('cut-short.json is not a pack file (JSON):');
  await expect(status).toContainText('Nothing was installed.');
  await input.setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1}') });
  await expect(status).toHaveText(/pack format 1; this one reads 3/);
  await input.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 3, "story": {"title": "x", "derived": true}}') });
  await expect(status).toHaveText(/This pack is not valid, so nothing was installed: measures: missing required field/);
  await input.setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') });
  await expect(status).toHaveText(/not a knowledge pack/);
  await expect(packs).toHaveCount(1);
  expect(await axeViolations(options)).toEqual([]);
});

test('a corpus built in the options page marks its story’s names on pages, says which pack a card’s facts come from, and the popup compares the page with it', async ({ ext, server }) => {
  const options = await openOptions(ext);
  await buildAldmouth(options);
  const mine = options.locator('.pack-list .pack').nth(1);
  await expect(mine.locator('.pack-name')).toHaveText(PACK_NAME);
  await expect(mine).toContainText('built in the browser');
  await expect(mine.locator('.pack-counts')).toContainText('6 sources · ');

  // A page about that story, from an outlet outside the corpus: its people and bodies are marked.
  const url = server.url(STORY_PAGE);
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await waitForMarks(tab);
  const ext_ = await openExtensionPage(ext);
  const marked = new Set((await pageMarks(ext_, await tabIdOf(ext_, url))).map((m) => m.text));
  for (const name of ['Maureen Kellaway', 'Tobias Renfrew', 'Aldmouth Port Holdings']) expect(marked).toContain(name);

  // The card says which pack its facts come from.
  await exposeUi(tab);
  await hoverText(tab, { text: 'Maureen Kellaway' });
  const card = tab.locator(CARD);
  await expect(card).toBeVisible();
  await expect(card.locator('h2')).toHaveText('Maureen Kellaway');
  await expect(ui(tab, '.pack-part .pack-name')).toHaveText([`From the pack “${PACK_NAME}”`]);
  // Its Compare opens that pack's disagreement, even where the bundled pack has one of the same id.
  const packId = (await mine.getAttribute('data-pack'))!;
  const compare = ui(tab, '.pack-part .disagreement button.link').first();
  const disagreement = await ui(tab, '.pack-part .disagreement').first().getAttribute('data-disagreement');
  const opened = ext.context.waitForEvent('page');
  await compare.click();
  const view = await opened;
  await expect(view).toHaveURL(new RegExp(`compare\\.html#${packId}/${disagreement}$`));
  await expect(view.locator('.pack-choice select')).toHaveValue(packId);
  await view.close();

  // The popup compares the page with the pack that holds its names, and offers the other.
  const popup = await openPopupFor(ext, url);
  await expect(popup.locator('.pack-choice select')).toHaveValue(await mine.getAttribute('data-pack') as string);
  await expect(popup.locator('.pack-choice option')).toHaveCount(2);
  await expect(popup.locator('section.disagreement').first()).toBeVisible();
  await expect(popup.locator('section.disagreement').first()).toContainText(/strike|workers|jobs|talks/i);

  // The bundled pack still marks its own story's pages.
  const talks = server.url('/talks');
  const other = await ext.context.newPage();
  await other.goto(talks);
  await waitForMarks(other);
  expect((await pageMarks(ext_, await tabIdOf(ext_, talks))).map((m) => m.text)).toContain('Sergey Lavrov');

  // Turned off, the pack marks nothing on pages opened afterwards; deleted (asked twice), it is gone.
  await mine.getByRole('checkbox').uncheck();
  await expect(options.locator('.pack-status')).toContainText('Saved.');
  await tab.reload();
  await expect.poll(async () => (await pageMarks(ext_, await tabIdOf(ext_, url))).filter((m) => m.text === 'Maureen Kellaway')).toEqual([]);
  await mine.getByRole('button', { name: 'Delete' }).click();
  await mine.getByRole('button', { name: 'Delete for good?' }).click();
  await expect(options.locator('.pack-list .pack')).toHaveCount(1);
  await expect(options.locator('.pack-status')).toHaveText(`Deleted “${PACK_NAME}”.`);
});
