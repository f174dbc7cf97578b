// @vitest-environment node
import { applyEvents, createAttendanceState } from './attendance-state';
import { makeEvent } from './event-fixtures';
import { historySoFar } from './history-so-far';

describe('what a partly loaded history says for certain', () => {
  it('counts everyone seen, present or gone, and says up to when events are in', () => {
    const state = createAttendanceState();
    expect(historySoFar(state)).toEqual({ participantsSeen: 0, eventsThroughMs: null });
    applyEvents(state, [
      makeEvent('e1', 'ada', 'join', 1000),
      makeEvent('e2', 'bob', 'join', 3000),
      makeEvent('e3', 'bob', 'leave', 2000),
    ]);
    expect(historySoFar(state)).toEqual({ participantsSeen: 2, eventsThroughMs: 3000 });
  });
});
