import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureApplyBatch } from './apply-bench.ts';
import { measureBackfill } from './backfill-bench.ts';
import { measureRenderUpdate } from './render-bench.ts';

/** Prints one figure a line, `name: value unit`, as the large-meetings issue asks. */
function figure(name: string, value: number, unit: string, digits = 1) {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);

const GROUPS = ['backfill-browser', 'apply', 'render', 'bundle'] as const;
// `npm run bench -- backfill-browser render` runs just those; no argument runs everything.
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(GROUPS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown figure group ${unknown.join(', ')}; choose from ${GROUPS.join(', ')}`);
  process.exit(2);
}
const runs = (group: (typeof GROUPS)[number]) => asked.length === 0 || asked.includes(group);

if (runs('backfill-browser')) {
  const backfill = await measureBackfill(10_000);
  figure('backfill_events', backfill.events, 'events', 0);
  figure('backfill_browser_ms', backfill.browserMs, 'ms', 0);
  figure('backfill_browser_requests', backfill.browserRequests, 'requests', 0);
  figure('backfill_ceiling_ms', backfill.ceilingMs, 'ms', 0);
  figure('backfill_ceiling_requests', backfill.ceilingRequests, 'requests', 0);
  figure('backfill_sequential_ms', backfill.sequentialMs, 'ms', 0);
  figure('backfill_sequential_requests', backfill.sequentialRequests, 'requests', 0);
  const browserSpeedup = backfill.sequentialMs / backfill.browserMs;
  const ceilingSpeedup = backfill.sequentialMs / backfill.ceilingMs;
  figure('backfill_browser_speedup', browserSpeedup, 'x', 2);
  figure('backfill_ceiling_speedup', ceilingSpeedup, 'x', 2);
  figure('backfill_browser_efficiency', (100 * browserSpeedup) / ceilingSpeedup, '%', 0);
}

if (runs('apply')) figure('apply_batch_us', measureApplyBatch(200_000, 5_000, 200), 'us', 1);

if (runs('render')) {
  const render = await measureRenderUpdate(200_000, 5_000, 9);
  figure('render_history_load_ms', render.historyLoadMs, 'ms', 0);
  console.log(`render_state: ${render.present} present, ${render.eventsLoaded} events loaded`);
  figure('render_update_ms', median(render.updateMs), 'ms', 1);
  figure('render_update_max_ms', Math.max(...render.updateMs), 'ms', 1);
}

if (runs('bundle')) {
  // npm start (inside the browser benchmarks) builds the app into dist/; alone, build it here.
  if (!runs('backfill-browser') && !runs('render')) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const assets = join(import.meta.dirname, '..', 'dist', 'assets');
  const gzipBytes = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file))).length, 0);
  figure('bundle_js_gzip_kb', gzipBytes / 1024, 'kB', 1);
}
