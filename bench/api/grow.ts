/**
 * `tsx bench/api/grow.ts N`: grows the Neo4j at NEO4J_URI to N times the imported corpus
 * (graph/synthetic.ts), for running bench:api / bench:soak against a kept 100x database.
 */
import { loadConfig } from '../../graph/config.ts';
import { createDriver } from '../../graph/driver.ts';
import { stats } from '../../graph/queries/stats.ts';
import { growToScale } from '../../graph/synthetic.ts';

const scale = Number(process.argv[2] ?? '100');
const config = loadConfig();
if (!config.uri || !(scale >= 1)) {
  console.error('Usage: NEO4J_URI=... NEO4J_PASSWORD=... tsx bench/api/grow.ts <scale>');
  process.exit(1);
}
const driver = createDriver(config.uri, config.user, config.password ?? '');
try {
  const began = Date.now();
  await growToScale(driver, config.database, scale, (done, total) => console.log(`copy ${done}/${total} ${((Date.now() - began) / 1000).toFixed(1)} s`));
  console.log(await stats({ driver, database: config.database, timeoutMs: 60_000 }));
} finally {
  await driver.close();
}
