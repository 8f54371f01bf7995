/**
 * The themes' stored people rankings (graph/hub-neighbours.ts, `topPeople`) against the real
 * Neo4j: Theme.people read through the rankings gives the same answers (people, order, weights,
 * passages) as the full ranking, for several page sizes, through the batch query and through the
 * entity bundle. The corpus has no theme at the production threshold, so the test lowers it; at
 * the end the lists are dropped again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshHubNeighbours } from '../../graph/hub-neighbours.ts';
import { themePeople } from '../../graph/queries/themes.ts';
import { readRows, type ReadContext } from '../../graph/queries/run.ts';
import { closeTestDriver } from '../setup/neo4j.ts';
import { corpusReadContext, startApp, type RunningApp } from './harness.ts';

const MIN_LINKS = 5;
const NO_LISTS = { minDegree: 1e9, minThemeLinks: 1e9 };
let read: ReadContext;
let app: RunningApp;

beforeAll(async () => {
  read = await corpusReadContext();
  app = await startApp({ cache: false });
}, 300_000);

afterAll(async () => {
  await app?.close();
  // the production thresholds: no corpus theme has a list, every list goes
  if (read) await refreshHubNeighbours(read.driver, read.database);
  await closeTestDriver();
});

const ENTITY = `query($id: ID!, $n: Int) { entity(id: $id) { ... on Theme {
  people(first: $n) { weight person { id name } evidence(first: 3) { snippet sectionId } } } } }`;

async function answers(themeIds: string[]) {
  const out: unknown[] = [];
  for (const first of [1, 3, 10, 500]) {
    out.push([...(await themePeople(read, themeIds, first)).entries()].sort());
    for (const id of themeIds) out.push((await app.gql(ENTITY, { id, n: first })).body);
  }
  return out;
}

describe('theme people rankings', () => {
  it('give the same Theme.people as the full ranking, page by page', async () => {
    const { themes } = await refreshHubNeighbours(read.driver, read.database, { ...NO_LISTS, minThemeLinks: MIN_LINKS });
    expect(themes).toBeGreaterThan(1);
    const listed = await readRows(read, 'MATCH (t:Theme) WHERE t.topPeople IS NOT NULL RETURN t.id AS id, t.topPeople AS list ORDER BY size(list) DESC', {});
    expect(listed.length).toBe(themes);
    // themes with ties and more people than a small page: the ranking matters
    const ids = listed.slice(0, 4).map((r) => r.id as string);
    expect((listed[0].list as string[]).length).toBeGreaterThan(10);

    const viaLists = await answers(ids);
    await refreshHubNeighbours(read.driver, read.database, NO_LISTS);
    const none = await readRows(read, 'MATCH (t:Theme) WHERE t.topPeople IS NOT NULL RETURN count(t) AS n', {});
    expect(none[0].n).toBe(0);
    const full = await answers(ids);
    expect(viaLists).toEqual(full);
    // a real answer: people with passages
    const page = (full[0] as [string, { evidence: unknown[] }[]][])[0][1];
    expect(page.length).toBe(1);
  });

  it('list each theme’s people strongest first, then by name', async () => {
    await refreshHubNeighbours(read.driver, read.database, { ...NO_LISTS, minThemeLinks: MIN_LINKS });
    const [row] = await readRows(read, 'MATCH (t:Theme) WHERE t.topPeople IS NOT NULL RETURN t.id AS id, t.topPeople AS list ORDER BY size(list) DESC LIMIT 1', {});
    const ranked = (await themePeople(read, [row.id as string], 500)).get(row.id as string)!;
    expect(row.list).toEqual(ranked.map((l) => l.person.id));
  });
});
