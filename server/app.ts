/**
 * The HTTP application: /graphql (Yoga, GraphiQL for browsers), /schema.graphql (the SDL),
 * /health (the process lives), /ready (Neo4j answers), and the built client at /.
 * Returns a server that is not listening yet; the caller picks host and port.
 */
import '../graph/tcp-nodelay.ts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Driver } from 'neo4j-driver';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { databaseAnswers } from '../graph/queries/health.ts';
import { QueryCache, ReadGate, deadlineIn, type ReadContext } from '../graph/queries/run.ts';
import type { ApiContext } from './context.ts';
import { createLoaders } from './loaders.ts';
import { armorPlugins, executionTimeout, maskError, pageArgumentLimits } from './protection.ts';
import { DEFAULT_TIMEOUTS, MAX_BODY_BYTES, readBodyWithin, serverTimeouts, type TimeoutOptions } from './http-limits.ts';
import { securityHeaders, type SecurityHeaders } from './security-headers.ts';
import { createSchema, schemaSDL } from './schema.ts';
import { createStaticHandler } from './static.ts';
import { responseCache } from './response-cache.ts';
import { compiledExecution } from './compiled-execution.ts';
import { createWarmUp, type Execute, type WarmUp } from './warm-up.ts';

export interface AppOptions {
  driver: Driver;
  /** What /health reports about a running or finished import (npm start imports while it serves). */
  importStatus?: () => unknown;
  database: string;
  /** The built client (client/dist); absent or unbuilt: / says so. */
  clientDir?: string;
  /** Origins allowed to call /graphql from a browser ('*' for any); none: same origin only. */
  corsOrigins?: string[];
  /** Neo4j transaction timeout per query (ms); the whole execution gets one second more. */
  queryTimeoutMs?: number;
  /** Production hides field suggestions; default: NODE_ENV === 'production'. */
  production?: boolean;
  /**
   * Cache identical reads in process, dropped when the graph changes (checked at most once a
   * second). Default on; API_CACHE=0 turns it off.
   */
  cache?: boolean;
  /** Header, request and keep-alive timeouts (tests shorten them). */
  timeouts?: TimeoutOptions;
  /** Reads in flight to Neo4j at once (API_NEO4J_CONCURRENCY); the others wait their turn. */
  neo4jConcurrency?: number;
  /** How long a request may wait for its turn at Neo4j before it is answered "busy" (API_QUEUE_WAIT_MS). */
  queueWaitMs?: number;
  /**
   * Warm the read queries once the server listens (server/warm-up.ts); `server.warmUp.run()`
   * warms again, e.g. after an import. Default off (tests count sessions); npm start turns it on.
   */
  warmUp?: boolean;
}

/** The HTTP server, with the warm-up of its read path (its state is in /health). */
export type AppServer = Server & { warmUp: WarmUp };

export const DEFAULT_QUERY_TIMEOUT_MS = 5000;
/**
 * A few queries at a time keep both Neo4j's cores busy (each query also spends time in transit
 * and in this process) without making them share the CPU a hundred ways.
 */
export const DEFAULT_NEO4J_CONCURRENCY = 8;
/** Under a burst a request rather waits its turn than fails; past this it is told the server is busy. */
export const DEFAULT_QUEUE_WAIT_MS = 15_000;
/** Waiting reads beyond which new ones are refused at once (far above what 64 clients queue). */
const MAX_QUEUED_READS = 1000;

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}".`);
  return n;
}
const READY_TIMEOUT_MS = 2000;

/** CORS_ORIGINS="https://a.example,https://b.example" or "*"; unset: none. */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return undefined;
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

