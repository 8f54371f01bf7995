/**
 * The themes' stored programme lists (graph/theme-programmes.ts) change nothing in "related
 * initiatives": with every theme listed, each programme of the corpus gets the same ranking, the
 * same scores, as from the relationships alone; and a list that no longer matches its theme (an
 * import added or removed links since it was made) is not used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshThemeProgrammes } from '../../graph/theme-programmes.ts';
import { relatedProgrammeIdsFromRelationships, relatedProgrammes } from '../../graph/queries/related.ts';
import { listEntities } from '../../graph/queries/entities.ts';
import type { ReadContext } from '../../graph/queries/run.ts';
import { closeTestDriver } from '../setup/neo4j.ts';
import { corpusReadContext } from '../api/harness.ts';

let read: ReadContext;
let programmes: string[];

beforeAll(async () => {
  read = await corpusReadContext();
  programmes = (await listEntities(read, 'PROGRAMME', 500, 0)).map((p) => p.id);
}, 300_000);

afterAll(async () => {
  // back to what the importer leaves on the corpus (no theme there is large enough for a list)
  if (read) await refreshThemeProgrammes(read.driver, read.database);
  await closeTestDriver();
});

async function rankings(): Promise<Map<string, { id: string; score: number }[]>> {
  const out = new Map<string, { id: string; score: number }[]>();
  for (const id of programmes) out.set(id, (await relatedProgrammes(read, id, 10)).map((r) => ({ id: r.programme.id, score: r.score })));
  return out;
}

describe('stored programme lists of the themes', () => {
  it('give every programme the ranking computed from the relationships', async () => {
    const lists = await refreshThemeProgrammes(read.driver, read.database, { minProgrammes: 0 });
    expect(lists.listed).toBeGreaterThan(0);
    expect(programmes.length).toBeGreaterThan(20);
    let ranked = 0;
    for (const [id, fromLists] of await rankings()) {
      const expected = await relatedProgrammeIdsFromRelationships(read, id, 10);
      expect(fromLists.map((r) => r.id), id).toEqual(expected.map((r) => r.id));
      fromLists.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i].score, 9));
      if (fromLists.length > 0) ranked++;
    }
    expect(ranked).toBeGreaterThan(5);
  });

  it('are read while current, and not once their theme has gained or lost links', async () => {
    await refreshThemeProgrammes(read.driver, read.database, { minProgrammes: 0 });
    const before = await rankings();
    const write = async (cypher: string) => {
      const session = read.driver.session({ database: read.database });
      try {
        await session.run(cypher);
      } finally {
        await session.close();
      }
    };
    // Current lists that name nobody: the themes then share no programme, the rankings change.
    await write(`MATCH (t:Theme) WHERE t.programmeIds IS NOT NULL SET t.programmeIds = [], t.programmeNames = []`);
    expect(await rankings()).not.toEqual(before);
    // The same lists, made when the themes had one link more: not used, the rankings are right.
    await write(`MATCH (t:Theme) WHERE t.programmeIds IS NOT NULL SET t.programmeLinks = t.programmeLinks + 1`);
    expect(await rankings()).toEqual(before);
  });
});
