import { defineConfig } from 'vitest/config';

/*
 * Two projects: `unit` (pure code: extraction, gazetteers, file checks — no database, starts in a
 * second) and `integration` (graph, API, browser — one real Neo4j for the whole run, started by
 * tests/setup/global-setup.ts or taken from NEO4J_URI, with the bundled corpus imported once).
 * `npm test` runs both; `npx vitest run --project unit` runs only the fast ones.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/import/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/graph/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // Starts one real Neo4j for the whole run (or uses NEO4J_URI), see tests/setup/global-setup.ts.
          globalSetup: ['tests/setup/global-setup.ts'],
          // Copies the connection details into process.env of every test worker.
          setupFiles: ['tests/setup/env.ts'],
          // The test files share one database: run them one after the other.
          fileParallelism: false,
          testTimeout: 60_000,
          // The first run downloads the Neo4j jars (~150 MB) before the server can start.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
