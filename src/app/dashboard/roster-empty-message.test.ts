import { rosterEmptyMessage } from './roster-empty-message';

describe('what an empty roster says', () => {
  it('says “not yet” before the bot is in, and “nobody” while it is', () => {
    expect(rosterEmptyMessage('waiting_room', false)).toMatch(/^The bot is not in the meeting yet/);
    expect(rosterEmptyMessage('joined_recording', false)).toBe(
      'Nobody is in the meeting right now.',
    );
    expect(rosterEmptyMessage(null, false)).toBe('Nobody is in the meeting right now.');
    // Events mean the bot has been in, whatever its description says this moment.
    expect(rosterEmptyMessage('joining', true)).toBe('Nobody is in the meeting right now.');
  });

  it('speaks in the past once the meeting is over', () => {
    expect(rosterEmptyMessage('ended', true)).toBe('Everyone had left when the bot left.');
    expect(rosterEmptyMessage('fatal_error', false)).toBe('The bot saw nobody in the meeting.');
    expect(rosterEmptyMessage('data_deleted', false)).toMatch(/data has been deleted/);
  });
});
