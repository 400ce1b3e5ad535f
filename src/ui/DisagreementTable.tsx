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

/** One disagreement as a table: each source, its position, its verbatim evidence; then the silent sources. */
export function DisagreementTable({ disagreement: d, sources, selected = false }: { disagreement: Disagreement; sources: readonly Source[]; selected?: boolean }) {
  const label = (id: string) => sources.find((s) => s.id === id)?.label ?? id;
  const headingId = `d-${d.id}-h`;
  return (
    <section class={`disagreement${selected ? ' selected' : ''}`} id={d.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {d.topic} <span class="kind">{d.kind}</span>
      </h2>
      <p class="question">{d.question}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Position</th>
            <th scope="col">Evidence (verbatim)</th>
          </tr>
        </thead>
        <tbody>
          {d.positions.map((p) => (
            <tr key={p.sourceId} data-source={p.sourceId}>
              <th scope="row">{label(p.sourceId)}</th>
              <td>{p.position}</td>
              <td>
                {p.evidence.map((e, i) => (
                  <Evidence key={i} quote={e.quote} sentence={e.sentence} />
                ))}
              </td>
            </tr>
          ))}
          {d.silent.map((id) => (
            <tr key={id} class="silent" data-source={id}>
              <th scope="row">{label(id)}</th>
              <td colSpan={2}>Silent: says nothing on this point.</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.note && <p class="note">{d.note}</p>}
    </section>
  );
}
