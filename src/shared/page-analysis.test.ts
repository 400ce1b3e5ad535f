import { describe, expect, it } from 'vitest';
import { bundledPack as pack } from './bundled-pack';
import { analyzePage, comparedCategories, framingSimilarity, pageConflicts } from './page-analysis';
import { countWords } from './sentences';
import { FramingAnalyzer } from './framing';

/** A page not in the corpus, written the way one outlet might: framing words and a casualty figure of its own. */
const PAGE = [
  'Kerry and Lavrov met again in Geneva.',
  'The Assad regime kept shelling Aleppo, and the regime blamed the "moderate" rebels.',
  'A government spokesman denied it.',
  'The war has killed more than 400,000 people since 2011.',
  'The truce was reached on Friday morning.',
  '“The regime is finished,” said Jane Roe, an analyst.',
].join(' ');

describe('the page’s framing profile', () => {
  it('counts the lexicon’s terms on the page with the same analyzer as the build, each with its sentence', () => {
    const { profile, words } = analyzePage(pack, PAGE, ['john-kerry']);
    const count = (id: string) => profile.find((c) => c.category === id)!;
    expect(count('state-regime').terms).toEqual([{ term: 'regime', count: 2 }]);
    expect(count('state-government').count).toBe(1);
    expect(count('scare-quotes').terms).toEqual([{ term: 'moderate', count: 1 }]);
    expect(count('state-regime').evidence[0]!.sentence).toBe('The Assad regime kept shelling Aleppo, and the regime blamed the "moderate" rebels.');
    // The analyst's "regime" is hers, set apart with her name; she counts as a named quotation.
    expect(count('state-regime').quoted.map((q) => [q.term, q.speaker])).toEqual([['regime', 'Jane Roe']]);
    expect(count('attribution-named').terms).toEqual([{ term: 'jane roe', count: 1 }]);
    expect(words).toBe(countWords(PAGE));
  });

  it('scores each source by the framing words both use; a source’s own text scores 1 against itself', () => {
    const similarity = framingSimilarity(pack, analyzePage(pack, PAGE, []).profile);
    expect(similarity.map((s) => s.sourceId).sort()).toEqual(pack.sources.map((s) => s.id).sort());
    expect(similarity.every((s, i) => i === 0 || similarity[i - 1]!.score >= s.score)).toBe(true);
    // Moon of Alabama never says "regime": what drives its score is not "regime".
    const moa = similarity.find((s) => s.sourceId === 's002')!;
    expect(moa.shared).not.toContain('regime');
    expect(moa.pageOnly).toContain('regime');
    const afp = similarity.find((s) => s.sourceId === 's001')!;
    expect(afp.shared).toContain('regime');
    expect(afp.score).toBeGreaterThan(moa.score);

    const own = pack.framing.profiles.find((p) => p.sourceId === 's001')!.counts.filter((c) => comparedCategories(pack).some((k) => k.id === c.category));
    expect(framingSimilarity(pack, own)[0]).toMatchObject({ sourceId: 's001', score: 1, enough: true, pageOnly: [], sourceOnly: [] });
  });

  it('gives no score on hedges alone, nor when too few framing words are shared', () => {
    const weather = framingSimilarity(pack, analyzePage(pack, 'Rain could fall in Geneva on Monday, and temperatures may drop.', []).profile);
    expect(weather.every((s) => !s.enough && s.shared.length === 0)).toBe(true);
    const one = framingSimilarity(pack, analyzePage(pack, 'The regime said so.', []).profile);
    expect(one.every((s) => !s.enough)).toBe(true);
  });
});

