import { useMemo, useState } from 'preact/hooks';
import { locateEvidence } from '../shared/evidence';
import { FramingAnalyzer } from '../shared/framing';
import { distinctDisagreements, labelPhrases } from '../shared/framing-note';
import type { MessageKey, Translator } from '../shared/i18n';
import type { KnowledgePack, Source, SourceQuote } from '../shared/knowledge';
import { comparedCategories } from '../shared/page-analysis';
import { DisagreementTable } from './DisagreementTable';
import { useTranslator } from './use-translator';

/** What the compare view asks of its page. */
export interface CompareActions {
  print(): void;
  /** Saves what is shown (the `.comparison-doc` element) as one self-contained HTML file. */
  exportHtml(title: string): void;
  /** Saves every quotation (source, speaker, words, offsets) as CSV. */
  exportQuotes(): void;
}

/** What is picked: an entity (`entity:<id>`), a disagreement (its id), or nothing. */
export type Selection = string;

/** Highlight colours per framing category, in lexicon order (light, so dark text reads on them in both themes). */
export const CATEGORY_COLORS = ['#ffd6a5', '#caffbf', '#9bf6ff', '#ffc6ff', '#fdffb6', '#bdb2ff', '#ffadad', '#a0c4ff', '#e0e0e0'];

/** "Source A", "Source B"…: names that give nothing away (students-first mode). */
const anonymous = (i: number, t: Translator) => t('anonymousSource', String.fromCharCode(65 + i));

interface Segment {
  text: string;
  category?: string;
  focus: boolean;
  /** The quotation the words stand in (someone else's words, not the outlet's). */
  quote?: SourceQuote;
  /** Why the words are left out (page clutter). */
  excluded?: string;
}

interface Cut {
  start: number;
  end: number;
}

/** Cuts a text at every framing term, quotation, clutter span and focused sentence, so each piece renders as text. */
function segments(text: string, terms: readonly (Cut & { category: string })[], focus: readonly Cut[], quotes: readonly SourceQuote[], excluded: readonly (Cut & { reason: string })[]): Segment[] {
  const cuts = new Set([0, text.length, ...[...terms, ...focus, ...quotes, ...excluded].flatMap((t) => [t.start, t.end])]);
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (a: number, b: number) => (t: Cut) => t.start <= a && b <= t.end;
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const quote = quotes.find((q) => !q.scare && inside(a, b)(q));
    out.push({ text: text.slice(a, b), category: terms.find(inside(a, b))?.category, focus: focus.some(inside(a, b)), quote, excluded: excluded.find(inside(a, b))?.reason });
  }
  return out;
}

/** Quotations a source gives each speaker (clutter left out), with their words: most words first. */
function voicesOf(source: Source, text: string): { speaker: string; quotes: string[]; words: number }[] {
  const bySpeaker = new Map<string, string[]>();
  for (const q of source.quotes) {
    if (q.scare || source.excluded.some((x) => x.start <= q.start && q.end <= x.end)) continue;
    const who = q.speaker ?? UNNAMED;
    bySpeaker.set(who, [...(bySpeaker.get(who) ?? []), text.slice(q.start, q.end)]);
  }
  const words = (qs: string[]) => qs.reduce((n, q) => n + (q.match(/\S+/g)?.length ?? 0), 0);
  return [...bySpeaker].map(([speaker, quotes]) => ({ speaker, quotes, words: words(quotes) })).sort((a, b) => b.words - a.words || a.speaker.localeCompare(b.speaker));
}

/** Quotations with no speaker are grouped under this key (shown as "unnamed" in the reader's language). */
const UNNAMED = 'unnamed';

/** Words for each kind of page clutter (the pack's reasons). */
const CLUTTER_WORDS: Record<string, MessageKey> = {
  comments: 'clutterComments',
  footer: 'clutterFooter',
  related: 'clutterRelated',
  navigation: 'clutterNavigation',
  byline: 'clutterByline',
  credit: 'clutterCredit',
  tags: 'clutterTags',
  advert: 'clutterAdvert',
  share: 'clutterShare',
  newsletter: 'clutterNewsletter',
  'dateline-chrome': 'clutterDateline',
  header: 'clutterHeader',
};

