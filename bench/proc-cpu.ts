/**
 * CPU time of processes and threads from Linux /proc (`stat`: utime and stime, in clock ticks of 1/100 s):
 * the benches' one reader of it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The name and user + system CPU seconds in a /proc `stat` file (throws when it cannot be read). */
function readStat(path: string): { name: string; seconds: number } {
  const stat = readFileSync(path, 'utf8');
  // the name is in parentheses and may hold spaces and parentheses: the fields follow the last ')'
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, close), seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}

/** CPU seconds of a whole process so far. */
export const processCpuSeconds = (pid: number | string): number => readStat(`/proc/${pid}/stat`).seconds;

/** CPU seconds of each thread of a process (by thread id); threads that end while read are left out. */
export function threadCpuSeconds(pid: number | string = 'self'): Map<number, { name: string; seconds: number }> {
  const out = new Map<number, { name: string; seconds: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(Number(tid), readStat(`/proc/${pid}/task/${tid}/stat`));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** CPU seconds of a process's threads summed by kind: the thread name with its digits as `#` (`C2 CompilerThread#`). */
export function cpuSecondsByThreadKind(pid: number | string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { name, seconds } of threadCpuSeconds(pid).values()) {
    const kind = name.replace(/\d+/g, '#');
    out[kind] = (out[kind] ?? 0) + seconds;
  }
  return out;
}
