/**
 * Neo4j goes away and comes back: queries get DATABASE_UNAVAILABLE (fast, no crash), /health
 * stays 200, /ready turns 503, and the same server answers again once Neo4j is back.
 * Uses a Neo4j of its own (stopping the shared one would break the other test files).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDriver } from '../../graph/driver.ts';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../graph/embedded.ts';
import { ensureSchema } from '../../graph/schema.ts';
import { writeExtraction } from '../../graph/write.ts';
import type { ExtractionResult } from '../../import/types.ts';
import { expectCleanErrors, startApp, type RunningApp } from './harness.ts';

let dataDir: string;
let port: number;
let neo4j: EmbeddedNeo4j | undefined;
let driver: Driver;
let app: RunningApp;

const start = () => startEmbeddedNeo4j({ dataDir, boltPort: port, user: 'neo4j', password: 'outage-test-pw', log: () => {} });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'api-outage-'));
  port = await findFreePort();
  neo4j = await start();
  driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  await ensureSchema(driver, neo4j.database);
  app = await startApp({ driver, database: neo4j.database, queryTimeoutMs: 3000 });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await driver?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

/** A one-person document; `version` changes the person and the content hash. */
function document(version: number, person: string): ExtractionResult {
  const section = { id: 'cache-doc#1', ordinal: 1, title: 'Kort nieuws', text: `${person} is wethouder.` };
  return {
    document: { id: 'cache-doc', file: 'cache-doc.txt', title: 'Cache test', published: null, sha256: `v${version}`, sections: [section] },
    entities: [
      {
        id: `person:${person.toLowerCase().replace(/ /g, '-')}`,
        type: 'PERSON',
        name: person,
        aliases: [],
        props: { roles: ['wethouder'] },
        mentions: [{ sectionId: section.id, count: 1, snippets: [section.text] }],
      },
    ],
    relations: [],
  };
}

describe('the read cache', () => {
  it('follows a re-import within about a second', async () => {
    await writeExtraction(driver, neo4j!.database, document(1, 'Zwaantje Oudegracht'));
    const first = await app.gql('{ search(query: "zwaantje") { name } stats { people } }');
    expect((first.body.data as any).search.map((e: any) => e.name)).toEqual(['Zwaantje Oudegracht']);
    // Cached now: the same request again is answered without the database.
    expect((await app.gql('{ search(query: "zwaantje") { name } stats { people } }')).body).toEqual(first.body);

    await writeExtraction(driver, neo4j!.database, document(2, 'Zwaantje Nieuwegracht'));
    await new Promise((r) => setTimeout(r, 1200));
    const after = await app.gql('{ search(query: "zwaantje") { name } stats { people } }');
    expect((after.body.data as any).search.map((e: any) => e.name)).toEqual(['Zwaantje Nieuwegracht']);
  });
});

describe('when Neo4j is down', () => {
  it('answers DATABASE_UNAVAILABLE, keeps serving, and recovers when Neo4j is back', async () => {
    const before = await app.gql('{ stats { documents } }');
    expect(before.body.errors).toBeUndefined();

    await neo4j!.stop();
    neo4j = undefined;

    const down = await app.gql('{ stats { documents } search(query: "zorg") { id } }');
    expectCleanErrors(down.body, expect);
    for (const error of down.body.errors ?? []) expect(error.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.ms).toBeLessThan(5000);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/ready`)).status).toBe(503);

    neo4j = await start();
    let recovered = false;
    for (let attempt = 0; attempt < 30 && !recovered; attempt++) {
      const res = await app.gql('{ stats { documents } }');
      recovered = res.body.errors === undefined;
      if (!recovered) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${app.baseUrl}/ready`)).status).toBe(200);
  }, 180_000);
});
