import { Matcher, type CompiledMatcher } from './matcher';

/**
 * A compiled matcher as bytes: one ArrayBuffer holding every table, and a JSON string for the
 * rest. A large pack can be compiled at build time and shipped this way; loading it is one
 * JSON parse and typed-array views over the buffer, with nothing recompiled.
 */
export interface PackedMatcher {
  buffer: ArrayBuffer;
  meta: string;
}

export function packMatcher(matcher: Matcher): PackedMatcher {
  const { tables, numbers, patterns } = matcher.export();
  const total = tables.reduce((n, t) => n + t.length, 0);
  const all = new Int32Array(total);
  const lengths: number[] = [];
  let at = 0;
  for (const t of tables) {
    all.set(t, at);
    at += t.length;
    lengths.push(t.length);
  }
  return { buffer: all.buffer, meta: JSON.stringify({ lengths, numbers, patterns }) };
}

export function unpackMatcher({ buffer, meta }: PackedMatcher): Matcher {
  const { lengths, numbers, patterns } = JSON.parse(meta) as { lengths: number[] } & Omit<CompiledMatcher, 'tables'>;
  const tables: Int32Array[] = [];
  let at = 0;
  for (const length of lengths) {
    tables.push(new Int32Array(buffer, at * 4, length));
    at += length;
  }
  return Matcher.load({ tables, numbers, patterns });
}
