import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, type MessageKey } from '../shared/i18n';
import { HIGHLIGHT_STYLES, type HighlightStyle, type Settings } from '../shared/settings';
import type { PackBuilderActions } from './PackBuilder';
import { PacksView, type PacksActions } from './PacksView';
import { useTranslator } from './use-translator';

/** What the options page needs; tests pass a mock, the page the real storage and worker. */
export interface OptionsActions {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  packs: PacksActions;
  /** Builds a pack from a reader's files (the options page: in a Web Worker); without it no pack builder shows. */
  buildPack?: PackBuilderActions['build'];
}

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  off: 'styleOff',
};

/** Made-up names for the sample sentence: two people, no story. */
const SAMPLE_NAMES = ['Jane Okafor', 'Tomas Lindqvist'];

/** The options page: how marks look, the global pause, the sites where Crossread is off, and the knowledge packs. */
export function OptionsView({ actions }: { actions: OptionsActions }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState('');
  const t = useTranslator();
  useEffect(() => {
    actions.load().then(setSettings, (err: unknown) => setStatus(t('settingsUnreadable', errorText(err, t))));
  }, [actions, t]);

  const update = async (next: Settings) => {
    setSettings(next);
    try {
      await actions.save(next);
      setStatus(t('settingsSaved'));
    } catch (err) {
      setStatus(t('notSaved', errorText(err, t)));
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

  if (!settings) return <main class="page"><h1>{t('optionsTitle')}</h1><p role="status">{status || t('loading')}</p></main>;
  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('optionsMarksLegend')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style}>
            <input type="radio" name="style" value={style} checked={settings.highlightStyle === style} onChange={() => void update({ ...settings, highlightStyle: style })} />{' '}
            {t(STYLE_LABELS[style])}
          </label>
        ))}
        <p class="sample" ref={sample}>
          {t('sampleStart')} <span class="name">{SAMPLE_NAMES[0]}</span> {t('sampleMiddle')} <span class="name">{SAMPLE_NAMES[1]}</span> {t('sampleEnd')}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsWhereLegend')}</legend>
        <label>
          <input type="checkbox" name="paused" checked={settings.paused} onChange={() => void update({ ...settings, paused: !settings.paused })} /> {t('optionsPauseAll')}
        </label>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('optionsOnEverywhere')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => void update({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  {t('optionsSwitchBackOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p role="status">{status}</p>
      <PacksView actions={actions.packs} buildPack={actions.buildPack} />
    </main>
  );
}
