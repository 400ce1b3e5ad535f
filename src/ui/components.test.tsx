// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity, KnowledgePack, Source } from '../shared/knowledge';
import type { Note, PageStats } from '../shared/protocol';
import { readSettings } from '../shared/settings';
import { translatorFor } from '../shared/locales';
import { TranslatorContext } from './use-translator';
import { EntityTooltip } from './EntityTooltip';
import { PopupView, type PopupActions } from './PopupView';
import { activeOf } from '../shared/pack-set';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const sources: Source[] = ['s000', 's001'].map((id) => ({
  id, file: `${id}.txt`, label: `Label ${id}`, headline: 'H', outlet: 'unknown', attributedTo: 'unknown', kind: 'news report',
  date: '2016-09-10', provenanceNote: 'dated at the top', text: '', words: 100, quotes: [], excluded: [],
}));
const sentence = `Kerry said ${PAYLOAD}.`;
const kerry: Entity = {
  id: 'john-kerry', name: 'John Kerry', type: 'person', origin: 'catalog',
  roles: [{ text: 'U.S. Secretary of State', sourceId: 's001', sentence: 'U.S. Secretary of State John Kerry spoke.' }],
  aliases: [{ text: 'John Kerry', caseSensitive: false }],
  mentions: [{
    sourceId: 's001', count: 3, quoted: 1, aliases: ['Kerry'], quotedAliases: [{ alias: 'Mr Kerry', speaker: 'Sergei Lavrov' }],
    sentence, sentences: [sentence, '“Mr Kerry agreed,” said Sergei Lavrov.'], related: [],
    quotes: [{ quote: `We will reduce violence ${PAYLOAD}`, sentence: `“We will reduce violence ${PAYLOAD},” Kerry said.`, kind: 'full' }],
    labels: [
      { text: 'regime', kind: 'lexicon', category: 'state-regime', sentence: `The ${PAYLOAD} regime said.` },
      { text: 'moderate', kind: 'lexicon', category: 'armed-opposition', distancing: 'scare', sentence: "The 'moderate' rebels." },
      { text: 'Secretary of State', kind: 'title', sentence: 'Secretary of State John Kerry.' },
      { text: 'a man who flew to Geneva', kind: 'apposition', sentence: 'Kerry, a man who flew to Geneva, said.' },
    ],
  }],
};
const pack: KnowledgePack = {
  schemaVersion: 3, story: { title: 'a test story', derived: false }, measures: { units: [], durationTopics: [], dayTopics: [], touches: [] }, sources, entities: [kerry], claims: [],
  framing: {
    categories: [
      { id: 'state-regime', label: 'r', description: '', terms: ['regime'], labels: true, contrastWith: 'state-government', subject: 'the state' },
      { id: 'state-government', label: 'g', description: '', terms: ['government'], labels: true },
      { id: 'loaded', label: 'l', description: '', terms: ['breakthrough'], note: 'loaded words {times} ({terms})' },
      { id: 'attribution-anonymous', label: 'a', description: '', terms: ['sources said'], note: 'claims from unnamed sources {times} ({term})' },
    ],
    profiles: [{ sourceId: 's001', counts: [
      { category: 'state-regime', count: 4, terms: [{ term: 'regime', count: 4 }], evidence: [{ term: 'regime', sentence: 'The regime shelled it.', start: 0 }],
        quoted: [{ term: 'regime', speaker: 'Basma Kodmani', sentence: '“The regime must go,” said Basma Kodmani.', start: 0 }], distanced: [] },
      { category: 'state-government', count: 1, terms: [{ term: 'government', count: 1 }], evidence: [{ term: 'government', sentence: 'The government said.', start: 0 }], quoted: [], distanced: [] },
      { category: 'loaded', count: 0, terms: [], evidence: [], quoted: [], distanced: [] },
      { category: 'attribution-anonymous', count: 2, terms: [{ term: 'sources said', count: 2 }], evidence: [{ term: 'sources said', sentence: `Sources said ${PAYLOAD}.`, start: 0 }], quoted: [], distanced: [] },
    ] }],
  },
  disagreements: [
    { id: 'toll', topic: 'Deaths in the war', question: 'How many?', kind: 'fact', origin: 'curated', entityIds: ['john-kerry'], silent: [], mentions: [],
      positions: [
        { sourceId: 's000', position: '290,000 killed', evidence: [{ quote: '290,000', sentence: 'It has killed 290,000.' }], holder: { voice: 'own' } },
        { sourceId: 's001', position: `500,000 dead ${PAYLOAD}`, evidence: [{ quote: '500,000', sentence: 'It has killed 500,000, he says.' }], holder: { voice: 'attributed', who: 'John Kerry' } },
      ] },
    { id: 'toll-extracted', topic: 'Figures', question: 'q', kind: 'fact', origin: 'extracted', curatedAs: 'toll', entityIds: ['john-kerry'], silent: [], mentions: [],
      positions: [
        { sourceId: 's000', position: '290,000', evidence: [{ quote: '290,000', sentence: 'It has killed 290,000.' }], holder: { voice: 'own' } },
        { sourceId: 's001', position: '500,000', evidence: [{ quote: '500,000', sentence: 'It has killed 500,000.' }], holder: { voice: 'own' } },
      ] },
  ],
};
const noop = async () => {};

