import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryPushBus } from '../push/memory-push-bus.ts';
import { READ_GRANTS_WATCH_MS } from '../push/live-access.ts';
import { sealShareToken } from '../share/share-token.ts';
import { nextMessage, sseFrames } from '../testing/sse-frames.ts';
import { TEST_SHARE_KEYS, startTestApp, type TestApp } from '../testing/test-app.ts';
import { TEST_WEBHOOK_SECRET, joinDelivery, stateDelivery } from '../testing/webhook-deliveries.ts';

const KEY = 'live-test-key';
const BOTS = ['bot_liveA1', 'bot_liveB2'];

let running: TestApp | undefined;
let origin = '';
let clock = 1_800_000_000_000;

afterEach(async () => {
  const closing = running?.app.close();
  // fetch's pool may hold a connection it opened ahead and never used, which the server's close
  // would wait for until SIGTERM's grace cuts it (graceful-shutdown.ts): cut it now.
  running?.app.server.closeAllConnections();
  await closing;
  running = undefined;
});

async function start(options: { maxStreams?: number; heartbeatMs?: number } = {}) {
  running = await startTestApp({
    now: () => clock,
    push: { webhookSecrets: [TEST_WEBHOOK_SECRET], bus: createMemoryPushBus(), ...options },
  });
  for (const id of BOTS) running.simulator.addBot({ id, apiKey: KEY });
  origin = await running.app.listen({ port: 0, host: '127.0.0.1' });

  return running;
}

async function read(bot: string, authorization = `Token ${KEY}`) {
  const response = await fetch(`${origin}/api/v1/bots/${bot}`, { headers: { authorization } });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

function openStream(bots: string[], authorization = `Token ${KEY}`) {
  return fetch(`${origin}/live?bots=${bots.join(',')}`, { headers: { authorization } });
}

/**
 * The status of a stream asked for, its body read or cancelled: a response left unread keeps
 * its connection busy, and the client opens another that the server's close then waits for.
 */
async function streamStatus(bots: string[], authorization = `Token ${KEY}`): Promise<number> {
  const response = await openStream(bots, authorization);
  if (response.status === 200) await response.body?.cancel();
  else await response.arrayBuffer();
  return response.status;
}

async function webhook(delivery: { body: string; headers: Record<string, string> }) {
  const response = await fetch(`${origin}/webhooks/attendee`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

function joinOf(bot: string, name: string) {
  return running!.simulator.join(bot, { uuid: `uuid-${name}`, name });
}

async function streamCount(reason: string): Promise<number> {
  const metric = await running!.metrics.registry
    .getSingleMetric('attendee_live_push_streams_closed_total')!
    .get();
  return metric.values.find((value) => value.labels.reason === reason)?.value ?? 0;
}

describe('GET /live', () => {
  it('carries each watched bot’s pushed events and state on one stream', async () => {
    await start();
    for (const bot of BOTS) await read(bot);
    const response = await openStream(BOTS);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const frames = sseFrames(response);
    const ana = joinOf(BOTS[0]!, 'Ana');
    await webhook(joinDelivery(BOTS[0]!, ana));
    const pushed = await nextMessage(frames);
    expect(pushed?.event).toBe('participant_event');
    expect(JSON.parse(pushed!.data)).toEqual({ botId: BOTS[0], event: ana });
    await webhook(stateDelivery(BOTS[1]!, 'joining', 'joined_recording'));
    const state = await nextMessage(frames);
    expect(state?.event).toBe('bot_state');
    expect(JSON.parse(state!.data)).toMatchObject({ botId: BOTS[1], state: 'joined_recording' });
    await frames.return(undefined);
  });

  it('sends a heartbeat comment at the interval it is given', async () => {
    await start({ heartbeatMs: 20 });
    await read(BOTS[0]!);
    const frames = sseFrames(await openStream([BOTS[0]!]));
    expect((await frames.next()).value).toEqual({ event: null, data: 'open' });
    expect((await frames.next()).value).toEqual({ event: null, data: 'heartbeat' });
    await frames.return(undefined);
  });

  it('refuses a credential that has not read the bot through us in the last minute', async () => {
    await start();
    expect(await streamStatus([BOTS[0]!], '')).toBe(401);
    expect(await streamStatus([BOTS[0]!])).toBe(403);
    await read(BOTS[0]!);
    expect(await streamStatus(BOTS)).toBe(403);
    expect(await streamStatus([BOTS[0]!], 'Token another-key')).toBe(403);
    clock += READ_GRANTS_WATCH_MS + 1;
    expect(await streamStatus([BOTS[0]!])).toBe(403);
    expect(await streamStatus(['not_a_bot'])).toBe(400);
  });

  it('opens for a share token that read its bot, and only for the link’s bots', async () => {
    await start();
    const token = sealShareToken(
      { apiKey: KEY, source: 'attendee', botIds: [BOTS[0]!], expiresAtMs: clock + 3_600_000 },
      TEST_SHARE_KEYS,
    );
    const share = `Share ${token}`;
    expect(await streamStatus([BOTS[0]!], share)).toBe(403);
    await read(BOTS[0]!, share);
    // The key read it, not the token: the key alone may watch it.
    expect(await streamStatus([BOTS[1]!], share)).toBe(403);
    const response = await openStream([BOTS[0]!], share);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(await streamStatus([BOTS[0]!], 'Share forged')).toBe(401);
  });

  it('closes once every watched bot’s meeting has ended', async () => {
    await start();
    for (const bot of BOTS) await read(bot);
    const frames = sseFrames(await openStream(BOTS));
    await webhook(stateDelivery(BOTS[0]!, 'joined_recording', 'ended'));
    expect((await nextMessage(frames))?.event).toBe('bot_state');
    await webhook(stateDelivery(BOTS[1]!, 'joined_recording', 'fatal_error'));
    expect((await nextMessage(frames))?.event).toBe('bot_state');
    expect(await nextMessage(frames)).toBeNull();
    expect(await streamCount('ended')).toBe(1);
  });

  it('refuses streams past the instance’s most with 503 and Retry-After', async () => {
    await start({ maxStreams: 1 });
    await read(BOTS[0]!);
    const first = await openStream([BOTS[0]!]);
    expect(first.status).toBe(200);
    const second = await openStream([BOTS[0]!]);
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    await second.arrayBuffer();
    await first.body?.cancel();
  });

  it('closes a stream whose page cannot keep up, and keeps the others', async () => {
    await start();
    await read(BOTS[0]!);
    const stalled = await openStream([BOTS[0]!]);
    const reading = sseFrames(await openStream([BOTS[0]!]));
    // Never read: its socket and then its queue fill up.
    const bulky = { note: 'x'.repeat(100_000) };
    joinOf(BOTS[0]!, 'Bulky');
    let received = 0;
    for (let index = 0; index < 120 && (await streamCount('slow')) === 0; index++) {
      const event = running!.simulator.emit(BOTS[0]!, 'uuid-Bulky', 'update', { eventData: bulky });
      await webhook(joinDelivery(BOTS[0]!, event)).catch(() => undefined);
      if ((await nextMessage(reading))?.event === 'participant_event') received++;
    }
    expect(await streamCount('slow')).toBe(1);
    expect(received).toBeGreaterThan(0);
    await stalled.body?.cancel().catch(() => undefined);
    await reading.return(undefined);
  });

  it('ends open streams when the server shuts down', async () => {
    await start();
    await read(BOTS[0]!);
    const frames = sseFrames(await openStream([BOTS[0]!]));
    await frames.next();
    const closing = running!.app.close();
    expect(await nextMessage(frames)).toBeNull();
    await closing;
    running = undefined;
  });
});
