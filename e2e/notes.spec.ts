import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, CARD, exposeUi, expect, openCard, openExtensionPage, openPopupFor, pageStats, reloadExtension, spanRects, tabIdOf, test as base, ui, waitForMarks } from './support/fixtures';
import type { LaunchedExtension } from './support/browser';
import { TALKS_EDITED_PAGE, TALKS_PAGE } from './support/pages';
import { servePages } from './support/server';

/** The article served for one test; a test may edit `pages` between loads to change it. */
const test = base.extend<{ talks: { pages: Record<string, string>; url: string } }>({
  talks: async ({}, use) => {
    const pages = { '/talks': TALKS_PAGE };
    const server = await servePages(pages);
    await use({ pages, url: server.url('/talks') });
    await server.close();
  },
});

/** Saves a note from the card of a name (its first occurrence) and closes the card. */
async function saveFromCard(tab: Page, name: string, comment: string): Promise<void> {
  await waitForMarks(tab);
  const card = await openCard(tab, { text: name });
  await card.locator('textarea').fill(comment);
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  await card.getByRole('button', { name: 'Close' }).click();
  await tab.mouse.move(5, 5);
}

/**
 * The passages among `passages` that the page shows as notes: each line of the passage lies
 * under one of the tinted boxes Crossread draws in its own shadow root (the page cannot list them).
 */
async function notesShown(tab: Page, passages: string[]): Promise<string[]> {
  const lines = [];
  for (const text of passages) lines.push(await spanRects(tab, { text }));
  const boxes = await ui(tab, '.notes div').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const shown: string[] = [];
  for (const [i, text] of passages.entries()) {
    const covered = lines[i]!.every((l) => boxes.some((b) => Math.abs(b.x - l.x) < 1 && Math.abs(b.y - l.y) < 1 && Math.abs(b.width - l.width) < 1));
    if (covered) shown.push(text);
  }
  return shown;
}

test('notes are placed again on return: an edited passage re-anchors, a removed one is an orphan, and none is lost', async ({ ext, talks: { pages, url } }) => {
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await saveFromCard(tab, 'John Kerry', 'seven or 7?');
  await saveFromCard(tab, 'Sergey Lavrov', 'pressure on Damascus');
  const first = ['In Geneva, John Kerry said the truce would hold for seven days.', 'Sergey Lavrov said Moscow would press the Syrian government.'];
  await expect.poll(() => notesShown(tab, first)).toEqual(first);
  // Saving changed no text of the page.
  expect(await tab.evaluate(() => document.body.textContent)).toBe('In Geneva, John Kerry said the truce would hold for seven days.Aid convoys waited at the border.Sergey Lavrov said Moscow would press the Syrian government.');

  pages['/talks'] = TALKS_EDITED_PAGE;
  await tab.reload();
  const ext$ = await openExtensionPage(ext);
  const id = await tabIdOf(ext$, url);
  await expect.poll(async () => (await pageStats(ext$, id).catch(() => undefined))?.notesOrphaned.length).toBe(1);
  const stats = await pageStats(ext$, id);
  expect(stats.notesAnchored).toHaveLength(1);
  await exposeUi(tab);
  await expect.poll(() => notesShown(tab, ['In Geneva, John Kerry said the truce would hold for 7 days.', 'Aid convoys waited at the border.'])).toEqual([
    'In Geneva, John Kerry said the truce would hold for 7 days.',
  ]);

  const popup = await openPopupFor(ext, url);
  await expect(popup.locator('.note-item')).toHaveCount(2);
  const orphan = popup.locator('.note-item.orphan');
  await expect(orphan).toHaveCount(1);
  await expect(orphan).toContainText('pressure on Damascus');
  await expect(orphan.locator('.orphan-note')).toContainText('Not found on the page');

  // The library keeps it too, flagged, and can show the orphans alone.
  const library = await openLibrary(ext);
  await expect(library.locator('.library-notes .note-item')).toHaveCount(2);
  await library.getByLabel(/Only notes not found on their page/).check();
  await expect(library.locator('.library-notes .note-item')).toHaveCount(1);
  await expect(library.locator('.note-item.orphan')).toContainText('pressure on Damascus');
  await expect(library.locator('.note-item.orphan .orphan-note')).toContainText('Not found on its page when last opened');
});

async function openLibrary(ext: LaunchedExtension): Promise<Page> {
  const library = await ext.context.newPage();
  await library.goto(`chrome-extension://${ext.extensionId}/src/pages/library.html`);
  return library;
}

test('a note on any selected passage: Alt+Shift+S or the context menu’s call opens the card, and the note keeps its selectors', async ({ ext, talks: { url } }) => {
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await waitForMarks(tab);
  await exposeUi(tab);
  const select = (text: string) =>
    tab.evaluate((t) => {
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent!.includes(t))!;
      const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(t))!;
      const at = node.textContent!.indexOf(t);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + t.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, text);
  const card = tab.locator(CARD);

  await select('Aid convoys waited');
  await tab.keyboard.press('Alt+Shift+KeyS');
  await expect(card.locator('h2')).toHaveText('Note on the selection');
  await expect(card.locator('textarea')).toBeFocused();
  await expect(card.locator('.quote')).toContainText('“Aid convoys waited”');
  await tab.keyboard.type('who held them?');
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  await card.getByRole('button', { name: 'Close' }).click();

  // The context menu item sends this call to the tab.
  await select('at the border');
  const ext$ = await openExtensionPage(ext);
  const id = await tabIdOf(ext$, url);
  expect(await ext$.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'noteSelection' }), id)).toEqual({ opened: true });
  await expect(card.locator('.quote')).toContainText('“at the border”');
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');

  const notes = (await ext$.evaluate((u) => chrome.runtime.sendMessage({ type: 'listNotes', params: { url: u } }), url)) as {
    quote: string;
    selector: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
  }[];
  const body = await tab.evaluate(() => document.body.textContent!);
  expect(notes.map((n) => n.quote).sort()).toEqual(['Aid convoys waited', 'at the border']);
  for (const n of notes) {
    expect(body.slice(n.selector.position.start, n.selector.position.end)).toBe(n.quote);
    expect(body.slice(0, n.selector.position.start).endsWith(n.selector.quote.prefix)).toBe(true);
    expect(body.slice(n.selector.position.end).startsWith(n.selector.quote.suffix)).toBe(true);
  }
  await expect.poll(async () => (await pageStats(ext$, id)).notesAnchored.length).toBe(2);
});

