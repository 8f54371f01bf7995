/**
 * Abusive and malformed requests: refused before execution (no Neo4j session is opened) with a
 * clear, coded error that names the limit. Nothing crashes, nothing leaks a stack trace.
 * How fast a refusal is belongs to the benchmarks, not here: on a shared, loaded machine any
 * wall-clock bound tight enough to mean something fails at random.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeTestDriver, testDriver, testNeo4j } from '../setup/neo4j.ts';
import { countingSessions, ensureCorpus, expectCleanErrors, startApp, type RunningApp } from './harness.ts';

let app: RunningApp;
let sessions: () => number;

/**
 * Only a hung request comes near this (the execution timeout is over 6 s): a refusal answers at once.
 * Not a speed target (that is bench/), just "answered, not left to time out".
 */
const ANSWERED_MS = 3000;

/**
 * Sends the request and returns the answer with how many Neo4j sessions it opened (the app runs
 * without its read cache, so every read opens one).
 */
async function refused(query: string, variables?: Record<string, unknown>) {
  const before = sessions();
  const res = await app.gql(query, variables);
  return { ...res, sessions: sessions() - before };
}

function nested(depth: number): string {
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = `${i % 2 === 0 ? 'organisations' : 'people'} { ${inner} }`;
  return `{ people(first: 1) { ${inner} } }`;
}

beforeAll(async () => {
  await ensureCorpus(testDriver(), testNeo4j().database);
  const counting = countingSessions(testDriver());
  sessions = counting.sessions;
  app = await startApp({ production: true, cache: false, driver: counting.driver });
  // Warm up (first request compiles code paths); the timed requests come after.
  await app.gql('{ stats { documents } }');
  await app.gql(nested(20));
});

afterAll(async () => {
  await app.close();
  await closeTestDriver();
});

