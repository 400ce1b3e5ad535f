import * as v from 'valibot';

/** How marks look on pages (chosen in the options page). */
export const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * The user's settings, kept in extension storage. Every field has a default, so a missing or
 * partly written record (a first run, an older version) reads as a whole one.
 */
export const SettingsSchema = v.object({
  /** Crossread marks no page anywhere while paused. */
  paused: v.optional(v.boolean(), false),
  /** Host names where Crossread is switched off. */
  disabledSites: v.optional(v.array(v.string()), []),
  highlightStyle: v.optional(v.picklist(HIGHLIGHT_STYLES), 'underline'),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** Reads stored settings; anything malformed falls back to the defaults, field by field. */
export function readSettings(raw: unknown): Settings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = v.parse(SettingsSchema, {});
  for (const key of Object.keys(SettingsSchema.entries) as (keyof Settings)[]) {
    const field = v.safeParse(SettingsSchema.entries[key], record[key]);
    if (field.success) (out as Record<string, unknown>)[key] = field.output;
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
