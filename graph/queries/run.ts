/**
 * How every read query of the API reaches Neo4j: an auto-commit query in a READ session
 * (the server refuses writes in it), with a transaction timeout, converted to plain JS values.
 *
 * Auto-commit instead of driver.executeQuery on purpose: executeQuery retries for up to
 * maxTransactionRetryTime (30 s) when the database is down, which would leave API callers
 * hanging; here a down database fails at once and the API answers DATABASE_UNAVAILABLE.
 */
import '../tcp-nodelay.ts';
import neo4j, { type Driver, type Result, type ResultSummary } from 'neo4j-driver';
import { performance } from 'node:perf_hooks';
import pLimit, { type LimitFunction } from 'p-limit';

export interface ReadContext {
  driver: Driver;
  database: string;
  /** Neo4j transaction timeout for each query, in milliseconds. */
  timeoutMs: number;
  /** Shared result cache (see QueryCache); absent: every read goes to Neo4j. */
  cache?: QueryCache;
  /** Bounds the reads in flight to Neo4j, shared by every request of a server; absent: no bound. */
  gate?: ReadGate;
  /**
   * This request's deadline for starting a read, on the monotonic clock (`performance.now()`,
   * see deadlineIn): one still queued then is not sent.
   */
  startBy?: number;
}

/** A read refused because the server is saturated (it waited too long, or the queue is full). */
export class BusyError extends Error {
  override name = 'BusyError';
}

/**
 * A deadline `ms` from now for ReadContext.startBy. Monotonic on purpose: the wall clock can jump
 * (NTP, or a virtual machine resumed from a snapshot: in one soak run the clock stepped ~20 s
 * forward and every read then waiting in line was refused as "busy" at once), while a wait
 * measured on performance.now() is only ever the time that really passed.
 */
export function deadlineIn(ms: number): number {
  return performance.now() + ms;
}

/**
 * At most `concurrency` reads in flight to Neo4j; the others wait in line (first come, first
 * served) instead of all being sent at once. Under overload the database then works on a few
 * queries at full speed rather than on hundreds that each crawl into their timeout, and the
 * callers see a longer wait, not errors. Beyond `maxQueued` waiting reads a new one is refused
 * at once (BusyError), and a read whose request has waited past its `startBy` is not sent.
 */
export class ReadGate {
  private readonly limit: LimitFunction;

  constructor(
    concurrency: number,
    private readonly maxQueued: number,
  ) {
    this.limit = pLimit(concurrency);
  }

  run<T>(work: () => Promise<T>, startBy?: number): Promise<T> {
    if (this.limit.pendingCount >= this.maxQueued) return Promise.reject(new BusyError('The server is busy; try again shortly.'));
    // Only a read that had to wait in line can have waited too long.
    const waits = this.limit.activeCount >= this.limit.concurrency || this.limit.pendingCount > 0;
    return this.limit(() => {
      if (waits && startBy !== undefined && performance.now() > startBy) throw new BusyError('The server is busy; try again shortly.');
      return work();
    });
  }

  get active(): number {
    return this.limit.activeCount;
  }

  get queued(): number {
    return this.limit.pendingCount;
  }
}


export type Row = Record<string, unknown>;

/** Developer aid: API_PROFILE=1 runs every read with PROFILE and prints the plan with its db hits. */
const PROFILE = process.env.API_PROFILE === '1';

