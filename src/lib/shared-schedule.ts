/**
 * When a poll should next be asked, so that everyone watching the same bot asks at the same
 * moment and our server sends the question upstream once for all of them
 * (server/proxy/shared-answers.ts shares an answer in flight and keeps a 200 for 2 s; with each
 * viewer on a phase of its own, the bot and hosts reads were asked again nearly every 2 s).
 *
 * Polls fall on the wall clock's multiples of the interval, shifted by a phase taken from the
 * bot's ID: viewers of one bot (whose clocks agree to well within a second) line up, while the
 * bots side by side on a wall are spread over the interval. Where one interval divides another
 * (the tail's 3 s and the bots list's 30 s, the hosts' 10 s and the wall's 60 s), every tick of
 * the longer is a tick of the shorter, so those polls of the same question meet too.
 *
 * TanStack Query asks a `refetchInterval` function again whenever the query changes (a fetch
 * starts, ends or fails) and on every render, and re-arms its timer with the answer, so "the time
 * until the next tick" keeps every poll on a tick, whenever the first one was.
 */
export interface SharedTickOptions {
  /** The clock; the page's own unless a test says otherwise. */
  nowMs?: number;
  /**
   * A poll is in flight now. A timer may fire a hair before its tick by this clock; the poll it
   * starts is that tick's, so the next one is a whole interval on, not a millisecond later.
   */
  pollInFlight?: boolean;
  /** When the last poll ended (answered or failed); undefined before the first. */
  lastPollAtMs?: number;
}

/** What `msUntilSharedTick` needs from a TanStack query's state. */
export function pollStateOf(state: {
  fetchStatus: 'fetching' | 'paused' | 'idle';
  dataUpdatedAt: number;
  errorUpdatedAt: number;
}): Pick<SharedTickOptions, 'pollInFlight' | 'lastPollAtMs'> {
  const lastPollAtMs = Math.max(state.dataUpdatedAt, state.errorUpdatedAt);
  return {
    // Paused (offline) counts as in flight: it resumes by itself, and must not be asked again.
    pollInFlight: state.fetchStatus !== 'idle',
    lastPollAtMs: lastPollAtMs > 0 ? lastPollAtMs : undefined,
  };
}

export function msUntilSharedTick(
  intervalMs: number,
  botId: string,
  { nowMs = Date.now(), pollInFlight = false, lastPollAtMs }: SharedTickOptions = {},
): number {
  const sinceTick = modulo(nowMs - phaseMs(botId, intervalMs), intervalMs);
  const untilTick = intervalMs - sinceTick;
  const toleranceMs = earlyTimerToleranceMs(intervalMs);
  // Asked just after a tick whose poll has not started (a render ran before the late timer, on
  // a busy page), "until the next tick" would re-arm the timer past this one and skip it: a join
  // then showed a whole interval late. This tick is asked for now instead.
  const tickAtMs = nowMs - sinceTick;
  if (!pollInFlight && lastPollAtMs !== undefined && lastPollAtMs < tickAtMs - toleranceMs) {
    return ASK_NOW_MS;
  }
  return pollInFlight && untilTick < toleranceMs ? untilTick + intervalMs : untilTick;
}

/**
 * Whether a poll starting now is its tick's: at most `ON_TICK_MS` after the tick (a timer late on
 * a busy page) or a hair before it (a timer early by this clock). Any other poll (the first, as
 * the history ends; one caught up after a missed tick) is off the ticks: its answer, kept by our
 * server for the viewers of a tick, could answer this viewer's next tick with nothing new, so it
 * is asked fresh (live-tail.ts).
 */
export function isOnSharedTick(intervalMs: number, botId: string, nowMs = Date.now()): boolean {
  const sinceTick = modulo(nowMs - phaseMs(botId, intervalMs), intervalMs);
  return (
    sinceTick <= Math.min(ON_TICK_MS, intervalMs / 4) ||
    intervalMs - sinceTick <= earlyTimerToleranceMs(intervalMs)
  );
}

/** How late a timer may run on a busy page and its poll still be its tick's. */
const ON_TICK_MS = 500;

/** The shortest timer TanStack arms: 0 would mean "never". */
const ASK_NOW_MS = 1;

/** How early a timer may fire by the page's clock: a few ms, far less than any interval. */
function earlyTimerToleranceMs(intervalMs: number): number {
  return Math.min(50, intervalMs / 10);
}

/** A stable spread of bot IDs over [0, intervalMs): FNV-1a, which needs no library. */
function phaseMs(botId: string, intervalMs: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < botId.length; index += 1) {
    hash ^= botId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % intervalMs;
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
