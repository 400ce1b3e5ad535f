import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Entity } from '../shared/knowledge';
import { analyzePage } from '../shared/page-analysis';
import { indexPack } from '../shared/pack-index';
import type { ActiveIndex } from '../shared/pack-set';
import type { Note, PageStats } from '../shared/protocol';
import { errorText } from '../shared/i18n';
import { isActiveOn, siteOf, withSite, type Settings } from '../shared/settings';
import { PackChoice } from './PackChoice';
import { PageComparison } from './PageComparison';
import { NoteTime } from './NoteTime';
import { useTranslator } from './use-translator';
import { ENTITY_TYPE_NAMES } from './vocabulary';

/** What the popup needs from the extension; tests pass a mock, the popup page the real calls. */
export interface PopupActions {
  /** The stats of the tab the popup is about; rejects when Crossread does not run there. */
  loadPage(): Promise<PageStats>;
  /** The page's visible text (what it is compared on). */
  loadPageText(): Promise<{ text: string; truncated: boolean }>;
  listNotes(url: string): Promise<Note[]>;
  /** Turns marks on or off on the page; answers the page's stats after. */
  setMarking(enabled: boolean): Promise<PageStats>;
  loadSettings(): Promise<Settings>;
  /** Stores settings (every open page follows them). */
  saveSettings(settings: Settings): Promise<void>;
  openOptions(): Promise<void>;
  /** Opens the notes library in a tab. */
  openLibrary(): Promise<void>;
  /** Opens this popup, for the same tab, in a tab of its own (larger); absent where it already is one. */
  openInTab?(): Promise<void>;
}

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'ready'; stats: PageStats; notes: Note[]; settings: Settings; page: PageText | undefined };

type PageText = { text: string; truncated: boolean };

/**
 * The toolbar popup: the entities on the current page, how the page compares with the corpus
 * (disagreements, framing, conflicting figures) and the notes saved on it.
 */
export function PopupView({ actions, knowledge }: { actions: PopupActions; knowledge: ActiveIndex }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const t = useTranslator();

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const stats = await actions.loadPage();
        // Without the page's text the popup still lists names and notes; only the comparison is left out.
        const [notes, settings, page] = await Promise.all([actions.listNotes(stats.url), actions.loadSettings(), actions.loadPageText().catch(() => undefined)]);
        if (live) setState({ kind: 'ready', stats, notes, settings, page });
      } catch (err) {
        if (live) setState({ kind: 'unavailable', reason: errorText(err, t) });
      }
    })();
    return () => {
      live = false;
    };
  }, [actions, t]);

  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {state.kind === 'loading' && <p role="status">{t('popupReading')}</p>}
      {state.kind === 'unavailable' && (
        <p class="empty" role="status">
          {t('popupUnavailable')}
          <span class="muted"> {state.reason}</span>
        </p>
      )}
      {state.kind === 'ready' && (
        <Ready
          stats={state.stats}
          page={state.page}
          notes={state.notes}
          settings={state.settings}
          knowledge={knowledge}
          onSettings={async (settings) => {
            // Stored first, so the choice survives reloads; then the page is told at once.
            await actions.saveSettings(settings);
            const stats = await actions.setMarking(isActiveOn(settings, state.stats.url));
            setState({ ...state, settings, stats });
          }}
        />
      )}
      <p class="footer">
        <button type="button" class="more" onClick={() => void actions.openLibrary()}>
          {t('popupAllNotes')}
        </button>{' '}
        <button type="button" class="more" onClick={() => void actions.openOptions()}>
          {t('popupOptions')}
        </button>
        {actions.openInTab && (
          <>
            {' '}
            <button type="button" class="more" onClick={() => void actions.openInTab!()}>
              {t('popupOpenInTab')}
            </button>
          </>
        )}
      </p>
    </main>
  );
}

/** Names listed before "Show all", so the page's notes stay in view. */
const FIRST_NAMES = 8;

