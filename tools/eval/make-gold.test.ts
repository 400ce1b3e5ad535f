import { describe, expect, it } from 'vitest';
import { readMarked } from './make-gold';

describe('marked-up gold sources', () => {
  it('computes the offsets of clutter and quotations, and reads the entity lines', () => {
    const source = [
      '[[navigation]]Home › World[[/]]',
      '',
      '“{{Ana Ruiz}}We will rebuild,{{/}}” said Ana Ruiz, the mayor of Tarsk. Critics called it “{{-|scare}}a plan{{/}}”.',
      '',
      '[[comments]]Comments (2)',
      'Bo: Tarsk again.[[/]]',
      '---gold---',
      'person: Ana Ruiz | Ms Ruiz',
      'place: Tarsk',
      'person: Bo *clutter',
    ].join('\n');
    expect(() => readMarked('x.txt', source)).toThrow('“Ms Ruiz” is not in the text');
    const { text, gold } = readMarked('x.txt', source.replace(' | Ms Ruiz', ''));
    expect(text).not.toMatch(/\[\[|\{\{/);
    expect(gold.excluded.map((x) => [x.reason, text.slice(x.start, x.end)])).toEqual([
      ['navigation', 'Home › World'],
      ['comments', 'Comments (2)\nBo: Tarsk again.'],
    ]);
    expect(gold.quotes.map((q) => [q.text, q.speaker, q.kind, q.scare])).toEqual([
      ['We will rebuild,', 'Ana Ruiz', 'full', false],
      ['a plan', null, 'partial', true],
    ]);
    expect(gold.entities).toEqual([
      { name: 'Ana Ruiz', type: 'person', spellings: ['Ana Ruiz'] },
      { name: 'Tarsk', type: 'place', spellings: ['Tarsk'] },
      { name: 'Bo', type: 'person', spellings: ['Bo'], clutterOnly: true },
    ]);
  });
});
