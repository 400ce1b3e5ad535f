// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity, KnowledgePack, Source } from '../shared/knowledge';
import { indexPack } from '../shared/pack-index';
import type { Note, PageStats } from '../shared/protocol';
import { EntityTooltip } from './EntityTooltip';
import { PopupView, type PopupActions } from './PopupView';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const sources: Source[] = ['s000', 's001'].map((id) => ({
  id, file: `${id}.txt`, label: `Label ${id}`, headline: 'H', outlet: 'unknown', attributedTo: 'unknown', kind: 'news report',
  date: '2016-09-10', provenanceNote: 'dated at the top', words: 100,
}));
const sentence = `Kerry said ${PAYLOAD}.`;
const kerry: Entity = {
  id: 'john-kerry', name: 'John Kerry', type: 'person', role: 'U.S. Secretary of State', origin: 'catalog',
  aliases: [{ text: 'John Kerry', caseSensitive: false }],
  mentions: [{ sourceId: 's001', count: 2, aliases: ['Kerry'], sentence, sentences: [sentence], inComment: false, quotes: [], labels: [], related: [] }],
};
const pack: KnowledgePack = { schemaVersion: 2, sources, entities: [kerry], framing: { categories: [], profiles: [] }, claims: [], disagreements: [] };

let root: HTMLElement;
const mount = async (vnode: preact.ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(vnode, root));
};
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('EntityTooltip', () => {
  it('shows name, type, role, each source with its sentence, and the silent sources', async () => {
    await mount(<EntityTooltip entity={kerry} sources={sources} quote="Kerry spoke." onSave={async () => {}} onClose={() => {}} />);
    expect(root.querySelector('h2')!.textContent).toBe('John Kerry');
    expect(root.querySelector('.type')!.textContent).toBe('person');
    expect(root.querySelector('.role')!.textContent).toBe('U.S. Secretary of State');
    expect(root.querySelectorAll('.mention')).toHaveLength(1);
    expect(root.querySelector('.silent')!.textContent).toContain('Label s000');
  });

  it('renders HTML in pack strings as text and runs nothing', async () => {
    await mount(<EntityTooltip entity={kerry} sources={sources} quote={PAYLOAD} onSave={async () => {}} onClose={() => {}} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toBe(`Kerry said ${PAYLOAD}.`);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('saves the comment and reports the outcome', async () => {
    const onSave = vi.fn(async (comment: string) => {
      if (comment === 'fail') throw new Error('database closed');
    });
    await mount(<EntityTooltip entity={kerry} sources={sources} quote="q" onSave={onSave} onClose={() => {}} />);
    const textarea = root.querySelector('textarea')!;
    const submit = async (text: string) => {
      await act(() => {
        textarea.value = text;
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => {
        root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
      });
    };
    await submit('worth checking');
    expect(onSave).toHaveBeenCalledWith('worth checking');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved.');
    await submit('fail');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Not saved: database closed');
  });
});

describe('PopupView', () => {
  const stats: PageStats = {
    url: 'https://news.example/a', title: 'A', enabled: true, markCount: 3, entityIds: ['john-kerry'], entityCounts: { 'john-kerry': 3 },
    textChars: 100, scanMs: 1, passes: 1,
  };
  const note: Note = { id: 'n1', url: stats.url, title: 'A', quote: 'Kerry said.', comment: 'check', entityIds: ['john-kerry'], createdAt: 0 };

  it('lists the page’s entities with source counts, and its notes', async () => {
    const actions: PopupActions = { loadPage: async () => stats, listNotes: vi.fn(async () => [note]), setMarking: vi.fn(async (enabled: boolean) => ({ ...stats, enabled, markCount: 0 })) };
    await mount(<PopupView actions={actions} index={indexPack(pack)} />);
    await act(async () => {});
    expect(actions.listNotes).toHaveBeenCalledWith('https://news.example/a');
    expect(root.querySelector('.entities li')!.textContent).toContain('John Kerry');
    expect(root.querySelector('.entities li')!.textContent).toContain('3× here · in 1 of 2 sources');
    expect(root.querySelector('.note-item')!.textContent).toContain('check');
    const toggle = root.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await act(async () => toggle.click());
    expect(actions.setMarking).toHaveBeenCalledWith(false);
    expect(root.querySelector('button.toggle')!.textContent).toBe('Turn marks on on this page');
  });

  it('says plainly when Crossread does not run on the tab', async () => {
    const actions: PopupActions = {
      loadPage: async () => Promise.reject(new Error('Could not establish connection.')),
      listNotes: async () => [],
      setMarking: async () => Promise.reject(new Error('unreachable')),
    };
    await mount(<PopupView actions={actions} index={indexPack(pack)} />);
    await act(async () => {});
    expect(root.textContent).toContain('Crossread does not run on this page');
  });
});
