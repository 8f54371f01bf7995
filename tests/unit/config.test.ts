import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig, projectRoot } from '../../graph/config.ts';
import { parseJavaMajor } from '../../graph/embedded/java.ts';

describe('graph/config', () => {
  it('has defaults for an empty environment', () => {
    expect(loadConfig({}, {})).toEqual({
      uri: undefined,
      user: 'neo4j',
      password: undefined,
      database: 'neo4j',
      boltPort: 7687,
      dataDir: path.join(projectRoot, '.data', 'neo4j'),
      heap: '1g',
      pageCache: '512m',
      jarsDir: path.join(projectRoot, '.neo4j'),
      server: { port: 4000, host: '127.0.0.1' },
    });
  });

  it('reads every variable, and explicit overrides win', () => {
    const env = {
      NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_USER: 'reader', NEO4J_PASSWORD: 's3cret',
      NEO4J_DATABASE: 'kg', NEO4J_BOLT_PORT: '7701', NEO4J_DATA_DIR: '/var/lib/kg', NEO4J_HEAP: '2G',
      NEO4J_PAGECACHE: '1g', NEO4J_JARS_DIR: 'cache/jars', PORT: '8080', HOST: '0.0.0.0',
    };
    const config = loadConfig({ boltPort: 7702 }, env);
    expect(config).toMatchObject({
      uri: 'neo4j+s://example.databases.neo4j.io', user: 'reader', password: 's3cret', database: 'kg',
      boltPort: 7702, dataDir: '/var/lib/kg', heap: '2g', pageCache: '1g',
      jarsDir: path.join(projectRoot, 'cache', 'jars'), server: { port: 8080, host: '0.0.0.0' },
    });
  });

  it('rejects a bad port or size with one sentence', () => {
    expect(() => loadConfig({}, { NEO4J_BOLT_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { NEO4J_BOLT_PORT: '70000' })).toThrow('NEO4J_BOLT_PORT must be a port number between 1 and 65535, got "70000".');
    expect(() => loadConfig({}, { NEO4J_PAGECACHE: 'half' })).toThrow('NEO4J_PAGECACHE must be a size such as 512m or 2g, got "half".');
  });

  it('reads the Java major version from old and new version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('javac 21.0.2')).toBe(21);
    expect(parseJavaMajor('nonsense')).toBeUndefined();
  });
});
