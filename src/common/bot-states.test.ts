import {
  botStateInWords,
  howMeetingEnded,
  IN_MEETING_STATES,
  isMeetingOver,
  JOINING_STATES,
  notInMeetingYet,
} from './bot-states';

describe('bot states', () => {
  it('explains every state before the bot is in the meeting, and none after', () => {
    for (const state of ['ready', 'scheduled', 'staged', 'joining', 'connecting', 'waiting_room']) {
      expect(notInMeetingYet(state)).toMatch(/^it /);
      expect(isMeetingOver(state)).toBe(false);
    }
    for (const state of [
      'joined_recording',
      'joined_not_recording',
      'joining_breakout_room',
      'ended',
      'toString',
      'a_state_added_later',
    ]) {
      expect(notInMeetingYet(state)).toBeNull();
    }
  });

  it('tells a failure and a deletion from a bot that left', () => {
    expect(howMeetingEnded('fatal_error')).toBe('failed');
    expect(howMeetingEnded('data_deleted')).toBe('data deleted');
    expect(howMeetingEnded('post_processing')).toBe('left');
    expect(howMeetingEnded('ended')).toBe('left');
  });

  it('says every state in words, and a state added later as it is named', () => {
    expect(botStateInWords('joined_recording')).toBe('In the meeting, recording');
    expect(botStateInWords('waiting_room')).toBe('In the waiting room');
    expect(botStateInWords('ended')).toBe('Left the meeting');
    expect(botStateInWords('hand_raised_mode')).toBe('Hand raised mode');
    expect(botStateInWords('toString')).toBe('ToString');
  });

  it('lists in-meeting and joining states apart from the ended ones', () => {
    for (const state of IN_MEETING_STATES) {
      expect(isMeetingOver(state) || notInMeetingYet(state) !== null).toBe(false);
    }
    for (const state of JOINING_STATES) expect(notInMeetingYet(state)).not.toBeNull();
  });
});
