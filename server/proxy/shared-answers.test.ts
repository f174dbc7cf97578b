import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveTail } from '../../src/event-feed/live-tail.ts';
import { walkEventsAfter } from '../../src/event-feed/walk-events.ts';
import type { WatchSession } from '../../src/lib/watch-session.ts';
import { ManualClock } from '../simulator/clock.ts';
import { SimulatedAttendee } from '../simulator/simulated-attendee.ts';
import { shareUpstreamAnswers } from './shared-answers.ts';

const BOT_PATH = '/api/v1/bots/bot_weIAju4OXNZkDTpZ';
const RIGHT_KEY = 'Token right-key';

interface PendingCall {
  request: Request;
  answer(status: number, body: unknown): void;
}

/** A stand-in upstream that answers only when the test says so, and counts what it was asked. */
function heldUpstream() {
  const calls: PendingCall[] = [];
  const handler = vi.fn(
    (request: Request) =>
      new Promise<Response>((resolve) => {
        calls.push({
          request,
          answer: (status, body) =>
            resolve(
              new Response(JSON.stringify(body), {
                status,
                headers: {
                  'Content-Type': 'application/json',
                  Date: 'Sat, 18 Jan 2025 12:00:00 GMT',
                },
              }),
            ),
        });
      }),
  );
  return { calls, handler };
}

function ask(path = BOT_PATH, authorization = RIGHT_KEY, signal?: AbortSignal): Request {
  return new Request(`http://localhost:5173${path}`, {
    headers: { Authorization: authorization, Accept: 'application/json' },
    signal,
  });
}

/** Hashing the key takes a turn of the event loop: wait until the upstream has been asked. */
async function untilAsked(upstream: { calls: PendingCall[] }, count: number) {
  await vi.waitFor(() => expect(upstream.calls).toHaveLength(count));
}

