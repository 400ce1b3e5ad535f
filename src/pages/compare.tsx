import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { bundledPack } from '../shared/bundled-pack';
import { distinctDisagreements } from '../shared/framing-note';
import { DisagreementTable } from '../ui/DisagreementTable';
import '../ui/pages.css';

/**
 * The full comparison, in a tab: every disagreement of the pack as a table of positions with
 * verbatim evidence. `#<disagreement id>` (the tooltip's "Compare") puts that one first.
 */
function ComparePage() {
  const [selected, setSelected] = useState(() => decodeURIComponent(location.hash.slice(1)));
  useEffect(() => {
    const onHash = () => setSelected(decodeURIComponent(location.hash.slice(1)));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const all = distinctDisagreements(bundledPack);
  const ordered = [...all.filter((d) => d.id === selected), ...all.filter((d) => d.id !== selected)];
  return (
    <main class="page">
      <h1>Where the sources disagree</h1>
      <p class="muted">
        {bundledPack.sources.length} sources on the 2016 U.S.–Russia Syria ceasefire talks. Every position is quoted from its source.
      </p>
      {ordered.map((d) => (
        <DisagreementTable key={d.id} disagreement={d} sources={bundledPack.sources} selected={d.id === selected} />
      ))}
    </main>
  );
}

render(<ComparePage />, document.getElementById('app')!);
