import { howMeetingEnded, isMeetingOver, notInMeetingYet } from './bot-states';

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
});
