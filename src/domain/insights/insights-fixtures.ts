import type { ParticipantEvent } from '../../common/participant-event';
import { applyEvents, createAttendanceState } from '../attendance-state';
import { applyToInsights, createInsightsState, type InsightsState } from './insights-state';

/** For tests: the insights of a meeting, fed through attendance-state.ts as the app does. */
export interface InsightsFeed {
  insights: InsightsState;
  deliver: (events: ParticipantEvent[]) => void;
}

export function createInsightsFeed(...batches: ParticipantEvent[][]): InsightsFeed {
  const attendance = createAttendanceState();
  const insights = createInsightsState();
  const deliver = (events: ParticipantEvent[]) =>
    applyToInsights(insights, applyEvents(attendance, events).added);
  for (const batch of batches) deliver(batch);
  return { insights, deliver };
}
