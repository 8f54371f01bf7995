/**
 * A document asked again is executed compiled (server/compiled-execution.ts, graphql-jit); the
 * first time graphql-js executes it. Both must answer the same, errors included, with the same
 * reads: each query below is asked four times and every answer and session count must equal the
 * first. With the response cache on, a repeated compiled query is still served from the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { countingSessions, ensureCorpus, startApp, type RunningApp } from './harness.ts';

const REF = 'id type name';
const ENTITY = `query($id: ID!) { entity(id: $id) { __typename id type name mentionCount
  mentions(first: 3) { snippet document { title } }
  ... on Person { roles organisations { ${REF} } themes(first: 5) { weight theme { ${REF} } } }
  ... on Theme { people(first: 5) { weight person { ${REF} } evidence(first: 1) { snippet } } } } }`;
const NEIGHBOURHOOD = `query($id: ID!, $depth: Int, $limit: Int, $maxEdges: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit, maxEdges: $maxEdges) {
    nodes { id type label weight } edges { id source target type weight } edgesOmitted edgesPerNode } }`;
const DIRECTIVES = `query($id: ID!, $full: Boolean!) { entity(id: $id) { id
  name @include(if: $full) mentions(first: 2) @skip(if: $full) { snippet } } }`;

let app: RunningApp;
let counting: ReturnType<typeof countingSessions>;
let person: string;
let theme: string;

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  counting = countingSessions(testDriver());
  app = await startApp({ cache: false, driver: counting.driver });
  const { body } = await app.gql<{ people: { id: string }[]; themes: { id: string }[] }>('{ people(first: 1) { id } themes(first: 1) { id } }');
  person = body.data!.people[0].id;
  theme = body.data!.themes[0].id;
});

afterAll(async () => {
  await app?.close();
  await closeTestDriver();
});

/** Four executions of one document: answers and sessions opened, each. */
async function repeated(query: string, variables: Record<string, unknown>) {
  const runs = [];
  for (let i = 0; i < 4; i++) {
    const before = counting.sessions();
    const res = await app.gql(query, variables);
    runs.push({ status: res.status, body: res.body, sessions: counting.sessions() - before });
  }
  return runs;
}

describe('compiled execution of repeated documents', () => {
  const cases: [string, () => [string, Record<string, unknown>]][] = [
    ['an entity with fragments on its type (one round trip)', () => [ENTITY, { id: person }]],
    ['a theme with its people and evidence', () => [ENTITY, { id: theme }]],
    ['a capped two-step neighbourhood', () => [NEIGHBOURHOOD, { id: person, depth: 2, limit: 40, maxEdges: 30 }]],
    ['@include and @skip from variables', () => [DIRECTIVES, { id: person, full: true }]],
    ['an unknown id (NOT_FOUND on a non-null field)', () => [NEIGHBOURHOOD, { id: 'person:nobody-at-all' }]],
    ['an argument out of range (named limit)', () => [NEIGHBOURHOOD, { id: person, limit: 100000 }]],
    ['a variable beyond the GraphQL Int range', () => [NEIGHBOURHOOD, { id: person, limit: 2 ** 40 }]],
    ['a variable of the wrong type', () => [NEIGHBOURHOOD, { id: person, depth: 'two' }]],
    ['a missing required variable', () => [NEIGHBOURHOOD, {}]],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const [query, variables] = make();
      const [first, ...later] = await repeated(query, variables);
      for (const run of later) expect(run).toEqual(first);
    });
  }

  it('answers the errors with a code and the data as graphql-js does', async () => {
    const [unknown] = await repeated(NEIGHBOURHOOD, { id: 'person:nobody-at-all' });
    expect(unknown.body.data).toBeNull();
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [big] = await repeated(NEIGHBOURHOOD, { id: person, limit: 2 ** 40 });
    expect(big.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.body.errors?.[0].message).toMatch(/32-bit/);
  });

  it('a repeated query is still answered from the response cache when it is on', async () => {
    const cached = await startApp({ cache: true, driver: counting.driver });
    try {
      const runs = [];
      for (let i = 0; i < 4; i++) {
        const before = counting.sessions();
        const res = await cached.gql(NEIGHBOURHOOD, { id: person, depth: 2 });
        runs.push({ body: res.body, sessions: counting.sessions() - before });
      }
      expect(runs[0].sessions).toBeGreaterThan(0);
      for (const run of runs.slice(1)) {
        expect(run.body).toEqual(runs[0].body);
        expect(run.sessions).toBe(0);
      }
    } finally {
      await cached.close();
    }
  });
});
