/**
 * Follows the embedded Neo4j's logs during bench:soak and sums them up per window: the JVM's
 * collection and safepoint pauses (logs/gc.log, written by the -Xlog option in graph/embedded.ts)
 * and the notable lines of debug.log (warnings, errors, checkpoints, log rotation).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Reads what was appended to a file since the last call (whole lines only). */
class LogTail {
  private offset = 0;
  private rest = '';

  constructor(private readonly file: string) {}

  newLines(): string[] {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return [];
    }
    if (size < this.offset) {
      // rotated or truncated: start over on the new file
      this.offset = 0;
      this.rest = '';
    }
    if (size === this.offset) return [];
    const buffer = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      closeSync(fd);
    }
    this.offset = size;
    const lines = (this.rest + buffer.toString('utf8')).split('\n');
    this.rest = lines.pop() ?? '';
    return lines;
  }
}

export interface JvmWindow {
  /** Stop-the-world collection pauses (young, mixed, remark, cleanup, full). */
  pauses: number;
  pauseTotalMs: number;
  pauseMaxMs: number;
  /** The longest pause, e.g. "Pause Young (Normal) (G1 Evacuation Pause)". */
  pauseMaxKind: string;
  fullGcs: number;
  /** Heap in use after the window's last pause, and the heap's size (MB). */
  heapAfterMb: number | null;
  heapSizeMb: number | null;
  /** Longest safepoint (all threads stopped) and longest wait for threads to reach one, ms. */
  safepointMaxMs: number;
  timeToSafepointMaxMs: number;
}

const PAUSE = /\[gc\s*\]\s+GC\(\d+\)\s+(Pause .*?)\s+(\d+)M->(\d+)M\((\d+)M\)\s+([\d.]+)ms/;
const SAFEPOINT = /\[safepoint\s*\]\s+Safepoint "[^"]*".*?Reaching safepoint: (\d+) ns.*?Total: (\d+) ns/;
const NOTABLE = /\b(WARN|ERROR)\b|[Cc]heckpoint|[Rr]otat|[Pp]runing/;

export class Neo4jLogs {
  private readonly gc: LogTail;
  private readonly debug: LogTail;

  constructor(gcLog: string, debugLog: string) {
    this.gc = new LogTail(gcLog);
    this.debug = new LogTail(debugLog);
    // only what happens from now on
    this.gc.newLines();
    this.debug.newLines();
  }

  window(): { jvm: JvmWindow; debugLog: { notable: number; lines: string[] } } {
    const jvm: JvmWindow = {
      pauses: 0, pauseTotalMs: 0, pauseMaxMs: 0, pauseMaxKind: '', fullGcs: 0,
      heapAfterMb: null, heapSizeMb: null, safepointMaxMs: 0, timeToSafepointMaxMs: 0,
    };
    for (const line of this.gc.newLines()) {
      const pause = PAUSE.exec(line);
      if (pause) {
        const ms = Number(pause[5]);
        jvm.pauses++;
        jvm.pauseTotalMs += ms;
        if (ms > jvm.pauseMaxMs) {
          jvm.pauseMaxMs = ms;
          jvm.pauseMaxKind = pause[1];
        }
        if (pause[1].startsWith('Pause Full')) jvm.fullGcs++;
        jvm.heapAfterMb = Number(pause[3]);
        jvm.heapSizeMb = Number(pause[4]);
        continue;
      }
      const safepoint = SAFEPOINT.exec(line);
      if (safepoint) {
        jvm.timeToSafepointMaxMs = Math.max(jvm.timeToSafepointMaxMs, Number(safepoint[1]) / 1e6);
        jvm.safepointMaxMs = Math.max(jvm.safepointMaxMs, Number(safepoint[2]) / 1e6);
      }
    }
    const notable = this.debug.newLines().filter((l) => NOTABLE.test(l));
    return { jvm, debugLog: { notable: notable.length, lines: notable.slice(0, 5).map((l) => l.slice(0, 300)) } };
  }
}
