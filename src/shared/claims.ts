/**
 * Extraction of numeric and date claims from a sentence: casualty figures and other counts,
 * durations, weekdays of events and calendar dates. Each claim says what it measures, so that
 * the same measure stated differently by two sources (290,000 dead vs 500,000) can be found
 * without curation. Shared by the pack build and the page being read.
 */
import * as v from 'valibot';

export type ClaimKind = 'count' | 'duration' | 'day' | 'date';

const Words = v.array(v.pipe(v.string(), v.minLength(1)));
/** A topic a duration or a weekday can be about: the words that show it, and how a reader calls the measure. */
const TopicSchema = v.object({ id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)), label: v.string(), words: Words });

/**
 * The words claim extraction needs that belong to a corpus's story, as data: units of counted
 * things, what durations and weekdays are about ("the talks", "the strike"), and the words that
 * show a sentence touches a measure without a figure. Defaults come with the build
 * (assets/defaults/claims.json); a catalog adds its story's (assets/catalog/claims-vocabulary.json).
 * The pack carries it, so a page is read with the words the corpus was.
 */
export const ClaimVocabularySchema = v.object({
  units: v.pipe(Words, v.description('Things counted by unit ("2,000 people", "100 settlements").')),
  durationTopics: v.pipe(v.array(TopicSchema), v.description('What a duration is about: the topic whose word stands nearest to it.')),
  dayTopics: v.pipe(v.array(TopicSchema), v.description('What a weekday is the day of: the topic whose word stands nearest to it.')),
  touches: v.pipe(
    v.array(v.object({ measure: v.string(), words: Words, with: v.optional(Words) })),
    v.description('Words by which a sentence touches a measure (one of `words`, and one of `with` when given): a source with such a sentence is not silent on it.'),
  ),
});
export type ClaimVocabulary = v.InferOutput<typeof ClaimVocabularySchema>;

