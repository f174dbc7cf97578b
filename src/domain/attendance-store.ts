import type { EventBatch, RejectedEvent } from '../common/participant-event';
import {
  applyCurrentHosts,
  applyEvents,
  createAttendanceState,
  type AttendanceState,
  type ParticipantState,
} from './attendance-state';
import {
  applyToInsights,
  createInsightsState,
  followIdentities,
  type InsightsState,
} from './insights/insights-state';
import { hasNews, presenceBefore, presenceNews, type PresenceNews } from './presence-news';
import { createPresentRoster, refreshPresentRoster } from './roster';

/**
 * The attendance state of one watched bot, outside React: it is updated in place, batch by batch
 * (see attendance-state.ts), and components re-read it when its version changes. The insights
 * (figures, table, chart) are fed from the same batches, so they never disagree with the roster.
 */
export interface AttendanceStore {
  readonly state: AttendanceState;
  readonly insights: InsightsState;
  /** Events that failed validation and were left out, so the page can say so. */
  readonly rejectedEvents: number;
  /** The first few of them, with what was wrong, so the page can say which. */
  readonly rejectedExamples: readonly RejectedEvent[];
  /**
   * Who is present now, in roster order (see roster.ts): the same array while nothing changed,
   * and from one version to the next, the same object for each participant who did not change.
   */
  presentParticipants(): readonly ParticipantState[];
  receivePage(page: EventBatch): void;
  /** Who is host now (participant uuids), from the participants list. */
  receiveCurrentHosts(hostUuids: readonly string[]): void;
  subscribe(listener: () => void): () => void;
  /** Who joined or left with each page that changed presence; history pages included. */
  subscribeToNews(listener: (news: PresenceNews) => void): () => void;
  getVersion(): number;
}

const MAX_REJECTED_EXAMPLES = 10;

export function createAttendanceStore(): AttendanceStore {
  const state = createAttendanceState();
  const insights = createInsightsState();
  const listeners = new Set<() => void>();
  const newsListeners = new Set<(news: PresenceNews) => void>();
  // Polls overlap on purpose, so the same unreadable event comes back: count it once.
  const rejectedKeys = new Set<string>();
  const rejectedExamples: RejectedEvent[] = [];
  let version = 0;
  // The roster as last read, and who has changed since: a poll re-places those alone.
  const roster = createPresentRoster();
  const changedSinceRoster = new Set<string>();
  const changed = () => {
    version += 1;
    for (const listener of listeners) listener();
  };
  return {
    state,
    insights,
    get rejectedEvents() {
      return rejectedKeys.size;
    },
    rejectedExamples,
    presentParticipants() {
      refreshPresentRoster(roster, state, changedSinceRoster);
      changedSinceRoster.clear();
      return roster.participants;
    },
    receivePage(page) {
      const before = state.version;
      const rejectedBefore = rejectedKeys.size;
      const presence = newsListeners.size > 0 ? presenceBefore(state, page.events) : null;
      const batch = applyEvents(state, page.events);
      applyToInsights(insights, batch.added);
      followIdentities(insights, batch.reidentified);
      for (const received of batch.added) changedSinceRoster.add(received.event.participant_uuid);
      for (const record of batch.reidentified) changedSinceRoster.add(record.uuid);
      for (const rejected of page.rejected) {
        const key = rejected.id ?? rejected.reason;
        if (rejectedKeys.has(key)) continue;
        rejectedKeys.add(key);
        if (rejectedExamples.length < MAX_REJECTED_EXAMPLES) rejectedExamples.push(rejected);
      }
      if (state.version === before && rejectedKeys.size === rejectedBefore) return;
      changed();
      if (presence === null) return;
      const news = presenceNews(state, presence);
      if (hasNews(news)) for (const listener of newsListeners) listener(news);
    },
    receiveCurrentHosts(hostUuids) {
      const flagged = applyCurrentHosts(state, new Set(hostUuids));
      if (flagged.length === 0) return;
      followIdentities(insights, flagged);
      for (const record of flagged) changedSinceRoster.add(record.uuid);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeToNews(listener) {
      newsListeners.add(listener);
      return () => newsListeners.delete(listener);
    },
    getVersion: () => version,
  };
}
