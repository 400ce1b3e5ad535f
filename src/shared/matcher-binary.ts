import { Matcher, TABLE_NAMES, type CompiledMatcher } from './matcher-scan';

/**
 * "CRM3": the first word of a matcher file (little-endian), so a stale or foreign file is
 * refused. CRM2 files (64 K-entry tables indexed by code unit) are not read.
 */
const MAGIC = 0x334d5243;

/** What the file's metadata says besides the matcher's own: each table's length, and for a sparse one its fill value and entries. */
type FileMeta = Omit<CompiledMatcher, 'tables'> & { lengths: number[]; sparse: ({ fill: number; entries: number } | null)[] };

/** The value most entries of `t` hold, and how many do not hold it. */
function mostCommon(t: Int32Array): { fill: number; entries: number } {
  const counts = new Map<number, number>();
  for (const x of t) counts.set(x, (counts.get(x) ?? 0) + 1);
  let fill = 0;
  let most = -1;
  for (const [x, n] of counts) if (n > most) [fill, most] = [x, n];
  return { fill, entries: t.length - most };
}

/**
 * The whole compiled matcher as one file, what the build ships for the bundled pack
 * (`assets/crossread-matcher.bin`): a header of two 32-bit words (magic, byte length of the
 * metadata), the metadata as UTF-8 JSON padded to 4 bytes (table lengths, a few numbers, the
 * patterns' entity ids and flags), then every table (in `TABLE_NAMES` order) as little-endian
 * 32-bit integers. A table where one value fills nearly all entries (a state's dictionary
 * link, its patterns) is stored as its other entries (index, value) and that fill value.
 */
export function matcherToBytes(source: Matcher | CompiledMatcher): Uint8Array {
  const { tables: named, hashMask, states, contextWindow, patterns } = source instanceof Matcher ? source.export() : source;
  const tables = TABLE_NAMES.map((name) => named[name]);
  const sparse = tables.map((t) => {
    const common = mostCommon(t);
    return common.entries * 2 < t.length / 4 ? common : null;
  });
  const ints: number[] = [];
  tables.forEach((t, i) => {
    const s = sparse[i];
    if (!s) for (const x of t) ints.push(x);
    else t.forEach((x, at) => x !== s.fill && ints.push(at, x));
  });
  const meta: FileMeta = { lengths: tables.map((t) => t.length), sparse, hashMask, states, contextWindow, patterns };
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const tablesAt = 8 + Math.ceil(metaBytes.length / 4) * 4;
  const out = new Uint8Array(tablesAt + ints.length * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, metaBytes.length, true);
  out.set(metaBytes, 8);
  ints.forEach((x, i) => view.setInt32(tablesAt + i * 4, x, true));
  return out;
}

/**
 * A scan-only matcher from `matcherToBytes`'s file: dense tables are views over `buffer`
 * (nothing copied, nothing compiled), sparse ones are filled from their few entries; only the
 * small metadata is parsed. Throws on a file that is not one.
 */
export function matcherFromBytes(buffer: ArrayBuffer): Matcher {
  const head = new DataView(buffer);
  if (buffer.byteLength < 8 || head.getUint32(0, true) !== MAGIC) throw new Error('not a compiled Crossread matcher');
  const metaLength = head.getUint32(4, true);
  const { lengths, sparse, hashMask, states, contextWindow, patterns } = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, metaLength))) as FileMeta;
  const tables: Int32Array[] = [];
  let at = 8 + Math.ceil(metaLength / 4) * 4;
  lengths.forEach((length, i) => {
    const s = sparse[i];
    if (!s) {
      tables.push(new Int32Array(buffer, at, length));
      at += length * 4;
      return;
    }
    const entries = new Int32Array(buffer, at, s.entries * 2);
    const table = new Int32Array(length);
    if (s.fill !== 0) table.fill(s.fill);
    for (let e = 0; e < entries.length; e += 2) table[entries[e]!] = entries[e + 1]!;
    tables.push(table);
    at += s.entries * 8;
  });
  if (lengths.length !== TABLE_NAMES.length) throw new Error('not a compiled Crossread matcher');
  const named = Object.fromEntries(TABLE_NAMES.map((name, i) => [name, tables[i]!])) as CompiledMatcher['tables'];
  return new Matcher({ tables: named, hashMask, states, contextWindow, patterns });
}
