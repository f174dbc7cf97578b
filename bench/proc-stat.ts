import { readFileSync } from 'node:fs';

/** Linux's clock ticks a second, the unit of /proc's CPU times. */
export const TICKS_PER_SECOND = 100;

/**
 * A process's CPU so far (user and system, all its threads) and when it started, from
 * /proc/<pid>/stat. Its name, in parentheses, may hold spaces and parentheses of its own: the
 * fields are counted from the last ')'.
 */
export function procStat(pid: number | string): { cpuSeconds: number; startTicks: string } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime and starttime: the 14th, 15th and 22nd fields of the line.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  return { cpuSeconds, startTicks: fields[19]! };
}
