/*
 * Where nodes keep their runs of numbers: the extents of a paper's bullets and of an Authors
 * line's names. A year of digests has thousands of such runs; as one JavaScript array each they
 * were a quarter of the model, and the garbage collector copied every one of them twice while a
 * parse ran. Here they are copied into large Int32Arrays, whose memory lies outside the
 * collected heap. A node keeps the chunk and where its run starts, and owns that run: it may
 * change it (incremental re-parsing moves line numbers) and nothing else writes there.
 *
 * Numbers are 32-bit integers: line numbers, offsets into the document text (which is far
 * below 2 GiB) and 32-bit hashes.
 */

/** Numbers per chunk: 256 KiB, a few thousand runs. */
const CHUNK = 1 << 16;

let chunk = new Int32Array(CHUNK);
let used = 0;

/** Where the last `keep` put its numbers. */
export const kept = { chunk, at: 0 };

/**
 * Copies list[0, n) into a chunk and says where (in `kept`). A chunk is freed with the last node
 * that points into it; a run longer than a quarter chunk gets an array of its own.
 */
export function keep(list: readonly number[], n = list.length): void {
  if (n > CHUNK >> 2) {
    kept.chunk = Int32Array.from(list.slice(0, n));
    kept.at = 0;
    return;
  }
  if (used + n > CHUNK) {
    chunk = new Int32Array(CHUNK);
    used = 0;
  }
  for (let i = 0; i < n; i++) chunk[used + i] = list[i];
  kept.chunk = chunk;
  kept.at = used;
  used += n;
}
