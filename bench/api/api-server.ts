/**
 * Bench (and dev) entry: our GraphQL app over an existing Neo4j (NEO4J_URI...), on PORT/HOST.
 * The product's entry is server/main.ts; this one starts nothing and imports nothing.
 */
import '../../server/heap-policy.ts';
import { loadConfig } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { createApp, corsOriginsFromEnv } from '../../server/app.ts';
import { answerMetricsOverIpc } from './process-metrics.ts';

const config = loadConfig();
if (!config.uri) {
  console.error('Set NEO4J_URI (and NEO4J_PASSWORD) to the Neo4j to serve.');
  process.exit(1);
}
const driver = createDriver(config.uri, config.user, config.password ?? '');
const server = createApp({ driver, database: config.database, corsOrigins: corsOriginsFromEnv(), clientDir: process.env.CLIENT_DIR });
// bench:soak starts this process with an IPC channel and asks it for its memory, GC and event-loop figures each minute
answerMetricsOverIpc();
server.listen(config.server.port, config.server.host, () => {
  console.log(`api listening on http://${config.server.host}:${config.server.port}/graphql`);
});
const stop = () => {
  server.close();
  void driver.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
