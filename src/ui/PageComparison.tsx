import { useState } from 'preact/hooks';
import { framingNote } from '../shared/framing-note';
import type { Translator } from '../shared/i18n';
import type { KnowledgePack } from '../shared/knowledge';
import { comparedCategories, labellingCategories, type PageAnalysis, type SourceSimilarity } from '../shared/page-analysis';
import type { PackIndex } from '../shared/pack-index';
import { DisagreementTable } from './DisagreementTable';
import { FramingChart } from './FramingChart';
import { useTranslator } from './use-translator';

/** Disagreement tables shown before "Show all". */
const FIRST_TABLES = 3;

/** A few of the lexicon's labelling words, as examples for readers ("“militants”, “strikers”"): the pack's own. */
function exampleWords(pack: KnowledgePack, t: Translator): string {
  const words = labellingCategories(pack).flatMap((c) => c.terms.slice(0, 1).map((x) => (typeof x === 'string' ? x : x.text)));
  return quoted(words, t) || t('labellingWords');
}

const quoted = (terms: readonly string[], t: Translator, n = 3) => terms.slice(0, n).map((x) => t('quotedWords', x)).join(', ');

/** One source's score in words a student reads: how alike, and which words make it so. */
function similarityWords(s: SourceSimilarity, t: Translator): string {
  const parts = [s.shared.length > 0 ? t('similarityBoth', quoted(s.shared, t)) : t('similarityNone')];
  if (s.pageOnly.length > 0) parts.push(t('similarityPageOnly', quoted(s.pageOnly, t, 2)));
  if (s.sourceOnly.length > 0) parts.push(t('similaritySourceOnly', quoted(s.sourceOnly, t, 2)));
  return parts.join(t('listSeparator'));
}

/**
 * The page against the corpus: the pack's disagreements that concern it, how it frames the
 * story next to each source (phrases with evidence, a similarity per source, a chart), and
 * figures on it that conflict with the sources'. A page with nothing of the story says so.
 */
export function PageComparison({ analysis, index, truncated = false }: { analysis: PageAnalysis; index: PackIndex; truncated?: boolean }) {
  const [allTables, setAllTables] = useState(false);
  const t = useTranslator();
  const { pack } = index;
  const label = (id: string) => index.source(id)?.label ?? id;
  if (!analysis.hasStory) {
    return (
      <section class="comparison" aria-labelledby="comparison-h">
        <h2 id="comparison-h">{t('comparedHeading')}</h2>
        <p class="empty no-story">{t('noStory', pack.story.title, pack.sources.length)}</p>
      </section>
    );
  }
  const phrases = framingNote(pack.framing.categories, analysis.profile, t, 5);
  const used = analysis.profile.some((c) => c.count > 0);
  const tables = allTables ? analysis.disagreements : analysis.disagreements.slice(0, FIRST_TABLES);
  return (
    <>
      {truncated && <p class="muted">{t('pageTruncated', 2_000_000)}</p>}
      <section class="disagreements" aria-labelledby="disagree-h">
        <h2 id="disagree-h">
          {t('whereSourcesDisagree')} <span class="muted">({t.number(analysis.disagreements.length)})</span>
        </h2>
        {analysis.disagreements.length === 0 ? (
          <p class="empty">{t('noDisagreementHere')}</p>
        ) : (
          tables.map((d) => <DisagreementTable key={d.id} disagreement={d} sources={pack.sources} compact />)
        )}
        {analysis.disagreements.length > FIRST_TABLES && (
          <button type="button" class="more" aria-expanded={allTables} onClick={() => setAllTables(!allTables)}>
            {allTables ? t('showFewer') : t('showAllCount', analysis.disagreements.length)}
          </button>
        )}
      </section>
      <section class="framing" aria-labelledby="framing-h">
        <h2 id="framing-h">{t('pageFramingHeading')}</h2>
        {!used ? (
          <p class="empty">{t('pageNoFraming', exampleWords(pack, t))}</p>
        ) : (
          <>
            <ul class="page-framing">
              {phrases.map((p) => (
                <li key={p.text}>
                  <details>
                    <summary>{t('thisPageSays', p.text)}</summary>
                    <blockquote class="evidence">{p.evidence}</blockquote>
                  </details>
                </li>
              ))}
            </ul>
            <h3>{t('closestHeading')}</h3>
            <ol class="similarity">
              {analysis.similarity.map((s) => (
                <li key={s.sourceId} data-source={s.sourceId}>
                  <span class="name">{label(s.sourceId)}</span>{' '}
                  {s.enough ? (
                    <>
                      <meter min={0} max={1} value={s.score} aria-label={t('alikeLabel', t.number(s.score, { style: 'percent' }))} />{' '}
                      <span class="score">{t.number(s.score, { style: 'percent' })}</span>
                    </>
                  ) : (
                    <span class="score muted">{t('tooFewForScore')}</span>
                  )}
                  <span class="why muted">{similarityWords(s, t)}</span>
                </li>
              ))}
            </ol>
            <p class="muted note">
              {t('alikeExplained', exampleWords(pack, t))}
            </p>
          </>
        )}
        <FramingChart
          title={t('chartTitle', 1000)}
          categories={comparedCategories(pack)}
          series={[
            ...pack.framing.profiles.map((p) => ({ id: p.sourceId, label: label(p.sourceId), counts: p.counts, words: index.source(p.sourceId)?.words ?? 0 })),
            { id: 'page', label: t('thisPage'), counts: analysis.profile, words: analysis.words, isPage: true },
          ]}
        />
      </section>
      <section class="conflicts" aria-labelledby="conflicts-h">
        <h2 id="conflicts-h">{t('conflictsHeading')}</h2>
        {analysis.conflicts.length === 0 ? (
          <p class="empty">{t('noConflicts')}</p>
        ) : (
          analysis.conflicts.map((c) => (
            <div key={`${c.measure}=${c.page.value}`} class="conflict" data-measure={c.measure}>
              <h3>{c.topic}</h3>
              <table>
                <tbody>
                  <tr class="page-row">
                    <th scope="row">{t('thisPage')}</th>
                    <td>
                      <strong>{c.page.text}</strong>
                      <blockquote>{c.page.sentence}</blockquote>
                    </td>
                  </tr>
                  {c.sources.map((s, i) => (
                    <tr key={i} data-source={s.sourceId} class={s.relation === 'differs' ? 'differs' : 'agrees'}>
                      <th scope="row">{label(s.sourceId)}</th>
                      <td>
                        <strong>{s.text}</strong>{' '}
                        <span class="muted">({s.relation === 'same' ? t('relationSame') : s.relation === 'apparent' ? t('relationApparent') : t('relationDiffers')})</span>
                        <blockquote>{s.sentence}</blockquote>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        )}
      </section>
    </>
  );
}
