/**
 * Many requests at once: the server sends at most API_NEO4J_CONCURRENCY reads to Neo4j at a
 * time and lets the others wait their turn (answered, not failed); a request that cannot get a
 * turn within its wait is answered "busy" with a clean TIMEOUT error, and the server stays
 * healthy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { countingSessions, ensureCorpus, expectCleanErrors, startApp } from './harness.ts';

const NEIGHBOURHOOD = 'query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id } edges { id } } }';
let personId: string;

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  const app = await startApp({ cache: false });
  personId = (await app.gql("{ people(first: 1) { id } }")).body.data!.people[0].id;
  await app.close();
});

afterAll(async () => {
  await closeTestDriver();
});

describe('bounded reads to Neo4j', () => {
  it('answers 40 simultaneous requests with at most 2 reads in flight', async () => {
    const counting = countingSessions(testDriver());
    const app = await startApp({ cache: false, driver: counting.driver, neo4jConcurrency: 2 });
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => app.gql(NEIGHBOURHOOD, { id: personId })));
      for (const a of answers) {
        expect(a.body.errors).toBeUndefined();
        expect(a.body.data!.neighbourhood.nodes[0].id).toBe(personId);
      }
      expect(counting.sessions()).toBeGreaterThanOrEqual(40);
      expect(counting.maxOpen()).toBeLessThanOrEqual(2);
    } finally {
      await app.close();
    }
  });

  it('answers "busy" (TIMEOUT, no stack) when a request cannot get a turn in time, and recovers', async () => {
    const app = await startApp({ cache: false, neo4jConcurrency: 1, queueWaitMs: 1 });
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, () => app.gql(NEIGHBOURHOOD, { id: personId })));
      const busy = answers.filter((a) => a.body.errors);
      expect(busy.length).toBeGreaterThan(0);
      for (const a of busy) {
        expectCleanErrors(a.body, expect);
        expect(a.body.errors![0].extensions?.code).toBe('TIMEOUT');
        expect(a.body.errors![0].message).toMatch(/busy/);
      }
      // Nothing is left stuck: one request alone gets its turn at once.
      const alone = await app.gql(NEIGHBOURHOOD, { id: personId });
      expect(alone.body.errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
