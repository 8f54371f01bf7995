/**
 * The five user questions of the API benchmark, each asked of our API and of the
 * @neo4j/graphql comparison server, with the inputs picked from the imported data.
 */

export interface Scenario {
  name: string;
  ours: { query: string; variables: Record<string, unknown> };
  /** Absent: the generated API has nothing comparable (e.g. passage search). */
  theirs?: { query: string; variables: Record<string, unknown> };
}

export interface Inputs {
  search: string;
  personId: string;
  themeId: string;
  programmeId: string;
  /** Words for the passage search: the name of the theme with most people. */
  passages: string;
  /** Two words, one from each of two themes' names (a multi-word entity search). */
  twoWords: string;
}

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** Picks representative inputs through our own API: the best-connected person, the theme with most people, the programme with most related programmes. */
export async function pickInputs(gql: Gql): Promise<Inputs> {
  const { people } = await gql('{ people(first: 40) { id organisations { id } municipalities { id } themes(first: 50) { weight } } }');
  const person = [...people].sort(
    (a: any, b: any) => b.organisations.length + b.municipalities.length + b.themes.length - (a.organisations.length + a.municipalities.length + a.themes.length),
  )[0];
  const { themes } = await gql('query($n: Int) { themes(first: 40) { id name people(first: $n) { weight } } }', { n: 500 });
  const theme = [...themes].sort((a: any, b: any) => b.people.length - a.people.length)[0];
  const { programmes } = await gql('{ programmes(first: 60) { id municipalities { id } } }');
  let programme = programmes[0];
  let best = -1;
  for (const p of programmes.filter((x: any) => x.municipalities.length > 0).slice(0, 20)) {
    const { relatedProgrammes } = await gql('query($id: ID!) { relatedProgrammes(id: $id, first: 10) { score } }', { id: p.id });
    if (relatedProgrammes.length > best) {
      best = relatedProgrammes.length;
      programme = p;
    }
  }
  const longest = (name: string) => name.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  const twoWords = `${longest(themes[1]?.name ?? 'sociaal')} ${longest(themes[2]?.name ?? 'domein')}`;
  return { search: 'zorg', personId: person.id, themeId: theme.id, programmeId: programme.id, passages: theme.name, twoWords };
}

export function scenarios(inputs: Inputs): Scenario[] {
  const ref = 'id name';
  return [
    {
      name: 'search',
      ours: {
        query: `query($q: String!) { search(query: $q, first: 10) { id type name } }`,
        variables: { q: inputs.search },
      },
      theirs: {
        // One @fulltext query per type (the generated API searches per type), prefix as Lucene syntax.
        query: `query($q: String!) {
          searchPeople(phrase: $q, first: 10) { edges { score node { ${ref} } } }
          searchOrganisations(phrase: $q, first: 10) { edges { score node { ${ref} } } }
          searchMunicipalities(phrase: $q, first: 10) { edges { score node { ${ref} } } }
          searchProgrammes(phrase: $q, first: 10) { edges { score node { ${ref} } } }
          searchThemes(phrase: $q, first: 10) { edges { score node { ${ref} } } } }`,
        variables: { q: `${inputs.search}*` },
      },
    },
    {
      name: 'entity with links',
      ours: {
        query: `query($id: ID!) { entity(id: $id) { id type name aliases mentionCount
          mentions(first: 5) { snippet section document { title } }
          ... on Person { roles organisations { ${ref} } municipalities { ${ref} } themes(first: 10) { weight theme { ${ref} } } } } }`,
        variables: { id: inputs.personId },
      },
      theirs: {
        query: `query($id: ID!) { people(where: { id: { eq: $id } }) { id type name aliases mentionCount roles
          sectionsConnection(first: 5) { edges { properties { snippets } node { title document { title } } } }
          organisations { ${ref} } municipalities { ${ref} }
          themesConnection(first: 10, sort: [{ edge: { weight: DESC } }]) { edges { properties { weight } node { ${ref} } } } } }`,
        variables: { id: inputs.personId },
      },
    },
    {
      name: 'theme -> people',
      ours: {
        query: `query($id: ID!) { entity(id: $id) { id name ... on Theme {
          people(first: 10) { weight person { ${ref} } evidence(first: 3) { snippet section document { title } } } } } }`,
        variables: { id: inputs.themeId },
      },
      theirs: {
        // Per-document edges sorted by weight (the generated API cannot sum them per person).
        query: `query($id: ID!) { themes(where: { id: { eq: $id } }) { id name
          peopleConnection(first: 10, sort: [{ edge: { weight: DESC } }]) { edges { properties { weight quotes sectionIds } node { ${ref} } } } } }`,
        variables: { id: inputs.themeId },
      },
    },
    {
      name: 'relatedProgrammes',
      ours: {
        query: `query($id: ID!) { relatedProgrammes(id: $id, first: 10) { score
          programme { ${ref} municipalities { ${ref} } } sharedThemes { ${ref} } sharedOrganisations { ${ref} }
          reasons { weight passages entity { ${ref} } } } }`,
        variables: { id: inputs.programmeId },
      },
      theirs: {
        // Same ranking through a @cypher field; the explanation = each candidate's themes and organisations.
        query: `query($id: ID!) { programmes(where: { id: { eq: $id } }) { id
          relatedProgrammes(first: 10) { ${ref} municipalities { ${ref} } themes { ${ref} } organisations { ${ref} } } } }`,
        variables: { id: inputs.programmeId },
      },
    },
    {
      name: 'passage search',
      ours: {
        query: `query($q: String!) { passages(query: $q, first: 10) { sectionId section score snippet parts { text match }
          document { title } entities { ${ref} type } } }`,
        variables: { q: inputs.passages },
      },
    },
    {
      name: 'search two words',
      ours: {
        query: `query($q: String!) { search(query: $q, first: 10) { id type name } }`,
        variables: { q: inputs.twoWords },
      },
    },
    {
      name: 'neighbourhood depth 2',
      ours: {
        query: `query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 150) { nodes { id type label weight } edges { id source target type weight } } }`,
        variables: { id: inputs.personId },
      },
      theirs: {
        // Two hops of nested relationship fields from the same person.
        query: `query($id: ID!) { people(where: { id: { eq: $id } }) { ${ref}
          organisations { ${ref} people(limit: 50) { ${ref} } municipalities { ${ref} } programmes(limit: 50) { ${ref} } themes { ${ref} } }
          municipalities { ${ref} people(limit: 50) { ${ref} } organisations(limit: 50) { ${ref} } programmes(limit: 50) { ${ref} } }
          themes { ${ref} people(limit: 50) { ${ref} } programmes(limit: 50) { ${ref} } organisations(limit: 50) { ${ref} } } } }`,
        variables: { id: inputs.personId },
      },
    },
  ];
}
