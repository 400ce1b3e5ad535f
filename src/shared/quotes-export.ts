import { csvTable } from './csv';
import type { KnowledgePack } from './knowledge';

/** Header of the quotations export. */
export const QUOTES_CSV_HEADER = ['source', 'outlet', 'file', 'speaker', 'speaker_entity', 'kind', 'scare', 'start', 'end', 'text'] as const;

/**
 * Every quotation of every source as CSV, for researchers: who each outlet quotes, the words,
 * and offsets (UTF-16 code units into the source file as read) to check them against the file.
 * Quotations inside page clutter (reader comments) are left out: they are not the outlet's.
 */
export function quotesCsv(pack: KnowledgePack): string {
  const rows = pack.sources.flatMap((s) => {
    const text = s.text;
    return s.quotes
      .filter((q) => !s.excluded.some((x) => x.start <= q.start && q.end <= x.end))
      .map((q) => [s.id, s.label, s.file, q.speaker ?? '', q.speakerEntity ?? '', q.kind, q.scare ? 'yes' : 'no', String(q.start), String(q.end), text.slice(q.start, q.end)]);
  });
  return csvTable([[...QUOTES_CSV_HEADER], ...rows]);
}
