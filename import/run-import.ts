/**
 * Imports files into the graph as a pipeline: the read stage (import/read) finds and reads files,
 * a thread pool reads and extracts them in parallel (each file with a time budget), and one
 * writer puts the documents into Neo4j while the threads go on with the next files: whatever
 * was extracted while the previous batch was written goes into the next transaction, whole
 * documents only (graph/write.ts). At the end, the entities that lost mentions are settled. A file that cannot be read, is a duplicate, or runs past its budget
 * is reported in one line and skipped with nothing written; the others still import.
 */
import type { Driver } from 'neo4j-driver';
// the walk and the limits only: the format readers are loaded by the pool's threads, not here
import { discoverFiles, type FoundFile } from './read/walk.ts';
import { DEFAULT_MAX_FILE_BYTES } from './read/limits.ts';
import type { Skipped } from './read/skip.ts';
import { documentLookups, extractorVersion, isCurrent, refreshDerivedData, settleEntities, writeDocuments, type StoredVersion, type WriteStatus } from './write/index.ts';
import { documentId } from './ids.ts';
import { createFilePool, defaultThreads, TooSlow, type FilePool } from './workers/pool.ts';
import { acquireImportLease, type HeldLease } from './import-lease.ts';
import { graphHasDocuments } from '../graph/queries/any-document.ts';
import { stat } from 'node:fs/promises';
import type { ExtractionResult } from './types.ts';

export type SkippedFile = Skipped;

export interface ImportSummary {
  files: number;
  created: number;
  replaced: number;
  unchanged: number;
  skipped: SkippedFile[];
  entities: Record<string, number>;
  relations: number;
  /** Articles of the documents written (see segment/articles.ts). */
  articles: number;
  bytes: number;
  seconds: number;
  /** seconds the threads spent reading and extracting, summed over threads */
  workSeconds: number;
  /** seconds spent in graph writes, and the rows (nodes and relationships) they wrote */
  writeSeconds: number;
  rowsWritten: number;
  /** write transactions (each holds one or more whole documents) */
  batches: number;
  /** entities whose aggregates were recomputed after they lost mentions */
  settledEntities: number;
  threads: number;
  /** seconds of the steps after the last batch: settling entities, pair links, the hubs' lists */
  endSteps: { settle: number; pairLinks: number; hubNeighbours: number; themeProgrammes: number };
}

/** Where a running import is, for /health and progress displays. */
export interface ImportProgress {
  state: 'running' | 'done' | 'failed';
  files: number;
  done: number;
  created: number;
  replaced: number;
  unchanged: number;
  skipped: number;
  /** bytes of the files read so far */
  bytes: number;
  /** files being read or extracted right now */
  current: string[];
  seconds: number;
  error?: string;
}

export type FileOutcome = WriteStatus | 'skipped';

export interface ImportOptions {
  driver: Driver;
  database: string;
  force?: boolean;
  maxFileBytes?: number;
  /** time budget per file: this many seconds per MB (IMPORT_SECONDS_PER_MB, default 10) … */
  secondsPerMb?: number;
  /** … and never less than this (IMPORT_MIN_SECONDS, default 10) */
  minSeconds?: number;
  /** most documents in one write transaction (default IMPORT_BATCH_DOCUMENTS or 32) */
  batchDocuments?: number;
  /** threads for reading and extraction (default IMPORT_WORKERS or one per core) */
  threads?: number;
  /** seconds the import lease lasts unrenewed (default IMPORT_LEASE_SECONDS or 60; see import-lease.ts) */
  leaseSeconds?: number;
  /** a pool to reuse (its owner closes it) */
  pool?: FilePool;
  onStart?: (totalFiles: number) => void;
  onFile?: (path: string, outcome: FileOutcome, detail?: { seconds: number; bytes: number }) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** The pipeline's steps as they happen (ms since the import started): reads, look-ups, extractions, writes, end steps (bench/import-timeline.ts). */
  trace?: (ms: number, event: string) => void;
}

export const DEFAULT_SECONDS_PER_MB = 10;

/** A write transaction holds at most this many documents (IMPORT_BATCH_DOCUMENTS) … */
export const DEFAULT_BATCH_DOCUMENTS = 32;
/**
 * … and about this many nodes and relationships (IMPORT_BATCH_ROWS; a larger document goes alone). Twice as many
 * (45 transactions instead of 66 at 100x) cost the cold pass no less JVM CPU and the forced pass more (41.4 JVM s
 * against 31.8, its collector's share the most of it: a transaction that replaces documents holds their deletions too).
 */
export const DEFAULT_BATCH_ROWS = 10_000;
export const batchRows = (): number => envNumber('IMPORT_BATCH_ROWS') ?? DEFAULT_BATCH_ROWS;
/**
 * The writer waits for about half a batch before it writes, at most this long after the first
 * document queued (a transaction has a fixed cost: one document per transaction costs the
 * database about a third more CPU per row, CPU the extraction threads share on a small machine).
 */
