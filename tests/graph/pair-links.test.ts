/**
 * The aggregated pair links (graph/pair-links.ts) against the real Neo4j: after the corpus
 * import every link is the sum of the per-document relationships of its type and pair, and
 * nothing else is linked; the neighbourhood read through them is the one computed here from the
 * per-document relationships; and after a document is replaced, forcibly re-imported or removed
 * the links are right again, with no stale pair left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDocument, writeExtraction } from '../../graph/write.ts';
import { refreshHubNeighbours } from '../../graph/hub-neighbours.ts';
import { OUT_LINK_END, OUT_LINK_FIELD, PAIR_LINK, PAIR_LINK_PREFIX, refreshPairLinks } from '../../graph/pair-links.ts';
import { RELATION_PATTERN } from '../../graph/queries/model.ts';
import { neighbourhood } from '../../graph/queries/subgraph.ts';
import { readRows, type ReadContext } from '../../graph/queries/run.ts';
import type { EntityType, ExtractionResult, RelationType } from '../../import/types.ts';
import { closeTestDriver } from '../setup/neo4j.ts';
import { corpusReadContext } from '../api/harness.ts';

let read: ReadContext;

beforeAll(async () => {
  read = await corpusReadContext();
  await refreshPairLinks(read.driver, read.database);
}, 300_000);

afterAll(async () => {
  if (read) {
    for (const id of [DOC_A, DOC_B, DOC_C, DOC_X]) await deleteDocument(read.driver, read.database, id);
    await refreshHubNeighbours(read.driver, read.database);
  }
  await closeTestDriver();
});

/** `type from->to` => [summed weight, relationships], from the per-document relationships. */
async function expectedLinks(): Promise<Map<string, [number, number]>> {
  const rows = await readRows(read, `
    MATCH (a:Entity)-[r:${RELATION_PATTERN}]->(b:Entity)
    RETURN type(r) AS type, a.id AS source, b.id AS target, sum(r.weight) AS weight, count(r) AS n`, {});
  return new Map(rows.map((r) => [`${r.type} ${r.source}->${r.target}`, [r.weight as number, r.n as number]]));
}

async function storedLinks(): Promise<Map<string, [number, number]>> {
  const rows = await readRows(read, `
    MATCH (a)-[l:${PAIR_LINK}]->(b)
    RETURN substring(type(l), ${PAIR_LINK_PREFIX.length}) AS type, a.id AS source, b.id AS target, l.weight AS weight, l.relations AS n`, {});
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    const key = `${r.type} ${r.source}->${r.target}`;
    expect(out.has(key), `one link per type and pair: ${key}`).toBe(false);
    out.set(key, [r.weight as number, r.n as number]);
  }
  return out;
}

async function expectLinksMatchRelationships(): Promise<Map<string, [number, number]>> {
  const expected = await expectedLinks();
  const stored = await storedLinks();
  expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, [weight, n]] of expected) {
    expect(stored.get(key)![1], key).toBe(n);
    expect(stored.get(key)![0], key).toBeCloseTo(weight, 9);
  }
  await expectSummariesMatchLinks();
  return stored;
}

/**
 * Every entity's summary of its outgoing links (`outLinks`, read by the neighbourhood) holds exactly
 * its links to other entities, with their weights, by relation type position then target id; none
 * without links.
 */
