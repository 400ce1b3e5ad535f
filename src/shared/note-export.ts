import { csvTable } from './csv';
import { isValidTime, isWebAddress, type Note } from './protocol';

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

/** A time as ISO 8601, or `undefined` for one no date can hold (notes stored by older versions). */
const isoTime = (t: number): string | undefined => (isValidTime(t) ? new Date(t).toISOString() : undefined);

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
    ...(isoTime(note.createdAt) ? { created: isoTime(note.createdAt) } : {}),
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

export const CSV_HEADER = ['id', 'created', 'url', 'title', 'quote', 'comment', 'tags', 'color', 'entities'] as const;

/** Notes as RFC 4180 CSV (CRLF line ends, a header row); tags and entities joined with "; ". */
export function toCsv(notes: readonly Note[]): string {
  const rows = notes.map((n) => [n.id, isoTime(n.createdAt) ?? '', n.url, n.title, n.quote, n.comment, n.tags.join('; '), n.color, n.entityIds.join('; ')]);
  return csvTable([[...CSV_HEADER], ...rows]);
}

/**
 * Markdown text: page text is escaped so it cannot become links, headings, HTML, entities or
 * other markup (every character CommonMark and GitHub's extensions give a meaning, `=` for
 * setext headings, `&` for entities, `~` for strikethrough), and every line ending is `\n`.
 */
function mdText(s: string): string {
  return lines(s).replace(/([\\`*_{}[\]()#+\-.!|<>&~=])/g, '\\$1');
}

/** Line endings as `\n` (a lone CR is a line ending in Markdown too). */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

/**
 * A page's title as a Markdown link to its address, or as plain text when the address is not
 * a web page's. The address is written as the URL parser reads it, with anything that could
 * end the link (`<`, `>`, a backslash, whitespace) percent-encoded.
 */
function mdLink(title: string, url: string): string {
  const label = mdText(title || url).replace(/\n/g, ' ');
  if (!isWebAddress(url)) return `${label} (not a web address: ${mdText(url).replace(/\n/g, ' ')})`;
  const href = new URL(url).href.replace(/[<>\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](<${href}>)`;
}

/** Notes as Markdown, grouped by page (pages in order of their newest note), each quote as a block quote. */
export function toMarkdown(notes: readonly Note[]): string {
  const byUrl = new Map<string, Note[]>();
  for (const n of [...notes].sort((a, b) => b.createdAt - a.createdAt)) byUrl.set(n.url, [...(byUrl.get(n.url) ?? []), n]);
  const out = ['# Crossread notes', ''];
  for (const [url, list] of byUrl) {
    out.push(`## ${mdLink(list[0]!.title, url)}`, '');
    for (const n of list) {
      out.push(...mdText(n.quote).split('\n').map((line) => `> ${line}`), '');
      if (n.comment) out.push(mdText(n.comment), '');
      const meta = [isoTime(n.createdAt)?.slice(0, 10) ?? 'date unknown', n.color, ...n.tags.map((t) => `#${mdText(t)}`)];
      out.push(`*${meta.join(' · ')}*`, '');
    }
  }
  return out.join('\n');
}
