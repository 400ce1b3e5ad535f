import { describe, expect, it } from 'vitest';
import { findClutter } from './clutter';

/** Each clutter span as [reason, first words]. */
const clutter = (text: string) => findClutter(text).map((x) => [x.reason, text.slice(x.start, x.end).split('\n')[0]!.slice(0, 24)]);

const BODY = [
  'The city council approved the budget on Thursday after a long debate about libraries and buses.',
  'The mayor said the plan would cut waiting times, and opponents called it a gift to developers.',
  'The vote was 31 to 12, and the budget takes effect in April after a second reading.',
].join('\n\n');

describe('findClutter', () => {
  it('leaves an article with no clutter whole', () => {
    expect(findClutter(`Council passes budget\n\n${BODY}`)).toEqual([]);
  });

  it('finds page chrome before the body: navigation, byline, credit, date line, a repeated headline', () => {
    const text = [
      'Home › News › City',
      'Council passes budget',
      'By Jane Smith and Omar Haddad',
      'Published: 3 March 2025, 10:20',
      'Photo: Ana Ruiz / City Press — Councillors vote on Thursday.',
      'Council passes budget',
      BODY,
    ].join('\n\n');
    expect(clutter(text)).toEqual([
      ['navigation', 'Home › News › City'],
      ['byline', 'By Jane Smith and Omar H'],
      ['dateline-chrome', 'Published: 3 March 2025,'],
      ['credit', 'Photo: Ana Ruiz / City P'],
      ['navigation', 'Council passes budget'],
    ]);
  });

  it('finds what follows the body: related stories, tags, widgets, reader comments and a footer', () => {
    const text = [
      'Council passes budget',
      BODY,
      'Advertisement',
      'Related:',
      'Bus fares to rise in May',
      'Tags: budget, council, buses',
      'Share this article',
      '3 comments',
      'Joe Bloggs March 3, 2025 - 8:17 pm',
      'The mayor is a fraud and the council should resign.',
      '© 2025 City Press. All rights reserved.',
    ].join('\n\n');
    expect(clutter(text)).toEqual([
      ['advert', 'Advertisement'],
      ['related', 'Related:'],
      ['tags', 'Tags: budget, council, b'],
      ['share', 'Share this article'],
      ['comments', '3 comments'],
      ['footer', '© 2025 City Press. All r'],
    ]);
  });

  it('takes a trailing block in another language than the article for a republisher’s footer', () => {
    const french = "Les opinions exprimées dans cet article n'engagent que le ou les auteurs et le centre se dégage de toute responsabilité concernant le contenu.";
    const text = `Council passes budget\n\n${BODY}\n\n${french}\n\nContact: media@example.org`;
    expect(clutter(text)).toEqual([['footer', french.slice(0, 24)]]);
  });

  it('reports the header lines of a corpus file, and keeps the headline the header names', () => {
    const text = `Title: Council passes budget\nOutlet: City Press\nURL: https://example.org/a\n\nCity Press ☀ 21°C\nCouncil passes budget\n\n${BODY}`;
    expect(clutter(text)).toEqual([
      ['header', 'Title: Council passes bu'],
      ['navigation', 'City Press ☀ 21°C'],
    ]);
  });

  it('finds reader comments under other section heads and comment header lines', () => {
    for (const head of ['12 comments  Sort by Top', 'What our readers say', 'FAN ZONE — 19 comments']) {
      const text = ['Council passes budget', BODY, head, 'Jo Bloggs', 'The mayor is a fraud and the council should resign.'].join('\n\n');
      expect(clutter(text).at(-1), head).toEqual(['comments', head.slice(0, 24)]);
    }
    const text = ['Council passes budget', BODY, 'Related:', 'Bus fares to rise in May', 'Zuzana K. wrote on 19.11.2025 at 22:02:', 'At least we have a budget now.'].join('\n\n');
    expect(clutter(text).at(-1)).toEqual(['comments', 'Zuzana K. wrote on 19.11']);
    for (const head of ['Carla M. says:', 'Tomas replied:', 'Maya K. commented:']) {
      const said = ['Council passes budget', BODY, 'Related:', 'Bus fares to rise in May', head, 'At least we have a budget now.'].join('\n\n');
      expect(clutter(said).at(-1), head).toEqual(['comments', head]);
    }
  });

  it('takes a line of short items between dots before the body for navigation', () => {
    const text = ['CITY PRESS ≡ News · Sport · Culture · Results', 'Council passes budget', BODY].join('\n\n');
    expect(clutter(text)).toEqual([['navigation', 'CITY PRESS ≡ News · Spor']]);
  });

  it('keeps prose that opens with a word used as a label ("More than …", "Watch …"), and takes the label with a separator', () => {
    const text = [
      'Flood waters rise in the valley',
      'More than 6,000 people left their homes on Tuesday after the river burst its banks in three places.',
      BODY,
      'More: Rail line reopens after landslide',
    ].join('\n\n');
    expect(clutter(text)).toEqual([['related', 'More: Rail line reopens ']]);
  });

  it('opens the comment section at a counted "Discussion (27)" or at "Comments are closed."', () => {
    for (const marker of ['Discussion (27)', 'Comments are closed.', "Readers' comments (8)"]) {
      const text = ['Council passes budget', BODY, marker, 'Marek from the north', 'They promised everything and gave nothing.'].join('\n\n');
      expect(clutter(text)).toEqual([['comments', marker.slice(0, 24)]]);
    }
  });

  it('takes staff credits, wire-agency captions, editors’ notes and the writer’s biography after the story, and numbered forum posts', () => {
    const text = [
      'Council passes budget',
      BODY,
      'Councillors leave the chamber after the vote on Thursday evening. (AFP)',
      'Correction: An earlier version of this article misstated the size of the budget.',
      'Additional reporting by Ana Ruiz in Kessel.',
      'Jane Roe covers city politics for the Kessel Courier from the town hall.',
      'Forum replies',
      '#1 oldtimer » Sun Sep 28, 2025 9:02 am',
      'Same thing every year.',
    ].join('\n\n');
    expect(clutter(text)).toEqual([
      ['credit', 'Councillors leave the ch'],
      ['footer', 'Correction: An earlier v'],
      ['credit', 'Additional reporting by '],
      ['footer', 'Jane Roe covers city pol'],
      ['comments', 'Forum replies'],
    ]);
  });

  it('opens the comment section at other heads and at a commenter’s line with a short time or a handle', () => {
    for (const marker of ['Comments (34) | Post a comment', 'Show comments (22)', 'Most relevant', 'Show more comments', 'Be the first to comment', 'Sort by newest', 'Kevin O. · 3h', 'lucho_bsas · 4 hr. ago', '@ramdani_ntt · Stay safe']) {
      const text = ['Council passes budget', BODY, marker, 'They promised everything and gave nothing.'].join('\n\n');
      expect(clutter(text)[0]).toEqual(['comments', marker.slice(0, 24)]);
    }
  });

  it('reads related-story lists under their head, share and advert lines, and heads in French, German and Spanish', () => {
    const text = [
      'Council passes budget',
      BODY,
      'Story continues below advertisement',
      'The vote came after a long night of talks in the chamber, officials said on Friday.',
      'Trending Now',
      'Stadium plan wins approval',
      'New bakery opens in the old town',
      'Partager : Facebook · X · WhatsApp',
      'Kommentare (9)',
      'Hanseat1960 schrieb am 05.09.2024 um 17:02',
      'Ein schwarzer Tag.',
    ].join('\n\n');
    expect(clutter(text)).toEqual([
      ['advert', 'Story continues below ad'],
      ['related', 'Trending Now'],
      ['share', 'Partager : Facebook · X '],
      ['comments', 'Kommentare (9)'],
    ]);
    expect(clutter(['Council passes budget', BODY, 'Lire aussi', 'La mairie vote son budget'].join('\n\n'))).toEqual([['related', 'Lire aussi']]);
  });

  it('takes a menu laid out with wide gaps before the body for navigation', () => {
    expect(clutter(['Kessel Radio English   NEWS   Top Stories   Kessel   Asia   Video', 'Council passes budget', BODY].join('\n\n'))).toEqual([['navigation', 'Kessel Radio English   N']]);
  });
});
