import { fold } from '../shared/fold';
import type { EntityType } from '../shared/knowledge';
import type { NameMention } from './name-spans';
import {
  ARMED_WORDS,
  COMPANY_SUFFIXES,
  EVENT_HEADS,
  EVENT_LEADS,
  INSTITUTION_HEADS,
  isFirstName,
  isKnownPlace,
  lexiconTags,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  PARTICLES,
  PERSON_NOUNS,
  PLACE_HEADS,
  PLACE_LEADS,
  PLACE_NOUNS,
  TITLES,
  ARMED_NOUNS,
} from './name-words';

/**
 * What kind of thing a name is, from evidence: its own words (a head noun such as "Bank",
 * "Ministry", "Street", "Front"; a given name; a title before it), compromise's lexicon, and the
 * words around each mention ("in X", "X province", "X, 45,", "X’s chief executive"). Each
 * mention adds weights; an entity's type is the class with the most weight over all its
 * mentions and spellings.
 */

/** Evidence weights per type. */
export type TypeScores = Record<EntityType, number>;

export const noScores = (): TypeScores => ({ person: 0, organization: 0, 'armed group': 0, place: 0, institution: 0, event: 0 });

export function addScores(a: TypeScores, b: TypeScores): TypeScores {
  const out = noScores();
  for (const k of Object.keys(out) as EntityType[]) out[k] = a[k] + b[k];
  return out;
}

/** The coarse class a type belongs to: organisations, public bodies and armed groups are all bodies. */
export type TypeClass = 'person' | 'body' | 'place' | 'event';
export const classOf = (t: EntityType): TypeClass => (t === 'person' ? 'person' : t === 'place' ? 'place' : t === 'event' ? 'event' : 'body');

