import nlp from 'compromise';

/**
 * What the English language says about the words of a name: titles, the head nouns that make
 * a name an organisation, a public body, a place, an armed group or an event, the particles
 * inside names, and the capitalised words that are never names. General English, the same
 * for every corpus: nothing here knows a story (story facts live in `assets/`).
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Words before a person's name that are a title or an office, not part of the name. */
export const TITLES = set(`
  mr mrs ms miss mx dr prof professor rev reverend fr sir dame lord lady
  gen col colonel lt lieutenant maj capt captain sgt sergeant cpl corporal adm admiral cmdr commander brig brigadier
  insp inspector supt superintendent det detective constable marshal
  president presidents vice-president minister ministers premier chancellor vice-chancellor secretary secretary-general governor
  senator sen rep representative congressman congresswoman councillor councilor cllr alderman mayor deputy
  ambassador envoy consul spokesman spokeswoman spokesperson chairman chairwoman ceo
  king queen prince princess emperor sultan sheikh sheik emir imam ayatollah mullah rabbi bishop archbishop pope pastor cardinal
  judge justice magistrate dean provost principal commissioner prosecutor attorney mp mep coach prefect
  bupati datuk dato ustaz ustadh alhaji alhaja hajiya mallam
  officer executive director manager chief treasurer registrar administrator sheriff warden
`);

/** Titles that name a person's office only with their name, so they mark a person strongly. */
export const PERSON_TITLES = set(`mr mrs ms miss mx dr prof professor rev reverend sir dame gen col lt maj capt sgt cpl adm insp supt det cllr councillor datuk dato ustaz ustadh alhaji alhaja hajiya mallam`);

/** The last word of an organisation's name (a company, a union, a newspaper). */
export const ORGANIZATION_HEADS = set(`
  company companies corporation corp inc ltd llc plc gmbh ag sa srl spa bv nv pty sdn bhd lda kg co
  group holdings bank securities capital partners associates labs laboratories solutions systems technologies
  media news radio tv television press times post herald courier review dispatch chronicle ledger star tribune
  gazette journal observer guardian telegraph mail express standard daily weekly online magazine network networks
  union unions association federation confederation league society club fc trust foundation fund endowment organization organisation community
  party movement alliance coalition forum observatory partnership chamber consortium cooperative guild brotherhood
  airlines airways railways energy motors pharmaceuticals insurance brewery hotels studios records productions
  air plantations foods textiles telecom telecoms chemicals cement beverages watch initiative campaign solution electronics
  committee maritime shipping logistics construction engineering consulting ventures industries enterprises international
`);

/** The last word of a public body's name (a ministry, a council, a court, a university). */
export const INSTITUTION_HEADS = set(`
  ministry department dept government council parliament assembly senate congress court tribunal agency office
  directorate commission authority police treasury bureau administration inspectorate cabinet secretariat
  university college school academy museum library hospital infirmary clinic prison institute centre center army navy force forces
  guard gendarmerie embassy consulate municipality prefecture service services mission penitentiary jail board survey
`);

/** The last word of a place's name. */
export const PLACE_HEADS = set(`
  street st road rd avenue ave boulevard lane square plaza bridge river lake sea ocean gulf bay coast coastline
  island islands isle mountains mountain mount hills hill valley desert forest park province region district county
  territory city town village port harbour harbor airport station church cathedral chapel mosque temple palace castle tower
  hall stadium arena market heights peninsula canal falls dam field fields ward quarter strait pass delta basin plain
  plains cape reef creek springs beach wharf dock docks terminal house highway motorway square gardens republic
  gorge canyon glacier volcano waterfall lagoon cove fjord ravine crater atoll archipelago
`);

/** The first word of a place's name ("River Warnow", "Mount Kalamoun", "Santa Rosa"). */
export const PLACE_LEADS = set(`river lake mount mt cape isle gulf bay fort port saint st san santa sankt são sao`);

/** Words that name an armed group, at either end of its name ("Nusra Front", "Jaish al-Islam"). */
export const ARMED_WORDS = set(`
  front brigade brigades battalion battalions militia militias legion mujahideen cartel mafia gang
  jaish jabhat ahrar harakat liwa kataib ansar
`);

/** The first word of a holiday's or festival's name ("Eid al-Adha"). */
export const EVENT_LEADS = set(`eid ramadan christmas easter diwali hanukkah passover thanksgiving nowruz typhoon hurricane cyclone storm`);

/** The last word of an event's name. */
export const EVENT_HEADS = set(`festival summit games olympics paralympics cup championship championships war conference rally marathon expo fair spring uprising revolution`);

/** Lower-case particles inside names ("Maarten van der Wiel", "Inês de Sá Carvalho", "Ahmad Faizal bin Osman"). */
export const PARTICLES = set(`van von der den de del della delle dei di da do dos das du des la le les y bin binti bint ibn al el ter ten zu af`);

/** Particles that may open a name written without its first name ("van der Wiel", "de Sá Carvalho"). */
export const LEADING_PARTICLES = set(`van von de del della di da du der den ter ten al el bin`);

