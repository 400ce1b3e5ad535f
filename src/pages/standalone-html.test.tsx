// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../shared/bundled-pack';
import type { KnowledgePack } from '../shared/knowledge';
import { translatorFor } from '../shared/locales';
import { CompareView } from '../ui/CompareView';
import { TranslatorContext } from '../ui/use-translator';
import { EXPORT_CSP, standaloneHtml } from './standalone-html';

const PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">', 'javascript:alert(3)', '</style><script>alert(4)</script>'];

/** Everything in a parsed document that could run or fetch. */
function activeParts(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const el of doc.querySelectorAll('script, iframe, frame, object, embed, link, base, form, foreignObject, animate, set')) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of doc.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name) || /^(src|srcset|action|formaction)$/i.test(name)) found.push(`${el.tagName.toLowerCase()}[${name}]`);
      if (/href$/i.test(name) && !/^(#|https?:\/\/)/i.test(value)) found.push(`${el.tagName.toLowerCase()}[${name}=${value}]`);
    }
  }
  const metas = [...doc.querySelectorAll('meta')].filter((m) => m.getAttribute('http-equiv') !== 'Content-Security-Policy' && !m.hasAttribute('charset') && m.getAttribute('name') !== 'viewport');
  found.push(...metas.map((m) => m.outerHTML));
  if (/@import|url\s*\(/i.test([...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n'))) found.push('a stylesheet that loads something');
  return found;
}

describe('the compare view’s HTML export', () => {
  it('is script-free and fetches nothing, even when the pack, the texts, the title and the styles carry payloads', async () => {
    const pack = structuredClone(bundledPack) as KnowledgePack;
    pack.sources.forEach((s, i) => (s.label = `${s.label} ${PAYLOADS[i % PAYLOADS.length]}`));
    pack.entities.slice(0, 20).forEach((e, i) => (e.name = `${e.name} ${PAYLOADS[i % PAYLOADS.length]}`));
    // Offsets shift by the payload's length: the texts still render, their spans no longer line up, which is fine here.
    pack.sources.forEach((s, i) => (s.text = `${PAYLOADS[i % PAYLOADS.length]} ${s.text}`));
    const root = document.createElement('div');
    document.body.append(root);
    const t = translatorFor('en');
    await act(() =>
      render(
        <TranslatorContext.Provider value={t}>
          <CompareView pack={pack} actions={{ print: () => {}, exportHtml: () => {}, exportQuotes: () => {} }} initial={`entity:${pack.entities[0]!.id}`} />
        </TranslatorContext.Provider>,
        root,
      ),
    );
    const doc = root.querySelector('.comparison-doc')!;
    // As if something had slipped into the rendering: every kind of active content.
    doc.insertAdjacentHTML(
      'beforeend',
      '<script>1</script><img src="https://x.example/p.png" onerror="1"><a href="javascript:alert(1)">a</a><a href="#ok">b</a><iframe srcdoc="x"></iframe><svg><a href="javascript:1"><text>t</text></a><animate attributeName="href" to="javascript:1"/><foreignObject><p>x</p></foreignObject></svg><form action="https://x.example"><button formaction="https://x.example">go</button></form><p style="background:url(https://x.example/t.png)" onclick="1">p</p>',
    );
    const css = '.x { color: red } </style><script>alert(5)</script> @import url("https://x.example/a.css"); .y { background: url(https://x.example/b.png) }';
    const html = standaloneHtml(doc, css, `Deaths ${PAYLOADS[0]}`, t);

    expect(activeParts(html)).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    expect(EXPORT_CSP).toMatch(/default-src 'none'/);
    // The payloads are still there, as text a reader can see.
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect(parsed.title).toBe(`Deaths ${PAYLOADS[0]} — Crossread`);
    expect(parsed.body.textContent).toContain(PAYLOADS[1]);
    expect(parsed.querySelector('a[href="#ok"]')).not.toBeNull();
    render(null, root);
    root.remove();
  });
});
