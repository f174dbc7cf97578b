import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureApplyBatch } from './apply-bench.ts';
import { measureBackfill } from './backfill-bench.ts';
import { measureBackfillH2 } from './backfill-h2-bench.ts';
import { measureRenderUpdate } from './render-bench.ts';
import { measureRewindStep } from './rewind-bench.ts';
import { measureBundle } from './bundle-size.ts';
import { measurePush } from './push-bench.ts';
import { measureViewers } from './viewers-bench.ts';
import { measureIdleWallRate } from './wall-bench.ts';
import { measureSeriesLoad } from './series-bench.ts';

/** Prints one figure a line, `name: value unit`, as the large-meetings issue asks. */
function figure(name: string, value: number, unit: string, digits = 1) {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The value at `fraction` of the sorted values (nearest rank). */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)]!;
}

// `npm run bench -- rewind` runs one set of figures alone; no name runs them all.
const only = process.argv[2];
const runs = (name: string) => only === undefined || only === name;
const FIGURE_SETS = [
  'backfill-browser',
  'backfill-h2',
  'series',
  'apply',
  'rewind',
  'render',
  'wall',
  'bundle',
  'viewers',
  'push',
];
if (only !== undefined && !FIGURE_SETS.includes(only)) {
  throw new Error(`Unknown figure set "${only}": one of ${FIGURE_SETS.join(', ')}`);
}