describe('query limits (graphql-armor)', () => {
  it('refuses a depth-20 query before execution', async () => {
    const res = await refused(nested(20));
    expectCleanErrors(res.body, expect);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.some((e) => /depth limit of 10 exceeded/i.test(e.message))).toBe(true);
    expect(res.sessions).toBe(0);
    expect(res.ms).toBeLessThan(ANSWERED_MS);
  });

  it('refuses 500 aliases before execution', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: stats { documents }`).join(' ')} }`;
    const res = await refused(query);
    expectCleanErrors(res.body, expect);
    expect(res.body.data ?? null).toBeNull();
    expect(res.sessions).toBe(0);
    expect(res.ms).toBeLessThan(ANSWERED_MS);
  });

  it('refuses 31 aliases (alias limit 30) but answers 30', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: documents { id }`).join(' ')} }`;
    const tooMany = await refused(aliases(31));
    expectCleanErrors(tooMany.body, expect);
    expect(tooMany.body.errors?.some((e) => /aliases limit of 30 exceeded/i.test(e.message))).toBe(true);
    expect(tooMany.sessions).toBe(0);
    expect(tooMany.ms).toBeLessThan(ANSWERED_MS);
    const answered = await refused(aliases(30));
    expect(answered.body.errors).toBeUndefined();
    // The counter sees reads: an answered query opens sessions.
    expect(answered.sessions).toBeGreaterThan(0);
  });

  it('refuses a query whose cost explodes (nested page sizes) before execution', async () => {
    const res = await refused('{ people(first: 500) { themes(first: 500) { evidence(first: 500) { snippet } } } }');
    expectCleanErrors(res.body, expect);
    expect(res.body.errors?.some((e) => /cost limit of \d+ exceeded/i.test(e.message))).toBe(true);
    expect(res.sessions).toBe(0);
    expect(res.ms).toBeLessThan(ANSWERED_MS);
  });

  it('refuses first: 1000000 naming the limit, literal or variable, and answers first: 500', async () => {
    const res = await app.gql('{ people(first: 1000000) { id } search(query: "a", first: 1000000) { id } }');
    expectCleanErrors(res.body, expect);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.filter((e) => e.message === '`first` must be at most 500 (got 1000000).')).toHaveLength(2);
    const viaVariable = await app.gql('query($n: Int) { people(first: $n) { id } }', { n: 1_000_000 });
    expectCleanErrors(viaVariable.body, expect);
    expect(viaVariable.body.errors?.[0].message).toMatch(/at most|between 0 and 500/);
    const answered = await app.gql('{ people(first: 500) { id } }');
    expect(answered.body.errors).toBeUndefined();
    expect((answered.body.data as { people: unknown[] }).people.length).toBeGreaterThan(0);
  });

  it('refuses neighbourhood depth above 3 and limit above 500', async () => {
    const { people } = (await app.gql('{ people(first: 1) { id } }')).body.data as { people: { id: string }[] };
    const deep = await app.gql('query($id: ID!) { neighbourhood(id: $id, depth: 20) { nodes { id } } }', { id: people[0].id });
    expect(deep.body.errors?.[0].message).toBe('`depth` must be between 0 and 3 (got 20).');
    const wide = await app.gql('query($id: ID!, $n: Int) { neighbourhood(id: $id, limit: $n) { nodes { id } } }', { id: people[0].id, n: 1_000_000 });
    expect(wide.body.errors?.[0].message).toBe('`limit` must be between 1 and 500 (got 1000000).');
  });

  it('refuses negative page sizes with BAD_USER_INPUT', async () => {
    for (const q of ['{ people(first: -1) { id } }', '{ people(offset: -5) { id } }', '{ search(query: "x", first: -2) { id } }']) {
      const res = await app.gql(q);
      expectCleanErrors(res.body, expect);
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('search input with Lucene syntax', () => {
  const nasty = ['"foo', '(a AND b', '*', '~', 'a:b', '\\', '/', 'foo OR', 'NOT', 'AND AND', '[1 TO 5]', '{x}', '^2', 'a && b || !c', '?', 'piezo~0.5', '"', '(', ')', '-', '+'];
  for (const q of nasty) {
    it(`answers ${JSON.stringify(q)} without error`, async () => {
      const res = await app.gql('query($q: String!) { search(query: $q) { id name } }', { q });
      expect(res.status).toBe(200);
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      expect(Array.isArray((res.body.data as any).search)).toBe(true);
    });
  }

  it('still finds what the words name when syntax is mixed in', async () => {
    const res = await app.gql('{ search(query: "(piëzo*") { name } }');
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any).search.map((e: any) => e.name)).toContain('PiëzoMethodiek');
  });

  it('refuses an over-long search text with BAD_USER_INPUT', async () => {
    const res = await app.gql('query($q: String!) { search(query: $q) { id } }', { q: 'x'.repeat(5000) });
    expectCleanErrors(res.body, expect);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('bad requests', () => {
  it('answers a syntax error, an unknown field and a mutation with coded errors and no stack', async () => {
    const cases: [string, string][] = [
      ['{ people { id ', 'GRAPHQL_PARSE_FAILED'],
      ['{ nothingHere }', 'GRAPHQL_VALIDATION_FAILED'],
      ['mutation { deleteEverything }', 'GRAPHQL_VALIDATION_FAILED'],
      ['query($x: Int) { people(first: $x) { id } }', ''],
    ];
    for (const [query, code] of cases) {
      const res = code ? await refused(query) : await refused(query, { x: 'not a number' });
      expectCleanErrors(res.body, expect);
      if (code) expect(res.body.errors?.[0].extensions?.code, query).toBe(code);
      expect(res.sessions).toBe(0);
    expect(res.ms).toBeLessThan(ANSWERED_MS);
    }
  });

  it('does not suggest field names in production', async () => {
    const res = await app.gql('{ peopl { id } }');
    expectCleanErrors(res.body, expect);
    expect(JSON.stringify(res.body.errors)).not.toMatch(/Did you mean/);
  });

  it('refuses a mutation sent with GET, and a huge body', async () => {
    const get = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('mutation { x }')}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
    const big = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { documents } } # ${'x'.repeat(300_000)}` }),
    });
    expect(big.status).toBe(413);
    const body = await big.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
