import type { ListedBot } from '../../attendee-api/get-bots';
import { JOINING_STATES } from '../../common/bot-states';
import { botsThatLeft, groupBots, LISTED_STATES } from './group-bots';

function bot(id: string, state: string): ListedBot {
  return {
    id,
    state,
    meetingUrl: null,
    name: null,
    stateSinceMs: null,
    startedAtMs: null,
    endedAtMs: null,
  };
}

describe('grouping the listed bots', () => {
  it('puts bots in a meeting apart from those joining or waiting, keeping the order', () => {
    const grouped = groupBots([
      bot('bot_a', 'joined_recording'),
      bot('bot_b', 'waiting_room'),
      bot('bot_c', 'joined_not_recording'),
      bot('bot_d', 'joining'),
      bot('bot_e', 'a_state_added_later'),
    ]);
    expect(grouped.inMeetings.map((b) => b.id)).toEqual(['bot_a', 'bot_c', 'bot_e']);
    expect(grouped.joining.map((b) => b.id)).toEqual(['bot_b', 'bot_d']);
    for (const state of JOINING_STATES) {
      expect(groupBots([bot('bot_x', state)]).joining).toHaveLength(1);
    }
  });

  it('asks for no ended state', () => {
    for (const state of ['ended', 'post_processing', 'fatal_error', 'leaving', 'ready']) {
      expect(LISTED_STATES).not.toContain(state);
    }
  });

  it('tells which bots have left since the last refresh', () => {
    const before = [bot('bot_a', 'joined_recording'), bot('bot_b', 'waiting_room')];
    const now = [bot('bot_b', 'joined_recording'), bot('bot_c', 'joining')];
    expect(botsThatLeft(before, now).map((b) => b.id)).toEqual(['bot_a']);
    expect(botsThatLeft([], now)).toEqual([]);
  });
});
