import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in <root>/graph/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface GraphConfig {
  /** NEO4J_URI: when set, use that server (bolt://, neo4j://, neo4j+s://...) and start nothing. */
  uri?: string;
  user: string;
  /** NEO4J_PASSWORD; for the embedded server, unset means "generated on first start, stored in the data dir". */
  password?: string;
  database: string;
  /** Bolt port of the embedded server (127.0.0.1 only). */
  boltPort: number;
  /** Absolute path of the embedded server's home (store, logs, password file). */
  dataDir: string;
  /** JVM heap, used for both -Xms and -Xmx (e.g. "1g"). */
  heap: string;
  /** Neo4j page cache size (e.g. "512m"). */
  pageCache: string;
  /** Absolute path of the cache for the Maven-resolved jars and the compiled launcher. */
  jarsDir: string;
  /** Where the GraphQL server listens. */
  server: { port: number; host: string };
}

/*
 * Memory defaults, for a 2-core / 24 GiB machine that also runs Node and Chromium:
 * the corpus is under 1 MB of text, so the whole store (nodes, relationships, properties,
 * range and full-text indexes) stays in the tens of MB. A 512m page cache holds all of it
 * with room to spare for re-imports; a 1g heap (initial = max, as Neo4j recommends, so the
 * heap never resizes under load) is ample for import transactions of one document and for
 * variable-length path and full-text queries. The JVM then takes about 1.7 GB resident in total,
 * leaving the rest for Node, Chromium and other instances on the same machine. For a much
 * larger corpus raise NEO4J_PAGECACHE towards the store size first, then NEO4J_HEAP.
 */
export const DEFAULT_HEAP = '1g';
export const DEFAULT_PAGE_CACHE = '512m';

/*
 * The jars (~150 MB, ~210 files) are cached in <root>/.neo4j/ (git-ignored): a fresh machine
 * fills it on the first start after `npm ci`, it never touches the user's ~/.m2 (no clash with
 * other Maven settings or projects), and deleting the project folder removes it.
 * NEO4J_JARS_DIR moves it (e.g. to ~/.cache/sociaal-kg to share it between clones).
 */
export const DEFAULT_JARS_DIR = '.neo4j';

const BYTE_SIZE = /^\d+[kmgKMG]?$/;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function port(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigError(`${name} must be a port number between 1 and 65535, got "${raw}".`);
  }
  return value;
}

function byteSize(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  if (!BYTE_SIZE.test(raw)) {
    throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${raw}".`);
  }
  return raw.toLowerCase();
}

function nonEmpty(raw: string | undefined): string | undefined {
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Reads the configuration from the environment; `overrides` win over it. */
export function loadConfig(
  overrides: Partial<GraphConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): GraphConfig {
  const config: GraphConfig = {
    uri: nonEmpty(env.NEO4J_URI),
    user: nonEmpty(env.NEO4J_USER) ?? 'neo4j',
    password: nonEmpty(env.NEO4J_PASSWORD),
    database: nonEmpty(env.NEO4J_DATABASE) ?? 'neo4j',
    boltPort: port('NEO4J_BOLT_PORT', env.NEO4J_BOLT_PORT, 7687),
    dataDir: path.resolve(projectRoot, nonEmpty(env.NEO4J_DATA_DIR) ?? '.data/neo4j'),
    heap: byteSize('NEO4J_HEAP', env.NEO4J_HEAP, DEFAULT_HEAP),
    pageCache: byteSize('NEO4J_PAGECACHE', env.NEO4J_PAGECACHE, DEFAULT_PAGE_CACHE),
    jarsDir: path.resolve(projectRoot, nonEmpty(env.NEO4J_JARS_DIR) ?? DEFAULT_JARS_DIR),
    server: {
      port: port('PORT', env.PORT, 4000),
      host: nonEmpty(env.HOST) ?? '127.0.0.1',
    },
  };
  const merged = { ...config, ...stripUndefined(overrides) };
  merged.dataDir = path.resolve(projectRoot, merged.dataDir);
  merged.jarsDir = path.resolve(projectRoot, merged.jarsDir);
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
