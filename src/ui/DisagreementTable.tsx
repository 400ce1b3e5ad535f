import type { Disagreement, Source } from '../shared/knowledge';

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

/**
 * One disagreement as a table: each source, its position, its verbatim evidence; then the
 * silent sources. `compact` (the popup) shows the carrying words of each piece of evidence and
 * opens its whole sentence on demand, so the table fits a narrow panel.
 */
export function DisagreementTable({ disagreement: d, sources, selected = false, compact = false }: { disagreement: Disagreement; sources: readonly Source[]; selected?: boolean; compact?: boolean }) {
  const label = (id: string) => sources.find((s) => s.id === id)?.label ?? id;
  const headingId = `d-${d.id}-h`;
  return (
    <section class={`disagreement${selected ? ' selected' : ''}`} id={d.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {d.topic} <span class="kind">{d.kind}</span>
      </h2>
      <p class="question">{d.question}</p>
      <table class={compact ? 'compact' : undefined}>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Position</th>
            {!compact && <th scope="col">Evidence (verbatim)</th>}
          </tr>
        </thead>
        <tbody>
          {d.positions.map((p) => (
            <tr key={p.sourceId} data-source={p.sourceId}>
              <th scope="row">{label(p.sourceId)}</th>
              {compact ? (
                <td>
                  <strong>{p.position}</strong>
                  {p.evidence.map((e, i) => (
                    <details key={i}>
                      <summary>“{e.quote}”</summary>
                      <Evidence quote={e.quote} sentence={e.sentence} />
                    </details>
                  ))}
                </td>
              ) : (
                <>
                  <td>{p.position}</td>
                  <td>
                    {p.evidence.map((e, i) => (
                      <Evidence key={i} quote={e.quote} sentence={e.sentence} />
                    ))}
                  </td>
                </>
              )}
            </tr>
          ))}
          {d.silent.map((id) => (
            <tr key={id} class="silent" data-source={id}>
              <th scope="row">{label(id)}</th>
              <td colSpan={compact ? 1 : 2}>Silent: says nothing on this point.</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.note && <p class="note">{d.note}</p>}
    </section>
  );
}
