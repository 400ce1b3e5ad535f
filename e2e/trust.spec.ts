import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from './support/browser';
import { expect, inContentScript, openExtensionPage, seedNotes, test, waitForMarks } from './support/fixtures';

/**
 * Trust boundaries: what a content script, a web page and another extension can ask of
 * Crossread's worker, and what the built extension exposes to pages.
 */

const send = (message: unknown) => `chrome.runtime.sendMessage(${JSON.stringify(message)})`;
const note = (id: string, url: string) => ({ id, url, title: 'T', quote: 'Q', comment: 'c', entityIds: [], createdAt: Date.UTC(2026, 0, 1) });

test('a content script acts only for its own tab and page: the library, backups, edits and deletes are refused', async ({ ext, server }) => {
  const mine = server.url('/corpus/001_60298ffe5bee1918.txt');
  const other = 'https://elsewhere.example/story';
  const ext$ = await openExtensionPage(ext);
  await seedNotes(ext$, [note('mine-1', mine), note('other-1', other)]);
  const tab = await ext.context.newPage();
  await tab.goto(mine);
  await waitForMarks(tab);

  for (const message of [
    { type: 'listAllNotes' },
    { type: 'exportBackup' },
    { type: 'deleteNote', params: { id: 'other-1' } },
    { type: 'updateNote', params: { id: 'other-1', comment: 'changed', tags: [], color: 'pink' } },
    { type: 'beginStaging', params: { kind: 'restore' } },
    { type: 'backupChunk', params: {} },
  ]) {
    const outcome = await inContentScript(tab, send(message));
    expect(outcome.ok && outcome.value !== undefined, `${message.type} answered a content script: ${JSON.stringify(outcome)}`).toBe(false);
  }
  // Its page's notes only, whatever address it names; a note it saves is keyed by its own page.
  const listed = await inContentScript(tab, send({ type: 'listNotes', params: { url: other } }));
  expect(listed.ok && (listed.value as { id: string }[]).map((n) => n.id)).toEqual(['mine-1']);
  const saved = await inContentScript(tab, send({ type: 'saveNote', params: { url: other, title: 'planted', quote: 'Q', comment: '', entityIds: [] } }));
  expect(saved.ok && (saved.value as { url: string }).url).toBe(mine);

  const all = (await ext$.evaluate(() => chrome.runtime.sendMessage({ type: 'listAllNotes' }))) as { id: string; url: string; comment: string }[];
  expect(all.filter((n) => n.url === other).map((n) => [n.id, n.comment])).toEqual([['other-1', 'c']]);
});

test('web pages and other extensions cannot reach the worker', async ({ server }) => {
  // Another extension, installed beside Crossread: its page tries to read Crossread's notes.
  const otherDir = mkdtempSync(join(tmpdir(), 'crossread-other-ext-'));
  writeFileSync(join(otherDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Other', version: '1.0', background: { service_worker: 'bg.js' } }));
  writeFileSync(join(otherDir, 'bg.js'), '');
  writeFileSync(join(otherDir, 'probe.html'), '<!doctype html><title>probe</title>');
  const ext = await launchWithExtension({ alsoLoad: [otherDir] });
  try {
    const otherWorker =
      ext.context.serviceWorkers().find((w) => !w.url().includes(ext.extensionId)) ??
      (await ext.context.waitForEvent('serviceworker', { predicate: (w) => !w.url().includes(ext.extensionId) }));
    const probe = await ext.context.newPage();
    await probe.goto(`chrome-extension://${new URL(otherWorker.url()).host}/probe.html`);
    const fromExtension = await probe.evaluate(
      (id) => chrome.runtime.sendMessage(id, { type: 'listAllNotes' }).then((v) => ({ ok: true, v }), (e: Error) => ({ ok: false, e: e.message })),
      ext.extensionId,
    );
    expect(fromExtension).toMatchObject({ ok: false });

    const page = await ext.context.newPage();
    await page.goto(server.url('/forbidden'));
    const fromPage = await page.evaluate((id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime';
      return runtime.sendMessage(id, { type: 'listAllNotes' }).then(() => 'answered', () => 'refused');
    }, ext.extensionId);
    expect(['no runtime', 'refused']).toContain(fromPage);
  } finally {
    await ext.context.close();
  }
});

test('least exposure: no host permissions, dynamic resource URLs, and a page cannot fetch Crossread’s code', async ({ ext, server }) => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
    permissions: string[];
    web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
    content_scripts: { js: string[] }[];
  };
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.permissions.sort()).toEqual(['contextMenus', 'storage']);
  for (const entry of manifest.web_accessible_resources ?? []) expect(entry.use_dynamic_url, JSON.stringify(entry)).toBe(true);

  // The content script still loads and marks names.
  const tab = await ext.context.newPage();
  await tab.goto(server.url('/corpus/001_60298ffe5bee1918.txt'));
  await waitForMarks(tab);

  // Every file of the build, at its fixed chrome-extension:// address, is out of the page's reach.
  const files = [manifest.content_scripts[0]!.js[0]!, ...(manifest.web_accessible_resources ?? []).flatMap((e) => e.resources)];
  const reached = await tab.evaluate(
    async ({ id, files }) =>
      Promise.all(files.map((f) => fetch(`chrome-extension://${id}/${f}`).then((r) => `${f}: ${r.status}`, () => null))),
    { id: ext.extensionId, files },
  );
  expect(reached.filter(Boolean)).toEqual([]);
});
