import { useState } from 'preact/hooks';
import { errorText, type MessageKey } from '../shared/i18n';
import { NOTE_COLORS, parseTags, type NoteColor } from '../shared/protocol';
import { useTranslator } from './use-translator';

/** Each colour's name, as readers see it. */
const COLOR_NAMES: Record<NoteColor, MessageKey> = { yellow: 'colorYellow', green: 'colorGreen', blue: 'colorBlue', pink: 'colorPink', purple: 'colorPurple' };

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** What a note form edits. */
export interface NoteFields {
  comment: string;
  tags: string[];
  color: NoteColor;
}

/**
 * The note form shared by the entity card, the selection card and the library's editor:
 * comment, tags, colour, the quote it saves. Given `initial`, it edits a saved note and keeps
 * what was typed after saving; otherwise it drafts new notes and clears after each.
 */
export function NoteForm({ quote, onSave, initial }: { quote: string; onSave(note: NoteFields): Promise<void>; initial?: NoteFields }) {
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [color, setColor] = useState<NoteColor>(initial?.color ?? NOTE_COLORS[0]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const t = useTranslator();
  const submit = async (e: Event) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    try {
      await onSave({ comment, tags: parseTags(tags), color });
      setSave({ kind: 'saved' });
      if (initial) return;
      setComment('');
      setTags('');
    } catch (err) {
      setSave({ kind: 'error', message: errorText(err, t) });
    }
  };

  return (
    <form class="save" onSubmit={submit}>
      <label>
        <span>{initial ? t('noteComment') : t('noteOnPassage')}</span>
        <textarea
          name="comment"
          rows={2}
          value={comment}
          placeholder={t('noteCommentPlaceholder')}
          onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="row">
        <label class="tags">
          <span>{t('tags')}</span>
          <input
            name="tags"
            value={tags}
            placeholder={t('tagsPlaceholder')}
            onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <fieldset class="colors">
          <legend>{t('colour')}</legend>
          {NOTE_COLORS.map((c) => (
            <label key={c} class={`swatch ${c}`} title={t(COLOR_NAMES[c])}>
              <input type="radio" name="color" value={c} checked={color === c} aria-label={t(COLOR_NAMES[c])} onChange={() => setColor(c)} />
            </label>
          ))}
        </fieldset>
      </div>
      <p class="quote muted" title={quote}>
        {t('noteQuote', quote.length > 160 ? `${quote.slice(0, 157)}…` : quote)}
      </p>
      <div class="actions">
        <button type="submit" disabled={save.kind === 'saving'}>
          {initial ? t('saveChanges') : t('saveNote')}
        </button>
        <span role="status" class={`status ${save.kind}`}>
          {save.kind === 'saving' && t('saving')}
          {save.kind === 'saved' && t('saved')}
          {save.kind === 'error' && t('notSaved', save.message)}
        </span>
      </div>
    </form>
  );
}

/** The card for a note on a selected passage of the page. */
export function SelectionNote({ quote, onSave, onClose }: { quote: string; onSave(note: NoteFields): Promise<void>; onClose(): void }) {
  const t = useTranslator();
  return (
    <div class="card" role="dialog" aria-labelledby="crossread-selection-title">
      <header>
        <h2 id="crossread-selection-title">{t('noteOnSelection')}</h2>
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <NoteForm quote={quote} onSave={onSave} />
    </div>
  );
}
