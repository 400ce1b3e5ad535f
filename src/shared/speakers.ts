import type { Paragraph, Quotation } from './quotations';
import type { Span } from './sentences';

/**
 * Who speaks each quotation. Said-verb patterns on either side of the quotation ("X said",
 * "said X", "X told", "X wrote", "according to X"), titles and appositions ("State Department
 * spokesman Ned Price", "a spokesman, Scott Whiffen,"), pronouns and bare surnames resolved
 * to the last compatible person named before, and a speaker carried over consecutive
 * quotations. Works from the text alone; known names (a pack's entities) only help to say
 * which entity a speaker is and whether a name is a person.
 */

/** A name the caller already knows in the text (a pack entity's match), and what it is. */
export interface KnownName {
  start: number;
  end: number;
  entityId: string;
  /** The entity's canonical name. */
  name: string;
  person: boolean;
}

/** Who speaks a quotation: `null` when the text does not say. */
export interface Attribution {
  speaker: string | null;
  speakerEntity?: string;
  /** The text names the speaker (a person or a body), rather than describing them ("officials", "a statement"). */
  named: boolean;
  /** Short words nobody is quoted as saying: the writer's own distancing. */
  scare: boolean;
}

/** Verbs of saying, as a regular-expression alternation (forms that follow a subject or precede an inverted one). */
const SAY =
  'said|says|say|told|tells|added|adds|asked|asks|wrote|writes|stated|states|declared|declares|announced|announces|explained|explains|noted|warned|warns|cautioned|cautions|insisted|insists|argued|argues|claimed|recalled|recalls|replied|replies|responded|responds|acknowledged|acknowledges|admitted|admits|conceded|concedes|confirmed|confirms|complained|complains|promised|pledged|pledges|urged|urges|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|suggested|suggests|tweeted|tweets|posted|commented|remarked|observed|observes|predicted|predicts|described|describes|called|hailed|hails|dismissed|dismisses|vowed|vows|boasted|boasts|joked|jokes|quipped|quips|shouted|shouts|pleaded|pleads|testified|testifies|told|saying|adding|telling|writing|asking|warning|arguing|noting|explaining|insisting|describing|calling|expressing|reiterated|reiterates|repeated|announcing|declaring';
// Case-sensitive: verbs of attribution are lower-case, and "States" in "United States" is no verb.
const SAY_RE = new RegExp(String.raw`\b(?:${SAY})\b`, 'gu');
/** Participles and -ing forms take the subject of the clause they hang on ("…, adding that …"). */
const PARTICIPLE = /ing$/;
const ACCORDING_TO = /\b[Aa]ccording to\s+/gu;

const PRONOUNS: Record<string, 'm' | 'f' | 'n'> = { he: 'm', she: 'f', they: 'n' };
const HONORIFIC_GENDER: Record<string, 'm' | 'f'> = { mr: 'm', 'mr.': 'm', mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', miss: 'f', sir: 'm', lord: 'm', lady: 'f', dame: 'f', king: 'm', queen: 'f', prince: 'm', princess: 'f' };

/** Titles that make the name after them a person's ("Mr. Steele", "Foreign Minister Ana Ruiz"). */
const PERSON_TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir lord lady dame king queen prince princess pope sheikh imam rabbi father sister brother rev rev. reverend fr fr. ' +
    'president presidents vice-president secretary secretary-general minister ministers premier chancellor senator sen sen. rep rep. representative ' +
    'congressman congresswoman gov gov. governor mayor judge justice director commissioner ambassador envoy spokesman spokeswoman spokesperson ' +
    'general gen gen. colonel col col. lt lt. lieutenant captain capt capt. major sergeant sgt sgt. admiral commander ceo chairman chairwoman ' +
    'councillor councilor councilman councilwoman inspector superintendent detective coach speaker attorney ayatollah emir cmdr cmdr. supt supt. insp insp. hon hon. adm adm. maj maj. brig brig. host presenter anchor moderator'
  ).split(' '),
);
/** Words that may stand inside a title without being names ("U.S. Secretary of State", "Defence Minister"). */
const TITLE_LINKS = new Set(
  (
    'of the foreign defense defence interior finance justice health economy trade state department prime deputy vice chief executive head ' +
    'u.s. us u.n. un uk eu national federal regional city county district'
  ).split(' '),
);
const isTitleWord = (t: string) => PERSON_TITLES.has(t.toLowerCase()) || TITLE_LINKS.has(t.toLowerCase());
/** Role nouns that make the name next to them a person ("a professor", "analyst Faisal Itani"). */
const ROLE_NOUNS =
  /\b(?:spokesman|spokeswoman|spokesperson|minister|secretary|president|professor|analyst|expert|fellow|director|envoy|official|ambassador|senator|governor|mayor|chief|commander|leader|adviser|advisor|researcher|economist|lawyer|attorney|judge|activist|resident|witness|farmer|doctor|nurse|teacher|student|manager|chairman|chairwoman|chair|founder|executive|officer|coach|player|councillor|councilor|member|head|deputy|counterpart|negotiator|diplomat|general|colonel|captain|mother|father|son|daughter|wife|husband|owner|worker|engineer|scientist|historian|author|journalist|reporter|editor|correspondent|commissioner|inspector|detective|lawmaker|legislator|candidate|campaigner|organiser|organizer|protester|survivor|victim|pilot|driver|soldier|fighter|commentator|strategist|consultant|specialist|director-general|secretary-general|chancellor|premier|superintendent|host|presenter|anchor|moderator|incumbent|challenger|businessman|businesswoman|entrepreneur|administrator|coordinator|president-elect|priest|pastor|imam|bishop|nun|midwife|surgeon|paramedic|firefighter|captain|skipper|trainer|athlete|sprinter|runner|cyclist|swimmer|curator|architect|designer|founder|co-founder|partner|shareholder|investor|trader|broker|banker|landlord|tenant|neighbour|neighbor|parent|grandmother|grandfather|uncle|aunt|veteran|refugee|migrant|volunteer|researcher|lecturer|dean|principal|headteacher|graduate|undergraduate)\b/i;