/**
 * The compare view (a full tab, for classrooms and research): the corpus sources side by side
 * with framing terms highlighted per category and a legend; an entity or a disagreement picked
 * shows every source's wording for it, aligned, and marks those sentences in the texts;
 * students-first mode hides outlet names until revealed; print and self-contained HTML export.
 */
export function CompareView({ pack, actions, initial = '' }: { pack: KnowledgePack; actions: CompareActions; initial?: Selection }) {
  const [selection, setSelection] = useState<Selection>(initial);
  const [studentsFirst, setStudentsFirst] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const t = useTranslator();
  const categories = comparedCategories(pack);
  const analyzer = useMemo(() => new FramingAnalyzer(categories), [pack]);
  // Framing words are highlighted in the outlet's own voice only: quoted ones are someone else's.
  const spans = useMemo(() => new Map(pack.sources.map((s) => [s.id, analyzer.spans(s.text).filter((x) => x.voice === 'own')])), [pack, analyzer]);
  const disagreements = distinctDisagreements(pack);
  const entities = pack.entities.filter((e) => e.mentions.length >= 2).sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  const hidden = studentsFirst && !revealed;
  const name = (s: Source) => (hidden ? anonymous(pack.sources.indexOf(s), t) : s.label);
  const shownSources = pack.sources.map((s) => ({ ...s, label: name(s) }));
  const color = (category: string) => CATEGORY_COLORS[categories.findIndex((c) => c.id === category) % CATEGORY_COLORS.length];

  const entity = selection.startsWith('entity:') ? pack.entities.find((e) => e.id === selection.slice(7)) : undefined;
  const disagreement = disagreements.find((d) => d.id === selection);
  /** Sentences of each source to mark in its text: the picked entity's or the picked disagreement's evidence. */
  const focusOf = (sourceId: string): string[] =>
    entity
      ? (entity.mentions.find((m) => m.sourceId === sourceId)?.sentences ?? [])
      : (disagreement?.positions.find((p) => p.sourceId === sourceId)?.evidence.map((e) => e.sentence) ?? []);
  const title = entity ? t('compareEntityTitle', entity.name) : disagreement ? disagreement.topic : t('sourcesSideBySide');

  return (
    <main class="page compare">
      <h1>{t('compareHeading')}</h1>
      <p class="muted intro">{t('compareIntro', pack.sources.length, pack.story.title)}</p>
      <section class="controls" aria-label={t('compareWhat')}>
        <label>
          {t('entity')}{' '}
          <select value={entity ? selection : ''} onChange={(e) => setSelection((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">—</option>
            {entities.map((e) => (
              <option key={e.id} value={`entity:${e.id}`}>
                {e.name} ({t.plural('sources', e.mentions.length)})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('claim')}{' '}
          <select value={disagreement ? selection : ''} onChange={(e) => setSelection((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">—</option>
            {disagreements.map((d) => (
              <option key={d.id} value={d.id}>
                {d.topic}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            name="students-first"
            checked={studentsFirst}
            onChange={(e) => {
              setStudentsFirst((e.currentTarget as HTMLInputElement).checked);
              setRevealed(false);
            }}
          />{' '}
          {t('studentsFirst')}
        </label>
        {studentsFirst && (
          <button type="button" class="reveal" onClick={() => setRevealed(!revealed)}>
            {revealed ? t('hideOutletNames') : t('revealOutletNames')}
          </button>
        )}
        <button type="button" onClick={() => actions.print()}>
          {t('print')}
        </button>
        <button type="button" onClick={() => actions.exportHtml(title)}>
          {t('exportHtml')}
        </button>
        <button type="button" onClick={() => actions.exportQuotes()}>
          {t('exportQuotations')}
        </button>
      </section>
      <div class="comparison-doc">
        <h2 class="doc-title">{title}</h2>
        {hidden && <p class="muted">{t('namesHidden')}</p>}
        <ul class="legend" aria-label={t('framingCategories')}>
          {categories.map((c) => (
            <li key={c.id}>
              <mark style={{ background: color(c.id) }}>{c.label}</mark>
            </li>
          ))}
        </ul>
        {disagreement && <DisagreementTable disagreement={disagreement} sources={shownSources} selected />}
        {entity && (
          <section class="aligned" aria-labelledby="aligned-h">
            <h3 id="aligned-h">{t('eachSourcesWords', entity.name)}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('source')}</th>
                  <th scope="col">{t('callsIt')}</th>
                  <th scope="col">{t('wordsAtName')}</th>
                  <th scope="col">{t('sentenceVerbatim')}</th>
                </tr>
              </thead>
              <tbody>
                {shownSources.map((s) => {
                  const m = entity.mentions.find((x) => x.sourceId === s.id);
                  return m ? (
                    <tr key={s.id} data-source={s.id}>
                      <th scope="row">{s.label}</th>
                      <td>{m.aliases.join(', ')}</td>
                      <td>{labelPhrases(m, t).map((p) => p.text).join(t('listSeparator')) || '—'}</td>
                      <td>
                        <blockquote>{m.sentence}</blockquote>
                      </td>
                    </tr>
                  ) : (
                    <tr key={s.id} class="silent" data-source={s.id}>
                      <th scope="row">{s.label}</th>
                      <td colSpan={3}>{t('silentOnEntity', entity.name)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}
        <section class="voices" aria-labelledby="voices-h">
          <h3 id="voices-h">{t('voicesHeading')}</h3>
          <p class="muted">{t('voicesIntro')}</p>
          <div class="voice-grid" style={{ gridTemplateColumns: `repeat(${pack.sources.length}, minmax(160px, 1fr))` }}>
            {shownSources.map((s) => {
              const voices = voicesOf(s, s.text);
              return (
                <div key={s.id} class="voice-col" data-source={s.id}>
                  <h4>{s.label}</h4>
                  {voices.length === 0 ? (
                    <p class="muted">{t('quotesNobody')}</p>
                  ) : (
                    <ul>
                      {voices.map((v) => (
                        <li key={v.speaker} data-speaker={v.speaker}>
                          <details>
                            <summary>
                              {v.speaker === UNNAMED ? t('unnamedSpeakers') : v.speaker}{' '}
                              <span class="muted">· {t.plural('words', v.words)}{v.quotes.length > 1 ? `, ${t.plural('quotations', v.quotes.length)}` : ''}</span>
                            </summary>
                            {v.quotes.map((q, i) => (
                              <blockquote key={i}>{q}</blockquote>
                            ))}
                          </details>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </section>
        {/* Focusable: it scrolls sideways on narrow screens, and keyboard users must reach that scroll. */}
        <div class="columns" tabIndex={0} role="region" aria-label={t('sourcesSideBySide')} style={{ gridTemplateColumns: `repeat(${pack.sources.length}, minmax(260px, 1fr))` }}>
          {shownSources.map((s) => {
            const text = s.text;
            const focus = focusOf(s.id).flatMap((sentence) => locateEvidence(text, sentence) ?? []);
            return (
              <article key={s.id} class="source-col" data-source={s.id} aria-label={s.label}>
                <header>
                  <h3>{s.label}</h3>
                  {!hidden && (
                    <p class="muted">
                      {t.day(s.date)} · {s.kind}
                    </p>
                  )}
                </header>
                <div class="source-text">
                  {segments(text, spans.get(s.id) ?? [], focus, s.quotes, s.excluded).map((seg, i) => {
                    const inner = seg.category ? (
                      <mark data-category={seg.category} style={{ background: color(seg.category) }}>
                        {seg.text}
                      </mark>
                    ) : (
                      seg.text
                    );
                    const cls = [seg.focus && 'focus', seg.quote && 'quoted', seg.excluded && 'excluded'].filter(Boolean).join(' ');
                    const clutter = seg.excluded && CLUTTER_WORDS[seg.excluded];
                    const title = seg.excluded ? t('leftOut', clutter ? t(clutter) : seg.excluded) : seg.quote ? (seg.quote.speaker ? t('speakerQuoted', seg.quote.speaker) : t('unnamedSpeakerQuoted')) : undefined;
                    return (
                      <span key={i} class={cls || undefined} title={title} data-speaker={seg.quote?.speaker ?? undefined}>
                        {inner}
                      </span>
                    );
                  })}
                </div>
              </article>
            );
          })}
        </div>
      </div>
    </main>
  );
}
