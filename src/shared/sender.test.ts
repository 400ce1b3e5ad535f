import { describe, expect, it } from 'vitest';
import { pageKey, senderRole } from './sender';

const own = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };

describe('senderRole', () => {
  it('knows Crossread’s own pages, in a tab or not', () => {
    expect(senderRole({ id: own.id, url: `${own.baseUrl}src/pages/library.html`, origin: 'chrome-extension://abcdefghijklmnop' }, own)).toEqual({ role: 'extension' });
    expect(senderRole({ id: own.id, url: `${own.baseUrl}src/popup/index.html?tab=3`, tab: { id: 4 } }, own)).toEqual({ role: 'extension' });
  });

  it('gives a content script its tab and its page’s address from the browser, without the fragment', () => {
    expect(senderRole({ id: own.id, url: 'https://news.example/a?b=1#c', origin: 'https://news.example', tab: { id: 9 } }, own)).toEqual({
      role: 'tab',
      tabId: 9,
      pageUrl: 'https://news.example/a?b=1',
    });
    expect(pageKey('http://x.example/#top')).toBe('http://x.example/');
  });

  it('ignores other extensions, senders without a tab or address, non-web pages and mismatched origins', () => {
    const ignored = [
      { id: 'someoneelse', url: `${own.baseUrl}x.html` },
      { id: 'someoneelse', url: 'https://news.example/', tab: { id: 1 } },
      { url: 'https://news.example/', tab: { id: 1 } },
      { id: own.id, tab: { id: 1 } },
      { id: own.id, url: 'https://news.example/' },
      { id: own.id, url: 'file:///etc/passwd', tab: { id: 1 } },
      { id: own.id, url: 'data:text/html,x', tab: { id: 1 } },
      { id: own.id, url: 'chrome-extension://otherextension/x.html', tab: { id: 1 } },
      { id: own.id, url: 'https://news.example/', origin: 'https://evil.example', tab: { id: 1 } },
      { id: own.id, url: `${own.baseUrl}x.html`, origin: 'https://evil.example' },
      { id: own.id, url: 'https://news.example/', tab: { id: -1 } },
    ];
    for (const sender of ignored) expect(senderRole(sender, own), JSON.stringify(sender)).toBeUndefined();
  });
});
