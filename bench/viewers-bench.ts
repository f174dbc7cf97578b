import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { InstrumentedAttendee } from '../server/testing/instrumented-attendee.ts';
import { startAppUnderTest } from '../test/support/app-under-test.ts';

const BOT = 'bot_benchViewers0001';
const KEY = 'bench-viewers-key';
/** What Attendee takes to answer, as the simulator plays it. */
const UPSTREAM_LATENCY_MS = 40;
/** Viewers open the page over this long, so their polls fall at every phase, as people's would. */
const OPENING_SPREAD_MS = 10_000;

export interface ViewersFigures {
  upstreamRps: number;
  /** The same, for the events (live tail), the bot's description and the hosts list. */
  upstreamRpsByResource: Record<'events' | 'bot' | 'hosts', number>;
  viewerRequests: number;
  /** Viewer requests that did not get a 200 (a 429, say): there should be none. */
  viewerFailures: number;
  /** How long our server took to answer the viewers' API requests, by its own log; 99th percentile. */
  proxyP99Ms: number;
  /** How long the upstream took to answer our server, as the server's log says; 99th percentile. */
  upstreamP99Ms: number;
  /**
   * How long a viewer waited, as it measured, 99th percentile. Higher than the server's own
   * figure: a hundred tabs share one event loop here, and a shared answer reaches them all at
   * once, so the last tab's clock also runs while the others handle theirs.
   */
  viewerWaitP99Ms: number;
}

interface LogLine {
  time: string;
  msg: string;
  path: string;
  ms: number;
}

function resourceOf(path: string): 'events' | 'bot' | 'hosts' {
  if (path.endsWith('/participant_events')) return 'events';
  return path.endsWith('/participants') ? 'hosts' : 'bot';
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
}

interface TabsReport {
  from: number;
  to: number;
  waitsMs: number[];
  failed: number;
}

function runViewerTabs(env: Record<string, string>): Promise<TabsReport> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'viewer-tabs.ts')],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as TabsReport);
      else reject(new Error(`viewer tabs exited with ${code}: ${output}`));
    });
  });
}

/**
 * `viewers` people watch one live simulated meeting for `seconds` through the production server
 * (`dist-server/main.js`, as `npm start` runs it). Three processes, as in life: this one plays
 * Attendee (the simulator, answering in 40 ms) and counts what reaches it, the server sits in the
 * middle, and the viewers' polling runs in a third (viewer-tabs.ts), opening over 10 s.
 */
export async function measureViewers(viewers: number, seconds: number): Promise<ViewersFigures> {
  const simulator = new InstrumentedAttendee({ latencyMs: UPSTREAM_LATENCY_MS });
  simulator.addBot({ id: BOT, apiKey: KEY, meeting: { historyMinutes: 10 } });
  // JSON logs: the server's own line for each request says how long it took to answer.
  const app = await startAppUnderTest(simulator, { LOG_FORMAT: 'json' });
  try {
    const report = await runViewerTabs({
      APP_URL: app.url,
      BOT,
      KEY,
      VIEWERS: String(viewers),
      OPENING_SPREAD_MS: String(viewers > 1 ? OPENING_SPREAD_MS : 0),
      SECONDS: String(seconds),
    });
    const upstream = simulator.requests.filter((request) => {
      const at = performance.timeOrigin + request.startedAt;
      return at >= report.from && at < report.to;
    });
    const logged = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => Date.parse(line.time) >= report.from && Date.parse(line.time) < report.to);
    const served = logged.filter((line) => line.msg === 'request' && line.path.startsWith('/api/'));
    const forwarded = logged.filter((line) => line.msg === 'upstream');
    const byResource = { events: 0, bot: 0, hosts: 0 };
    for (const request of upstream) byResource[resourceOf(request.path)] += 1 / seconds;
    return {
      upstreamRps: upstream.length / seconds,
      upstreamRpsByResource: byResource,
      viewerRequests: report.waitsMs.length,
      viewerFailures: report.failed,
      proxyP99Ms: percentile(
        served.map((line) => line.ms),
        0.99,
      ),
      upstreamP99Ms: percentile(
        forwarded.map((line) => line.ms),
        0.99,
      ),
      viewerWaitP99Ms: percentile(report.waitsMs, 0.99),
    };
  } finally {
    await app.stop();
  }
}
