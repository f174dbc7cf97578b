import type { WatchSession } from '../lib/watch-session';
import { walkEventsAfter, type PageSink } from './walk-events';
import { DEFAULT_OVERLAP_MS, nextWatermark } from './watermark';

export interface HistoryStart {
  /** `Date` of the first history page. */
  serverDateMs: number | null;
  /** Our clock when the history finished, used only when the server sent no Date. */
  finishedAtMs: number;
}

export interface PollResult {
  afterMs: number;
  requests: number;
}

export interface PollOptions {
  /** The poll is off the bot's shared ticks (lib/shared-schedule.ts): ask it fresh. */
  offTick?: boolean;
}

export interface LiveTail {
  /** One poll: every event after the watermark, following `next` to the end. */
  poll(
    onPage: PageSink,
    historyStart: HistoryStart,
    signal?: AbortSignal,
    options?: PollOptions,
  ): Promise<PollResult>;
}

/**
 * The polling side of a watched bot. It holds the watermark between polls (see watermark.ts for
 * why it comes from the server's `Date` and overlaps), and nothing else.
 */
export function createLiveTail(session: WatchSession, overlapMs = DEFAULT_OVERLAP_MS): LiveTail {
  let watermarkMs: number | null = null;
  let clockOffsetMs = 0;
  return {
    async poll(onPage, historyStart, signal, { offTick = false } = {}) {
      // The history walk began when its first page was answered; anything that committed late
      // during the walk has a created_at at most `overlapMs` before that moment.
      const afterMs =
        watermarkMs ??
        nextWatermark({
          previousMs: null,
          serverDateMs: historyStart.serverDateMs,
          requestSentAtMs: historyStart.finishedAtMs,
          clockOffsetMs: 0,
          overlapMs,
        });
      const sentAtMs = Date.now();
      // The first poll comes as soon as the history is in, off the bot's shared ticks. Kept by
      // our server for the viewers of a tick, an off-tick answer would also answer this viewer's
      // next tick if that came within the reuse time (2 s), with nothing that happened in
      // between: a join showed a whole interval late. So it is asked fresh and left unkept.
      const fresh = watermarkMs === null || offTick;
      const walk = await walkEventsAfter(session, afterMs, onPage, signal, { fresh });
      if (walk.firstServerDateMs !== null) clockOffsetMs = walk.firstServerDateMs - sentAtMs;
      watermarkMs = nextWatermark({
        previousMs: afterMs,
        serverDateMs: walk.firstServerDateMs,
        requestSentAtMs: sentAtMs,
        clockOffsetMs,
        overlapMs,
      });
      return { afterMs, requests: walk.requests };
    },
  };
}
