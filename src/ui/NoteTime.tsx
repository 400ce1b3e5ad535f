import { isValidTime } from '../shared/protocol';
import { useTranslator } from './use-translator';

/** A note's time as shown; a note stored by an older version may hold an impossible one, shown as unknown. */
export function NoteTime({ time }: { time: number }) {
  const t = useTranslator();
  if (!isValidTime(time)) return <span class="muted">{t('dateUnknown')}</span>;
  const date = new Date(time);
  return <time dateTime={date.toISOString()}>{t.dateTime(date)}</time>;
}
