/**
 * Articles and article-level evidence through GraphQL: a theme's people come ranked with evidence that
 * says whether it is a sentence or the article, and the article (title, sections) behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { ensureCorpus, startApp, type RunningApp } from './harness.ts';

let app: RunningApp;

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await app.gql<T>(query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as T;
}

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
  await closeTestDriver();
});

describe('articles', () => {
  it('a magazine has articles, each with a title and its sections; a section knows its article', async () => {
    const { documents } = await data(`{ documents { id sections { id } articles { id title ordinal sections { id article { id } } } } }`);
    for (const d of documents) {
      expect(d.articles.length).toBeGreaterThan(0);
      const inArticles = d.articles.flatMap((a: any) => a.sections.map((s: any) => s.id));
      expect(new Set(inArticles)).toEqual(new Set(d.sections.map((s: any) => s.id)));
      for (const a of d.articles) {
        expect(a.title.length).toBeGreaterThan(0);
        for (const s of a.sections) expect(s.article.id).toBe(a.id);
      }
    }
    const magazines = documents.filter((d: any) => d.sections.length > 20);
    for (const d of magazines) expect(d.articles.length).toBeLessThan(d.sections.length);
  });

  it('theme -> people: ranked by weight, each with evidence of kind SENTENCE or ARTICLE and its article', async () => {
    const { themes } = await data(`{ themes(first: 10) { id name } }`);
    let articleEvidence = 0;
    for (const t of themes) {
      const { entity } = await data(
        `query($id: ID!) { entity(id: $id) { ... on Theme { people(first: 5) { weight person { name aliases } evidence(first: 3) { snippet kind article { id title sections { id } } } } } } }`,
        { id: t.id },
      );
      const weights = entity.people.map((p: any) => p.weight);
      expect(weights).toEqual([...weights].sort((a: number, b: number) => b - a));
      for (const p of entity.people) {
        expect(p.evidence.length).toBeGreaterThan(0);
        for (const e of p.evidence) {
          expect(['SENTENCE', 'ARTICLE']).toContain(e.kind);
          expect(e.article.title.length).toBeGreaterThan(0);
          expect(e.article.sections.length).toBeGreaterThan(0);
          if (e.kind === 'ARTICLE') articleEvidence++;
        }
      }
    }
    expect(articleEvidence).toBeGreaterThan(0);
  });

  it('Query.article by id; an unknown id is null', async () => {
    const { documents } = await data(`{ documents { articles { id title } } }`);
    const a = documents[0].articles[0];
    const { article, none } = await data(`query($id: ID!) { article(id: $id) { id title document { id } } none: article(id: "no-such#a1") { id } }`, { id: a.id });
    expect(article).toMatchObject({ id: a.id, title: a.title });
    expect(none).toBeNull();
  });
});
