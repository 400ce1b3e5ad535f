import { describe, expect, it } from 'vitest';
import { bundledPack } from './bundled-pack';
import { compareFigures, episodeOf, extractClaims as extract, isComparable, measureTopic, positionFigures } from './claims';

/** The bundled corpus's vocabulary: the defaults with its story's words laid over them. */
const extractClaims = (s: string) => extract(s, bundledPack.measures);

const claims = (s: string) => extractClaims(s).map((c) => [c.measure, c.value, c.text]);
const scoped = (s: string) => extractClaims(s).map((c) => [c.measure, c.scope, c.value]);

describe('extractClaims', () => {
  it('finds casualty figures stated either way round', () => {
    expect(claims('the five-year civil war that has killed 290,000 and displaced half')).toEqual([
      ['duration:war', '1825', 'five-year'],
      ['deaths', '290000', '290,000'],
    ]);
    expect(claims('bloodshed that has claimed the lives of 500,000 people.')).toEqual([['deaths', '500000', '500,000 people']]);
  });

  it('scopes recent, single-event and whole-war figures, and keeps civilians and children apart', () => {
    expect(scoped('Over 2,000 people have been killed in fighting over the past 40 days in Aleppo, including 700 civilians and 160 children.')).toEqual([
      ['deaths', 'recent', '2000'],
      ['deaths:civilians', 'recent', '700'],
      ['deaths:children', 'recent', '160'],
    ]);
    // "since" a moment is recent; "since" a year is the whole war.
    expect(scoped('Since the truce began, 40 people have been killed.')).toEqual([['deaths', 'recent', '40']]);
    expect(scoped('The war has killed more than 400,000 people since 2011.')).toEqual([['deaths', 'total', '400000']]);
    // One airstrike's toll is not a war's.
    expect(scoped('An airstrike on a market in Idlib killed 12 people.')).toEqual([['deaths', 'event', '12']]);
    expect(scoped('Twelve people were killed, he said.').map(([, scope]) => scope)).toEqual(['unknown']);
    expect(isComparable({ kind: 'count', measure: 'deaths', scope: 'event' })).toBe(false);
    expect(isComparable({ kind: 'count', measure: 'deaths', scope: 'unknown' })).toBe(false);
  });

  it('keeps a figure’s bound, and tells figures that cannot both hold from ones that can', () => {
    const [long] = extractClaims('after a day-long meeting');
    const [hours] = extractClaims('The session lasted more than 13 hours');
    expect([long!.bound, hours!.bound]).toEqual(['about', 'at least']);
    expect(compareFigures(long!, hours!)).toBe('apparent');
    const [a] = extractClaims('the war that has killed 290,000');
    const [b] = extractClaims('the war that has claimed the lives of 500,000 people');
    expect(compareFigures(a!, b!)).toBe('differs');
    const [friday] = extractClaims('the deal, reached late on Friday');
    const [saturday] = extractClaims('the deal concluded early Saturday morning');
    expect(compareFigures(friday!, saturday!)).toBe('apparent');
    const [monday] = extractClaims('the deal reached on Monday');
    expect(compareFigures(friday!, monday!)).toBe('differs');
  });

  it('counts other things by their unit', () => {
    expect(claims('Over 100 settlements have signed.')).toEqual([['count:settlements', '100', 'Over 100 settlements']]);
    expect(claims('a war that killed 3 million')).toEqual([['deaths', '3000000', '3 million']]);
  });

  it('keeps a headcount apart from the people an event touches', () => {
    // Made-up sentences: what a body employs or what depends on it is not how many an event involves.
    expect(claims('The mill employs 640 workers and supports 2,000 jobs in the valley.')).toEqual([
      ['count:workers:headcount', '640', '640 workers'],
      ['count:jobs:headcount', '2000', '2,000 jobs'],
    ]);
    expect(claims('About 3,000 jobs depend on the mill.')).toEqual([['count:jobs:headcount', '3000', 'About 3,000 jobs']]);
    expect(claims('Some 410 workers walked out on the first morning.')).toEqual([['count:workers', '410', 'Some 410 workers']]);
    // "in support of" is no headcount.
    expect(claims('About 90 students rallied in support of the teachers.')).toEqual([['count:students', '90', 'About 90 students']]);
  });

  it('names what happened to the people counted, and leaves bare counts of people uncompared', () => {
    expect(claims('Officers detained 23 people, the mayor said.')).toEqual([['arrested', '23', '23 people']]);
    expect(claims('Nine passengers were injured when the bus overturned.')).toEqual([['injured', '9', 'Nine passengers']]);
    expect(claims('The flood left 4,500 families homeless.')).toEqual([['displaced', '4500', '4,500 families']]);
    expect(claims('120 children were evacuated from the school.')).toEqual([['displaced:children', '120', '120 children']]);
    // Only the clause counts: a crowd is not the arrested.
    expect(claims('About 300 people gathered outside, and police later arrested two men.')).toEqual([['count:people:other', '300', 'About 300 people']]);
    const [crowd] = extractClaims('About 300 people gathered outside.');
    expect(isComparable(crowd!)).toBe(false);
    const [arrests] = extractClaims('Officers detained 23 people.');
    expect(isComparable(arrests!)).toBe(true);
    expect(measureTopic('arrested', 'unknown', bundledPack.measures)).toBe('Number of arrests');
    expect(measureTopic('count:jobs:headcount', 'unknown', bundledPack.measures)).toBe('Number of jobs in all (employed, or depending on it)');
    expect(measureTopic('count:workers', 'unknown', bundledPack.measures)).toBe('Number of workers');
  });

  it('takes a source’s position from one voice and one place', () => {
    const own = { holder: { voice: 'own' }, placeIds: ['mill'], text: '410' };
    const elsewhere = { holder: { voice: 'own' }, placeIds: ['depot'], text: '60' };
    const quoted = { holder: { voice: 'quoted', who: 'Ada Kern' }, placeIds: [], text: '250' };
    const union = { holder: { voice: 'attributed', who: 'union' }, placeIds: [], text: '900' };
    expect(positionFigures([quoted, own, elsewhere])).toEqual([own]);
    expect(positionFigures([quoted])).toEqual([quoted]);
    // Reporting two sides is no position of its own.
    expect(positionFigures([union, quoted])).toBeUndefined();
  });

  it('tells a figure about another episode from one about the story’s present', () => {
    // Made-up sentences, in an article of 12 October 2025.
    const date = '2025-10-12';
    expect(episodeOf('The council walked away from three days of hearings in June.', 'three days', date)).toBe('06');
    expect(episodeOf('The last closure, in 2019, lasted six weeks.', 'six weeks', date)).toBe('2019');
    expect(episodeOf('The hearings lasted three days.', 'three days', date)).toBe('');
    // The source's own month is the present; "since" a date is a span up to now; "may" is no month.
    expect(episodeOf('Hearings held in October lasted three days.', 'three days', date)).toBe('');
    expect(episodeOf('Since June, 40 families have left.', '40 families', date)).toBe('');
    expect(episodeOf('The mayor said 40 families in may leave.', '40 families', date)).toBe('');
  });

  it('gives durations in days, with their topic', () => {
    expect(claims('If the ceasefire holds for a week')).toEqual([['duration:ceasefire', '7', 'a week']]);
    expect(claims('The session, which lasted more than 13 hours')).toEqual([['duration:talks', '0.54', 'more than 13 hours']]);
    expect(claims('after a day-long meeting')).toEqual([['duration:talks', '1', 'a day-long']]);
    expect(claims('He was calling it a day on talks')).toEqual([]);
    expect(claims('an hours-long wait')).toEqual([]);
  });

  it('tells the day a deal was reached from the day a truce starts', () => {
    expect(claims('the truce, reached late on Friday, would come into force on Monday')).toEqual([
      ['day:deal', 'Friday', 'late on Friday'],
      ['day:start:planned', 'Monday', 'Monday'],
    ]);
    expect(claims('At a press briefing on Monday')).toEqual([['day:other', 'Monday', 'Monday']]);
  });

  it('keeps a planned day apart from the day something happened', () => {
    // Made-up sentences: when the walkout began is not when the hearings are due to begin.
    expect(claims('The walkout began early on Tuesday.')).toEqual([['day:start', 'Tuesday', 'early on Tuesday']]);
    expect(claims('Hearings are due to begin at the tribunal on Friday.')).toEqual([['day:start:planned', 'Friday', 'Friday']]);
    expect(claims('The new timetable will start on Sunday.')).toEqual([['day:start:planned', 'Sunday', 'Sunday']]);
    expect(claims('The board will meet on Sunday.')).toEqual([['day:other', 'Sunday', 'Sunday']]);
    const start = bundledPack.measures.dayTopics.find((t) => t.id === 'start')!.label;
    expect(measureTopic('day:start:planned', 'unknown', bundledPack.measures)).toBe(`${start} (as planned)`);
  });

  it('normalises dates in English and French', () => {
    expect(claims('September 10, 2016 - 8:17 pm')).toEqual([['date', '2016-09-10', 'September 10, 2016']]);
    expect(claims('Mondialisation.ca, 21 mai 2016')).toEqual([['date', '2016-05-21', '21 mai 2016']]);
    expect(claims('since August 26 and in May 2011')).toEqual([
      ['date', '--08-26', 'August 26'],
      ['date', '2011-05', 'May 2011'],
    ]);
  });

  it('gives offsets of the stated words in the sentence', () => {
    const s = 'It has killed 290,000.';
    for (const c of extractClaims(s)) expect(s.slice(c.start, c.end)).toBe(c.text);
  });
});
