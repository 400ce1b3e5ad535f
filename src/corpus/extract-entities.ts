import nlp from 'compromise';
import { fold } from '../shared/fold';
import type { EntityType } from '../shared/knowledge';

/** A name the NLP pass found, with how often and where. */
export interface Candidate {
  text: string;
  type: EntityType;
  count: number;
  files: string[];
}

/** Words compromise leaves on names that are titles or functions, not part of the name. */
const TITLES = new Set(
  ['minister', 'president', 'presidents', 'secretary', 'general', 'director', 'spokesman', 'foreign', 'prime', 'senator', 'envoy', 'mr', 'mrs', 'ms', 'dr', 'state', 'of'].map((w) => w),
);
const DEMONYMS = ['syrian', 'russian', 'american', 'western', 'muslim', 'turkish', 'iraqi', 'iranian', 'kurdish', 'german', 'libyan', 'arab', 'islamist', 'jihadist', 'christian'];
/** Capitalised words that are not names: demonyms, pronouns, sentence openers, weekdays, page chrome. */
const NOT_NAMES = new Set(
  [
    'we', 'it', 'i', 'he', 'she', 'they', 'the', 'this', 'that', 'but', 'and', 'if', 'so', 'then', 'there', 'who', 'what', 'when', 'his', 'her',
    ...DEMONYMS,
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today',
    'reply', 'share', 'advertisement', 'related articles', 'post a comment', 'home latest news', 'world news', 'comment',
  ],
);
const TYPE_ORDER: EntityType[] = ['person', 'place', 'organization', 'armed group', 'institution', 'event'];

/** Cleans one raw span: split at dashes, strip punctuation, possessives and leading titles. */
export function cleanCandidate(raw: string): string[] {
  return raw
    .split(/[\u2014\u2013,;:/|()[\]]|\s-\s/u)
    .map((part) => {
      // Keep the final dot of dotted initials ("U.S."), strip other edge punctuation and possessives.
      const dotted = /(?:\b\p{Lu}\.){2,}$/u.test(part.trim());
      let words = part
        .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
        .replace(/['\u2019]s$/u, '')
        .replace(/\s+/g, ' ')
        .trim()
        .split(' ');
      const lead = (w: string) => w.toLowerCase().replace(/\.$/, '');
      // "Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov", but "Muslim Brotherhood" stays.
      const isTitle = (i: number) => TITLES.has(lead(words[i] ?? '')) || (DEMONYMS.includes(lead(words[i] ?? '')) && TITLES.has(lead(words[i + 1] ?? '')));
      while (words.length > 1 && isTitle(0)) words = words.slice(1);
      const text = words.join(' ').replace(/[\s\p{P}]+$/u, '');
      return dotted ? `${text}.` : text;
    })
    .filter((c) => c.length > 1 && /\p{Lu}/u.test(c) && !NOT_NAMES.has(c.toLowerCase()) && !/^\d/.test(c));
}

interface Found {
  text: string;
  type: EntityType;
  /** `file:offset` of every mention found, so two extractors finding one mention count it once. */
  at: Set<string>;
}

/** The matches of a compromise view with their text and offset in the document. */
type View = { json(options: { offset: true }): { text: string; offset: { start: number } }[] };

/**
 * Finds people, places and organisations in texts with compromise (its named-entity tags
 * and its proper-noun chunks, joined across "of"/"for", as in "Voice of America"), cleans
 * them and counts their mentions. Deterministic: sorted by type, count and text.
 */
export function extractCandidates(texts: readonly { file: string; text: string }[]): Candidate[] {
  const found = new Map<string, Found>();
  const add = (view: View, type: EntityType, file: string) => {
    for (const { text: raw, offset } of view.json({ offset: true })) {
      for (const text of cleanCandidate(raw)) {
        let c = found.get(fold(text));
        if (!c) found.set(fold(text), (c = { text, type, at: new Set() }));
        // A named-entity tag beats the untyped proper-noun guess.
        else if (c.type === 'organization' && type !== 'organization') c.type = type;
        c.at.add(`${file}:${offset.start + Math.max(0, raw.indexOf(text))}`);
      }
    }
  };
  for (const { file, text } of texts) {
    const doc = nlp(text);
    add(doc.people().not('#Honorific'), 'person', file);
    add(doc.places(), 'place', file);
    add(doc.organizations(), 'organization', file);
    add(doc.acronyms(), 'organization', file);
    add(doc.match('#ProperNoun+ (of|for) the? #ProperNoun+'), 'organization', file);
    add(doc.match('#ProperNoun+').not('#Honorific'), 'organization', file);
  }
  // "John Kerry" found only as a proper noun is a person when "Kerry" was tagged one.
  const personWords = new Set([...found.values()].filter((c) => c.type === 'person').map((c) => fold(c.text.split(' ').at(-1)!)));
  for (const c of found.values()) {
    if (c.type === 'organization' && c.text.includes(' ') && personWords.has(fold(c.text.split(' ').at(-1)!))) c.type = 'person';
  }
  return [...found.values()]
    .map(({ text, type, at }) => ({ text, type, count: at.size, files: [...new Set([...at].map((a) => a.slice(0, a.lastIndexOf(':'))))].sort() }))
    .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || b.count - a.count || a.text.localeCompare(b.text));
}

/**
 * Candidates worth an entity of their own in a pack built without a catalog: a name the
 * named-entity pass typed, or any proper noun seen at least twice.
 */
export function isLikelyEntity(c: Candidate): boolean {
  return c.count >= 2 || c.type !== 'organization' || c.text.includes(' ');
}
