import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { procStat, TICKS_PER_SECOND } from './proc-stat.ts';

/*
 * Runs a command and says where the machine's CPU went while it ran, by kind of process:
 * `npx tsx bench/cpu-by-process.ts npm test`. Linux only (it reads /proc). `time` cannot say
 * it: Chromium's processes are not the command's waited-for children, so their CPU is missed.
 * Every process is sampled twice a second; one that lives less than half a second is missed.
 */

/** What a process is, from its command line: the rows of the table. */
function kindOf(commandLine: string): string {
  if (/chrom(e|ium)/.test(commandLine)) {
    const type = /--type=([\w-]+)/.exec(commandLine)?.[1];
    return `chromium ${type ?? 'browser'}`;
  }
  const known: [RegExp, string][] = [
    [/dist-server\/main\.js/, 'app server (dist-server/main.js)'],
    [/vitest.*(forks|workers)/, 'vitest workers (tests, simulators, Playwright)'],
    [/vitest/, 'vitest main'],
    [/vite build/, 'vite build'],
    [/oxfmt/, 'oxfmt'],
    [/oxlint|tsgolint/, 'oxlint'],
    [/typescript-native|tsgo|tsc/, 'type check'],
    [/redis-server/, 'redis-server'],
    [/tsx/, 'tsx scripts (npm run dev, …)'],
  ];
  return known.find(([pattern]) => pattern.test(commandLine))?.[1] ?? 'other';
}

/** Each live process's CPU so far, in seconds, by pid and start time (a pid can be reused). */
function sample(into: Map<string, { kind: string; seconds: number; atStart: number }>) {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const { cpuSeconds: seconds, startTicks } = procStat(pid);
      const key = `${pid}@${startTicks}`;
      const known = into.get(key);
      if (known !== undefined) {
        known.seconds = seconds;
        continue;
      }
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      into.set(key, { kind: kindOf(commandLine), seconds, atStart: seconds });
    } catch {
      // Gone between the listing and the read.
    }
  }
}

/** The machine's busy and idle CPU time so far, in seconds. */
function machineSeconds() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const idle = ticks[3]! + ticks[4]!;
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, idle: idle / TICKS_PER_SECOND };
}

const [command, ...args] = process.argv.slice(2);
if (command === undefined) throw new Error('Usage: npx tsx bench/cpu-by-process.ts <command…>');
const processes = new Map<string, { kind: string; seconds: number; atStart: number }>();
sample(processes);
const before = machineSeconds();
const startedAt = performance.now();
const child = spawn(command, args, { stdio: 'inherit' });
// What was running before the command counts only for what it did meanwhile (atStart).
const sampler = setInterval(() => sample(processes), 500);
const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
clearInterval(sampler);
sample(processes);
const after = machineSeconds();

const byKind = new Map<string, number>();
for (const { kind, seconds, atStart } of processes.values()) {
  byKind.set(kind, (byKind.get(kind) ?? 0) + seconds - atStart);
}
const wallSeconds = (performance.now() - startedAt) / 1000;
const busy = after.busy - before.busy;
console.log(
  `\nwall ${wallSeconds.toFixed(1)} s; machine busy ${busy.toFixed(1)} CPU-s, idle ${(after.idle - before.idle).toFixed(1)} CPU-s`,
);
for (const [kind, seconds] of [...byKind].sort((a, b) => b[1] - a[1])) {
  if (seconds >= 0.5) console.log(`${seconds.toFixed(1).padStart(7)} CPU-s  ${kind}`);
}
process.exitCode = code ?? 1;
