import { makeEvent } from '../event-fixtures';
import { eventsCsv, eventsJson, participantsCsv } from './insights-export';
import { createInsightsFeed } from './insights-fixtures';
import { participantRows } from './participant-rows';

const t0 = Date.UTC(2026, 10, 24, 12, 5, 0);

beforeEach(() => {
  vi.stubEnv('TZ', 'Europe/Paris');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('exporting insights', () => {
  it('writes the participants table with local times, durations in seconds and when it was read', () => {
    const host = { participant_is_host: true, participant_name: '=HYPERLINK("x")' };
    const { insights } = createInsightsFeed([
      makeEvent('1', 'ada', 'join', t0, host),
      makeEvent('2', 'ada', 'speech_start', t0 + 1000, host),
      makeEvent('3', 'ada', 'speech_stop', t0 + 3500, host),
      makeEvent('4', 'bob', 'join', t0 + 2000, { participant_name: 'Smith, Bob' }),
      makeEvent('5', 'bob', 'leave', t0 + 62_000, { participant_name: 'Smith, Bob' }),
    ]);
    // At t0 + 90 s: Ada present 90 s, talked 1→3.5 = 2.5 s; Bob 2→62 = 60 s.
    const csv = participantsCsv(participantRows(insights, t0 + 90_000));
    expect(csv.split('\r\n')).toEqual([
      'name,host,present,first_join,last_leave,time_present_seconds,sessions,talk_time_seconds,participant_user_uuid,participant_uuids,as_of',
      `"'=HYPERLINK(""x"")",yes,yes,2026-11-24T13:05:00+01:00,,90,1,2.5,,ada,2026-11-24T13:06:30+01:00`,
      '"Smith, Bob",no,no,2026-11-24T13:05:02+01:00,2026-11-24T13:06:02+01:00,60,1,0,,bob,2026-11-24T13:06:30+01:00',
      '',
    ]);
  });

  it('writes the raw events, one per row, with the time readable and exact', () => {
    const events = [
      makeEvent('pe_1', 'ada', 'join', t0 + 250, { participant_user_uuid: 'acct' }),
      makeEvent('pe_2', 'ada', 'hand_raised', t0 + 1000, {
        participant_name: '-1',
        event_data: { raised: true },
      }),
    ];
    expect(eventsCsv(events).split('\r\n')).toEqual([
      'id,time,timestamp_ms,event_type,participant_name,participant_uuid,participant_user_uuid,participant_is_host,event_data',
      `pe_1,2026-11-24T13:05:00+01:00,${t0 + 250},join,Participant ada,ada,acct,false,{}`,
      `pe_2,2026-11-24T13:05:01+01:00,${t0 + 1000},hand_raised,'-1,ada,,false,"{""raised"":true}"`,
      '',
    ]);
  });

  it('writes the raw events as JSON the way the API sent them', () => {
    const events = [makeEvent('pe_1', 'ada', 'join', t0, { participant_name: null })];
    expect(JSON.parse(eventsJson(events))).toEqual(events);
  });
});
