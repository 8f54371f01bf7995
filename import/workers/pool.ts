/**
 * The thread pool (piscina) that reads and extracts files, one task per thread at a time, each
 * with a time budget: a task past it is aborted, which terminates its thread (piscina starts a
 * fresh one), so a runaway file costs its budget and nothing else.
 * The budget counts the CPU time of the task's thread (Linux: /proc/self/task/<tid>/stat), so a
 * busy machine does not make a good file "too slow"; wall time is the fallback elsewhere, and a
 * task that waits far longer than its budget on a starved machine is stopped too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ExtractionResult } from '../types.ts';
import type { ReadResult } from '../read/index.ts';
import type { Task } from './task.ts';
import { EXTRACTION_RESOURCE_LIMITS } from '../runtime-limits.ts';
import { workerEntry } from './bundle.ts';

export type ReadOutcome = (ReadResult & { ok: false }) | (ReadResult & { ok: true; sha256: string });

export class TooSlow extends Error {
  constructor(readonly seconds: number, cpu: boolean) {
    super(`stopped after its time budget of ${seconds.toFixed(1)} s${cpu ? ' of CPU' : ''}`);
  }
}

/** A task may wait this many times its budget in wall time (a starved machine) before it is stopped anyway. */
const WALL_FACTOR = 30;
const POLL_MS = 100;
/** Whether this system tells the CPU time of one thread (Linux). */
const PROC_CPU = existsSync('/proc/thread-self');

/** CPU ms a thread of this process has used, or null when /proc cannot tell. */
function threadCpuMs(tid: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

export interface FilePool {
  threads: number;
  read(path: string, maxBytes: number, budgetMs: number): Promise<ReadOutcome>;
  extract(relativePath: string, text: string, budgetMs: number): Promise<ExtractionResult>;
  /**
   * Every thread extracts all of `texts` once (results dropped): the same warm-up (JIT) for each, as a
   * benchmark comparing thread counts needs. One task per thread, sent at once, so each thread takes one.
   */
  warmEveryThread(texts: { relativePath: string; text: string }[]): Promise<void>;
  close(): Promise<void>;
}

/** Threads: IMPORT_WORKERS, else one per core. */
export function defaultThreads(): number {
  const configured = Number(process.env.IMPORT_WORKERS);
  return Number.isInteger(configured) && configured > 0 ? configured : Math.max(1, availableParallelism());
}

export async function createFilePool(threads = defaultThreads()): Promise<FilePool> {
  // task.ts bundled into one module (bundle.ts), or loaded through tsx when it cannot be bundled:
  // either way the threads run the same code whether the parent runs under tsx, vitest or plain node
  const { filename, execArgv } = await workerEntry();
  const pool = new Piscina({
    filename,
    execArgv,
    // a larger young generation: extraction's garbage dies before it is copied (see runtime-limits.ts)
    resourceLimits: EXTRACTION_RESOURCE_LIMITS,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const run = async <T>(task: Task, budgetMs: number): Promise<T> => {
    const controller = new AbortController();
    const threadIdCell = new SharedArrayBuffer(4);
    const threadId = new Int32Array(threadIdCell);
    const started = performance.now();
    let startCpu: number | null = null;
    let byCpu = false;
    const timer = setInterval(() => {
      const tid = Atomics.load(threadId, 0);
      const cpu = tid > 0 ? threadCpuMs(tid) : null;
      if (cpu !== null) startCpu ??= cpu;
      const wall = performance.now() - started;
      const overCpu = cpu !== null && startCpu !== null && cpu - startCpu > budgetMs;
      // without /proc the budget is wall time; with it, a task not yet started (its thread still loading) is only
      // held to the wall-time guard
      const overWall = PROC_CPU ? wall > budgetMs * WALL_FACTOR : wall > budgetMs;
      if (overCpu || overWall) {
        byCpu = overCpu;
        controller.abort();
      }
    }, POLL_MS);
    try {
      return (await pool.run({ ...task, threadIdCell }, { signal: controller.signal })) as T;
    } catch (err) {
      if (controller.signal.aborted) throw new TooSlow((byCpu ? budgetMs : budgetMs * WALL_FACTOR) / 1000, byCpu);
      throw err;
    } finally {
      clearInterval(timer);
    }
  };
  return {
    threads,
    read: (path, maxBytes, budgetMs) => run<ReadOutcome>({ kind: 'read', path, maxBytes }, budgetMs),
    extract: (relativePath, text, budgetMs) => run<ExtractionResult>({ kind: 'extract', relativePath, text }, budgetMs),
    warmEveryThread: async (texts) => {
      const barrier = new SharedArrayBuffer(4);
      await Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'warm', texts, barrier, threads } satisfies Task)));
    },
    close: () => pool.destroy(),
  };
}
