import { applyEvents, createAttendanceState } from './attendance-state';
import { makeEvent } from './event-fixtures';
import { describeNews, mergeNews, presenceBefore, presenceNews } from './presence-news';

function person(uuid: string, name = uuid, isHost = false) {
  return { uuid, name, isHost };
}

describe('presence news', () => {
  it('says who joined and who left in a batch, and ignores a join and leave that cancel', () => {
    const state = createAttendanceState();
    applyEvents(state, [makeEvent('1', 'dee', 'join', 1, { participant_name: 'Dee' })]);
    const batch = [
      makeEvent('2', 'ada', 'join', 2, { participant_name: 'Ada', participant_is_host: true }),
      makeEvent('3', 'dee', 'leave', 3, { participant_name: 'Dee' }),
      makeEvent('4', 'flo', 'join', 4, { participant_name: 'Flo' }),
      makeEvent('5', 'flo', 'leave', 5, { participant_name: 'Flo' }),
    ];
    const before = presenceBefore(state, batch);
    applyEvents(state, batch);
    expect(presenceNews(state, before)).toEqual({
      joined: [person('ada', 'Ada', true)],
      left: [person('dee', 'Dee')],
    });
  });

  it('reads as one short sentence, however many came', () => {
    expect(
      describeNews({
        joined: [person('a', 'Ada'), person('b', 'Bob'), person('c', 'Cy')],
        left: [person('d', 'Dee')],
      }),
    ).toBe('3 joined: Ada, Bob, Cy; 1 left: Dee');
    const crowd = Array.from({ length: 40 }, (_, index) => person(String(index), `P${index}`));
    expect(describeNews({ joined: crowd, left: [] })).toBe(
      '40 joined: P0, P1, P2, P3, P4 and 35 more',
    );
  });

  it('merges news, dropping someone who came and went in between', () => {
    expect(
      mergeNews(
        { joined: [person('a'), person('b')], left: [] },
        { joined: [person('c')], left: [person('a')] },
      ),
    ).toEqual({ joined: [person('b'), person('c')], left: [] });
  });
});
