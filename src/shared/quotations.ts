/**
 * Direct quotations in a text: every style of quotation mark, quotations that run over
 * paragraphs, and block quotations that a text presents as verbatim without marks (transcript
 * turns after a speaker label, a statement after "said:"). Who speaks is decided apart (see
 * speakers.ts); this module only finds the words and their shape. Pure and DOM-free: the
 * knowledge build, the page analysis and a build in the browser all use it.
 */

/** `full`: a sentence or more; `partial`: a few words inside the writer's sentence; `block`: verbatim without marks. */
export type QuoteKind = 'full' | 'partial' | 'block';

/** One quoted stretch: `start`/`end` bound the words between the marks (or the block's words). */
export interface Quotation {
  start: number;
  end: number;
  kind: QuoteKind;
  /**
   * Quotations of one utterance share a group: the paragraphs of a quotation that runs over
   * several, or the paragraphs of one block. Speakers are decided per group.
   */
  group: number;
  /** For a transcript turn: the speaker label as printed ("MAYOR LOPEZ"), and a name in brackets after it. */
  label?: string;
  labelNote?: string;
  /** For a block after "said:": the offset of the colon that introduces it. */
  introducedAt?: number;
  /** Short words with no sentence of their own: scare quotes unless someone is quoted as saying them. */
  short: boolean;
  /** "so-called “reform”": the text itself says the words are not its own. */
  soCalled: boolean;
}

/** A paragraph: one line of the text, trimmed; offsets into the whole text. */
export interface Paragraph {
  start: number;
  end: number;
}

/** Non-blank lines with offsets into the text (trailing and leading space left out). */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) out.push({ start: at + lead, end: at + lead + body.length });
    at += line.length + 1;
  }
  return out;
}

interface Opener {
  /** Characters that close it. */
  closers: string;
  /** Straight and curly single marks double as apostrophes. */
  single: boolean;
  /** Straight marks look the same open and shut. */
  straight: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);
