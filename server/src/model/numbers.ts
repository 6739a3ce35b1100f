/*
 * Where nodes keep their runs of numbers: the extents of a paper's bullets and of an Authors
 * line's names. A year of digests has thousands of such runs; as one JavaScript array each they
 * were a quarter of the model, and the garbage collector copied every one of them twice while a
 * parse ran. Here they live in large Int32Arrays, whose memory lies outside the collected heap. A
 * node keeps the chunk and where its run starts, and owns that run: it may change it (incremental
 * re-parsing moves line numbers) and nothing else writes there.
 *
 * The parser writes a run in place, at the end of the chunk, while it reads the lines: it does not
 * know a run's length before it ends, and collecting the numbers in a list first and copying them
 * over cost 8–11 % of a parse of a year of digests (415,000 numbers, each read back from a list).
 *
 * Numbers are 32-bit integers: line numbers, offsets into the document text (which is far
 * below 2 GiB) and 32-bit hashes.
 */

/** Numbers per chunk: 256 KiB, a few thousand runs. */
export const CHUNK = 1 << 16;

/**
 * Runs of numbers written one after another into chunks. The run being written starts at `at`
 * of `chunk`; the caller counts what it wrote, asks for `room` before writing past the chunk's
 * end, and calls `end` when the run is complete. A run that is never ended is overwritten by the
 * next one. Parsing is synchronous, and each kind of run has its own writer, so runs never
 * interleave: a paper's bullets are written around its Authors: lines.
 */
export class NumberRuns {
  chunk: Int32Array = new Int32Array(CHUNK);
  /** Where the run being written starts in `chunk`. */
  at = 0;

  /**
   * Makes room for `more` numbers after the first `n` of the current run and returns the chunk
   * to write them in. When this chunk is full the run so far moves to a new one (large enough for
   * a run of any length): `at` changes then, so the caller reads it again.
   */
  room(n: number, more: number): Int32Array {
    if (this.at + n + more <= this.chunk.length) return this.chunk;
    const next = new Int32Array(Math.max(CHUNK, 2 * (n + more)));
    next.set(this.chunk.subarray(this.at, this.at + n));
    this.chunk = next;
    this.at = 0;
    return next;
  }

  /** Ends the current run after its first `n` numbers; the next run starts after them. */
  end(n: number): void {
    this.at += n;
  }
}