const words = (m: Pick<NameMention, 'words'>) => m.words.map((w) => fold(w).replace(/['’]s?$|\.$/g, ''));
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}.&-]*$/u;

/** Weights from the name's own words, whatever its context. */
export function nameScores(m: Pick<NameMention, 'words'>): TypeScores {
  const s = noScores();
  const w = words(m);
  const lettered = w.filter((x) => /\p{L}/u.test(x));
  const last = lettered.at(-1) ?? '';
  const first = w[0] ?? '';
  // The head noun ends the name, or stands before its "of"/"for" ("Chamber of Pharmacists"); a
  // head inside the name counts less ("Parents Forum Scotland", "ABR Radio Adelaide").
  const of = w.findIndex((x) => x === 'of' || x === 'for');
  const heads: [string, number][] = [[last, 5]];
  if (of > 0) heads.push([w[of - 1]!, 5]);
  for (const x of lettered.slice(0, of > 0 ? of - 1 : -1)) heads.push([x, 2]);
  for (const [word, weight] of heads) {
    // Plural heads name bodies too ("Pennine Acute Hospitals", "Island Star Shipping Lines").
    const head = ORGANIZATION_HEADS.has(word) || INSTITUTION_HEADS.has(word) || PLACE_HEADS.has(word) || EVENT_HEADS.has(word) ? word : word.replace(/s$/, '');
    if (ORGANIZATION_HEADS.has(head) || COMPANY_SUFFIXES.has(head)) s.organization += weight;
    if (INSTITUTION_HEADS.has(head)) s.institution += weight;
    if (PLACE_HEADS.has(head) && w.length > 1) s.place += weight;
    if (EVENT_HEADS.has(head) && (w.length > 1 || /s$/.test(head))) s.event += weight;
  }
  if (ARMED_WORDS.has(last) || (ARMED_WORDS.has(first) && w.length > 1) || (first === 'army' && of === 1)) s['armed group'] += 6;
  if (PLACE_LEADS.has(first) && w.length > 1 && !PARTICLES.has(w[1]!)) s.place += 4;
  if (EVENT_LEADS.has(first)) s.event += 5;
  if (w.some((x) => COMPASS.has(x)) || lettered.some((x) => x.split('-').some((y) => COMPASS.has(y)))) s.place += 2;
  if (m.words.some((x) => /^\p{Lu}{3,}-/u.test(x))) s.organization += 2; // "FILT-Rotaie"
  // A brand written in one word with an inner capital ("TotalEnergies", "SalmonChile"; not "McAllister", "LeBlanc").
  if (m.words.length === 1 && /^\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}/u.test(m.words[0]!)) s.organization += 3;
  // A head noun first, then a particle: "Hospital de Clínicas", "Banco do Brasil", "Plaza de Mayo".
  if (w.length > 2 && PARTICLES.has(w[1]!)) {
    const lead = HEAD_FIRST.get(first) ?? (ORGANIZATION_HEADS.has(first) ? 'organization' : INSTITUTION_HEADS.has(first) ? 'institution' : PLACE_HEADS.has(first) ? 'place' : undefined);
    if (lead) s[lead] += 6;
  } else if (w.length > 1 && HEAD_FIRST.has(first) && m.words[0] !== first) {
    s[HEAD_FIRST.get(first)!] += 4; // without a particle: "Guardia Civil", "Banco Santander", "Plaza Mayor"
  }
  // A leading article of Romance languages opens places more than bodies ("Los Lagos", "La Paz").
  // ("Los"/"Las" open the names of gangs and bands as often: "Los Lobos".)
  if (w.length > 1 && /^(?:la|el)$/.test(first) && m.words[0] !== first) s.place += 2;
  const phrase = w.join(' ');
  const tags = lexiconTags(phrase);
  if (isKnownPlace(phrase)) s.place += 5;
  if (tags.includes('Organization') || tags.includes('SportsTeam')) s.organization += 4;
  if (tags.includes('Person')) s.person += 5;
  if (w.length === 1) {
    // Weak: many places and firms are also given names ("Adelaide", "Florence").
    if (isFirstName(first)) s.person += 0.5;
    if (tags.includes('LastName')) s.person += 1;
    if (m.words.length === 1 && ACRONYM.test(m.words[0]!) && (m.words[0]!.match(/\p{Lu}/gu)?.length ?? 0) >= 2) s.organization += 2;
  } else {
    // A given name and one or two more words, with no "of": a person, unless a head noun says otherwise.
    if (of < 0 && w.length <= 4 && (isFirstName(first) || first.split('-').some(isFirstName))) s.person += 4;
    // "bin", "ibn", "abu" join people's names; "al-" joins places' and groups' as often ("Deir al-Zur", "Ahrar al-Sham").
    if ((w.slice(1, -1).some((x) => PARTICLES.has(x) && x !== 'al' && x !== 'el') || w.slice(1).some((x) => /^(?:bin|ibn|abu|ben)-/.test(x))) && of < 0) s.person += 2;
    else if (w.slice(1).some((x) => /^(?:al|el)-/.test(x) || x === 'al' || x === 'el') && of < 0) s.person += 1;
    if (lexiconTags(last).includes('LastName')) s.person += 2;
    if (/\p{L}-\p{L}/u.test(last) && w.length <= 4 && of < 0) s.person += 1;
  }
  return s;
}

/** Head nouns that open names in Romance languages, before a particle ("Universidad de …", "Musée du …"). */
const HEAD_FIRST = new Map<string, EntityType>([
  ...['banco', 'banca', 'banque', 'compania', 'compagnie', 'companhia', 'grupo', 'groupe', 'partido', 'parti', 'partito', 'fundacion', 'fundacao', 'fondation', 'fondazione', 'federacion', 'federacao', 'club', 'clube', 'sociedad', 'societe', 'asociacion', 'associacao', 'sindicato', 'union'].map((x): [string, EntityType] => [x, 'organization']),
  ...['guardia', 'carabineros', 'armada', 'fuerza', 'generalitat', 'xunta', 'junta', 'gobierno', 'governo', 'gouvernement', 'prefeitura', 'alcaldia', 'ayuntamiento', 'comune', 'mairie', 'ministerio', 'ministere', 'ministero', 'universidad', 'universidade', 'universite', 'universita', 'instituto', 'institut', 'istituto', 'hospital', 'hopital', 'ospedale', 'museo', 'museu', 'musee', 'tribunal', 'corte', 'camara', 'consejo', 'conselho', 'conseil', 'policia', 'ejercito', 'exercito', 'armee', 'colegio', 'escuela', 'escola', 'ecole'].map((x): [string, EntityType] => [x, 'institution']),
  ...['estadio', 'plaza', 'praca', 'place', 'avenida', 'calle', 'rua', 'rue', 'puerto', 'porto', 'rio', 'lago', 'cerro', 'monte', 'sierra', 'isla', 'ilha', 'ile', 'ciudad', 'cidade', 'villa', 'vila', 'palacio', 'palais', 'parque', 'parc', 'barrio', 'bairro'].map((x): [string, EntityType] => [x, 'place']),
]);

