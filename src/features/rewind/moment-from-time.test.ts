import { momentFromTime } from './moment-from-time';

const at = (hours: number, minutes: number, seconds = 0, day = 24) =>
  new Date(2026, 10, day, hours, minutes, seconds).getTime();

describe('the moment a typed time means', () => {
  const start = at(13, 5, 20);
  const end = at(13, 50, 2);

  it('reads HH:MM:SS and HH:MM as local times in the meeting', () => {
    expect(momentFromTime('13:30:15', start, end)).toEqual({ atMs: at(13, 30, 15) });
    expect(momentFromTime(' 13:30 ', start, end)).toEqual({ atMs: at(13, 30) });
    expect(momentFromTime('9:00', at(8, 0), at(10, 0))).toEqual({ atMs: at(9, 0) });
  });

  it('takes the minute the meeting started as its start', () => {
    expect(momentFromTime('13:05', start, end)).toEqual({ atMs: start });
  });

  it('says when a time is outside the meeting', () => {
    expect(momentFromTime('14:00', start, end)).toEqual({
      problem: '14:00 is outside the meeting, which runs from 13:05:20 to 13:50:02.',
    });
    expect(momentFromTime('13:05:19', start, end)).toHaveProperty('problem');
  });

  it('says how to write a time it cannot read', () => {
    for (const text of ['1pm', '25:00', '13:60', '13:5', '']) {
      expect(momentFromTime(text, start, end)).toEqual({
        problem: 'Type a time as HH:MM or HH:MM:SS, for example 14:05.',
      });
    }
  });

  it('finds a time after midnight in a meeting that crossed it', () => {
    expect(momentFromTime('00:30', at(23, 0), at(1, 0, 0, 25))).toEqual({
      atMs: at(0, 30, 0, 25),
    });
    expect(momentFromTime('23:30', at(23, 0), at(1, 0, 0, 25))).toEqual({ atMs: at(23, 30) });
  });
});
