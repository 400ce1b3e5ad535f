import { useState } from 'preact/hooks';
import { framingNote } from '../shared/framing-note';
import type { KnowledgePack } from '../shared/knowledge';
import { comparedCategories, labellingCategories, type PageAnalysis, type SourceSimilarity } from '../shared/page-analysis';
import type { PackIndex } from '../shared/pack-index';
import { DisagreementTable } from './DisagreementTable';
import { FramingChart } from './FramingChart';

/** Disagreement tables shown before "Show all". */
const FIRST_TABLES = 3;

/** A few of the lexicon's labelling words, as examples for readers ("“militants”, “strikers”"): the pack's own. */
function exampleWords(pack: KnowledgePack): string {
  const words = labellingCategories(pack).flatMap((c) => c.terms.slice(0, 1).map((t) => (typeof t === 'string' ? t : t.text)));
  return words.slice(0, 3).map((w) => `“${w}”`).join(', ') || 'labelling words';
}

const quoted = (terms: readonly string[], n = 3) => terms.slice(0, n).map((t) => `“${t}”`).join(', ');

/** One source's score in words a student reads: how alike, and which words make it so. */
function similarityWords(s: SourceSimilarity): string {
  const parts = [s.shared.length > 0 ? `both use ${quoted(s.shared)}` : 'no framing word in common'];
  if (s.pageOnly.length > 0) parts.push(`only this page says ${quoted(s.pageOnly, 2)}`);
  if (s.sourceOnly.length > 0) parts.push(`only the source says ${quoted(s.sourceOnly, 2)}`);
  return parts.join('; ');
}

/**
 * The page against the corpus: the pack's disagreements that concern it, how it frames the
 * story next to each source (phrases with evidence, a similarity per source, a chart), and
 * figures on it that conflict with the sources'. A page with nothing of the story says so.
 */
export function PageComparison({ analysis, index, truncated = false }: { analysis: PageAnalysis; index: PackIndex; truncated?: boolean }) {
  const [allTables, setAllTables] = useState(false);
  const { pack } = index;
  const label = (id: string) => index.source(id)?.label ?? id;
  if (!analysis.hasStory) {
    return (
      <section class="comparison" aria-labelledby="comparison-h">
        <h2 id="comparison-h">Compared with the sources</h2>
        <p class="empty no-story">
          Nothing on this page belongs to the story Crossread knows ({pack.story.title}): no names, figures or disagreements from its{' '}
          {pack.sources.length} sources, so there is nothing to compare here.
        </p>
      </section>
    );
  }
  const phrases = framingNote(pack.framing.categories, analysis.profile, 5);
  const used = analysis.profile.some((c) => c.count > 0);
  const tables = allTables ? analysis.disagreements : analysis.disagreements.slice(0, FIRST_TABLES);
  return (
    <>
      {truncated && <p class="muted">This page is very long: only its first 2,000,000 characters were compared.</p>}
      <section class="disagreements" aria-labelledby="disagree-h">
        <h2 id="disagree-h">
          Where the sources disagree <span class="muted">({analysis.disagreements.length})</span>
        </h2>
        {analysis.disagreements.length === 0 ? (
          <p class="empty">None of the points where the sources disagree concerns this page’s names.</p>
        ) : (
          tables.map((d) => <DisagreementTable key={d.id} disagreement={d} sources={pack.sources} compact />)
        )}
        {analysis.disagreements.length > FIRST_TABLES && (
          <button type="button" class="more" aria-expanded={allTables} onClick={() => setAllTables(!allTables)}>
            {allTables ? 'Show fewer' : `Show all ${analysis.disagreements.length}`}
          </button>
        )}
      </section>
      <section class="framing" aria-labelledby="framing-h">
        <h2 id="framing-h">How this page frames it</h2>
        {!used ? (
          <p class="empty">This page uses none of the framing words Crossread counts ({exampleWords(pack)}, scare quotes…).</p>
        ) : (
          <>
            <ul class="page-framing">
              {phrases.map((p) => (
                <li key={p.text}>
                  <details>
                    <summary>This page: {p.text}</summary>
                    <blockquote class="evidence">{p.evidence}</blockquote>
                  </details>
                </li>
              ))}
            </ul>
            <h3>Closest in wording</h3>
            <ol class="similarity">
              {analysis.similarity.map((s) => (
                <li key={s.sourceId} data-source={s.sourceId}>
                  <span class="name">{label(s.sourceId)}</span>{' '}
                  {s.enough ? (
                    <>
                      <meter min={0} max={1} value={s.score} aria-label={`${Math.round(s.score * 100)}% alike`} />{' '}
                      <span class="score">{Math.round(s.score * 100)}%</span>
                    </>
                  ) : (
                    <span class="score muted">too few shared framing words for a score</span>
                  )}
                  <span class="why muted">{similarityWords(s)}</span>
                </li>
              ))}
            </ol>
            <p class="muted note">
              Alike = how much the two texts share the same labelling words ({exampleWords(pack)}, scare quotes…) in the same proportions, counted in their own voice (quotations left out); cosine similarity of the word counts, not whether they agree. Below three shared words no score is given.
            </p>
          </>
        )}
        <FramingChart
          title="Framing words per 1,000 words, by category: each source and this page"
          categories={comparedCategories(pack)}
          series={[
            ...pack.framing.profiles.map((p) => ({ id: p.sourceId, label: label(p.sourceId), counts: p.counts, words: index.source(p.sourceId)?.words ?? 0 })),
            { id: 'page', label: 'This page', counts: analysis.profile, words: analysis.words, isPage: true },
          ]}
        />
      </section>
      <section class="conflicts" aria-labelledby="conflicts-h">
        <h2 id="conflicts-h">This page says something else</h2>
        {analysis.conflicts.length === 0 ? (
          <p class="empty">No figure or date on this page differs from the sources’.</p>
        ) : (
          analysis.conflicts.map((c) => (
            <div key={`${c.measure}=${c.page.value}`} class="conflict" data-measure={c.measure}>
              <h3>{c.topic}</h3>
              <table>
                <tbody>
                  <tr class="page-row">
                    <th scope="row">This page</th>
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
                        <span class="muted">({s.relation === 'same' ? 'same as this page' : s.relation === 'apparent' ? 'can be the same: a bound or a loose figure' : 'differs'})</span>
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
