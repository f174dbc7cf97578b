/**
 * The first index in `items` (sorted so that `isAfter` is false, then true) whose item is after
 * the target: `items.length` when none is. Every sorted list in the page (the timeline, a
 * person's events, the presence change points, the chart's points) is searched with this.
 */
export function firstIndexAfter<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAfter(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}
