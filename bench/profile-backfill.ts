import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { LoggedRequest } from '../server/testing/instrumented-attendee.ts';
import { loadInChromium, sixthsByCount, startBackfillMeeting } from './backfill-bench.ts';
import { walkPlainly } from './plain-walk.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * `npx tsx bench/profile-backfill.ts [out.cpuprofile]` (default: the system's temp folder): the backfill bench's page load under
 * Chromium's sampling profiler (CDP Profiler), printing where the main thread spent its time.
 * Open the file in Chromium's DevTools (Performance) for the whole picture.
 */
const out = process.argv[2] ?? join(tmpdir(), 'backfill.cpuprofile');
const shape = process.argv[3] === 'bursty' ? 'bursty' : 'even';
const { app, simulator, createdAt, presentAtEnd } = await startBackfillMeeting(10_000, shape);

/** CPU time of this process's Chromium, by kind of process (renderer, gpu, network, browser). */
function chromiumCpuSeconds(): Map<string, number> {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,cputimes=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [pid, ppid, cpu, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), cpu: Number(cpu), args: args.join(' ') };
    });
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (ours.has(row.ppid) && !ours.has(row.pid)) {
        ours.add(row.pid);
        grew = true;
      }
    }
  }
  const byKind = new Map<string, number>();
  for (const row of rows) {
    if (!ours.has(row.pid) || !row.args.includes('chromium')) continue;
    const kind =
      /--type=(\S+)/.exec(row.args)?.[1] === 'utility'
        ? (/--utility-sub-type=(\S+)/.exec(row.args)?.[1] ?? 'utility')
        : (/--type=(\S+)/.exec(row.args)?.[1] ?? 'browser');
    byKind.set(kind, (byKind.get(kind) ?? 0) + row.cpu);
  }
  return byKind;
}

/** How busy the server was kept, and how long a window took between two of its pages. */
function describeServerLoad(who: string, requests: readonly LoggedRequest[]) {
  const pages = requests.filter((request) => request.path.endsWith('/participant_events'));
  const end = (request: LoggedRequest) => request.finishedAt ?? request.startedAt;
  const from = Math.min(...pages.map((request) => request.startedAt));
  const to = Math.max(...pages.map(end));
  const busy = pages.reduce((sum, request) => sum + end(request) - request.startedAt, 0);
  const chains = new Map<string, LoggedRequest[]>();
  for (const page of pages) {
    const chain = `${page.query.after ?? ''}/${page.query.before ?? ''}`;
    chains.set(chain, [...(chains.get(chain) ?? []), page]);
  }
  const gaps = [...chains.values()]
    .flatMap((chain) => chain.slice(1).map((page, index) => page.startedAt - end(chain[index]!)))
    .sort((a, b) => a - b);
  const at = (q: number) => (gaps[Math.floor(q * (gaps.length - 1))] ?? 0).toFixed(0);
  console.log(
    `${who}: ${pages.length} pages in ${(to - from).toFixed(0)} ms at the server, ` +
      `${(busy / (to - from)).toFixed(2)} in flight on average; ` +
      `from a page's answer to its window's next request: median ${at(0.5)} ms, p90 ${at(0.9)} ms`,
  );
  const samples: number[] = [];
  for (let t = from; t < to; t += 250) {
    samples.push(pages.filter((page) => page.startedAt <= t && end(page) > t).length);
  }
  console.log(`${who}: in flight at the server every 250 ms: ${samples.join(' ')}`);
}

interface BrowserTiming {
  name: string;
  startTime: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
}

/**
 * Where a request's time went, as the page saw it (Resource Timing): waiting in the browser for a
 * connection, on the wire (proxy and upstream), and, between a window's answer and its next
 * request, on the page (its own work, or waiting for its turn on the main thread).
 */
function describeBrowserTimings(entries: readonly BrowserTiming[]) {
  const quantiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(0);
    return `median ${at(0.5)} ms, p90 ${at(0.9)} ms`;
  };
  const chains = new Map<string, BrowserTiming[]>();
  for (const entry of entries) {
    const url = new URL(entry.name);
    const chain = `${url.searchParams.get('after') ?? ''}/${url.searchParams.get('before') ?? ''}`;
    chains.set(chain, [...(chains.get(chain) ?? []), entry]);
  }
  const pageGaps = [...chains.values()].flatMap((chain) =>
    chain.slice(1).map((entry, index) => entry.startTime - chain[index]!.responseEnd),
  );
  const firstAnswer = Math.min(...entries.map((entry) => entry.responseEnd));
  const atOnce = entries.filter((entry) => entry.startTime < firstAnswer).length;
  console.log(`browser: ${entries.length} requests, ${atOnce} asked for before the first answer`);
  console.log(
    `  waiting for a connection: ${quantiles(entries.map((e) => e.requestStart - e.startTime))}`,
  );
  console.log(`  on the wire: ${quantiles(entries.map((e) => e.responseEnd - e.requestStart))}`);
  console.log(`  from a window's answer to its next fetch(): ${quantiles(pageGaps)}`);
  const from = Math.min(...entries.map((e) => e.startTime));
  const to = Math.max(...entries.map((e) => e.responseEnd));
  const asked: number[] = [];
  const sent: number[] = [];
  for (let t = from; t < to; t += 250) {
    asked.push(entries.filter((e) => e.startTime <= t && e.responseEnd > t).length);
    sent.push(entries.filter((e) => e.requestStart <= t && e.responseEnd > t).length);
  }
  console.log(`  asked for (fetch called, not answered) every 250 ms: ${asked.join(' ')}`);
  console.log(`  on the wire every 250 ms: ${sent.join(' ')}`);
}

