/**
 * The shared empty list of a node that has none of something. Only `append` adds to a node's
 * list, and it replaces NONE instead of pushing to it; tests check that NONE stays empty. It is
 * not frozen: V8 does not inline `for…of` over a frozen array, so every rule looping over a
 * paper's (mostly empty) lists called the iterator and allocated per step (measured: 7× slower
 * and about 1.5 MB per lint of a year of digests).
 */
export const NONE: never[] = [];

/** Appends to a node's list, making it on the first item (sized for one: most lists hold one). */
export function append<T>(list: T[], item: T): T[] {
  if (list === NONE) {
    // Not a literal `[item]`: V8 tracked that literal's allocation site (the lists live as long
    // as the model) and made it cost more than the node it holds.
    const one: T[] = new Array(1);
    one[0] = item;
    return one;
  }
  list.push(item);
  return list;
}

/**
 * Replaces `remove` items of target at `at` with `insert`, in place. Spread arguments live on the
 * stack, so a long insert goes in slices.
 */
export function spliceIn<T>(target: T[], at: number, remove: number, insert: readonly T[]): void {
  if (insert.length <= 10_000) {
    target.splice(at, remove, ...insert);
    return;
  }
  target.splice(at, remove);
  for (let i = 0; i < insert.length; i += 10_000) target.splice(at + i, 0, ...insert.slice(i, i + 10_000));
}
