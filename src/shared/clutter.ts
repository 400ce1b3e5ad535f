import { paragraphsOf, type Paragraph } from './quotations';

/**
 * Page clutter in a captured article: reader comments, bylines and photo credits, tag lists,
 * related-story and video titles, share and advert widgets, publisher footers, navigation.
 * Recognised by general rules on the shape of each line and where it stands relative to the
 * article's body (the run of prose paragraphs), never by offsets of known files. What is
 * clutter is left out of everything the pack states about a source.
 */

export const CLUTTER_REASONS = ['navigation', 'byline', 'credit', 'tags', 'related', 'comments', 'footer', 'advert', 'share', 'newsletter', 'dateline-chrome', 'header'] as const;
export type ClutterReason = (typeof CLUTTER_REASONS)[number];

export interface Excluded {
  start: number;
  end: number;
  reason: ClutterReason;
}

/** A line that starts the reader-comment section: everything from it on is comments (or footer). */
const COMMENTS_START =
  /^(?:(?:[\p{L} ]{1,20}\s[—–:|-]\s*)?\d+\s+(?:comments?|responses?|replies|reactions)(?:\s*[·|•-].*|\s+(?:sort|order|show|newest|oldest|best|top)\b.{0,30})?|what (?:our )?readers (?:say|think)|readers respond|reader reactions|your (?:views|comments)|(?:comments?|discussion|responses?|reactions|readers'? comments|reader comments)\s*\(\d+\)(?:\s*[|·•]\s*(?:post|add|leave|write) a comment)?|comments are (?:closed|disabled|turned off)\.?|comments?|reader comments|readers'? comments|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|(?:show|view|load|see|read)(?: all| more)? comments?(?:\s*\(\d+\))?|view all \d+ comments|most relevant|newest first|oldest first|all comments|what do you think\??|have your say|\d+\s+thoughts? on\b.*|discussion|forum replies|\d+\s+replies|réagir|(?:commentaires?|kommentare|comentarios|comentários)(?:\s*\(\d+\))?|\d+\s+(?:réactions|commentaires?|kommentare|comentarios|comentários)|(?:facebook )?comments? plugin|(?:the )?conversation|start the conversation|be the first to comment|(?:log|sign) in to (?:comment|reply)|you must be logged in to (?:post a )?comment|commenting (?:is )?(?:closed|disabled)|comments (?:are|may be) moderated.*|load (?:\d+ )?more comments|\d+\s+reader comments|top comments|your say|talkback|sort by (?:newest|oldest|best|top|most liked|popular))\s*:?$/iu;
/** A comment's header line: a name, then a date and often a time ("Reid Barnes September 10, 2016 - 8:17 pm"). */
const COMMENT_HEADER = /^[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}\s*(?:[,·|–-]\s*|(?:wrote|writes|says|said|commented|replied)(?:\s+on)?\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago)\b.*$/u;
/** A commenter's line without a date (WordPress and forum layouts): "Carla M. says:", "Tomas replied:". */
const COMMENTER_SAYS = /^[\p{L}][\p{L}\p{N}._'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}\s+(?:(?:says|said|wrote|writes|commented|replied)\s*:|(?:schrieb|a écrit|escribió|escreveu)(?:\s+(?:am|le|el|em)\s+\S.*)?)$/u;
/**
 * A comment's header with a short time ("Kevin O. · 3h", "lucho_bsas · 4 hr. ago", "Marta L. 14:05"),
 * or a handle opening a line ("@ramdani · Stay safe").
 */
const COMMENT_SHORT = /^(?:[\p{L}][\p{L}\p{N}._'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}\s*[·•|–—-]?\s*(?:\d{1,2}\s*(?:m|min|mins|h|hr|hrs|d|w)\.?(?:\s+ago)?|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)|@[\p{L}\p{N}._]+\s*[·•|:–—-]\s*\S.*)$/u;
/** A numbered forum post's header: "#2 himal_kanchha » Sun Sep 28, 2025 9:40 am". */
const FORUM_POST = /^#\d+\s+\S+\s+[»·|–-]\s+\S/u;
/** A menu laid out with wide gaps: four items or more of one to three words ("Site   NEWS   Top Stories   Asia"). */
const MENU_SPACED = /^\s*[^\s.!?]+(?: [^\s.!?]+){0,2}(?:(?: {2,}|\t+)[^\s.!?]+(?: [^\s.!?]+){0,2}){3,}\s*$/u;

/** Share buttons and in-story advert markers, in several languages. */
const SHARE_LINE = /^(?:share|partager|teilen|compartir|compartilhar)\s*:?\s+(?:on\s+)?(?:facebook|x|twitter|whatsapp|e-?mail|linkedin|telegram)\b/iu;
const ADVERT_LINE = /^(?:(?:story|article) continues below(?: (?:this )?advertisement)?|advertisement\s*[-–—:]\s*scroll to continue|publicité|anzeige|publicidad)$/iu;
/** A note by the editors after the story ("Correction: …", "Editor's note: …"). */
const EDITORS_NOTE = /^(?:correction|clarification|editor['’]?s note)\s*:/iu;
/** Who reported, wrote and edited, after the story: "Reporting by …; Editing by …", "Additional reporting by …". */
const STAFF_CREDIT = /^(?:additional\s+)?(?:reporting|writing|editing|research|translation)\s+by\b/iu;
/** A wire agency in brackets closing a photo caption: "Fishermen pull a boat onto the beach. (AFP)". */
const CAPTION_AGENCY = /\((?:afp|reuters|ap|epa|getty images|anadolu|xinhua|efe|dpa|ansa)(?:\s+photo)?\)$/iu;
/** The writer's short biography closing a story: "Jane Roe covers migration for …", "… is our correspondent in …". */
const AUTHOR_BIO = /^[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){1,3}\s+(?:is\s+(?:a|an|the|our)\s+(?:[\p{L}-]+\s+){0,4}(?:correspondent|reporter|journalist|editor|writer|columnist|contributor)\b|covers\s|reports\s+on\s|writes\s+(?:about|on)\s)/u;
const WIDGET =
  /^(?:share(?: this(?: article| story)?)?|share on \w+|tweet|email|print|reply|cancel reply|advertisement|advert|sponsored(?: content)?|ad|scroll to continue|continue reading|read more|more|comments|post a comment|like|follow us|subscribe|sign in|log in|menu|search|close|skip to (?:main )?content|back to top|top|next|previous|loading\.*|world news|world|news|home)\s*[:.]?$/iu;
const NEWSLETTER = /\b(?:sign up|subscribe|newsletter|inbox|get (?:our|the) (?:daily|weekly|latest)|delivered to your)\b/iu;
/** A prompt that is clutter even when written as a sentence: "Sign up for our morning briefing." */
const PROMPT = /^(?:sign up|subscribe|get (?:our|the|breaking)|join (?:our|the)|register (?:now|for)|don'?t miss|download (?:our|the) app|follow us|support (?:our|independent) journalism|we use cookies|this site uses cookies)\b/iu;
const COOKIES = /\b(?:cookies?|privacy policy|terms of (?:use|service)|consent|accept all)\b/iu;
const FOOTER_STRONG = /(?:©|\(c\)\s*\d{4}|\ball rights reserved\b|\bdisclaimer\b|\bnon-responsabilit|\bsource originale\b|\boriginal source of this article\b|\breproduced with permission\b)/iu;
const FOOTER = /(?:\bcopyright\b|\bthis (?:article|story) (?:was )?(?:first |originally )?(?:published|appeared)\b|\bcontact(?:ez)?\b.*\S+@\S+|\bterms of (?:use|service)\b|\bprivacy policy\b)/iu;
const RELATED_START = /^(?:lire aussi|à lire aussi|voir aussi|sur le même sujet|mehr zum thema|lesen sie auch|das könnte sie auch interessieren|leia também|veja também|lea también|ver también|noticias relacionadas|te puede interesar|live(?: updates?| blog)?|related(?: articles| stories| coverage| content| news)?|explore more(?: on (?:these|this) topics?)?|more on (?:these|this) topics?|read (?:more|next|also)|more (?:from|on|stories|news)\b.*|recommended(?: for you)?|you (?:may|might) (?:also )?like|most (?:read|popular|viewed)|trending(?: now)?|popular|see also|also read|further reading|latest(?: news)?|top stories|editor'?s picks|watch(?: next)?|video|videos|in other news)\s*:?$/iu;
/**
 * A label before another story's title. Labels that are also ordinary words ("More than 40
 * people …", "Watch …", "Analysis of …") count only with a colon or a separator after them.
 */
const RELATED_INLINE = /^(?:(?:related|read more|read also|also read|see also|further reading)\s*:?\s+\S|(?:watch|video|listen|more|recommended|opinion|analysis|explainer|live(?: updates?| blog| coverage)?|breaking(?: news)?)\s*(?::|[|·•›»→–—-])\s*\S)/iu;
const TAGS = /^(?:tags?|topics?|filed under|categories|category|keywords|themes?|th[eè]mes?|r[ée]gions?|sections?|analyses|subjects?|more about|related topics|posted in)\s*:\s*/iu;
const BYLINE = /^(?:[Bb]y|[Pp]ar|[Vv]on|[Pp]or|[Dd]oor|[Dd]i|[Dd]e)\s+(?:\[)?[\p{Lu}][\p{L}.'’-]*(?:[\s,]+(?:(?:and|of|de|van|von|al|el|la|le|du|da)\s+)?(?:\[)?[\p{Lu}][\p{L}.'’()\]#-]*){0,8}(?:\s*[|,–—-]\s*[\p{L} ]{0,40})?$/u;
const CREDIT = /(?:^|\s)(?:photo|photograph|image|picture|video|credit|illustration|graphic|footage)s?\s*(?:by|credit)?\s*:|\b(?:getty images|afp|reuters|ap photo|associated press|epa|shutterstock|anadolu|xinhua|pool)\b\s*(?:via\s+\S+)?\s*$|^[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3}\s*[—–/|]\s*(?:[\p{Lu}]{2,}|[\p{Lu}][\p{L}]+ (?:Images|Photo|Press))\s*$/iu;
/** A caption or credit line opens with its marker: "Credit: …", "Photo: …", "© Agency", a camera. */
const CREDIT_START = /^(?:(?:credit|photo(?:graph)?|image|picture|illustration|caption|foto)s?\s*:|©|\u{1F4F7}|\(photo)/iu;
const DATE_WORDS = /\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc)\p{L}*\.?\s+\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:updated|published|posted)\b)/iu;
const HEADER = /^(?:title|outlet|source|publication|publisher|date|published|url|link|author|byline|section)\s*:/iu;

/** A line reads as prose: a sentence end and enough words. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words >= 8 && /[.!?…:]["'”’»)*]*$/u.test(line.trim());
}

/** Markdown links and list markers stripped, to judge what a line says. */
const plain = (line: string) =>
  line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]+/g, '')
    // Symbols around a line (bullets, icons, emoji, "▲ 24 ▼") say nothing; sentence ends and closing marks stay.
    .replace(/^[^\p{L}\p{N}"“«‘'(\[]+|[^\p{L}\p{N}.!?…:"”»’')\]]+$/gu, '')
    .trim();

/** How much of a line is links (Markdown `[x](y)`), 0 to 1. */
function linkShare(line: string): number {
  const links = [...line.matchAll(/\[[^\]]*\]\([^)]*\)/g)].reduce((n, m) => n + m[0].length, 0);
  return links / Math.max(1, line.length);
}

/** Function words by language, to notice a block in another language than the article (a republisher's footer). */
const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the of and to in is that for it was on with as by at from this are be have has not or an which but they their his her were been'.split(' ')),
  fr: new Set('le la les de des du et est que qui dans pour pas une un sur au aux ce cette sont ou par ne se il elle nous vous leur avec'.split(' ')),
  de: new Set('der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an werden aus er sie'.split(' ')),
  es: new Set('el la los las de del y es que en un una por con para no se su al lo como más pero sus le ha'.split(' ')),
};

/** The language whose function words a text uses most, when it uses enough of them. */
function languageOf(text: string): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 12) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [lang, set] of Object.entries(STOPWORDS)) {
    const n = words.filter((w) => set.has(w)).length;
    if (n > bestCount) [best, bestCount] = [lang, n];
  }
  return bestCount / words.length >= 0.12 ? best : undefined;
}

/**
 * The clutter of a captured article, in order, with offsets into `text` (lines whole).
 * Header lines (`Title:`, `Outlet:` …, then a blank line) at the top are reported as `header`.
 */
export function findClutter(text: string): Excluded[] {
  const paragraphs = paragraphsOf(text);
  const lines = paragraphs.map((p) => text.slice(p.start, p.end));
  const reasons: (ClutterReason | undefined)[] = lines.map(() => undefined);
  const n = lines.length;

  // Header lines of a corpus file: "Title: …" lines before the first blank line.
  let first = 0;
  const firstBlank = text.search(/\n\s*\n/);
  while (first < n && HEADER.test(lines[first]!) && (firstBlank < 0 || paragraphs[first]!.start < firstBlank)) reasons[first++] = 'header';

  // The body: from the first to the last prose paragraph of the main run (prompts are never body).
  const prose = lines.map((l) => isProse(plain(l)) && !PROMPT.test(plain(l)));
  let bodyStart = prose.findIndex((p, i) => p && i >= first);
  if (bodyStart < 0) bodyStart = first;

  // Reader comments: from a comments marker (or the first comment header after the body) to the end.
  let commentsFrom = -1;
  for (let i = bodyStart + 1; i < n; i++) {
    const l = plain(lines[i]!);
    if (COMMENTS_START.test(l) || ((COMMENT_HEADER.test(l) || COMMENTER_SAYS.test(l) || FORUM_POST.test(l) || COMMENT_SHORT.test(l) || COMMENT_SHORT.test(lines[i]!.trim())) && l.length < 90 && i > bodyStart + 2)) {
      commentsFrom = i;
      break;
    }
  }
  // A trailing block in another language than the body: a republisher's footer.
  const bodyLanguage = languageOf(lines.slice(bodyStart, commentsFrom >= 0 ? commentsFrom : n).filter((_, k) => prose[bodyStart + k]).join(' '));
  // A publisher's footer: from a footer line (copyright, disclaimer, republication notice) or a
  // block in another language than the body, with only such lines and short ones after it.
  let footerFrom = -1;
  for (let i = n - 1; i > bodyStart; i--) {
    const l = plain(lines[i]!);
    const lang = languageOf(l);
    const marker = FOOTER_STRONG.test(l) || (FOOTER.test(l) && !isProse(l)) || (bodyLanguage !== undefined && lang !== undefined && lang !== bodyLanguage);
    if (marker) footerFrom = i;
    else if (isProse(l)) break;
  }
  const bodyEnd = Math.max(bodyStart, ...prose.map((p, i) => (p && (commentsFrom < 0 || i < commentsFrom) && (footerFrom < 0 || i < footerFrom) ? i : -1)));

  // The headline: the line the header's Title repeats, else the first line that reads as one
  // (three words or more, no separators of navigation, no date).
  const title = lines.slice(0, first).map((l) => /^title\s*:\s*(.+)$/i.exec(l)?.[1]?.trim()).find(Boolean);
  const titled = title ? lines.findIndex((l, i) => i >= first && plain(l) === title) : -1;
  const headlineAt =
    titled >= 0
      ? titled
      : lines.findIndex((l, i) => {
          const p = plain(l);
          return i >= first && p.split(/\s+/).length >= 3 && !WIDGET.test(p) && !BYLINE.test(p) && !MENU_SPACED.test(l) && !/\s[|›»>/·•≡]\s/.test(l) && !/^(?:home|accueil)\b/i.test(p) && !(DATE_WORDS.test(l) && p.split(/\s+/).length <= 8);
        });
  const seen = new Map<string, number>();
  let underRelated = false;
  for (let i = first; i < n; i++) {
    if (reasons[i]) continue;
    const raw = lines[i]!;
    const l = plain(raw);
    const key = l.toLowerCase();
    const words = l.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (commentsFrom >= 0 && i >= commentsFrom && (footerFrom < 0 || i < footerFrom)) reasons[i] = 'comments';
    else if (footerFrom >= 0 && i >= footerFrom) reasons[i] = 'footer';
    else if (!l) continue;
    else if (TAGS.test(l) || (linkShare(raw) > 0.5 && /:\s*\[/.test(raw))) reasons[i] = 'tags';
    else if ((STAFF_CREDIT.test(l) || CAPTION_AGENCY.test(l)) && words <= 40) reasons[i] = 'credit';
    else if ((EDITORS_NOTE.test(l) && i > bodyStart) || (AUTHOR_BIO.test(l) && i >= bodyEnd && i > bodyStart)) reasons[i] = 'footer';
    else if (WIDGET.test(l)) reasons[i] = /^(?:advertisement|advert|sponsored|ad)\b/i.test(l) ? 'advert' : /^(?:share|tweet|email|print)/i.test(l) ? 'share' : /^(?:reply|cancel reply|post a comment)/i.test(l) ? 'comments' : 'navigation';
    else if (BYLINE.test(l) && words <= 12) reasons[i] = 'byline';
    else if (CREDIT_START.test(raw.trim()) || (CREDIT.test(l) && !prose[i] && words <= 40)) reasons[i] = 'credit';
    else if (/^(?:#[\p{L}\p{N}_]+[\s,]*){2,}$/u.test(l)) reasons[i] = 'tags';
    else if (PROMPT.test(l)) reasons[i] = /cookies/i.test(l) ? 'footer' : 'newsletter';
    else if (SHARE_LINE.test(l)) reasons[i] = 'share';
    else if (ADVERT_LINE.test(l)) reasons[i] = 'advert';
    else if (RELATED_START.test(l) || RELATED_INLINE.test(l)) reasons[i] = 'related';
    // The titles listed under a related-stories head, up to the next sentence of prose.
    else if (underRelated && !prose[i] && words <= 16) reasons[i] = 'related';
    else if (NEWSLETTER.test(l) && !isProse(l) || (NEWSLETTER.test(l) && words <= 25 && i > bodyEnd)) reasons[i] = 'newsletter';
    else if (COOKIES.test(l) && words <= 40 && (i < bodyStart || i > bodyEnd)) reasons[i] = 'footer';
    else if (seen.has(key) && words <= 25 && !prose[i]) reasons[i] = 'navigation'; // a repeated headline or widget
    else if (i !== headlineAt && i < bodyStart) {
      // Before the body: page chrome unless it reads as a standfirst (a sentence of the story).
      if (/^(?:home|accueil|startseite|inicio)\b/i.test(l) || (/\s[›»>/|·•≡]\s/.test(l) && !/\s\|\s/.test(l)) || MENU_SPACED.test(raw)) reasons[i] = 'navigation';
      else if (/\s\|\s/.test(l)) reasons[i] = 'related';
      else if (DATE_WORDS.test(l) && words <= 10) reasons[i] = 'dateline-chrome';
      else if (/^[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){1,3}\s*(?:[,|·–—-]\s*[\p{L} ,]{2,60})?$/u.test(l) && words <= 10) reasons[i] = 'byline';
      else if (words <= 8 && !/[.!?]$/.test(l)) reasons[i] = 'navigation';
    } else if (i > bodyEnd) {
      // After the body: titles of other stories, labels and widgets; a closing sentence of the story stays.
      if (/\s\|\s/.test(l) || (!/[.!?:"”]$/.test(l) && words <= 16)) reasons[i] = 'related';
    } else if (i > headlineAt && /\s\|\s/.test(l) && !isProse(l)) {
      reasons[i] = 'related';
    }
    underRelated = reasons[i] === 'related' && (underRelated || RELATED_START.test(l));
    seen.set(key, i);
  }

  const out: Excluded[] = [];
  for (let i = 0; i < n; i++) {
    const reason = reasons[i];
    if (!reason) continue;
    const p: Paragraph = paragraphs[i]!;
    const last = out.at(-1);
    // Consecutive lines of one kind make one span (the blank lines between them included).
    if (last && last.reason === reason && /^\s*$/.test(text.slice(last.end, p.start))) last.end = p.end;
    else out.push({ start: p.start, end: p.end, reason });
  }
  return out;
}
