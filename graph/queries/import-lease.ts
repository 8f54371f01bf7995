/**
 * The import lease: one `(:ImportLease {name: 'import'})` node per database says who is importing.
 * The write path assumes one writer (entity names are merged in Node, the pair-link ledger has one
 * refresher), so an importer takes the lease before it writes, renews it while it runs and deletes it
 * at the end. Times are the database's clock (`timestamp()`, ms since 1970), so importers on
 * machines whose clocks differ agree on when a lease has expired.
 *
 * Taking is atomic: a unique constraint on `name` makes concurrent MERGEs meet on one node, and the
 * node is write-locked (`SET l._lock`) before its holder is read, so two importers never both see
 * it free (Neo4j's advice against lost updates under read-committed isolation).
 */
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { IMPORT_PLAN } from '../import-plans.ts';

export const IMPORT_LEASE_NAME = 'import';

export interface LeaseHolderInfo {
  /** a token unique to one import run */
  holder: string;
  host: string;
  pid: number;
}

/** The lease as the database holds it, with the database's clock at the moment it was read. */
export interface LeaseState extends LeaseHolderInfo {
  since: number;
  heartbeat: number;
  expires: number;
  now: number;
}

export type TakeResult = { taken: true; lease: LeaseState } | { taken: false; lease: LeaseState };

const constraintMade = new Set<string>();

/** The unique constraint that makes taking atomic (made once per database and process; safe to repeat). */
export async function ensureLeaseConstraint(driver: Driver, database: string): Promise<void> {
  if (constraintMade.has(database)) return;
  await driver.executeQuery('CREATE CONSTRAINT import_lease_name_unique IF NOT EXISTS FOR (l:ImportLease) REQUIRE l.name IS UNIQUE', {}, { database });
  constraintMade.add(database);
}

const TAKE = `${IMPORT_PLAN}
MERGE (l:ImportLease {name: $name})
SET l._lock = true
WITH l, timestamp() AS now
WITH l, now, l.holder IS NULL OR l.expires < now OR l.holder = $holder OR coalesce(l.holder = $takeOver, false) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET l.holder = $holder, l.host = $host, l.pid = $pid, l.since = now, l.heartbeat = now, l.expires = now + $ttlMs)
REMOVE l._lock
RETURN free AS taken, l.holder AS holder, l.host AS host, l.pid AS pid, l.since AS since, l.heartbeat AS heartbeat, l.expires AS expires, now`;

/**
 * Takes the lease for `ttlMs` when nobody holds it, its holder's time is up, or it is held by
 * `takeOver` (a holder the caller found dead); otherwise reports who holds it.
 */
export async function takeImportLease(
  driver: Driver,
  database: string,
  me: LeaseHolderInfo,
  ttlMs: number,
  takeOver: string | null = null,
): Promise<TakeResult> {
  await ensureLeaseConstraint(driver, database);
  const res = await driver.executeQuery(
    TAKE,
    { name: IMPORT_LEASE_NAME, holder: me.holder, host: me.host, pid: neo4j.int(me.pid), ttlMs: neo4j.int(Math.round(ttlMs)), takeOver },
    { database },
  );
  const r = res.records[0];
  return { taken: r.get('taken') === true, lease: leaseFrom(r) };
}

/** Moves the expiry `ttlMs` past now when `holder` still holds the lease; false when it does not (taken over, or deleted). */
export async function renewImportLease(driver: Driver, database: string, holder: string, ttlMs: number): Promise<boolean> {
  const res = await driver.executeQuery(
    `${IMPORT_PLAN}MATCH (l:ImportLease {name: $name}) WHERE l.holder = $holder
     WITH l, timestamp() AS now SET l.heartbeat = now, l.expires = now + $ttlMs
     RETURN count(l) AS renewed`,
    { name: IMPORT_LEASE_NAME, holder, ttlMs: neo4j.int(Math.round(ttlMs)) },
    { database },
  );
  return Number(res.records[0].get('renewed')) > 0;
}

/** Deletes the lease when `holder` holds it (never another importer's); true when it did. */
export async function releaseImportLease(driver: Driver, database: string, holder: string): Promise<boolean> {
  const res = await driver.executeQuery(
    `${IMPORT_PLAN}MATCH (l:ImportLease {name: $name}) WHERE l.holder = $holder
     DELETE l
     RETURN count(*) AS released`,
    { name: IMPORT_LEASE_NAME, holder },
    { database },
  );
  return Number(res.records[0].get('released')) > 0;
}

/** The lease as stored now, or null when nobody holds one. */
export async function currentImportLease(driver: Driver, database: string): Promise<LeaseState | null> {
  const res = await driver.executeQuery(
    `MATCH (l:ImportLease {name: $name}) WHERE l.holder IS NOT NULL
     RETURN l.holder AS holder, l.host AS host, l.pid AS pid, l.since AS since, l.heartbeat AS heartbeat, l.expires AS expires, timestamp() AS now`,
    { name: IMPORT_LEASE_NAME },
    { database },
  );
  const r = res.records[0];
  if (!r) return null;
  return leaseFrom(r);
}

/** The lease's fields of a row that returns them under their own names (with the database's `now`). */
function leaseFrom(r: Neo4jRecord): LeaseState {
  return {
    holder: r.get('holder') as string,
    host: r.get('host') as string,
    pid: Number(r.get('pid')),
    since: Number(r.get('since')),
    heartbeat: Number(r.get('heartbeat')),
    expires: Number(r.get('expires')),
    now: Number(r.get('now')),
  };
}
