import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../shared/i18n';
import type { KnowledgePack } from '../shared/knowledge';
import { useTranslator } from './use-translator';
import './pack-builder.css';

/** Where a build is: its named step and how much of it is done (the corpus build's BuildProgress). */
export interface PackBuildProgress {
  step: string;
  done: number;
  total: number;
}

/** What the pack builder needs; the options page passes the worker build and the pack store, tests a mock. */
export interface PackBuilderActions {
  /** Builds a pack from the files, reporting progress; rejects with the build's message (or an AbortError once `signal` aborts). */
  build(files: File[], onProgress: (progress: PackBuildProgress) => void, signal: AbortSignal): Promise<KnowledgePack>;
  /** Installs a built pack under a name the reader chose. */
  install(pack: KnowledgePack, name: string): Promise<void>;
}

/** The corpus formats the build reads (by the end of the name), and `sources.json` for provenance. */
export const CORPUS_ACCEPT = ['.txt', '.html', '.htm', '.jsonl', '.ndjson', '.csv', '.tsv', '.warc', '.gz', '.json'].join(',');

/** Each step's label, and its share of the bar (names and sources are where the time goes). */
const STEPS: Record<string, { label: MessageKey; from: number; to: number }> = {
  read: { label: 'packStepRead', from: 0, to: 0.15 },
  names: { label: 'packStepNames', from: 0.15, to: 0.4 },
  sources: { label: 'packStepSources', from: 0.4, to: 0.9 },
  disagreements: { label: 'packStepDisagreements', from: 0.9, to: 0.95 },
  verify: { label: 'packStepVerify', from: 0.95, to: 1 },
};

type State =
  | { kind: 'idle' }
  | { kind: 'building'; progress?: PackBuildProgress }
  | { kind: 'built'; pack: KnowledgePack }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'installing'; pack: KnowledgePack }
  | { kind: 'installed'; name: string };

/** One file, once, by name and size (dropping the same file twice keeps one). */
const key = (f: File) => `${f.name}\u0000${f.size}`;

/**
 * Options → build a pack in the browser: files dropped or chosen (any corpus format), built off
 * the page by `actions.build` with a progress bar and Cancel, the build's own message when a file
 * is bad (nothing is installed then), and the built pack installed under a name.
 */
export function PackBuilder({ actions }: { actions: PackBuilderActions }) {
  const t = useTranslator();
  const [files, setFiles] = useState<File[]>([]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [name, setName] = useState('');
  const [over, setOver] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  // Leaving the page (or the view) stops a build that is running.
  useEffect(() => () => controller.current?.abort(), []);

  const busy = state.kind === 'building' || state.kind === 'installing';
  const add = (list: FileList | null | undefined) => {
    if (!list || busy) return;
    const known = new Set(files.map(key));
    setFiles([...files, ...[...list].filter((f) => !known.has(key(f)))]);
    setState({ kind: 'idle' });
  };

  const build = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'building' });
    try {
      const pack = await actions.build(files, (progress) => setState({ kind: 'building', progress }), abort.signal);
      setName(pack.story.title);
      setState({ kind: 'built', pack });
    } catch (err) {
      if (abort.signal.aborted) setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    } finally {
      if (controller.current === abort) controller.current = undefined;
    }
  };

  const install = async (pack: KnowledgePack) => {
    const chosen = name.trim() || pack.story.title;
    setState({ kind: 'installing', pack });
    try {
      await actions.install(pack, chosen);
      setState({ kind: 'installed', name: chosen });
    } catch (err) {
      setState({ kind: 'failed', message: t('packNotInstalled', err instanceof Error ? err.message : String(err)) });
    }
  };

  const progress = state.kind === 'building' ? state.progress : undefined;
  const step = progress ? STEPS[progress.step] : undefined;
  const fraction = progress && step ? step.from + (step.to - step.from) * (progress.total > 0 ? progress.done / progress.total : 0) : 0;
  const built = state.kind === 'built' || state.kind === 'installing' ? state.pack : undefined;

  return (
    <section class="pack-builder" aria-labelledby="pack-builder-title">
      <h2 id="pack-builder-title">{t('packBuilderTitle')}</h2>
      <p class="muted">{t('packBuilderIntro')}</p>
      <div
        class={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer?.files);
        }}
      >
        <p>{t('packBuilderDrop')}</p>
        <label class="choose">
          {t('packBuilderChoose')}{' '}
          <input type="file" multiple accept={CORPUS_ACCEPT} disabled={busy} onChange={(e) => {
            const input = e.currentTarget;
            add(input.files);
            input.value = '';
          }} />
        </label>
      </div>
      {files.length > 0 && (
        <ul class="pack-files" aria-label={t('packBuilderFiles')}>
          {files.map((f) => (
            <li key={key(f)}>
              <span class="file-name">{f.name}</span> <span class="muted">{t('packFileSize', t.number(Math.max(1, Math.round(f.size / 1024))))}</span>{' '}
              <button type="button" class="link" disabled={busy} aria-label={t('packBuilderRemove', f.name)} onClick={() => setFiles(files.filter((x) => x !== f))}>
                {t('packRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="pack-actions">
        <button type="button" class="primary" disabled={files.length === 0 || busy} onClick={() => void build()}>
          {t('packBuilderBuild')}
        </button>
        {files.length > 0 && (
          <button type="button" disabled={busy} onClick={() => { setFiles([]); setState({ kind: 'idle' }); }}>
            {t('packBuilderClear')}
          </button>
        )}
      </div>
      {state.kind === 'building' && (
        <div class="task" role="status">
          <label>
            {step ? t(step.label) : t('packStepStarting')}{' '}
            <progress max={100} value={Math.round(fraction * 100)} aria-valuetext={progress && progress.total > 1 ? t('doneOfTotal', progress.done, progress.total) : undefined} />{' '}
            {progress && progress.total > 1 && t('doneOfTotal', progress.done, progress.total)}
          </label>
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('cancel')}
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <p class="status error" role="alert">
          {t('packBuildFailed', state.message)}
        </p>
      )}
      {state.kind === 'cancelled' && <p class="status" role="status">{t('packBuildCancelled')}</p>}
      {state.kind === 'installed' && <p class="status ok" role="status">{t('packInstalled', state.name)}</p>}
      {built && (
        <div class="pack-result">
          <p class="status ok" role="status">
            {t('packBuilt', t.plural('packEntities', built.entities.length), t.plural('sources', built.sources.length), t.plural('packDisagreements', built.disagreements.length))}
          </p>
          <label>
            {t('packName')} <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} disabled={state.kind === 'installing'} />
          </label>
          <button type="button" class="primary" disabled={state.kind === 'installing'} onClick={() => void install(built)}>
            {t('packInstall')}
          </button>
        </div>
      )}
    </section>
  );
}