describe('shared upstream answers', () => {
  it('sends identical requests in flight together once and gives each the answer', async () => {
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler);
    const answers = Array.from({ length: 20 }, () => shared.handle(ask()));
    await untilAsked(upstream, 1);
    upstream.calls[0]?.answer(200, { id: 'bot_weIAju4OXNZkDTpZ' });
    // Only the first call was answered: a second flight would leave its requests waiting.
    for (const response of await Promise.all(answers)) {
      expect(response.status).toBe(200);
      expect(response.headers.get('Date')).toBe('Sat, 18 Jan 2025 12:00:00 GMT');
      expect(await response.json()).toEqual({ id: 'bot_weIAju4OXNZkDTpZ' });
    }
    expect(upstream.handler).toHaveBeenCalledTimes(1);
  });

  it('never gives a request an answer fetched with another key, asked at the same moment', async () => {
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler);
    const right = shared.handle(ask());
    const wrong = shared.handle(ask(BOT_PATH, 'Token wrong-key'));
    await untilAsked(upstream, 2);
    for (const call of upstream.calls) {
      const isRight = call.request.headers.get('Authorization') === RIGHT_KEY;
      call.answer(isRight ? 200 : 401, isRight ? { secret: 'meeting' } : { detail: 'Invalid' });
    }
    expect((await right).status).toBe(200);
    const refused = await wrong;
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('meeting');
  });

  it('reuses a successful answer for identical requests only within the reuse time', async () => {
    let clock = 0;
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler, { reuseMs: 2000, now: () => clock });
    const first = shared.handle(ask());
    await untilAsked(upstream, 1);
    upstream.calls[0]?.answer(200, { round: 1 });
    await first;
    clock += 1999;
    expect(await (await shared.handle(ask())).json()).toEqual({ round: 1 });
    expect(upstream.handler).toHaveBeenCalledTimes(1);
    clock += 1;
    const later = shared.handle(ask());
    await untilAsked(upstream, 2);
    upstream.calls[1]?.answer(200, { round: 2 });
    expect(await (await later).json()).toEqual({ round: 2 });
  });

  it('gives a request with Cache-Control: no-store no kept answer, and keeps none of its own', async () => {
    const handler = vi.fn(async () => Response.json({ asked: handler.mock.calls.length }));
    const shared = shareUpstreamAnswers(handler, { reuseMs: 2000, now: () => 0 });
    const fresh = () =>
      new Request(`http://localhost:5173${BOT_PATH}`, {
        headers: {
          Authorization: RIGHT_KEY,
          Accept: 'application/json',
          'Cache-Control': 'no-store',
        },
      });
    expect(await (await shared.handle(ask())).json()).toEqual({ asked: 1 });
    expect(await (await shared.handle(fresh())).json()).toEqual({ asked: 2 });
    // The answer kept is still the first one: the fresh request's was not kept.
    expect(await (await shared.handle(ask())).json()).toEqual({ asked: 1 });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('never keeps a 200 whose body was cut short: the retry reaches the upstream', async () => {
    const bodies = ['{"results": [{"id": "pe_1"', '{"results": []}'];
    const handler = vi.fn(
      async () => new Response(bodies.shift(), { status: 200, headers: { Date: 'x' } }),
    );
    const shared = shareUpstreamAnswers(handler, { reuseMs: 2000, now: () => 0 });
    expect(await (await shared.handle(ask())).text()).toBe('{"results": [{"id": "pe_1"');
    expect(await (await shared.handle(ask())).json()).toEqual({ results: [] });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('keeps separate answers for another query or another key', async () => {
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler);
    void shared.handle(ask(`${BOT_PATH}/participant_events?after=2025-01-18T12%3A00%3A00.000Z`));
    void shared.handle(ask(`${BOT_PATH}/participant_events?after=2025-01-18T12%3A00%3A05.000Z`));
    void shared.handle(ask(BOT_PATH, 'Token another'));
    await untilAsked(upstream, 3);
  });

  it('never gives an answer asked for with one Accept to a request with another', async () => {
    const handler = vi.fn(async (request: Request) =>
      Response.json({ accept: request.headers.get('Accept') }),
    );
    const shared = shareUpstreamAnswers(handler, { reuseMs: 2000, now: () => 0 });
    const accepting = (accept: string) =>
      new Request(`http://localhost:5173${BOT_PATH}`, {
        headers: { Authorization: RIGHT_KEY, Accept: accept },
      });
    const json = await shared.handle(accepting('application/json'));
    const html = await shared.handle(accepting('text/html'));
    expect(await json.json()).toEqual({ accept: 'application/json' });
    expect(await html.json()).toEqual({ accept: 'text/html' });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it.each([401, 404, 429, 500, 502, 504])(
    'never keeps a %i for the requests after it',
    async (status) => {
      const upstream = heldUpstream();
      const shared = shareUpstreamAnswers(upstream.handler);
      const first = shared.handle(ask());
      await untilAsked(upstream, 1);
      upstream.calls[0]?.answer(status, { error: 'no' });
      expect((await first).status).toBe(status);
      void shared.handle(ask());
      await untilAsked(upstream, 2);
    },
  );

  it('lets the others wait when one client goes away, and gives up upstream when all have', async () => {
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler);
    const leaving = [new AbortController(), new AbortController()];
    const staying = new AbortController();
    const first = shared.handle(ask(BOT_PATH, RIGHT_KEY, leaving[0]?.signal));
    const second = shared.handle(ask(BOT_PATH, RIGHT_KEY, leaving[1]?.signal));
    const third = shared.handle(ask(BOT_PATH, RIGHT_KEY, staying.signal));
    await untilAsked(upstream, 1);
    await vi.waitFor(() => expect(upstream.handler).toHaveBeenCalledTimes(1));
    const upstreamSignal = upstream.calls[0]?.request.signal;
    leaving.forEach((controller) => controller.abort());
    expect((await first).status).toBe(499);
    expect((await second).status).toBe(499);
    expect(upstreamSignal?.aborted).toBe(false);
    staying.abort();
    expect((await third).status).toBe(499);
    expect(upstreamSignal?.aborted).toBe(true);
  });

  it('passes requests the proxy answers itself straight through, unshared', async () => {
    const handler = vi.fn(() => Promise.resolve(new Response('{}', { status: 401 })));
    const shared = shareUpstreamAnswers(handler);
    const admit = vi.fn(() => Promise.resolve(null));
    await shared.handle(new Request(`http://localhost${BOT_PATH}`), admit);
    await shared.handle(new Request(`http://localhost${BOT_PATH}`));
    await shared.handle(
      new Request(`http://localhost/api/v1/projects`, { headers: { Authorization: RIGHT_KEY } }),
    );
    expect(handler).toHaveBeenCalledTimes(3);
    expect(admit).not.toHaveBeenCalled();
  });

  it('asks for admission once for a question asked by many at once, and not for a kept answer', async () => {
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler);
    const admit = vi.fn(() => Promise.resolve(null));
    const answers = Array.from({ length: 10 }, () => shared.handle(ask(), admit));
    await untilAsked(upstream, 1);
    upstream.calls[0]?.answer(200, { ok: true });
    await Promise.all(answers);
    await shared.handle(ask(), admit);
    expect(admit).toHaveBeenCalledTimes(1);
    expect(upstream.handler).toHaveBeenCalledTimes(1);
  });

  it('gives a refusal to the refused request alone; the next in line asks for itself', async () => {
    const upstream = heldUpstream();
    const shared = shareUpstreamAnswers(upstream.handler);
    const refuse = () => Promise.resolve(new Response('{"error":"slow down"}', { status: 429 }));
    const admitted = vi.fn(() => Promise.resolve(null));
    const refused = shared.handle(ask(), refuse);
    const others = [shared.handle(ask(), admitted), shared.handle(ask(), admitted)];
    expect((await refused).status).toBe(429);
    await untilAsked(upstream, 1);
    expect(admitted).toHaveBeenCalledTimes(1);
    upstream.calls[0]?.answer(200, { ok: true });
    for (const response of await Promise.all(others)) expect(response.status).toBe(200);
    expect(upstream.handler).toHaveBeenCalledTimes(1);
  });
});

describe('the page’s live tail through shared answers', () => {
  const BOT = 'bot_tailTest0000001';
  const viewer: WatchSession = {
    botId: BOT,
    credential: { kind: 'key', apiKey: 'key' },
    source: 'attendee',
    id: 's1',
  };

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows a join on the next poll though it comes within the time our server keeps answers', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 10, 0, 1));
    const simulator = new SimulatedAttendee({ clock });
    simulator.addBot({ id: BOT, apiKey: 'key' });
    simulator.join(BOT, { uuid: 'ada', name: 'Ada' }, { createdAtMs: clock.now() - 60_000 });
    // What the page meets in production: the answers our server shares and keeps for 2 s.
    const shared = shareUpstreamAnswers((request) => simulator.handle(request), {
      reuseMs: 2000,
      now: () => clock.now(),
    });
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      shared.handle(new Request(new URL(String(input), 'http://localhost:5173'), init)),
    );

    const received: string[] = [];
    const onPage = (page: { events: { id: string }[] }) =>
      received.push(...page.events.map((event) => event.id));
    const history = await walkEventsAfter(viewer, null, onPage);
    const tail = createLiveTail(viewer);
    await tail.poll(onPage, { serverDateMs: history.firstServerDateMs, finishedAtMs: clock.now() });
    simulator.join(BOT, { uuid: 'bob', name: 'Bob' });
    // The next shared tick, a second after the first poll (which came as the history ended).
    clock.advance(1000);
    await tail.poll(onPage, { serverDateMs: history.firstServerDateMs, finishedAtMs: 0 });
    const bobJoined = simulator.visibleEvents(BOT).at(-1)?.id;
    expect(received).toContain(bobJoined);

    // A poll caught up off the ticks (a busy page missed one), then the next tick a second on.
    clock.advance(2000);
    await tail.poll(onPage, { serverDateMs: null, finishedAtMs: 0 }, undefined, { offTick: true });
    simulator.join(BOT, { uuid: 'cy', name: 'Cy' });
    clock.advance(1000);
    await tail.poll(onPage, { serverDateMs: null, finishedAtMs: 0 });
    expect(received).toContain(simulator.visibleEvents(BOT).at(-1)?.id);
  });
});
