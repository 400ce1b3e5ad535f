import { isValidTime } from '../shared/protocol';

/** A note's time as shown; a note stored by an older version may hold an impossible one, shown as unknown. */
export function NoteTime({ time }: { time: number }) {
  if (!isValidTime(time)) return <span class="muted">date unknown</span>;
  const date = new Date(time);
  return <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>;
}