test('the notes library lists every note, searches them, and exports CSV, Markdown and Web Annotation JSON-LD', async ({ ext, talks: { url } }) => {
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await saveFromCard(tab, 'John Kerry', 'seven, or "7"?');
  await saveFromCard(tab, 'Sergey Lavrov', 'pressure on Damascus');

  const library = await openLibrary(ext);
  await expect(library.locator('.library-notes .note-item')).toHaveCount(2);
  await library.getByLabel('Search').fill('damascus');
  await expect(library.locator('.library-notes .note-item')).toHaveCount(1);
  await expect(library.locator('.count')).toHaveText('1 of 2 notes · 1 site · 0 tags');
  await library.getByLabel('Search').fill('');

  const read = async (name: string) => {
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };
  const csv = await read('CSV');
  expect(csv.name).toMatch(/^crossread-notes-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.split('\r\n')[0]).toBe('id,created,url,title,quote,comment,tags,color,entities');
  expect(csv.text).toContain(`,${url},Talks,"In Geneva, John Kerry said the truce would hold for seven days.","seven, or ""7""?",,yellow,john-kerry\r\n`);
  const md = await read('Markdown');
  expect(md.text).toContain('> Sergey Lavrov said Moscow would press the Syrian government\\.');
  const jsonld = JSON.parse((await read('Web Annotation (JSON-LD)')).text) as { total: number; first: { items: { target: { source: string; selector: { type: string }[] } }[] } };
  expect(jsonld.total).toBe(2);
  expect(jsonld.first.items[0]!.target.source).toBe(url);
  expect(jsonld.first.items[0]!.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
});

test('the library edits, deletes with undo, imports, backs up and restores, and notes survive an extension reload', async ({ ext, talks: { url } }) => {
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await saveFromCard(tab, 'John Kerry', 'seven or 7?');
  await saveFromCard(tab, 'Sergey Lavrov', 'pressure on Damascus');
  const library = await openLibrary(ext);
  const items = library.locator('.library-notes .note-item');
  const status = library.locator('.task');
  await expect(items).toHaveCount(2);
  expect(await axeViolations(library)).toEqual([]);

  // Edit: comment, tags and colour, stored by the worker.
  const kerry = items.filter({ hasText: 'In Geneva, John Kerry' });
  await kerry.getByRole('button', { name: 'Edit' }).click();
  await kerry.locator('textarea').fill('seven days, says Kerry');
  await kerry.locator('input[name=tags]').fill('truce, duration');
  await kerry.getByLabel('green').check();
  await kerry.getByRole('button', { name: 'Save changes' }).click();
  const edited = items.filter({ hasText: 'seven days, says Kerry' });
  await expect(edited).toHaveAttribute('data-color', 'green');
  await expect(edited).toContainText('#truce #duration');
  await library.getByLabel('Tag').selectOption('duration');
  await expect(items).toHaveCount(1);
  await library.getByRole('button', { name: 'Clear filters' }).click();

  // Delete, then undo: the same note comes back.
  await items.filter({ hasText: 'pressure on Damascus' }).getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(1);
  await expect(status).toContainText('Deleted the note on “Talks”.');
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('The note is back.');
  await expect(items).toHaveCount(2);

  // Imports: a Hypothesis export; then a broken file, which changes nothing.
  await library.locator('input[name=import]').setInputFiles('e2e/fixtures/hypothesis-export.json');
  await expect(status).toHaveText('Imported 2 notes from a Hypothesis export (1 reply skipped).');
  await expect(items).toHaveCount(4);
  await library.locator('input[name=import]').setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", "id": "urn:x"}]}}') });
  await expect(status).toContainText('Annotation 1 of 1 (urn:x) was rejected: it has no target page address. Nothing was imported.');
  await expect(items).toHaveCount(4);

  // Backup, delete everything, restore.
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Back up everything' }).click()]);
  await expect(status).toHaveText('Backup of 4 notes downloaded.');
  const backup = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(backup)).toMatchObject({ formatName: 'dexie', data: { databaseName: 'crossread' } });
  for (let n = 4; n > 0; n--) {
    await items.first().getByRole('button', { name: 'Delete' }).click();
    await expect(items).toHaveCount(n - 1);
  }
  library.once('dialog', (dialog) => void dialog.accept());
  await library.locator('input[name=restore]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await expect(status).toHaveText('Restored 4 notes from backup.json.');
  await expect(items).toHaveCount(4);
  await expect(items.filter({ hasText: 'seven days, says Kerry' })).toHaveAttribute('data-color', 'green');

  // Reloading the extension (chrome://extensions' Reload) keeps every note.
  await reloadExtension(ext);
  const reopened = await openLibrary(ext);
  await expect(reopened.locator('.library-notes .note-item')).toHaveCount(4);
  await expect(reopened.locator('.library-notes .note-item').filter({ hasText: 'seven days, says Kerry' })).toContainText('#truce #duration');
});
