import { afterEach, describe, expect, it } from 'vitest';
import { InstrumentedAttendee } from '../testing/instrumented-attendee.ts';
import { nonZeroSeries, parseScrape } from '../testing/prometheus-scrape.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { createMetricsServer } from './metrics-server.ts';
import { routeKind } from './metrics.ts';

const BOT = 'bot_MetricsSession0001';
const KEY = 'metrics-session-key';
const EVENTS = `/api/v1/bots/${BOT}/participant_events`;
const POLL = `${EVENTS}?after=2026-11-24T10%3A00%3A00.000Z`;

let running: TestApp | undefined;

afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

async function start(rateLimitPerMinute = 1200) {
  // Two events a page, three events: the history is two pages.
  const simulator = new InstrumentedAttendee({ pageSize: 2 });
  simulator.addBot({ id: BOT, apiKey: KEY });
  for (const name of ['Ada', 'Grace', 'Edsger']) {
    simulator.join(BOT, { uuid: name.toLowerCase(), name });
  }
  running = await startTestApp({ simulator, rateLimitPerMinute });
  return running;
}

function ask(url: string, key = KEY) {
  return running!.app.inject({ url, headers: { authorization: `Token ${key}` } });
}

async function scrape(app: TestApp) {
  const metricsServer = createMetricsServer(app.metrics);
  try {
    const response = await metricsServer.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseScrape(response.body);
  } finally {
    await metricsServer.close();
  }
}

describe('the metrics', () => {
  it('count exactly what a session did: history, polls, a wrong key, a 429', async () => {
    // Eight requests from one address may cost an upstream request in a minute, the demo's
    // included: seven to Attendee and one to the demo; the ninth is refused.
    const { simulator } = await start(8);
    const statuses: number[] = [];
    const record = async (request: Promise<{ statusCode: number }>) =>
      statuses.push((await request).statusCode);

    // The page, the health check and the demo.
    await record(running!.app.inject({ url: '/' }));
    await record(running!.app.inject({ url: '/healthz' }));
    await record(ask('/demo/api/v1/bots/bot_DemoMeetingLive1', 'demo'));
    // A history load: two pages, the second by its cursor.
    const firstPage = await ask(EVENTS);
    statuses.push(firstPage.statusCode);
    const next = new URL((firstPage.json() as { next: string }).next);
    await record(ask(`${EVENTS}?cursor=${encodeURIComponent(next.searchParams.get('cursor')!)}`));
    // The bot, its hosts and the bots list.
    await record(ask(`/api/v1/bots/${BOT}`));
    await record(ask(`/api/v1/bots/${BOT}/participants?is_host=true`));
    await record(ask('/api/v1/bots?states=joined_recording'));
    // Live polls: two viewers at once (one fetch, one shared), then a third within 2 s (kept).
    await Promise.all([record(ask(POLL)), record(ask(POLL))]);
    await record(ask(POLL));
    // A wrong key: Attendee's 401 passes through, and costs an upstream request.
    await record(ask(`/api/v1/bots/${BOT}`, 'a-wrong-key'));
    // The ninth request that would reach an upstream: refused here.
    await record(ask(`${EVENTS}?after=2026-11-24T10%3A00%3A05.000Z`));
    // No key, and a path never sent upstream: both answered here. And a missing page.
    await record(running!.app.inject({ url: `/api/v1/bots/${BOT}` }));
    await record(ask('/api/v1/projects'));
    await record(running!.app.inject({ url: '/nope' }));

    expect(statuses).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 429, 401, 404, 404,
    ]);
    expect(simulator.requests).toHaveLength(7);

    const samples = await scrape(running!);
    const counters = nonZeroSeries(
      samples.filter((sample) => sample.name.endsWith('_total')),
      'attendee_live_',
    );
    expect(counters).toEqual({
      'attendee_live_http_requests_total{route="static",status="200"}': 1,
      'attendee_live_http_requests_total{route="health",status="200"}': 1,
      'attendee_live_http_requests_total{route="api",status="200"}': 8,
      'attendee_live_http_requests_total{route="api",status="401"}': 2,
      'attendee_live_http_requests_total{route="api",status="429"}': 1,
      'attendee_live_http_requests_total{route="api",status="404"}': 1,
      'attendee_live_http_requests_total{route="demo_api",status="200"}': 1,
      'attendee_live_http_requests_total{route="other",status="404"}': 1,
      'attendee_live_upstream_requests_total{api="upstream",kind="events_page",status="200"}': 2,
      'attendee_live_upstream_requests_total{api="upstream",kind="bot",status="200"}': 1,
      'attendee_live_upstream_requests_total{api="upstream",kind="participants",status="200"}': 1,
      'attendee_live_upstream_requests_total{api="upstream",kind="bots_list",status="200"}': 1,
      'attendee_live_upstream_requests_total{api="upstream",kind="live_poll",status="200"}': 1,
      'attendee_live_upstream_requests_total{api="upstream",kind="bot",status="401"}': 1,
      'attendee_live_upstream_requests_total{api="demo",kind="bot",status="200"}': 1,
      'attendee_live_shared_answers_total{api="upstream",outcome="fetched"}': 7,
      'attendee_live_shared_answers_total{api="upstream",outcome="served"}': 2,
      'attendee_live_shared_answers_total{api="demo",outcome="fetched"}': 1,
      'attendee_live_rate_limit_refusals_total{api="upstream"}': 1,
    });

    const histogramCount = (name: string, labels: Record<string, string>) =>
      samples.find(
        (sample) =>
          sample.name === name &&
          Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
      )?.value;
    const upstreamSeconds = 'attendee_live_upstream_request_duration_seconds_count';
    expect(histogramCount(upstreamSeconds, { api: 'upstream', kind: 'events_page' })).toBe(2);
    expect(histogramCount(upstreamSeconds, { api: 'upstream', kind: 'bot' })).toBe(2);
    expect(histogramCount(upstreamSeconds, { api: 'upstream', kind: 'live_poll' })).toBe(1);
    const requestSeconds = 'attendee_live_http_request_duration_seconds_count';
    expect(histogramCount(requestSeconds, { route: 'api' })).toBe(12);
  });

  it('are not served on the public port', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('attendee_live_');
  });

  it('are served only at /metrics on the metrics port', async () => {
    const { metrics } = await start();
    const metricsServer = createMetricsServer(metrics);
    try {
      expect((await metricsServer.inject({ url: '/' })).statusCode).toBe(404);
      expect((await metricsServer.inject({ url: '/api/v1/bots' })).statusCode).toBe(404);
    } finally {
      await metricsServer.close();
    }
  });

  it.each([
    ['/api/v1/bots/bot_x?after=1', 'api'],
    ['/api', 'api'],
    ['/demo/api/v1/bots', 'demo_api'],
    ['/healthz', 'health'],
    ['/', 'static'],
    ['/?bot=bot_x', 'static'],
    ['/assets/index-Ab12Cd34.js', 'static'],
    ['/favicon.svg', 'static'],
    ['/apiary', 'other'],
    ['/demo', 'other'],
    ['/metrics', 'other'],
    ['/wp-admin/setup.php', 'other'],
  ])('count a request to %s as %s', (url, kind) => {
    expect(routeKind(url)).toBe(kind);
  });
});
