import { applyEvents, createAttendanceState } from './attendance-state';
import { makeEvent } from './event-fixtures';
import { applyToInsights, createInsightsState } from './insights/insights-state';
import { isSpeechUnrecorded } from './speech-recording';
import type { ParticipantEvent } from '../common/participant-event';

function meeting(events: ParticipantEvent[]) {
  const state = createAttendanceState();
  const insights = createInsightsState();
  applyToInsights(insights, applyEvents(state, events).added);
  return isSpeechUnrecorded(state, insights);
}

describe('telling a bot that records no speech', () => {
  it('is so when people joined and nobody ever spoke', () => {
    expect(meeting([makeEvent('1', 'a', 'join', 1), makeEvent('2', 'b', 'join', 2)])).toBe(true);
  });

  it('is not so once anyone spoke, or before anyone joined', () => {
    expect(meeting([makeEvent('1', 'a', 'join', 1), makeEvent('2', 'a', 'speech_start', 2)])).toBe(
      false,
    );
    expect(meeting([])).toBe(false);
  });
});