/** Gender a role noun gives ("spokeswoman" → f). */
const ROLE_GENDER: Record<string, 'm' | 'f'> = { spokesman: 'm', spokeswoman: 'f', chairman: 'm', chairwoman: 'f', councilman: 'm', councilwoman: 'f', congressman: 'm', congresswoman: 'f', mother: 'f', father: 'm', wife: 'f', husband: 'm', son: 'm', daughter: 'f', grandmother: 'f', grandfather: 'm', uncle: 'm', aunt: 'f', nun: 'f', priest: 'm' };
/** Head nouns of descriptions that can speak: people and bodies ("US officials said", "the ministry said in a statement"). */
const SPEAKING_NOUNS = new RegExp(
  String.raw`^(?:${ROLE_NOUNS.source.slice(5, -3)}|officials|sources|spokesmen|analysts|experts|residents|witnesses|critics|protesters|organisers|organizers|activists|campaigners|lawyers|doctors|police|authorities|statement|statements|report|ministry|government|administration|agency|department|office|committee|council|board|union|company|firm|group|army|military|court|commission|authority|regulator|campaign|spokespeople|insiders|opponents|supporters|backers|defenders|detractors|sceptics|skeptics|neighbours|neighbors|locals|villagers|shoppers|passengers|commuters|pupils|nurses|unions|leaders|ministers|diplomats|observers|monitors|investigators|prosecutors|prosecutor|officers|employees|workers|staff|people|Pentagon|White House|communiqué|memo|letter|filing|ruling|release|tweet|post|website|document|documents|newspaper|agencies|observatory|monitor|centre|center|institute|service|charity|organisation|organization|coalition|alliance|opposition|rebels|militants|fighters|members|parents|students|teachers|families|survivors|victims|voters|fans)$`,
  'iu',
);
/** Capitalised words that never begin a name: function words, days and months. */
const NOT_NAME = new Set(
  (
    'the a an but and or in on at for with by from to of as if when while after before since this that these those it he she they we i you his her their our its my your ' +
    'there here meanwhile however also yet so then now today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december according asked still such some many most more several both each every all no not only even just one two three four five six seven ' +
    'eight nine ten first second third fourth fifth finally last next later earlier despite although though because instead unlike like over under during where what who why how ' +
    'which whose is was were are be been has have had do does did will would could should can may might must let please yes thank thanks well oh'
  ).split(' '),
);
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'la', 'le', 'bin', 'ibn', 'ben', 'al', 'el', 'dos', 'das', 'do', 'y', 'of', 'for', 'st.', 'mac']);
/** Words that may stand between a subject and its verb: "Lopez also said", "officials had said". */
const BETWEEN_WORD = /^(?:also|later|then|again|further|previously|earlier|repeatedly|reportedly|publicly|privately|recently|once|still|only|never|has|had|have|was|is|were|would|will|did|does|himself|herself|themselves|itself|\p{Ll}+ly)$/u;
const TIME_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|morning|evening|afternoon|week|month|year|today|yesterday)$/u;
const CONJUNCTION = /^(?:and|but|or|nor|then|yet|so|while|as|that|which|who|whom|because|although|though|if|when)$/i;

interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.\-]*|[^\s\p{L}\p{N}]/gu;

function tokens(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  const s = text.slice(start, end);
  for (const m of s.matchAll(TOKEN)) {
    let t = m[0];
    // A full stop ends a word unless the word is an initial or an abbreviation ("U.S.", "Mr.", "J.").
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t) && !/^(?:mr|mrs|ms|dr|gen|sen|rep|gov|prof|lt|col|capt|sgt|st|jr|sr|rev|fr|cmdr|supt|insp|hon|adm|maj|brig|cpl|pte)\.$/i.test(t)) t = t.slice(0, -1);
    out.push({ text: t, start: start + m.index, end: start + m.index + t.length });
    // The full stop that ends a sentence stays a token of its own: a name never runs across it.
    if (t.length < m[0].length) out.push({ text: '.', start: start + m.index + t.length, end: start + m.index + m[0].length });
  }
  return out;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t) || /^(?:al|el|ad|as|ash|an|at|az|bin|ibn|abu|ben)-\p{Lu}/u.test(t);