let root: HTMLElement;
const mount = async (vnode: preact.ComponentChild, language = 'en') => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<TranslatorContext.Provider value={translatorFor(language)}>{vnode}</TranslatorContext.Provider>, root));
};
afterEach(() => {
  render(null, root);
  root.remove();
});
/** Lets pending promises (the view's loading) resolve and the view render. */
const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const texts = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('EntityTooltip', () => {
  it('shows name, type, role, each source with its sentence, and the silent sources', async () => {
    await mount(<EntityTooltip entity={kerry} pack={pack} quote="Kerry spoke." onSave={noop} onCompare={noop} onClose={() => {}} />);
    expect(root.querySelector('h2')!.textContent).toBe('John Kerry');
    expect(root.querySelector('.type')!.textContent).toBe('person');
    // Whose description the role is: the source's.
    expect(root.querySelector('.role')!.textContent).toBe('U.S. Secretary of State (Label s001)');
    // Quotations from the entity, with who quotes them.
    expect(root.querySelector('.quoted')!.textContent).toBe(`John Kerry, quoted by Label s001: “We will reduce violence ${PAYLOAD}”`);
    expect(root.querySelectorAll('.mention')).toHaveLength(1);
    // How often, in whose words: the source's own, and apart those inside quotations.
    expect(root.querySelector('.mention .source')!.textContent).toContain('2× as Kerry, 1× more in quotations');
    expect(root.querySelector('.silent')!.textContent).toContain('Label s000');
  });

  it('says how the source names the entity and frames the story, each with its evidence sentence', async () => {
    await mount(<EntityTooltip entity={kerry} pack={pack} quote="q" onSave={noop} onCompare={noop} onClose={() => {}} />);
    // Framing words first, titles last, appositions left out.
    expect(texts('.labels summary')).toEqual(['calls it “regime”', 'puts “moderate” in scare quotes', 'titles: “Secretary of State”', 'quotes Sergei Lavrov calling it “Mr Kerry”']);
    expect(texts('.labels .evidence')[1]).toBe("The 'moderate' rebels.");
    // Only categories the source uses in its own voice, never a score; quoted framing apart, attributed.
    expect(texts('.framing-note summary')).toEqual(['the state: “regime” 4×, “government” once', 'claims from unnamed sources 2× (“sources said”)', 'quoting Basma Kodmani: “regime”']);
    expect(texts('.framing-note .evidence')).toEqual(['The regime shelled it.', `Sources said ${PAYLOAD}.`, '“The regime must go,” said Basma Kodmani.']);
  });

  it('lists the disagreements on the entity (not the extracted duplicates) and opens their comparison', async () => {
    const onCompare = vi.fn(noop);
    await mount(<EntityTooltip entity={kerry} pack={pack} quote="q" onSave={noop} onCompare={onCompare} onClose={() => {}} />);
    const rows = root.querySelectorAll<HTMLElement>('.disagreement');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Deaths in the war: 290,000 killed (Label s000) · 500,000 dead');
    // A position the outlet only reports is never shown as the outlet's.
    expect(rows[0]!.textContent).toContain('(Label s001, reporting John Kerry)');
    await act(() => rows[0]!.querySelector('button')!.click());
    expect(onCompare).toHaveBeenCalledWith('toll', 'pack');
  });

  it('renders HTML in pack strings as text and runs nothing', async () => {
    await mount(<EntityTooltip entity={kerry} pack={pack} quote={PAYLOAD} onSave={noop} onCompare={noop} onClose={() => {}} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.mention > blockquote')!.textContent).toBe(`Kerry said ${PAYLOAD}.`);
    expect(root.textContent).toContain(`500,000 dead ${PAYLOAD}`);
    expect(root.querySelector('.quote')!.textContent).toContain(PAYLOAD);
    expect(root.querySelector('.quoted')!.textContent).toContain(PAYLOAD);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('saves the comment with tags and colour, and reports the outcome', async () => {
    const onSave = vi.fn(async (note: { comment: string }) => {
      if (note.comment === 'fail') throw new Error('database closed');
    });
    await mount(<EntityTooltip entity={kerry} pack={pack} quote="q" onSave={onSave} onCompare={noop} onClose={() => {}} />);
    const type = async (selector: string, text: string) =>
      act(() => {
        const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
        field.value = text;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const submit = () => act(async () => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    await type('textarea', 'worth checking');
    await type('input[name="tags"]', 'truce, Aleppo, truce');
    await act(() => root.querySelector<HTMLInputElement>('input[value="green"]')!.click());
    await submit();
    expect(onSave).toHaveBeenCalledWith({ comment: 'worth checking', tags: ['truce', 'Aleppo'], color: 'green' });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved.');
    expect(root.querySelector<HTMLInputElement>('input[name="tags"]')!.value).toBe('');
    await type('textarea', 'fail');
    await submit();
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Not saved: database closed');
  });
});

describe('PopupView', () => {
  const stats: PageStats = {
    url: 'https://news.example/a', title: 'A', enabled: true, markCount: 3, entityIds: ['john-kerry'], entityCounts: { 'john-kerry': 3 },
    textChars: 100, scanMs: 1, passes: 1, notesAnchored: [], notesOrphaned: ['n1'],
  };
  const note: Note = { id: 'n1', url: stats.url, title: 'A', quote: 'Kerry said.', comment: 'check', entityIds: ['john-kerry'], tags: ['truce', 'Aleppo'], color: 'green', createdAt: 0 };

  const popupActions = (over: Partial<PopupActions> = {}): PopupActions => ({
    loadPage: async () => stats,
    loadPageText: async () => ({ text: 'Kerry said.', truncated: false }),
    listNotes: vi.fn(async () => [note]),
    setMarking: vi.fn(async (enabled: boolean) => ({ ...stats, enabled, markCount: enabled ? 3 : 0 })),
    loadSettings: async () => readSettings(undefined),
    saveSettings: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
    openLibrary: vi.fn(async () => {}),
    ...over,
  });

  it('lists the page’s entities with source counts, and its notes', async () => {
    const actions = popupActions();
    await mount(<PopupView actions={actions} knowledge={activeOf([{ id: 'p', name: 'a test pack', pack: pack }])} />);
    await settle();
    expect(actions.listNotes).toHaveBeenCalledWith('https://news.example/a');
    expect(root.querySelector('.entities li')!.textContent).toContain('John Kerry');
    expect(root.querySelector('.entities li')!.textContent).toContain('3× here · in 1 of 2 sources');
    expect(root.querySelector('.note-item')!.textContent).toContain('check');
    expect(texts('.note-item .tags li')).toEqual(['truce', 'Aleppo']);
    expect(root.querySelector('.note-item')!.getAttribute('data-color')).toBe('green');
    // A note whose passage the page no longer has is listed, flagged, never dropped.
    expect(root.querySelector('.note-item.orphan .orphan-note')!.textContent).toContain('Not found on the page');
  });

  it('still lists names and notes when the page’s text cannot be read, and says the comparison is left out', async () => {
    await mount(<PopupView actions={popupActions({ loadPageText: async () => Promise.reject(new Error('gone')) })} knowledge={activeOf([{ id: 'p', name: 'a test pack', pack: pack }])} />);
    await settle();
    expect(root.querySelector('.entities li')!.textContent).toContain('John Kerry');
    expect(root.querySelector('.note-item')).not.toBeNull();
    expect(root.textContent).toContain('could not read this page’s text');
  });

  it('switches the site off and pauses everywhere, storing each choice before telling the page', async () => {
    const actions = popupActions();
    await mount(<PopupView actions={actions} knowledge={activeOf([{ id: 'p', name: 'a test pack', pack: pack }])} />);
    await settle();
    const click = async (selector: string) => {
      await act(async () => root.querySelector<HTMLButtonElement>(selector)!.click());
      await settle();
    };
    const site = root.querySelector<HTMLButtonElement>('button.site')!;
    expect(site.textContent).toBe('On news.example');
    expect(site.getAttribute('aria-pressed')).toBe('true');
    await click('button.site');
    expect(actions.saveSettings).toHaveBeenLastCalledWith({ paused: false, disabledSites: ['news.example'], highlightStyle: 'underline' });
    expect(actions.setMarking).toHaveBeenLastCalledWith(false);
    expect(root.querySelector('button.site')!.getAttribute('aria-pressed')).toBe('false');
    expect(root.textContent).toContain('Crossread is off on this site.');
    await click('button.site');
    await click('button.pause');
    expect(actions.saveSettings).toHaveBeenLastCalledWith({ paused: true, disabledSites: [], highlightStyle: 'underline' });
    expect(actions.setMarking).toHaveBeenLastCalledWith(false);
    expect(root.textContent).toContain('Crossread is paused on every site.');
  });

  it('says plainly when Crossread does not run on the tab', async () => {
    const actions: PopupActions = {
      loadPage: async () => Promise.reject(new Error('Could not establish connection.')),
      loadPageText: async () => Promise.reject(new Error('unreachable')),
      listNotes: async () => [],
      setMarking: async () => Promise.reject(new Error('unreachable')),
      loadSettings: async () => readSettings(undefined),
      saveSettings: async () => {},
      openOptions: async () => {},
      openLibrary: async () => {},
    };
    await mount(<PopupView actions={actions} knowledge={activeOf([{ id: 'p', name: 'a test pack', pack: pack }])} />);
    await settle();
    expect(root.textContent).toContain('Crossread does not run on this page');
  });
});

describe('in French (the real message file)', () => {
  it('the card speaks French around the corpus’s own words, which stay as written', async () => {
    await mount(<EntityTooltip entity={kerry} pack={pack} quote="Kerry spoke." onSave={noop} onCompare={noop} onClose={() => {}} />, 'fr');
    expect(root.querySelector('.type')!.textContent).toBe('personne');
    expect(root.querySelector('button.close')!.getAttribute('aria-label')).toBe('Fermer');
    expect(root.querySelector('h3')!.textContent).toBe('Où les sources divergent');
    expect(root.querySelector('.quoted')!.textContent).toBe(`Propos de John Kerry rapportés par Label s001\u00a0: «\u00a0We will reduce violence ${PAYLOAD}\u00a0»`);
    expect(root.querySelector('.mention .source')!.textContent).toContain('2× sous la forme Kerry, 1× de plus dans des citations');
    // The pack's date in the French format; its template and its words untranslated.
    expect(root.querySelector('.mention .source')!.textContent).toContain('10 sept. 2016');
    expect(texts('.labels summary')[0]).toBe('l’appelle «\u00a0regime\u00a0»');
    expect(texts('.framing-note summary')).toEqual(['the state\u00a0: «\u00a0regime\u00a0» 4×, «\u00a0government\u00a0» une fois', 'claims from unnamed sources 2× («\u00a0sources said\u00a0»)', 'en citant Basma Kodmani\u00a0: «\u00a0regime\u00a0»']);
    expect(root.querySelector('.disagreement')!.textContent).toContain('(Label s001, selon John Kerry)');
    expect(root.querySelector('button[type="submit"]')!.textContent).toBe('Enregistrer la note');
    expect(root.querySelector('input[value="green"]')!.getAttribute('aria-label')).toBe('vert');
  });

  it('the popup speaks French, with French plural forms and numbers', async () => {
    const many = { ...kerry, id: 'many' };
    const stats: PageStats = {
      url: 'https://news.example/a', title: 'A', enabled: true, markCount: 1234, entityIds: ['john-kerry'], entityCounts: { 'john-kerry': 1 },
      textChars: 100, scanMs: 1, passes: 1, notesAnchored: [], notesOrphaned: [],
    };
    const actions: PopupActions = {
      loadPage: async () => stats,
      loadPageText: async () => Promise.reject(new Error('gone')),
      listNotes: async () => [],
      setMarking: async () => stats,
      loadSettings: async () => readSettings(undefined),
      saveSettings: async () => {},
      openOptions: async () => {},
      openLibrary: async () => {},
    };
    await mount(<PopupView actions={actions} knowledge={activeOf([{ id: 'p', name: 'a test pack', pack: { ...pack, entities: [kerry, many] } }])} />, 'fr');
    await settle();
    expect(root.querySelector('#entities-h')!.textContent).toBe('Sur cette page (1 nom, 1\u202f234 marques)');
    expect(root.querySelector('.entities li')!.textContent).toContain('1× ici · dans 1 des 2 sources');
    expect(root.querySelector('button.site')!.textContent).toBe('Actif sur news.example');
    expect(root.textContent).toContain('Pas encore de note sur cette page.');
    expect(root.textContent).toContain('Crossread n’a pas pu lire le texte de cette page');
    expect(root.textContent).not.toMatch(/\b(?:names|marks|notes here|sources disagree)\b/);
  });
});