/** Capitalised words that are never a name by themselves (pronouns, days, time zones, languages, abbreviations of things). */
export const NOT_NAMES = set(`
  i we you he she it they me us him her them my our your his its their this that these those the a an
  and but or nor so yet if then there here who whom whose what which when where why how all any each every
  some no not none one both either neither other another such many much more most few several
  mon tue wed thu fri sat sun today tonight yesterday tomorrow
  january february march april june july august september october november december
  q a: ok yes please thanks hello
  gmt bst utc cet cest eet eest est edt cst cdt mst mdt pst pdt ist pet eat wat cat sast msk jst kst aest aedt awst nzst nzdt
  ceo cfo coo cto gdp vat ai tv dna mri icu gp rsv covid hiv aids lng ev evs suv am pm sms gps url pdf faq hr pr cctv atm
  english french german spanish italian portuguese dutch arabic hebrew russian chinese mandarin cantonese japanese korean
  hindi urdu bengali swahili turkish greek latin polish ukrainian persian farsi kurdish
`);

/** Words for believers, followers and blocs, capitalised but no name of one entity ("Muslim", "Islamist", "Kurds"). */
export const GROUP_WORDS = set(`
  muslim islamic islamist jihadist salafist salafi sunni shia shiite alawite druze christian catholic protestant orthodox evangelical
  jewish jew hindu buddhist sikh western westerner eastern arab kurd crusader communist socialist marxist fascist nazi
  conservative liberal democrat republican nationalist loyalist unionist royalist indigenous aboriginal separatist secessionist
`);

/** Company suffixes written with a dot ("Inc.", "Ltd."): they end a name and often a sentence. */
export const COMPANY_SUFFIXES = set(`inc ltd co corp plc llc pty bhd lda srl`);

/** Abbreviations whose dot is not a sentence end. */
export const ABBREVIATIONS = set(`mr mrs ms dr prof rev gen col lt maj capt sgt cpl adm cmdr brig insp det supt gov sen rep st mt ft jr sr messrs hon fr no vs pvt`);

/** Nouns for people that compromise's lexicon does not list as such (it tags most: director, mayor, historian). */
export const PERSON_NOUNS = set(`
  student students owner executive official officials correspondent resident residents spokeswoman spokesperson archaeologist
  lawyer worker leader chief head founder researcher scientist victim survivor witness mother father son daughter wife
  husband widow grandmother grandfather vicar chair candidate member organiser organizer curator fellow graduate pensioner
  shopkeeper trader driver nurse doctor engineer boss coach captain activist campaigner
  passenger farmer fisherman fishermen villager teacher pupil refugee migrant soldier volunteer tourist patient voter
  commuter mourner protester demonstrator herder vendor labourer laborer housewife monk nun priest rancher tailor
  mechanic musician singer actor actress athlete scholar economist analyst historian politician lawmaker legislator
  diplomat negotiator medic paramedic surgeon midwife citizen businessman businesswoman entrepreneur investor banker
`);

/** Lower-case nouns after a name that make it a place ("Carhuaz province", "Perak state"). */
export const PLACE_NOUNS = set(`province region district city town village state county area valley river island border municipality neighbourhood neighborhood suburb airport station capital port coast country`);

/** Lower-case nouns for bodies of people (", a company", "the union"). */
export const ORGANIZATION_NOUNS = set(`
  company firm group bank lender union party agency organisation organization charity newspaper broadcaster club council ministry
  department board network insurer retailer operator carrier utility regulator body association federation confederation league
  team maker manufacturer producer supplier exporter chain conglomerate platform brand publisher airline miner developer exchange
  project consortium cooperative coalition alliance movement page site website blog channel podcast outlet
`);

/** Lower-case nouns for armed groups, near their names. */
export const ARMED_NOUNS = set(`militants militant fighters rebels rebel insurgents insurgent jihadists jihadist militia militias extremists guerrillas faction factions gang gangs cartel cartels`);

type Lexicon = Record<string, string | string[] | undefined>;
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;

/** The tags compromise's lexicon gives a lower-case word or phrase ("utrecht" → City). */
export function lexiconTags(phrase: string): readonly string[] {
  const tags = lexicon[phrase];
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'City', 'Country', 'Region', 'Place', 'Organization', 'SportsTeam', 'Honorific']);

/** True when the lower-case word is an ordinary English word (a verb, an adjective, a common noun), not only a name. */
export function isCommonWord(word: string): boolean {
  const stems = [['', ''], ['s', ''], ['es', ''], ['ies', 'y'], ['ed', ''], ['d', ''], ['ied', 'y'], ['ing', ''], ['ing', 'e'], ['er', ''], ['ers', ''], ['r', ''], ['rs', ''], ['ly', ''], ['ily', 'y']];
  return stems.some(([suffix, add]) => {
    if (!word.endsWith(suffix!)) return false;
    const tags = lexiconTags(word.slice(0, word.length - suffix!.length) + add!);
    return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
  });
}

/** True when the lower-case word is a given name in compromise's lexicon. */
export function isFirstName(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/** True for a demonym or a month or weekday name ("Syrian", "June", "Friday"). */
export function isDemonymOrDate(word: string): boolean {
  return lexiconTags(word).some((t) => t === 'Demonym' || t === 'Month' || t === 'WeekDay' || t === 'Date');
}

/** The place a lower-case name is in compromise's lexicon, if it is one ("new york" → Region). */
export function isKnownPlace(phrase: string): boolean {
  return lexiconTags(phrase).some((t) => t === 'City' || t === 'Country' || t === 'Region' || t === 'Place');
}
