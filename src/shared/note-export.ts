import type { Note } from './protocol';

/**
 * Notes in the formats other tools read. Pure functions: the library page (and tests) call
 * them; nothing here touches the browser.
 */

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWN_IRI = 'urn:crossread:note:';

/** A note's id as the IRI an annotation needs: `urn:uuid:` for Crossread's own ids, a Crossread URN for others. */
export function noteIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${OWN_IRI}${encodeURIComponent(id)}`;
}

/** The note id an annotation's IRI stands for (the inverse of `noteIri`; other IRIs are kept whole). */
export function noteIdFromIri(iri: string): string {
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(OWN_IRI)) return decodeURIComponent(iri.slice(OWN_IRI.length));
  return iri;
}

/** One note as a W3C Web Annotation (JSON-LD). Crossread's own fields ride along under `crossread`. */
export function toWebAnnotation(note: Note): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (note.comment) body.push({ type: 'TextualBody', value: note.comment, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  // A note saved before selectors existed has its quote alone (no context), and an empty quote none.
  const selector: Record<string, unknown>[] = note.selector
    ? [{ type: 'TextQuoteSelector', ...note.selector.quote }]
    : note.quote
      ? [{ type: 'TextQuoteSelector', exact: note.quote }]
      : [];
  if (note.selector?.position) selector.push({ type: 'TextPositionSelector', ...note.selector.position });
  return {
    '@context': ANNO_CONTEXT,
    id: noteIri(note.id),
    type: 'Annotation',
    motivation: note.comment ? 'commenting' : 'highlighting',
    created: new Date(note.createdAt).toISOString(),
    ...(body.length > 0 ? { body } : {}),
    target: selector.length > 0 ? { source: note.url, selector } : note.url,
    crossread: { title: note.title, color: note.color, entityIds: note.entityIds, ...(note.placement ? { placement: note.placement } : {}) },
  };
}

/** All notes as one W3C AnnotationCollection with a single page. */
export function toAnnotationCollection(notes: readonly Note[]): Record<string, unknown> {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Crossread notes',
    total: notes.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toWebAnnotation) },
  };
}

/** A CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const CSV_HEADER = ['id', 'created', 'url', 'title', 'quote', 'comment', 'tags', 'color', 'entities'] as const;

/** Notes as RFC 4180 CSV (CRLF line ends, a header row); tags and entities joined with "; ". */
export function toCsv(notes: readonly Note[]): string {
  const rows = notes.map((n) => [n.id, new Date(n.createdAt).toISOString(), n.url, n.title, n.quote, n.comment, n.tags.join('; '), n.color, n.entityIds.join('; ')]);
  return [[...CSV_HEADER], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Markdown text: page text is escaped so it cannot become links, headings or markup. */
function mdText(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
}

/** Notes as Markdown, grouped by page (pages in order of their newest note), each quote as a block quote. */
export function toMarkdown(notes: readonly Note[]): string {
  const byUrl = new Map<string, Note[]>();
  for (const n of [...notes].sort((a, b) => b.createdAt - a.createdAt)) byUrl.set(n.url, [...(byUrl.get(n.url) ?? []), n]);
  const out = ['# Crossread notes', ''];
  for (const [url, list] of byUrl) {
    out.push(`## [${mdText(list[0]!.title || url)}](<${url.replace(/>/g, '%3E')}>)`, '');
    for (const n of list) {
      out.push(...n.quote.split('\n').map((line) => `> ${mdText(line)}`), '');
      if (n.comment) out.push(mdText(n.comment), '');
      const meta = [new Date(n.createdAt).toISOString().slice(0, 10), n.color, ...n.tags.map((t) => `#${mdText(t)}`)];
      out.push(`*${meta.join(' · ')}*`, '');
    }
  }
  return out.join('\n');
}