const isSpace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch);
/** What may stand before an opening mark: nothing, space, an opening bracket, a dash or a slash. */
const isOpenContext = (ch: string | undefined) => ch === undefined || /[\s([{\u2014\u2013/-]/u.test(ch);

/** The opening mark at `i`, if the character there opens a quotation in its context. */
function openerAt(s: string, i: number, lineStart: number): Opener | undefined {
  const ch = s[i]!;
  const prev = i > lineStart ? s[i - 1] : undefined;
  const next = s[i + 1];
  switch (ch) {
    case '\u201C': // “ (English open; a German close is taken by „ before it is met here)
      return isSpace(next) && !isLetter(s[i + 2]) ? undefined : { closers: '\u201D\u201C', single: false, straight: false };
    case '\u201E': // „ German and Polish open
      return { closers: '\u201C\u201D', single: false, straight: false };
    case '\u00AB': // « French
      return { closers: '\u00BB', single: false, straight: false };
    case '\u00BB': // » reversed (German, Danish): only where a word follows at a word start
      return isOpenContext(prev) && isLetter(next) ? { closers: '\u00AB', single: false, straight: false } : undefined;
    case '\u2039':
      return { closers: '\u203A', single: false, straight: false };
    case '\u201D': // ” used as an opener by some sites: only at a word start
      return isOpenContext(prev) && isLetter(next) ? { closers: '\u201D', single: false, straight: false } : undefined;
    case '"':
      return isOpenContext(prev) && !isSpace(next) ? { closers: '"', single: false, straight: true } : undefined;
    case '\u2018': // ‘
    case "'":
    case '\u201A': // ‚ German single open
      if (ch !== '\u201A' && (!isOpenContext(prev) && !/["\u201C\u00AB]/u.test(prev ?? '')) ) return undefined;
      // A single mark opens before a letter only ("'90s" is no quotation).
      if (!/\p{L}/u.test(next ?? '') && next !== '[') return undefined;
      return { closers: ch === "'" ? "'" : '\u2019\u2018', single: true, straight: ch === "'" };
    default:
      return undefined;
  }
}

/** Whether the closer candidate at `j` shuts the quotation (apostrophes inside words never do). */
function closesAt(s: string, j: number, o: Opener, lineEnd: number): boolean {
  const ch = s[j]!;
  if (!o.closers.includes(ch)) return false;
  const next = j + 1 < lineEnd ? s[j + 1] : undefined;
  if (o.single || o.straight) {
    // "don't", "Lopez's": a mark between letters is an apostrophe; so is "workers' doubts" when a later mark can close.
    if (isLetter(next)) return false;
    if (isSpace(s[j - 1]) && o.straight) return false;
    // "the workers’ doubts": after an s, a mark followed by a lower-case word may be a possessive;
    // it is one only if a later mark can close the quotation before another opens.
    if (o.single && /s/i.test(s[j - 1] ?? '') && next === ' ' && /\p{Ll}/u.test(s[j + 2] ?? '')) {
      for (let k = j + 1; k < lineEnd; k++) {
        if (o.closers.includes(s[k]!) && !isLetter(s[k + 1]) && !isSpace(s[k - 1])) return false;
        if ((s[k] === '\u2018' || (s[k] === "'" && o.straight)) && isSpace(s[k - 1]) && isLetter(s[k + 1])) break;
      }
    }
  }
  return true;
}

const SO_CALLED = /\b(?:so-called|so called|self-styled|self-proclaimed|supposed|alleged)\s*$/i;
const SENTENCE_END = /[.!?\u2026]["'\u201D\u2019\u00BB)]*$/u;

/** Words of a string (runs of non-space). */
const wordCount = (s: string) => (s.match(/\S+/g) ?? []).length;

/** "Short": at most four words, no sentence end, not a whole utterance. */
function isShort(body: string): boolean {
  const core = body.trim().replace(/[,;:]$/, "");
  return wordCount(core) <= 4 && core.length <= 40 && !SENTENCE_END.test(core);
}

/** A speaker label opening a transcript turn: "SECRETARY JONES:", "MAYOR LOPEZ:", "Q:", "HOST (Ben Kowalczyk):". */
const TRANSCRIPT_LABEL = /^((?:[\p{Lu}][\p{Lu}.'\u2019-]*)(?:\s+[\p{Lu}][\p{Lu}.'\u2019-]*){0,4}|Q|A)(?:\s*\(([^)]{1,60})\))?\s*:\s+(?=\S)/u;
/**
 * A label in ordinary case ("Priya Raghunathan (Meridian Securities):", "Van der Wiel:"): a turn
 * only inside a transcript, that is next to other turns or after "An excerpt:".
 */
const NAME_LABEL = /^((?:[\p{Lu}][\p{L}'\u2019.-]*)(?:\s+(?:(?:van|von|der|den|de|la|le|du|da|di|al|el|bin|ibn|ben|binti)\s+)*[\p{Lu}][\p{L}'\u2019.-]*){0,3})(?:\s*\(([^)]{1,60})\))?\s*:\s+(?=\S)/u;
/** Capitalised words that label page parts rather than people ("NOTE:", "UPDATE:"). */
const NOT_SPEAKER_LABEL = /^(?:TITLE|OUTLET|URL|DATE|SOURCE|AUTHOR|BYLINE|PUBLISHED|PUBLISHER|SECTION|LINK|TOPICS?|KEYWORDS|FILED UNDER|CATEGORY|CATEGORIES|UPDATED|WATCH|LISTEN|MORE|SEE ALSO|ALSO READ|READ ALSO|NOTE|UPDATE|UPDATED|EDITOR'?S NOTE|CORRECTION|WATCH|VIDEO|PHOTO|PHOTOS|READ MORE|RELATED|ADVERTISEMENT|TAGS|BREAKING|EXCLUSIVE|LIVE|OPINION|ANALYSIS|SOURCE|SOURCES|CREDIT|WARNING|FACT CHECK|UPDATE \d+)$/;

/** The speaker label a paragraph opens with, if it is one: its name, a note in brackets, its length; `strong` in capitals. */
function labelOf(para: string): { name: string; note?: string; length: number; strong: boolean } | undefined {
  const strong = TRANSCRIPT_LABEL.exec(para);
  const m = strong ?? NAME_LABEL.exec(para);
  if (!m || NOT_SPEAKER_LABEL.test(m[1]!.toUpperCase())) return undefined;
  // The turn says something: a sentence with a lower-case word, not a list of tags or links.
  const rest = para.slice(m[0].length).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (!/\b\p{Ll}{2,}\b/u.test(rest) && !(strong && /^[QA]$/.test(m[1]!))) return undefined;
  return { name: m[1]!, ...(m[2] ? { note: m[2] } : {}), length: m[0].length, strong: Boolean(strong) };
}

/** Verbs that introduce a statement quoted as a block after a colon ("said:", "wrote in a statement:"). */
export const INTRODUCING_VERB =
  /\S\s+(?:said|says|say|told|tells|wrote|writes|added|adds|stated|states|declared|announced|explained|continued|replied|responded|answered|read|reads|posted|tweeted|argued|insisted|warned|noted|remarked|recalled|concluded|statement|saying|put it|as follows)\b[^.!?]{0,80}:\s*[*_]*$/;

const FIRST_PERSON = /\b(?:I|we|We|me|us|our|Our|my|My|I'm|I’m|we're|we’re|I'll|I’ll|we'll|we’ll|I've|I’ve|we've|we’ve)\b/u;
const ORDINAL_START = /^[*_]*(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Finally|Lastly)(?:ly)?\b\s*,/u;

/** The paragraph's words without Markdown emphasis markers around them. */
function unwrapEmphasis(text: string, p: Paragraph): Paragraph {
  let { start, end } = p;
  while (start < end && /[*_>]/.test(text[start]!)) start++;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[*_]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Marked quotations of one paragraph. An opening mark that is not closed in its paragraph runs
 * to the paragraph's end: the quotation continues if the next paragraph opens with a mark (the
 * convention for quotations over several paragraphs), and otherwise its closing mark is missing.
 */
function markedIn(text: string, p: Paragraph): { start: number; end: number; open: number; closed: boolean; opener: Opener }[] {
  const out: { start: number; end: number; open: number; closed: boolean; opener: Opener }[] = [];
  let i = p.start;
  while (i < p.end) {
    const o = openerAt(text, i, p.start);
    if (!o) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < p.end && !closesAt(text, j, o, p.end)) j++;
    const closed = j < p.end;
    const inner = text.slice(i + 1, j);
    const lead = inner.length - inner.trimStart().length;
    const body = inner.trim();
    // "rock 'n' roll": a single-marked stretch needs a word of two letters or more.
    if (body && !(o.single && !closed && !isLetter(body[0])) && !(o.single && !/\p{L}{2}/u.test(body))) out.push({ start: i + 1 + lead, end: i + 1 + lead + body.length, open: i, closed, opener: o });
    i = closed ? j + 1 : p.end;
  }
  return out;
}

/** Whether an unclosed quotation is one: double marks always, single marks only before a few words (not "'90s"). */
function unclosedIsQuote(text: string, q: { start: number; end: number; opener: Opener }, nextOpens: boolean): boolean {
  if (nextOpens || !q.opener.single) return true;
  return wordCount(text.slice(q.start, q.end)) >= 3;
}

/** `full` unless the quotation sits inside the writer's own sentence ("called it a “turning point”"). */
function markedKind(text: string, sentenceStart: number, open: number, start: number, end: number): QuoteKind {
  const before = text.slice(sentenceStart, open).trimEnd();
  const body = text.slice(start, end);
  const lead = /^[[(]?[\p{Lu}\p{N}]/u.test(body);
  const standsAlone = before === '' || /[:,\u2014\u2013-]$/u.test(before) || /[.!?]["'\u201D\u2019]?$/u.test(before);
  return lead && standsAlone && (wordCount(body) >= 4 || SENTENCE_END.test(body) || /[,;]$/.test(body)) ? 'full' : 'partial';
}

/**
 * Every quotation of `text`, in order, without overlaps. `sentenceStartAt` gives the start of
 * the sentence around an offset (for telling full quotations from partial ones).
 */
export function findQuotations(text: string, sentenceStartAt: (offset: number) => number, clutter: readonly Paragraph[] = []): Quotation[] {
  // Page clutter (reader comments, tag lines such as "Thème: …") opens no transcript turn and no block.
  const paragraphs = paragraphsOf(text).filter((p) => !clutter.some((c) => c.start <= p.start && p.end <= c.end));
  const labels = paragraphs.map((p) => {
    const w = unwrapEmphasis(text, p);
    return labelOf(text.slice(w.start, w.end));
  });
  const isTurn = (n: number) => {
    const l = labels[n];
    if (!l) return false;
    if (l.strong) return true;
    const near = [n - 2, n - 1, n + 1, n + 2].some((k) => labels[k] !== undefined);
    const before = n > 0 ? text.slice(paragraphs[n - 1]!.start, paragraphs[n - 1]!.end) : '';
    const introduced = /:\s*[*_]*$/.test(before) && (INTRODUCING_VERB.test(before) || /\b(?:excerpt|transcript|interview|exchange|conversation|follows)\b/i.test(before));
    return near || introduced;
  };
  const out: Quotation[] = [];
  let group = 0;
  let continuing = -1; // the group of a quotation left open at the end of the previous paragraph
  // A block after "… said:": its first paragraph, then the following ones in the speaker's first
  // person; after the writer's own comment, a resumed enumeration ("Fourth, we …") continues it.
  let block: { group: number; introducedAt: number; taken: number; ordinal: boolean; gap: number } | undefined;

  for (let n = 0; n < paragraphs.length; n++) {
    const p = paragraphs[n]!;
    const words = unwrapEmphasis(text, p);
    const para = text.slice(words.start, words.end);
    let introducedHere: number | undefined;

    // Transcript turns: "MAYOR LOPEZ: ..." — the words after the label are the speaker's.
    const label = isTurn(n) ? labels[n] : undefined;
    if (label) {
      const start = words.start + label.length;
      out.push({ start, end: words.end, kind: 'block', group: ++group, label: label.name, ...(label.note ? { labelNote: label.note } : {}), short: false, soCalled: false });
      block = undefined;
      continuing = -1;
      continue;
    }

    if (block) {
      // A paragraph with quotation marks of its own is the writer's again ("…, he said: ‘…’").
      const eligible = markedIn(text, words).length === 0 && !/:\s*[*_]*$/.test(para);
      const firstPerson = FIRST_PERSON.test(para);
      const ordinal = ORDINAL_START.test(para);
      const joins = eligible && (block.gap === 0 ? block.taken === 0 || firstPerson : block.ordinal && ordinal && firstPerson);
      if (joins) {
        out.push({ start: words.start, end: words.end, kind: 'block', group: block.group, introducedAt: block.introducedAt, short: false, soCalled: false });
        block.taken++;
        block.gap = 0;
        if (ordinal) block.ordinal = true;
        continue;
      }
      // "… told the meeting:" then a paragraph that opens with a mark: that quotation is the one introduced.
      if (block.taken === 0) introducedHere = block.introducedAt;
      block.gap++;
      if (!block.ordinal || block.gap > 2 || block.taken === 0) block = undefined;
    }

    const marked = markedIn(text, words);
    const introduced = introducedHere !== undefined && marked[0]?.open === words.start ? introducedHere : undefined;
    const nextOpens = n + 1 < paragraphs.length && /^[*_]*["\u201C\u201E\u00AB\u2018'\u201D]/u.test(text.slice(paragraphs[n + 1]!.start, paragraphs[n + 1]!.end));
    let lastOpenGroup = -1;
    for (const m of marked) {
      if (!m.closed && !unclosedIsQuote(text, m, nextOpens)) continue;
      // A paragraph that opens with a mark continues a quotation left open above it.
      const continues = continuing >= 0 && m.open === words.start;
      const g = continues ? continuing : ++group;
      const body = text.slice(m.start, m.end);
      const kind = continues ? 'full' : markedKind(text, sentenceStartAt(m.open), m.open, m.start, m.end);
      const soCalled = SO_CALLED.test(text.slice(Math.max(p.start, m.open - 20), m.open));
      out.push({ start: m.start, end: m.end, kind, group: g, ...(introduced !== undefined && m === marked[0] ? { introducedAt: introduced } : {}), short: !continues && !(!m.closed && nextOpens) && isShort(body), soCalled });
      lastOpenGroup = m.closed ? -1 : g;
    }
    continuing = lastOpenGroup >= 0 && nextOpens ? lastOpenGroup : -1;

    const intro = INTRODUCING_VERB.exec(para);
    if (intro && marked.every((m) => m.end < words.start + intro.index)) {
      block = { group: ++group, introducedAt: words.start + para.lastIndexOf(':'), taken: 0, ordinal: false, gap: 0 };
    }
  }
  return out;
}
