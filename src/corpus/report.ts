import type { KnowledgePack } from '../shared/knowledge';
import type { BuildReport } from './build-pack';

const pct = (n: number, d: number) => (d === 0 ? '0.0' : ((100 * n) / d).toFixed(1));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The build report for curators, as Markdown: what the pack holds, how much of the catalog
 * the NLP pass finds on its own, the names it found that the catalog lacks, and the figures
 * that differ between sources (disagreement candidates found without curation).
 */
export function renderReport(pack: KnowledgePack, report: BuildReport, audit?: string): string {
  const lines: string[] = ['# Knowledge build report', ''];
  const mentioned = pack.entities.filter((e) => e.mentions.length > 0).length;
  lines.push(
    `- Sources: ${pack.sources.length}`,
    `- Entities: ${pack.entities.length} (${mentioned} mentioned in the corpus; ${pack.entities.filter((e) => e.origin === 'extracted').length} from extraction alone)`,
    `- Aliases: ${pack.entities.reduce((n, e) => n + e.aliases.length, 0)}`,
    `- Claims (figures and dates): ${pack.claims.length}`,
    `- Disagreements: ${pack.disagreements.filter((d) => d.origin === 'curated').length} curated, ${pack.disagreements.filter((d) => d.origin === 'extracted').length} extracted candidates`,
    '',
  );
  if (report.recall) {
    const { found, total, missed } = report.recall;
    lines.push(
      '## Extraction recall',
      '',
      `Automatic extraction alone finds **${found} of ${total} catalog entities (${pct(found, total)}%)**: a candidate equals one of the entity's spellings.`,
      '',
      missed.length > 0 ? `Not found: ${missed.join(', ')}.` : 'Every catalog entity is found.',
      '',
    );
  }
  const unmatched = report.candidates.filter((c) => !c.entityId);
  lines.push(
    '## Candidates not in the catalog',
    '',
    `${unmatched.length} names the NLP pass found that match no catalog spelling. Add the real ones to \`assets/catalog/entities.json\` (as an entity or an alias).`,
    '',
    '| candidate | type guess | count | files |',
    '|---|---|---|---|',
    ...unmatched.map((c) => `| ${cell(c.text)} | ${c.type} | ${c.count} | ${c.files.join(', ')} |`),
    '',
  );
  const extracted = pack.disagreements.filter((d) => d.origin === 'extracted');
  lines.push('## Figures that differ between sources (candidates)', '');
  if (extracted.length === 0) lines.push('None found.', '');
  for (const d of extracted) {
    lines.push(`### ${d.topic}${d.curatedAs ? ` (curated as \`${d.curatedAs}\`)` : ' (not curated yet)'}`, '');
    for (const p of d.positions) lines.push(`- **${p.sourceId}**: ${cell(p.position)} — “${cell(p.evidence[0]!.sentence)}”`);
    lines.push('');
  }
  // An audit by reading, kept with the catalog it was made for (catalog audit.md), closes the report.
  if (audit) lines.push(audit.trim(), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
