import { useState } from 'preact/hooks';
import type { Entity, Source } from '../shared/knowledge';

/** What the tooltip shows and what it can do; every string is rendered as text. */
export interface EntityTooltipProps {
  entity: Entity;
  /** All the pack's sources, so the silent ones can be named. */
  sources: readonly Source[];
  /** The sentence of the page around the hovered name, saved with a note. */
  quote: string;
  onSave(comment: string): Promise<void>;
  onClose(): void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** The card shown at a marked name: who it is, what each source says, and a note form. */
export function EntityTooltip({ entity, sources, quote, onSave, onClose }: EntityTooltipProps) {
  const [comment, setComment] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const byId = new Map(sources.map((s) => [s.id, s]));
  const mentioned = new Set(entity.mentions.map((m) => m.sourceId));
  const silent = sources.filter((s) => !mentioned.has(s.id));
  const titleId = `crossread-title-${entity.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    try {
      await onSave(comment);
      setSave({ kind: 'saved' });
      setComment('');
    } catch (err) {
      setSave({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div class="card" role="dialog" aria-labelledby={titleId} data-entity={entity.id}>
      <header>
        <h2 id={titleId}>{entity.name}</h2>
        <span class="type">{entity.type}</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {entity.role && <p class="role">{entity.role}</p>}
      <h3>
        In the sources <span class="muted">({mentioned.size} of {sources.length})</span>
      </h3>
      <ul class="mentions">
        {entity.mentions.map((m) => {
          const source = byId.get(m.sourceId);
          return (
            <li key={m.sourceId} class="mention" data-source={m.sourceId}>
              <div class="source">
                <strong>{source?.label ?? m.sourceId}</strong>
                {source && source.date !== 'unknown' && <span class="muted"> · {source.date}</span>}
                <span class="muted">
                  {' '}
                  · {m.count}× as {m.aliases.join(', ')}
                </span>
              </div>
              <blockquote>{m.sentence}</blockquote>
              {m.inComment && <p class="note">In a reader comment below the article, not the article itself.</p>}
            </li>
          );
        })}
      </ul>
      {silent.length > 0 && (
        <p class="silent">
          <span class="muted">Not mentioned by:</span> {silent.map((s) => s.label).join('; ')}
        </p>
      )}
      <form class="save" onSubmit={submit}>
        <label>
          <span>Note on this passage</span>
          <textarea
            name="comment"
            rows={2}
            value={comment}
            placeholder="Your comment (optional)"
            onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
        <p class="quote muted" title={quote}>
          Quote: “{quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}”
        </p>
        <div class="actions">
          <button type="submit" disabled={save.kind === 'saving'}>
            Save note
          </button>
          <span role="status" class={`status ${save.kind}`}>
            {save.kind === 'saving' && 'Saving…'}
            {save.kind === 'saved' && 'Saved.'}
            {save.kind === 'error' && `Not saved: ${save.message}`}
          </span>
        </div>
      </form>
    </div>
  );
}
