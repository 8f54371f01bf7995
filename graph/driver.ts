import './tcp-nodelay.ts';
import './driver-integers.ts';
import neo4j, {
  type Driver, type ManagedTransaction, type QueryResult, type RecordShape,
} from 'neo4j-driver';
import { performance } from 'node:perf_hooks';

import { loadConfig, type GraphConfig } from './config.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded.ts';
import { serverTooOld } from './server-version.ts';

export interface GraphConnection {
  driver: Driver;
  uri: string;
  user: string;
  database: string;
  /** The embedded server, when this process started or reused one (null with NEO4J_URI). */
  embedded: EmbeddedNeo4j | null;
  /** Milliseconds from connectGraph() to a verified connection. */
  readyMs: number;
}

export type Params = Record<string, unknown>;

let current: GraphConnection | undefined;
let connecting: Promise<GraphConnection> | undefined;

/** The driver options every connection of the project uses. */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // Counts and ids in this graph are far below 2^53: plain JS numbers are safe and simpler.
    disableLosslessIntegers: true,
    userAgent: 'sociaal-kg',
    logging: { level: 'error', logger: (_level, message) => console.error(`[neo4j-driver] ${message}`) },
  });
}

/**
 * Connects the process to Neo4j, once: with NEO4J_URI (bolt://, neo4j://, neo4j+s://...) to
 * that server, starting nothing; otherwise to the project's embedded server (started or reused).
 */
export function connectGraph(
  config: GraphConfig = loadConfig(),
  embeddedOptions: Pick<EmbeddedOptions, 'log' | 'detach' | 'startTimeoutMs'> = {},
): Promise<GraphConnection> {
  if (current) return Promise.resolve(current);
  connecting ??= (async () => {
    const began = performance.now();
    let embedded: EmbeddedNeo4j | null = null;
    let uri: string;
    let user: string;
    let password: string;
    if (config.uri) {
      ({ uri, user } = config);
      password = config.password ?? '';
    } else {
      embedded = await startEmbeddedNeo4j({ ...config, ...embeddedOptions });
      ({ uri, user, password } = embedded);
    }
    const driver = createDriver(uri, user, password);
    try {
      const server = await driver.verifyConnectivity({ database: config.database });
      const tooOld = serverTooOld(server.agent);
      if (tooOld) throw new Error(`${uri}: ${tooOld}.`);
    } catch (error) {
      await driver.close();
      await embedded?.stop();
      throw error;
    }
    current = { driver, uri, user, database: config.database, embedded, readyMs: performance.now() - began };
    return current;
  })().finally(() => {
    connecting = undefined;
  });
  return connecting;
}

function connection(): GraphConnection {
  if (!current) throw new Error('Not connected to Neo4j: call connectGraph() first.');
  return current;
}

/** The process-wide driver (after connectGraph()). */
export function getDriver(): Driver {
  return connection().driver;
}

export function getDatabase(): string {
  return connection().database;
}

/** Closes the driver, and stops the embedded Neo4j if this process started it. */
export async function closeDriver(): Promise<void> {
  const closing = current;
  current = undefined;
  if (!closing) return;
  await closing.driver.close();
  await closing.embedded?.stop();
}

export async function verifyConnectivity(): Promise<void> {
  const { driver, database } = connection();
  await driver.verifyConnectivity({ database });
}

/** Runs one read query (own session, routed to a reader) and returns the records as objects. */
export async function readQuery<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
  const { driver, database } = connection();
  const result = await driver.executeQuery<QueryResult<T>>(cypher, params, {
    database, routing: neo4j.routing.READ,
  });
  return result.records.map((record) => record.toObject());
}

/** Runs one write query (own session, routed to the leader) and returns the records as objects. */
export async function writeQuery<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
  const { driver, database } = connection();
  const result = await driver.executeQuery<QueryResult<T>>(cypher, params, {
    database, routing: neo4j.routing.WRITE,
  });
  return result.records.map((record) => record.toObject());
}

/** Runs `work` in one retried read transaction of its own session. */
export async function readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const { driver, database } = connection();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

/** Runs `work` in one retried write transaction of its own session (e.g. one document's import). */
export async function writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const { driver, database } = connection();
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}
