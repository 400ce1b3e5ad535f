// Issue 16's findings, one test each, written against the code as it was before the fix.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toCsv, toMarkdown } from './note-export';
import { NoteDraftSchema, NoteSchema, parseRequest, tabCalls, type Note } from './protocol';

const base = { id: 'n1', url: 'https://news.example/a', title: 'T', quote: 'Q', comment: '', entityIds: [], tags: [], color: 'yellow' as const, createdAt: Date.UTC(2026, 0, 1) };
const draft = { url: 'https://news.example/a', title: 'T', quote: 'Q', comment: '', entityIds: [] };

describe('issue 16 findings', () => {
  it('CSV: a cell starting with = + - @ tab or CR is neutralised', () => {
    const payloads = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    for (const title of payloads) {
      const row = toCsv([{ ...base, title }]).split('\r\n')[1]!;
      const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      expect(cells[3]!.startsWith("'")).toBe(true);
    }
  });

  it('dates: Infinity, 1e300 and NaN are refused', () => {
    for (const createdAt of [Infinity, -Infinity, 1e300, Number.NaN, -1e20]) {
      expect(v.safeParse(NoteSchema, { ...base, createdAt }).success).toBe(false);
    }
    expect(v.safeParse(NoteSchema, { ...base, placement: { found: true, checkedAt: 1e300 } }).success).toBe(false);
  });

  it('URLs: javascript:, data: and file: addresses are refused for a draft', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      expect(v.safeParse(NoteDraftSchema, { ...draft, url }).success).toBe(false);
    }
  });

  it('a page title over 1,000 characters is truncated, not refused', () => {
    const parsed = parseRequest(tabCalls, { type: 'saveNote', params: { ...draft, title: 'x'.repeat(1_500) } });
    expect((parsed!.params as { title: string }).title.length).toBeLessThanOrEqual(1_000);
  });

  it('Markdown: an address cannot break out of its link, and a non-web address is no link', () => {
    const inject = { ...base, url: 'https://news.example/x\n# injected' } as Note;
    const md = toMarkdown([inject]);
    expect(md.split('\n').some((line) => line.startsWith('# injected'))).toBe(false);
    const js = { ...base, url: 'javascript:alert(1)' } as Note;
    expect(toMarkdown([js])).not.toMatch(/\]\(<?javascript:/);
  });

  it('Markdown: text cannot become a heading, an entity or a line outside its block quote', () => {
    const md = toMarkdown([{ ...base, quote: 'one\rtwo', comment: 'Title\n===\n&lt;b&gt;' }]);
    expect(md).not.toMatch(/^===$/m);
    expect(md).not.toMatch(/(?<!\\)&lt;/);
    expect(md).not.toMatch(/\r/);
  });
});
