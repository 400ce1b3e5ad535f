import { expect, inContentScript, openExtensionPage, stopServiceWorkers, test, waitForMarks } from './support/fixtures';

/**
 * Storage faults in real Chromium: a worker stopped under a stream of saves. (Quota faults are
 * tested beneath Dexie in the unit tests: the DevTools protocol's quota override did not reach
 * the service worker's writes in this Chromium.)
 */

type Saved = { ok: true; id: string; quote: string } | { ok: false; error: string };

test('saves racing worker stops are each stored whole or reported failed, never half-written', async ({ ext, server }) => {
  const url = server.url('/corpus/001_60298ffe5bee1918.txt');
  const tab = await ext.context.newPage();
  await tab.goto(url);
  await waitForMarks(tab);
  // 40 saves from the content script, 15 ms apart, while the worker is stopped twice under them.
  const started = await inContentScript(
    tab,
    `(globalThis.__saves = Array.from({ length: 40 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 15))
        .then(() => chrome.runtime.sendMessage({ type: 'saveNote', params: { title: 'T', quote: 'quote ' + i, comment: 'c'.repeat(5000), entityIds: [] } }))
        .then((n) => (n && n.id ? { ok: true, id: n.id, quote: n.quote } : { ok: false, error: 'no answer' }), (e) => ({ ok: false, error: String(e && e.message) })))).length`,
  );
  expect(started).toEqual({ ok: true, value: 40 });
  for (const pause of [120, 200]) {
    await tab.waitForTimeout(pause);
    await stopServiceWorkers(tab);
  }
  const outcome = await inContentScript(tab, 'Promise.all(globalThis.__saves)');
  const saves = (outcome.ok ? outcome.value : []) as Saved[];
  expect(saves).toHaveLength(40);

  const ext$ = await openExtensionPage(ext);
  const stored = (await ext$.evaluate(() => chrome.runtime.sendMessage({ type: 'listAllNotes' }))) as { id: string; quote: string; comment: string; url: string }[];
  const reported = saves.filter((s): s is Extract<Saved, { ok: true }> => s.ok);
  console.log(`saves racing worker stops: ${reported.length} reported stored, ${saves.length - reported.length} reported failed, ${stored.length} stored`);
  // Every save reported done is stored, whole; nothing stored is partial or unknown.
  for (const s of reported) expect(stored.find((n) => n.id === s.id)?.quote).toBe(s.quote);
  for (const n of stored) {
    expect(n.comment).toHaveLength(5000);
    expect(n.url).toBe(url);
    expect(n.quote).toMatch(/^quote \d+$/);
  }
  expect(stored.length).toBeGreaterThanOrEqual(reported.length);
  expect(new Set(stored.map((n) => n.quote)).size).toBe(stored.length);
});
