import { describe, expect, it } from 'vitest';
import { ManualClock } from '../simulator/clock.ts';
import { SimulatedAttendee } from '../simulator/simulated-attendee.ts';
import { InstrumentedAttendee, type InstrumentedOptions } from './instrumented-attendee.ts';

const BOT = 'bot_Test0000000001';
const KEY = 'key-one';

function setUp(options: InstrumentedOptions = {}) {
  const simulator = new InstrumentedAttendee({
    clock: new ManualClock(Date.UTC(2025, 0, 18, 12)),
    ...options,
  });
  simulator.addBot({ id: BOT, apiKey: KEY });
  return simulator;
}

function get(simulator: SimulatedAttendee, path: string) {
  return simulator.fetch(`https://attendee.test${path}`, {
    headers: { Authorization: `Token ${KEY}` },
  });
}

describe('the instrumented simulator, for tests and benchmarks', () => {
  it('logs requests for tests to count', async () => {
    const simulator = setUp();
    await get(simulator, `/api/v1/bots/${BOT}/participant_events?after=2025-01-01T00:00:00Z`);
    expect(simulator.requests).toEqual([
      {
        method: 'GET',
        path: `/api/v1/bots/${BOT}/participant_events`,
        query: { after: '2025-01-01T00:00:00Z' },
        status: 200,
        fault: null,
        startedAt: expect.any(Number),
        finishedAt: expect.any(Number),
        abandoned: false,
      },
    ]);
    simulator.clearRequests();
    expect(simulator.requests).toEqual([]);
  });

  it('charges a list page its fixed cost plus a cost per row, and the bot resource neither', async () => {
    const simulator = setUp({ pageCost: { fixedMs: 20, perRowMs: 4 } });
    for (let index = 0; index < 30; index += 1) {
      simulator.join(BOT, { uuid: `p${index}`, name: `P${index}` });
    }
    const timed = async (path: string) => {
      const started = performance.now();
      await get(simulator, path);
      return performance.now() - started;
    };
    // A full page of 25 rows: 20 + 25 × 4 = 120 ms; the last 5 rows: 20 + 5 × 4 = 40 ms.
    const full = await timed(`/api/v1/bots/${BOT}/participant_events`);
    const bot = await timed(`/api/v1/bots/${BOT}`);
    expect(full).toBeGreaterThanOrEqual(119);
    expect(bot).toBeLessThan(40);
  });

  it('keeps no request log and no fault switch in the simulator the demo serves', async () => {
    const simulator = new SimulatedAttendee();
    simulator.addBot({ id: BOT, apiKey: KEY });
    await get(simulator, `/api/v1/bots/${BOT}`);
    expect(simulator).not.toHaveProperty('requests');
    expect(simulator).not.toHaveProperty('faults');
  });
});
