import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../simulator/clock.ts';
import { FaultSwitch } from './faults.ts';
import { peakConcurrency, InstrumentedAttendee } from './instrumented-attendee.ts';
import { startProxiedSimulator } from './proxied-simulator.ts';

const BOT = 'bot_Faults00000001';
const KEY = 'fault-key';
const EVENTS = `/api/v1/bots/${BOT}/participant_events`;
const AUTH = { Authorization: `Token ${KEY}` };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function setUp() {
  const simulator = new InstrumentedAttendee({ clock: new ManualClock(Date.UTC(2025, 0, 18, 12)) });
  simulator.addBot({ id: BOT, apiKey: KEY });
  simulator.join(BOT, { uuid: 'u1', name: 'Ada' });
  return simulator;
}

function get(simulator: InstrumentedAttendee, path = EVENTS, init: RequestInit = {}) {
  return simulator.fetch(`https://attendee.test${path}`, { headers: AUTH, ...init });
}

/** The simulator over HTTP with the production app and proxy in front, as `npm start` runs it. */
async function startStack(simulator: InstrumentedAttendee) {
  const stack = await startProxiedSimulator(simulator);
  cleanups.push(() => stack.close());
  return stack;
}

describe('the fault switch', () => {
  it('fails the next requests for one resource with the status, body and headers given', async () => {
    const simulator = setUp();
    simulator.faults.failNext(
      2,
      {
        kind: 'status',
        status: 429,
        body: '{"detail":"Slow down"}',
        headers: { 'Retry-After': '7' },
      },
      'participant_events',
    );
    expect((await get(simulator, `/api/v1/bots/${BOT}`)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const response = await get(simulator);
      expect(response.status).toBe(429);
      expect(response.headers.get('Retry-After')).toBe('7');
      expect(response.headers.get('Date')).toBe('Sat, 18 Jan 2025 12:00:00 GMT');
      expect(await response.json()).toEqual({ detail: 'Slow down' });
    }
    expect((await get(simulator)).status).toBe(200);
    expect(simulator.requests.map((request) => request.fault)).toEqual([
      null,
      'status',
      'status',
      null,
    ]);
  });

  it('sends an HTML error page as a proxy in front of the API would', async () => {
    const simulator = setUp();
    simulator.faults.failNext(1, { kind: 'status', status: 502 });
    const response = await get(simulator);
    expect(response.status).toBe(502);
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(await response.text()).toContain('<h1>502</h1>');
  });

  it('cuts a JSON body short, keeping the 200 and the content type', async () => {
    const simulator = setUp();
    simulator.faults.failNext(1, { kind: 'malformed-json' });
    const response = await get(simulator);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    const text = await response.text();
    expect(text.startsWith('{"next":null')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('stays on until cleared with always()', async () => {
    const simulator = setUp();
    simulator.faults.always({ kind: 'status', status: 503 });
    for (let i = 0; i < 5; i += 1) expect((await get(simulator)).status).toBe(503);
    simulator.faults.clear();
    expect((await get(simulator)).status).toBe(200);
  });

  it('rejects an in-process fetch the way a reset connection does', async () => {
    const simulator = setUp();
    simulator.faults.failNext(1, { kind: 'drop' });
    await expect(get(simulator)).rejects.toThrow('fetch failed');
    expect(simulator.requests[0]).toMatchObject({ fault: 'drop', status: 0 });
  });

  it('applies rules in the order they were added', () => {
    const faults = new FaultSwitch();
    faults.failNext(1, { kind: 'drop' }, 'bot');
    faults.failNext(1, { kind: 'malformed-json' });
    expect(faults.take(EVENTS)?.kind).toBe('malformed-json');
    expect(faults.take(`/api/v1/bots/${BOT}`)?.kind).toBe('drop');
    expect(faults.take(EVENTS)).toBeNull();
    expect(faults.pending).toBe(0);
  });
});

describe('faults over real HTTP, through our proxy', () => {
  it('turns a dropped connection into 502, naming the upstream it could not reach', async () => {
    const simulator = setUp();
    const { appUrl } = await startStack(simulator);
    simulator.faults.always({ kind: 'drop' });
    const response = await fetch(`${appUrl}${EVENTS}`, { headers: AUTH });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /^Cannot reach http:\/\/127\.0\.0\.1:\d+: /,
    );
    simulator.faults.clear();
    expect((await fetch(`${appUrl}${EVENTS}`, { headers: AUTH })).status).toBe(200);
  });

  it('abandons the upstream request when the page gives up on a slow answer', async () => {
    const simulator = setUp();
    const { appUrl, logLines } = await startStack(simulator);
    simulator.faults.failNext(1, { kind: 'slow', delayMs: 60_000 });
    const pageGivesUp = AbortSignal.timeout(300);
    await expect(
      fetch(`${appUrl}${EVENTS}`, { headers: AUTH, signal: pageGivesUp }),
    ).rejects.toThrow();
    await expect.poll(() => simulator.requests[0]?.finishedAt ?? null).not.toBeNull();
    expect(simulator.requests[0]).toMatchObject({ fault: 'slow', abandoned: true, status: 0 });
    expect((await fetch(`${appUrl}${EVENTS}`, { headers: AUTH })).status).toBe(200);
    expect(peakConcurrency(simulator.requests)).toBe(1);
    await expect.poll(() => logLines.join('\n')).toMatch(/participant_events 499 /);
  });
});

describe('peakConcurrency', () => {
  const request = (startedAt: number, finishedAt: number | null) => ({
    method: 'GET',
    path: EVENTS,
    query: {},
    status: 200,
    fault: null,
    startedAt,
    finishedAt,
    abandoned: false,
  });

  it('counts requests that overlap in time, not ones that follow each other', () => {
    expect(peakConcurrency([request(0, 10), request(10, 20), request(20, 30)])).toBe(1);
    expect(peakConcurrency([request(0, 10), request(5, 20), request(6, null)])).toBe(3);
    expect(peakConcurrency([])).toBe(0);
  });
});
