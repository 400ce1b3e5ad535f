import { describe, expect, it } from 'vitest';
import { findQuotations, paragraphsOf } from './quotations';
import { sentenceLookup, sentenceSpans } from './sentences';

const find = (text: string, clutter: { start: number; end: number }[] = []) => {
  const at = sentenceLookup(sentenceSpans(text));
  return findQuotations(text, (o) => at(o)?.start ?? o, clutter);
};
const words = (text: string) => find(text).map((q) => text.slice(q.start, q.end));

describe('findQuotations', () => {
  it('finds quotations in every style of mark, the words between the marks', () => {
    expect(words('“We will agree on strikes,” said Lavrov.')).toEqual(['We will agree on strikes,']);
    expect(words('"The truce holds," she said.')).toEqual(['The truce holds,']);
    expect(words('‘It’s the council’s money,’ he said.')).toEqual(['It’s the council’s money,']);
    expect(words("'Don't worry, it's fine,' he said.")).toEqual(["Don't worry, it's fine,"]);
    expect(words('« Nous allons reconstruire », a-t-elle dit.')).toEqual(['Nous allons reconstruire']);
    expect(words('„Das Holz ist wie nasses Brot“, sagte sie.')).toEqual(['Das Holz ist wie nasses Brot']);
    expect(words('»Wir bleiben hier«, sagte er.')).toEqual(['Wir bleiben hier']);
  });

  it('never opens a quotation at an apostrophe, and takes a plural possessive for one only when a later mark closes', () => {
    expect(words("Assad's forces and Kerry's plan, the '90s and rock 'n' roll")).toEqual([]);
    expect(words('The minister promised help ‘within weeks’ and urged hotels to save water.')).toEqual(['within weeks']);
    expect(words('He said ‘the rebels’ doubts are real’ today.')).toEqual(['the rebels’ doubts are real']);
  });

  it('tells full quotations from partial ones inside the writer’s sentence', () => {
    const text = 'De Mistura described the deal as a “window of opportunity”. “It is a real chance,” he said. She warned that “everything depends on it.”';
    expect(find(text).map((q) => q.kind)).toEqual(['partial', 'full', 'partial']);
    expect(find('agreed “terrorist” targets').map((q) => q.short)).toEqual([true]);
    expect(find('the so-called “reform” of the courts')[0]).toMatchObject({ short: true, soCalled: true });
  });

  it('carries a quotation over paragraphs that each open with a mark, and ends an unclosed one at its paragraph', () => {
    const text = 'She told the meeting:\n\n“We are closing two leisure centres.\n\n“Nobody here is against football.”\n\nThe vote followed.';
    const qs = find(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(['We are closing two leisure centres.', 'Nobody here is against football.']);
    expect(new Set(qs.map((q) => q.group)).size).toBe(1);
    expect(words("adding, 'This is from the Russian delegation\nThe ceasefire begins on Monday.")).toEqual(['This is from the Russian delegation']);
  });

  it('reads transcript turns after speaker labels as block quotations', () => {
    const text = 'SECRETARY KERRY: We moved the ball forward today.\n\nQ: Will it hold?\n\nMAYOR LOPEZ (City Hall): We will not raise taxes.';
    const qs = find(text);
    expect(qs.map((q) => [q.kind, q.label, text.slice(q.start, q.end)])).toEqual([
      ['block', 'SECRETARY KERRY', 'We moved the ball forward today.'],
      ['block', 'Q', 'Will it hold?'],
      ['block', 'MAYOR LOPEZ', 'We will not raise taxes.'],
    ]);
    // Labels in ordinary case are turns only inside a transcript, never page labels.
    const call = 'The bank took questions. An excerpt:\n\nPriya Raghunathan (Meridian Securities): How many branches will close?\n\nVan der Wiel: We expect to keep about 150.';
    expect(find(call).map((q) => q.label)).toEqual(['Priya Raghunathan', 'Van der Wiel']);
    expect(find('Région : [Middle East & North Africa](#)\n\nThème: [Terrorism](#), [US NATO War Agenda](#)')).toEqual([]);
    expect(find('URL: https://example.org/story\n\nNOTE: This story was updated.')).toEqual([]);
  });

  it('reads a statement after "said:" as a block, its first-person paragraphs, and an enumeration resumed after the writer’s comment', () => {
    const text = [
      'In the press availability Kerry said:',
      'First, we pledged our support for a ceasefire.',
      'Second, we agreed that violators can be excluded.',
      'Those sentences are aimed at one group, the blogger notes.',
      'Fourth, we call on all parties to disassociate themselves.',
      'Kerry had agreed to this before.',
    ].join('\n\n');
    const qs = find(text);
    expect(qs.map((q) => text.slice(q.start, q.end).slice(0, 12))).toEqual(['First, we pl', 'Second, we a', 'Fourth, we c']);
    expect(qs.every((q) => q.kind === 'block' && q.introducedAt === text.indexOf(':'))).toBe(true);
    expect(find('Read more:\n\nDrought: is desalination the only way out?')).toEqual([]);
  });

  it('opens no turn and no block inside page clutter', () => {
    const text = 'The vote passed.\n\nRelated:\n\nJANE DOE: this was a bad idea, as I said before.';
    const comments = paragraphsOf(text).slice(1);
    expect(find(text, [{ start: comments[0]!.start, end: comments.at(-1)!.end }])).toEqual([]);
  });
});