async function expectSummariesMatchLinks(): Promise<void> {
  const types = RELATION_PATTERN.split('|');
  const links = await readRows(read, `
    MATCH (a)-[l:${PAIR_LINK}]->(b) WHERE a <> b
    RETURN a.id AS source, substring(type(l), ${PAIR_LINK_PREFIX.length}) AS type, b.id AS target, l.weight AS weight`, {});
  const expected = new Map<string, [number, number, string][]>();
  for (const r of links) {
    const list = expected.get(r.source as string) ?? [];
    list.push([types.indexOf(r.type as string), r.weight as number, r.target as string]);
    expected.set(r.source as string, list);
  }
  for (const list of expected.values()) list.sort((x, y) => x[0] - y[0] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
  const summaries = await readRows(read, `MATCH (e:Entity) WHERE e.outLinks IS NOT NULL RETURN e.id AS id, e.outLinks AS data`, {});
  const stored = new Map<string, [number, number, string][]>();
  for (const r of summaries) {
    const entries = (r.data as string).split(OUT_LINK_END);
    expect(entries.pop(), `${r.id}: ends with the entry mark`).toBe('');
    stored.set(r.id as string, entries.map((entry) => {
      const [head, target] = entry.split(OUT_LINK_FIELD);
      return [Number(head[0]), Number(head.slice(1)), target];
    }));
  }
  expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, list] of expected) expect(stored.get(id), id).toEqual(list);
}

describe('pair links', () => {
  it('sum the per-document relationships of each type and pair after the import, and nothing else', async () => {
    const stored = await expectLinksMatchRelationships();
    expect(stored.size).toBeGreaterThan(500);
    // the corpus has pairs read from several documents: those are one link, not several
    expect([...stored.values()].some(([, n]) => n > 1)).toBe(true);
    // nothing changed since: nothing to do
    expect(await refreshPairLinks(read.driver, read.database)).toEqual({ documents: 0, pairs: 0 });
  });
});

// ---------------------------------------------------------------- replaced, re-imported, removed

const DOC_A = 'test-pairs-a';
const DOC_B = 'test-pairs-b';
const DOC_C = 'test-pairs-c';
const DOC_X = 'test-pairs-x';
const PERSON = 'person:test-pairs-persoon';
const ORG = 'organisation:test-pairs-stichting';
const OTHER_ORG = 'organisation:test-pairs-vereniging';
const THEME = 'theme:test-pairs-thema';
const SHORT_LIVED = 'organisation:test-pairs-kortstondig';

function doc(id: string, sha256: string, relations: { type: RelationType; from: string; to: string; weight: number }[]): ExtractionResult {
  const section = `${id}#0`;
  const ends = [...new Set(relations.flatMap((r) => [r.from, r.to]))];
  const typeOf = (e: string): EntityType => (e.startsWith('person:') ? 'PERSON' : e.startsWith('theme:') ? 'THEME' : 'ORGANISATION');
  return {
    document: { id, file: `${id}.txt`, path: `${id}.txt`, title: id, published: null, sha256, sections: [{ id: section, ordinal: 0, title: 'Intro', text: 'tekst' }] },
    entities: ends.map((e) => ({ id: e, type: typeOf(e), name: e.split(':')[1], aliases: [], props: {}, mentions: [{ sectionId: section, count: 1, snippets: ['tekst'] }] })),
    relations: relations.map((r) => ({ ...r, role: null, evidence: [{ sectionId: section, quote: 'tekst' }] })),
  };
}

async function link(type: string, from: string, to: string): Promise<[number, number] | undefined> {
  return (await storedLinks()).get(`${type} ${from}->${to}`);
}

