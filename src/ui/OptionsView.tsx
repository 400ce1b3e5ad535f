import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_STYLES, type HighlightStyle, type Settings } from '../shared/settings';

/** What the options page needs; tests pass a mock, the page the real storage. */
export interface OptionsActions {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}

const STYLE_LABELS: Record<HighlightStyle, string> = {
  underline: 'Dotted underline',
  background: 'Soft background',
  off: 'None (names still open their card on hover and with Alt+Shift+J)',
};

/** The options page: how marks look, the global pause, and the sites where Crossread is off. */
export function OptionsView({ actions }: { actions: OptionsActions }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    actions.load().then(setSettings, (err: unknown) => setStatus(`Could not read the settings: ${String(err)}`));
  }, [actions]);

  const update = async (next: Settings) => {
    setSettings(next);
    try {
      await actions.save(next);
      setStatus('Saved. Open pages follow at once.');
    } catch (err) {
      setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const sample = useRef<HTMLParagraphElement>(null);
  const style = settings?.highlightStyle;
  // The sample names are drawn exactly as on pages: one CSS Custom Highlight per look (marks.css).
  useEffect(() => {
    const names = sample.current?.querySelectorAll('.name');
    if (!style || !names || typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = [...names].map((n) => new StaticRange({ startContainer: n.firstChild!, startOffset: 0, endContainer: n.firstChild!, endOffset: n.textContent!.length }));
    const name = `crossread-mark-${style}`;
    CSS.highlights.set(name, new Highlight(...ranges));
    return () => void CSS.highlights.delete(name);
  }, [style]);

  if (!settings) return <main class="page"><h1>Crossread options</h1><p role="status">{status || 'Loading…'}</p></main>;
  return (
    <main class="page">
      <h1>Crossread options</h1>
      <fieldset>
        <legend>How names are marked on pages</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style}>
            <input type="radio" name="style" value={style} checked={settings.highlightStyle === style} onChange={() => void update({ ...settings, highlightStyle: style })} />{' '}
            {STYLE_LABELS[style]}
          </label>
        ))}
        <p class="sample" ref={sample}>
          Talks between <span class="name">Jane Okafor</span> and <span class="name">Tomas Lindqvist</span> ran late.
        </p>
      </fieldset>
      <fieldset>
        <legend>Where Crossread runs</legend>
        <label>
          <input type="checkbox" name="paused" checked={settings.paused} onChange={() => void update({ ...settings, paused: !settings.paused })} /> Pause Crossread on every site
        </label>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">Crossread is on for every site. Switch it off for one site from the toolbar popup.</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => void update({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  Switch back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p role="status">{status}</p>
    </main>
  );
}
