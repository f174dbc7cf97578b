import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DEMO_PATH_PREFIX } from '../../src/common/demo-meeting.ts';
import type { ProxyLogEntry } from '../proxy/attendee-proxy.ts';
import type { SharedOutcome } from '../proxy/shared-answers.ts';

/** Which proxy: `/api` to Attendee, or `/demo/api` to the built-in simulator. */
export type ApiName = 'upstream' | 'demo';

/** What a request to the public port was for: a bounded label, never its path. */
export type RouteKind = 'api' | 'demo_api' | 'static' | 'health' | 'webhook' | 'live' | 'other';

/**
 * The server's counters, one registry per app so that tests can run several apps side by side.
 * Each concern records through a method named for what happened, and every label is picked from
 * a short fixed list here: a bot ID, a key, a token, a name or a raw path can never become one.
 *
 * Extension point: a concern that comes later (share tokens opened or refused by reason, say)
 * adds its own method and metric here, registered on `registry`, and takes `metrics` in its
 * plugin's options as attendeeRoutes and webhookRoutes do.
 */
export interface AppMetrics {
  /** What `/metrics` on METRICS_PORT serves (metrics-server.ts). */
  readonly registry: Registry;
  /** A request to the public port, once answered. */
  request(url: string, status: number, seconds: number): void;
  /** A request the proxy answered; counted only when it went to the upstream. */
  upstreamRequest(entry: ProxyLogEntry, api: ApiName): void;
  /** A request that would reach the upstream: sent (fetched) or given another's answer (served). */
  sharedAnswer(outcome: SharedOutcome, api: ApiName): void;
  /** A request refused with 429 because its address asked the upstream too often. */
  rateLimitRefusal(api: ApiName): void;
  /** A delivery to `POST /webhooks/attendee`, by what became of it. */
  webhook(outcome: WebhookOutcome): void;
  /** A push stream opened (`GET /live`); the gauge of open streams goes up. */
  pushStreamOpened(): void;
  /** A push stream closed, and why; the gauge goes down. */
  pushStreamClosed(reason: PushStreamCloseReason): void;
  /** A stream refused with 503: the instance already holds its most. */
  pushStreamRefused(): void;
  /** A proxied request that came with a share token: opened, or refused and why. */
  shareToken(outcome: ShareTokenOutcome): void;
}

/** Opened (the request goes on with the sealed key), or refused as the page is told why. */
export type ShareTokenOutcome = 'opened' | 'expired' | 'invalid' | 'out-of-scope';

/** Received: pushed, ignored (a trigger no page shows) or duplicate; refused: the rest. */
export type WebhookOutcome =
  | 'pushed'
  | 'ignored'
  | 'duplicate'
  | 'unsigned'
  | 'bad_signature'
  | 'bad_json'
  | 'malformed';

/** The client went away, the page could not keep up, its meetings ended, or we shut down. */
export type PushStreamCloseReason = 'client' | 'slow' | 'ended' | 'shutdown';

export interface MetricsOptions {
  /**
   * Node's own figures (CPU, memory, event loop lag, garbage collection, handles). They start
   * observers that live as long as the process, so only the server that serves them asks.
   */
  processMetrics?: boolean;
}

const PREFIX = 'attendee_live_';
/** Up to the proxy's 20 s upstream timeout, where a request becomes a 504. */
const UPSTREAM_SECONDS_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];
const REQUEST_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

function pathOf(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** `/api/...`, `/demo/api/...`, `/healthz`, the page and its files (`/`, `/assets/...`, `/x.svg`). */
export function routeKind(url: string): RouteKind {
  const path = pathOf(url);
  if (isUnder(path, '/api')) return 'api';
  if (isUnder(path, `${DEMO_PATH_PREFIX}/api`)) return 'demo_api';
  if (path === '/healthz') return 'health';
  if (path === '/webhooks/attendee') return 'webhook';
  if (path === '/live') return 'live';
  if (path === '/' || path.startsWith('/assets/') || /^\/[\w.-]+\.\w+$/.test(path)) {
    return 'static';
  }
  return 'other';
}

/** An HTTP status as a label: a number from 100 to 599, whatever else a status might be. */
function statusLabel(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'other';
}

export function createMetrics(options: MetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'Requests to the public port, by what they were for and the status answered.',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer a request to the public port, by what it was for.',
    labelNames: ['route'] as const,
    buckets: REQUEST_SECONDS_BUCKETS,
    registers,
  });
  const upstreamRequests = new Counter({
    name: `${PREFIX}upstream_requests_total`,
    help: 'Requests sent to Attendee (api="upstream") or the demo simulator, by kind and status; 502 and 504 are ours: unreachable or too slow.',
    labelNames: ['api', 'kind', 'status'] as const,
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Time for the upstream to answer a request, by kind.',
    labelNames: ['api', 'kind'] as const,
    buckets: UPSTREAM_SECONDS_BUCKETS,
    registers,
  });
  const sharedAnswers = new Counter({
    name: `${PREFIX}shared_answers_total`,
    help: 'Requests that would reach the upstream: fetched (sent upstream) or served (given an answer fetched for an identical request).',
    labelNames: ['api', 'outcome'] as const,
    registers,
  });
  const rateLimitRefusals = new Counter({
    name: `${PREFIX}rate_limit_refusals_total`,
    help: 'Requests refused with 429: their address asked the upstream more than RATE_LIMIT_PER_MINUTE.',
    labelNames: ['api'] as const,
    registers,
  });

  const webhooks = new Counter({
    name: `${PREFIX}webhooks_total`,
    help: 'Deliveries to POST /webhooks/attendee: pushed, ignored or duplicate (received), unsigned, bad_signature, bad_json or malformed (refused).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const openStreams = new Gauge({
    name: `${PREFIX}push_streams_open`,
    help: 'Push streams (GET /live) open on this instance.',
    registers,
  });
  const closedStreams = new Counter({
    name: `${PREFIX}push_streams_closed_total`,
    help: 'Push streams closed: client (went away), slow (its queue overflowed), ended (its meetings ended), shutdown.',
    labelNames: ['reason'] as const,
    registers,
  });
  const refusedStreams = new Counter({
    name: `${PREFIX}push_streams_refused_total`,
    help: 'Push streams refused with 503: the instance held its most.',
    registers,
  });

  const shareTokens = new Counter({
    name: `${PREFIX}share_tokens_total`,
    help: 'Proxied requests with a share token, by outcome: opened, or refused (expired, invalid, out-of-scope).',
    labelNames: ['outcome'] as const,
    registers,
  });

  return {
    registry,
    webhook(outcome) {
      webhooks.inc({ outcome });
    },
    pushStreamOpened() {
      openStreams.inc();
    },
    pushStreamClosed(reason) {
      openStreams.dec();
      closedStreams.inc({ reason });
    },
    pushStreamRefused() {
      refusedStreams.inc();
    },
    shareToken(outcome) {
      shareTokens.inc({ outcome });
    },
    request(url, status, seconds) {
      const route = routeKind(url);
      requests.inc({ route, status: statusLabel(status) });
      requestSeconds.observe({ route }, seconds);
    },
    upstreamRequest(entry, api) {
      if (!entry.forwarded) return;
      const { kind } = entry;
      upstreamRequests.inc({ api, kind, status: statusLabel(entry.status) });
      upstreamSeconds.observe({ api, kind }, entry.ms / 1000);
    },
    sharedAnswer(outcome, api) {
      sharedAnswers.inc({ api, outcome });
    },
    rateLimitRefusal(api) {
      rateLimitRefusals.inc({ api });
    },
  };
}
