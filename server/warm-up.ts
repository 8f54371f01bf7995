/**
 * Warms the read path once the graph is there (at startup, and again after each import): the
 * user questions are asked once, in the background, with ids taken from the graph, so that Neo4j
 * has planned their Cypher, paged in the nodes they touch and compiled its hot code before the
 * first user asks. Without it the first two-step neighbourhood after an import took ~3 s.
 *
 * The questions go through the API itself (the same resolvers and graph/queries functions, so
 * the same Cypher strings, which is what Neo4j's plan cache is keyed by), one at a time: a
 * request that arrives meanwhile is answered as usual, the warm-up holds one of the read slots
 * at most. A failed question is noted, never thrown: the warm-up only makes the first answers faster.
 */

export type Execute = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: readonly { message: string }[] }>;

export interface WarmUpStatus {
  /** idle: never asked; skipped: the graph has nothing to ask about yet. */
  state: 'idle' | 'running' | 'done' | 'skipped' | 'failed';
  /** Times it has run to the end (done or skipped). */
  runs: number;
  /** Questions answered without errors in the last run. */
  queries: number;
  /** The questions that failed in the last run, with their first error. */
  failures: string[];
  /** Wall time of the last finished run. */
  ms?: number;
  finishedAt?: string;
}

const REF = 'id name';
const SUBGRAPH = 'nodes { id type label weight } edges { id source target type weight }';

/** What to warm with: the most mentioned person, theme and programme (the lists' first entries). */
const PICK_IDS = `{ people(first: 1) { id name } themes(first: 1) { id } programmes(first: 1) { id } }`;

/** The user questions, in the shapes the explorer asks them (client/src/queries.ts). */
function questions(ids: { person?: { id: string; name: string }; theme?: string; programme?: string }): { name: string; query: string; variables: Record<string, unknown> }[] {
  const list: { name: string; query: string; variables: Record<string, unknown> }[] = [];
  const person = ids.person;
  if (person) {
    const word = person.name.split(/\s+/).find((w) => w.length >= 3) ?? person.name;
    list.push(
      { name: 'search', query: `query($q: String!) { search(query: $q, first: 12) { id type name aliases } }`, variables: { q: word.slice(0, 4) } },
      {
        name: 'entity',
        query: `query($id: ID!) { entity(id: $id) { id type name aliases mentions(first: 8) { section sectionId snippet document { id title } }
          documents { id title } ... on Person { roles organisations { ${REF} } municipalities { ${REF} } themes(first: 15) { weight theme { ${REF} } } } } }`,
        variables: { id: person.id },
      },
      { name: 'neighbourhood', query: `query($id: ID!, $depth: Int) { neighbourhood(id: $id, depth: $depth, limit: 150) { ${SUBGRAPH} } }`, variables: { id: person.id, depth: 1 } },
      { name: 'two-step neighbourhood', query: `query($id: ID!, $depth: Int) { neighbourhood(id: $id, depth: $depth, limit: 150) { ${SUBGRAPH} } }`, variables: { id: person.id, depth: 2 } },
    );
  }
  if (ids.theme)
    list.push({
      name: 'theme -> people',
      query: `query($id: ID!) { entity(id: $id) { id name ... on Theme { people(first: 10) { weight person { ${REF} } evidence(first: 3) { snippet section document { title } } } } } }`,
      variables: { id: ids.theme },
    });
  if (ids.programme)
    list.push({
      name: 'related initiatives',
      query: `query($id: ID!) { relatedProgrammes(id: $id, first: 10) { score programme { ${REF} municipalities { ${REF} } }
        sharedThemes { ${REF} } sharedOrganisations { ${REF} } reasons { weight passages entity { ${REF} } } } }`,
      variables: { id: ids.programme },
    });
  return list;
}

export interface WarmUp {
  /** Runs the warm-up (again, once the current run ends, when one is running). */
  run(): Promise<WarmUpStatus>;
  status(): WarmUpStatus;
}

export function createWarmUp(execute: Execute, log: (line: string) => void = () => {}): WarmUp {
  let status: WarmUpStatus = { state: 'idle', runs: 0, queries: 0, failures: [] };
  let current: Promise<WarmUpStatus> | undefined;
  let again: Promise<WarmUpStatus> | undefined;

  async function once(): Promise<WarmUpStatus> {
    const started = performance.now();
    status = { ...status, state: 'running', queries: 0, failures: [] };
    const failures: string[] = [];
    let answered = 0;
    const ask = async (name: string, query: string, variables?: Record<string, unknown>) => {
      try {
        const result = await execute(query, variables);
        if (result.errors?.length) failures.push(`${name}: ${result.errors[0].message}`);
        else answered++;
        return result.data;
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    const picked = await ask('ids', PICK_IDS);
    const list = picked ? questions({ person: picked.people?.[0], theme: picked.themes?.[0]?.id, programme: picked.programmes?.[0]?.id }) : [];
    answered = 0; // the user questions only
    for (const q of list) await ask(q.name, q.query, q.variables);
    const ms = Math.round(performance.now() - started);
    const state: WarmUpStatus['state'] = failures.length > 0 ? 'failed' : list.length === 0 ? 'skipped' : 'done';
    status = { state, runs: status.runs + 1, queries: answered, failures, ms, finishedAt: new Date().toISOString() };
    if (state === 'failed') log(`Warm-up: ${failures.length} question(s) failed (${failures.join('; ')})`);
    else if (state === 'done') log(`Warm-up: ${answered} questions answered in ${ms} ms`);
    return status;
  }

  function run(): Promise<WarmUpStatus> {
    if (!current) {
      current = once().finally(() => {
        current = undefined;
      });
      return current;
    }
    // An import finished while a warm-up ran: warm once more afterwards, on the new graph.
    again ??= current.then(() => {
      again = undefined;
      return run();
    });
    return again;
  }

  return { run, status: () => status };
}
