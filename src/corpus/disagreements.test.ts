import { describe, expect, it } from 'vitest';
import { buildPack } from './build-pack';

/**
 * Made-up texts (no corpus of the project): how an extracted disagreement decides whose
 * position a source's figures are.
 */
const text = (headline: string, ...paragraphs: string[]) => [headline, '', ...paragraphs].join('\n\n');
const pack = buildPack({
  texts: [
    {
      file: 'a.txt',
      text: text(
        'Mill staff walk out over pay',
        'Some 410 workers walked out of the Brenner paper mill on Tuesday morning, leaving two of its three machines idle.',
        'Managers at the mill said output had halved since the walkout began.',
      ),
    },
    {
      file: 'b.txt',
      text: text(
        'Paper mill strike spreads',
        'In all, 900 workers have walked out of the Brenner mill, and the strike has spread to the finishing plant.',
        '"Only 250 workers are out," the owners said on Wednesday in a short statement.',
        'About 60 workers at the Tarrow depot, forty miles away, stopped work for an hour in support.',
      ),
    },
    {
      file: 'c.txt',
      text: text(
        'Union and owners trade figures as mill strike goes on',
        'The union said 900 workers had joined the stoppage at the Brenner mill. The owners said only 250 workers had walked out.',
        'Nobody at the mill expects a quick end to the dispute, which began over a pay offer that the union called an insult.',
      ),
    },
  ],
  provenance: [],
  catalogSources: [],
  catalogEntities: undefined,
  lexicon: [],
  claimsCatalog: [],
}).pack;
const workers = pack.disagreements.find((d) => d.id === 'figures-count-workers')!;
const position = (file: string) => workers.positions.find((p) => p.sourceId === pack.sources.find((s) => s.file === file)!.id);

describe('extracted disagreements: whose position a figure is', () => {
  it('takes an outlet’s own figure as its position, not one it only quotes', () => {
    expect(position('b.txt')).toMatchObject({ position: '900 workers', holder: { voice: 'own' } });
  });

  it('keeps a figure about another place out of the position', () => {
    expect(position('b.txt')!.evidence.map((e) => e.quote)).toEqual(['900 workers']);
  });

  it('makes a source that only reports two sides’ figures one that touches the point, with no position', () => {
    const c = pack.sources.find((s) => s.file === 'c.txt')!.id;
    expect(position('c.txt')).toBeUndefined();
    expect(workers.mentions.find((m) => m.sourceId === c)!.evidence.map((e) => e.quote)).toEqual(['900 workers', '250 workers']);
    expect(workers.silent).not.toContain(c);
  });

  it('is about the names in the sentences of its positions, not those of figures left out', () => {
    expect(workers.entityIds).toEqual(['brenner']);
  });

  it('sets the remaining positions against each other', () => {
    expect(position('a.txt')).toMatchObject({ position: 'Some 410 workers', holder: { voice: 'own' } });
    expect(workers.apparent).toBeUndefined();
  });
});
