/** The shared empty list of a node that has none of something; never pushed to (frozen). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Appends to a node's list, making it on the first item (sized for one: most lists hold one). */
export function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}
