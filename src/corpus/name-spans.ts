import { fold } from '../shared/fold';
import {
  ABBREVIATIONS,
  COMPANY_SUFFIXES,
  GROUP_WORDS,
  EVENT_HEADS,
  EVENT_LEADS,
  INSTITUTION_HEADS,
  isCommonWord,
  isDemonymOrDate,
  isFirstName,
  isKnownPlace,
  LEADING_PARTICLES,
  lexiconTags,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  PARTICLES,
  ARMED_NOUNS,
  ORGANIZATION_NOUNS,
  PERSON_NOUNS,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_NOUNS,
  TITLES,
} from './name-words';

/**
 * Names in running text, found by their shape: runs of capitalised words, joined across name
 * particles ("van der", "de", "bin", "al-"), across "of"/"for" after a head noun ("Museum of
 * World Cultures") and across "and" inside such a name ("Institute for Climate and Health").
 * Each run is cleaned: titles ("President", "Dr."), a possessive, a leading "the" and words
 * that are not names come off; a sentence's first word stays only when the text also writes
 * it capitalised elsewhere or it is no ordinary word. Headlines in title case only confirm
 * names the prose uses. An acronym in brackets after a name ("… Center (COEN)") is paired
 * with it.
 */

/** One name as the text writes it. */
export interface NameMention {
  /** The name without title, possessive or leading "the", exactly as in the text. */
  text: string;
  start: number;
  end: number;
  words: string[];
  /** A title before it: one that only a person carries ("Dr.") or an office ("President"). */
  title?: 'person' | 'office';
  /** The text of the line before and after it (for the context rules that type it). */
  before: string;
  after: string;
}

/** An acronym and the name the text gives for it in brackets. */
export interface AcronymPair {
  long: NameMention;
  short: NameMention;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** Capitalised like a name ("Lavrov", "al-Assad", "U.S."). */
  cap: boolean;
  /** The first word of a sentence, capitalised whatever it is. */
  initial: boolean;
}

