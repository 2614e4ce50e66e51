/** Order by Jira time, then by key, so equal times still give one order whatever the arrival order. */
export function byAtThenKey<T extends { readonly at: number }>(keyOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    if (a.at !== b.at) return a.at - b.at;
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

export interface Inserted<T> {
  readonly list: T[];
  /** How many of the oldest items fell off the end. */
  readonly dropped: number;
  readonly changed: boolean;
}

/**
 * Adds `item` to a list kept sorted by (at, key) and capped at `max`, keeping the newest. An item
 * whose key is present replaces it only when `replace` says so. A full list ignores an item older
 * than everything it holds, so a late duplicate of an evicted fact is not counted twice.
 */
export function insertBounded<T extends { readonly at: number }>(
  list: readonly T[],
  item: T,
  max: number,
  keyOf: (item: T) => string,
  replace: (existing: T, incoming: T) => boolean = () => false,
): Inserted<T> {
  const key = keyOf(item);
  const order = byAtThenKey(keyOf);
  const index = list.findIndex((x) => keyOf(x) === key);
  if (index >= 0) {
    const existing = list[index];
    if (existing === undefined || !replace(existing, item)) return { list: [...list], dropped: 0, changed: false };
    const next = list.filter((_, i) => i !== index);
    next.push(item);
    next.sort(order);
    return { list: next, dropped: 0, changed: true };
  }
  const oldest = list[0];
  if (list.length >= max && oldest !== undefined && order(item, oldest) < 0)
    return { list: [...list], dropped: 0, changed: false };
  const next = [...list, item].sort(order);
  const dropped = Math.max(0, next.length - max);
  return { list: next.slice(dropped), dropped, changed: true };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