export function createApp(opts: AppOptions): AppServer {
  const cache = opts.cache ?? process.env.API_CACHE !== '0';
  const queueWaitMs = opts.queueWaitMs ?? positiveIntFromEnv('API_QUEUE_WAIT_MS', DEFAULT_QUEUE_WAIT_MS);
  const read: ReadContext = {
    driver: opts.driver,
    database: opts.database,
    timeoutMs: opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    cache: cache ? new QueryCache() : undefined,
    gate: new ReadGate(opts.neo4jConcurrency ?? positiveIntFromEnv('API_NEO4J_CONCURRENCY', DEFAULT_NEO4J_CONCURRENCY), MAX_QUEUED_READS),
  };
  const production = opts.production ?? process.env.NODE_ENV === 'production';
  const schema = createSchema();
  const sdl = schemaSDL(schema);
  const origins = opts.corsOrigins ?? [];

  const yoga = createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Sociaal KG — GraphQL' },
    // GraphiQL's scripts, styles and icon inlined from our own dependencies: it works offline.
    renderGraphiQL,
    landingPage: false,
    healthCheckEndpoint: '/graphql/health',
    // The body reaches Yoga already read and counted (readBodyWithin, MAX_BODY_BYTES); Yoga's own
    // 25 MB check would pipe it through a counting stream once more on every request.
    maxRequestBodySize: false,
    maskedErrors: { maskError, isDev: false },
    cors: origins.length === 0 ? false : { origin: origins.includes('*') ? '*' : origins, methods: ['GET', 'POST', 'OPTIONS'] },
    context: () => {
      const request: ReadContext = { ...read, startBy: deadlineIn(queueWaitMs) };
      return { read: request, loaders: createLoaders(request) };
    },
    plugins: [
      // First: it replaces the executor (for a repeated document), which the response cache and
      // executionTimeout then wrap.
      compiledExecution(),
      ...(read.cache ? [responseCache(read as ReadContext & { cache: QueryCache })] : []),
      // Browsers send a form POST or a GET to another site without asking first (no CORS
      // preflight): such requests must carry a header a web page cannot set cross-site.
      // JSON POSTs (the client, GraphiQL, curl -H 'content-type: application/json') need nothing.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      pageArgumentLimits(),
      ...armorPlugins(production),
      // A request may wait its turn at Neo4j, then run its queries (each within its own timeout).
      executionTimeout(queueWaitMs + read.timeoutMs + 1000),
    ],
    logging: quietLogger,
  });

  // In process, through Yoga: the same resolvers and Cypher as a caller's request, without HTTP.
  const warmUp = createWarmUp(
    async (query, variables) => {
      const res = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as Awaited<ReturnType<Execute>>;
    },
    (line) => console.log(line),
  );

  const serveStatic = createStaticHandler(opts.clientDir);
  const readBody = readBodyWithin(MAX_BODY_BYTES);
  // The GraphiQL page's inline scripts are allowed by hash: render it once to take them.
  let headers: Promise<SecurityHeaders> | undefined;
  const headersFor = () =>
    (headers ??= Promise.resolve(yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } }))
      .then((res) => res.text())
      .then(securityHeaders));

  const route = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/graphql') {
      readBody(req, res, () => void yoga(req, res));
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok', ...(opts.importStatus ? { import: opts.importStatus() } : {}), warmUp: warmUp.status() }));
      return;
    }
    if (path === '/ready') {
      void databaseAnswers({ ...read, cache: undefined, gate: undefined, timeoutMs: READY_TIMEOUT_MS }).then((ok) => {
        res.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(ok ? { status: 'ready' } : { status: 'unavailable', reason: 'Neo4j does not answer' }));
      });
      return;
    }
    if (path === '/schema.graphql') {
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': 'inline; filename="schema.graphql"',
        'Cache-Control': 'no-cache',
        ...corsHeader(origins, req.headers.origin),
      });
      res.end(req.method === 'HEAD' ? undefined : sdl);
      return;
    }
    serveStatic(req, res);
  };

  const server = createServer(serverTimeouts(opts.timeouts ?? DEFAULT_TIMEOUTS), (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    void headersFor().then((h) => (path === '/graphql' ? h.graphiql : h.page)(req, res, () => route(req, res, path)));
  }) as AppServer;
  server.warmUp = warmUp;
  if (opts.warmUp) server.once('listening', () => void warmUp.run());
  return server;
}

function corsHeader(origins: string[], origin: string | undefined): Record<string, string> {
  if (origins.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  if (origin && origins.includes(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return {};
}

/** Yoga's log: callers' mistakes (GraphQL errors) are theirs, not the server's; real failures are logged by maskError. */
const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => console.warn('[api]', ...args),
  error: (...args: unknown[]) => {
    if (args[0] instanceof Error && args[0].name === 'GraphQLError') return;
    console.error('[api]', ...args);
  },
};