describe('pair links after a document changes', () => {
  it('follow a replaced, a forcibly re-imported and a removed document, with no stale pair', async () => {
    const { driver, database } = read;
    await writeExtraction(driver, database, doc(DOC_A, 'a1', [
      { type: 'WORKS_FOR', from: PERSON, to: ORG, weight: 1 },
      { type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.5 },
    ]));
    await writeExtraction(driver, database, doc(DOC_B, 'b1', [{ type: 'WORKS_FOR', from: PERSON, to: ORG, weight: 0.25 }]));
    expect(await refreshPairLinks(driver, database)).toMatchObject({ documents: 2 });
    expect(await link('WORKS_FOR', PERSON, ORG)).toEqual([1.25, 2]);
    expect(await link('WORKS_ON', PERSON, THEME)).toEqual([0.5, 1]);
    await expectLinksMatchRelationships();

    // A is replaced: the person now works for another organisation and no longer on the theme
    await writeExtraction(driver, database, doc(DOC_A, 'a2', [{ type: 'WORKS_FOR', from: PERSON, to: OTHER_ORG, weight: 0.75 }]));
    expect(await refreshPairLinks(driver, database)).toMatchObject({ documents: 1 });
    expect(await link('WORKS_FOR', PERSON, ORG)).toEqual([0.25, 1]);
    expect(await link('WORKS_FOR', PERSON, OTHER_ORG)).toEqual([0.75, 1]);
    expect(await link('WORKS_ON', PERSON, THEME)).toBeUndefined();
    await expectLinksMatchRelationships();

    // a forced re-import of the same text is refreshed too, and changes nothing
    const before = await storedLinks();
    await writeExtraction(driver, database, doc(DOC_A, 'a2', [{ type: 'WORKS_FOR', from: PERSON, to: OTHER_ORG, weight: 0.75 }]), { force: true });
    expect(await refreshPairLinks(driver, database)).toMatchObject({ documents: 1 });
    expect(await storedLinks()).toEqual(before);

    // B is removed: its pair goes with it (deleteDocument refreshes the links itself)
    await deleteDocument(driver, database, DOC_B);
    expect(await refreshPairLinks(driver, database)).toEqual({ documents: 0, pairs: 0 });
    expect(await link('WORKS_FOR', PERSON, ORG)).toBeUndefined();
    expect(await link('WORKS_FOR', PERSON, OTHER_ORG)).toEqual([0.75, 1]);
    await expectLinksMatchRelationships();

    await deleteDocument(driver, database, DOC_A);
    expect(await link('WORKS_FOR', PERSON, OTHER_ORG)).toBeUndefined();
    await expectLinksMatchRelationships();
    const ledgers = await readRows(read, 'MATCH (l:PairLedger) WHERE l.documentId STARTS WITH "test-pairs" RETURN count(l) AS n', {});
    expect(ledgers[0].n).toBe(0);
  });
});