describe('conflicting figures', () => {
  it('finds a death toll that differs from the sources’, shown next to theirs, and a weekday some agree with', () => {
    const conflicts = pageConflicts(pack, PAGE);
    const deaths = conflicts.find((c) => c.measure === 'deaths')!;
    expect(deaths.topic).toBe('Death toll');
    expect(deaths.page).toEqual({ text: 'more than 400,000 people', sentence: 'The war has killed more than 400,000 people since 2011.', value: '400000' });
    expect(deaths.sources.map((s) => [s.sourceId, s.value, s.relation])).toEqual([
      ['s001', '290000', 'differs'],
      // "more than 400,000" does not contradict 500,000: it can be the same toll.
      ['s003', '500000', 'apparent'],
    ]);
    // Every figure shown for a source is in its sentence, verbatim.
    for (const s of deaths.sources) expect(s.sentence).toContain(s.text);
    const day = conflicts.find((c) => c.measure === 'day:deal')!;
    expect(day.page.value).toBe('Friday');
    expect(day.sources.filter((s) => s.relation === 'same').map((s) => s.sourceId)).toEqual(['s001']);
  });

  it('compares a figure only with figures of the same scope: one airstrike’s toll is not the war’s', () => {
    expect(pageConflicts(pack, 'An airstrike on a market in Idlib killed 12 people.')).toEqual([]);
    // "late on Friday" and "early on Saturday" can be one moment: no conflict.
    expect(pageConflicts(pack, 'The deal was reached early on Saturday.')).toEqual([]);
  });

  it('sets the page against each source’s position only: never a figure it only quotes beside its own, nor one about another episode', () => {
    const own = pack.claims.find((c) => c.measure === 'deaths' && c.sourceId === 's001' && c.holder.voice === 'own')!;
    const quoted = { ...own, id: 'quoted', value: '100000', text: '100,000 people', sentence: 'He said 100,000 people died.', holder: { voice: 'quoted' as const, who: 'Jane Roe' } };
    const earlier = { ...own, id: 'earlier', sourceId: 's002', value: '1000', text: '1,000 people', sentence: 'In 2012 the war killed 1,000 people.' };
    const deaths = pageConflicts({ ...pack, claims: [...pack.claims, quoted, earlier] }, PAGE).find((c) => c.measure === 'deaths')!;
    expect(deaths.sources.map((s) => s.value)).toEqual(['290000', '500000']);
    // A page figure about a named year is left out: the page's own date is not known.
    expect(pageConflicts(pack, 'In 2013 the war had killed 100,000 people.')).toEqual([]);
  });

  it('reports nothing when the page agrees with every source, or states no comparable figure', () => {
    expect(pageConflicts(pack, 'The five-year war goes on.')).toEqual([]);
    expect(pageConflicts(pack, 'On 12 September 2016 the weather was fine. 40 people came to the fair.')).toEqual([]);
  });
});

describe('a page with no story content', () => {
  it('has no story: no entity, no figure to compare, no disagreement that concerns it', () => {
    const analysis = analyzePage(pack, 'A recipe for lemon cake. Mix the flour and sugar, then bake for forty minutes.', []);
    expect(analysis).toMatchObject({ hasStory: false, conflicts: [], disagreements: [] });
    expect(analysis.profile.every((c) => c.count === 0)).toBe(true);
    expect(analysis.similarity.every((s) => s.score === 0)).toBe(true);
  });

  it('a story page gets the disagreements on its entities, most related first', () => {
    const analysis = analyzePage(pack, PAGE, ['john-kerry', 'sergey-lavrov', 'geneva', 'syria']);
    expect(analysis.hasStory).toBe(true);
    expect(analysis.disagreements[0]!.id).toBe('deal-timing');
    expect(analysis.disagreements.map((d) => d.id)).toContain('war-death-toll');
    expect(analysis.disagreements.every((d) => d.curatedAs === undefined)).toBe(true);
  });
});

it('the page profile and the build’s source profiles come from the same analyzer', () => {
  const analyzer = new FramingAnalyzer(comparedCategories(pack));
  expect(analyzePage(pack, PAGE, []).profile).toEqual(analyzer.profile(PAGE));
});
