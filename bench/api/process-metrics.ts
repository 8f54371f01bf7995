/**
 * What a Node process did in a window of time (bench:soak asks for one window a minute): memory
 * sampled every second, the event loop's delay, the garbage collector's pauses, and any step of
 * the wall clock against the monotonic one. Used in the server under test (answering over the
 * IPC channel bench:soak opens, see api-server.ts) and in the bench's own process.
 */
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { PerformanceObserver, constants, monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface MemoryFigures {
  /** Resident set size, MB: the process's own memory (anonymous) plus mapped files (code). */
  rss: number;
  /** Anonymous resident memory, MB: heap, buffers, malloc: what the process itself holds. */
  rssAnon: number;
  /** File-backed resident memory, MB: node's binary and libraries mapped in; the kernel may drop these pages at any time. */
  rssFile: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface WindowStats {
  seconds: number;
  samples: number;
  /** Medians of the 1 s samples. */
  median: MemoryFigures;
  max: MemoryFigures;
  /** Lowest heapUsed of the window: close to the live heap just after a collection. */
  heapUsedMin: number;
  /** heapUsed right after the window's last full (mark-compact) collection; null when there was none. */
  heapAfterMajorGc: number | null;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  gc: { count: number; totalMs: number; maxMs: number; major: number; majorMaxMs: number };
  /** Size (capacity, MB) of each V8 heap space at the end of the window: where heapTotal sits. */
  heapSpacesMb: Record<string, number>;
  /** Largest jump of the wall clock against the monotonic clock between two 1 s samples (ms, either sign). */
  clockStepMs: number;
}

const MB = 1024 * 1024;

function procStatusMb(pid: number | 'self'): { rss: number; rssAnon: number; rssFile: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    return { rss: kb('VmRSS'), rssAnon: kb('RssAnon'), rssFile: kb('RssFile') };
  } catch {
    return { rss: NaN, rssAnon: NaN, rssFile: NaN };
  }
}

/** Resident memory of another process (e.g. Neo4j's JVM), MB. */
export function residentMb(pid: number): { rss: number; rssAnon: number; rssFile: number } {
  return procStatusMb(pid);
}

function sampleMemory(): MemoryFigures {
  const m = process.memoryUsage();
  return {
    ...procStatusMb('self'),
    heapUsed: m.heapUsed / MB,
    heapTotal: m.heapTotal / MB,
    external: m.external / MB,
    arrayBuffers: m.arrayBuffers / MB,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const FIGURES: (keyof MemoryFigures)[] = ['rss', 'rssAnon', 'rssFile', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'];

export class ProcessMetrics {
  private samples: MemoryFigures[] = [];
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });
  private gc = { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMaxMs: 0 };
  private heapAfterMajorGc: number | null = null;
  private clockStepMs = 0;
  private windowStart = performance.now();
  private lastClock = { wall: Date.now(), mono: performance.now() };
  private readonly timer: NodeJS.Timeout;
  private readonly observer: PerformanceObserver;

  constructor() {
    this.delay.enable();
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.gc.count++;
        this.gc.totalMs += entry.duration;
        this.gc.maxMs = Math.max(this.gc.maxMs, entry.duration);
        const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
          this.gc.major++;
          this.gc.majorMaxMs = Math.max(this.gc.majorMaxMs, entry.duration);
          this.heapAfterMajorGc = process.memoryUsage().heapUsed / MB;
        }
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  private sample(): void {
    this.samples.push(sampleMemory());
    const now = { wall: Date.now(), mono: performance.now() };
    const step = now.wall - this.lastClock.wall - (now.mono - this.lastClock.mono);
    if (Math.abs(step) > Math.abs(this.clockStepMs)) this.clockStepMs = step;
    this.lastClock = now;
  }

  /** The figures since the previous call (or since start), and a fresh window. */
  window(): WindowStats {
    this.sample();
    const samples = this.samples;
    const pick = (f: (values: number[]) => number) =>
      Object.fromEntries(FIGURES.map((k) => [k, f(samples.map((s) => s[k]))])) as unknown as MemoryFigures;
    const stats: WindowStats = {
      seconds: (performance.now() - this.windowStart) / 1000,
      samples: samples.length,
      median: pick(median),
      max: pick((v) => Math.max(...v)),
      heapUsedMin: Math.min(...samples.map((s) => s.heapUsed)),
      heapAfterMajorGc: this.heapAfterMajorGc,
      eventLoopDelayMs: { p50: this.delay.percentile(50) / 1e6, p99: this.delay.percentile(99) / 1e6, max: this.delay.max / 1e6 },
      gc: { ...this.gc },
      heapSpacesMb: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, Math.round(space.space_size / MB)])),
      clockStepMs: this.clockStepMs,
    };
    this.samples = [];
    this.delay.reset();
    this.gc = { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMaxMs: 0 };
    this.heapAfterMajorGc = null;
    this.clockStepMs = 0;
    this.windowStart = performance.now();
    return stats;
  }

  stop(): void {
    clearInterval(this.timer);
    this.observer.disconnect();
    this.delay.disable();
  }
}

/**
 * In a process started with an IPC channel (bench:soak starts the server so): answers every
 * `{ type: 'metrics' }` message with the window since the previous one.
 */
export function answerMetricsOverIpc(): void {
  if (!process.send) return;
  const metrics = new ProcessMetrics();
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message?.type === 'metrics') process.send!({ type: 'metrics', id: message.id, stats: metrics.window() });
  });
  // The channel must not keep the server alive on its own.
  process.channel?.unref();
}
