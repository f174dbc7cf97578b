import type { AttendanceState } from './attendance-state';
import type { InsightsState } from './insights/insights-state';

/**
 * Attendee records speech events only for bots created with
 * recording_settings.record_participant_speech_start_stop_events on (docs/attendee-api.md, "Speech events"). A
 * meeting where people joined but nobody ever spoke is, in practice, such a bot: talk time would
 * show everyone at zero, which is wrong rather than empty. O(1).
 */
export function isSpeechUnrecorded(state: AttendanceState, insights: InsightsState): boolean {
  const anySpeech = state.timeline.length > state.timelineWithoutSpeech.length;
  return !anySpeech && insights.totals.attendedCount > 0;
}
