/**
 * The read path is warmed in the background once the server listens: /health shows the warm-up
 * running and then done with every user question answered, and a request that arrives while it
 * runs is answered as usual (the warm-up never holds requests back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppServer } from '../../server/app.ts';
import type { WarmUpStatus } from '../../server/warm-up.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { countingSessions, ensureCorpus, startApp } from './harness.ts';

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
});

afterAll(async () => {
  await closeTestDriver();
});

async function health(baseUrl: string): Promise<{ status: string; warmUp: WarmUpStatus }> {
  return (await fetch(`${baseUrl}/health`)).json();
}

async function until(baseUrl: string, done: (s: WarmUpStatus) => boolean, timeoutMs = 100_000): Promise<WarmUpStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { warmUp } = await health(baseUrl);
    if (done(warmUp) || Date.now() > deadline) return warmUp;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('warm-up of the read queries', () => {
  it('runs in the background after listen and answers a request meanwhile', { timeout: 120_000 }, async () => {
    const counting = countingSessions(testDriver());
    // a cold Neo4j may take seconds for the first questions: the test is about running them, not their speed
    const app = await startApp({ cache: false, warmUp: true, driver: counting.driver, queryTimeoutMs: 30_000 });
    try {
      // asked at once: the warm-up has just started and has six questions to go
      const [during, answer] = await Promise.all([health(app.baseUrl), app.gql('{ people(first: 3) { id name } }')]);
      expect(during.status).toBe('ok');
      expect(during.warmUp.state).toBe('running');
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data!.people).toHaveLength(3);

      const after = await until(app.baseUrl, (s) => s.state !== 'running');
      expect(after.failures).toEqual([]);
      expect(after.state).toBe('done');
      // search, entity, neighbourhood at depth 1 and 2, theme -> people, related initiatives
      expect(after.queries).toBe(6);
      expect(after.runs).toBe(1);
      // they reached Neo4j: the id pick, the questions (some several reads), and our request
      expect(counting.sessions()).toBeGreaterThan(7);
    } finally {
      await app.close();
    }
  });

  it('warms again on demand (after an import), once more when asked during a run', async () => {
    const app = await startApp({ cache: false });
    try {
      expect((await health(app.baseUrl)).warmUp).toMatchObject({ state: 'idle', runs: 0 });
      const server = app.server as AppServer;
      const first = server.warmUp.run();
      const second = server.warmUp.run();
      expect((await first).runs).toBe(1);
      const last = await second;
      expect(last.runs).toBe(2);
      expect(last.state).toBe('done');
      expect((await health(app.baseUrl)).warmUp.runs).toBe(2);
    } finally {
      await app.close();
    }
  });
});
