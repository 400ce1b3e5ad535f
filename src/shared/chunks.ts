/**
 * Splits items into chunks of at most `maxItems` items and about `maxChars` characters of
 * JSON each (an item larger than that is a chunk alone): what one runtime message may carry.
 */
export function* chunksOf<T>(items: Iterable<T>, maxItems: number, maxChars: number): Generator<T[]> {
  let chunk: T[] = [];
  let chars = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length + 1;
    if (chunk.length > 0 && (chunk.length >= maxItems || chars + size > maxChars)) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    chunk.push(item);
    chars += size;
  }
  if (chunk.length > 0) yield chunk;
}
