import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstrumentedAttendee } from '../testing/instrumented-attendee.ts';
import { parseScrape } from '../testing/prometheus-scrape.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { createMetricsServer } from './metrics-server.ts';

/*
 * A label value that came from a request (a bot ID, a key, a path) would make every new bot or
 * key a new series: unbounded, and readable by whoever reads the metrics. Whatever bots and keys
 * are asked about, and wherever in the request they appear, the labels take none of them.
 */

const botId = fc.stringMatching(/^bot_[A-Za-z0-9]{1,24}$/);
/** Printable, as a header allows; long enough not to be a word the labels use by chance. */
const key = fc.stringMatching(/^[\x21-\x7e]{8,48}$/);

/** Every label value our own metrics may take: fixed words, statuses and bucket bounds. */
const VOCABULARY = new Set([
  'api',
  'demo_api',
  'static',
  'health',
  'webhook',
  'live',
  'other',
  'pushed',
  'ignored',
  'duplicate',
  'unsigned',
  'bad_signature',
  'bad_json',
  'malformed',
  'client',
  'slow',
  'ended',
  'shutdown',
  'upstream',
  'demo',
  'events_page',
  'live_poll',
  'bot',
  'participants',
  'bots_list',
  'fetched',
  'served',
]);

function isAllowedLabelValue(name: string, value: string): boolean {
  if (name === 'status') return /^[1-5]\d\d$/.test(value);
  if (name === 'le') return value === '+Inf' || Number.isFinite(Number(value));
  return VOCABULARY.has(value);
}

let running: TestApp;
const simulator = new InstrumentedAttendee();
const knownBots = new Set<string>();

beforeAll(async () => {
  running = await startTestApp({ simulator, rateLimitPerMinute: 1_000_000 });
});

afterAll(async () => {
  await running.app.close();
});

describe('the metrics’ labels', () => {
  it('never hold a bot ID or a key, whatever was asked', async () => {
    const metricsServer = createMetricsServer(running.metrics);
    await fc.assert(
      fc.asyncProperty(botId, key, fc.boolean(), async (bot, secret, exists) => {
        if (exists && !knownBots.has(bot)) {
          simulator.addBot({ id: bot, apiKey: secret });
          knownBots.add(bot);
        }
        const urls = [
          `/api/v1/bots/${bot}`,
          `/api/v1/bots/${bot}/participant_events?after=2026-11-24T10%3A00%3A00.000Z`,
          `/api/v1/bots/${bot}/participants?is_host=true`,
          `/api/v1/bots?deduplication_key=${encodeURIComponent(secret)}`,
          `/demo/api/v1/bots/${bot}`,
          `/api/v1/bots/${bot}/leave`,
          `/assets/${bot}.js`,
          `/${bot}?key=${encodeURIComponent(secret)}`,
        ];
        for (const url of urls) {
          await running.app.inject({ url, headers: { authorization: `Token ${secret}` } });
        }
        const text = (await metricsServer.inject({ url: '/metrics' })).body;
        expect(text).not.toContain(bot);
        for (const sample of parseScrape(text)) {
          for (const [name, value] of Object.entries(sample.labels)) {
            expect(value).not.toContain(secret);
            expect(isAllowedLabelValue(name, value), `${name}="${value}"`).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
    await metricsServer.close();
  }, 60_000);
});