interface Range {
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’](?=\p{L})|[-‐‑](?=[\p{L}\p{N}])|\.(?=\p{L}))*(?:(?<=s)['’](?![\p{L}]))?\.?|&/gu;
const CAP = /^(?:\p{Lu}|(?:al|el|ad|an|ar|as|ash|at|az|ez|es|ul|ud|bin|ibn|abu|d|l|o)['’-]\p{Lu})/u;
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'as', 'vs', 'via', 'per', 'but', 'nor', 'is', 'are']);
const CONNECTORS = new Set(['of', 'for', 'on']);
/** Words after which "of" continues a name ("Bank of", "Museum of", "Republic of", "Battle of"). */
const OF_HEADS = new Set([...ORGANIZATION_HEADS, ...INSTITUTION_HEADS, ...EVENT_HEADS, ...PLACE_HEADS, 'republic', 'kingdom', 'state', 'states', 'emirates', 'gulf', 'cape', 'battle', 'siege', 'treaty', 'people', "people's", 'voice']);
const NUMBERED = new Set(['ward', 'terminal', 'route', 'gate', 'zone', 'sector', 'block', 'district', 'pier', 'platform', 'highway', 'lot']);

const lower = (w: string) => fold(w).replace(/\.$/, '');
/** A word lower-cased, without a possessive or a contraction ("Noordzee’s" → noordzee, "We've" → we). */
const bare = (w: string) => lower(w).replace(/['’](?:s|ve|ll|m|re|d)?$/, '');
/** An acronym: capitals (and digits or dots), at least two letters ("FSB", "U.S.", "G20"). */
export const isAcronymWord = (w: string) => /^\p{Lu}[\p{Lu}\p{N}.&-]*$/u.test(w) && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && w.replace(/[^\p{L}]/gu, '').length <= 6;
const isHead = (w: string) => ORGANIZATION_HEADS.has(bare(w)) || INSTITUTION_HEADS.has(bare(w)) || PLACE_HEADS.has(bare(w)) || EVENT_HEADS.has(bare(w));

/** Tokens of one stretch of a line, with whether each opens a sentence. */
function tokenize(text: string, range: Range): Token[] {
  const out: Token[] = [];
  const slice = text.slice(range.start, range.end);
  for (const m of slice.matchAll(TOKEN)) {
    let word = m[0];
    // A dot belongs to abbreviations, initials and dotted acronyms; otherwise it ends a sentence.
    if (word.endsWith('.') && !(word.length === 2 || word.slice(0, -1).includes('.') || ABBREVIATIONS.has(lower(word)) || COMPANY_SUFFIXES.has(lower(word)))) word = word.slice(0, -1);
    // "Russian-backed", "al-Qaida-linked": the adjective is no name, the name before it may be.
    const compound = /^(.+?)-(?:\p{Ll}+-)*(?:\p{Ll}{2,}(?:ed|ing|en)|run|led|held|made|born|style|friendly|bound|wide|era)$/u.exec(word);
    if (compound) word = compound[1]!;
    const start = range.start + m.index;
    const prev = out.at(-1);
    const between = text.slice(prev ? prev.end : range.start, start);
    const initial =
      (!prev && !/\p{L}/u.test(text.slice(range.start, start))) ||
      /[.!?…:;]["'”’»›“)\]]*\s*["'“‘«„‚‹»([]*\s*$/u.test(between) ||
      /["“‘«„‚‹]\s*$/u.test(between) ||
      (prev !== undefined && /^\p{Ll}.*\.$/u.test(prev.text)) ||
      /(?:^|\s)[→•·▸»>|*–—-]\s*$/u.test(between) ||
      (prev !== undefined && COMPANY_SUFFIXES.has(lower(prev.text)) && prev.text.endsWith('.'));
    out.push({ text: word, start, end: start + word.length, cap: CAP.test(word), initial });
  }
  return out;
}

/** A line is a headline when nearly all its words are capitalised (title case or capitals). */
function isHeadline(tokens: Token[], line: string): boolean {
  const words = tokens.filter((t) => /\p{L}/u.test(t.text) && !FUNCTION_WORDS.has(t.text.toLowerCase()) && !PARTICLES.has(t.text));
  // A sentence ends with a full stop; a headline, even one dense with names, does not.
  if (words.length < 3 || /\.["'”’»)]*\s*$/u.test(line)) return false;
  return words.filter((t) => t.cap).length / words.length >= 0.75;
}

/** Only spaces (no newline, no punctuation) lie between two tokens. */
const joined = (text: string, a: Token, b: Token) => /^[ \t\u00A0]+$/.test(text.slice(a.end, b.start));

/** The runs of name-like tokens: capitalised words and the particles and connectors inside names. */
function runs(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  const capAt = (k: number) => tokens[k]?.cap === true;
  /** Index of the next capitalised token after a run of particles from k, if all are joined. */
  const afterParticles = (k: number): number | undefined => {
    let j = k;
    while (tokens[j] && PARTICLES.has(tokens[j]!.text) && tokens[j + 1] && joined(text, tokens[j]!, tokens[j + 1]!)) j++;
    return j > k && capAt(j) ? j : undefined;
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    const lead = LEADING_PARTICLES.has(t.text) ? afterParticles(i) : undefined;
    // A short word before a number is a currency or a unit ("KSh 68,000", "Tk 5 lakh").
    const unit = (t.text.length <= 3 && /^\d/.test(tokens[i + 1]?.text ?? '') && joined(text, t, tokens[i + 1]!)) || /^[$€£¥]/.test(text.slice(t.end, t.end + 1));
    if ((!t.cap && lead === undefined) || unit) {
      i++;
      continue;
    }
    const run = [t];
    let j = i;
    const words = () => run.map((r) => bare(r.text));
    for (;;) {
      const cur = tokens[j]!;
      const next = tokens[j + 1];
      if (!next || !joined(text, cur, next)) break;
      // A company suffix with its dot ("Inc.") or a possessive ends a name, but not one of a common
      // noun inside it ("People's Defence Units", "St Mary’s Church").
      const possessive = /['’]s$/u.test(cur.text) && !/^(?:st|saint)$/.test(lower(run.at(-2)?.text ?? '')) && !isCommonWord(bare(cur.text));
      if ((COMPANY_SUFFIXES.has(lower(cur.text)) && cur.text.endsWith('.')) || possessive) break;
      if (next.cap && !next.initial) {
        run.push(next);
        j++;
        continue;
      }
      const p = PARTICLES.has(next.text) ? afterParticles(j + 1) : undefined;
      if (p !== undefined) {
        run.push(...tokens.slice(j + 1, p + 1));
        j = p;
        continue;
      }
      const w = words();
      const k = tokens[j + 2]?.text === 'the' ? j + 3 : j + 2;
      const gapsOk = () => tokens.slice(j + 1, k + 1).every((x, n) => joined(text, tokens[j + n]!, x));
      // "of"/"for" after a head noun, or again inside such a name ("Court of Arbitration for Sport").
      if (CONNECTORS.has(next.text) && (OF_HEADS.has(w.at(-1)!) || w.some((x) => CONNECTORS.has(x))) && capAt(k) && !tokens[k]!.initial && gapsOk()) {
        run.push(...tokens.slice(j + 1, k + 1));
        j = k;
        continue;
      }
      if ((next.text === 'and' || next.text === '&' || next.text === 'und' || next.text === 'et') && !w.includes('and') && capAt(k) && !tokens[k]!.initial && gapsOk()) {
        // "and" continues a name inside an of-phrase ("Institute for Climate and Health") or before
        // the head it shares ("Fire and Emergency Directorate"); "&" joins firm names.
        let end = k;
        while (capAt(end + 1) && joined(text, tokens[end]!, tokens[end + 1]!)) end++;
        const tail = tokens.slice(k, end + 1).map((x) => bare(x.text));
        const inOf = k === j + 2 && w.some((x) => CONNECTORS.has(x)) && end - k < 3 && !isFirstName(tail[0]!) && !isHead(tail.at(-1)!);
        // With more words before "and", only ordinary words on both sides of it ("Vietnam Disaster and
        // Dyke Management Authority", not "Samsung SDI and LG Energy Solution").
        const ordinary = (x: string) => !isHead(x) && !isFirstName(x) && !isKnownPlace(x) && (isCommonWord(x) || lexiconTags(x).length === 0);
        const sharedHead =
          k === j + 2 &&
          (w.length === 1 ? !isKnownPlace(w[0]!) : w.length <= 3 && ordinary(w.at(-1)!) && !w.some((x) => isFirstName(x) || CONNECTORS.has(x)) && tail.slice(0, -1).every((x) => !isKnownPlace(x) && !isFirstName(x)) && !tokens.slice(k, end).some((x) => isAcronymWord(x.text))) &&
          (ORGANIZATION_HEADS.has(tail.at(-1)!) || INSTITUTION_HEADS.has(tail.at(-1)!));
        // A party or movement named by two words ("Law and Justice party", "Freedom and Solidarity (SaS)").
        const follows = text.slice(tokens[end]!.end, tokens[end]!.end + 20);
        const partyName =
          w.length <= 2 && end - k < 2 && !w.some((x) => isKnownPlace(x) || isFirstName(x)) && !isKnownPlace(tail[0]!) && (/^\s+(?:party|parties|alliance|coalition|movement|bloc)\b/.test(follows) || /^\s*\(\s*\p{Lu}[\p{L}]{1,6}\s*\)/u.test(follows));
        // "und", "et" inside a name in the text's own language ("Hamburger Hafen und Logistik AG").
        const foreignAnd = (next.text === 'und' || next.text === 'et') && tokens.slice(k, end + 1).some((x) => ORGANIZATION_HEADS.has(bare(x.text)) || INSTITUTION_HEADS.has(bare(x.text)));
        if (inOf || sharedHead || partyName || foreignAnd || next.text === '&') {
          run.push(...tokens.slice(j + 1, k + 1));
          j = k;
          continue;
        }
      }
      // "to" inside a name already joined by "of"/"for" ("Service for Attention to Adults Deprived of Liberty").
      if (next.text === 'to' && w.some((x) => CONNECTORS.has(x)) && capAt(j + 2) && !tokens[j + 2]!.initial && joined(text, next, tokens[j + 2]!)) {
        run.push(next, tokens[j + 2]!);
        j += 2;
        continue;
      }
      // "Committee to Protect Journalists", "Campaign to End Loneliness": a body named by its aim (two capitalised words or more).
      if (next.text === 'to' && (ORGANIZATION_HEADS.has(w.at(-1)!) || w.at(-1) === 'campaign') && capAt(j + 2) && capAt(j + 3) && !tokens[j + 2]!.initial && joined(text, next, tokens[j + 2]!) && joined(text, tokens[j + 2]!, tokens[j + 3]!) && !isKnownPlace(bare(tokens[j + 2]!.text)) && !isFirstName(bare(tokens[j + 2]!.text)) && !COMPASS_WORDS.has(bare(tokens[j + 2]!.text))) {
        run.push(next, tokens[j + 2]!, tokens[j + 3]!);
        j += 3;
        continue;
      }
      if (/^\d+$/.test(next.text) && NUMBERED.has(w.at(-1)!)) {
        run.push(next);
        j++;
      }
      break;
    }
    out.push(run);
    i = j + 1;
  }
  return out;
}

/** What the whole text tells about a word: how it is written inside sentences. */
interface Usage {
  /** Written in lower case somewhere. */
  lowers: Set<string>;
  /** Written capitalised on its own inside a sentence ("… in Moncton"). */
  alone: Map<string, number>;
  /** Written capitalised after another capitalised word inside a sentence ("Rosa Huamán Quispe"). */
  inner: Set<string>;
  /** Folded spellings of the well-known table. */
  wellKnown: ReadonlySet<string>;
}

const FUNCTION_TAGS = new Set(['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Copula', 'Possessive', 'Negative']);

/** A noun for a kind of named thing: a body, a place, an armed group, a person's role ("service", "militia", "province", "director"). */
function isKindNoun(word: string): boolean {
  const w = word.toLowerCase();
  const one = w.replace(/s$/, '');
  return [w, one].some((x) => ORGANIZATION_NOUNS.has(x) || ORGANIZATION_HEADS.has(x) || INSTITUTION_HEADS.has(x) || PLACE_NOUNS.has(x) || PLACE_HEADS.has(x) || ARMED_NOUNS.has(x) || TITLES.has(x) || PERSON_NOUNS.has(x));
}

/** Whether a sentence's capitalised first word is a name: the text or the lexicon says so. */
function opensName(t: Token, run: Token[], usage: Usage, after: string): boolean {
  const w = bare(t.text);
  const rest = run.slice(1);
  if (LEADING_PARTICLES.has(w) && rest.length > 0) return true; // "Van der Wiel: …"
  if (lexiconTags(w).some((tag) => FUNCTION_TAGS.has(tag))) return false; // "In Ipoh Old Town"
  // A well-known name or a known place opens the sentence whole ("United Nations experts …").
  const whole = fold(run.map((x) => x.text).join(' '));
  if (run.length > 1 && (usage.wellKnown.has(whole) || isKnownPlace(whole))) return true;
  if (usage.alone.has(w)) return true;
  // A plural of a head noun is a common word too ("Councils, which employ teachers").
  const common = usage.lowers.has(w) || isCommonWord(w) || (w.endsWith('s') && isHead(w.slice(0, -1)));
  if (rest.length > 0) {
    // "Federal Office for …" keeps its adjective; "Sprinter Ribas" loses a role noun before a name the text confirms.
    const role = /(?:[^aeiou]er|[cst]or|ist)$/.test(w) && w.length >= 6 && lexiconTags(w).length === 0 && !usage.inner.has(w) && rest.every((x) => usage.alone.has(bare(x.text)) || usage.inner.has(bare(x.text)));
    return (!common && !role) || rest.some((x) => isHead(x.text)) || EVENT_LEADS.has(w); // "Typhoon Yagi tore …"
  }
  if (common || GROUP_WORDS.has(w) || GROUP_WORDS.has(w.replace(/s$/, ''))) return false;
  // A word no dictionary knows, described by the words after it: "Sernapesca, the national fisheries service, opened …".
  const described = /^,\s+(?:a|an|the|its)\s+([^,.;:!?()"“”]{2,60})(?:,|\s(?:that|which|who)\s)/u.exec(after)?.[1];
  if (lexiconTags(w).length === 0 && described && isKindNoun(described.split(/\s+(?:of|in|at|for|from|with|on)\s/)[0]!.split(/\s+/).at(-1)!)) return true;
  // …or by the noun after it: "Wazalendo militias, which fight …", "Kessel province has …".
  const kind = /^\s+(\p{Ll}+)\b/u.exec(after)?.[1];
  if (lexiconTags(w).length === 0 && !ADJECTIVE_SHAPE.test(w) && kind && (ARMED_NOUNS.has(kind) || PLACE_NOUNS.has(kind) || ORGANIZATION_NOUNS.has(kind))) return true;
  // …or by a relative clause: "Utdanningsetaten, which runs the capital's schools, said …".
  if (lexiconTags(w).length === 0 && /^,\s+(?:which|who)\s+\p{Ll}/u.test(after)) return true;
  // A lone word nobody else confirms ("Tickets for the weekend …", "Drought has …") is taken for an ordinary word.
  return usage.inner.has(w) || isAcronymWord(t.text) || lexiconTags(w).length > 0;
}

/** A mention from tokens: a possessive ("Noordzee’s") or plural possessive ("Farmers’") taken off the end. */
function mention(text: string, toks: Token[], line: Range, title: NameMention['title']): NameMention {
  const words = toks.map((t) => t.text);
  let end = toks.at(-1)!.end;
  const last = words.at(-1)!;
  const cut = /['’]s$/u.test(last) ? 2 : /s['’]$/u.test(last) ? 1 : 0;
  end -= cut;
  words[words.length - 1] = last.slice(0, last.length - cut);
  const start = toks[0]!.start;
  return {
    text: text.slice(start, end),
    start,
    end,
    words,
    ...(title ? { title } : {}),
    before: text.slice(Math.max(line.start, start - 60), start),
    after: text.slice(end, Math.min(line.end, end + 100)),
  };
}

/** Titles followed by "of" and the office's domain, not by a place ("Minister of Culture", not "Mayor of …"). */
const DOMAIN_TITLES = new Set(['secretary', 'minister', 'ministers', 'commissioner', 'director', 'chancellor', 'chairman', 'chairwoman', 'chair', 'head', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary-general']);

/** A title followed by "of" before a run: "Secretary of State John Kerry", "Minister of Foreign Affairs Sergei Lavrov". */
const TITLE_OF = /(?:^|[^\p{L}])(\p{L}+)\.?\s+of\s+(?:\p{Lu}\p{L}*\s+(?:and|&)\s+)?$/u;

/**
 * Cleans one run into the names it holds: split at words that are no names, the title taken
 * off, a sentence's first word kept only when the text confirms it.
 */
function clean(text: string, run: Token[], usage: Usage, line: Range): { found: NameMention; toks: Token[] }[] {
  const out: { found: NameMention; toks: Token[] }[] = [];
  let part: Token[] = [];
  let title: NameMention['title'];
  const flush = () => {
    const p = trim(part);
    part = [];
    // "X" alone is the platform where the text says something was written on it ("wrote on X").
    const platform = p.length === 1 && /^X\.?$/.test(p[0]!.text) && /\b(?:on|to)\s+$/.test(text.slice(Math.max(line.start, p[0]!.start - 12), p[0]!.start));
    if (platform) out.push({ found: { ...mention(text, p, line, title), text: 'X', end: p[0]!.start + 1, words: ['X'] }, toks: p });
    else if (p.length > 0 && isName(p.map((t) => t.text))) out.push({ found: mention(text, p, line, title), toks: p });
  };
  // Leading and trailing connectors never belong to a name.
  const trim = (p: Token[]) => {
    let a = 0;
    let b = p.length;
    while (a < b && !p[a]!.cap && !LEADING_PARTICLES.has(p[a]!.text)) a++;
    while (b > a && !p[b - 1]!.cap && !(/^\d+$/.test(p[b - 1]!.text) && b - 2 >= a && NUMBERED.has(bare(p[b - 2]!.text)))) b--;
    return p.slice(a, b);
  };
  const titleOf = TITLE_OF.exec(text.slice(Math.max(line.start, run[0]!.start - 40), run[0]!.start));
  const described = titleOf !== null && /^\p{Ll}/u.test(titleOf[1]!) && /\b(?:the|a|an|its|his|her|their)\s+\p{L}+\.?\s+of\s+(?:\p{Lu}\p{L}*\s+(?:and|&)\s+)?$/u.test(text.slice(Math.max(line.start, run[0]!.start - 50), run[0]!.start));
  if (titleOf && !described && DOMAIN_TITLES.has(lower(titleOf[1]!)) && !isHead(run.at(-1)!.text)) {
    // An office named by its domain runs on to the name: up to the first given name ("Secretary of
    // State John Kerry"), else past the domain's ordinary words ("Secretary of State Kerry");
    // "Minister of Culture" names nobody. ("Mayor of Greater Manchester" names a place: not here.)
    const k = run.findIndex((t) => isFirstName(bare(t.text)));
    const from = k >= 0 ? k : run.findIndex((t) => !isCommonWord(bare(t.text)) && ((usage.alone.get(bare(t.text)) ?? 0) > 1 || usage.inner.has(bare(t.text))));
    run = from >= 0 ? run.slice(from) : [];
    if (from > 0) title = 'office';
  }

  for (const [i, t] of run.entries()) {
    const w = bare(t.text);
    const next = run[i + 1];
    // A title ends what came before it: "Health Minister Johannes Pichler" → "Johannes Pichler",
    // though a name before it stays one ("U.S. Secretary").
    // "Secretary General", and plural titles before two names ("Councilors Louie Sanchez and Dan Lewis").
    const titleWord = TITLES.has(w) || TITLES.has(w.replace(/-(?:elect|designate)$/, '')) || (w.endsWith('s') && TITLES.has(w.slice(0, -1)) && !isAcronymWord(t.text)) || (w === 'general' && i > 0 && TITLES.has(bare(run[i - 1]!.text)));
    // A title word that ends a name joined by "and" is the name's ("Law and Justice").
    const inName = !next && i >= 2 && /^(?:and|&|of|for)$/.test(run[i - 1]!.text);
    if (titleWord && t.cap && !inName && (!next || (next.cap && !isHead(next.text)) || LEADING_PARTICLES.has(next.text))) {
      // What stands before the title stays a name when the text confirms it or it ends in a head
      // noun ("European Commission President …", "Dominican Republic President …"), not "Health Minister".
      if (part.length === 1 && (isAcronymWord(part[0]!.text) || usage.alone.has(bare(part[0]!.text)) || isKnownPlace(bare(part[0]!.text)))) flush();
      else if (part.length > 1 && (isHead(part.at(-1)!.text) || isKnownPlace(part.map((x) => bare(x.text)).join(' ')))) flush();
      part = [];
      title = PERSON_TITLES.has(w) ? 'person' : (title ?? 'office');
      continue;
    }
    const demonymOfBody =
      isDemonymOrDate(w) && part.every((x) => COMPASS_WORDS.has(bare(x.text))) && (run.slice(1).some((x) => INSTITUTION_HEADS.has(bare(x.text)) || ORGANIZATION_HEADS.has(bare(x.text))) || (next !== undefined && (isKnownPlace(`${w} ${bare(next.text)}`) || DEMONYM_PLACE_HEADS.has(bare(next.text)))));
    // A month's short form before a name is a given name ("Jan Egeland", "Ján Ferenčák"), not a date.
    const givenName = w.length <= 3 && next !== undefined && next.cap && !/\d/.test(next.text) && !isDemonymOrDate(bare(next.text)) && !TITLES.has(bare(next.text));
    // "US" in capitals is the country, not the pronoun; "One" inside a name is the name's ("Uranium One").
    const listedNotName = NOT_NAMES.has(w) && t.text !== 'US' && !(w === 'one' && part.length > 0 && t.text === 'One');
    // A demonym after a word no dictionary knows, before "party", is a party's name ("Pheu Thai party").
    const partyWord = i > 0 && part.length > 0 && !next && lexiconTags(bare(part.at(-1)!.text)).length === 0 && /^\s+(?:party|movement|alliance|coalition|bloc)\b/.test(text.slice(t.end, t.end + 12));
    const notName = t.cap && (listedNotName || (isDemonymOrDate(w) && !givenName && !partyWord) || /n['’]t$/.test(w)) && !demonymOfBody;
    if (notName || (t.initial && i === 0 && !opensName(t, run, usage, text.slice(run.at(-1)!.end, run.at(-1)!.end + 80)))) {
      flush();
      title = undefined;
      continue;
    }
    part.push(t);
  }
  flush();
  // A lone word shaped like a demonym before a noun is an adjective ("Lusanian central bank").
  if (out.length === 1 && out[0]!.toks.length === 1 && out[0]!.toks[0] === run.at(-1) && /(?:ian|ese|ish)$/.test(bare(out[0]!.found.text))) {
    const next = /^\s+(\p{Ll}+)/u.exec(out[0]!.found.after)?.[1];
    if (next && !lexiconTags(next).some((t) => VERB_TAGS.has(t))) return [];
  }
  return out;
}

/** Words after a demonym that make it a place's name ("Dominican Republic", "Arabian Sea", "Persian Gulf"). */
const DEMONYM_PLACE_HEADS = new Set(['republic', 'sea', 'gulf', 'peninsula', 'emirates']);

/** Compass words that may stand before a demonym in a body's name ("Southern African Development Community"). */
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);

const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Modal', 'Copula', 'Auxiliary', 'Gerund', 'Verb', 'Adverb', 'Preposition', 'Conjunction']);

const LEGISLATURES = new Set(['congress', 'parliament', 'senate']);

/** Words that can stand as a name: not a lone head noun ("Department"), title or letter. */
function isName(words: string[]): boolean {
  if (words.length === 1) {
    const only = bare(words[0]!);
    if (only.length < 2 && !/\p{N}/u.test(only)) return false;
    if (TITLES.has(only) || (NOT_NAMES.has(only) && words[0] !== 'US') || only === 'may' || isDemonymOrDate(only) || isDemonymOrDate(only.replace(/s$/, ''))) return false;
    if (GROUP_WORDS.has(only) || GROUP_WORDS.has(only.replace(/s$/, '')) || COMPASS_WORDS.has(only)) return false;
    if (lexiconTags(only).some((t) => t === 'Unit' || t === 'Currency')) return false;
    // A lone head noun is no name ("Department"), but a legislature written with a capital is ("before Congress").
    if (isHead(words[0]!) && !isAcronymWord(words[0]!) && !LEGISLATURES.has(only)) return false;
  }
  // A run of title words and connectors only ("Minister of Arts and Culture").
  return !words.every((x) => TITLES.has(bare(x)) || !CAP.test(x));
}

/** The text's lines, each with the parts of it outside `excluded` (page clutter). */
function lines(text: string, excluded: readonly Range[]): { line: Range; parts: Range[] }[] {
  const out: { line: Range; parts: Range[] }[] = [];
  let at = 0;
  for (const l of text.split('\n')) {
    const line = { start: at, end: at + l.length };
    at = line.end + 1;
    const parts: Range[] = [];
    let from = line.start;
    for (const x of excluded) {
      if (x.end <= from || x.start >= line.end) continue;
      if (x.start > from) parts.push({ start: from, end: x.start });
      from = Math.max(from, x.end);
    }
    if (from < line.end) parts.push({ start: from, end: line.end });
    if (parts.length > 0) out.push({ line, parts });
  }
  return out;
}

/** A word shaped like a demonym or an adjective of a place or a creed ("Mozambican", "Somali", "Atlantic", "Hanseatic", "Peronist"). */
const ADJECTIVE_SHAPE = /(?:an|ean|ian|ese|ish|ic|i|ist)$/;

/**
 * Drops lone words shaped like adjectives of a place that the text only ever writes before a
 * noun ("the Mozambican army", "a Somali group", "Atlantic salmon"): a name stands alone
 * somewhere ("in Mali", "Oman said"), an adjective never does.
 */
export function dropAdjectives(names: NameMention[], known: ReadonlySet<string> = new Set()): void {
  const byWord = new Map<string, NameMention[]>();
  for (const n of names) if (n.words.length === 1) byWord.set(fold(n.text), [...(byWord.get(fold(n.text)) ?? []), n]);
  const adjectives = new Set<string>();
  for (const [word, mentions] of byWord) {
    if (!ADJECTIVE_SHAPE.test(word) || isKnownPlace(word) || known.has(word) || isAcronymWord(mentions[0]!.text)) continue;
    const beforeNoun = (m: NameMention) => {
      const next = /^[ \t]+(\p{Ll}[\p{Ll}-]*)/u.exec(m.after)?.[1];
      return next !== undefined && !lexiconTags(next).some((t) => VERB_TAGS.has(t)) && !PARTICLES.has(next) && !PLACE_HEADS.has(next) && !PLACE_NOUNS.has(next) && !ARMED_NOUNS.has(next) && !/^(?:family|clan|dynasty)$/.test(next);
    };
    if (mentions.every(beforeNoun)) adjectives.add(word);
  }
  if (adjectives.size === 0) return;
  const kept = names.filter((n) => !(n.words.length === 1 && adjectives.has(fold(n.text))));
  names.splice(0, names.length, ...kept);
}

/** Whether the name's words' initials spell the acronym ("Water Resources Agency" → WRA). */
function initialsMatch(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toLowerCase();
  const all = words.flatMap((w) => w.split(/[-‐‑]/)).map((w) => fold(w)[0] ?? '');
  const content = words.filter((w) => !FUNCTION_WORDS.has(w) && !PARTICLES.has(w)).flatMap((w) => w.split(/[-‐‑]/)).map((w) => fold(w)[0] ?? '');
  return letters === content.join('') || letters === all.join('');
}

/** Whether a short name is made of the starts of the name's words, in order ("Marina" for "MARitime INdustry Authority"). */
function abbreviates(short: string, words: string[]): boolean {
  const target = fold(short).replace(/[^\p{L}]/gu, '');
  const parts = words.filter((w) => !FUNCTION_WORDS.has(w)).map((w) => fold(w).replace(/[^\p{L}]/gu, ''));
  const fits = (at: number, k: number): boolean => {
    if (at === target.length) return k >= 2;
    if (k >= parts.length) return false;
    for (let n = Math.min(parts[k]!.length, target.length - at); n >= 1; n--) if (target.startsWith(parts[k]!.slice(0, n), at) && fits(at + n, k + 1)) return true;
    return fits(at, k + 1) && k > 0;
  };
  return target.length >= 3 && parts.length >= 2 && fits(0, 0);
}

/**
 * A body's name in its own language, in brackets after the English one: one word no dictionary
 * knows, after a name of two words or more that ends in a body's head noun
 * ("Union of Education Norway (Utdanningsforbundet)").
 */
function ownLanguageName(m: NameMention, long: NameMention): boolean {
  const heads = long.words.map(bare).filter((x) => ORGANIZATION_HEADS.has(x) || INSTITUTION_HEADS.has(x));
  return long.words.length >= 2 && heads.length > 0 && m.text.length >= 5 && lexiconTags(bare(m.text)).length === 0 && !isCommonWord(bare(m.text)) && !isFirstName(bare(m.text));
}

/** Between a name and the short form in brackets after it, perhaps a lower-case noun the acronym leaves out ("Law and Justice party (PiS)"). */
const BRACKET_AFTER_NAME = /^\s+(?:party|mission|movement|alliance|coalition|programme|program|project|force|group|agency|company)?\s*\($|^\s*\($/;

/** An acronym written with small letters inside ("SaS", "PiS", "MoU"): two capitals or more. */
const MIXED_ACRONYM = /^(?=(?:\p{Ll}*\p{Lu}){2})\p{Lu}\p{L}{1,5}$/u;

/** Pairs "Name (ACR)" and "ACR (Name)" in one stretch of text. */
function pairAcronyms(text: string, names: NameMention[]): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  for (const [i, m] of names.entries()) {
    if (!/\(\s*$/.test(text.slice(m.start - 2, m.start)) || !/^\s*\)/.test(text.slice(m.end, m.end + 2))) continue;
    const prev = names.slice(0, i).reverse();
    if (isAcronymWord(m.text)) {
      // The long form is the nearest name before it in the sentence whose initials spell it, else the nearest longer name.
      const near = prev.filter((p) => m.start - p.end < 90 && !/[.!?]\s/.test(text.slice(p.end, m.start)) && !isAcronymWord(p.text));
      const long = near.find((p) => initialsMatch(m.text, p.words)) ?? near.find((p, k) => p.words.length > 1 && (k === 0 || near[0]!.words.length === 1));
      if (long) pairs.push({ long, short: m });
    } else if (m.words.length > 1 && prev[0] && isAcronymWord(prev[0].text) && /^\s*\($/.test(text.slice(prev[0].end, m.start))) {
      pairs.push({ long: m, short: prev[0] });
    } else if (m.words.length === 1 && prev[0] && BRACKET_AFTER_NAME.test(text.slice(prev[0].end, m.start)) && (abbreviates(m.text, prev[0].words) || ownLanguageName(m, prev[0]) || (prev[0].words.length > 1 && MIXED_ACRONYM.test(m.text)))) {
      pairs.push({ long: prev[0], short: m }); // "Maritime Industry Authority (Marina)", "Norwegian Data Protection Authority (Datatilsynet)"
    }
  }
  return pairs;
}

/**
 * Every name in `text` outside the `excluded` spans (page clutter), in text order, and the
 * acronyms the text pairs with a name. `wellKnown` (folded spellings of the well-known table) are
 * never taken for adjectives ("the Taliban government").
 */
export function findNames(text: string, excluded: readonly Range[] = [], wellKnown: ReadonlySet<string> = new Set()): { names: NameMention[]; pairs: AcronymPair[] } {
  const layout = lines(text, excluded);
  const tokenized = layout.map(({ line, parts }) => ({ line, parts: parts.map((r) => tokenize(text, r)) }));
  const usage: Usage = { lowers: new Set(), alone: new Map(), inner: new Set(), wellKnown };
  for (const { parts } of tokenized) {
    for (const tokens of parts) {
      for (const t of tokens) if (!t.cap) usage.lowers.add(bare(t.text));
      for (const run of runs(text, tokens)) {
        if (run.length === 1 && !run[0]!.initial) usage.alone.set(bare(run[0]!.text), (usage.alone.get(bare(run[0]!.text)) ?? 0) + 1);
        for (const t of run.slice(1)) if (t.cap) usage.inner.add(bare(t.text));
      }
    }
  }
  const names: NameMention[] = [];
  const pairs: AcronymPair[] = [];
  const headlines: { toks: Token[]; line: Range; title: NameMention['title'] }[] = [];
  for (const { line, parts } of tokenized) {
    const headline = isHeadline(parts.flat(), text.slice(line.start, line.end));
    for (const tokens of parts) {
      const found = runs(text, tokens).flatMap((run) => clean(text, run, usage, line));
      // Capitals say nothing in a headline, nor in a name written in capitals ("CALEDONIAN HERALD", "KARIUKI").
      const shouted = (f: { found: NameMention }) => f.found.words.every((w) => !/\p{Ll}/u.test(w)) && (f.found.words.length > 1 || f.found.words[0]!.replace(/[^\p{L}]/gu, '').length > 6);
      for (const f of found) {
        if (headline || shouted(f)) headlines.push({ toks: f.toks, line, title: f.found.title });
        else names.push(f.found);
      }
      pairs.push(...pairAcronyms(text, found.filter((f) => !headline && !shouted(f)).map((f) => f.found)));
    }
  }
  dropAdjectives(names, wellKnown);
  // From those, keep only the names the prose also writes, or a surname it writes in a longer name.
  const known = new Set(names.flatMap((n) => [fold(n.text), ...(n.words.length > 1 ? n.words.filter((w) => CAP.test(w) && !isHead(w) && !isCommonWord(bare(w))).map((w) => fold(w)) : [])]));
  for (const { toks, line, title } of headlines) {
    for (let a = 0; a < toks.length; a++) {
      for (let b = toks.length; b > a; b--) {
        const m = mention(text, toks.slice(a, b), line, a === 0 ? title : undefined);
        if (!known.has(fold(m.text))) continue;
        names.push(m);
        a = b - 1;
        break;
      }
    }
  }
  names.sort((x, y) => x.start - y.start);
  joinByAcronym(text, names, pairs);
  return { names, pairs: [...pairs, ...pairNicknames(text, names)] };
}

/** Small words inside a long name that its acronym leaves out ("Centre for Human Rights and Democracy in Africa (CHRDA)"). */
const ACRONYM_SKIPS = new Set(['of', 'for', 'and', 'in', 'on', 'the', 'to', 'de', 'del', 'la', 'des', 'du', 'y', 'et', 'und', 'für']);

/**
 * Where the text gives an acronym in brackets, the capitalised words before it whose initials
 * spell it are one name, even across the "and" or "in" that the rules for runs do not join
 * ("National Disaster Risk Reduction and Management Authority (NDRRMA)"): the names found
 * inside that stretch are replaced by it, and it is paired with the acronym.
 */
function joinByAcronym(text: string, names: NameMention[], pairs: AcronymPair[]): void {
  for (const m of [...names]) {
    if (!isAcronymWord(m.text) || text[m.start - 1] !== '(' || text[m.end] !== ')') continue;
    const lineStart = text.lastIndexOf('\n', m.start) + 1;
    const head = text.slice(lineStart, m.start - 1).replace(/\s+$/, '');
    const words = [...head.matchAll(/[\p{L}][\p{L}\p{M}'’.-]*/gu)];
    const letters = m.text.replace(/[^\p{L}]/gu, '').toLowerCase();
    let at = letters.length;
    let from: number | undefined;
    for (let k = words.length - 1; k >= 0 && words.length - k <= 14; k--) {
      const w = words[k]![0].replace(/[.’']+$/, '');
      if (k === words.length - 1 && lineStart + words[k]!.index + words[k]![0].length !== lineStart + head.length) break;
      if (ACRONYM_SKIPS.has(w)) continue;
      if (!/^\p{Lu}/u.test(w)) break;
      const initials = w.split(/[-‐‑]/).filter((x) => /^\p{Lu}/u.test(x)).map((x) => fold(x)[0]!).join('');
      if (!letters.slice(0, at).endsWith(initials)) break;
      at -= initials.length;
      if (at === 0) {
        from = lineStart + words[k]!.index;
        break;
      }
    }
    const end = lineStart + head.length;
    if (from === undefined || end - from > 120) continue;
    const inside = names.filter((n) => n !== m && n.start >= from && n.end <= end);
    if (inside.length === 1 && inside[0]!.start === from) continue; // already one name
    if (!/[\s]/.test(text.slice(from, end))) continue;
    const joined: NameMention = {
      text: text.slice(from, end),
      start: from,
      end,
      words: text.slice(from, end).split(/\s+/),
      before: text.slice(Math.max(lineStart, from - 60), from),
      after: text.slice(end, Math.min(text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end), end + 100)),
    };
    const kept = names.filter((n) => !inside.includes(n));
    kept.push(joined);
    kept.sort((x, y) => x.start - y.start);
    names.splice(0, names.length, ...kept);
    const rest = pairs.filter((p) => p.short !== m && !inside.includes(p.long));
    pairs.splice(0, pairs.length, ...rest, { long: joined, short: m });
  }
}

/** Between a full name and its nickname: "Ismael Zambada, known as “El Mayo”", "…, the drug lord known as …". */
const KNOWN_AS = /^["”’]?,\s+(?:(?:the|a|an|his|her)\s+[^,.;:!?()"“”]{1,60}?\s+)?(?:also\s+|better\s+|widely\s+|popularly\s+)?known\s+(?:by\s+(?:its|their|his|her|the)\s+[\p{L}\s-]{0,30}?\s+)?as\s*["“'‘]?$/u;

/** Pairs a name of two words or more with the name the text says it is known as, in the same sentence. */
function pairNicknames(text: string, names: readonly NameMention[]): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  for (const [i, m] of names.entries()) {
    const p = names[i - 1];
    if (p && p.words.length > 1 && m.start - p.end < 90 && KNOWN_AS.test(text.slice(p.end, m.start))) pairs.push({ long: p, short: m });
  }
  return pairs;
}
