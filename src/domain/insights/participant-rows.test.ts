import { makeEvent } from '../event-fixtures';
import { createInsightsFeed } from './insights-fixtures';
import { participantRows } from './participant-rows';

const at = (seconds: number) => 1_000_000 + seconds * 1000;

function rowByKey(rows: ReturnType<typeof participantRows>, key: string) {
  const row = rows.find((candidate) => candidate.key === key);
  if (row === undefined) throw new Error(`No row ${key}`);
  return row;
}

describe('the participants table', () => {
  it('gives each person their first join, last leave and time present', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'bob', 'join', at(5)),
      makeEvent('3', 'ada', 'leave', at(10)),
      makeEvent('4', 'bob', 'leave', at(20)),
    ]);
    // Overlapping stays of two people: Ada 0→10 = 10 s, Bob 5→20 = 15 s.
    expect(participantRows(insights, at(30))).toEqual([
      {
        key: 'participant:ada',
        name: 'Participant ada',
        userUuid: null,
        participantUuids: ['ada'],
        isHost: false,
        present: false,
        firstJoinMs: at(0),
        lastLeaveMs: at(10),
        timePresentMs: 10_000,
        sessions: 1,
        talkTimeMs: 0,
        asOfMs: at(30),
      },
      expect.objectContaining({ key: 'participant:bob', timePresentMs: 15_000, sessions: 1 }),
    ]);
  });

  it('keeps counting the time of someone still present, with no last leave', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'ada', 'leave', at(4)),
      makeEvent('3', 'ada', 'join', at(6)),
    ]);
    // 0→4 = 4 s, then 6→now: at 9 s 4 + 3 = 7 s, at 16 s 4 + 10 = 14 s.
    expect(participantRows(insights, at(9))).toMatchObject([
      { present: true, lastLeaveMs: null, timePresentMs: 7000, sessions: 2 },
    ]);
    expect(participantRows(insights, at(16))).toMatchObject([{ timePresentMs: 14_000 }]);
  });

  it('shows a rejoin under a new participant_uuid with the same user_uuid as one person', () => {
    const ada = (name: string) => ({ participant_user_uuid: 'acct-ada', participant_name: name });
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada-1', 'join', at(0), ada('Ada (laptop)')),
      makeEvent('2', 'ada-1', 'leave', at(3), ada('Ada (laptop)')),
      makeEvent('3', 'ada-2', 'join', at(5), ada('Ada (phone)')),
      makeEvent('4', 'ada-2', 'leave', at(9), ada('Ada (phone)')),
    ]);
    // 0→3 + 5→9 = 3 + 4 = 7 s in 2 sessions; named after the latest appearance.
    expect(participantRows(insights, at(20))).toEqual([
      expect.objectContaining({
        key: 'user:acct-ada',
        name: 'Ada (phone)',
        userUuid: 'acct-ada',
        participantUuids: ['ada-1', 'ada-2'],
        firstJoinMs: at(0),
        lastLeaveMs: at(9),
        timePresentMs: 7000,
        sessions: 2,
      }),
    ]);
  });

  it('counts time once when one person is in the meeting twice at the same time', () => {
    const ada = { participant_user_uuid: 'acct-ada' };
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada-laptop', 'join', at(1), ada),
      makeEvent('2', 'ada-phone', 'join', at(5), ada),
      makeEvent('3', 'ada-laptop', 'leave', at(8), ada),
      makeEvent('4', 'ada-phone', 'leave', at(10), ada),
    ]);
    // Sessions 1→8 and 5→10 overlap: present 1→10 = 9 s, not 7 + 5 = 12 s.
    expect(participantRows(insights, at(20))).toMatchObject([
      { timePresentMs: 9000, sessions: 2, firstJoinMs: at(1), lastLeaveMs: at(10) },
    ]);
  });

  it('does not start a second session on a repeated join', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(1)),
      makeEvent('2', 'ada', 'join', at(3)),
      makeEvent('3', 'ada', 'leave', at(5)),
      makeEvent('4', 'ada', 'leave', at(7)),
    ]);
    // 1→5 = 4 s, one session; the second leave closes nothing.
    expect(participantRows(insights, at(9))).toMatchObject([
      { timePresentMs: 4000, sessions: 1, firstJoinMs: at(1), lastLeaveMs: at(5) },
    ]);
  });

  it('ignores a leave with no join before it', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'leave', at(1)),
      makeEvent('2', 'ada', 'join', at(2)),
      makeEvent('3', 'ada', 'leave', at(6)),
      makeEvent('4', 'bob', 'leave', at(3)),
    ]);
    // Ada 2→6 = 4 s; Bob only left, so he has no row.
    expect(participantRows(insights, at(9))).toMatchObject([
      { key: 'participant:ada', timePresentMs: 4000, sessions: 1, firstJoinMs: at(2) },
    ]);
  });

  it('adds up talk time from speech start to stop, and an unmatched start until now', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'ada', 'speech_start', at(2)),
      makeEvent('3', 'ada', 'speech_stop', at(3.5)),
      makeEvent('4', 'ada', 'speech_start', at(5)),
      makeEvent('5', 'ada', 'speech_start', at(6)),
    ]);
    // 2→3.5 = 1.5 s, then 5→now (the second start does not restart): at 9 s 1.5 + 4 = 5.5 s.
    expect(participantRows(insights, at(9))).toMatchObject([{ talkTimeMs: 5500 }]);
    expect(participantRows(insights, at(11))).toMatchObject([{ talkTimeMs: 7500 }]);
  });

  it('stops talk time when someone leaves while speaking', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(0)),
      makeEvent('2', 'ada', 'speech_start', at(2)),
      makeEvent('3', 'ada', 'speech_stop', at(3.5)),
      makeEvent('4', 'ada', 'speech_start', at(5)),
      makeEvent('5', 'ada', 'leave', at(7)),
      makeEvent('6', 'ada', 'join', at(8)),
    ]);
    // 1.5 s + 5→7 = 2 s: 3.5 s, and it stays so after the rejoin (speech does not come back).
    expect(participantRows(insights, at(20))).toMatchObject([{ talkTimeMs: 3500 }]);
  });

  it('does not count speech from someone not in the meeting', () => {
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'speech_start', at(0)),
      makeEvent('2', 'ada', 'join', at(1)),
      makeEvent('3', 'ada', 'speech_stop', at(2)),
      makeEvent('4', 'ada', 'speech_start', at(3)),
      makeEvent('5', 'ada', 'speech_stop', at(4)),
    ]);
    // The start at 0 came before the join: only 3→4 = 1 s counts.
    expect(participantRows(insights, at(9))).toMatchObject([{ talkTimeMs: 1000 }]);
  });

  it('marks a person as host when any of their participant_uuids is host now', () => {
    const ada = { participant_user_uuid: 'acct-ada' };
    const { insights, deliver } = createInsightsFeed([
      makeEvent('1', 'ada-1', 'join', at(0), ada),
      makeEvent('2', 'ada-2', 'join', at(1), ada),
      makeEvent('3', 'bob', 'join', at(2)),
    ]);
    deliver([
      makeEvent('4', 'ada-1', 'speech_start', at(3), { ...ada, participant_is_host: true }),
    ]);
    const rows = participantRows(insights, at(5));
    expect(rowByKey(rows, 'user:acct-ada').isHost).toBe(true);
    expect(rowByKey(rows, 'participant:bob').isHost).toBe(false);
  });

  it('corrects sessions when a late leave and rejoin arrive after the later leave', () => {
    const { insights, deliver } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', at(1)),
      makeEvent('2', 'ada', 'leave', at(9)),
    ]);
    expect(participantRows(insights, at(10))).toMatchObject([{ timePresentMs: 8000 }]);
    deliver([makeEvent('3', 'ada', 'leave', at(4)), makeEvent('4', 'ada', 'join', at(6))]);
    // 1→4 + 6→9 = 3 + 3 = 6 s in 2 sessions.
    expect(participantRows(insights, at(10))).toMatchObject([
      { timePresentMs: 6000, sessions: 2, firstJoinMs: at(1), lastLeaveMs: at(9) },
    ]);
  });

  it('changes nothing when the same events are delivered again', () => {
    const events = [
      makeEvent('1', 'ada', 'join', at(1)),
      makeEvent('2', 'ada', 'speech_start', at(2)),
      makeEvent('3', 'ada', 'speech_stop', at(4)),
      makeEvent('4', 'ada', 'leave', at(5)),
    ];
    const { insights, deliver } = createInsightsFeed(events);
    const before = participantRows(insights, at(9));
    const version = insights.version;
    deliver(events);
    expect(insights.version).toBe(version);
    // 1→5 = 4 s present, 2→4 = 2 s talking, once each.
    expect(participantRows(insights, at(9))).toEqual(before);
    expect(before).toMatchObject([{ timePresentMs: 4000, talkTimeMs: 2000, sessions: 1 }]);
  });

  it('merges a participant into a person when their user_uuid arrives later', () => {
    const { insights, deliver } = createInsightsFeed([
      makeEvent('1', 'ada-1', 'join', at(0)),
      makeEvent('2', 'ada-1', 'leave', at(2)),
      makeEvent('3', 'ada-2', 'join', at(4), { participant_user_uuid: 'acct-ada' }),
    ]);
    expect(participantRows(insights, at(6))).toHaveLength(2);
    deliver([makeEvent('4', 'ada-1', 'update', at(5), { participant_user_uuid: 'acct-ada' })]);
    // 0→2 + 4→6 = 4 s, two sessions, one person.
    expect(participantRows(insights, at(6))).toMatchObject([
      { key: 'user:acct-ada', participantUuids: ['ada-1', 'ada-2'], timePresentMs: 4000 },
    ]);
  });
});
