/**
 * The main job (`npm start`): start or find Neo4j, set up the schema, build the client if needed,
 * serve API and client on one port, and import the bundled corpus meanwhile (unchanged documents
 * are skipped; progress on the console and in /health).
 */
import './heap-policy.ts';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '../graph/config.ts';
import { connectGraph, closeDriver } from '../graph/driver.ts';
import { ensureSchema } from '../graph/schema.ts';
import { importPaths, type ImportProgress } from '../import/run-import.ts';
import { progressDisplay } from '../import/progress.ts';
import { describeError } from '../import/errors.ts';
import { corsOriginsFromEnv, createApp, DEFAULT_QUERY_TIMEOUT_MS } from './app.ts';
import { clientDist, ensureClientBuilt } from './client-build.ts';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await connectGraph(config);
  const where = connection.embedded
    ? `${connection.embedded.reused ? 'reusing the running' : 'started the'} embedded Neo4j at ${connection.uri} (data: ${connection.embedded.dataDir})`
    : `using Neo4j at ${connection.uri}`;
  console.log(`[${seconds()} s] Neo4j ready: ${where}`);

  await ensureSchema(connection.driver, connection.database);
  if (await ensureClientBuilt()) console.log(`[${seconds()} s] Client built`);
  const corpus = process.env.CORPUS_DIR ?? join(projectRoot, 'corpus');
  let importProgress: (ImportProgress & { folder: string }) | { state: 'starting'; folder: string } = { state: 'starting', folder: corpus };

  const queryTimeoutMs = Number(process.env.QUERY_TIMEOUT_MS ?? DEFAULT_QUERY_TIMEOUT_MS);
  if (!Number.isFinite(queryTimeoutMs) || queryTimeoutMs <= 0) throw new Error(`QUERY_TIMEOUT_MS must be a positive number of milliseconds, got "${process.env.QUERY_TIMEOUT_MS}".`);
  const server = createApp({
    driver: connection.driver,
    database: connection.database,
    clientDir: clientDist,
    corsOrigins: corsOriginsFromEnv(),
    queryTimeoutMs,
    importStatus: () => importProgress,
    // the graph is already there (a restart): warm its read queries in the background
    warmUp: true,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${config.server.port} is already in use: set PORT to another port.`) : err),
    );
    server.listen(config.server.port, config.server.host, resolve);
  });
  const url = `http://${config.server.host}:${config.server.port}`;
  console.log(`Ready in ${seconds()} s — explorer ${url}/  API ${url}/graphql (importing ${corpus} meanwhile; progress in ${url}/health)`);

  // the import runs behind the server: a large or slow folder never keeps the product from answering
  const display = progressDisplay(process.stderr, 'Import');
  void importPaths([corpus], {
    driver: connection.driver,
    database: connection.database,
    ...display.callbacks,
    onProgress: (p) => {
      importProgress = { ...p, folder: corpus };
      display.callbacks.onProgress?.(p);
    },
  }).then(
    (summary) => {
      display.stop();
      console.log(
        `[${seconds()} s] Corpus ${corpus}: ${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped`,
      );
      for (const s of summary.skipped) console.warn(`  skipped ${s.path}: ${s.reason} — ${s.detail}`);
      // new data, new plans and pages: warm again (in the background; requests are answered meanwhile)
      if (summary.created + summary.replaced > 0 || server.warmUp.status().state !== 'done') void server.warmUp.run();
    },
    (err: unknown) => {
      display.stop();
      importProgress = { ...(importProgress as ImportProgress), state: 'failed', error: err instanceof Error ? err.message : String(err), folder: corpus };
      console.error(`[${seconds()} s] Import of ${corpus} failed: ${describeError(err)}`);
    },
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down…`);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await closeDriver();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (err) => {
  console.error(describeError(err));
  await closeDriver().catch(() => {});
  process.exit(1);
});
