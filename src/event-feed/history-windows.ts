/**
 * How to split a meeting's history into time windows that can be walked at the same time.
 *
 * `after` and `before` filter on the server's insert time (created_at), which no response carries;
 * all we have is `timestamp_ms` from the bot's clock and the server's `Date`. That is enough: the
 * boundaries only decide how evenly the work is spread, never what is covered, because the first
 * window is open below, the last is open above, and neighbours overlap by `edgeOverlapMs` (both
 * filters are strict, so an event exactly on a boundary is in both and merged by id).
 */
export interface HistoryWindow {
  afterMs: number | null;
  beforeMs: number | null;
}

export interface HistoryProbe {
  /** timestamp_ms of the first and last events on the first page. */
  firstEventMs: number;
  lastEventMs: number;
  /** The server's clock when it answered the first page. */
  serverNowMs: number;
}

export interface WindowPlanOptions {
  maxWindows: number;
  /** Roughly how many pages each window should hold, so short histories are not over-split. */
  pagesPerWindow: number;
  edgeOverlapMs?: number;
  /**
   * How many windows are walked at once. Beyond that many, the count is a multiple of it: windows
   * of a similar size then end together, rather than the last few being walked with the other
   * workers idle (24 windows, 10 at once, left 4 walking alone for the last fifth of the load).
   */
  walkedAtOnce?: number;
}

const DEFAULT_EDGE_OVERLAP_MS = 1000;

export function planHistoryWindows(
  probe: HistoryProbe,
  options: WindowPlanOptions,
): HistoryWindow[] {
  const overlap = options.edgeOverlapMs ?? DEFAULT_EDGE_OVERLAP_MS;
  const span = probe.serverNowMs - probe.firstEventMs;
  // How long 25 events took at the start of the meeting, as a guess of the density to come.
  const firstPageSpan = Math.max(probe.lastEventMs - probe.firstEventMs, 1000);
  const estimatedPages = span / firstPageSpan;
  const wanted = Math.max(
    1,
    Math.min(options.maxWindows, Math.round(estimatedPages / options.pagesPerWindow)),
  );
  const atOnce = options.walkedAtOnce ?? 1;
  const count =
    wanted <= atOnce
      ? wanted
      : Math.min(
          Math.floor(options.maxWindows / atOnce) * atOnce,
          Math.round(wanted / atOnce) * atOnce,
        );
  return cutWindows(probe.firstEventMs, probe.serverNowMs, count, overlap);
}

/** `count` windows of equal time from `fromMs` to `toMs`, the first open below, the last above. */
function cutWindows(fromMs: number, toMs: number, count: number, overlap: number): HistoryWindow[] {
  const span = toMs - fromMs;
  if (!(span > 0) || count <= 1) return [{ afterMs: null, beforeMs: null }];
  const step = span / count;
  const windows: HistoryWindow[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = fromMs + step * index;
    windows.push({
      afterMs: index === 0 ? null : Math.floor(start - overlap),
      beforeMs: index === count - 1 ? null : Math.ceil(start + step + overlap),
    });
  }
  return windows;
}

/** The meeting's bounds on the server's clock, from the bot's description (its event log). */
export interface MeetingSpan {
  fromMs: number;
  toMs: number;
  /** The server's clock when it described the bot, before any window was asked for. */
  serverDateMs: number | null;
}

/** A minute of meeting seldom holds more than a few pages: shorter windows would be mostly empty. */
const SHORTEST_WINDOW_FROM_SPAN_MS = 60_000;

/**
 * Windows planned from the bot's description alone, before any page is read: one a worker
 * (fewer for a short meeting), cut evenly in time; splits share out what they turn out to hold.
 */
export function planWindowsOverSpan(
  span: MeetingSpan,
  walkedAtOnce: number,
  edgeOverlapMs = DEFAULT_EDGE_OVERLAP_MS,
): HistoryWindow[] {
  const count = Math.min(
    walkedAtOnce,
    Math.ceil((span.toMs - span.fromMs) / SHORTEST_WINDOW_FROM_SPAN_MS),
  );
  return cutWindows(span.fromMs, span.toMs, count, edgeOverlapMs);
}

/** What a running window has shown of itself, in bot time (`timestamp_ms`). */
export interface WalkEstimate {
  /** Where its range starts, how far its pages have reached, and where its work ends. */
  fromMs: number;
  reachedMs: number;
  endMs: number;
  /** Events read so far. */
  events: number;
}

/**
 * The window with the most events left, guessed from the density its own pages have shown, and
 * where to split off the second half of what it has left; null when no window has more than two
 * pages left. Splitting that little gains nothing: the new part's first page alone takes a round
 * trip, in which the window itself reads a page.
 */
export function chooseSplit(
  walks: readonly WalkEstimate[],
  pageSize = 25,
): { walk: number; atMs: number } | null {
  let chosen = -1;
  let most = 2 * pageSize;
  walks.forEach((walk, index) => {
    const span = walk.endMs - walk.reachedMs;
    const left = (walk.events * span) / Math.max(1, walk.reachedMs - walk.fromMs);
    // A second's span at least, so the split point lies strictly inside it.
    if (left > most && span > 1000) {
      most = left;
      chosen = index;
    }
  });
  const walk = walks[chosen];
  return walk ? { walk: chosen, atMs: Math.round((walk.reachedMs + walk.endMs) / 2) } : null;
}
