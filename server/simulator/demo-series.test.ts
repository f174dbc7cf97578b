import { ManualClock } from './clock.ts';
import { SimulatedAttendee } from './simulated-attendee.ts';
import { addDemoSeries, DEMO_SERIES_BOTS, demoSeriesTruth } from './demo-series.ts';

describe('the demo series', () => {
  it('holds six ended weekly meetings whose events add up to its truth', () => {
    const now = Date.UTC(2026, 10, 24, 12, 0, 30);
    const simulator = new SimulatedAttendee({ clock: new ManualClock(now) });
    addDemoSeries(simulator, 'key');
    const truth = demoSeriesTruth(now);
    expect(truth.meetings.map((meeting) => meeting.startMs)).toEqual(
      [6, 5, 4, 3, 2, 1].map((weeks) => Date.UTC(2026, 10, 23, 14, 0) - weeks * 7 * 86_400_000),
    );
    const firstMeeting = simulator.visibleEvents(DEMO_SERIES_BOTS[0]!);
    const ada = firstMeeting.filter((event) => event.participant_name === 'Ada Okafor');
    expect(ada.map((event) => event.event_type)).toEqual(['join', 'leave']);
    expect(ada[1]!.timestamp_ms - ada[0]!.timestamp_ms).toBe(60 * 60_000);
    const renamed = simulator
      .visibleEvents(DEMO_SERIES_BOTS[2]!)
      .filter((event) => event.participant_uuid === '1004');
    expect(renamed.map((event) => event.participant_name)).toEqual(['Priya (Guest)', 'Priya Shah']);
    expect(truth.people.find((person) => person.name === 'Chloé Martin')?.late).toEqual(
      Array(6).fill(true),
    );
  });
});