/** A node of a PROFILE plan as the driver returns it. */
export interface PlanNode {
  operatorType: string;
  rows: number;
  dbHits: number;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

export const totalDbHits = (p: PlanNode): number => p.dbHits + (p.children ?? []).reduce((a, c) => a + totalDbHits(c), 0);

function printProfile(p: PlanNode | false | undefined, depth = 0): void {
  if (!p) return;
  console.log(`${' '.repeat(depth * 2)}${p.operatorType} rows=${p.rows} dbHits=${p.dbHits} ${String(p.arguments?.Details ?? '').slice(0, 120)}`);
  for (const c of p.children ?? []) printProfile(c, depth + 1);
}

export async function readRows(ctx: ReadContext, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  if (ctx.cache) return ctx.cache.read(ctx, cypher, params);
  return runRead(ctx, cypher, params);
}

function runRead(ctx: ReadContext, cypher: string, params: Record<string, unknown>): Promise<Row[]> {
  return ctx.gate ? ctx.gate.run(() => sendRead(ctx, cypher, params), ctx.startBy) : sendRead(ctx, cypher, params);
}

/**
 * The API reads without notifications: Neo4j would otherwise attach its warnings (e.g. two
 * deprecation notices for the neighbourhood's `id()`) as maps of text to the summary of every
 * answer, packed by Neo4j and decoded by the driver on each request, for no reader.
 */
const READ_SESSION = { defaultAccessMode: neo4j.session.READ, notificationFilter: { minimumSeverityLevel: 'OFF' as const } };

async function sendRead(ctx: ReadContext, cypher: string, params: Record<string, unknown>): Promise<Row[]> {
  const session = ctx.driver.session({ ...READ_SESSION, database: ctx.database });
  try {
    const text = compactCypher(cypher);
    const { rows, summary } = await runWithoutCallerStack(() => collectRows(session.run(PROFILE ? `PROFILE ${text}` : text, params, { timeout: ctx.timeoutMs })));
    if (PROFILE && summary?.profile) {
      const plan = summary.profile as PlanNode;
      console.log(`--- ${totalDbHits(plan)} db hits, ${rows.length} rows: ${cypher.replace(/\s+/g, ' ').trim().slice(0, 100)}`);
      printProfile(plan);
    }
    return rows;
  } finally {
    await session.close();
  }
}

/**
 * A result's records as plain rows, each converted as it arrives, through the driver's observer
 * (Result.subscribe) instead of awaiting the Result: the driver's own promise (Result.then) keeps
 * the records in a closure that something of the driver keeps reachable after the query is done,
 * and the young-generation collector (for which every old object is alive) then copied a finished
 * request's records (~200 kB for the neighbourhood at 100x) twice and promoted them: at 100x,
 * in a loop of neighbourhood reads, 2.8 MB promoted per scavenge, a mark-compact every ~1.5 s. Here
 * the observer lets go of the rows and of the promise's resolve/reject once the query is done, so
 * whatever keeps the observer keeps nothing of the answer: 0.3 MB promoted per scavenge.
 */
function collectRows(result: Result): Promise<{ rows: Row[]; summary: ResultSummary | undefined }> {
  return new Promise((resolve, reject) => {
    let pending: { rows: Row[]; resolve: typeof resolve; reject: typeof reject } | null = { rows: [], resolve, reject };
    result.subscribe({
      onNext(record) {
        pending?.rows.push(recordRow(record));
      },
      onCompleted(summary) {
        const done = pending;
        pending = null;
        done?.resolve({ rows: done.rows, summary });
      },
      onError(error) {
        const done = pending;
        pending = null;
        done?.reject(error);
      },
    });
  });
}

/** Compacted texts by original text: our queries are a fixed set of constants (and a few built from whitelists). */
const compacted = new Map<string, string>();
const MAX_COMPACTED = 1000;

/**
 * The query text without its comments and runs of white space. The driver sends a query's text in
 * 1,400-byte chunks, each its own socket write (a system call in this process, a wake-up of
 * Neo4j's network thread): the neighbourhood's commented 6.6 kB text took five, and those writes
 * were a tenth of the server's CPU per request (a CPU profile under bench:api load). Memoised.
 */
export function compactCypher(cypher: string): string {
  let text = compacted.get(cypher);
  if (text === undefined) {
    text = stripCypher(cypher);
    if (compacted.size >= MAX_COMPACTED) compacted.clear();
    compacted.set(cypher, text);
  }
  return text;
}

/**
 * Drops `//` and `/* *\/` comments and folds white space to one blank, outside string literals
 * ('...', "...") and quoted names (`...`), which are copied as they are (escapes included).
 */
export function stripCypher(cypher: string): string {
  let out = '';
  let blank = false;
  const n = cypher.length;
  for (let i = 0; i < n; ) {
    const c = cypher[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < n && cypher[j] !== c) j += cypher[j] === '\\' && c !== '`' ? 2 : 1;
      if (blank && out.length > 0) out += ' ';
      blank = false;
      out += cypher.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && cypher[i + 1] === '/') {
      while (i < n && cypher[i] !== '\n') i++;
      blank = true;
    } else if (c === '/' && cypher[i + 1] === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      blank = true;
    } else if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      blank = true;
      i++;
    } else {
      if (blank && out.length > 0) out += ' ';
      blank = false;
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The driver captures and formats a stack trace for every query it starts (to graft the caller's
 * frames onto a later error), and with source maps on (tsx) formatting it costs more than the rest
 * of the query's client-side work. Started with no frames to capture, a failed query's error still
 * carries the driver's own stack and its message and code, which is all maskError and the log use.
 */
function runWithoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A record as a plain row (Record.toObject walks a down-compiled generator: slower, more garbage). */
function recordRow(record: { keys: readonly PropertyKey[]; get(index: number): unknown }): Row {
  const row: Row = {};
  const keys = record.keys;
  for (let i = 0; i < keys.length; i++) row[keys[i] as string] = toNative(record.get(i));
  return row;
}

/**
 * Neo4j integers become numbers (our counts are far below 2^53); nodes become their properties;
 * missing values null. The records' own maps and lists are fresh per result, so they are
 * converted in place: a large answer (a neighbourhood has thousands of edges) is not copied.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toNative(value[i]);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  // Maps (what our queries return) first: driver types are never plain objects.
  if (proto === Object.prototype || proto === null) {
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = toNative(record[key]);
    return record;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isNode(value as never)) return toNative({ ...(value as { properties: object }).properties });
  // Other driver types (relationships, temporal values): their fields as a plain object.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as object)) out[k] = toNative(v);
  return out;
}

/** Caps a user-supplied page size: at least 0, at most `max`. */
export function clampInt(value: number | null | undefined, fallback: number, max: number): number {
  const n = value === null || value === undefined || !Number.isFinite(value) ? fallback : Math.trunc(value);
  return Math.max(0, Math.min(max, n));
}

/** Neo4j wants integers, not floats, for LIMIT/SKIP. */
export function int(n: number) {
  return neo4j.int(n);
}

/** Changes whenever a document is imported, replaced or deleted (graph/write.ts stamps importedAt). */
const GRAPH_VERSION = `
  MATCH (d:Document)
  RETURN count(d) AS documents, toString(max(d.importedAt)) AS lastImport, collect(d.sha256) AS hashes`;

/**
 * In-process cache of read results for a graph that only changes on import. Identical reads
 * (same Cypher, same parameters) share one result, concurrent ones one round trip. Staleness
 * is bounded: at most once per `checkEveryMs` a cheap query reads the graph's version (document
 * count, last import time, content hashes) and the whole cache is dropped when it changed.
 * Failed reads are not kept.
 */
export class QueryCache {
  private readonly entries = new Map<string, Promise<Row[]>>();
  private version: string | undefined;
  private checkedAt = -Infinity;
  /** Bumped whenever the cache is dropped, so that caches built on top of this one can follow. */
  generation = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly maxEntries = 2000,
    private readonly checkEveryMs = 1000,
  ) {}

  async read(ctx: ReadContext, cypher: string, params: Record<string, unknown>): Promise<Row[]> {
    await this.ensureFresh(ctx);
    const key = `${cypher}\u0000${JSON.stringify(params)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, hit);
      return hit;
    }
    const loading = runRead(ctx, cypher, params);
    this.entries.set(key, loading);
    loading.catch(() => this.entries.delete(key));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return loading;
  }

  clear(): void {
    this.entries.clear();
    this.generation++;
    this.version = undefined;
    this.checkedAt = -Infinity;
  }

  /** Drops everything when the graph changed (checks at most once per checkEveryMs). */
  async ensureFresh(ctx: ReadContext): Promise<void> {
    if (performance.now() - this.checkedAt < this.checkEveryMs) return;
    this.checking ??= (async () => {
      const rows = await runRead(ctx, GRAPH_VERSION, {});
      const version = JSON.stringify(rows[0] ?? null);
      if (version !== this.version) {
        this.entries.clear();
        this.generation++;
        this.version = version;
      }
      this.checkedAt = performance.now();
    })().finally(() => {
      this.checking = undefined;
    });
    await this.checking;
  }
}
