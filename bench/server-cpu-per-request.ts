import { BOT, KEY, sixthsByCount, startBackfillMeeting } from './backfill-bench.ts';
import { walkPlainly } from './plain-walk.ts';
import { procStat } from './proc-stat.ts';

/*
 * The server's CPU for each request it forwards, round after round on one fresh `npm start`
 * process: the backfill bench's meeting walked six windows at once, six times. A fresh process
 * compiles its code as it goes, so its first rounds cost more than a running server's; this is
 * why the backfill benches warm their servers up before they time anything (backfill-bench.ts).
 * Linux only (the process's CPU is read from /proc). `npx tsx bench/server-cpu-per-request.ts`
 */

const cpuMsOf = (pid: number) => procStat(pid).cpuSeconds * 1000;

const ROUNDS = 6;
const { app, simulator, createdAt } = await startBackfillMeeting(10_000);
const eventsPath = `/api/v1/bots/${BOT}/participant_events`;
try {
  for (let round = 1; round <= ROUNDS; round++) {
    simulator.clearRequests();
    const before = cpuMsOf(app.process.pid!);
    await Promise.all(
      sixthsByCount(createdAt).map((window) => walkPlainly(app.url, eventsPath, KEY, window)),
    );
    const requests = simulator.requests.length;
    const perRequest = (cpuMsOf(app.process.pid!) - before) / requests;
    console.log(
      `server_cpu_ms_per_request_round_${round}: ${perRequest.toFixed(2)} ms (${requests} requests)`,
    );
  }
} finally {
  await app.stop();
}
