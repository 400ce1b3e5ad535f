import { useEffect, useState } from 'preact/hooks';
import { errorText, ReaderError, type MessageKey } from '../shared/i18n';
import { PackBuilder, type PackBuilderActions } from './PackBuilder';
import type { PackSummary } from '../shared/protocol';
import { useTranslator } from './use-translator';

/** What the Packs section needs; tests pass a mock, the options page the worker's calls. */
export interface PacksActions {
  list(): Promise<PackSummary[]>;
  /** Validates and installs a pack (the worker refuses one that does not fit the schema, changing nothing). */
  install(name: string, pack: unknown, origin: 'imported' | 'built'): Promise<PackSummary>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  remove(id: string): Promise<void>;
}

const ORIGIN_LABELS: Record<PackSummary['origin'], MessageKey> = {
  bundled: 'packOriginBundled',
  imported: 'packOriginImported',
  built: 'packOriginBuilt',
};

type Status = { text: string; kind: 'ok' | 'error' | 'busy' } | undefined;

/** A pack file's content, or a reader's error naming the file and what is wrong with it. */
async function readPackFile(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ReaderError(`${file.name} is not a pack file (JSON): ${reason}. Nothing was installed.`, 'packNotJson', [file.name, reason]);
  }
}

/**
 * Options → Packs: the installed knowledge packs (the bundled one first), each with its story,
 * sources and counts, a switch to use it on pages, and Delete (asked twice); and importing a
 * pack file, or building one from articles (with `buildPack`: the options page's Web Worker).
 * Several packs can be in use at once (README "Packs" says how they merge).
 */
export function PacksView({ actions, buildPack }: { actions: PacksActions; buildPack?: PackBuilderActions['build'] }) {
  const t = useTranslator();
  const [packs, setPacks] = useState<PackSummary[] | undefined>();
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState<string | undefined>();

  const reload = async () => setPacks(await actions.list());
  useEffect(() => {
    reload().catch((err: unknown) => setStatus({ text: t('packsUnreadable', errorText(err, t)), kind: 'error' }));
  }, [actions]);

  /** Runs a change, then lists the packs again; a failure is shown and changes nothing. */
  const change = async (busy: string, step: () => Promise<string>) => {
    setStatus({ text: busy, kind: 'busy' });
    try {
      const done = await step();
      await reload();
      setStatus({ text: done, kind: 'ok' });
    } catch (err) {
      setStatus({ text: errorText(err, t), kind: 'error' });
    }
  };

  const importFile = (file: File) =>
    change(t('packInstalling', file.name), async () => {
      const summary = await actions.install('', await readPackFile(file), 'imported');
      return t('packInstalledCounts', summary.name, summary.entityCount, summary.sources.length);
    });

  const inUse = packs?.filter((p) => p.enabled).length ?? 0;
  return (
    <fieldset class="packs">
      <legend>{t('packsLegend')}</legend>
      <p class="muted">{t('packsIntro')}</p>
      {packs && (
        <ul class="pack-list">
          {packs.map((p) => (
            <li key={p.id} class="pack" data-pack={p.id}>
              <label>
                <input
                  type="checkbox"
                  aria-label={`${t('packUse')}: ${p.name}`}
                  checked={p.enabled}
                  onChange={(e) => {
                    const enabled = e.currentTarget.checked;
                    void change(t('loading'), async () => (await actions.setEnabled(p.id, enabled), t('packChanged')));
                  }}
                />{' '}
                <strong class="pack-name">{p.name}</strong> <span class="muted">({t(ORIGIN_LABELS[p.origin])})</span>
              </label>
              <p class="muted pack-counts">{t('packCounts', p.sources.length, p.entityCount, p.disagreementCount)}</p>
              <p class="muted pack-sources">{p.sources.join(' · ')}</p>
              {p.origin !== 'bundled' && (
                <button
                  type="button"
                  class="pack-delete"
                  onClick={() => {
                    if (confirming !== p.id) return setConfirming(p.id);
                    setConfirming(undefined);
                    void change(t('loading'), async () => (await actions.remove(p.id), t('packDeleted', p.name)));
                  }}
                  onBlur={() => setConfirming(undefined)}
                >
                  {confirming === p.id ? t('packDeleteConfirm') : t('packDelete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {packs && inUse === 0 && <p class="empty">{t('packsNone')}</p>}
      <label class="pack-import">
        {t('packImport')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {buildPack && (
        <PackBuilder
          actions={{
            build: buildPack,
            // The builder says it is installed; the list shows it.
            install: async (pack, name) => {
              await actions.install(name, pack, 'built');
              await reload();
            },
          }}
        />
      )}
      <p aria-live="polite" class={`status pack-status${status ? ` ${status.kind}` : ''}`}>
        {status?.kind === 'busy' && <progress aria-label={status.text} />} {status?.text}
      </p>
    </fieldset>
  );
}
