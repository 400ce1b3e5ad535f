import type englishMessages from '../../_locales/en/messages.json';

/**
 * Localisation without the browser: the message lookup of `_locales/<lang>/messages.json`
 * (the WebExtension format) and a translator over any lookup, with plural forms and the
 * locale's number and date formats. Pages and the card get a translator over the browser's
 * own `i18n.getMessage` (src/platform/i18n.ts); tests one over the real message files. The UI
 * chrome is translated; corpus text (the pack's titles, labels, templates, quotations) never is.
 */

/** Every message key: the English file is the reference, so a key missing there fails to compile. */
export type MessageKey = keyof typeof englishMessages;

/** Keys with plural forms, named without their suffix: `notes` for `notes_one` / `notes_other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/** One entry of a messages.json file. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A whole messages.json file. */
export type MessageFile = Record<string, MessageEntry>;

/** Looks a message up with its substitutions; "" when the key is unknown (as `i18n.getMessage` answers). */
export type MessageLookup = (key: string, substitutions: string[]) => string;

/** A substitution: numbers are formatted for the UI language, with options when given as `[n, options]`. */
export type Substitution = string | number | readonly [number, Intl.NumberFormatOptions];

/** What the UI translates with. */
export interface Translator {
  /** The message for `key`, its placeholders filled in order (`$1`, `$2`…). */
  (key: MessageKey, ...substitutions: Substitution[]): string;
  /** The plural form of `key` for `count` (`key_one`, `key_other`, … by the messages' language); `$1` is the count. */
  plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string;
  /** A number in the UI language's format ("1,234" / "1 234"). */
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A date, without the time, in the UI language's format. */
  date(time: number | Date): string;
  /** A date and time in the UI language's format. */
  dateTime(time: number | Date): string;
  /** A calendar day written `yyyy-mm-dd` (the pack's dates) in the UI language's format; any other text as it is. */
  day(value: string): string;
  /** The language numbers and dates are formatted for (a BCP 47 tag). */
  readonly locale: string;
  /** The language of the messages in use (`en`, `fr`): what `lang` attributes say. */
  readonly language: string;
}

/**
 * The lookup of one messages.json file, with the browser's rules: a message's `$name$` is
 * its placeholder's content, in which `$1`…`$9` are the substitutions; `$$` is a dollar sign.
 * Names and keys are case-insensitive.
 */
export function fileLookup(file: MessageFile): MessageLookup {
  const entries = new Map(Object.entries(file).map(([k, v]) => [k.toLowerCase(), v]));
  return (key, substitutions) => {
    const entry = entries.get(key.toLowerCase());
    if (!entry) return '';
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
    const substitute = (content: string) => content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (all, name: string | undefined) => {
      if (name === undefined) return '$';
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? all : substitute(content);
    });
  };
}

/** The message's keys with the names of their placeholders, sorted: what every language must have alike. */
export function placeholderNames(entry: MessageEntry): string[] {
  return Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
}

/**
 * A translator over `lookup`, for messages written in `language`, numbers and dates in
 * `locale`. A key the lookup does not know shows as itself, so a gap is seen, not blank.
 */
export function createTranslator(lookup: MessageLookup, language: string, locale: string = language): Translator {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(language);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  // A day is no instant: formatted at UTC midnight in UTC, it stays the same day everywhere.
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const text = (s: Substitution) => (typeof s === 'number' ? numbers.format(s) : typeof s === 'string' ? s : new Intl.NumberFormat(locale, s[1]).format(s[0]));
  const message = (key: string, substitutions: Substitution[]) => lookup(key, substitutions.map(text));
  const t = ((key: MessageKey, ...substitutions: Substitution[]) => message(key, substitutions) || key) as Translator;
  return Object.assign(t, {
    plural: (key: PluralKey, count: number, ...substitutions: Substitution[]) => {
      const all = [count, ...substitutions];
      return message(`${key}_${plurals.select(count)}`, all) || message(`${key}_other`, all) || key;
    },
    number: (n: number, options?: Intl.NumberFormatOptions) => (options ? new Intl.NumberFormat(locale, options).format(n) : numbers.format(n)),
    date: (time: number | Date) => dates.format(time),
    dateTime: (time: number | Date) => dateTimes.format(time),
    day: (value: string) => {
      const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const time = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : NaN;
      return Number.isNaN(time) ? value : days.format(time);
    },
    locale,
    language,
  });
}

/** A translator over one messages.json file (tests, and any context without the browser's API). */
export function fileTranslator(file: MessageFile, language: string, locale: string = language): Translator {
  return createTranslator(fileLookup(file), language, locale);
}

/**
 * An error a reader is shown: its message in English (logs, tests, and any context without a
 * translator) and the message key with its substitutions, so a page words it in the reader's language.
 */
export class ReaderError extends Error {
  constructor(
    message: string,
    readonly key: MessageKey,
    readonly substitutions: readonly Substitution[] = [],
  ) {
    super(message);
  }
}

/** What to show a reader for `err`: a ReaderError in their language, any other error's own message. */
export function errorText(err: unknown, t: Translator): string {
  if (err instanceof ReaderError) return t(err.key, ...err.substitutions);
  return err instanceof Error ? err.message : String(err);
}
