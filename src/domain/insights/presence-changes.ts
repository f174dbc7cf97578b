import { firstIndexAfter } from '../../lib/sorted-search';
/**
 * The moments the number of people present changed, sorted by time, with the running count.
 *
 * Changes in the same millisecond are netted into one point and the count is read after all of
 * them: their order within a millisecond is the server's arrival order, not what happened, so a
 * leave and a join in the same millisecond are a handover, never a momentary peak. This also
 * makes the series the same whatever order the events arrived in.
 *
 * Cost trade-off: a change later than every point so far (the live case) is a push, and its
 * count and the peak follow in O(1). A change that lands in the past (a late commit, or a
 * person's sessions being rewritten) is a binary search and a splice, and marks the counts from
 * there on as stale; `settle` then recomputes them once per batch, in O(points after the
 * earliest stale one), and the peak from that point on, or over every point when the old peak
 * itself was in the stale part. Keeping a balanced tree of prefix sums would make the late case
 * O(log n) too, but late events are rare and a meeting has few presence changes (joins and
 * leaves, not speech), so the plain sorted array wins on simplicity and on the common path.
 */

export interface ChangePoint {
  atMs: number;
  /** People whose presence started at this moment. */
  joins: number;
  /** People whose presence ended at this moment. */
  leaves: number;
  /** People present after every change at this moment. */
  countAfter: number;
}

export interface Peak {
  count: number;
  /** The first moment the count reached its highest. */
  atMs: number;
}

export interface PresenceChanges {
  readonly points: ChangePoint[];
  peak: Peak | null;
  /** The earliest time whose counts need recomputing, or null when all are right. */
  staleFromMs: number | null;
}

export type ChangeKind = 'join' | 'leave';

export function createPresenceChanges(): PresenceChanges {
  return { points: [], peak: null, staleFromMs: null };
}

/** Adds (`delta` 1) or withdraws (`delta` -1) one person's start or end of presence. */
export function recordChange(
  changes: PresenceChanges,
  atMs: number,
  kind: ChangeKind,
  delta: 1 | -1,
): void {
  const points = changes.points;
  const last = points[points.length - 1];
  if ((last === undefined || atMs > last.atMs) && delta === 1) {
    const point = { atMs, joins: 0, leaves: 0, countAfter: last?.countAfter ?? 0 };
    bump(point, kind, 1);
    points.push(point);
    if (changes.staleFromMs === null) raisePeak(changes, point);
    return;
  }
  const index = indexAtOrAfter(points, atMs);
  let point = points[index];
  if (point === undefined || point.atMs !== atMs) {
    // Withdrawing a change never recorded would be a bug upstream; counting it would hide it
    // less well than ignoring it, and a dashboard must not crash on it.
    if (delta === -1) return;
    point = { atMs, joins: 0, leaves: 0, countAfter: 0 };
    points.splice(index, 0, point);
  }
  bump(point, kind, delta);
  if (point.joins === 0 && point.leaves === 0) points.splice(index, 1);
  changes.staleFromMs = Math.min(changes.staleFromMs ?? atMs, atMs);
}

/** Recomputes the counts and peak made stale by changes in the past: once per batch. */
export function settle(changes: PresenceChanges): void {
  const staleFromMs = changes.staleFromMs;
  if (staleFromMs === null) return;
  changes.staleFromMs = null;
  const points = changes.points;
  const from = indexAtOrAfter(points, staleFromMs);
  let count = points[from - 1]?.countAfter ?? 0;
  for (let index = from; index < points.length; index += 1) {
    const point = points[index] as ChangePoint;
    count += point.joins - point.leaves;
    point.countAfter = count;
  }
  // The peak before the stale part is still right if the old peak lay there; else scan it all.
  const keepsOldPeak = changes.peak !== null && changes.peak.atMs < staleFromMs;
  if (!keepsOldPeak) changes.peak = null;
  for (let index = keepsOldPeak ? from : 0; index < points.length; index += 1) {
    raisePeak(changes, points[index] as ChangePoint);
  }
}

function bump(point: ChangePoint, kind: ChangeKind, delta: 1 | -1): void {
  if (kind === 'join') {
    point.joins += delta;
    point.countAfter += delta;
  } else {
    point.leaves += delta;
    point.countAfter -= delta;
  }
}

/** Strictly higher only: in a tie the earlier moment stays the peak. Nobody present is no peak. */
function raisePeak(changes: PresenceChanges, point: ChangePoint): void {
  if (point.countAfter > (changes.peak?.count ?? 0)) {
    changes.peak = { count: point.countAfter, atMs: point.atMs };
  }
}

function indexAtOrAfter(points: readonly ChangePoint[], atMs: number): number {
  return firstIndexAfter(points, (point) => point.atMs >= atMs);
}
