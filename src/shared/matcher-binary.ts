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
  return viewTables(buffer, 0, JSON.parse(meta) as Meta);
}

type Meta = { lengths: number[] } & Omit<CompiledMatcher, 'tables'>;

function viewTables(buffer: ArrayBuffer, byteOffset: number, { lengths, numbers, patterns }: Meta): Matcher {
  const tables: Int32Array[] = [];
  let at = byteOffset;
  for (const length of lengths) {
    tables.push(new Int32Array(buffer, at, length));
    at += length * 4;
  }
  return Matcher.load({ tables, numbers, patterns });
}

/** "CRM1": the first word of a matcher file (little-endian), so a stale or foreign file is refused. */
const MAGIC = 0x314d5243;

/**
 * The whole compiled matcher as one file, what the build ships for the bundled pack
 * (`assets/crossread-matcher.bin`): a header of two 32-bit words (magic, byte length of the
 * metadata), the metadata as UTF-8 JSON padded to 4 bytes (table lengths, a few numbers, the
 * patterns' entity ids and flags), then every table as little-endian 32-bit integers.
 */
export function matcherToBytes(matcher: Matcher): Uint8Array {
  const { buffer, meta } = packMatcher(matcher);
  const metaBytes = new TextEncoder().encode(meta);
  const tablesAt = 8 + Math.ceil(metaBytes.length / 4) * 4;
  const out = new Uint8Array(tablesAt + buffer.byteLength);
  const head = new DataView(out.buffer);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, metaBytes.length, true);
  out.set(metaBytes, 8);
  out.set(new Uint8Array(buffer), tablesAt);
  return out;
}

/**
 * A matcher from `matcherToBytes`'s file: the tables are views over `buffer` (nothing copied,
 * nothing compiled); only the small metadata is parsed. Throws on a file that is not one.
 */
export function matcherFromBytes(buffer: ArrayBuffer): Matcher {
  const head = new DataView(buffer);
  if (buffer.byteLength < 8 || head.getUint32(0, true) !== MAGIC) throw new Error('not a compiled Crossread matcher');
  const metaLength = head.getUint32(4, true);
  const meta = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, metaLength))) as Meta;
  return viewTables(buffer, 8 + Math.ceil(metaLength / 4) * 4, meta);
}