function Ready({
  stats,
  page,
  notes,
  settings,
  knowledge,
  onSettings,
}: {
  stats: PageStats;
  page: PageText | undefined;
  notes: Note[];
  settings: Settings;
  knowledge: ActiveIndex;
  onSettings(s: Settings): Promise<void>;
}) {
  const [showAll, setShowAll] = useState(false);
  const t = useTranslator();
  // The page is compared with one pack: the one that holds most of its names, or the reader's choice.
  const [chosen, setChosen] = useState<string | undefined>();
  const installed = (chosen !== undefined ? knowledge.pack(chosen) : undefined) ?? knowledge.bestPack(stats.entityIds);
  const index = useMemo(() => installed && indexPack(installed.pack), [installed]);
  const analysis = useMemo(
    () => page && installed && analyzePage(installed.pack, page.text, knowledge.idsIn(installed.id, stats.entityIds)),
    [knowledge, installed, page, stats.entityIds],
  );
  const entities = Object.entries(stats.entityCounts)
    .flatMap(([id, count]): { id: string; entity: Entity; count: number; total: number }[] => {
      // Counted in the pack compared with, else in the first active pack that holds the name.
      const group = knowledge.group(id);
      const packId = installed && knowledge.member(installed.id, id) ? installed.id : group?.members[0]?.packId;
      const entity = packId === undefined ? undefined : knowledge.member(packId, id);
      const total = packId === undefined ? 0 : (knowledge.pack(packId)?.pack.sources.length ?? 0);
      return entity ? [{ id, entity: { ...entity, name: group?.name ?? entity.name }, count, total }] : [];
    })
    .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  return (
    <>
      <div class="switches">
        <button
          type="button"
          class="toggle site"
          aria-pressed={!settings.disabledSites.includes(siteOf(stats.url))}
          onClick={() => void onSettings(withSite(settings, stats.url, settings.disabledSites.includes(siteOf(stats.url))))}
        >
          {siteOf(stats.url) ? t('popupOnSite', siteOf(stats.url)) : t('popupOnThisSite')}
        </button>
        <button type="button" class="toggle pause" aria-pressed={settings.paused} onClick={() => void onSettings({ ...settings, paused: !settings.paused })}>
          {t('popupPauseEverywhere')}
        </button>
      </div>
      {!stats.enabled && (
        <p class="empty" role="status">
          {settings.paused ? t('popupPaused') : t('popupOffHere')} {t('popupNoMarks')}
        </p>
      )}
      <p class="muted hint">{t('popupKeysHint')}</p>
      <section aria-labelledby="entities-h">
        <h2 id="entities-h">
          {t('popupOnThisPage')} <span class="muted">({t.plural('names', entities.length)}, {t.plural('marks', stats.markCount)})</span>
        </h2>
        {entities.length === 0 ? (
          <p class="empty">{t('popupNoNames')}</p>
        ) : (
          <ul class="entities">
            {(showAll ? entities : entities.slice(0, FIRST_NAMES)).map(({ id, entity, count, total }) => (
              <li key={id} data-entity={id}>
                <span class="name">{entity.name}</span>
                <span class="type">{t(ENTITY_TYPE_NAMES[entity.type])}</span>
                <span class="muted">
                  {t('popupEntityCounts', count, entity.mentions.length, total)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {entities.length > FIRST_NAMES && (
          <button type="button" class="more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? t('showFewer') : t('popupShowAllNames', entities.length)}
          </button>
        )}
      </section>
      {installed && <PackChoice packs={knowledge.knowledge.packs} value={installed.id} onChange={setChosen} />}
      {analysis && index ? (
        <PageComparison analysis={analysis} index={index} truncated={page?.truncated} />
      ) : (
        <p class="empty">{installed ? t('popupNoText') : t('packsNone')}</p>
      )}
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">
          {t('popupYourNotes')} <span class="muted">({t.number(notes.length)})</span>
        </h2>
        {notes.length === 0 ? (
          <p class="empty">{t('popupNoNotes')}</p>
        ) : (
          <ul class="notes">
            {notes.map((n) => {
              const orphan = stats.notesOrphaned.includes(n.id);
              return (
                <li key={n.id} class={`note-item${orphan ? ' orphan' : ''}`} data-color={n.color}>
                  {orphan && (
                    <p class="orphan-note">{t('popupOrphan')}</p>
                  )}
                  <blockquote>{n.quote}</blockquote>
                  {n.comment && <p class="comment">{n.comment}</p>}
                  {n.tags.length > 0 && (
                    <ul class="tags" aria-label={t('tags')}>
                      {n.tags.map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                    </ul>
                  )}
                  <p class="muted">
                    {n.entityIds.map((id) => knowledge.group(id)?.name ?? id).join(', ')} ·{' '}
                    <NoteTime time={n.createdAt} />
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
