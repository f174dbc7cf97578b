import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRenderBench } from './render-bench.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the slice, without the time the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * `npx tsx bench/profile-render.ts [rounds] [out.json] [events] [--js]`: the render bench's
 * updates under Chromium's tracing, printing where the renderer's main thread spent the time
 * between a poll's response and the painted frame (the bench's marks), summed over the rounds;
 * with --js, the JS functions too (CDP sampling profiler; build with `--minify false` for names).
 * Open the file in Chromium's DevTools (Performance) for the whole picture. Run `npm run bundle`
 * first.
 */
const args = process.argv.slice(2).filter((arg) => arg !== '--js');
// The JS sampling profiler slows the page down: on only when asked for.
const sampleJs = process.argv.includes('--js');
const rounds = Number(args[0] ?? 9);
const out = args[1] ?? join(tmpdir(), 'render-trace.json');
// A shorter history loads in seconds rather than minutes; the roster is as large either way.
const events = Number(args[2] ?? 200_000);
const bench = await openRenderBench(events, 5_000);
try {
  // Warm up: the first rounds after the load pay for code not run before.
  for (let round = 0; round < 3; round += 1) await bench.timeRound(round);
  const browser = bench.page.context().browser()!;
  const cdp = await bench.page.context().newCDPSession(bench.page);
  if (sampleJs) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await browser.startTracing(bench.page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
      'v8.execute',
    ],
  });
  const updateMs: number[] = [];
  for (let round = 3; round < 3 + rounds; round += 1) {
    updateMs.push((await bench.timeRound(round)).totalMs);
  }
  const trace = await browser.stopTracing();
  writeFileSync(out, trace);
  console.log(`update_ms: ${updateMs.map((ms) => ms.toFixed(1)).join(', ')}`);
  const windows = summarise(
    (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents,
  );
  if (sampleJs) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(`${out}.cpuprofile`, JSON.stringify(profile));
    summariseJs(profile, windows);
  }
  console.log(`trace: ${out}`);
} finally {
  await bench.close();
}

/**
 * Self time by event name (and function, for JS) on the main thread, inside the marked windows.
 * Thread time (`tdur`), not wall time: on a shared machine the process waits for a core, and
 * thread time leaves the waiting out, so two runs compare even when the load differs.
 */
function summarise(events: TraceEvent[]) {
  const marks = events.filter(
    (event) => event.name === 'bench-arrived' || event.name === 'bench-painted',
  );
  const pid = marks[0]?.pid;
  const main = events.find(
    (event) =>
      event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  )?.tid;
  const windows: [number, number][] = [];
  const sorted = marks.sort((a, b) => a.ts - b.ts);
  sorted.forEach((mark, index) => {
    const next = sorted[index + 1];
    if (mark.name === 'bench-arrived' && next?.name === 'bench-painted')
      windows.push([mark.ts, next.ts]);
  });
  const slices = events
    .filter((event) => event.pid === pid && event.tid === main && event.ph === 'X' && event.dur)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const windowOf = (ts: number) => windows.findIndex(([from, to]) => ts >= from && ts < to);
  const selfUs = new Map<string, number>();
  const cpuUs = windows.map(() => 0);
  const stack: { end: number; key: string; childUs: number; us: number; ts: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      const at = windowOf(done.ts);
      if (at >= 0) {
        selfUs.set(done.key, (selfUs.get(done.key) ?? 0) + done.us - done.childUs);
        if (stack.length === 0) cpuUs[at]! += done.us;
      }
      if (stack.length > 0) stack.at(-1)!.childUs += done.us;
    }
  };
  for (const slice of slices) {
    close(slice.ts);
    const data = slice.args?.data;
    const key =
      slice.name === 'FunctionCall' || slice.name === 'EvaluateScript'
        ? `${slice.name} ${data?.functionName ?? ''} ${(data?.url ?? '').split('/').pop()}`
        : slice.name;
    const us = slice.tdur ?? slice.dur!;
    stack.push({ end: slice.ts + slice.dur!, key, childUs: 0, us, ts: slice.ts });
  }
  close(Infinity);
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const wallMs = windows.map(([from, to]) => (to - from) / 1000);
  console.log(
    `${windows.length} windows: wall median ${middle(wallMs).toFixed(1)} ms, ` +
      `main-thread CPU median ${(middle(cpuUs) / 1000).toFixed(1)} ms ` +
      `(${cpuUs.map((us) => (us / 1000).toFixed(1)).join(', ')})`,
  );
  console.log('main-thread CPU by kind, ms per round:');
  for (const [key, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${(us / 1000 / windows.length).toFixed(2).padStart(8)}  ${key}`);
  }
  return windows;
}

/** The sampling profile's JS functions inside the windows: self time and inclusive time. */
function summariseJs(profile: CpuProfile, windows: [number, number][]) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let at = profile.startTime;
  let sampled = 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const next = at + (profile.timeDeltas[index + 1] ?? 0);
    if (!windows.some(([from, to]) => at >= from && at < to)) return;
    const us = next - at;
    sampled += us;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + us);
    const names = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node))
      names.add(nameOf(node));
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  });
  const perRound = (us: number) => (us / 1000 / windows.length).toFixed(2).padStart(8);
  console.log(`sampled in the windows: ${perRound(sampled)} ms/round`);
  console.log('JS self time:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${perRound(us)} ms/round  ${name}`);
  console.log('JS inclusive time:');
  for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 50))
    console.log(`${perRound(us)} ms/round  ${name}`);
}
