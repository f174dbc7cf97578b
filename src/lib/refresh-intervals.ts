import { createContext, useContext } from 'react';

/**
 * How often the page asks Attendee again. The app uses the defaults; tests pass shorter ones
 * through the provider so that no test waits on ten seconds of real time.
 */
export interface RefreshIntervals {
  /** The live tail's first interval; the person watching can change it in the header. */
  eventsPollMs: number;
  /** The bot's description: its state, so the end of the meeting is noticed. */
  botStateMs: number;
  /** Who is host now, which no event announces. */
  hostsMs: number;
}

export const DEFAULT_REFRESH_INTERVALS: RefreshIntervals = {
  eventsPollMs: 3000,
  botStateMs: 10_000,
  hostsMs: 10_000,
};

const RefreshIntervalsContext = createContext(DEFAULT_REFRESH_INTERVALS);

export const RefreshIntervalsProvider = RefreshIntervalsContext.Provider;

export function useRefreshIntervals(): RefreshIntervals {
  return useContext(RefreshIntervalsContext);
}
