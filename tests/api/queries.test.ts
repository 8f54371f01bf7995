/**
 * Each query of the API against the real Neo4j with the bundled corpus imported. Test inputs
 * are picked from the data through the API itself (no names hard-coded from gold files).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { projectRoot } from '../../graph/config.ts';
import { foldText } from '../../graph/queries/search.ts';
import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { CORPUS_DOCUMENTS, ensureCorpus, expectCleanErrors, startApp, type RunningApp } from './harness.ts';

let app: RunningApp;

interface Ref {
  id: string;
  name: string;
  type: string;
}

interface Node {
  id: string;
  type: string;
  label: string;
  weight: number | null;
}
interface Edge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number | null;
}

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await app.gql<T>(query, variables);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data as T;
}

/** Counts the Neo4j sessions (= round trips: one query per session) a piece of work opens. */
function countingDriver(driver: Driver): { driver: Driver; sessions: () => number } {
  let sessions = 0;
  const proxy = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') {
        return (...args: unknown[]) => {
          sessions++;
          return (target.session as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver: proxy, sessions: () => sessions };
}

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  app = await startApp();
});

afterAll(async () => {
  await app.close();
  await closeTestDriver();
});

describe('stats and documents', () => {
  it('counts the five bundled documents and the entities read from them', async () => {
    const { stats } = await data('{ stats { documents people organisations municipalities programmes themes relations sections mentions } }');
    expect(stats.documents).toBe(CORPUS_DOCUMENTS);
    expect(stats.people).toBeGreaterThan(0);
    expect(stats.sections).toBeGreaterThan(stats.documents);
    expect(stats.mentions).toBeGreaterThan(stats.people);
  });

  it('lists the documents with the original file names of the corpus', async () => {
    const { documents } = await data<{ documents: { id: string; title: string; file: string }[] }>('{ documents { id title file published } }');
    const files = readdirSync(join(projectRoot, 'corpus')).filter((f) => /\.(md|txt)$/.test(f)).sort();
    expect(documents.map((d) => d.file).sort()).toEqual(files);
    for (const d of documents) expect(d.title.length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('is diacritics- and case-blind and prefix-friendly ("piezo" finds "PiëzoMethodiek")', async () => {
    const { search } = await data<{ search: Ref[] }>('{ search(query: "piezo") { id name type } }');
    expect(search.map((e) => e.name)).toContain('PiëzoMethodiek');
    const upper = await data<{ search: Ref[] }>('{ search(query: "PIËZO") { id } }');
    expect(upper.search.map((e) => e.id)).toEqual(search.map((e) => e.id));
  });

  it('finds real entities of every type from a folded prefix of their name, best match first', async () => {
    const { people, organisations, programmes } = await data(
      '{ people(first: 5) { id name } organisations(first: 5) { id name } programmes(first: 5) { id name } }',
    );
    const samples: Ref[] = [...people, ...organisations, ...programmes];
    expect(samples.length).toBeGreaterThan(5);
    for (const entity of samples) {
      const words = foldText(entity.name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
      const prefix = [...words.slice(0, -1), words[words.length - 1].slice(0, Math.max(3, words[words.length - 1].length - 2))].join(' ');
      const { search } = await data<{ search: Ref[] }>('query($q: String!) { search(query: $q, first: 20) { id name } }', { q: prefix });
      expect(search.map((e) => e.id), `"${prefix}" should find ${entity.id}`).toContain(entity.id);
    }
  });

  it('ranks an exact name first and respects the type filter', async () => {
    const { people } = await data('{ people(first: 1) { id name } }');
    const name = people[0].name;
    const { search } = await data<{ search: Ref[] }>('query($q: String!) { search(query: $q, types: [PERSON]) { id type } }', { q: name });
    expect(search[0].id).toBe(people[0].id);
    for (const e of search) expect(e.type).toBe('PERSON');
    const hits = await data<{ searchHits: { score: number }[] }>('query($q: String!) { searchHits(query: $q) { score } }', { q: name });
    const scores = hits.searchHits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers [] for a blank query and treats query syntax as plain text', async () => {
    expect((await data('{ search(query: "   ") { id } }')).search).toEqual([]);
    const { search } = await data('{ search(query: "piezo*~ OR AND") { id } }');
    expect(Array.isArray(search)).toBe(true);
  });

  it('lists with a search filter per type (people(search:))', async () => {
    const { people } = await data('{ people(first: 1) { id name } }');
    const term = foldText(people[0].name).split(' ').pop()!;
    const found = await data<{ people: Ref[] }>('query($s: String) { people(search: $s) { id type } }', { s: term });
    expect(found.people.map((p) => p.id)).toContain(people[0].id);
    for (const p of found.people) expect(p.type).toBe('PERSON');
  });
});

describe('entity with links', () => {
  it('answers entity(id) with mentions, documents and type-specific links; unknown id -> null', async () => {
    const { people } = await data('{ people(first: 1) { id name mentionCount } }');
    const { entity } = await data(
      `query($id: ID!) { entity(id: $id) { id type name aliases mentionCount
         mentions(first: 2) { snippet section sectionId document { id title file } }
         documents { id }
         ... on Person { roles organisations { id type } municipalities { id type } themes(first: 3) { weight theme { id } evidence(first: 1) { snippet } } } } }`,
      { id: people[0].id },
    );
    expect(entity.id).toBe(people[0].id);
    expect(entity.type).toBe('PERSON');
    expect(entity.mentions.length).toBeGreaterThan(0);
    expect(entity.mentions.length).toBeLessThanOrEqual(2);
    for (const m of entity.mentions) expect(m.document.id).toBeTruthy();
    expect(entity.documents.length).toBeGreaterThan(0);
    for (const o of entity.organisations) expect(o.type).toBe('ORGANISATION');
    for (const m of entity.municipalities) expect(m.type).toBe('MUNICIPALITY');
    expect((await data('{ entity(id: "person:does-not-exist-anywhere") { id } }')).entity).toBeNull();
  });

  it('fetches a list field of many parents in one round trip each (no N+1)', async () => {
    const counting = countingDriver(testDriver());
    const local = await startApp({ driver: counting.driver, cache: false });
    try {
      const res = await local.gql(
        '{ people(first: 100) { id organisations { id } municipalities { id } themes { weight } mentions(first: 1) { snippet } documents { id } } }',
      );
      expect(res.body.errors).toBeUndefined();
      expect((res.body.data as any).people.length).toBeGreaterThan(20);
      // 1 list + 5 list fields, whatever the number of people
      expect(counting.sessions()).toBeLessThanOrEqual(6);
    } finally {
      await local.close();
    }
  });
});

describe('round trips', () => {
  it('reads an entity with the lists asked of it in one round trip', async () => {
    const { people } = await data<{ people: { id: string }[] }>('{ people(first: 1) { id } }');
    const { themes } = await data<{ themes: { id: string }[] }>('{ themes(first: 1) { id } }');
    const counting = countingDriver(testDriver());
    const local = await startApp({ driver: counting.driver, cache: false });
    try {
      const person = await local.gql(
        `query($id: ID!) { entity(id: $id) { id name mentions(first: 5) { snippet document { title } }
           ... on Person { organisations { id } municipalities { id } themes(first: 10) { weight theme { id } } } } }`,
        { id: people[0].id },
      );
      expect(person.body.errors).toBeUndefined();
      expect(counting.sessions()).toBe(1);
      const theme = await local.gql(
        `query($id: ID!) { entity(id: $id) { id ... on Theme { people(first: 10) { weight person { id } evidence(first: 3) { snippet } } } } }`,
        { id: themes[0].id },
      );
      expect(theme.body.errors).toBeUndefined();
      expect(counting.sessions()).toBe(2);
    } finally {
      await local.close();
    }
  });
});

describe('theme -> people', () => {
  it('ranks people by weight (strongest first), each with supporting passages', async () => {
    const { themes } = await data<{ themes: { id: string; name: string; people: any[] }[] }>(
      // Page sizes as variables: the cost limit multiplies literal ones (500 x 50 would be refused).
      `query($themes: Int, $people: Int) { themes(first: $themes) { id name
         people(first: $people) { weight person { id type } evidence(first: 3) { snippet section document { id } } } } }`,
      { themes: 500, people: 50 },
    );
    const withPeople = themes.filter((t) => t.people.length > 0);
    expect(withPeople.length, 'some theme has people working on it').toBeGreaterThan(0);
    for (const theme of withPeople) {
      const weights = theme.people.map((p) => p.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      for (const link of theme.people) {
        expect(link.person.type).toBe('PERSON');
        expect(link.weight).toBeGreaterThan(0);
        expect(link.evidence.length).toBeGreaterThan(0);
        expect(link.evidence.length).toBeLessThanOrEqual(3);
        for (const ev of link.evidence) {
          expect(ev.snippet.length).toBeGreaterThan(0);
          expect(ev.document.id).toBeTruthy();
        }
      }
    }
  });

  it('is consistent with Person.themes (same weight both ways)', async () => {
    const { themes } = await data('{ themes(first: 500) { id people(first: 1) { weight person { id } } } }');
    const theme = themes.find((t: any) => t.people.length > 0);
    expect(theme).toBeDefined();
    const link = theme.people[0];
    const { entity } = await data('query($id: ID!) { entity(id: $id) { ... on Person { themes(first: 500) { weight theme { id } } } } }', { id: link.person.id });
    const back = entity.themes.find((t: any) => t.theme.id === theme.id);
    expect(back?.weight).toBeCloseTo(link.weight, 6);
  });
});

describe('relatedProgrammes', () => {
  it('never returns a programme in the same municipality, and explains every hit', async () => {
    const { programmes } = await data<{ programmes: { id: string; municipalities: Ref[]; themes: unknown[] }[] }>(
      '{ programmes(first: 500) { id municipalities { id } themes(first: 1) { weight } } }',
    );
    const sources = programmes.filter((p) => p.themes.length > 0).slice(0, 25);
    expect(sources.length, 'programmes with themes').toBeGreaterThan(0);
    let answered = 0;
    for (const source of sources) {
      const { relatedProgrammes } = await data(
        `query($id: ID!) { relatedProgrammes(id: $id, first: 20) { score programme { id municipalities { id } }
           sharedThemes { id type } sharedOrganisations { id type } } }`,
        { id: source.id },
      );
      const own = new Set(source.municipalities.map((m) => m.id));
      const scores = relatedProgrammes.map((r: any) => r.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      for (const r of relatedProgrammes) {
        answered++;
        expect(r.programme.id).not.toBe(source.id);
        expect(r.programme.municipalities.length).toBeGreaterThan(0);
        for (const m of r.programme.municipalities) expect(own.has(m.id), `${r.programme.id} shares ${m.id} with ${source.id}`).toBe(false);
        expect(r.sharedThemes.length + r.sharedOrganisations.length).toBeGreaterThan(0);
        expect(r.score).toBeGreaterThan(0);
        for (const t of r.sharedThemes) expect(t.type).toBe('THEME');
        for (const o of r.sharedOrganisations) expect(o.type).toBe('ORGANISATION');
      }
    }
    expect(answered, 'some programme has related programmes elsewhere').toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for an id that is not a programme', async () => {
    const res = await app.gql('{ relatedProgrammes(id: "programme:does-not-exist") { score } }');
    expectCleanErrors(res.body, expect);
    expect(res.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('neighbourhood and path (Cytoscape-shaped)', () => {
  async function hub(): Promise<string> {
    // The most connected of the most mentioned entities of each type.
    const { people, organisations, programmes, themes, municipalities } = await data(
      '{ people(first: 10) { id } organisations(first: 10) { id } programmes(first: 10) { id } themes(first: 10) { id } municipalities(first: 10) { id } }',
    );
    let best = '';
    let bestEdges = -1;
    for (const e of [...people, ...organisations, ...programmes, ...themes, ...municipalities]) {
      const { neighbourhood } = await data('query($id: ID!) { neighbourhood(id: $id) { edges { id } } }', { id: e.id });
      if (neighbourhood.edges.length > bestEdges) {
        bestEdges = neighbourhood.edges.length;
        best = e.id;
      }
    }
    expect(bestEdges, 'an entity with relations').toBeGreaterThan(0);
    return best;
  }

  function checkShape(nodes: Node[], edges: Edge[]) {
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    const edgeIds = new Set(edges.map((e) => e.id));
    expect(edgeIds.size).toBe(edges.length);
    for (const e of edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
      expect(e.id).toBe(`${e.type}:${e.source}->${e.target}`);
      expect(['WORKS_FOR', 'HOLDS_OFFICE_IN', 'WORKS_ON', 'RUNS_IN', 'RUN_BY', 'BASED_IN']).toContain(e.type);
    }
    for (const n of nodes) expect(['PERSON', 'ORGANISATION', 'MUNICIPALITY', 'PROGRAMME', 'THEME']).toContain(n.type);
  }

  const Q = `query($id: ID!, $depth: Int, $types: [EntityType!], $limit: Int) {
    neighbourhood(id: $id, depth: $depth, types: $types, limit: $limit) {
      nodes { id type label weight } edges { id source target type weight } } }`;

  it('respects depth, type filter and node cap', async () => {
    const id = await hub();
    const one = (await data(Q, { id, depth: 1 })).neighbourhood;
    checkShape(one.nodes, one.edges);
    expect(one.nodes[0].id).toBe(id);
    // depth 1: every other node is a direct neighbour
    const adjacent = new Set(one.edges.flatMap((e: Edge) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])));
    for (const n of one.nodes.slice(1)) expect(adjacent.has(n.id)).toBe(true);

    const two = (await data(Q, { id, depth: 2 })).neighbourhood;
    checkShape(two.nodes, two.edges);
    const twoIds = new Set(two.nodes.map((n: Node) => n.id));
    for (const n of one.nodes) expect(twoIds.has(n.id)).toBe(true);
    expect(two.nodes.length).toBeGreaterThanOrEqual(one.nodes.length);

    const capped = (await data(Q, { id, depth: 3, limit: 3 })).neighbourhood;
    expect(capped.nodes.length).toBeLessThanOrEqual(3);
    checkShape(capped.nodes, capped.edges);

    const type = one.nodes[1]?.type;
    const filtered = (await data(Q, { id, depth: 2, types: [type] })).neighbourhood;
    for (const n of filtered.nodes.slice(1)) expect(n.type).toBe(type);
    checkShape(filtered.nodes, filtered.edges);

    const deep = await app.gql(Q, { id, depth: 50 });
    expect(deep.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT'); // refused, not quietly answered at depth 3
  });

  it('finds a shortest path that connects from and to, hop by hop', async () => {
    const id = await hub();
    const two = (await data(Q, { id, depth: 2 })).neighbourhood;
    const direct = new Set(two.edges.flatMap((e: Edge) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])));
    const far = two.nodes.find((n: Node) => n.id !== id && !direct.has(n.id));
    const target = far?.id ?? two.nodes[1].id;
    const { path } = await data(
      'query($from: ID!, $to: ID!) { path(from: $from, to: $to) { nodes { id type label } edges { id source target type weight } } }',
      { from: id, to: target },
    );
    expect(path).not.toBeNull();
    expect(path.nodes[0].id).toBe(id);
    expect(path.nodes[path.nodes.length - 1].id).toBe(target);
    checkShape(path.nodes, path.edges);
    for (let i = 0; i + 1 < path.nodes.length; i++) {
      const a = path.nodes[i].id;
      const b = path.nodes[i + 1].id;
      expect(path.edges.some((e: Edge) => (e.source === a && e.target === b) || (e.source === b && e.target === a))).toBe(true);
    }
    if (far) {
      expect(path.nodes.length).toBe(3);
      const short = await data('query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 1) { nodes { id } } }', { from: id, to: target });
      expect(short.path).toBeNull();
    }
    const unknown = await app.gql('{ path(from: "person:nobody-at-all", to: "theme:nothing") { nodes { id } } }');
    expect(unknown.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the passages behind an edge', async () => {
    const id = await hub();
    const { neighbourhood } = await data('query($id: ID!) { neighbourhood(id: $id) { edges { id evidence(first: 2) { snippet document { id } } } } }', { id });
    const withEvidence = neighbourhood.edges.filter((e: any) => e.evidence.length > 0);
    expect(withEvidence.length).toBeGreaterThan(0);
  });
});
