import { describe, expect, it } from 'vitest';
import { isActiveOn, readSettings, siteOf, withSite } from './settings';

describe('settings', () => {
  it('fills defaults and keeps each valid field of a malformed record', () => {
    expect(readSettings(undefined)).toEqual({ paused: false, disabledSites: [], highlightStyle: 'underline' });
    expect(readSettings('junk')).toEqual(readSettings(undefined));
    expect(readSettings({ paused: 'yes', disabledSites: ['a.example'], highlightStyle: 'neon' })).toEqual({
      paused: false,
      disabledSites: ['a.example'],
      highlightStyle: 'underline',
    });
  });

  it('switches sites by host name, and a pause wins over every site', () => {
    const s = withSite(readSettings(undefined), 'https://news.example/a?x=1', false);
    expect(s.disabledSites).toEqual(['news.example']);
    expect(isActiveOn(s, 'https://news.example/other')).toBe(false);
    expect(isActiveOn(s, 'https://elsewhere.example/')).toBe(true);
    expect(withSite(withSite(s, 'https://news.example/', false), 'https://news.example/', true).disabledSites).toEqual([]);
    expect(isActiveOn({ ...readSettings(undefined), paused: true }, 'https://elsewhere.example/')).toBe(false);
    expect(siteOf('not a url')).toBe('');
  });
});
