/**
 * How every read query of the API reaches Neo4j: an auto-commit query in a READ session
 * (the server refuses writes in it), with a transaction timeout, converted to plain JS values.
 *
 * Auto-commit instead of driver.executeQuery on purpose: executeQuery retries for up to
 * maxTransactionRetryTime (30 s) when the database is down, which would leave API callers
 * hanging; here a down database fails at once and the API answers DATABASE_UNAVAILABLE.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface ReadContext {
  driver: Driver;
  database: string;
  /** Neo4j transaction timeout for each query, in milliseconds. */
  timeoutMs: number;
}

export type Row = Record<string, unknown>;

export async function readRows(ctx: ReadContext, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const session = ctx.driver.session({ database: ctx.database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, params, { timeout: ctx.timeoutMs });
    return result.records.map((record) => toNative(record.toObject()) as Row);
  } finally {
    await session.close();
  }
}

/** Neo4j integers become numbers (our counts are far below 2^53); nodes become their properties. */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    if (neo4j.isNode(value as never)) return toNative((value as { properties: object }).properties);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = toNative(v);
    return out;
  }
  return value;
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