describe('pair links by increments', () => {
  it('do not subtract a contribution from a link made after its entity was deleted and created again', async () => {
    const { driver, database } = read;
    // (the same weight as C's below: subtracting it would leave nothing, with no sign of a mistake)
    await writeExtraction(driver, database, doc(DOC_X, 'x1', [{ type: 'WORKS_FOR', from: PERSON, to: SHORT_LIVED, weight: 0.5 }]));
    await refreshPairLinks(driver, database);
    expect(await link('WORKS_FOR', PERSON, SHORT_LIVED)).toEqual([0.5, 1]);
    // X no longer names the organisation: it is deleted, and its link with it
    await writeExtraction(driver, database, doc(DOC_X, 'x2', [{ type: 'WORKS_FOR', from: PERSON, to: ORG, weight: 0.25 }]));
    const gone = await readRows(read, 'MATCH (e:Entity {id: $id}) RETURN count(e) AS n', { id: SHORT_LIVED });
    expect(gone[0].n).toBe(0);
    // C names it again: a new node; C is refreshed first (id order), one document per transaction, so
    // the new link exists when X's ledger, which still records X's old contribution, is handled
    await writeExtraction(driver, database, doc(DOC_C, 'c1', [{ type: 'WORKS_FOR', from: PERSON, to: SHORT_LIVED, weight: 0.5 }]));
    expect(await refreshPairLinks(driver, database, { batchDocuments: 1 })).toMatchObject({ documents: 2 });
    expect(await link('WORKS_FOR', PERSON, SHORT_LIVED)).toEqual([0.5, 1]);
    expect(await link('WORKS_FOR', PERSON, ORG)).toEqual([0.25, 1]);
    await expectLinksMatchRelationships();
  });

  it('are finished by the next refresh after an interrupted one', async () => {
    const { driver, database } = read;
    await writeExtraction(driver, database, doc(DOC_C, 'c2', [{ type: 'WORKS_FOR', from: PERSON, to: OTHER_ORG, weight: 0.5 }]));
    await writeExtraction(driver, database, doc(DOC_X, 'x3', [
      { type: 'WORKS_FOR', from: PERSON, to: ORG, weight: 0.75 },
      { type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.5 },
    ]));
    // stopped after its first transaction (C): X is left for the next refresh
    expect(await refreshPairLinks(driver, database, { batchDocuments: 1, maxBatches: 1 })).toMatchObject({ documents: 1 });
    expect(await link('WORKS_FOR', PERSON, SHORT_LIVED)).toBeUndefined();
    expect(await link('WORKS_FOR', PERSON, ORG)).toEqual([0.25, 1]);
    expect(await refreshPairLinks(driver, database)).toMatchObject({ documents: 1 });
    expect(await link('WORKS_FOR', PERSON, ORG)).toEqual([0.75, 1]);
    await expectLinksMatchRelationships();
    expect(await refreshPairLinks(driver, database)).toEqual({ documents: 0, pairs: 0 });
  });

  it('sum weights the same in any order', async () => {
    const { driver, database } = read;
    // as floats 0.1 + 0.2 + 0.7 is 1 and 0.7 + 0.2 + 0.1 is 0.9999999999999999; the links sum exactly
    await writeExtraction(driver, database, doc(DOC_A, 'w1', [{ type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.1 }]));
    await writeExtraction(driver, database, doc(DOC_B, 'w1', [{ type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.2 }]));
    await writeExtraction(driver, database, doc(DOC_C, 'w1', [{ type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.7 }]));
    await deleteDocument(driver, database, DOC_X);
    await refreshPairLinks(driver, database, { batchDocuments: 1 });
    expect(await link('WORKS_ON', PERSON, THEME)).toEqual([1, 3]);
    // the same weights the other way round, in one transaction
    await writeExtraction(driver, database, doc(DOC_A, 'w2', [{ type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.7 }]));
    await writeExtraction(driver, database, doc(DOC_C, 'w2', [{ type: 'WORKS_ON', from: PERSON, to: THEME, weight: 0.1 }]));
    await refreshPairLinks(driver, database);
    expect(await link('WORKS_ON', PERSON, THEME)).toEqual([1, 3]);
    await expectLinksMatchRelationships();
  });
});

describe('pair links of the older format', () => {
  it('(one LINK type, the relation type a property) are rebuilt, one relationship type per relation type', async () => {
    const { driver, database } = read;
    const before = await expectLinksMatchRelationships();
    // the graph as the previous format left it: every link a LINK {type}, none of the new types
    const session = driver.session({ database });
    try {
      await session.run(`
        MATCH (a)-[l:${PAIR_LINK}]->(b)
        CREATE (a)-[:LINK {type: substring(type(l), ${PAIR_LINK_PREFIX.length}), units: l.units, relations: l.relations, weight: l.weight, epoch: l.epoch}]->(b)
        DELETE l`);
    } finally {
      await session.close();
    }
    expect(await storedLinks()).toEqual(new Map());
    await refreshPairLinks(driver, database);
    const old = await readRows(read, 'MATCH ()-[l:LINK]->() RETURN count(l) AS n', {});
    expect(old[0].n).toBe(0);
    expect(await expectLinksMatchRelationships()).toEqual(before);
    const types = await readRows(read, `MATCH ()-[l:${PAIR_LINK}]->() RETURN DISTINCT type(l) AS type, l.type IS NULL AS plain`, {});
    for (const t of types) {
      expect(t.type as string).toMatch(new RegExp(`^${PAIR_LINK_PREFIX}(${RELATION_PATTERN})$`));
      expect(t.plain).toBe(true);
    }
    expect(await refreshPairLinks(driver, database)).toEqual({ documents: 0, pairs: 0 });
  });

  it('without the summaries of each entity\'s links (an older importer) are rebuilt with them once', async () => {
    const { driver, database } = read;
    const before = await expectLinksMatchRelationships();
    await driver.executeQuery('MATCH (e:Entity) REMOVE e.outLinks', {}, { database });
    await driver.executeQuery('MATCH (s:PairLinkState) REMOVE s.outLinks', {}, { database });
    const rebuilt = await refreshPairLinks(driver, database);
    expect(rebuilt.documents).toBeGreaterThan(0);
    expect(await expectLinksMatchRelationships()).toEqual(before);
    expect(await refreshPairLinks(driver, database)).toEqual({ documents: 0, pairs: 0 });
  });
});

