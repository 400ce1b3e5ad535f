/**
 * `tsx tools/eval/make-gold.ts DIR` — writes gold articles from marked-up sources, so that
 * offsets are computed, never counted by hand. Each `DIR/marked/NAME.md` becomes `DIR/NAME.txt`
 * and its record in `DIR/gold.json` (records of other files are kept). Marks:
 *
 * - `[[reason]]…[[/]]`: page clutter (a reason of assets/eval/README.md);
 * - `{{Speaker}}…{{/}}`: a quotation's words (put the marks inside the quotation marks);
 *   `{{Speaker|partial}}`, `{{Speaker|block}}`, `{{-}}` for no speaker, `{{-|scare}}` for scare quotes;
 * - after a line `---gold---`, one entity a line: `type: Name | spelling | spelling`, with a
 *   trailing ` *clutter` when the article names it only in clutter. Types: person, org, armed,
 *   place, inst, event.
 *
 * Every spelling must occur in the text (outside clutter unless the entity is clutter only).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Gold } from './gold';

const TYPES: Record<string, Gold['entities'][number]['type']> = {
  person: 'person',
  org: 'organization',
  armed: 'armed group',
  place: 'place',
  inst: 'institution',
  event: 'event',
};

/** The text and gold record of one marked-up source. */
export function readMarked(file: string, source: string): { text: string; gold: Gold } {
  const [body = '', entityLines = ''] = source.split(/^---gold---$/m);
  let text = '';
  const open: { kind: 'x' | 'q'; start: number; arg: string }[] = [];
  const quotes: Gold['quotes'] = [];
  const excluded: Gold['excluded'] = [];
  const MARK = /\[\[([a-z-]+|\/)\]\]|\{\{([^}]*)\}\}/g;
  let at = 0;
  for (const m of body.replace(/\n+$/, '\n').matchAll(MARK)) {
    text += body.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[1] === '/' || m[2] === '/') {
      const o = open.pop();
      if (!o) throw new Error(`${file}: a closing mark with nothing open at ${text.length}`);
      if (o.kind === 'x') excluded.push({ start: o.start, end: text.length, reason: o.arg as Gold['excluded'][number]['reason'] });
      else {
        const [speaker = '-', kind = 'full'] = o.arg.split('|');
        const scare = kind === 'scare';
        quotes.push({
          start: o.start,
          end: text.length,
          text: text.slice(o.start, text.length),
          speaker: speaker === '-' ? null : speaker,
          kind: scare ? 'partial' : (kind as 'full' | 'partial' | 'block'),
          scare,
        });
      }
    } else if (m[1]) open.push({ kind: 'x', start: text.length, arg: m[1] });
    else open.push({ kind: 'q', start: text.length, arg: m[2]! });
  }
  text += body.slice(at).replace(/\n+$/, '\n');
  if (open.length) throw new Error(`${file}: unclosed mark`);
  const inClutter = (i: number) => excluded.some((x) => i >= x.start && i < x.end);
  const entities: Gold['entities'] = [];
  for (const line of entityLines.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(\w+):\s*(.+?)(\s+\*clutter)?$/.exec(line);
    if (!m || !TYPES[m[1]!]) throw new Error(`${file}: bad entity line “${line}”`);
    const spellings = m[2]!.split('|').map((s) => s.trim());
    const clutterOnly = Boolean(m[3]);
    for (const s of spellings) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      const hits = [...text.matchAll(re)].map((h) => h.index);
      if (!hits.some((i) => clutterOnly || !inClutter(i))) throw new Error(`${file}: “${s}” is not in the text${clutterOnly ? '' : ' outside clutter'}`);
    }
    entities.push({ name: spellings[0]!, type: TYPES[m[1]!]!, spellings, ...(clutterOnly ? { clutterOnly } : {}) });
  }
  return { text, gold: { file, quotes: quotes.sort((a, b) => a.start - b.start), excluded: excluded.sort((a, b) => a.start - b.start), entities, claims: [] } };
}

// Run as a command only (not when a test imports `readMarked`).
const dir = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href ? process.argv[2] : undefined;
if (dir) {
  const goldFile = join(dir, 'gold.json');
  const records: Gold[] = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as Gold[]) : [];
  for (const name of readdirSync(join(dir, 'marked')).filter((f) => f.endsWith('.md')).sort()) {
    const file = `${basename(name, '.md')}.txt`;
    const { text, gold } = readMarked(file, readFileSync(join(dir, 'marked', name), 'utf8'));
    writeFileSync(join(dir, file), text);
    const i = records.findIndex((r) => r.file === file);
    if (i >= 0) records[i] = gold;
    else records.push(gold);
  }
  writeFileSync(goldFile, `${JSON.stringify(records, null, 2)}\n`);
  console.log(`${records.length} gold records → ${goldFile}`);
}
