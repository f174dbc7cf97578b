import { afterEach, describe, expect, it } from 'vitest';
import { createAttendeeApi } from '../attendee-api.ts';
import { startSimulatorServer, type RunningSimulatorServer } from '../dev/simulator-server.ts';
import { InstrumentedAttendee, peakConcurrency } from '../testing/instrumented-attendee.ts';

const KEY = 'pool-test-key';
const BOT = 'bot_poolMeeting1';
/** The most a viewer may have in flight upstream; the page walks 16 windows over HTTP/2. */
const WINDOWS_AT_ONCE = 24;

let upstream: RunningSimulatorServer | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

describe('the proxy’s client to Attendee', () => {
  it('sends a viewer’s 24 requests upstream at once, none queued behind a small pool', async () => {
    // Long enough that a request queued behind a full pool would start after the others ended.
    const simulator = new InstrumentedAttendee({ latencyMs: 300 });
    simulator.addBot({ id: BOT, apiKey: KEY });
    upstream = await startSimulatorServer(simulator);
    // The production path: shared answers, the proxy, and the process's own HTTP client.
    const api = createAttendeeApi({ upstreamUrl: upstream.url });
    const windows = Array.from({ length: WINDOWS_AT_ONCE }, (_, index) =>
      api.upstream.handle(
        new Request(
          `http://localhost/api/v1/bots/${BOT}/participant_events?after=2026-01-01T00:00:${String(index).padStart(2, '0')}Z`,
          { headers: { Authorization: `Token ${KEY}` } },
        ),
      ),
    );
    for (const response of await Promise.all(windows)) expect(response.status).toBe(200);
    expect(simulator.requests).toHaveLength(WINDOWS_AT_ONCE);
    expect(peakConcurrency(simulator.requests)).toBe(WINDOWS_AT_ONCE);
  });
});