console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`,
);

if (runs('backfill-browser')) {
  // The same events twice: spread evenly, and in bursts as a real meeting has them.
  for (const shape of ['even', 'bursty'] as const) {
    const backfill = await measureBackfill(10_000, shape);
    const suffix = shape === 'even' ? '' : `_${shape}`;
    const print = (name: string, value: number, unit: string, digits = 0) =>
      figure(`backfill_${name}${suffix}`, value, unit, digits);
    print('events', backfill.events, 'events');
    print('browser_ms', backfill.browserMs, 'ms');
    print('browser_requests', backfill.browserRequests, 'requests');
    print('ceiling_ms', backfill.ceilingMs, 'ms');
    print('ceiling_requests', backfill.ceilingRequests, 'requests');
    print('sequential_ms', backfill.sequentialMs, 'ms');
    print('sequential_requests', backfill.sequentialRequests, 'requests');
    const browserSpeedup = backfill.sequentialMs / backfill.browserMs;
    const ceilingSpeedup = backfill.sequentialMs / backfill.ceilingMs;
    print('browser_speedup', browserSpeedup, 'x', 2);
    print('ceiling_speedup', ceilingSpeedup, 'x', 2);
    print('browser_efficiency', (100 * browserSpeedup) / ceilingSpeedup, '%', 1);
    // The page against the same walks run by Chromium: what the page itself costs, apart from
    // what any browser here costs per request.
    print('ceiling_in_chromium_ms', backfill.ceilingInChromiumMs, 'ms');
    print(
      'browser_efficiency_in_chromium',
      (100 * backfill.ceilingInChromiumMs) / backfill.browserMs,
      '%',
      1,
    );
  }
}

if (runs('backfill-h2')) {
  const h2 = await measureBackfillH2(10_000);
  figure('backfill_h2_ms', h2.h2Ms, 'ms', 0);
  figure('backfill_h2_requests', h2.h2Requests, 'requests', 0);
  figure('backfill_h2_sequential_ms', h2.sequentialMs, 'ms', 0);
  figure('backfill_h2_speedup', h2.sequentialMs / h2.h2Ms, 'x', 2);
  // What Attendee sees of one viewer: the page's windows, each forwarded as it comes.
  figure('backfill_h2_peak_upstream_in_flight', h2.peakUpstreamInFlight, 'requests', 0);
}

if (runs('series')) {
  // Twelve ended meetings of one series, 1,000 events each, through npm start in Chromium.
  const series = await measureSeriesLoad(12, 1_000);
  figure('series_12_load_ms', series.loadMs, 'ms', 0);
  figure('series_12_load_requests', series.loadRequests, 'requests', 0);
  figure('series_12_load_mean_in_flight', series.loadMeanInFlight, 'requests', 2);
  figure('series_12_sequential_ms', series.sequentialMs, 'ms', 0);
  figure('series_12_sequential_requests', series.sequentialRequests, 'requests', 0);
  figure('series_12_speedup', series.sequentialMs / series.loadMs, 'x', 2);
}

if (runs('apply')) figure('apply_batch_us', measureApplyBatch(200_000, 5_000, 200), 'us', 1);

if (runs('rewind')) figure('rewind_step_ms', measureRewindStep(200_000, 5_000, 51), 'ms', 2);

if (runs('render')) {
  const render = await measureRenderUpdate(200_000, 5_000, 15);
  figure('render_history_load_ms', render.historyLoadMs, 'ms', 0);
  console.log(`render_state: ${render.present} present, ${render.eventsLoaded} events loaded`);
  const total = render.updates.map((update) => update.totalMs);
  figure('render_update_ms', median(total), 'ms', 1);
  figure('render_update_max_ms', Math.max(...total), 'ms', 1);
  // The same rounds split (render-bench.ts): the page's own work, and the wait between its
  // commit and the display's next refresh, which no code of ours shortens.
  figure('render_update_work_ms', median(render.updates.map((u) => u.workMs)), 'ms', 1);
  figure('render_refresh_wait_ms', median(render.updates.map((u) => u.refreshWaitMs)), 'ms', 1);
}

if (runs('wall')) {
  const wall = await measureIdleWallRate(60_000);
  console.log(`wall_12_idle_requests: ${JSON.stringify(wall.byResource)} in 60 s`);
  figure('wall_12_idle_rps', wall.requestsPerSecond, 'requests/s', 2);
}

if (runs('bundle')) {
  // `npm run bench` has just built the app into dist/. Budgets: 90 kB before the first Watch,
  // 120 kB in all.
  const bundle = measureBundle(join(import.meta.dirname, '..', 'dist'));
  // KiB (1,024 bytes), as the budget has always been measured here.
  figure('initial_js_gzip_kb', bundle.initialGzipKb, 'KiB', 1);
  figure('bundle_js_gzip_kb', bundle.totalGzipKb, 'KiB', 1);
  figure('initial_js_brotli_kb', bundle.initialBrotliKb, 'KiB', 1);
  figure('bundle_js_brotli_kb', bundle.totalBrotliKb, 'KiB', 1);
}

if (runs('viewers')) {
  const one = await measureViewers(1, 60);
  const hundred = await measureViewers(100, 60);
  figure('viewers_1_upstream_rps', one.upstreamRps, 'rps', 2);
  figure('viewers_100_upstream_rps', hundred.upstreamRps, 'rps', 2);
  for (const [resource, rps] of Object.entries(hundred.upstreamRpsByResource)) {
    figure(`viewers_100_upstream_rps_${resource}`, rps, 'rps', 2);
  }
  figure('viewers_100_to_1_ratio', hundred.upstreamRps / one.upstreamRps, 'x', 2);
  figure('viewers_100_requests', hundred.viewerRequests, 'requests', 0);
  figure('viewers_100_failed_requests', hundred.viewerFailures, 'requests', 0);
  figure('proxy_p99_ms', hundred.proxyP99Ms, 'ms', 0);
  figure('upstream_p99_ms', hundred.upstreamP99Ms, 'ms', 0);
  figure('proxy_over_upstream_p99_ms', hundred.proxyP99Ms - hundred.upstreamP99Ms, 'ms', 0);
  figure('viewer_wait_p99_ms', hundred.viewerWaitP99Ms, 'ms', 0);
}

if (runs('push')) {
  const push = await measurePush(40, 500);
  figure('push_join_to_screen_ms_p50', percentile(push.pushJoinMs, 0.5), 'ms', 0);
  figure('push_join_to_screen_ms_p95', percentile(push.pushJoinMs, 0.95), 'ms', 0);
  figure('poll_join_to_screen_ms_p50', percentile(push.pollJoinMs, 0.5), 'ms', 0);
  figure('poll_join_to_screen_ms_p95', percentile(push.pollJoinMs, 0.95), 'ms', 0);
  figure('push_fanout_ms_p50', percentile(push.fanoutMs, 0.5), 'ms', 0);
  figure('push_fanout_ms_p99', percentile(push.fanoutMs, 0.99), 'ms', 0);
}
