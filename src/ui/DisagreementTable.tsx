import { holderPhrase } from '../shared/framing-note';
import type { Disagreement, Evidence, Source } from '../shared/knowledge';
import { useTranslator } from './use-translator';
import { DISAGREEMENT_KIND_NAMES } from './vocabulary';

/** The evidence sentence with the words that carry the position emphasised (all as text). */
function Evidence({ quote, sentence }: { quote: string; sentence: string }) {
  const at = sentence.indexOf(quote);
  if (at < 0) return <blockquote>{sentence}</blockquote>;
  return (
    <blockquote>
      {sentence.slice(0, at)}
      <mark>{quote}</mark>
      {sentence.slice(at + quote.length)}
    </blockquote>
  );
}

/** Evidence as the table shows it: the carrying words, and in compact form the whole sentence on demand. */
function EvidenceList({ evidence, compact }: { evidence: readonly Evidence[]; compact: boolean }) {
  const t = useTranslator();
  return compact ? (
    <>
      {evidence.map((e, i) => (
        <details key={i}>
          <summary>{t('quotedWords', e.quote)}</summary>
          <Evidence quote={e.quote} sentence={e.sentence} />
        </details>
      ))}
    </>
  ) : (
    <>
      {evidence.map((e, i) => (
        <Evidence key={i} quote={e.quote} sentence={e.sentence} />
      ))}
    </>
  );
}

/**
 * One disagreement as a table: each source in one of three states (takes a position, with
 * whose position it is and its verbatim evidence; touches the point without one; silent),
 * then notes: an apparent difference said to be one, sources written months apart.
 * `compact` (the popup) shows the carrying words of each piece of evidence and opens its
 * whole sentence on demand, so the table fits a narrow panel.
 */
export function DisagreementTable({ disagreement: d, sources, selected = false, compact = false }: { disagreement: Disagreement; sources: readonly Source[]; selected?: boolean; compact?: boolean }) {
  const label = (id: string) => sources.find((s) => s.id === id)?.label ?? id;
  const headingId = `d-${d.id}-h`;
  const t = useTranslator();
  return (
    <section class={`disagreement${selected ? ' selected' : ''}${d.apparent ? ' apparent' : ''}`} id={d.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {d.topic} <span class="kind">{d.apparent ? t('apparentDifference') : t(DISAGREEMENT_KIND_NAMES[d.kind])}</span>
      </h2>
      <p class="question">{d.question}</p>
      {d.apparent && <p class="apparent-note">{d.apparent}</p>}
      <table class={compact ? 'compact' : undefined}>
        <thead>
          <tr>
            <th scope="col">{t('source')}</th>
            <th scope="col">{t('position')}</th>
            {!compact && <th scope="col">{t('evidenceVerbatim')}</th>}
          </tr>
        </thead>
        <tbody>
          {d.positions.map((p) => {
            const whose = holderPhrase(p.holder, t);
            const about = (
              <>
                {whose && <span class="holder">{t('notOutletsOwn', whose)}</span>}
                {p.dateNote && <span class="date-note">{p.dateNote}</span>}
              </>
            );
            return (
              <tr key={p.sourceId} data-source={p.sourceId} data-holder={p.holder.voice}>
                <th scope="row">{label(p.sourceId)}</th>
                {compact ? (
                  <td>
                    <strong>{p.position}</strong>
                    {about}
                    <EvidenceList evidence={p.evidence} compact />
                  </td>
                ) : (
                  <>
                    <td>
                      {p.position}
                      {about}
                    </td>
                    <td>
                      <EvidenceList evidence={p.evidence} compact={false} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
          {d.mentions.map((m) => (
            <tr key={m.sourceId} class="mentions" data-source={m.sourceId}>
              <th scope="row">{label(m.sourceId)}</th>
              <td colSpan={compact ? 1 : 2}>
                {t('touchesWithoutPosition')}
                <EvidenceList evidence={m.evidence} compact />
              </td>
            </tr>
          ))}
          {d.silent.map((id) => (
            <tr key={id} class="silent" data-source={id}>
              <th scope="row">{label(id)}</th>
              <td colSpan={compact ? 1 : 2}>{t('silentOnPoint')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.note && <p class="note">{d.note}</p>}
    </section>
  );
}
