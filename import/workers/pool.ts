/**
 * The thread pool (piscina) that reads and extracts files, one task per thread at a time, each
 * with a time budget: a task past it is aborted, which terminates its thread (piscina starts a
 * fresh one), so a runaway file costs its budget and nothing else.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ExtractionResult } from '../types.ts';
import type { ReadResult } from '../read/index.ts';
import type { Task } from './task.ts';

export type ReadOutcome = (ReadResult & { ok: false }) | (ReadResult & { ok: true; sha256: string });

export class TooSlow extends Error {
  constructor(readonly seconds: number) {
    super(`stopped after its time budget of ${seconds.toFixed(1)} s`);
  }
}

export interface FilePool {
  threads: number;
  read(path: string, maxBytes: number, budgetMs: number): Promise<ReadOutcome>;
  extract(relativePath: string, text: string, budgetMs: number): Promise<ExtractionResult>;
  close(): Promise<void>;
}

/** Threads: IMPORT_WORKERS, else one per core. */
export function defaultThreads(): number {
  const configured = Number(process.env.IMPORT_WORKERS);
  return Number.isInteger(configured) && configured > 0 ? configured : Math.max(1, availableParallelism());
}

export function createFilePool(threads = defaultThreads()): FilePool {
  const pool = new Piscina({
    filename: new URL('./task.ts', import.meta.url).href,
    // the threads load TypeScript through tsx, whether the parent runs under tsx, vitest or plain node
    execArgv: ['--import', 'tsx'],
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const run = async <T>(task: Task, budgetMs: number): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budgetMs);
    try {
      return (await pool.run(task, { signal: controller.signal })) as T;
    } catch (err) {
      if (controller.signal.aborted) throw new TooSlow(budgetMs / 1000);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    threads,
    read: (path, maxBytes, budgetMs) => run<ReadOutcome>({ kind: 'read', path, maxBytes }, budgetMs),
    extract: (relativePath, text, budgetMs) => run<ExtractionResult>({ kind: 'extract', relativePath, text }, budgetMs),
    close: () => pool.destroy(),
  };
}