try {
  let profile: Profile | null = null;
  const ms = await loadInChromium(
    app.url,
    async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      await page.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
      const cpuBefore = chromiumCpuSeconds();
      return async () => {
        const { startedAt, doneAt } = await page.evaluate(
          () =>
            (window as unknown as { __backfill: { startedAt: number; doneAt: number } }).__backfill,
        );
        const requests = await page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
            ({ name, startTime, requestStart, responseStart, responseEnd }) => ({
              name,
              startTime,
              requestStart,
              responseStart,
              responseEnd,
            }),
          ),
        );
        const events = requests.filter((entry) => entry.name.includes('/participant_events'));
        const firstAsked = Math.min(...events.map((entry) => entry.startTime));
        // The live tail's polls, after the history, are requests for events too: not these.
        const lastAnswered = Math.max(
          ...events.map((entry) => entry.responseEnd).filter((end) => end <= doneAt),
        );
        console.log(
          `from Watch to the first request for events: ${(firstAsked - startedAt).toFixed(0)} ms; ` +
            `from the last answer to the full roster: ${(doneAt - lastAnswered).toFixed(0)} ms`,
        );
        const leadIn = requests
          .filter((entry) => entry.startTime >= startedAt && entry.startTime <= firstAsked)
          .map(
            (entry) =>
              `${(entry.startTime - startedAt).toFixed(0)}-${(entry.responseEnd - startedAt).toFixed(0)} ms ${new URL(entry.name).pathname}`,
          );
        console.log(`requests from Watch to the first for events:\n  ${leadIn.join('\n  ')}`);
        describeBrowserTimings(events);
        const cpu = chromiumCpuSeconds();
        for (const [kind, seconds] of cpu) {
          console.log(
            `chromium ${kind}: ${(seconds - (cpuBefore.get(kind) ?? 0)).toFixed(1)} s of CPU`,
          );
        }
        profile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
      };
    },
    presentAtEnd,
  );
  console.log(`backfill_browser_ms: ${ms.toFixed(0)} ms`);
  describeServerLoad('the page', simulator.requests);
  const recorded = profile as Profile | null;
  if (recorded) {
    writeFileSync(out, JSON.stringify(recorded));
    const selfMs = new Map<number, number>();
    recorded.samples.forEach((id, index) =>
      selfMs.set(id, (selfMs.get(id) ?? 0) + (recorded.timeDeltas[index] ?? 0) / 1000),
    );
    const byFunction = new Map<string, number>();
    let busyMs = 0;
    for (const node of recorded.nodes) {
      const ms = selfMs.get(node.id) ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName !== '(idle)' && functionName !== '(program)') busyMs += ms;
      const file = url.split('/').pop() ?? '';
      const name = `${functionName || '(anonymous)'} ${file}:${lineNumber}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
    console.log(`main thread busy (not idle or program): ${busyMs.toFixed(0)} ms`);
    console.log('self time:');
    for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
    }
    // Inclusive time: each sample counts once for every function on its stack.
    const parent = new Map<number, number>();
    for (const node of recorded.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(recorded.nodes.map((node) => [node.id, node]));
    const nameOf = (node: ProfileNode) =>
      `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber}`;
    const inclusive = new Map<string, number>();
    for (const [id, ms] of selfMs) {
      const names = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        names.add(nameOf(byId.get(at)!));
      }
      for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
    console.log('inclusive time:');
    for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 45)) {
      console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
    }
  }
  simulator.clearRequests();
  const eventsPath = '/api/v1/bots/bot_benchBackfill001/participant_events';
  await Promise.all(
    sixthsByCount(createdAt).map((window) => walkPlainly(app.url, eventsPath, 'bench-key', window)),
  );
  describeServerLoad('six plain walks', simulator.requests);
} finally {
  await app.stop();
}
