/**
 * One importer per database at a time (graph/queries/import-lease.ts): taken before an import
 * writes anything, renewed on a timer while it runs, released at its end, also when it fails. A
 * lease whose time is up is taken over; so is one whose holder was a process on this machine that
 * no longer exists (an import killed with SIGKILL need not wait for the expiry).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Driver } from 'neo4j-driver';
import { releaseImportLease, renewImportLease, takeImportLease, type LeaseHolderInfo, type LeaseState } from '../graph/queries/import-lease.ts';

/** Seconds a lease lasts without renewal (IMPORT_LEASE_SECONDS); it is renewed every third of that. */
export const DEFAULT_LEASE_SECONDS = 60;

/** Another import holds the lease: nothing was written. */
export class ImportLeaseHeld extends Error {
  override name = 'ImportLeaseHeld';
  constructor(readonly lease: LeaseState) {
    const ago = Math.max(0, Math.round((lease.now - lease.heartbeat) / 1000));
    const left = Math.max(0, Math.round((lease.expires - lease.now) / 1000));
    super(
      `another import is running since ${new Date(lease.since).toISOString()}, holder ${lease.holder} (process ${lease.pid} on ${lease.host}; ` +
        `last heard of ${ago} s ago, its lease expires in ${left} s unless renewed); nothing was written`,
    );
  }
}

/** This import's lease was taken over (it went unrenewed past its expiry): the import stops writing. */
export class ImportLeaseLost extends Error {
  override name = 'ImportLeaseLost';
}

export interface HeldLease {
  holder: string;
  /** Throws ImportLeaseLost when a renewal found the lease held by another importer, or none succeeded for a whole lease period. */
  check(): void;
  /** Renews now and throws ImportLeaseLost unless the lease is still ours (before steps that assume one writer). */
  confirm(): Promise<void>;
  /** Stops renewing and deletes the lease (when still ours). Never throws. */
  release(): Promise<void>;
}

/** Whether a process with this id runs on this machine (a process we may not signal still runs). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function leaseSecondsFromEnv(): number {
  const v = Number(process.env.IMPORT_LEASE_SECONDS);
  return process.env.IMPORT_LEASE_SECONDS !== undefined && Number.isFinite(v) && v > 0 ? v : DEFAULT_LEASE_SECONDS;
}

/** Takes the import lease or throws ImportLeaseHeld; renews it every third of `ttlMs` until released. */
export async function acquireImportLease(driver: Driver, database: string, ttlMs = leaseSecondsFromEnv() * 1000): Promise<HeldLease> {
  const me: LeaseHolderInfo = { holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, host: hostname(), pid: process.pid };
  let result = await takeImportLease(driver, database, me, ttlMs);
  if (!result.taken) {
    const other = result.lease;
    // its holder died on this machine without releasing it (SIGKILL, power cut of a child): take it over now
    if (other.host === me.host && other.pid !== process.pid && !processAlive(other.pid)) {
      result = await takeImportLease(driver, database, me, ttlMs, other.holder);
    }
    if (!result.taken) throw new ImportLeaseHeld(result.lease);
  }

  let lost: Error | null = null;
  let lastRenewed = performance.now();
  let renewing: Promise<void> | null = null;
  const renew = async () => {
    try {
      if (await renewImportLease(driver, database, me.holder, ttlMs)) lastRenewed = performance.now();
      else lost ??= new ImportLeaseLost('the import lease was taken over by another importer (this import went unrenewed past its expiry); stopped writing');
    } catch {
      // the database did not answer: tried again at the next tick; check() gives up after a whole period
    }
  };
  const timer = setInterval(() => {
    renewing ??= renew().finally(() => (renewing = null));
  }, Math.max(10, ttlMs / 3));
  timer.unref();
  const check = () => {
    if (lost) throw lost;
    if (performance.now() - lastRenewed > ttlMs) {
      lost = new ImportLeaseLost(`the import lease could not be renewed for ${Math.round(ttlMs / 1000)} s (another importer may hold it now); stopped writing`);
      throw lost;
    }
  };
  return {
    holder: me.holder,
    check,
    async confirm() {
      await renewing;
      await renew();
      check();
    },
    async release() {
      clearInterval(timer);
      await renewing;
      try {
        await releaseImportLease(driver, database, me.holder);
      } catch {
        // the database is gone: the lease expires by itself
      }
    },
  };
}
