/**
 * Test helper process: starts the embedded Neo4j from the environment (NEO4J_DATA_DIR,
 * NEO4J_BOLT_PORT, NEO4J_PASSWORD), prints {"pid": <launcher pid>} on one line and then waits
 * forever, installing no signal handler, like a main job that gets killed.
 */
import { startEmbeddedNeo4j } from '../../graph/embedded.ts';

const neo4j = await startEmbeddedNeo4j({ log: () => {} });
process.stdout.write(`${JSON.stringify({ pid: neo4j.pid })}\n`);
setInterval(() => {}, 1 << 30);
