import { makeLocalhostCertificate } from '../server/testing/localhost-certificate.ts';
import { peakConcurrency } from '../server/testing/instrumented-attendee.ts';
import { startAppUnderTest } from '../test/support/app-under-test.ts';
import {
  BOT,
  KEY,
  loadInChromium,
  medianRun,
  sixthsByCount,
  startBackfillMeeting,
  warmUp,
} from './backfill-bench.ts';
import { walkPlainly } from './plain-walk.ts';

export interface BackfillH2Figures {
  /**
   * The real app in Chromium over HTTPS and HTTP/2, from pressing Watch to the full roster: the
   * median of TIMED_RUNS loads on a warmed-up server.
   */
  h2Ms: number;
  /** One plain cursor walk of the whole history, page after page. */
  sequentialMs: number;
  /** The most requests for events the upstream had in flight at once during the page's load. */
  peakUpstreamInFlight: number;
  h2Requests: number;
}

/**
 * The backfill bench's meeting (backfill-bench.ts), served by `npm start`'s server over HTTPS
 * with a certificate made for `localhost` here, so Chromium speaks HTTP/2 to it. Chromium is told
 * to accept that certificate; nothing else of the bench changes. The sequential walk, one request
 * at a time, goes through a second server on plain HTTP, to the same simulated Attendee: with one
 * request in flight, what it measures is round trips, whatever the protocol.
 */
export async function measureBackfillH2(events: number): Promise<BackfillH2Figures> {
  const certificate = makeLocalhostCertificate();
  const { simulator, app, createdAt } = await startBackfillMeeting(events, 'even', {
    TLS_CERT_FILE: certificate.certFile,
    TLS_KEY_FILE: certificate.keyFile,
  });
  const eventsPath = `/api/v1/bots/${BOT}/participant_events`;
  const isEventsPage = (request: { path: string }) => request.path === eventsPath;
  const loadOverH2 = () =>
    loadInChromium(app.url, undefined, undefined, ['--ignore-certificate-errors']);
  try {
    await warmUp(loadOverH2);
    const h2 = await medianRun(simulator, async () => ({
      ms: await loadOverH2(),
      peak: peakConcurrency(simulator.requests, isEventsPage),
      requests: simulator.requests.filter(isEventsPage).length,
    }));

    const plain = await startAppUnderTest(simulator);
    try {
      // Warm as the HTTPS server was: six walks at once, then the answers they left expire.
      await warmUp(() =>
        Promise.all(
          sixthsByCount(createdAt).map((window) => walkPlainly(plain.url, eventsPath, KEY, window)),
        ),
      );
      const started = performance.now();
      const whole = await walkPlainly(plain.url, eventsPath, KEY, {
        afterMs: null,
        beforeMs: null,
      });
      if (whole.events !== events) throw new Error(`one walk got ${whole.events} of ${events}`);
      return {
        h2Ms: h2.ms,
        sequentialMs: performance.now() - started,
        peakUpstreamInFlight: h2.peak,
        h2Requests: h2.requests,
      };
    } finally {
      await plain.stop();
    }
  } finally {
    await app.stop();
    certificate.remove();
  }
}
