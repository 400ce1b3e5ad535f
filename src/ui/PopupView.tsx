import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Entity } from '../shared/knowledge';
import { analyzePage } from '../shared/page-analysis';
import type { PackIndex } from '../shared/pack-index';
import type { Note, PageStats } from '../shared/protocol';
import { isActiveOn, siteOf, withSite, type Settings } from '../shared/settings';
import { PageComparison } from './PageComparison';
import { NoteTime } from './NoteTime';

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
export function PopupView({ actions, index }: { actions: PopupActions; index: PackIndex }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const stats = await actions.loadPage();
        // Without the page's text the popup still lists names and notes; only the comparison is left out.
        const [notes, settings, page] = await Promise.all([actions.listNotes(stats.url), actions.loadSettings(), actions.loadPageText().catch(() => undefined)]);
        if (live) setState({ kind: 'ready', stats, notes, settings, page });
      } catch (err) {
        if (live) setState({ kind: 'unavailable', reason: err instanceof Error ? err.message : String(err) });
      }
    })();
    return () => {
      live = false;
    };
  }, [actions]);

  return (
    <main class="popup">
      <h1>Crossread</h1>
      {state.kind === 'loading' && <p role="status">Reading this page…</p>}
      {state.kind === 'unavailable' && (
        <p class="empty" role="status">
          Crossread does not run on this page (only on web pages opened over http or https, after they load).
          <span class="muted"> {state.reason}</span>
        </p>
      )}
      {state.kind === 'ready' && (
        <Ready
          stats={state.stats}
          page={state.page}
          notes={state.notes}
          settings={state.settings}
          index={index}
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
          All notes
        </button>{' '}
        <button type="button" class="more" onClick={() => void actions.openOptions()}>
          Options
        </button>
        {actions.openInTab && (
          <>
            {' '}
            <button type="button" class="more" onClick={() => void actions.openInTab!()}>
              Open larger in a tab
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
  index,
  onSettings,
}: {
  stats: PageStats;
  page: PageText | undefined;
  notes: Note[];
  settings: Settings;
  index: PackIndex;
  onSettings(s: Settings): Promise<void>;
}) {
  const [showAll, setShowAll] = useState(false);
  const analysis = useMemo(() => page && analyzePage(index.pack, page.text, stats.entityIds), [index, page, stats.entityIds]);
  const entities = Object.entries(stats.entityCounts)
    .flatMap(([id, count]): { entity: Entity; count: number }[] => {
      const entity = index.entity(id);
      return entity ? [{ entity, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  const total = index.pack.sources.length;
  return (
    <>
      <div class="switches">
        <button
          type="button"
          class="toggle site"
          aria-pressed={!settings.disabledSites.includes(siteOf(stats.url))}
          onClick={() => void onSettings(withSite(settings, stats.url, settings.disabledSites.includes(siteOf(stats.url))))}
        >
          On {siteOf(stats.url) || 'this site'}
        </button>
        <button type="button" class="toggle pause" aria-pressed={settings.paused} onClick={() => void onSettings({ ...settings, paused: !settings.paused })}>
          Pause everywhere
        </button>
      </div>
      {!stats.enabled && (
        <p class="empty" role="status">
          {settings.paused ? 'Crossread is paused on every site.' : 'Crossread is off on this site.'} No names are marked.
        </p>
      )}
      <p class="muted hint">Alt+Shift+J / K on the page: next / previous name.</p>
      <section aria-labelledby="entities-h">
        <h2 id="entities-h">
          On this page <span class="muted">({entities.length} names, {stats.markCount} marks)</span>
        </h2>
        {entities.length === 0 ? (
          <p class="empty">No names from the corpus on this page.</p>
        ) : (
          <ul class="entities">
            {(showAll ? entities : entities.slice(0, FIRST_NAMES)).map(({ entity, count }) => (
              <li key={entity.id} data-entity={entity.id}>
                <span class="name">{entity.name}</span>
                <span class="type">{entity.type}</span>
                <span class="muted">
                  {count}× here · in {entity.mentions.length} of {total} sources
                </span>
              </li>
            ))}
          </ul>
        )}
        {entities.length > FIRST_NAMES && (
          <button type="button" class="more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${entities.length} names`}
          </button>
        )}
      </section>
      {analysis ? (
        <PageComparison analysis={analysis} index={index} truncated={page?.truncated} />
      ) : (
        <p class="empty">Crossread could not read this page’s text, so it is not compared with the sources.</p>
      )}
      <section aria-labelledby="notes-h">
        <h2 id="notes-h">
          Your notes here <span class="muted">({notes.length})</span>
        </h2>
        {notes.length === 0 ? (
          <p class="empty">No notes on this page yet. Hover a marked name and save one.</p>
        ) : (
          <ul class="notes">
            {notes.map((n) => {
              const orphan = stats.notesOrphaned.includes(n.id);
              return (
                <li key={n.id} class={`note-item${orphan ? ' orphan' : ''}`} data-color={n.color}>
                  {orphan && (
                    <p class="orphan-note">Not found on the page as it is now (it changed). The note is kept.</p>
                  )}
                  <blockquote>{n.quote}</blockquote>
                  {n.comment && <p class="comment">{n.comment}</p>}
                  {n.tags.length > 0 && (
                    <ul class="tags" aria-label="Tags">
                      {n.tags.map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                    </ul>
                  )}
                  <p class="muted">
                    {n.entityIds.map((id) => index.entity(id)?.name ?? id).join(', ')} ·{' '}
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
