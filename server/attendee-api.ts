import type { AppMetrics } from './http/metrics.ts';
import { createAttendeeProxy, type ProxyLogEntry } from './proxy/attendee-proxy.ts';
import { shareUpstreamAnswers, type SharedAnswers } from './proxy/shared-answers.ts';
import type { Clock } from './simulator/clock.ts';
import { addDemoBots } from './simulator/demo-bots.ts';
import { SimulatedAttendee } from './simulator/simulated-attendee.ts';

export const DEFAULT_UPSTREAM = 'https://app.attendee.dev';
/**
 * The demo's simulator sits behind the same proxy as the real API. Its `next` links then name
 * this host, as the real ones name the upstream: the page must read the cursor, never follow them.
 */
const DEMO_UPSTREAM = 'http://demo-simulator.invalid';

export interface AttendeeApi {
  /** `/api/...`: the proxy to the real Attendee. */
  upstream: SharedAnswers;
  /** `/demo/api/...` with the prefix removed: the proxy to the built-in simulator. */
  demo: SharedAnswers;
  /** The built-in simulator itself, which `npm start` has send its webhooks to the server. */
  demoSimulator: SimulatedAttendee;
}

export interface AttendeeApiOptions {
  upstreamUrl: string;
  /** Each request that was not shared, once answered: sent upstream or answered by the proxy. */
  log?: (entry: ProxyLogEntry, api: 'upstream' | 'demo') => void;
  /** Counts upstream requests and shared answers, for `/metrics`. */
  metrics?: Pick<AppMetrics, 'upstreamRequest' | 'sharedAnswer'>;
  /** The upstream's fetch, for tests. */
  fetchImpl?: typeof fetch;
  /** The demo's clock: real time, unless a soak runs days of demo in minutes. */
  demoClock?: Clock;
  /** How long an answer is handed to identical requests (SHARED_ANSWER_MS); 2 s unless set. */
  sharedAnswerMs?: number;
}

/** The proxy and the demo, each behind shared answers: what `npm run dev` and `npm start` serve. */
export function createAttendeeApi(options: AttendeeApiOptions): AttendeeApi {
  const simulator = new SimulatedAttendee({ clock: options.demoClock });
  addDemoBots(simulator);
  const { metrics } = options;
  const proxied = (api: 'upstream' | 'demo', upstreamUrl: string, fetchImpl?: typeof fetch) =>
    shareUpstreamAnswers(
      createAttendeeProxy({
        upstreamUrl,
        fetchImpl,
        log: (entry) => {
          options.log?.(entry, api);
          metrics?.upstreamRequest(entry, api);
        },
      }),
      {
        reuseMs: options.sharedAnswerMs,
        onOutcome: (outcome) => metrics?.sharedAnswer(outcome, api),
      },
    );
  return {
    upstream: proxied('upstream', options.upstreamUrl, options.fetchImpl),
    demo: proxied('demo', DEMO_UPSTREAM, simulator.fetch),
    demoSimulator: simulator,
  };
}
