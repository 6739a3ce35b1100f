/** The shared empty list of a node that has none of something; never pushed to (frozen). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Appends to a node's list, making it on the first item (sized for one: most lists hold one). */
export function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
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
