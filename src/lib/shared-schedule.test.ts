import { isOnSharedTick, msUntilSharedTick } from './shared-schedule';

const BOT = 'bot_sharedTicks00001';
const START = Date.UTC(2026, 10, 27, 9, 0, 0);

/** The moment a poll asked for at `nowMs` falls on. */
function nextPollAt(intervalMs: number, botId: string, nowMs: number, pollInFlight = false) {
  return nowMs + msUntilSharedTick(intervalMs, botId, { nowMs, pollInFlight });
}

describe('the shared poll schedule', () => {
  it('brings viewers of one bot to the same moment, whenever each of them last asked', () => {
    const tick = nextPollAt(3000, BOT, START);
    // Since the tick before: one asked right on it, the others anywhere in between.
    const askedAt = [0, 1, 999, 1_234, 2_345, 2_999].map((offset) => tick - 3000 + offset);
    const moments = askedAt.map((at) => nextPollAt(3000, BOT, at));
    expect(moments).toEqual(askedAt.map(() => tick));
    for (const [index, at] of moments.entries()) {
      expect(at).toBeGreaterThan(askedAt[index]!);
      expect(at - askedAt[index]!).toBeLessThanOrEqual(3000);
    }
  });

  it('asks again one interval after a tick, every interval', () => {
    const first = nextPollAt(3000, BOT, START);
    expect(nextPollAt(3000, BOT, first)).toBe(first + 3000);
    expect(nextPollAt(3000, BOT, first + 3000)).toBe(first + 6000);
    expect(nextPollAt(3000, BOT, first - 1)).toBe(first);
  });

  it('keeps a tick that comes right after a render, and skips it only for a poll in flight', () => {
    const tick = nextPollAt(3000, BOT, START);
    // Idle a few ms before the tick (a render, say): the tick is still asked for.
    expect(nextPollAt(3000, BOT, tick - 5)).toBe(tick);
    // A timer that fired 2 ms early started this tick's poll: the next is a whole interval on.
    expect(nextPollAt(3000, BOT, tick - 2, true)).toBe(tick + 3000);
    // A poll in flight well before the tick does not push the tick away.
    expect(nextPollAt(3000, BOT, tick - 1000, true)).toBe(tick);
  });

  it('asks at once for a tick that passed without its poll, and not for one that had it', () => {
    const tick = nextPollAt(3000, BOT, START);
    const lastPollAtMs = tick - 3000 + 40; // the previous tick's poll, answered 40 ms after it
    // A render 5 ms after the tick, before the late timer ran: that tick is asked for now,
    // rather than the timer being re-armed for the next one.
    expect(msUntilSharedTick(3000, BOT, { nowMs: tick + 5, lastPollAtMs })).toBe(1);
    // Before the tick, or once its poll was answered, the schedule is as ever.
    expect(msUntilSharedTick(3000, BOT, { nowMs: tick - 5, lastPollAtMs })).toBe(5);
    expect(msUntilSharedTick(3000, BOT, { nowMs: tick + 50, lastPollAtMs: tick + 30 })).toBe(2950);
    // A poll started a hair early by this clock, and answered before the tick, was the tick's.
    expect(msUntilSharedTick(3000, BOT, { nowMs: tick + 5, lastPollAtMs: tick - 1 })).toBe(2995);
    // Still in flight: it is that tick's poll.
    expect(
      msUntilSharedTick(3000, BOT, { nowMs: tick + 5, lastPollAtMs, pollInFlight: true }),
    ).toBe(2995);
  });

  it('counts a poll as its tick’s when its timer ran a little late or a hair early, no other', () => {
    const tick = nextPollAt(3000, BOT, START);
    expect(isOnSharedTick(3000, BOT, tick)).toBe(true);
    expect(isOnSharedTick(3000, BOT, tick + 400)).toBe(true);
    expect(isOnSharedTick(3000, BOT, tick - 2)).toBe(true);
    // Caught up a second after a missed tick, or started as the history ended: off the ticks.
    expect(isOnSharedTick(3000, BOT, tick + 1000)).toBe(false);
    expect(isOnSharedTick(3000, BOT, tick - 1000)).toBe(false);
  });

  it('follows the interval chosen: a new one has ticks of its own from the next one on', () => {
    const at = START + 1_234;
    expect(msUntilSharedTick(10_000, BOT, { nowMs: at })).toBeLessThanOrEqual(10_000);
    expect(msUntilSharedTick(1000, BOT, { nowMs: at })).toBeLessThanOrEqual(1000);
    const everyFive = nextPollAt(5000, BOT, at);
    expect(nextPollAt(5000, BOT, everyFive)).toBe(everyFive + 5000);
  });

  it('puts every tick of a longer interval on a tick of one that divides it', () => {
    for (const [short, long] of [
      [3000, 30_000],
      [10_000, 60_000],
    ] as const) {
      let at = START;
      for (let round = 0; round < 5; round += 1) {
        at = nextPollAt(long, BOT, at);
        expect(nextPollAt(short, BOT, at - 1)).toBe(at);
      }
    }
  });

  it('spreads the bots of a wall over the interval', () => {
    const bots = Array.from(
      { length: 12 },
      (_, index) => `bot_wall${String(index).padStart(4, '0')}`,
    );
    const phases = bots.map((bot) => nextPollAt(3000, bot, START) - START);
    // Twelve bots in quarter-seconds of a 3 s interval: at least half of them stand apart.
    expect(new Set(phases.map((phase) => Math.floor(phase / 250))).size).toBeGreaterThanOrEqual(6);
  });
});
