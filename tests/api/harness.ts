/**
 * The API under test: our app on a free loopback port over the test run's Neo4j, with the
 * bundled corpus imported (once, when the database does not hold it yet).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';

import { projectRoot } from '../../graph/config.ts';
import { stats } from '../../graph/queries/stats.ts';
import type { ReadContext } from '../../graph/queries/run.ts';
import { importPaths } from '../../import/run-import.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import { testDriver, testNeo4j } from '../setup/neo4j.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  ms: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface RunningApp {
  server: Server;
  baseUrl: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export const CORPUS_DOCUMENTS = 5;

/** Imports the bundled corpus unless the database already holds it. */
export async function ensureCorpus(driver: Driver, database: string): Promise<void> {
  const read = { driver, database, timeoutMs: 60_000 };
  if ((await stats(read)).documents >= CORPUS_DOCUMENTS) return;
  await importPaths([join(projectRoot, 'corpus')], { driver, database });
}

/**
 * The real driver, counting the sessions opened through it (and the most open at once): a
 * request that is refused before execution must not open any.
 */
/** A read context over the test run's Neo4j with the bundled corpus imported (the graph queries' tests start here). */
export async function corpusReadContext(): Promise<ReadContext> {
  const { database } = testNeo4j();
  await ensureCorpus(testDriver(), database);
  return { driver: testDriver(), database, timeoutMs: 60_000 };
}

export function countingSessions(driver: Driver): { driver: Driver; sessions: () => number; maxOpen: () => number } {
  let opened = 0;
  let open = 0;
  let maxOpen = 0;
  const counted = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          opened++;
          maxOpen = Math.max(maxOpen, ++open);
          const session = target.session(...args);
          const close = session.close.bind(session);
          session.close = () => {
            open--;
            return close();
          };
          return session;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver: counted, sessions: () => opened, maxOpen: () => maxOpen };
}

export async function startApp(
  options: Partial<AppOptions> & { driver?: Driver; database?: string } = {},
): Promise<RunningApp> {
  const driver = options.driver ?? testDriver();
  const database = options.database ?? testNeo4j().database;
  const server = createApp({ ...options, driver, database });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    server,
    baseUrl,
    async gql(query, variables) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      return { status: res.status, ms: performance.now() - started, body };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every error has a stable code and no trace of the server's insides. */
export function expectCleanErrors(body: GraphQLResponse['body'], expect: (v: unknown) => any): void {
  expect(body.errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of body.errors ?? []) {
    expect(typeof error.extensions?.code).toBe('string');
    const text = JSON.stringify(error);
    expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|stack|Neo4jError|Neo\.ClientError/);
  }
}