const BATCH_WAIT_MS = 2000;
/** Extracted documents waiting for the writer before the threads wait too. */

interface Queued {
  file: FoundFile;
  result: ExtractionResult;
  bytes: number;
  elapsed: () => number;
  queuedAt: number;
}
export const DEFAULT_MIN_SECONDS = 10;

function envNumber(name: string): number | undefined {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) && v > 0 ? v : undefined;
}

export async function importPaths(paths: string[], options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const tr = options.trace ? (event: string) => options.trace!(performance.now() - started, event) : () => {};
  const envMaxMb = envNumber('IMPORT_MAX_FILE_MB');
  const maxBytes = options.maxFileBytes ?? (envMaxMb ? envMaxMb * 1024 * 1024 : DEFAULT_MAX_FILE_BYTES);
  const secondsPerMb = options.secondsPerMb ?? envNumber('IMPORT_SECONDS_PER_MB') ?? DEFAULT_SECONDS_PER_MB;
  const minSeconds = options.minSeconds ?? envNumber('IMPORT_MIN_SECONDS') ?? DEFAULT_MIN_SECONDS;
  const BATCH_DOCUMENTS = Math.floor(options.batchDocuments ?? envNumber('IMPORT_BATCH_DOCUMENTS') ?? DEFAULT_BATCH_DOCUMENTS) || 1;
  // extracted documents waiting for the writer before the threads wait too
  const MAX_QUEUED = 2 * BATCH_DOCUMENTS;
  const BATCH_ROWS = batchRows();
  const budgetMs = (bytes: number) => 1000 * Math.max(minSeconds, (secondsPerMb * bytes) / 1024 / 1024);

  const walk = await discoverFiles(paths);
  // largest first (a file that cannot be stat'ed counts as empty; equal sizes keep their path order, so that of two
  // files with the same text the first by path is the one imported): the threads end together instead of one
  // extracting the last large file alone
  const sizes = new Map(await Promise.all(walk.files.map(async (f) => [f.path, await stat(f.path).then((s) => s.size, () => 0)] as const)));
  const files = [...walk.files].sort((a, b) => sizes.get(b.path)! - sizes.get(a.path)!);
  tr('files found');
  const summary: ImportSummary = {
    files: files.length,
    created: 0,
    replaced: 0,
    unchanged: 0,
    skipped: [...walk.skipped],
    entities: {},
    relations: 0,
    articles: 0,
    bytes: 0,
    seconds: 0,
    workSeconds: 0,
    writeSeconds: 0,
    rowsWritten: 0,
    batches: 0,
    settledEntities: 0,
    threads: 0,
    endSteps: { settle: 0, pairLinks: 0, hubNeighbours: 0, themeProgrammes: 0 },
  };
  const progress: ImportProgress = { state: 'running', files: files.length, done: 0, created: 0, replaced: 0, unchanged: 0, skipped: walk.skipped.length, bytes: 0, current: [], seconds: 0 };
  const report = () => {
    progress.seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ ...progress, current: [...progress.current] });
  };
  options.onStart?.(files.length);
  report();
  if (files.length === 0) return finish();

  // one importer per database: ImportLeaseHeld (nothing written) when another import runs. With a pool given, the
  // lease is asked for while the first files are read (reading writes nothing); a file is looked up in the graph and
  // extracted only once it is held. Holding it, a graph without documents needs no per-file look-ups (`bare`): none
  // of its documents can have a file's id or text, and this import's own files are told apart by their claims below.
  let lease: HeldLease | undefined;
  const held: Promise<{ bare: boolean }> = (async () => {
    lease = await acquireImportLease(options.driver, options.database, options.leaseSeconds !== undefined ? options.leaseSeconds * 1000 : undefined);
    tr(`lease held`);
    return { bare: !(await graphHasDocuments(options.driver, options.database)) };
  })();
  // (a failure is handled where it is awaited: it ends every lane after its read, and the import fails with it)
  held.catch(() => {});
  // no more threads than files: each thread costs its start (modules, models) and its own JIT warm-up
  let pool: FilePool;
  try {
    // (threads are started only for an import that holds the lease: one that cannot have it fails at once)
    if (!options.pool) await held;
    pool = options.pool ?? (await createFilePool(Math.min(options.threads ?? defaultThreads(), files.length)));
  } catch (err) {
    await held.catch(() => {});
    await lease?.release();
    progress.state = 'failed';
    progress.error = err instanceof Error ? err.message : String(err);
    report();
    throw err;
  }
  summary.threads = pool.threads;
  const version = extractorVersion();
  // content claimed in this run: sha256 -> the path of the file that imports it (null: none, it is in the graph already)
  const seen = new Map<string, Promise<string | null>>();
  const queue: Queued[] = [];
  let queuedRows = 0;
  let extractionDone = false;
  // set while the writer waits for a fuller batch
  const waitingWriter: { wake: (() => void) | null } = { wake: null };
  let writer: Promise<void> | null = null;
  const waiting: (() => void)[] = [];
  let writeError: unknown;
  let next = 0;

  const settle = (file: FoundFile, outcome: FileOutcome, seconds: number, bytes: number, skip?: Omit<Skipped, 'path'>) => {
    if (skip) summary.skipped.push({ path: file.path, ...skip });
    if (outcome === 'skipped') progress.skipped++;
    else {
      summary[outcome]++;
      progress[outcome]++;
    }
    progress.done++;
    options.onFile?.(file.path, outcome, { seconds, bytes });
    report();
  };

  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      summary.workSeconds += (performance.now() - t) / 1000;
    }
  };

  const handle = async (file: FoundFile): Promise<void> => {
    const t0 = performance.now();
    const elapsed = () => (performance.now() - t0) / 1000;
    const size = sizes.get(file.path) ?? 0;
    let read;
    let readFailure: unknown;
    try {
      tr(`read start ${file.relativePath}`);
      read = await timed(() => pool.read(file.path, maxBytes, budgetMs(Math.min(size, maxBytes))));
      tr(`read done ${file.relativePath}`);
    } catch (err) {
      readFailure = err;
    }
    // nothing is reported, looked up or extracted before the lease is held
    const { bare } = await held;
    if (!read) return settle(file, 'skipped', elapsed(), 0, failure(readFailure, 'reading'));
    if (!read.ok) return settle(file, 'skipped', elapsed(), 0, { reason: read.reason, detail: read.detail });
    summary.bytes += read.bytes;
    progress.bytes += read.bytes;
    const id = documentId(file.relativePath);
    const duplicate = (of: string) => settle(file, 'skipped', elapsed(), read.bytes, { reason: 'duplicate', detail: `same text as ${of}, which is imported` });
    // a claim that comes to nothing (its file is a duplicate of a document in the graph) is withdrawn first
    for (let claim = seen.get(read.sha256); claim; claim = seen.get(read.sha256)) {
      const holding = await claim;
      if (holding !== null) return duplicate(holding);
    }
    // claimed before the graph is asked, so that the same text read meanwhile by another lane is a duplicate too
    let holder!: (path: string | null) => void;
    seen.set(read.sha256, new Promise((resolve) => (holder = resolve)));
    // both look-ups in one query: the thread waits for one round trip (none in a graph without documents)
    let twin: string | null = null;
    let stored: StoredVersion | null = null;
    if (bare) holder(file.relativePath);
    else {
      try {
        ({ twin, stored } = await documentLookups(options.driver, options.database, id, read.sha256));
      } finally {
        if (twin) seen.delete(read.sha256);
        holder(twin ? null : file.relativePath);
      }
    }
    tr(`${bare ? 'no look-up (graph without documents)' : 'look-up done'} ${file.relativePath}`);
    if (twin) return duplicate(twin);
    if (!options.force && isCurrent(stored, read.sha256, version)) return settle(file, 'unchanged', elapsed(), read.bytes);
    let result;
    try {
      tr(`extract start ${file.relativePath} (${read.bytes} bytes)`);
      result = await timed(() => pool.extract(file.relativePath, read.text, budgetMs(Buffer.byteLength(read.text))));
      tr(`extract end ${file.relativePath}`);
    } catch (err) {
      return settle(file, 'skipped', elapsed(), read.bytes, failure(err, 'extraction'));
    }
    // the writer takes what is queued in batches, behind the threads; a long queue makes the threads wait
    queue.push({ file, result, bytes: read.bytes, elapsed, queuedAt: performance.now() });
    queuedRows += rowsOf(result);
    startWriter();
    waitingWriter.wake?.();
    while (queue.length >= MAX_QUEUED && !writeError) await batchWritten();
  };

  const takeBatch = (): Queued[] => {
    const batch: Queued[] = [];
    let rows = 0;
    while (queue.length > 0 && batch.length < BATCH_DOCUMENTS && (batch.length === 0 || rows + rowsOf(queue[0].result) <= BATCH_ROWS)) {
      const item = queue.shift()!;
      rows += rowsOf(item.result);
      queuedRows -= rowsOf(item.result);
      batch.push(item);
    }
    return batch;
  };

  /**
   * Resolves once half a batch is queued, the first queued document has waited BATCH_WAIT_MS, or extraction is over;
   * once every file is with the threads (the last few files), only a whole batch starts a write before they are done:
   * the tail goes in one transaction rather than half a batch now and a small one after (each has its fixed cost).
   */
  const fullerBatch = async (): Promise<void> => {
    const enough = () => queuedRows >= (next >= files.length ? BATCH_ROWS : BATCH_ROWS / 2);
    while (!enough() && queue.length < BATCH_DOCUMENTS && !extractionDone && !writeError) {
      const waitMs = BATCH_WAIT_MS - (performance.now() - queue[0].queuedAt);
      if (waitMs <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          waitingWriter.wake = null;
          resolve();
        }
        waitingWriter.wake = done;
      });
    }
  };

  const writeQueued = async (): Promise<void> => {
    while (queue.length > 0 && !writeError) {
      await fullerBatch();
      const batch = takeBatch();
      try {
        lease!.check();
        const writeStarted = performance.now();
        tr(`write start: ${batch.length} documents`);
        const written = await writeDocuments(options.driver, options.database, batch.map((b) => b.result), { force: options.force, extractorVersion: version });
        summary.writeSeconds += (performance.now() - writeStarted) / 1000;
        tr(`write end: ${written.rows} rows`);
        summary.rowsWritten += written.rows;
        summary.batches++;
        written.outcomes.forEach((outcome, i) => {
          const { file, result, bytes, elapsed } = batch[i];
          if (outcome.status !== 'unchanged') {
            for (const e of result.entities) summary.entities[e.type] = (summary.entities[e.type] ?? 0) + 1;
            summary.relations += result.relations.length;
            summary.articles += result.document.articles?.length ?? 0;
          }
          settle(file, outcome.status, elapsed(), bytes);
        });
      } catch (err) {
        writeError ??= err;
      }
      for (const wake of waiting.splice(0)) wake();
    }
  };

  const startWriter = () => {
    writer ??= writeQueued().finally(() => {
      writer = null;
      for (const wake of waiting.splice(0)) wake();
      // a document queued while the writer was finishing
      if (queue.length > 0 && !writeError) startWriter();
    });
  };

  const batchWritten = () => new Promise<void>((resolve) => waiting.push(resolve));

  const lane = async () => {
    while (next < files.length && !writeError) {
      const file = files[next++];
      progress.current.push(file.relativePath);
      report();
      try {
        await handle(file);
      } finally {
        progress.current.splice(progress.current.indexOf(file.relativePath), 1);
      }
    }
  };
  try {
    // one lane more than threads: while a lane reads its next file and asks the graph about it, the threads extract the others' files
    await Promise.all(Array.from({ length: Math.min(pool.threads + 1, files.length) }, lane));
    extractionDone = true;
    waitingWriter.wake?.();
    while (writer) await writer;
    if (!writeError) {
      // the end steps assume one writer over the whole graph: make sure the lease is still ours
      tr('extraction and writes done');
      await lease!.confirm();
      tr('lease confirmed');
      // aggregates of entities that lost mentions, in this run or in an earlier one that was stopped
      const settleStarted = performance.now();
      summary.settledEntities = await settleEntities(options.driver, options.database);
      summary.endSteps.settle = (performance.now() - settleStarted) / 1000;
      tr('settled');
      // pair links, the hubs' ranked neighbour lists and the themes' programme lists follow the new facts
      const factsChanged = summary.created + summary.replaced + summary.settledEntities > 0;
      Object.assign(summary.endSteps, await refreshDerivedData(options.driver, options.database, { factsChanged }));
      summary.writeSeconds += (performance.now() - settleStarted) / 1000;
      tr(`derived data done (s: ${JSON.stringify(summary.endSteps)})`);
    }
  } catch (err) {
    writeError ??= err;
  } finally {
    if (!options.pool) await pool.close();
    await held.catch(() => {});
    await lease?.release();
    tr('lease released');
  }
  if (writeError) {
    progress.state = 'failed';
    progress.error = writeError instanceof Error ? writeError.message : String(writeError);
    report();
    throw writeError;
  }
  return finish();

  function finish(): ImportSummary {
    summary.seconds = (performance.now() - started) / 1000;
    progress.state = 'done';
    report();
    return summary;
  }
}

/** About the nodes and relationships one document writes: the document, its sections (and PART_OF), entities, mentions, relations. */
export function rowsOf(result: ExtractionResult): number {
  let mentions = 0;
  for (const e of result.entities) mentions += e.mentions.length;
  return 1 + 2 * result.document.sections.length + result.entities.length + mentions + result.relations.length;
}

function failure(err: unknown, stage: string): Omit<Skipped, 'path'> {
  if (err instanceof TooSlow) return { reason: 'too slow', detail: `${stage} ${err.message} (IMPORT_SECONDS_PER_MB); nothing was written` };
  return { reason: 'extraction failed', detail: `${stage} failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` };
}