const isNameWord = (t: string) => isCap(t) && !NOT_NAME.has(t.toLowerCase()) && /\p{L}/u.test(t);
const bare = (t: string) => t.replace(/['\u2019]s$/u, '');

/** A run of name words ending at token `i` (inclusive), reaching back over particles between capitals. */
function runEndingAt(ts: Token[], i: number): [number, number] | undefined {
  if (!isNameWord(ts[i]?.text ?? '') && !(isCap(ts[i]?.text ?? '') && ts[i]!.text.length <= 4 && /^\p{Lu}+$/u.test(ts[i]!.text))) return undefined;
  let a = i;
  while (a > 0) {
    const prev = ts[a - 1]!.text;
    if ((isNameWord(prev) && !/['\u2019]s$/u.test(prev)) || /^(?:\p{Lu}\.)+$/u.test(prev) || (isTitleWord(prev) && isCap(prev))) a--;
    else if (PARTICLES.has(prev.toLowerCase())) {
      // "van der Wiel", "de la Roche": particles back to a capitalised word.
      let k = a - 1;
      while (k > 0 && PARTICLES.has(ts[k - 1]!.text.toLowerCase()) && !/^(?:of|for)$/i.test(ts[k - 1]!.text)) k--;
      if (k >= 1 && isCap(ts[k - 1]!.text) && !/^(?:of|for)$/i.test(prev)) a = k;
      else break;
    } else break;
  }
  return [a, i];
}

/** A run of name words starting at token `i`, titles included; a possessive ends it ("Brotherhood’s Morsi"). */
function runStartingAt(ts: Token[], i: number): [number, number] | undefined {
  const first = ts[i]?.text ?? '';
  if (!isCap(first) || (NOT_NAME.has(first.toLowerCase()) && !PERSON_TITLES.has(first.toLowerCase())) || !/\p{L}/u.test(first)) return undefined;
  let b = i;
  while (b + 1 < ts.length && !/['\u2019]s$/u.test(ts[b]!.text)) {
    const next = ts[b + 1]!.text;
    if (isCap(next) && /\p{L}/u.test(next) && !NOT_NAME.has(next.toLowerCase())) {
      b++;
      continue;
    }
    // "van der", "de la", "bin": particles up to a capitalised word; "of"/"for" only inside titles and names of bodies.
    let k = b + 1;
    while (k < ts.length && PARTICLES.has(ts[k]!.text.toLowerCase()) && k - b <= 3) k++;
    const ofFor = /^(?:of|for)$/i.test(next);
    if (k > b + 1 && k < ts.length && isCap(ts[k]!.text) && (!ofFor || isTitleWord(ts[b]!.text) || NOT_PERSON_WORD.test(ts[b]!.text))) b = k;
    else break;
  }
  return [i, b];
}

/** A name without the titles in front of it ("U.S. Secretary of State Jane Roe" → "Jane Roe"). */
interface Named {
  name: string;
  start: number;
  end: number;
  /** A person's title was in front ("Mr.", "President", "Foreign Minister"). */
  titled: boolean;
  gender?: 'm' | 'f';
}

function stripTitles(ts: Token[], [a, b]: [number, number]): Named | undefined {
  // The name follows the last personal title of the run and the link words after it
  // ("U.S. Secretary of State Jane Roe", "Agriculture Minister Eleni Charalambous").
  let i = a;
  let personTitle = false;
  let gender: 'm' | 'f' | undefined;
  for (let k = a; k < b; k++) {
    const low = ts[k]!.text.toLowerCase();
    if (!PERSON_TITLES.has(low)) continue;
    personTitle = true;
    gender = HONORIFIC_GENDER[low] ?? ROLE_GENDER[low] ?? gender;
    i = k + 1;
    while (i < b && TITLE_LINKS.has(ts[i]!.text.toLowerCase())) i++;
  }
  if (PERSON_TITLES.has(ts[b]!.text.toLowerCase())) return undefined;
  // Without a title: initialisms and link words in front ("U.S. Ambassador" is handled above; "U.N. envoy" is lower-case).
  if (!personTitle) while (i < b && (TITLE_LINKS.has(ts[i]!.text.toLowerCase()) || /^(?:\p{Lu}\.)+$/u.test(ts[i]!.text))) i++;
  while (i <= b && PARTICLES.has(ts[i]!.text.toLowerCase()) && !/^(?:de|van|von|al|el|bin|ibn|ben)$/i.test(ts[i]!.text)) i++;
  if (i > b) return undefined;
  const name = ts
    .slice(i, b + 1)
    .map((t) => bare(t.text))
    .join(' ');
  return { name, start: ts[i]!.start, end: ts[b]!.end, titled: personTitle, ...(gender ? { gender } : {}) };
}

/** A person the text names, with every place it names them. */
interface Person {
  name: string;
  /** The word a later mention may use alone: the last one, and for long names every word after the first ("Huamán" of "Rosa Huamán Quispe"). */
  surname: string;
  surnames: string[];
  entityId?: string;
  gender?: 'm' | 'f';
  roles: string[];
  mentions: number[];
  /** Only the shape of a name ("Dragan Petrović"): no title, role or known entity says it is a person. */
  weak?: boolean;
}

/** A candidate speaker found next to a verb. */
type Subject = ({ kind: 'name' } & Named) | { kind: 'pronoun'; gender: 'm' | 'f' | 'n'; at: number } | { kind: 'description'; text: string; at: number };

/** A description whose head noun can speak ("US officials", "the ministry", "a statement"). */
function description(ts: Token[], a: number, i: number): Subject | undefined {
  const words = ts.slice(a, i + 1).map((x) => x.text);
  while (words.length > 0 && /^(?:the|a|an|his|her|their|its|our|one|some|two|three|several|many|both|all)$/i.test(words[0]!)) words.shift();
  const head = words.at(-1) ?? '';
  if (!SPEAKING_NOUNS.test(head) && !SPEAKING_NOUNS.test(head.replace(/(?:e?s)$/, ''))) return undefined;
  return { kind: 'description', text: words.join(' '), at: ts[a]!.start };
}

/** The subject phrase ending right before `end` (the verb), within [from, end). */
function subjectBefore(text: string, from: number, end: number): Subject | undefined {
  const ts = tokens(text, from, end);
  let i = ts.length - 1;
  // Skip what may stand between a subject and its verb: adverbs, auxiliaries, "on Monday".
  for (;;) {
    if (i >= 0 && BETWEEN_WORD.test(ts[i]!.text)) i--;
    else if (i >= 1 && TIME_WORD.test(ts[i]!.text) && /^(?:on|last|this|late|early)$/i.test(ts[i - 1]!.text)) i -= 2;
    else break;
  }
  if (i < 0) return undefined;
  const t = ts[i]!;
  const low = t.text.toLowerCase();
  if (low in PRONOUNS && low !== 'him' && low !== 'her') return { kind: 'pronoun', gender: PRONOUNS[low]!, at: t.start };
  if (CONJUNCTION.test(low) || /^[;:.!?]$/.test(t.text)) return undefined;
  // "Scott Whiffen, a spokesman, said" and "a spokesman, Scott Whiffen, said": an apposition before the verb.
  if (t.text === ',' && i >= 1) {
    let j = i - 1;
    while (j >= 0 && ts[j]!.text !== ',' && !/^[;:.!?\u201C\u201D"«»()]$/u.test(ts[j]!.text)) j--;
    if (j < 0 || ts[j]!.text !== ',') return undefined;
    const inner = runEndingAt(ts, i - 1);
    if (inner && inner[0] === j + 1) {
      const named = stripTitles(ts, inner);
      if (named) return { kind: 'name', ...named };
    }
    return subjectBefore(text, from, ts[j]!.start);
  }
  const run = runEndingAt(ts, i);
  if (run) {
    const named = stripTitles(ts, run);
    if (named) {
      // "analyst Faisal Itani": a role noun just before the name makes it a person's.
      const roleBefore = run[0] > 0 && ROLE_NOUNS.test(ts[run[0] - 1]!.text);
      return { kind: 'name', ...named, titled: named.titled || roleBefore };
    }
    return description(ts, run[0], run[1]) ?? { kind: 'description', text: ts.slice(run[0], run[1] + 1).map((x) => x.text).join(' '), at: ts[run[0]]!.start };
  }
  if (/^\p{Ll}/u.test(t.text)) {
    let a = i;
    while (a > 0 && a > i - 4 && /^[\p{L}.\u2019'-]+$/u.test(ts[a - 1]!.text) && !CONJUNCTION.test(ts[a - 1]!.text)) {
      a--;
      if (/^(?:the|a|an|his|her|their|its|our)$/i.test(ts[a]!.text)) break;
    }
    return description(ts, a, i);
  }
  return undefined;
}

/** The subject after an inverted verb ("…,” said Aaron Lund, Middle East expert at …) or after "according to". */
function subjectAfter(text: string, from: number, end: number): Subject | undefined {
  const ts = tokens(text, from, Math.min(end, from + 120));
  const cut = ts.findIndex((t) => /^[,;:.!?()\u2014\u2013]$/u.test(t.text) || /^(?:in|at|on|during|after|before|following|to|from|who|which|that|as|when|while|adding|saying|and|but)$/i.test(t.text));
  const phrase = ts.slice(0, cut < 0 ? ts.length : cut);
  if (phrase.length === 0) return undefined;
  // "said its chairman, Koen Brouwers." — the name in apposition to a role.
  if (cut >= 0 && ts[cut]!.text === ',' && ROLE_NOUNS.test(phrase.at(-1)!.text)) {
    const run = runStartingAt(ts, cut + 1);
    const named = run && stripTitles(ts, run);
    if (named && (run[1] + 1 >= ts.length || /^[,;:.!?]$/.test(ts[run[1] + 1]!.text))) return { kind: 'name', ...named, titled: true };
  }
  const low = phrase[0]!.text.toLowerCase();
  if (phrase.length === 1 && low in PRONOUNS) return { kind: 'pronoun', gender: PRONOUNS[low]!, at: phrase[0]!.start };
  // A name run that ends the phrase: "State Department spokesman Ned Price" → "Ned Price"
  // (not "Chilean" in "a Chilean human rights group", which is a description).
  const run = runEndingAt(phrase, phrase.length - 1);
  const named = run && stripTitles(phrase, run);
  if (run && named) return { kind: 'name', ...named, titled: named.titled || (run[0] > 0 && ROLE_NOUNS.test(phrase[run[0] - 1]!.text)) };
  return description(phrase, 0, phrase.length - 1);
}

/**
 * The subject of a sentence: its first pronoun or name, after an opening phrase ("At one
 * point, Lopez said …"). Participles ("…, adding that …") take it.
 */
function sentenceSubject(text: string, from: number, end: number): Subject | undefined {
  const ts = tokens(text, from, end);
  let i = 0;
  const comma = ts.findIndex((t) => t.text === ',');
  if (comma > 0 && comma <= 6 && /^(?:at|in|on|after|before|during|for|with|by|from|meanwhile|however|later|then|and|but|also|still|yet|separately|earlier)$/i.test(ts[0]!.text)) i = comma + 1;
  const t = ts[i];
  if (!t) return undefined;
  const low = t.text.toLowerCase();
  if (low === 'he' || low === 'she') return { kind: 'pronoun', gender: PRONOUNS[low]!, at: t.start };
  // "Cameroon's Minister of Arts, Blaise Ngo Mbock, welcomed …": the name in the apposition.
  const nextComma = ts.findIndex((x, k) => k > i && x.text === ',');
  if (nextComma > i && nextComma - i <= 8) {
    const close = ts.findIndex((x, k) => k > nextComma && x.text === ',');
    const inner = close > nextComma + 1 ? runStartingAt(ts, nextComma + 1) : undefined;
    if (inner && inner[1] === close - 1) {
      const named = stripTitles(ts, inner);
      if (named) return { kind: 'name', ...named };
    }
  }
  const run = runStartingAt(ts, i);
  if (!run) {
    // "The meteorological centre …": a description whose head can speak, within the first words.
    if (/^(?:the|a|an)$/i.test(t.text)) {
      for (let k = i + 1; k < Math.min(ts.length, i + 5); k++) {
        if (!/^[\p{L}-]+$/u.test(ts[k]!.text)) break;
        const d = description(ts, i, k);
        if (d) return d;
      }
    }
    return undefined;
  }
  const named = stripTitles(ts, run);
  return named ? { kind: 'name', ...named } : undefined;
}

interface Context {
  text: string;
  sentenceAt: (offset: number) => Span | undefined;
  paragraphs: readonly Paragraph[];
  paragraphAt: (offset: number) => number;
  people: Person[];
  known: readonly KnownName[];
  /** Quotation spans, so that verbs inside a quotation are never taken for the attribution. */
  inQuote: (offset: number) => boolean;
}

interface Verb {
  at: number;
  end: number;
  word: string;
}

/** Speech verbs in [from, to) that stand outside every quotation, in order. */
function verbsIn(ctx: Context, from: number, to: number): Verb[] {
  const s = ctx.text.slice(from, to);
  const out: Verb[] = [];
  for (const m of s.matchAll(SAY_RE)) {
    const at = from + m.index;
    // "now called Fateh al-Sham", "a group called …": naming, not saying; "called it …", "called for …" say.
    if (/^call/.test(m[0]) && !/^\s+(?:(?:it|them|him|her|the|this|that|a|an|on|for|his|their|its)\b|["\u201C\u201E\u00AB\u2018'])/u.test(ctx.text.slice(at + m[0].length, at + m[0].length + 8))) continue;
    if (!ctx.inQuote(at)) out.push({ at, end: at + m[0].length, word: m[0].toLowerCase() });
  }
  for (const m of s.matchAll(ACCORDING_TO)) {
    const at = from + m.index;
    if (!ctx.inQuote(at)) out.push({ at, end: at + m[0].trimEnd().length, word: 'according to' });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The person a name refers to: the same full name, or a person with that surname named before (else after). */
function personNamed(ctx: Context, name: string, at: number): Person | undefined {
  const low = name.toLowerCase();
  const exact = ctx.people.find((p) => p.name.toLowerCase() === low) ?? (low.includes(' ') ? ctx.people.find((p) => p.name.toLowerCase().startsWith(`${low} `)) : undefined);
  if (exact) return exact;
  const words = low.split(/\s+/);
  const last = words.at(-1)!;
  const candidates = ctx.people.filter((p) => (p.surname.toLowerCase() === last && p.name.toLowerCase().endsWith(low)) || (words.length === 1 && p.surnames.some((w) => w.toLowerCase() === last)));
  if (candidates.length === 0) return undefined;
  const ranked = candidates.map((p) => ({ p, m: p.mentions.filter((x) => x <= at).at(-1) ?? -1 })).sort((a, b) => b.m - a.m);
  return ranked[0]!.m >= 0 ? ranked[0]!.p : candidates[0];
}

/**
 * The person a pronoun means: the last person named before `at` who is not known to be of the
 * other gender, in its paragraph or the one before; failing that, for "she", the last woman
 * named within three paragraphs (the text told us she is one: "Ms.", "spokeswoman").
 */
function antecedent(ctx: Context, at: number, gender: 'm' | 'f'): Person | undefined {
  const last = (floorParagraphs: number, accept: (p: Person) => boolean) => {
    const para = ctx.paragraphAt(at);
    const floor = ctx.paragraphs[Math.max(0, para - floorParagraphs)]?.start ?? 0;
    let best: { p: Person; m: number } | undefined;
    for (const p of ctx.people) {
      if (!accept(p)) continue;
      const m = p.mentions.filter((x) => x < at && x >= floor).at(-1);
      if (m !== undefined && (!best || m > best.m)) best = { p, m };
    }
    return best?.p;
  };
  const found = last(1, (p) => !p.gender || p.gender === gender) ?? (gender === 'f' ? last(3, (p) => p.gender === 'f') : last(3, (p) => p.gender !== 'f'));
  // What a pronoun tells of the person it means holds for later ones: "… she said" makes "he" mean someone else.
  if (found) found.gender ??= gender;
  return found;
}

/** Adds a person the attribution met (a speaker named by a speech verb), or finds them. */
/** "O’SULLIVAN-CLARKE" → "O’Sullivan-Clarke": a name printed in capitals (a transcript label), as a name. */
function nameCase(name: string): string {
  // Acronyms stay as printed ("FNI", "NATO"): only names of five letters or more, or of several words, are recased.
  if (!/^[\p{Lu}\s'\u2019.-]+$/u.test(name) || !/\p{Lu}{5}|\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(name)) return name;
  return name.toLowerCase().replace(/(\bo['\u2019]|\bd['\u2019]|\bmc|^|[\s-])(\p{L})/gu, (_, lead: string, ch: string) => `${lead.length > 1 ? lead.charAt(0).toUpperCase() + lead.slice(1) : lead}${ch.toUpperCase()}`);
}

function addPerson(people: Person[], name: string, extra: { gender?: 'm' | 'f'; role?: string; entityId?: string; at?: number; weak?: boolean } = {}): Person {
  const clean = nameCase(name.replace(/['\u2019]s$/u, ''));
  const surname = clean.split(/\s+/).at(-1)!;
  let p = people.find((x) => x.name.toLowerCase() === clean.toLowerCase() || (extra.entityId !== undefined && x.entityId === extra.entityId));
  if (!p) {
    // A longer name of someone known by a shorter one ("Lund", then "Aaron Lund") is the same person.
    p = people.find((x) => x.surname === surname && (x.name === surname || clean === surname || clean.endsWith(` ${x.name}`) || x.name.endsWith(` ${clean}`)));
    // "Ahmad Faizal" after "Ahmad Faizal bin Osman": a name that begins a known one is the same person.
    p ??= people.find((x) => clean.includes(' ') && (x.name.startsWith(`${clean} `) || clean.startsWith(`${x.name} `)) && x.name.split(' ').length > 1);
    if (p && clean.length > p.name.length) p.name = clean;
  }
  if (!p) people.push((p = { name: clean, surname, surnames: [], roles: [], mentions: [], ...(extra.weak ? { weak: true } : {}) }));
  else if (!extra.weak) delete p.weak;
  p.surname = p.name.split(/\s+/).at(-1)!;
  p.surnames = surnamesOf(p.name);
  if (extra.entityId) p.entityId ??= extra.entityId;
  if (extra.gender) p.gender ??= extra.gender;
  if (extra.role) p.roles.push(extra.role);
  if (extra.at !== undefined) noteMention(p, extra.at);
  return p;
}

/** The words of a name that may stand for the person alone: the last, and in names of three or more words the ones after the first. */
function surnamesOf(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => !PARTICLES.has(w.toLowerCase()) && !/^(?:binti?|bt)$/i.test(w));
  return words.length >= 3 ? words.slice(1) : words.slice(-1);
}

/** A resolved speaker: the words to show and, where known, the entity and the person record. */
export interface Who {
  speaker: string;
  entity?: string;
  person?: Person;
  /** The speaker is described, not named ("US officials", "a statement", "reporter"). */
  described?: true;
}

/** A subject as a speaker: a person of the text where it names one, else the words themselves. */
function resolve(ctx: Context, s: Subject, cataphora?: () => Who | undefined): Who | undefined {
  if (s.kind === 'pronoun') {
    if (s.gender === 'n') return undefined;
    const p = antecedent(ctx, s.at, s.gender);
    if (p) return { speaker: p.name, entity: p.entityId, person: p };
    // "“…” she added. Maria Lopez, of the …, told …": a woman named in the next sentence.
    return s.gender === 'f' ? cataphora?.() : undefined;
  }
  if (s.kind === 'description') {
    // "the minister", "the spokeswoman": the last person the text gave that role.
    const role = s.text.toLowerCase().split(/\s+/).at(-1)!;
    if (ROLE_NOUNS.test(role)) {
      const para = ctx.paragraphAt(s.at);
      const floor = ctx.paragraphs[Math.max(0, para - 8)]?.start ?? 0;
      const holders = ctx.people
        .filter((p) => p.roles.some((r) => r.toLowerCase() === role))
        .map((p) => ({ p, m: p.mentions.filter((x) => x < s.at && x >= floor).at(-1) ?? -1 }))
        .filter((x) => x.m >= 0)
        .sort((a, b) => b.m - a.m);
      if (holders[0]) return { speaker: holders[0].p.name, entity: holders[0].p.entityId, person: holders[0].p };
    }
    return { speaker: s.text, described: true };
  }
  const known = ctx.known.find((k) => k.start < s.end && s.start < k.end);
  const person = personNamed(ctx, s.name, s.start);
  if (person) {
    noteMention(person, s.start);
    return { speaker: person.name, entity: person.entityId ?? known?.entityId, person };
  }
  if (known && !known.person) return { speaker: known.name, entity: known.entityId };
  // A name that speaks and that the text does not use as a place ("in Lopez") is a person's, for later pronouns.
  if (!usedAsPlace(ctx.text, s.name) || s.titled) {
    const p = addPerson(ctx.people, s.name, { ...(s.gender ? { gender: s.gender } : {}), at: s.start, ...(known?.entityId ? { entityId: known.entityId } : {}) });
    return { speaker: p.name, entity: p.entityId, person: p };
  }
  return { speaker: s.name, entity: known?.entityId };
}

/** The speaker named by the verb `v`: before it, after it when inverted, or the sentence's subject for a participle. */
function speakerOfVerb(ctx: Context, v: Verb, clauseStart: number, clauseEnd: number): Subject | undefined {
  if (v.word === 'according to') return subjectAfter(ctx.text, v.end, clauseEnd);
  if (PARTICIPLE.test(v.word)) {
    const before = ctx.text.slice(clauseStart, v.at);
    if (/,\s*$/.test(before) || before.trim() === '') {
      const sentence = ctx.sentenceAt(v.at);
      return sentenceSubject(ctx.text, sentence?.start ?? clauseStart, v.at);
    }
    return subjectBefore(ctx.text, clauseStart, v.at);
  }
  const before = subjectBefore(ctx.text, clauseStart, v.at);
  if (before) return before;
  // "The centre has extended … and said": the subject of the sentence.
  if (/\b(?:and|but)\s*$/i.test(ctx.text.slice(clauseStart, v.at))) {
    const sentence = ctx.sentenceAt(v.at);
    const s = sentenceSubject(ctx.text, sentence?.start ?? clauseStart, v.at);
    if (s) return s;
  }
  const after = subjectAfter(ctx.text, v.end, clauseEnd);
  return after?.kind === 'name' || after?.kind === 'pronoun' || (after && /^\s+(?:the|a|an)\s/i.test(ctx.text.slice(v.end, v.end + 5))) ? after : undefined;
}

/** The clause boundary before `at` within [from, at): just after the last quotation that ends before it. */
function clauseStart(from: number, at: number, quotes: readonly { start: number; end: number }[]): number {
  let s = from;
  for (const q of quotes) if (q.end <= at && q.end >= s) s = Math.min(at, q.end + 1);
  return s;
}

/** Words that make a capitalised run an organisation's, a place's or a thing's name, not a person's. */
const NOT_PERSON_WORD =
  /\b(?:Agency|Authority|Government|Parliament|Senate|Congress|Cabinet|Assembly|Directorate|Secretariat|Bureau|Administration|Board|Council|University|College|Institute|Ministry|Department|Office|Front|Group|Party|Company|Corporation|Corp|Inc|Ltd|Bank|Court|Association|Federation|Union|Committee|Commission|Museum|Hospital|School|Club|Trust|Foundation|Society|Centre|Center|Service|Services|Police|Army|Navy|Force|Forces|Guard|Brigade|Movement|Alliance|Coalition|Network|News|Times|Post|Herald|Daily|Weekly|Review|Journal|Press|Radio|Television|TV|Online|Street|Road|Avenue|Square|Bridge|River|Lake|Sea|Bay|Valley|Mountain|Mount|Island|Islands|Province|Region|District|County|City|Town|Village|State|States|Republic|Kingdom|Airport|Port|Station|Stadium|Park|Hall|House|Palace|Tower|Building|Project|Programme|Program|Plan|Act|Bill|Law|Treaty|Accord|Agreement|Summit|Conference|Games|Cup|League|Championship|Festival|Prize|Award|Day|Week|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|North|South|East|West|Northern|Southern|Eastern|Western|Central|New|United|Federal|National|International|European|Global|World|Royal|General|Supreme|Western|Middle)\b/u;

/** Whether the text uses a name as a place ("in Leckwith", "from Saudi Arabia"). */
function usedAsPlace(text: string, name: string): boolean {
  return new RegExp(String.raw`\b(?:in|from|to|into|across|near|at|outside|inside|around|towards?)\s+(?:the\s+)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`).test(text);
}

/** Persons the text names: known person entities, and names with person evidence (a title, a role, an honorific). */
function collectPeople(text: string, paragraphs: readonly Paragraph[], known: readonly KnownName[]): Person[] {
  const people: Person[] = [];
  // Known persons go by their entity's name ("Maria Lopez", whatever title or spelling this text uses).
  for (const k of known) if (k.person) addPerson(people, k.name, { entityId: k.entityId });
  for (const para of paragraphs) {
    const ts = tokens(text, para.start, para.end);
    for (let i = 0; i < ts.length; i++) {
      const run = runStartingAt(ts, i);
      if (!run) continue;
      i = run[1];
      const named = stripTitles(ts, run);
      if (!named) continue;
      const words = named.name.split(/\s+/);
      // "analyst Faisal Itani", and "The mayor of Carhuaz province, Wilber Chávez Tarazona,".
      let lead = ts[run[0] - 1];
      if (lead?.text === ',') {
        for (let k = run[0] - 2; k >= 0 && k >= run[0] - 9 && !/^[,;:.!?]$/.test(ts[k]!.text); k--) {
          if (ROLE_NOUNS.test(ts[k]!.text) && /^\p{Ll}/u.test(ts[k]!.text)) {
            lead = ts[k];
            break;
          }
        }
      }
      const roleBefore = lead !== undefined && ROLE_NOUNS.test(lead.text) && /^\p{Ll}/u.test(lead.text);
      const after = text.slice(ts[run[1]]!.end, Math.min(para.end, ts[run[1]]!.end + 70));
      const apposition = /^,\s+(?:(?:a|an|the|who is|now|former|then|his|her)\s+)?((?:[\p{L}'\u2019.-]+\s+){0,3}?[\p{L}-]+)/u.exec(after)?.[1] ?? '';
      const roleAfter = ROLE_NOUNS.exec(apposition)?.[0];
      const roleWord = roleBefore ? lead!.text : roleAfter;
      // One word is a name only with a title ("Mr. Steele", "President Lula"); more need a title or a role,
      // or else have the shape of a person's name (a weak person, for pronouns only).
      const acronymAfter = /^\s*\(\p{Lu}{2,}\)/u.test(text.slice(ts[run[1]]!.end, ts[run[1]]!.end + 12));
      const shaped = words.length >= 2 && words.length <= 4 && !acronymAfter && !NOT_PERSON_WORD.test(named.name) && !usedAsPlace(text, named.name) && !usedAsPlace(text, words[0]!);
      if (!named.titled && !roleBefore && !roleAfter) {
        if (shaped && words.every((w) => /^\p{Lu}(?:['\u2019]\p{Lu})?\p{Ll}[\p{L}'\u2019-]*$/u.test(w) || PARTICLES.has(w.toLowerCase()))) addPerson(people, named.name, { weak: true });
        continue;
      }
      if ((named.titled && words.length >= 1) || (words.length >= 2 && words.length <= 5 && (roleBefore || roleAfter))) {
        if (words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()) || /^(?:al|el|bin|ibn|abu|ben)-/u.test(w))) {
          const gender = named.gender ?? (roleWord ? ROLE_GENDER[roleWord.toLowerCase()] : undefined);
          const titleRole = ts.slice(run[0], run[1] + 1).map((t) => t.text.toLowerCase()).find((t) => PERSON_TITLES.has(t));
          addPerson(people, named.name, { ...(gender ? { gender } : {}), ...(roleWord ?? titleRole ? { role: (roleWord ?? titleRole)!.toLowerCase() } : {}) });
        }
      }
    }
  }
  // Every place each person is named: full name or surname as a capitalised word.
  for (const p of people) {
    const names = [...new Set([p.name, ...p.surnames])].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${names.join('|')})(?![\p{L}\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) p.mentions.push(m.index);
    for (const k of known) if (k.entityId === p.entityId) p.mentions.push(k.start);
    p.mentions = [...new Set(p.mentions)].sort((a, b) => a - b);
  }
  return people;
}

/** Records that a person was referred to at `at` (a resolved pronoun or description), for later pronouns. */
function noteMention(p: Person | undefined, at: number): void {
  if (!p || p.mentions.includes(at)) return;
  p.mentions.push(at);
  p.mentions.sort((a, b) => a - b);
}

/**
 * Speakers for `quotes` (as findQuotations returns them) in `text`. `known` are names the
 * caller matched (entities of a pack); they tell persons from other names and give entity ids.
 */
export function attributeSpeakers(
  text: string,
  quotes: readonly Quotation[],
  sentenceAt: (offset: number) => Span | undefined,
  paragraphs: readonly Paragraph[],
  known: readonly KnownName[] = [],
): { attributions: Attribution[]; reportedBy: (offset: number) => Who | undefined } {
  const paragraphAt = (offset: number) => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  const inQuote = (offset: number) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = sorted[mid]!;
      if (offset < q.start) hi = mid - 1;
      else if (offset >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const ctx: Context = { text, sentenceAt, paragraphs, paragraphAt, people: collectPeople(text, paragraphs, known), known, inQuote };
  const byGroup = new Map<number, Who | null>();
  const result = new Map<Quotation, Attribution>();
  /** The last speaker attributed, and in which paragraph: a quotation with no attribution of its own may continue it. */
  let last: (Who & { paragraph: number }) | undefined;

  for (const q of sorted) {
    const para = paragraphAt(q.start);
    let who: Who | undefined = byGroup.get(q.group) ?? undefined;
    if (!who && q.label) who = labelSpeaker(ctx, q);
    else if (!who && q.introducedAt !== undefined) who = introducedSpeaker(ctx, q, sorted);
    // "“…,” she said": an attribution by pronoun, even one this reading cannot resolve, is the quotation's own.
    const pronoun = q.kind !== 'block' ? /^[\s,.;:!?\u201D"'\u2019\u00BB]*(he|she|they|I|we)\s+(?:said|says|added|asked|told|replied|wrote)\b/u.exec(text.slice(q.end, q.end + 30))?.[1] : undefined;
    const pronounSaid = pronoun !== undefined;
    // The pronoun's gender, where it has one: a speaker carried over must not contradict it.
    const pronounGender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
    if (!who && !q.label && q.introducedAt === undefined) {
      who = markedSpeaker(ctx, q, sorted);
      // A quotation with no attribution of its own continues the speaker just before it.
      const opensParagraph = q.start - 1 <= paragraphs[para]!.start + 2;
      const free = !q.short && q.kind === 'full';
      const compatible = (w: Who | undefined) => !pronounGender || !w?.person?.gender || w.person.gender === pronounGender;
      if (!who && free && last && compatible(last) && (last.paragraph === para || (last.paragraph === para - 1 && opensParagraph))) who = last;
      if (!who && free && !pronounSaid) who = indirectSpeakerBefore(ctx, q, sorted);
    }
    // Short words in marks are scare quotes unless someone is said to say them ("“Ask my wife,” he said").
    const said = who !== undefined || pronounSaid;
    const scare = !said && (q.short || q.soCalled) && q.kind !== 'block';
    if (!byGroup.has(q.group) || who) byGroup.set(q.group, who ?? null);
    result.set(q, scare || !who ? { speaker: null, named: false, scare } : { speaker: who.speaker, ...(who.entity ? { speakerEntity: who.entity } : {}), named: !who.described, scare: false });
    if (who) last = { ...who, paragraph: para };
  }
  // A quotation over several paragraphs takes the speaker found for any of its parts.
  const attributions = quotes.map((q) => {
    const r = result.get(q)!;
    const g = byGroup.get(q.group);
    return r.speaker === null && !r.scare && g ? { speaker: g.speaker, ...(g.entity ? { speakerEntity: g.entity } : {}), named: !g.described, scare: false } : r;
  });
  return { attributions, reportedBy: (offset) => reportedIn(ctx, offset, sorted) };
}

/**
 * Whom the sentence around `offset` reports, outside quotation marks: "That intervention, US
 * officials said, was …", "Lopez said the plan could …", "…, according to a rights group".
 * Undefined when the sentence is the writer's own statement.
 */
function reportedIn(ctx: Context, offset: number, quotes: readonly Quotation[]): Who | undefined {
  const sentence = ctx.sentenceAt(offset);
  if (!sentence) return undefined;
  for (const v of verbsIn(ctx, sentence.start, sentence.end)) {
    const s = speakerOfVerb(ctx, v, clauseStart(sentence.start, v.at, quotes), sentence.end);
    const who = s && resolve(ctx, s, () => undefined);
    if (who) return who;
  }
  return undefined;
}

/**
 * A transcript turn's speaker: the label without its titles ("MAYOR LOPEZ" → Lopez), or the
 * name in brackets after a role ("HOST (Ben Kowalczyk)", who is then the host of later turns);
 * "Q" asks for an unnamed reporter.
 */
function labelSpeaker(ctx: Context, q: Quotation): Who | undefined {
  // "Q:" is a reporter's question; "A:" answers it, and the answer's speaker is named elsewhere.
  if (q.label === 'Q') return { speaker: 'reporter', described: true };
  if (q.label === 'A') return undefined;
  if (q.labelNote && /^\p{Lu}[\p{Ll}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+){1,3}$/u.test(q.labelNote) && PERSON_TITLES.has(q.label!.toLowerCase())) {
    const p = addPerson(ctx.people, q.labelNote, { role: q.label!.toLowerCase(), at: q.start });
    return { speaker: p.name, entity: p.entityId, person: p };
  }
  const words = nameCase(q.label!).split(/\s+/);
  const ts = tokens(words.join(' '), 0, words.join(' ').length);
  const named = stripTitles(ts, [0, ts.length - 1]);
  const at = q.start - q.label!.length - 2;
  return resolve(ctx, named ? { kind: 'name', ...named, start: at, end: q.start - 2 } : { kind: 'description', text: words.join(' '), at });
}

/** A block after "… said:": the subject of the verb that introduces it. */
function introducedSpeaker(ctx: Context, q: Quotation, quotes: readonly Quotation[]): Who | undefined {
  const colon = q.introducedAt!;
  const from = ctx.sentenceAt(colon - 1)?.start ?? ctx.paragraphs[ctx.paragraphAt(colon)]!.start;
  const v = verbsIn(ctx, from, colon).at(-1);
  const s = v && speakerOfVerb(ctx, v, clauseStart(from, v.at, quotes), colon);
  return s && resolve(ctx, s);
}

/** The speaker of a marked quotation: the verb governing it before it in its sentence, or the attribution after it. */
function markedSpeaker(ctx: Context, q: Quotation, quotes: readonly Quotation[]): Who | undefined {
  const para = ctx.paragraphs[ctx.paragraphAt(q.start)]!;
  const sentence = ctx.sentenceAt(q.start) ?? { start: para.start, end: q.end };
  const open = q.start - 1;
  const closeEnd = Math.min(para.end, q.end + 1);
  const nextSentenceSpeaker = (): Who | undefined => {
    const next = ctx.sentenceAt(sentence.end + 1) ?? ctx.sentenceAt(closeEnd + 2);
    if (!next) return undefined;
    for (const v of verbsIn(ctx, next.start, next.end)) {
      const s = speakerOfVerb(ctx, v, next.start, next.end);
      if (s?.kind === 'name') return resolve(ctx, s);
    }
    return undefined;
  };
  // Before: "Lopez said it would be 'wise'", "described the deal as a “window of opportunity”".
  const tryBefore = (): Who | undefined => {
    const verbs = verbsIn(ctx, sentence.start, open);
    for (let k = verbs.length - 1; k >= 0; k--) {
      let s = speakerOfVerb(ctx, verbs[k]!, clauseStart(sentence.start, verbs[k]!.at, quotes), open);
      // "…, but warned that …": the subject of the verb before.
      for (let j = k - 1; !s && j >= 0; j--) s = speakerOfVerb(ctx, verbs[j]!, clauseStart(sentence.start, verbs[j]!.at, quotes), verbs[j + 1]!.at);
      if (s) return resolve(ctx, s, nextSentenceSpeaker);
    }
    // "From one article (WSJ): “…”": a source named just before a colon.
    const lead = ctx.text.slice(clauseStart(sentence.start, open, quotes), open);
    const colon = /([\p{L}\p{N} .'\u2019()-]{1,60}):\s*$/u.exec(lead);
    // Only a short lead ("Lopez on the budget:") or a source in brackets ("one article (WSJ):") names the speaker.
    if (colon && (colon[1]!.trim().split(/\s+/).length <= 5 || /\)\s*$/.test(colon[1]!))) {
      const ts = tokens(ctx.text, open - colon[0].length, open - (colon[0].length - colon[1]!.length));
      for (let k = ts.length - 1; k >= 0; k--) {
        const run = runEndingAt(ts, k);
        const named = run && stripTitles(ts, run);
        if (named) return resolve(ctx, { kind: 'name', ...named });
      }
    }
    return undefined;
  };
  // After: "…,” Lopez said." / "…,” said Ana Ruiz, …" / "…, the Pentagon said in a statement".
  const tryAfter = (): Who | undefined => {
    const nextQuote = quotes.find((o) => o.start > q.end && o.start < para.end);
    const limit = Math.min(nextQuote ? nextQuote.start - 1 : para.end, para.end);
    // The attribution stays in the sentence that the quotation ends in (or the one right after its close).
    const around = ctx.sentenceAt(Math.min(closeEnd, limit - 1)) ?? ctx.sentenceAt(closeEnd + 1);
    const end = Math.min(limit, Math.max(around?.end ?? limit, closeEnd));
    for (const v of verbsIn(ctx, closeEnd, end)) {
      const s = speakerOfVerb(ctx, v, clauseStart(closeEnd, v.at, quotes), end);
      if (s) return resolve(ctx, s, nextSentenceSpeaker);
    }
    return undefined;
  };
  const embedded = q.kind === 'partial' || ctx.text.slice(sentence.start, open).trim().length > 0;
  return embedded ? (tryBefore() ?? tryAfter()) : (tryAfter() ?? tryBefore());
}

/**
 * A full quotation standing alone after the writer reported someone's words ("…, he said.
 * “For this reason …”"): the speaker of the last speech verb earlier in its paragraph.
 */
function indirectSpeakerBefore(ctx: Context, q: Quotation, quotes: readonly Quotation[]): Who | undefined {
  const para = ctx.paragraphs[ctx.paragraphAt(q.start)]!;
  const v = verbsIn(ctx, para.start, q.start - 1).at(-1);
  if (!v) return undefined;
  const sentence = ctx.sentenceAt(v.at);
  const s = speakerOfVerb(ctx, v, clauseStart(sentence?.start ?? para.start, v.at, quotes), Math.min(sentence?.end ?? q.start, q.start - 1));
  return s && resolve(ctx, s);
}
