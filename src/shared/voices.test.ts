import { describe, expect, it } from 'vitest';
import { readVoices } from './voices';

/** The speaker of each non-scare quotation, in order. */
const speakers = (text: string, known: Parameters<typeof readVoices>[1] = []) =>
  readVoices(text, known)
    .quotes.filter((q) => !q.scare)
    .map((q) => q.speaker);

describe('speakers', () => {
  it('takes the subject of a said-verb on either side of the quotation', () => {
    expect(speakers('“We will agree on strikes,” said Sergei Lavrov. “We agree,” Kerry said.')).toEqual(['Sergei Lavrov', 'Kerry']);
    expect(speakers('“It is over,” the Pentagon said in a statement.')).toEqual(['Pentagon']);
    expect(speakers('“It hurts,” Basma Kodmani told The Associated Press.')).toEqual(['Basma Kodmani']);
    expect(speakers('Over 2,000 people died, according to a Syrian human rights group, which said “the toll is rising”.')).toEqual(['Syrian human rights group']);
  });

  it('reads titles and appositions around the name, before and after the verb', () => {
    expect(speakers('“This is not true,” said State Department spokesman John Kirby.')).toEqual(['John Kirby']);
    expect(speakers('“The road is closed,” said Gen. Rosa Huamán Quispe, who heads the rescue unit.')).toEqual(['Rosa Huamán Quispe']);
    expect(speakers('A spokeswoman, Lena Vogt, said the plant would reopen. “We are ready,” said its chairman, Koen Brouwers.')).toEqual(['Koen Brouwers']);
    expect(speakers('“We expect cuts,” Noordzee’s chief executive, Maarten van der Wiel, told journalists.')).toEqual(['Maarten van der Wiel']);
    expect(speakers('Agriculture Minister Eleni Charalambous said aid would come ‘within weeks’. The minister said ‘every sector must carry its share’.')).toEqual([
      'Eleni Charalambous',
      'Eleni Charalambous',
    ]);
  });

  it('resolves surnames and pronouns to the person named before, telling he from she by what the text says', () => {
    const text = [
      'Dr. Ffion Jenkins, an economist, leads the rescue. The mayor of the province, Wilber Chávez Tarazona, spoke next. “We asked for a helicopter,” he said. “It arrived late,” Chávez added.',
      '“There are nine children among the missing,” she said later.',
    ].join('\n\n');
    expect(speakers(text)).toEqual(['Wilber Chávez Tarazona', 'Wilber Chávez Tarazona', 'Ffion Jenkins']);
  });

  it('carries a speaker over consecutive quotations, and into a paragraph that opens with one', () => {
    const text = '“At the moment, IS is a threat to both,” Badini said. “So an effective ceasefire helps.”\n\n“Both sides will gain,” he added.';
    expect(speakers(text)).toEqual(['Badini', 'Badini', 'Badini']);
    const lister = 'Mainstream rebels are reluctant, he said. “For this reason alone, many see a conspiracy.”';
    expect(speakers(`Charles Lister, a senior fellow, spoke. ${lister}`)).toEqual(['Charles Lister']);
  });

  it('gives a participle the subject of its sentence, and a "she" with no woman before it the woman named next', () => {
    expect(speakers('Basma Kodmani, of the committee, told reporters Russia must act, adding that “enforcement will be needed”.')).toEqual(['Basma Kodmani']);
    expect(speakers('He then showed the boxes, saying, \'This is from the U.S. delegation,\' and left.\n\nLavrov spoke first.')).toEqual([null]);
    const text = 'Erdogan followed the talks.\n\n“We are waiting for Russia to act,” she added. Basma Kodmani, of the committee, told reporters the regime must stop.';
    expect(speakers(text)).toEqual(['Basma Kodmani']);
  });

  it('names a transcript turn’s speaker, and a host named in brackets for the turns after', () => {
    const text = 'SECRETARY KERRY: We moved forward.\n\nHOST (Ben Kowalczyk): Was it money?\n\nO’SULLIVAN: A bit of everything.\n\nHOST: Did you ask for help?\n\nQ: And jobs?';
    expect(speakers(text)).toEqual(['Kerry', 'Ben Kowalczyk', 'O’Sullivan', 'Ben Kowalczyk', 'reporter']);
  });

  it('uses the names the caller knows: the entity and its name', () => {
    const text = '“We will act,” said Lavrov.';
    const at = text.indexOf('Lavrov');
    const [q] = readVoices(text, [{ start: at, end: at + 6, entityId: 'sergey-lavrov', name: 'Sergey Lavrov', person: true }]).quotes;
    expect(q).toMatchObject({ speaker: 'Sergey Lavrov', speakerEntity: 'sergey-lavrov' });
  });

  it('keeps scare quotes as the writer’s distancing, and a quotation someone is said to say as theirs', () => {
    const v = readVoices('They began airstrikes against agreed “terrorist” targets. “Ask my wife,” he said.');
    expect(v.quotes.map((q) => [q.scare, q.kind])).toEqual([
      [true, 'partial'],
      [false, 'full'],
    ]);
  });

  it('says whom a sentence reports in indirect speech, or that it is the writer’s own', () => {
    const text = 'That intervention, US officials said, was about keeping Assad in power. The talks lasted 13 hours.';
    const v = readVoices(text);
    expect(v.reportedBy(text.indexOf('keeping'))?.speaker).toBe('US officials');
    expect(v.reportedBy(text.indexOf('13 hours'))).toBeNull();
  });
});

describe('voices', () => {
  it('tells the outlet’s own words from a quotation and from page clutter', () => {
    const text = 'The regime fell.\n\n“The regime fell,” said Jane Roe, an analyst.\n\n3 comments\n\nJoe Bloggs March 3, 2021 - 8:17 pm\n\nThe regime is bad.';
    const v = readVoices(text);
    const at = (needle: string, from = 0) => text.indexOf(needle, from);
    expect(v.voiceOf(at('regime'), at('regime') + 6).voice).toBe('own');
    expect(v.voiceOf(at('regime', 20), at('regime', 20) + 6)).toMatchObject({ voice: 'quoted', quote: { speaker: 'Jane Roe' } });
    expect(v.voiceOf(at('regime is bad'), at('regime is bad') + 6)).toEqual({ voice: 'excluded', reason: 'comments' });
    // The outlet's own stretches leave out the quotation and the comments.
    const own = v.ownSpans().map((s) => text.slice(s.start, s.end)).join('|');
    expect(own).toContain('The regime fell.');
    expect(own).not.toContain('Joe Bloggs');
    expect(own).not.toContain('The regime fell,”');
  });
});
