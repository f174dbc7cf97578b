/**
 * Where the next poll starts. `after` filters on the server's insert time (created_at), which no
 * response contains, and an event becomes visible only when its transaction commits, possibly
 * after later rows were already returned (docs/attendee-api.md, "late commits"). timestamp_ms
 * comes from the bot's clock, which may be tens of seconds off, so it is no use here.
 *
 * What we do know is the server's clock at the moment it answered: the `Date` header. Every event
 * whose created_at is more than `overlapMs` before that moment had committed by then (assuming no
 * commit takes longer than the overlap), so the poll saw it. The next poll starts `overlapMs`
 * before that moment and the store drops what it already has by id.
 */
export const DEFAULT_OVERLAP_MS = 20_000;

/**
 * The watermark is rounded down to this grid, so that viewers of one bot whose polls fall within
 * the same few seconds ask the very same question, and our server can send it upstream once for
 * all of them (server/proxy/shared-answers.ts). Rounding down only widens the overlap, by less
 * than the grid, and the store already drops what it has by id.
 */
export const WATERMARK_GRID_MS = 5_000;

export interface WatermarkInput {
  /** The watermark the finished poll started from; null before the first poll. */
  previousMs: number | null;
  /** `Date` of the first response of the finished walk or poll. */
  serverDateMs: number | null;
  /** Our own clock when that first request was sent, used only when the server gave no Date. */
  requestSentAtMs: number;
  /** Server clock minus ours, as last measured; 0 when never measured. */
  clockOffsetMs: number;
  overlapMs?: number;
  gridMs?: number;
}

export function nextWatermark(input: WatermarkInput): number {
  const overlap = input.overlapMs ?? DEFAULT_OVERLAP_MS;
  const grid = input.gridMs ?? WATERMARK_GRID_MS;
  const serverNow = input.serverDateMs ?? input.requestSentAtMs + input.clockOffsetMs;
  const candidate = Math.floor((serverNow - overlap) / grid) * grid;
  // Never move backwards: a server clock that steps back would only make us re-read more.
  return input.previousMs === null ? candidate : Math.max(input.previousMs, candidate);
}
