import { verbatimChecker } from '../shared/evidence';
import type { KnowledgePack } from '../shared/knowledge';

/** One integrity failure: which entry, and what is wrong with it. */
export interface Failure {
  where: string;
  message: string;
}

/**
 * Checks a pack against its texts: every sentence, quote, label and figure is verbatim in
 * the source it names (after whitespace and quote-mark normalisation); every curated role
 * occurs in some text; ids are unique and every reference resolves. Returns all failures.
 */
export function verifyPack(pack: KnowledgePack, textOf: (sourceId: string) => string): Failure[] {
  const failures: Failure[] = [];
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const entityIds = new Set<string>();
  const checkers = new Map(pack.sources.map((s) => [s.id, verbatimChecker(textOf(s.id))]));
  const check = (where: string, sourceId: string, ...strings: string[]) => {
    const inSource = checkers.get(sourceId);
    if (!inSource) return void failures.push({ where, message: `unknown source "${sourceId}"` });
    for (const s of strings) {
      if (!inSource(s)) failures.push({ where, message: `"${s.slice(0, 80)}" is not in ${sourceId}` });
    }
  };
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) failures.push({ where: `${kind} ${id}`, message: 'id is used twice' });
      seen.add(id);
    }
  };
  unique('source', pack.sources.map((s) => s.id));
  unique('entity', pack.entities.map((e) => e.id));
  unique('claim', pack.claims.map((c) => c.id));
  unique('disagreement', pack.disagreements.map((d) => d.id));
  for (const e of pack.entities) entityIds.add(e.id);
  for (const s of pack.sources) {
    const text = textOf(s.id);
    const spans = [...s.quotes, ...s.excluded];
    if (spans.some((q) => q.start < 0 || q.end > text.length || q.start >= q.end)) failures.push({ where: `source ${s.id}`, message: 'a quotation or clutter span lies outside its text' });
  }

  for (const e of pack.entities) {
    for (const r of e.roles) check(`entity ${e.id} role`, r.sourceId, r.text, r.sentence);
    for (const m of e.mentions) {
      const where = `entity ${e.id} in ${m.sourceId}`;
      check(where, m.sourceId, m.sentence, ...m.sentences, ...m.quotes.flatMap((q) => [q.quote, q.sentence]), ...m.labels.flatMap((l) => [l.text, l.sentence]));
      for (const r of m.related) if (!entityIds.has(r.entityId)) failures.push({ where, message: `related entity "${r.entityId}" does not exist` });
    }
  }
  for (const p of pack.framing.profiles) {
    for (const c of p.counts) check(`framing ${c.category} in ${p.sourceId}`, p.sourceId, ...c.evidence.map((x) => x.sentence));
  }
  for (const c of pack.claims) check(`claim ${c.id}`, c.sourceId, c.text, c.sentence);
  for (const d of pack.disagreements) {
    for (const id of d.entityIds) if (!entityIds.has(id)) failures.push({ where: `disagreement ${d.id}`, message: `entity "${id}" does not exist` });
    for (const id of d.silent) if (!sourceIds.has(id)) failures.push({ where: `disagreement ${d.id}`, message: `unknown silent source "${id}"` });
    for (const p of d.positions) check(`disagreement ${d.id}`, p.sourceId, ...p.evidence.flatMap((e) => [e.quote, e.sentence]));
  }
  return failures;
}