/** Compass and position words that start place names ("North Wales", "East Ghouta", "Mecklenburg-Western Pomerania"). */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'central']);

type Cue = [RegExp, EntityType, number];

/** Context before a name (the line up to it, lower-cased). */
const BEFORE: Cue[] = [
  // "in X" is a place, but "shares in X", "a stake in X" a company.
  [/(?<!\b(?:shares|stake|stakes|investment|investments|invest|invested|investors|interest|holding|holdings|share|job|jobs|cuts)\s)\b(?:in|near|outside|across|around|throughout|inside|into|within|towards?)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+|rural\s+)?$/, 'place', 2],
  [/\b(?:shares|stake|stakes|investment|investments|invest|invested|investors|holding)\s+in\s+$/, 'organization', 3],
  [/\b(?:from|to|via|between|at)\s+(?:the\s+)?$/, 'place', 1],
  [/\b\d+-year-old\s+$/, 'person', 4],
  [/\b(?:city|town|towns|village|villages|province|region|district|state|county|island|port|capital|suburb|municipality|republic|outskirts|mayor|governor|residents|people|streets)\s+of\s+$/, 'place', 4],
  [/\b(?:based|headquartered|born|living)\s+in\s+$/, 'place', 3],
  // "a man called X", but not "now called X" or "known as X" (a body renamed, a group's name).
  [/(?<!\b(?:now|later|since|formerly|also|then|militia|group|faction|company|firm|party|movement|band|outfit)\s)\b(?:named|called|name,?)\s+$/, 'person', 2],
  // A platform: "a post on X", "a video posted on Y", "its Telegram channel" (below).
  [/\b(?:post|posts|posted|account|accounts|page|channel|video|videos|tweet|message|livestream|live stream)\s+on\s+$/, 'organization', 3],
  [/\b(?:office|offices|branch|branches|subsidiary|subsidiaries|division|unit|arm|shareholders?)\s+of\s+(?:the\s+)?$/, 'organization', 3],
  [/\b(?:newspaper|broadcaster|channel|company|firm|group|bank|lender|club|party|union|agency|charity|association|organisation|organization|foundation|ngo|collective|daily|weekly|magazine|airline|carrier|insurer|operator|consultancy|start-up|startup|miner|developer|retailer)\s+$/, 'organization', 3],
  [/\bsaid\s+$/, 'person', 2],
  [/\b(?:executive|ceo|chairman|chairwoman|chair|founder|head|director|shareholders|owner|owners|members?|leaders?|spokes(?:man|woman|person)|lawyers?)\s+(?:of|for|at)\s+(?:the\s+)?$/, 'organization', 3],
  [/\b(?:works?|worked|working|analyst|economist|researcher)\s+(?:at|for)\s+(?:the\s+)?$/, 'organization', 2],
  // Not "fighters loyal to X": X is as often a leader as a group.
  [/\b(?:militants|fighters|rebels|insurgents|jihadists|militiamen)\s+(?:of|from|belonging to)\s+(?:the\s+)?$/, 'armed group', 4],
  [/\b(?:armed|militant|rebel|jihadist|extremist|terrorist|insurgent|islamist)\s+(?:group|groups|faction|factions|organi[sz]ation|movement|coalition|alliance)\s+$/, 'armed group', 4],
];

