// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledPack } from '../shared/bundled-pack';
import { indexPack } from '../shared/pack-index';
import { analyzePage } from '../shared/page-analysis';
import { translatorFor } from '../shared/locales';
import { PageComparison } from './PageComparison';
import { TranslatorContext } from './use-translator';

const index = indexPack(bundledPack);
const PAGE =
  'Kerry and Lavrov met again in Geneva. The Assad regime kept shelling Aleppo, and the regime blamed the "moderate" rebels. ' +
  'A government spokesman denied it. The war has killed more than 400,000 people. The truce was reached late on Friday.';

let root: HTMLElement;
const mount = async (text: string, entityIds: string[], language = 'en') => {
  root = document.createElement('div');
  document.body.append(root);
  await act(() =>
    render(
      <TranslatorContext.Provider value={translatorFor(language)}>
        <PageComparison analysis={analyzePage(bundledPack, text, entityIds)} index={index} />
      </TranslatorContext.Provider>,
      root,
    ),
  );
};
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('PageComparison', () => {
  it('shows the disagreement tables, the page’s framing against each source with a chart, and the conflicting figure', async () => {
    await mount(PAGE, ['john-kerry', 'sergey-lavrov', 'geneva', 'syria']);
    // Disagreements: tables with a row per source, silent sources as silent.
    const table = root.querySelector('section.disagreement#deal-timing')!;
    expect(table.querySelectorAll('tbody tr').length).toBe(bundledPack.sources.length);
    expect(table.querySelector('tr.silent')!.textContent).toContain('Silent');
    // Framing: the page's own counts with evidence, a score per source, the chart with every source and the page.
    expect(root.querySelector('.page-framing')!.textContent).toContain('This page: the Syrian state: “regime” 2×, “government” once');
    expect(root.querySelectorAll('.similarity li')).toHaveLength(bundledPack.sources.length);
    expect(root.querySelector('.similarity li')!.textContent).toMatch(/\d+%.*both use “regime”/);
    const chart = root.querySelector('.framing-chart svg')!;
    expect(chart.querySelectorAll('circle[data-series]').length).toBe(bundledPack.sources.length * bundledPack.framing.categories.length);
    expect(chart.querySelector('path[data-series=page] title')!.textContent).toMatch(/^This page: /);
    // The conflicting figure next to the sources'.
    const deaths = root.querySelector('.conflict[data-measure=deaths]')!;
    expect(deaths.querySelector('.page-row')!.textContent).toContain('more than 400,000 people');
    // 290,000 contradicts "more than 400,000"; 500,000 does not, and is shown as a figure that can be the same.
    expect([...deaths.querySelectorAll('tr.differs strong')].map((s) => s.textContent)).toEqual(['290,000']);
    expect(deaths.querySelector('tr[data-source=s003]')!.textContent).toContain('can be the same');
  });

  it('says plainly that a page without the story has nothing to compare, with no empty tables', async () => {
    await mount('A recipe for lemon cake. Mix the flour and sugar, then bake for forty minutes.', []);
    expect(root.querySelector('.no-story')!.textContent).toContain('Nothing on this page belongs to the story Crossread knows');
    expect(root.querySelector('table')).toBeNull();
    expect(root.querySelector('svg')).toBeNull();
  });
});
