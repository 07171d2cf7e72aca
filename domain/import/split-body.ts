/**
 * One uploaded body carrying two files back to back: the first `firstBytes` bytes, then the rest,
 * each as its own stream (read in that order), without holding either in memory.
 */
export function splitBody(
  body: AsyncIterable<Uint8Array>,
  firstBytes: number,
): { first: AsyncIterable<Uint8Array>; rest: AsyncIterable<Uint8Array> } {
  const iterator = body[Symbol.asyncIterator]();
  let carry: Uint8Array | null = null;
  const first = (async function* () {
    let left = firstBytes;
    while (left > 0) {
      const next = await iterator.next();
      if (next.done) return;
      const piece = next.value;
      if (piece.byteLength <= left) {
        left -= piece.byteLength;
        yield piece;
      } else {
        yield piece.subarray(0, left);
        carry = piece.subarray(left);
        left = 0;
      }
    }
  })();
  const rest = (async function* () {
    if (carry) yield carry;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { first, rest };
}