// ---------------------------------------------------------------- the neighbourhood through the links

interface Graph {
  mentions: Map<string, number>;
  type: Map<string, EntityType>;
  neighbours: Map<string, Set<string>>;
  relations: { type: string; source: string; target: string; weight: number }[];
}

async function perDocumentGraph(): Promise<Graph> {
  const entities = await readRows(read, 'MATCH (e:Entity) RETURN e.id AS id, e.type AS type, e.mentionCount AS mentions', {});
  const relations = (await readRows(read, `
    MATCH (a:Entity)-[r:${RELATION_PATTERN}]->(b:Entity)
    RETURN type(r) AS type, a.id AS source, b.id AS target, r.weight AS weight`, {})) as Graph['relations'];
  const neighbours = new Map<string, Set<string>>();
  const add = (a: string, b: string) => (neighbours.get(a) ?? neighbours.set(a, new Set()).get(a)!).add(b);
  for (const r of relations) {
    add(r.source, r.target);
    add(r.target, r.source);
  }
  return {
    mentions: new Map(entities.map((e) => [e.id as string, (e.mentions as number | null) ?? 0])),
    type: new Map(entities.map((e) => [e.id as string, e.type as EntityType])),
    neighbours,
    relations,
  };
}

/** Breadth-first, nearer first, then most mentioned, then id; and every edge among the nodes, summed per type and pair. */
function reference(g: Graph, id: string, depth: number, limit: number, types: EntityType[] | null) {
  const nodes = [id];
  const seen = new Set(nodes);
  let frontier = [id];
  for (let d = 1; d <= depth && nodes.length < limit && frontier.length > 0; d++) {
    const candidates = new Set<string>();
    for (const f of frontier) {
      for (const n of g.neighbours.get(f) ?? []) if (!seen.has(n) && (!types || types.includes(g.type.get(n)!))) candidates.add(n);
    }
    const ranked = [...candidates].sort((a, b) => g.mentions.get(b)! - g.mentions.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    frontier = ranked.slice(0, limit - nodes.length);
    for (const n of frontier) {
      nodes.push(n);
      seen.add(n);
    }
  }
  const edges = new Map<string, number>();
  for (const r of g.relations) {
    if (r.source === r.target || !seen.has(r.source) || !seen.has(r.target)) continue;
    const key = `${r.type}:${r.source}->${r.target}`;
    edges.set(key, (edges.get(key) ?? 0) + (r.weight ?? 0));
  }
  return { nodes, edges };
}

/**
 * The edge cap over the reference's edges: each edge belongs to its end later in the answer; over
 * `maxEdges`, every node keeps its `perNode` strongest (weight, then type, then the other end's
 * id), `perNode` the largest that fits (at least 1). Weights compared as the links sum them, in
 * integer units, so that equal sums tie whatever the order of the floats.
 */
function capped(g: Graph, nodes: string[], maxEdges: number) {
  const position = new Map(nodes.map((id, i) => [id, i]));
  const units = new Map<string, number>();
  for (const r of g.relations) {
    if (r.source === r.target || !position.has(r.source) || !position.has(r.target)) continue;
    const key = `${r.type}:${r.source}->${r.target}`;
    units.set(key, (units.get(key) ?? 0) + Math.round((r.weight ?? 0) * 1e12));
  }
  const byOwner = new Map<string, { key: string; units: number; type: string; other: string }[]>();
  for (const [key, u] of units) {
    const [type, ends] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const [source, target] = ends.split('->');
    const [owner, other] = position.get(source)! > position.get(target)! ? [source, target] : [target, source];
    (byOwner.get(owner) ?? byOwner.set(owner, []).get(owner)!).push({ key, units: u, type, other });
  }
  const lists = [...byOwner.values()];
  const total = units.size;
  if (total <= maxEdges) return { kept: [...units.keys()].sort(), total, perNode: null };
  let perNode = 1;
  const longest = Math.max(...lists.map((l) => l.length));
  for (let k = 2; k <= longest; k++) if (lists.reduce((s, l) => s + Math.min(l.length, k), 0) <= maxEdges) perNode = k;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const kept = lists.flatMap((l) =>
    [...l].sort((a, b) => b.units - a.units || cmp(a.type, b.type) || cmp(a.other, b.other)).slice(0, perNode).map((e) => e.key));
  return { kept: kept.sort(), total, perNode };
}

describe('the neighbourhood through the pair links', () => {
  it('has the nodes and edges computed from the per-document relationships, with and without hub lists', async () => {
    const g = await perDocumentGraph();
    const starts = (await readRows(read, `
      CALL () { MATCH (e:Entity) RETURN e ORDER BY e.mentionCount DESC, e.id LIMIT 6
                UNION MATCH (e:Person) RETURN e ORDER BY e.mentionCount DESC, e.id LIMIT 4 }
      RETURN collect(e.id) AS ids`, {}))[0].ids as string[];
    const cases = starts.flatMap((id) => [1, 2].flatMap((depth) => [10, 60, 150].flatMap((limit) =>
      [null, ['PERSON', 'THEME'] as EntityType[]].map((types) => ({ id, depth, limit, types, maxEdges: 5000 })))));
    const check = async () => {
      let full = 0;
      let capping = 0;
      for (const c of cases) {
        const got = (await neighbourhood(read, c))!;
        const want = reference(g, c.id, c.depth, c.limit, c.types);
        const label = JSON.stringify(c);
        expect(got.nodes.map((n) => n.id), label).toEqual(want.nodes);
        expect(got.edges.map((e) => e.id).sort(), label).toEqual([...want.edges.keys()].sort());
        for (const e of got.edges) expect(e.weight!, `${label} ${e.id}`).toBeCloseTo(want.edges.get(e.id)!, 9);
        expect(got.edgesOmitted, label).toBe(0);
        if (got.nodes.length >= 60) full++;
        // and over the edge cap: the strongest upward edges of each node
        if (c.limit === 150 && c.depth === 2) {
          for (const maxEdges of [40, 150, 300]) {
            const cut = (await neighbourhood(read, { ...c, maxEdges }))!;
            const want = capped(g, got.nodes.map((n) => n.id), maxEdges);
            const cutLabel = `${label} maxEdges ${maxEdges}`;
            expect(cut.nodes.map((n) => n.id), cutLabel).toEqual(got.nodes.map((n) => n.id));
            expect(cut.edges.map((e) => e.id).sort(), cutLabel).toEqual(want.kept);
            expect(cut.edgesOmitted, cutLabel).toBe(want.total - want.kept.length);
            expect(cut.edgesPerNode, cutLabel).toBe(want.perNode);
            if (want.perNode !== null) capping++;
          }
        }
      }
      // the cap was tested, not only the answers under it
      expect(capping).toBeGreaterThan(5);
      // the two-step neighbourhoods are full ones, not a handful of nodes
      expect(full).toBeGreaterThan(10);
    };
    await check();
    // the same through the hubs' stored lists (the corpus has no hub at the production threshold)
    const { hubs } = await refreshHubNeighbours(read.driver, read.database, { minDegree: 15 });
    expect(hubs).toBeGreaterThan(2);
    try {
      await check();
    } finally {
      await refreshHubNeighbours(read.driver, read.database);
    }
  });
});