/** Context after a name (the line after it). */
const AFTER: Cue[] = [
  [/^,\s*\d{1,3},/, 'person', 5],
  [/^\s+(?:family|clan|dynasty)\b/, 'person', 3], // "the Aponte family"
  // "X's mayor", "X's capital", "X's largest city": a place.
  [/^['’]s?\s+(?:president|prime minister|capital|mayor|governor|residents|population|largest city|second city|coastline|northern|southern|eastern|western|foreign minister|interior minister|defence minister|defense minister)\b/, 'place', 3],
  // What firms do: "X announced", "X acquired", "X reported a loss", "X laid off".
  [/^\s+(?:acquired|hired|sued|laid off|recalled|posted (?:a |record )?(?:profit|loss)|reported (?:a |record )?(?:profit|loss|revenue|earnings)|cut (?:\d[\d,]* )?jobs)\b/, 'organization', 2],
  [/^,?\s+who\b/, 'person', 3],
  // "Asante said he …", "Asante said his farm …", "Asante and her husband".
  [/^(?:,\s+\d{1,3},)?\s+(?:said|says|told|added|explained|recalled)\s+(?:that\s+|reporters\s+|journalists\s+)?(?:he|she|his|her)\b/, 'person', 3],
  [/^\s+and\s+(?:his|her)\s+(?:wife|husband|son|daughter|sons|daughters|family|children|brother|sister|mother|father|partner)\b/, 'person', 4], // (not after "the leader of X": see mentionScores)
  [/^(?:['’]s?)?\s+(?:chief executive|ceo|board|shareholders|headquarters|customers|branches|shares|stake|subsidiary|share price|annual report)\b/, 'organization', 3],
  [/^\s+(?:spokes\w+|chief|staff|employees|workers|members|chairman|chairwoman|director|secretary|leadership|chief executive|board|shareholders)\b/, 'organization', 2],
  // "the Tarsk government": a country or region (but "Assad's government" is a leader's).
  [/^\s+(?:government|authorities|army|military|parliament|troops|forces|border guards|economy|capital|coastline|countryside|interior ministry|foreign ministry|defence ministry|defense ministry)\b/, 'place', 3],
  [/^\s*,\s+(?:of|from)\s+the\s+\p{Lu}/u, 'person', 2],
  [/^\s+(?:province|region|district|city|town|village|county|state|valley|river|border|area|airport|municipality|neighbourhood|neighborhood|suburb|island|coast|countryside|border crossing)\b/, 'place', 4],
  [/^-based\b/, 'place', 4],
  [/^\s*,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:armed|militant|rebel|jihadist|insurgent|extremist|terrorist|islamist)\b/u, 'armed group', 4],
  [/^\s+(?:festival|summit|conference|games|tournament|championship|marathon|fair|concert|rally|expo|carnival)\b/, 'event', 4],
  [/^\s+(?:militants|fighters|rebels|insurgents|jihadists|militias?|militiamen|guerrillas|gangs?|cartels?)\b/, 'armed group', 4],
  // "the Hlas party", "its Telegram channel", "the Amaq news agency".
  [/^\s+(?:party|parties)\b/, 'organization', 4],
  [/^\s+(?:news agency|channel|account|website|app|platform|brand|label|club|squad|team)\b/, 'organization', 3],
  [/^['’]s?\s+(?:coach|manager|players?|squad|striker|goalkeeper|fans|supporters|owners?|founder|stock|profits?|revenues?|sales|brand|app|website|platform|users|subscribers|customers|chairman|chairwoman|chief executive)\b/, 'organization', 3],
  [/^,?\s+which\s+(?:is|was|has been|are|were)\s+(?:owned|controlled|listed|run|operated|headquartered|founded|backed|part)\b/, 'organization', 3],
  [/^,\s+(?:which|that)\s+(?:represents|employs|makes|sells|operates|owns|produces|manufactures|publishes|runs|assembles|builds|supplies|designs|develops|exports|distributes)\b/, 'organization', 3],
  [/^,?\s+which\s+[^.;:!?]{0,60}?\b(?:designated|designates|lists?|listed|classif(?:y|ies|ied)|considers?|brands?|branded)\b[^.;:!?]{0,40}?\b(?:terrorist|armed|militant|criminal)\s+(?:group|organi[sz]ation)/, 'armed group', 4],
  [/^\s+(?:hospital|clinic|university|school|prison|museum|court)\b/, 'institution', 4],
  // A body speaks of itself as "it": "Hanazono said in a filing that it was investigating".
  [/^\s+(?:said|says|announced|confirmed|added)\b[^.;:!?"“”]{0,60}?\b(?:that\s+)?it\s+(?:was|is|had|has|would|will|could|did|does|condemns|rejects|regrets)\b/, 'organization', 3],
  [/^\s+(?:square|park|bridge|camp|checkpoint|dam|peninsula|lake|mountains?|hills?|forest|desert)\b/, 'place', 4],
];

const isPersonNoun = (w: string) => TITLES.has(w) || PERSON_NOUNS.has(w) || lexiconTags(w).includes('Actor');
/** Words that end a description's head: prepositions, relatives, and participles ("a faction led by …", "the drug lord known as …"). */
const PREPOSITION = /^(?:of|at|for|in|on|with|from|to|by|as|who|whose|which|that|and|since|after|before|until|led|known|based|founded|run|backed|owned)$/;
const VERB = /^(?:said|says|told|added|announced|has|have|had|is|was|will|would)$/;

/** What a descriptive phrase is about: its last word before a preposition ("the mayor of Carhuaz" → mayor). */
function headOf(phrase: string, verbs = false): string | undefined {
  const w = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  // With `verbs`, a verb ends the description too: "Novamar, the company said" → company.
  const cut = w.findIndex((x) => PREPOSITION.test(x) || (verbs && VERB.test(x)));
  return (cut < 0 ? w : w.slice(0, cut)).at(-1)?.replace(/['’]s?$/, '');
}

/** The kind a descriptive phrase's head noun gives the name it describes. */
function kindOfHead(word: string | undefined): [EntityType, number] | undefined {
  if (!word) return undefined;
  const head = PERSON_NOUNS.has(word) || lexiconTags(word).length > 0 ? word : word.replace(/s$/, '');
  // Bodies first, in the singular too ("the country's largest battery makers").
  const forms = [word, word.replace(/s$/, ''), word.replace(/ies$/, 'y')];
  if (forms.some((f) => ORGANIZATION_NOUNS.has(f))) return ['organization', 3];
  if (forms.some((f) => INSTITUTION_HEADS.has(f)) || head === 'regulator' || head === 'watchdog') return ['institution', 3];
  if (isPersonNoun(head)) return ['person', 3];
  if (PLACE_NOUNS.has(head)) return ['place', 3];
  if (ARMED_NOUNS.has(head)) return ['armed group', 3];
  return undefined;
}

/** A description beside the name, set off by a comma: "Wilber Chávez Tarazona, the mayor of …", "The museum's director, Véronique Lambotte". */
function apposition(m: NameMention): [EntityType, number][] {
  const out: [EntityType, number][] = [];
  // After an article the description may hold names ("Fano, the Amhara militia that …"), or open
  // with a possessive name ("Conmebol, South America's football confederation").
  const described =
    /^\s*,\s+(?:a|an|the|its|his|her|their)\s+([^,.;:!?()"“”«»\d]{2,80})/u.exec(m.after)?.[1] ??
    /^\s*,\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s?\s+([^,.;:!?()"“”«»\p{Lu}\d]{2,80})/u.exec(m.after)?.[1];
  const after = /^\s*,\s+([^,.;:!?()"“”«»\p{Lu}\d]{2,80})/u.exec(m.after)?.[1];
  if (described) {
    const k = kindOfHead(headOf(described, true));
    if (k) out.push(k);
  } else if (after && !/^(?:a|an|the|its|his|her|their)\s/.test(after)) {
    // No article: only a title ("…, general secretary of the union").
    const head = headOf(after);
    if (head && isPersonNoun(head) && after.split(/\s+/).length <= 6) out.push(['person', 3]);
  }
  const before = /(?:^|[,.;:!?()"“”«»–—])\s*([^,.;:!?()"“”«»–—]{2,80}),\s*$/u.exec(m.before)?.[1];
  if (before) {
    // "The museum's director, Véronique Lambotte"; "a complaint from a lawyer, Theerayut …" (the noun
    // before the comma); "The European Union's border agency, Frontex, …"; "the capital, Kathmandu".
    const k = kindOfHead(headOf(before));
    const last = /(?:^|\s)(?:the|a|an|its|his|her|their|\p{L}+['’]s?)\s+(?:[\p{L}-]+\s+){0,4}?([\p{Ll}-]+)\s*$/iu.exec(before)?.[1];
    const near = last ? kindOfHead(last) : undefined;
    if (k?.[0] === 'person') out.push(k);
    else if (near) out.push(near);
  } else {
    const noun = /([\p{Ll}-]+)\s+$/u.exec(m.before)?.[1];
    // "historian Hélène Mukendi", "KUSA president Achieng Odhiambo"; but not "the battery maker CATL".
    if (noun && !ORGANIZATION_NOUNS.has(noun) && isPersonNoun(noun)) out.push(['person', 3]);
  }
  return out;
}

/** Weights from one mention: its words, its title and its context. */
export function mentionScores(m: NameMention): TypeScores {
  const s = nameScores(m);
  if (m.title === 'person') s.person += 8;
  else if (m.title === 'office') s.person += 6;
  const before = m.before.toLowerCase();
  const possessed = /^['’]s?\s+\p{Ll}/u.test(m.after);
  for (const [re, type, weight] of BEFORE) if (re.test(before) && !(possessed && type === 'organization')) s[type] += weight;
  // Names joined by "and" are mostly of one kind: the head noun of the one before counts a little ("LG Electronics and Foxconn").
  const partner = /((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)\s+(?:and|or)\s+$/u.exec(m.before)?.[1];
  if (partner && partner.split(/\s+/).length > 1) {
    const p = nameScores({ words: partner.split(/\s+/) });
    const c = leadingClass(p, 4);
    if (c === 'body') s.organization += 2;
    else if (c === 'place') s.place += 2;
  }
  // The second of two names joined by "and", "or" or a comma shares the words before the first:
  // "flights to Maumere and Labuan Bajo", "in Bergen and Stavanger".
  const listed = /^(.*?)(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*(?:,\s+|\s+(?:and|or)\s+)$/u.exec(m.before)?.[1];
  if (listed) for (const [re, type, weight] of BEFORE) if (type === 'place' && re.test(listed.toLowerCase())) s[type] += weight;
  // In "the former leader of Move Forward, who was banned", "who" is the leader.
  const ofPerson = /\b([\p{Ll}-]+)\s+of\s+(?:the\s+)?$/u.exec(m.before)?.[1];
  const whoIsOther = ofPerson !== undefined && isPersonNoun(ofPerson);
  for (const [re, type, weight] of AFTER) if (re.test(m.after) && !(whoIsOther && type === 'person' && /who/.test(re.source))) s[type] += weight;
  for (const [type, weight] of apposition(m)) s[type] += weight;
  // "a local militia known as Naparamas", "a company called Novamar", "a gang leader known as
  // 'Ti Lapli'", "a news page on Facebook called …": the noun says what it is (and a body's noun
  // overrules the person that "called" suggests).
  const knownAs = /\b([\p{Ll}-]+)(?:\s+(?:on|in|at)\s+\p{Lu}[\p{L}-]*)?\s+(?:known as|called|named)\s+["“'‘]?(?:the\s+)?$/u.exec(m.before)?.[1];
  const kind = knownAs ? kindOfHead(knownAs) : undefined;
  if (kind) s[kind[0]] += 4;
  if (kind && kind[0] !== 'person' && /\b(?:named|called|name,?)\s+$/.test(before)) s.person = Math.max(0, s.person - 2);
  // "X said": people mostly, but bodies say things too; a lone word ("the Pentagon said") is left to other evidence.
  if (m.words.length > 1 && /^\s+(?:said|says|told|added|argued|wrote|warned|insisted|explained|noted|asked|replied|admitted|acknowledged|denied|conceded|recalled)\b/.test(m.after)) s.person += 1;
  // A transcript's speaker: "Raghunathan: And jobs?", "Priya Raghunathan (Meridian Securities): …".
  if (!m.before.trim() && /^\s*(?:\([^)]{1,60}\))?:\s/.test(m.after)) s.person += 3;
  return s;
}

/** The class with at least `min` weight and the most, or undefined when nothing speaks for any. */
export function leadingClass(s: TypeScores, min = Number.MIN_VALUE): TypeClass | undefined {
  const classes: [TypeClass, number][] = [
    ['person', s.person],
    ['body', s.organization + s.institution + s['armed group']],
    ['place', s.place],
    ['event', s.event],
  ];
  const [best, weight] = classes.reduce((a, b) => (b[1] > a[1] ? b : a));
  return weight >= min ? best : undefined;
}

/**
 * The type the evidence gives. With none at all, a single word is most likely a place (towns
 * and regions are named without a head noun), a longer name an organisation (a person's name
 * nearly always comes with a given name, a title or a role that says so).
 */
export function decideType(s: TypeScores, wordCount: number): EntityType {
  const c = leadingClass(s);
  if (c === undefined) return wordCount === 1 ? 'place' : 'organization';
  if (c !== 'body') return c;
  if (s['armed group'] > 0 && s['armed group'] >= s.organization && s['armed group'] >= s.institution) return 'armed group';
  return s.institution > s.organization ? 'institution' : 'organization';
}
