// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPackFromFiles } from '../corpus/build-from-files';
import type { KnowledgePack } from '../shared/knowledge';
import { translatorFor } from '../shared/locales';
import { PackBuilder, type PackBuildProgress, type PackBuilderActions } from './PackBuilder';
import { TranslatorContext } from './use-translator';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const corpus = (): File[] => readdirSync('assets/corpus').map((name) => new File([readFileSync(join('assets/corpus', name))], name));

/** The real build (the worker's code, run here on the test's thread) behind the builder's `build` action. */
const realBuild: PackBuilderActions['build'] = async (files, onProgress, signal) => {
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return (await buildPackFromFiles(read, { onProgress, signal })).pack;
};

let root: HTMLElement;
const mount = async (actions: PackBuilderActions, language = 'en') => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<TranslatorContext.Provider value={translatorFor(language)}><PackBuilder actions={actions} /></TranslatorContext.Provider>, root));
};
afterEach(() => {
  render(null, root);
  root.remove();
});
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
const choose = async (files: File[]) => {
  const input = $<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(() => void input.dispatchEvent(new Event('change')));
};
/** Waits (letting the build and Preact run) until `check` holds. */
const until = async (check: () => boolean) => {
  for (let i = 0; i < 600 && !check(); i++) await act(async () => new Promise<void>((resolve) => setTimeout(resolve, 20)));
  expect(check()).toBe(true);
};

describe('PackBuilder', () => {
  it('builds the chosen files with progress, shows what it built, and installs it under the name given', async () => {
    const install = vi.fn(async (_pack: KnowledgePack, _name: string) => {});
    const seen: PackBuildProgress[] = [];
    await mount({ build: (files, onProgress, signal) => realBuild(files, (p) => (seen.push(p), onProgress(p)), signal), install });
    expect(button('Build the pack').disabled).toBe(true);
    // The file input takes every corpus format, and sources.json.
    expect($<HTMLInputElement>('input[type=file]')!.accept).toBe('.txt,.html,.htm,.jsonl,.ndjson,.csv,.tsv,.warc,.gz,.json');
    await choose(corpus());
    // Choosing a file again keeps one of it.
    await choose(corpus().slice(0, 1));
    expect([...root.querySelectorAll('.pack-files .file-name')].map((e) => e.textContent)).toEqual(readdirSync('assets/corpus'));

    await act(() => button('Build the pack').click());
    // While it builds: a labelled progress bar and a Cancel button, and no second build.
    expect($('.task progress')).not.toBeNull();
    expect(button('Cancel')).toBeDefined();
    expect(button('Build the pack').disabled).toBe(true);
    await until(() => $('.pack-result') !== null);
    expect(seen.map((p) => p.step)).toContain('sources');
    expect(install).not.toHaveBeenCalled();
    expect($('.pack-result .status')!.textContent).toMatch(/^Built: \d+ entities, 5 sources, \d+ disagreements?\.$/);
    expect($('.task')).toBeNull();

    // The name is the pack's story title until the reader changes it.
    const name = $<HTMLInputElement>('.pack-result input')!;
    expect(name.value).toMatch(/^5 articles/);
    await act(() => {
      name.value = 'My story';
      name.dispatchEvent(new Event('input'));
    });
    await act(async () => button('Install the pack').click());
    await until(() => $('.status.ok')?.textContent === 'Installed “My story”.');
    expect(install).toHaveBeenCalledTimes(1);
    expect(install.mock.calls[0]![1]).toBe('My story');
    expect(install.mock.calls[0]![0].sources).toHaveLength(5);
  });

  it('shows the build’s message for a bad file, as text, and installs nothing', async () => {
    const install = vi.fn(async () => {});
    await mount({ build: realBuild, install });
    await choose([new File([`${JSON.stringify({ text: 'x' })}\n{"title": "no text"}`], `${PAYLOAD}.jsonl`)]);
    expect($('.pack-files .file-name')!.textContent).toBe(`${PAYLOAD}.jsonl`);
    await act(() => button('Build the pack').click());
    await until(() => $('[role=alert]') !== null);
    expect($('[role=alert]')!.textContent).toBe(`Not built, nothing installed: ${PAYLOAD}.jsonl (line 2): has no article text (looked for "text")`);
    expect($('img')).toBeNull();
    expect($('.pack-result')).toBeNull();
    expect(install).not.toHaveBeenCalled();
  });

  it('cancels a running build: the build’s signal aborts and nothing is shown as built', async () => {
    let signal: AbortSignal | undefined;
    await mount({
      build: (files, onProgress, s) => {
        signal = s;
        return realBuild(files, onProgress, s);
      },
      install: vi.fn(),
    });
    await choose(corpus());
    await act(() => button('Build the pack').click());
    await act(() => button('Cancel').click());
    expect(signal!.aborted).toBe(true);
    await until(() => $('.status')?.textContent === 'Build cancelled: nothing was installed.');
    expect($('.pack-result')).toBeNull();
    // The files stay, ready for another try.
    expect(root.querySelectorAll('.pack-files li')).toHaveLength(6);
    expect(button('Build the pack').disabled).toBe(false);
  });

  it('takes dropped files, lets one be removed, and speaks French', async () => {
    await mount({ build: realBuild, install: vi.fn() }, 'fr');
    const zone = $('.drop-zone')!;
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: corpus().slice(0, 2) } });
    await act(() => void zone.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect(root.querySelectorAll('.pack-files li')).toHaveLength(2);
    const remove = root.querySelector<HTMLButtonElement>('.pack-files button')!;
    expect(remove.getAttribute('aria-label')).toBe(`Retirer ${readdirSync('assets/corpus')[0]}`);
    await act(() => remove.click());
    expect(root.querySelectorAll('.pack-files li')).toHaveLength(1);
    expect($('h2')!.textContent).toBe('Construire un paquet à partir de vos propres articles');
    expect(button('Construire le paquet').disabled).toBe(false);
  });
});
