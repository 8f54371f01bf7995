/**
 * `entity(id)` reads the entity and the lists asked of it in one round trip
 * (graph/queries/entity-bundle.ts); `entities(ids)` reads field by field through the loaders.
 * Both must give the same answer, for every entity type and the explorer's own selection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { ensureCorpus, startApp, type RunningApp } from './harness.ts';

let app: RunningApp;

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  app = await startApp({ cache: false });
});

afterAll(async () => {
  await app.close();
  await closeTestDriver();
});

const REF = 'id type name';
const MENTION = 'snippet section sectionId document { id title }';
const SELECTION = `id type name aliases mentionCount
  mentions(first: 8) { ${MENTION} }
  ... on Person { roles organisations { ${REF} } municipalities { ${REF} } themes(first: 15) { weight theme { ${REF} } evidence(first: 2) { ${MENTION} } } }
  ... on Organisation { kind people { ${REF} } municipalities { ${REF} } programmes { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
  ... on Municipality { province people { ${REF} } organisations { ${REF} } programmes { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
  ... on Programme { kind organisations { ${REF} } municipalities { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
  ... on Theme { themePeople: people(first: 20) { weight person { ${REF} } evidence(first: 2) { ${MENTION} } }
                 programmes(first: 20) { ${REF} } organisations(first: 20) { ${REF} } municipalities(first: 20) { ${REF} } }`;

describe('entity(id) in one round trip', () => {
  for (const list of ['people', 'organisations', 'municipalities', 'programmes', 'themes']) {
    it(`answers as the field-by-field path for ${list}`, async () => {
      const ids = ((await app.gql(`{ ${list}(first: 4) { id } }`)).body.data as Record<string, { id: string }[]>)[list].map((e) => e.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const one = await app.gql(`query($id: ID!) { entity(id: $id) { ${SELECTION} } }`, { id });
        const many = await app.gql(`query($ids: [ID!]!) { entities(ids: $ids) { ${SELECTION} } }`, { ids: [id] });
        expect(one.body.errors).toBeUndefined();
        expect(many.body.errors).toBeUndefined();
        expect((one.body.data as any).entity).toEqual((many.body.data as any).entities[0]);
      }
    });
  }

  it('passes page sizes given as variables, and leaves an out-of-range one to its resolver', async () => {
    const { themes } = (await app.gql('{ themes(first: 1) { id } }')).body.data as { themes: { id: string }[] };
    const q = `query($id: ID!, $n: Int) { entity(id: $id) { ... on Theme { people(first: $n) { person { id } } } } }`;
    const two = await app.gql(q, { id: themes[0].id, n: 2 });
    expect(two.body.errors).toBeUndefined();
    expect((two.body.data as any).entity.people.length).toBeLessThanOrEqual(2);
    const tooMany = await app.gql(q, { id: themes[0].id, n: 501 });
    expect(tooMany.body.errors?.[0].message).toBe('`first` must be between 0 and 500 (got 501).');
  });

  it('answers null for an unknown id', async () => {
    const res = await app.gql(`{ entity(id: "person:nobody-at-all") { ${SELECTION} } }`);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any).entity).toBeNull();
  });
});
