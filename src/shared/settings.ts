/** How marks look on pages (chosen in the options page). */
export const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * The user's settings, kept in extension storage. Every field has a default, so a missing or
 * partly written record (a first run, an older version) reads as a whole one.
 */
export interface Settings {
  /** Crossread marks no page anywhere while paused. */
  paused: boolean;
  /** Host names where Crossread is switched off. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
}

const DEFAULTS: Readonly<Settings> = { paused: false, disabledSites: [], highlightStyle: 'underline' };

/**
 * Each field's check. Written by hand rather than with the protocol's schema library: every
 * page's content script reads the settings before anything else, and this keeps that read
 * to a few hundred bytes of code (see README "Start-up cost").
 */
const VALID: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  paused: (value): value is boolean => typeof value === 'boolean',
  disabledSites: (value): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string'),
  highlightStyle: (value): value is HighlightStyle => (HIGHLIGHT_STYLES as readonly unknown[]).includes(value),
};

/** Reads stored settings; anything malformed falls back to the defaults, field by field. */
export function readSettings(raw: unknown): Settings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Settings = { ...DEFAULTS, disabledSites: [] };
  for (const key of Object.keys(VALID) as (keyof Settings)[]) {
    const value = record[key];
    if (VALID[key](value)) (out as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/** The key a site is switched by: the page's host name. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Whether Crossread should mark a page at `url` under `settings`. */
export function isActiveOn(settings: Settings, url: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(siteOf(url));
}

/** `settings` with the site of `url` switched on or off. */
export function withSite(settings: Settings, url: string, on: boolean): Settings {
  const site = siteOf(url);
  const others = settings.disabledSites.filter((s) => s !== site);
  return { ...settings, disabledSites: on ? others : [...others, site].sort() };
}

/** Where the settings are kept in `storage.local`. */
export const SETTINGS_KEY = 'settings';

/** The most of a page's text `getPageText` answers with (in characters). */
export const MAX_PAGE_TEXT = 2_000_000;
