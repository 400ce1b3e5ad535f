import type { Page } from '@playwright/test';
import { expect, openExtensionPage, openPopupFor, pageStats, tabIdOf, test } from './support/fixtures';
import { servePages } from './support/server';

const page = (paragraphs: string[]) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const ORIGINAL = page([
  'In Geneva, John Kerry said the truce would hold for seven days.',
  'Aid convoys waited at the border.',
  'Sergey Lavrov said Moscow would press the Syrian government.',
]);
// The same article later: a paragraph added on top, the first sentence edited, the last removed.
const EDITED = page(['Update: talks resumed on Sunday.', 'In Geneva, John Kerry said the truce would hold for 7 days.', 'Aid convoys waited at the border.']);

/** Saves a note from the card of the first mark of `entityId`. */
async function saveFromCard(tab: Page, entityId: string, comment: string): Promise<void> {
  await tab.locator(`crossread-mark[data-entity="${entityId}"]`).first().hover();
  const card = tab.locator('crossread-tooltip [role="dialog"]');
  await card.locator('textarea').fill(comment);
  await card.getByRole('button', { name: 'Save note' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  await card.getByRole('button', { name: 'Close' }).click();
}

/** The texts the page highlights as notes (read through the Highlight API in the page). */
const noteHighlights = (tab: Page) =>
  tab.evaluate(() =>
    [...CSS.highlights.entries()].filter(([name]) => name.startsWith('crossread-note-')).flatMap(([, h]) => [...h].map((r) => (r as Range).toString())),
  );

test('notes are placed again on return: an edited passage re-anchors, a removed one is an orphan, and none is lost', async ({ ext }) => {
  const pages = { '/talks': ORIGINAL };
  const server = await servePages(pages);
  try {
    const url = server.url('/talks');
    const tab = await ext.context.newPage();
    await tab.goto(url);
    await saveFromCard(tab, 'john-kerry', 'seven or 7?');
    await saveFromCard(tab, 'sergey-lavrov', 'pressure on Damascus');
    await expect.poll(() => noteHighlights(tab)).toEqual(
      expect.arrayContaining(['In Geneva, John Kerry said the truce would hold for seven days.', 'Sergey Lavrov said Moscow would press the Syrian government.']),
    );
    // Saving changed no text of the page.
    expect(await tab.evaluate(() => document.body.textContent)).toBe('In Geneva, John Kerry said the truce would hold for seven days.Aid convoys waited at the border.Sergey Lavrov said Moscow would press the Syrian government.');

    pages['/talks'] = EDITED;
    await tab.reload();
    const ext$ = await openExtensionPage(ext);
    const id = await tabIdOf(ext$, url);
    await expect.poll(async () => (await pageStats(ext$, id).catch(() => undefined))?.notesOrphaned.length).toBe(1);
    const stats = await pageStats(ext$, id);
    expect(stats.notesAnchored).toHaveLength(1);
    await expect.poll(() => noteHighlights(tab)).toEqual(['In Geneva, John Kerry said the truce would hold for 7 days.']);

    const popup = await openPopupFor(ext, url);
    await expect(popup.locator('.note-item')).toHaveCount(2);
    const orphan = popup.locator('.note-item.orphan');
    await expect(orphan).toHaveCount(1);
    await expect(orphan).toContainText('pressure on Damascus');
    await expect(orphan.locator('.orphan-note')).toContainText('Not found on the page');
  } finally {
    await server.close();
  }
});