/** A vocabulary with another laid over it: units added, topics of the same id replaced. */
export function mergeVocabulary(base: ClaimVocabulary, over: Partial<ClaimVocabulary> | undefined): ClaimVocabulary {
  if (!over) return base;
  const topics = (a: ClaimVocabulary['dayTopics'], b: ClaimVocabulary['dayTopics'] = []) => [...a.filter((t) => !b.some((x) => x.id === t.id)), ...b];
  return {
    units: [...new Set([...base.units, ...(over.units ?? [])])],
    durationTopics: topics(base.durationTopics, over.durationTopics),
    dayTopics: topics(base.dayTopics, over.dayTopics),
    touches: [...base.touches.filter((t) => !(over.touches ?? []).some((x) => x.measure === t.measure)), ...(over.touches ?? [])],
  };
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words or phrases, any case, as one global pattern. */
const wordsPattern = (words: readonly string[]) => new RegExp(String.raw`\b(?:${words.map(escape).join('|')})\b`, 'gi');

/**
 * What a figure covers: the whole story (a war's toll), a recent period ("over the past 40
 * days"), one event ("an airstrike on a market killed 12"), or unknown. Only figures of the
 * same measure and the same scope are compared.
 */
export type ClaimScope = 'total' | 'recent' | 'event' | 'unknown';

/** "more than 13 hours" is a lower bound; "about 300" a round figure. */
export type ClaimBound = 'exact' | 'at least' | 'at most' | 'about';

export interface ExtractedClaim {
  kind: ClaimKind;
  /** What is measured, e.g. "deaths", "deaths:civilians", "duration:war", "day:deal", "date". */
  measure: string;
  scope: ClaimScope;
  bound: ClaimBound;
  /** A comparable value: a plain number, a duration in days, a weekday, or a date (YYYY-MM-DD, YYYY-MM, --MM-DD). */
  value: string;
  /** The words that state it, verbatim, and where they are in the sentence. */
  text: string;
  start: number;
  end: number;
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const QUALIFIER = String.raw`(?:(?:more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than)\s+)?`;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)(?:\s+(thousand|million))?`;
const DEATH_WORDS = /\b(?:kill|killed|killing|dead|death|deaths|died|lives|bloodshed|casualties|losses)\b/i;
// "since the strike began" scopes a figure to recent days; "since 2011" is the whole war.
const RECENT = /\b(?:(?:over |during |in )?the (?:past|last)|this (?:week|month)|since(?!\s+\d{4}\b)|so far this|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|overnight)\b/i;
/** One incident: the figure counts what an attack, a strike or an accident did. */
const EVENT = /\b(?:air ?strikes?|strikes?|attacks?|bomb(?:s|ing|ings)?|blasts?|explosions?|shelling|raids?|ambush(?:es)?|crash(?:es)?|fires?|floods?|collapse|earthquakes?|massacres?|clash(?:es)?|incidents?|accidents?|shootings?|storms?|stampedes?|sinking|derailment|rocket)\b/i;
/** The whole story: a war's or a crisis's toll so far. */
const TOTAL = /\b(?:war|conflict|bloodshed|uprising|insurgency|crisis|epidemic|pandemic|since \d{4}|in total|overall|so far|to date|toll)\b/i;

/** The scope of a figure in sentence `s`: recent beats event beats total (a recent attack's toll is both). */
function scopeOf(s: string): ClaimScope {
  if (RECENT.test(s)) return 'recent';
  if (EVENT.test(s)) return 'event';
  if (TOTAL.test(s)) return 'total';
  return 'unknown';
}

/** The bound a qualifier gives a figure ("more than", "nearly", "about"). */
function boundOf(words: string): ClaimBound {
  const q = words.toLowerCase();
  if (/\b(?:more than|over|at least|upwards of|in excess of)\b/.test(q)) return 'at least';
  if (/\b(?:up to|fewer than|less than|at most|no more than|nearly|almost|under)\b/.test(q)) return 'at most';
  if (/\b(?:about|around|some|roughly|approximately|an estimated|estimated)\b/.test(q)) return 'about';
  return 'exact';
}

function toNumber(word: string, scale?: string): number {
  const n = WORD_NUMBERS[word.toLowerCase()] ?? Number(word.replace(/,/g, ''));
  return scale ? n * (scale.toLowerCase() === 'million' ? 1e6 : 1e3) : n;
}

/**
 * What happened to the people a figure counts, other than death, when its clause says so: news
 * counts the injured, the arrested, the displaced, the missing and the rescued apart, so "14
 * people arrested" is never set against "200 people marched".
 */
const OUTCOMES: readonly (readonly [string, RegExp])[] = [
  ['injured', /\b(?:injur(?:ed|ies|y|ing)|wounded|hurt|hospitali[sz]ed)\b/i],
  ['arrested', /\b(?:arrest(?:ed|s|ing)?|detain(?:ed|ing)?|detentions?|in custody)\b/i],
  ['displaced', /\b(?:displaced|evacuated|evacuations?|homeless|fled|uprooted|relocated)\b/i],
  ['missing', /\bmissing\b/i],
  ['rescued', /\brescued\b/i],
];
/** Units for people, which an outcome (injured, arrested …) can qualify. */
const HUMAN_UNITS = /^(?:people|persons|civilians|children|workers|students|passengers|patients|soldiers|troops|fighters|militants|refugees|families)$/;
/** Units that say nothing of what is counted: "200 people" is a measure only with what happened to them. */
const BARE_UNITS = /^(?:people|persons)$/;
/**
 * A headcount: how many a body employs or how many jobs depend on it ("employs 5,200 workers",
 * "supports 12,000 jobs", "a workforce of 900 people", "3,000 jobs depend on the mine"), never
 * the number an event touches ("1,900 workers walked out").
 */
const HEADCOUNT_BEFORE = /\b(?:employ(?:s|ed|ing)?|support(?:s|ed|ing)?|sustain(?:s|ed|ing)?|(?:workforce|staff|payroll|headcount) of)\s+$/i;
const HEADCOUNT_AFTER = /^(?:\s+[a-z-]+){0,2}?\s+(?:(?:are|were|is|was)\s+)?(?:(?:directly|indirectly)\s+)?(?:employed|depend(?:s|ed|ing)? on|rel(?:y|ies|ied) on|on (?:the|its|their) payroll)\b/i;
/** Where a clause ends: punctuation that is not a thousands separator. */
const CLAUSE_BREAK = /[;:()\u2014\u2013]|,(?!\d{3}\b)/g;

/** The clause of sentence `s` around [start, end): from the last break before it to the first after it. */
function clauseAround(s: string, start: number, end: number): string {
  let from = 0;
  let to = s.length;
  for (const m of s.matchAll(CLAUSE_BREAK)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return s.slice(from, to);
}

/**
 * What a figure counted in `unit` measures: a headcount (`count:workers:headcount`), an outcome
 * for people (`arrested`, `injured:children` …), the plain unit (`count:workers`), or, for bare
 * units like "people" with nothing said of them, an unknown measure (`count:people:other`, never
 * compared).
 */
function countMeasure(s: string, start: number, end: number, unit: string): string {
  if (HEADCOUNT_BEFORE.test(s.slice(0, start)) || HEADCOUNT_AFTER.test(s.slice(end))) return `count:${unit}:headcount`;
  if (HUMAN_UNITS.test(unit)) {
    const clause = clauseAround(s, start, end);
    const outcome = OUTCOMES.find(([, re]) => re.test(clause));
    if (outcome) return `${outcome[0]}${/^(?:civilians|children)$/.test(unit) ? `:${unit}` : ''}`;
  }
  return BARE_UNITS.test(unit) ? `count:${unit}:other` : `count:${unit}`;
}

function countClaims(s: string, taken: boolean[], vocab: ClaimVocabulary): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  const take = (start: number, end: number) => {
    for (let i = start; i < end; i++) taken[i] = true;
  };
  const scope = scopeOf(s);
  // "killed 290,000", "claimed the lives of 500,000 people"
  const verbFirst = new RegExp(String.raw`\b(?:killed|claimed the lives of|the lives of|death toll of)\s+${QUALIFIER}${NUMBER}(?:\s+(?:people|persons))?`, 'gi');
  for (const m of s.matchAll(verbFirst)) {
    const numAt = m.index + m[0].search(/\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|more|over|at|nearly|almost|about|around|some|up|fewer|less/i);
    const text = s.slice(numAt, m.index + m[0].length);
    out.push({ kind: 'count', measure: 'deaths', scope, bound: boundOf(text), value: String(toNumber(m[1]!, m[2])), text, start: numAt, end: m.index + m[0].length });
    take(m.index, m.index + m[0].length);
  }
  // "2,000 people have been killed", "700 civilians", "100 settlements"
  const unitAfter = new RegExp(String.raw`\b${QUALIFIER}${NUMBER}(?:\s+[a-z-]+){0,2}?\s+(${vocab.units.map(escape).join('|')})\b`, 'gi');
  for (const m of s.matchAll(unitAfter)) {
    if (taken[m.index]) continue;
    const unit = m[3]!.toLowerCase();
    const human = /^(?:people|persons|civilians|children|dead|deaths|casualties|losses)$/.test(unit);
    const measure = human && DEATH_WORDS.test(s) ? `deaths${/^(?:civilians|children)$/.test(unit) ? `:${unit}` : ''}` : countMeasure(s, m.index, m.index + m[0].length, unit);
    out.push({ kind: 'count', measure, scope: measure.startsWith('deaths') ? scope : 'unknown', bound: boundOf(m[0]), value: String(toNumber(m[1]!, m[2])), text: m[0], start: m.index, end: m.index + m[0].length });
    take(m.index, m.index + m[0].length);
  }
  return out;
}

const DAYS_PER: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

function nearest(s: string, re: RegExp, at: number): number {
  let best = Infinity;
  for (const m of s.matchAll(re)) best = Math.min(best, Math.abs(m.index - at));
  return best;
}

/** What a duration or a weekday is about: the topic whose word stands nearest to it in the sentence ('other' when none). */
function nearestTopic(s: string, at: number, topics: readonly { id: string; words: string[] }[]): string {
  let best = 'other';
  let distance = Infinity;
  for (const t of topics) {
    const d = nearest(s, wordsPattern(t.words), at);
    if (d < distance) [best, distance] = [t.id, d];
  }
  return best;
}

function durationClaims(s: string, taken: boolean[], vocab: ClaimVocabulary): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  const claim = (m: RegExpMatchArray, days: number, bound: ClaimBound) => {
    const start = m.index!;
    const end = start + m[0].length;
    for (let i = start; i < end; i++) taken[i] = true;
    out.push({ kind: 'duration', measure: `duration:${nearestTopic(s, start, vocab.durationTopics)}`, scope: 'unknown', bound, value: String(Math.round(days * 100) / 100), text: m[0], start, end });
  };
  // "five-year", "more than 13 hours", "a week" (but not "an hours-long", which is no number).
  const re = new RegExp(String.raw`\b${QUALIFIER}(?:${NUMBER}|(a|an)(?=[\s-](?:hour|day|week|month|year)(?!s)))[\s-](hour|day|week|month|year)s?(?:-long|-old)?\b`, 'gi');
  for (const m of s.matchAll(re)) {
    if (taken[m.index]) continue;
    // "over the past 40 days" is the scope of another figure, and "calling it a day" an idiom.
    const lead = s.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:past|last)\s+$/i.test(lead) || (/\bcall(?:ing|ed|s)? it\s+$/i.test(lead) && m[0].toLowerCase() === 'a day')) continue;
    const n = m[1] ? toNumber(m[1], m[2]) : 1;
    // "a day-long meeting" says it took the day, not 24 hours: a loose figure.
    const loose = !m[1] && /-long\b/i.test(m[0]);
    claim(m, n * DAYS_PER[m[4]!.toLowerCase()]!, loose ? 'about' : boundOf(m[0]));
  }
  // "a month-long offensive", "day-long meeting" without a number: loose figures.
  for (const m of s.matchAll(/\b(day|week|month)-long\b/gi)) {
    if (!taken[m.index]) claim(m, DAYS_PER[m[1]!.toLowerCase()]!, 'about');
  }
  return out;
}

const WEEKDAY = /\b(?:(?:late|early)\s+(?:on\s+)?)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b/g;
/** A day said in the future or as a plan ("will begin on Monday", "are due to start on Thursday"), not a day something happened. */
const PLANNED = /\b(?:will|would|shall|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|planned|to)|plans?\s+to|intends?\s+to)\b/i;

/**
 * Weekdays with what they are the day of; a planned day (`day:start:planned`) is another
 * question than the day something happened ("talks are due to begin on Thursday" is no answer
 * to when the strike began).
 */
function dayClaims(s: string, vocab: ClaimVocabulary): ExtractedClaim[] {
  return [...s.matchAll(WEEKDAY)].map((m) => {
    const topic = nearestTopic(s, m.index, vocab.dayTopics);
    const planned = topic !== 'other' && PLANNED.test(clauseAround(s, m.index, m.index + m[0].length));
    return { kind: 'day' as const, measure: `day:${topic}${planned ? ':planned' : ''}`, scope: 'unknown' as const, bound: 'exact' as const, value: m[1]!, text: m[0], start: m.index, end: m.index + m[0].length };
  });
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)`;
const monthNumber = (name: string) => {
  const i = Math.max(MONTHS.indexOf(name.toLowerCase()), MOIS.indexOf(name.toLowerCase()));
  return String(i + 1).padStart(2, '0');
};

function dateClaims(s: string): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  const taken: boolean[] = [];
  const push = (m: RegExpMatchArray, value: string) => {
    if (taken[m.index!]) return;
    for (let i = m.index!; i < m.index! + m[0].length; i++) taken[i] = true;
    out.push({ kind: 'date', measure: 'date', scope: 'unknown', bound: 'exact', value, text: m[0], start: m.index!, end: m.index! + m[0].length });
  };
  const dd = (d: string) => d.padStart(2, '0');
  for (const m of s.matchAll(new RegExp(String.raw`\b(\d{1,2})\s+${MONTH}\s+(\d{4})\b`, 'g'))) push(m, `${m[3]}-${monthNumber(m[2]!)}-${dd(m[1]!)}`);
  for (const m of s.matchAll(new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:,\s*(\d{4}))?\b`, 'g'))) push(m, m[3] ? `${m[3]}-${monthNumber(m[1]!)}-${dd(m[2]!)}` : `--${monthNumber(m[1]!)}-${dd(m[2]!)}`);
  for (const m of s.matchAll(new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, 'g'))) push(m, `${m[2]}-${monthNumber(m[1]!)}`);
  return out.sort((a, b) => a.start - b.start);
}

/** Every numeric and date claim in one sentence, in order, read with a corpus's vocabulary. */
export function extractClaims(sentence: string, vocab: ClaimVocabulary): ExtractedClaim[] {
  const taken: boolean[] = [];
  const dates = dateClaims(sentence);
  for (const d of dates) for (let i = d.start; i < d.end; i++) taken[i] = true;
  const counts = countClaims(sentence, taken, vocab);
  return [...counts, ...durationClaims(sentence, taken, vocab), ...dayClaims(sentence, vocab), ...dates].sort((a, b) => a.start - b.start || a.end - b.end);
}

const COUNT_TOPICS: Record<string, string> = {
  deaths: 'Death toll',
  'deaths:civilians': 'Civilian deaths',
  'deaths:children': 'Children killed',
  injured: 'Number of injured',
  arrested: 'Number of arrests',
  displaced: 'Number of people displaced',
  missing: 'Number of missing',
  rescued: 'Number of people rescued',
};
const SCOPE_WORDS: Record<ClaimScope, string> = { total: '', recent: ' (recent period)', event: ' (one event)', unknown: '' };

/** What a measure is, in words ("Death toll", "Number of refugees", a topic's own label), with its scope where that matters. */
export function measureTopic(measure: string, scope: ClaimScope, vocab: ClaimVocabulary): string {
  const [kind, id] = measure.split(':');
  const topic = kind === 'duration' ? vocab.durationTopics.find((t) => t.id === id) : kind === 'day' ? vocab.dayTopics.find((t) => t.id === id) : undefined;
  const [, unit, qualifier] = kind === 'count' ? measure.split(':') : [];
  const counted = unit ? (qualifier === 'headcount' ? `Number of ${unit} in all (employed, or depending on it)` : `Number of ${unit}`) : undefined;
  const outcome = COUNT_TOPICS[measure] ?? COUNT_TOPICS[kind!]?.concat(id ? ` (${id})` : '');
  const base = outcome ?? (topic && measure.endsWith(':planned') ? `${topic.label} (as planned)` : topic?.label) ?? counted ?? measure.replace(/[:-]/g, ' ');
  return `${base}${SCOPE_WORDS[scope]}`;
}

/**
 * Whether figures of this measure can be compared at all: calendar dates are left out (one
 * story has many), weekdays and durations whose topic is unknown too, and so are death tolls
 * of unknown scope and of single events (two events are rarely the same one).
 */
export function isComparable(claim: { kind: ClaimKind; measure: string; scope: ClaimScope }): boolean {
  if (claim.kind === 'date' || claim.measure.endsWith(':other')) return false;
  if (claim.measure.startsWith('deaths')) return claim.scope === 'total' || claim.scope === 'recent';
  return true;
}

/** The words by which a sentence touches a measure (a source that takes no position is then not silent). */
export function touchesMeasure(measure: string, sentence: string, vocab: ClaimVocabulary): string | undefined {
  for (const t of vocab.touches) {
    if (measure !== t.measure && !measure.startsWith(`${t.measure}:`)) continue;
    const hit = wordsPattern(t.words).exec(sentence);
    if (hit && (!t.with || wordsPattern(t.with).test(sentence))) return hit[0];
  }
  return undefined;
}

const holderKey = (h: { voice: string; who?: string }) => `${h.voice}/${h.who ?? ''}`;

/**
 * The figures of one source, for one question, that make its position, or undefined when it
 * takes none: one position rests on one voice and one place. The outlet's own figures when it
 * states any, else those of the one voice it reports; a source that only reports figures from
 * several voices (a union's and a company's) takes no position of its own (it touches the
 * point). Of those, the figures about the first one's place (a figure beside another place
 * answers another question). The figures a page is compared with are these too.
 */
export function positionFigures<C extends { holder: { voice: string; who?: string }; placeIds: readonly string[] }>(claims: readonly C[]): C[] | undefined {
  const own = claims.filter((c) => c.holder.voice === 'own');
  if (own.length === 0 && new Set(claims.map((c) => holderKey(c.holder))).size > 1) return undefined;
  const voiced = own.length > 0 ? own : [...claims];
  const places = voiced[0]?.placeIds ?? [];
  return voiced.filter((c) => places.length === 0 || c.placeIds.length === 0 || c.placeIds.some((p) => places.includes(p)));
}

/**
 * The earlier or later episode a figure is about, when its sentence names another month or year
 * than the source's date ("two weeks of talks in January" in a March article, "a strike in
 * 2011"): such a figure answers a question about that episode, not about the story's present.
 * Returns the named month or year ("01", "2011", "2011-05"), or '' for the present (or when
 * nothing is named, or the source's own month is). "since" a date is a span up to now, not
 * another episode.
 */
export function episodeOf(sentence: string, figure: string, sourceDate: string): string {
  if (!sentence.includes(figure)) return '';
  // The whole sentence: the episode is often named in a clause of its own ("The last closure, in 2019, lasted six weeks").
  const named = new RegExp(String.raw`\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid-?)\s*)?(?:${MONTH}(?:\s+(\d{4}))?|((?:19|20)\d{2}))\b`).exec(sentence);
  if (!named) return '';
  const month = named[1] ? monthNumber(named[1]) : undefined;
  const year = named[2] ?? named[3];
  const own = /^(\d{4})-(\d{2})/.exec(sourceDate);
  if (own && (!year || year === own[1]) && (!month || month === own[2])) return '';
  return [year, month].filter(Boolean).join('-');
}

/** The key under which two figures answer the same question: measure and scope. */
export function comparisonKey(claim: { measure: string; scope: ClaimScope }): string {
  return `${claim.measure}@${claim.scope}`;
}

/** The range of values a figure allows, given its bound (a round figure allows a little either way). */
function range(value: number, bound: ClaimBound): [number, number] {
  switch (bound) {
    case 'at least':
      return [value, Infinity];
    case 'at most':
      return [0, value];
    case 'about':
      return [value * 0.5, value * 1.5];
    default:
      return [value * 0.98, value * 1.02];
  }
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * How two figures for the same measure relate: `same`, `differs`, or `apparent` (they can be
 * the same: bounds and loose figures that overlap, or late one day and early the next).
 */
export function compareFigures(a: { kind: ClaimKind; value: string; bound: ClaimBound; text: string }, b: { kind: ClaimKind; value: string; bound: ClaimBound; text: string }): 'same' | 'differs' | 'apparent' {
  if (a.value === b.value) return 'same';
  if (a.kind === 'day') {
    const [x, y] = [WEEKDAYS.indexOf(a.value.toLowerCase()), WEEKDAYS.indexOf(b.value.toLowerCase())];
    const [early, late] = (y - x + 7) % 7 === 1 ? [b, a] : (x - y + 7) % 7 === 1 ? [a, b] : [undefined, undefined];
    // "late on Friday" and "early Saturday": one night, perhaps one moment in two time zones.
    return early && late && /\b(?:late|night|evening)\b/i.test(late.text) && /\b(?:early|morning|overnight)\b/i.test(early.text) ? 'apparent' : 'differs';
  }
  const [p, q] = [Number(a.value), Number(b.value)];
  if (Number.isNaN(p) || Number.isNaN(q)) return 'differs';
  const [r, s] = [range(p, a.bound), range(q, b.bound)];
  return r[0] <= s[1] && s[0] <= r[1] ? 'apparent' : 'differs';
}
