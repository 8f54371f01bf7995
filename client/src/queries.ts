/** The questions the client asks the API (the DESIGN.md contract), one function each. */
import { graphql, type RequestOptions } from './api.ts';
import type {
  DocumentRef, EntityDetails, EntityRef, EntityType, Mention, NeighbourPage, PassageHit, PersonThemeLink, RankedEntry,
  RelatedProgramme, SearchHit, Stats, Subgraph,
} from './types.ts';

const SUBGRAPH_FIELDS = 'nodes { id type label weight } edges { id source target type weight }';
const MENTION_FIELDS = 'document { id title published file } section sectionId snippet';

export async function searchEntities(query: string, types: EntityType[] | null, first = 12, options?: RequestOptions): Promise<SearchHit[]> {
  const data = await graphql<{ search: SearchHit[] }>(
    `query Zoeken($query: String!, $types: [EntityType!], $first: Int) {
      search(query: $query, types: $types, first: $first) {
        id type name aliases
        ... on Municipality { province }
      }
    }`,
    { query, types, first },
    options,
  );
  return data.search;
}

export async function fetchNeighbourhood(id: string, depth = 1, limit = 150, options?: RequestOptions): Promise<Subgraph> {
  const data = await graphql<{ neighbourhood: Subgraph }>(
    `query Buren($id: ID!, $depth: Int, $limit: Int) {
      neighbourhood(id: $id, depth: $depth, limit: $limit) { ${SUBGRAPH_FIELDS} }
    }`,
    { id, depth, limit },
    options,
  );
  return data.neighbourhood;
}

export async function fetchPath(from: string, to: string, maxLength = 6, options?: RequestOptions): Promise<Subgraph | null> {
  const data = await graphql<{ path: Subgraph | null }>(
    `query Verbinding($from: ID!, $to: ID!, $maxLength: Int) {
      path(from: $from, to: $to, maxLength: $maxLength) { ${SUBGRAPH_FIELDS} }
    }`,
    { from, to, maxLength },
    options,
  );
  return data.path;
}

const REF = 'id name';

export async function fetchEntity(id: string, options?: RequestOptions): Promise<EntityDetails | null> {
  const data = await graphql<{ entity: EntityDetails | null }>(
    `query Details($id: ID!) {
      entity(id: $id) {
        id type name aliases
        mentions(first: 8) { ${MENTION_FIELDS} }
        documents { id title published }
        ... on Person { roles organisations { ${REF} } municipalities { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
        ... on Organisation { kind people { ${REF} } municipalities { ${REF} } programmes { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
        ... on Municipality { province people { ${REF} } organisations { ${REF} } programmes { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
        ... on Programme { kind organisations { ${REF} } municipalities { ${REF} } themes(first: 15) { weight theme { ${REF} } } }
        ... on Theme {
          themePeople: people(first: 20) { weight person { ${REF} } }
          programmes(first: 20) { ${REF} } organisations(first: 20) { ${REF} } municipalities(first: 20) { ${REF} }
        }
      }
    }`,
    { id },
    options,
  );
  return data.entity;
}

export async function fetchThemes(options?: RequestOptions): Promise<EntityRef[]> {
  const data = await graphql<{ themes: EntityRef[] }>(`query Themas { themes(first: 500) { ${REF} } }`, {}, options);
  return data.themes;
}

export async function fetchThemePeople(id: string, first = 25, options?: RequestOptions): Promise<{ theme: EntityRef; people: PersonThemeLink[] } | null> {
  const data = await graphql<{ entity: (EntityRef & { people?: PersonThemeLink[] }) | null }>(
    `query ThemaPersonen($id: ID!, $first: Int) {
      entity(id: $id) {
        id name
        ... on Theme {
          people(first: $first) {
            weight
            person { id name roles organisations { ${REF} } }
            evidence(first: 2) { ${MENTION_FIELDS} kind article { id title } }
          }
        }
      }
    }`,
    { id, first },
    options,
  );
  if (!data.entity) return null;
  return { theme: { id: data.entity.id, name: data.entity.name }, people: data.entity.people ?? [] };
}

export interface ProgrammeSummary extends EntityRef {
  municipalities: EntityRef[];
  organisations: EntityRef[];
  themes: { weight: number; theme: EntityRef }[];
}

export async function fetchRelated(id: string, first = 10, options?: RequestOptions): Promise<{ source: ProgrammeSummary | null; related: RelatedProgramme[] }> {
  const data = await graphql<{ entity: ProgrammeSummary | null; relatedProgrammes: RelatedProgramme[] }>(
    `query Vergelijkbaar($id: ID!, $first: Int) {
      entity(id: $id) {
        id name
        ... on Programme { municipalities { ${REF} } organisations { ${REF} } themes(first: 20) { weight theme { ${REF} } } }
      }
      relatedProgrammes(id: $id, first: $first) {
        score
        programme { id name municipalities { ${REF} } }
        sharedThemes { ${REF} }
        sharedOrganisations { ${REF} }
        reasons { weight passages entity { id name type } }
      }
    }`,
    { id, first },
    options,
  );
  return { source: data.entity, related: data.relatedProgrammes };
}

export async function fetchStats(options?: RequestOptions): Promise<Stats> {
  const data = await graphql<{ stats: Stats }>(
    'query Statistiek { stats { documents people organisations municipalities programmes themes relations } }',
    {},
    options,
  );
  return data.stats;
}

/** Names and types of a few entities (to fill in search fields restored from a link). */
export async function fetchNames(ids: string[], options?: RequestOptions): Promise<Map<string, EntityRef>> {
  const unique = [...new Set(ids)].slice(0, 10);
  const result = new Map<string, EntityRef>();
  if (!unique.length) return result;
  const vars = unique.map((_, i) => `$id${i}: ID!`).join(', ');
  const fields = unique.map((_, i) => `e${i}: entity(id: $id${i}) { id name type }`).join('\n');
  const variables = Object.fromEntries(unique.map((id, i) => [`id${i}`, id]));
  const data = await graphql<Record<string, EntityRef | null>>(`query Namen(${vars}) { ${fields} }`, variables, options);
  for (const ref of Object.values(data)) if (ref) result.set(ref.id, ref);
  return result;
}

export async function fetchProgrammes(options?: RequestOptions): Promise<(EntityRef & { municipalities: EntityRef[] })[]> {
  const data = await graphql<{ programmes: (EntityRef & { municipalities: EntityRef[] })[] }>(
    `query Programmas { programmes(first: 500) { ${REF} municipalities { ${REF} } } }`, {}, options,
  );
  return data.programmes;
}

export interface EdgeEvidence { type: string; weight: number | null; evidence: Mention[] }

/**
 * The passages behind one relation: the direct path between its two ends, with the edges'
 * evidence (GraphEdge.evidence, an extra of this server beyond the DESIGN.md minimum).
 */
export async function fetchEdgeEvidence(source: string, target: string, options?: RequestOptions): Promise<EdgeEvidence[]> {
  const data = await graphql<{ path: { edges: (EdgeEvidence & { source: string; target: string })[] } | null }>(
    `query Verband($from: ID!, $to: ID!) {
      path(from: $from, to: $to, maxLength: 1) { edges { source target type weight evidence(first: 5) { ${MENTION_FIELDS} } } }
    }`,
    { from: source, to: target },
    options,
  );
  return data.path?.edges ?? [];
}

/** The kinds of entity that work on a theme, in the order the theme view lists them. */
export const MEMBER_TYPES = ['PERSON', 'ORGANISATION', 'PROGRAMME', 'MUNICIPALITY'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** A theme with its people, organisations, programmes and municipalities, each ranked with evidence. */
export async function fetchThemeMembers(id: string, first = 15, options?: RequestOptions): Promise<{ theme: EntityRef; members: Record<MemberType, RankedEntry[]> } | null> {
  const member = (alias: string, type: MemberType) =>
    `${alias}: members(type: ${type}, first: $first) { weight entity { id name type } evidence(first: 3) { ${MENTION_FIELDS} kind article { id title } } }`;
  const data = await graphql<{ entity: (EntityRef & Partial<Record<string, RankedEntry[]>>) | null }>(
    `query ThemaLeden($id: ID!, $first: Int) {
      entity(id: $id) {
        id name
        ... on Theme { ${member('people', 'PERSON')} ${member('organisations', 'ORGANISATION')} ${member('programmes', 'PROGRAMME')} ${member('municipalities', 'MUNICIPALITY')} }
      }
    }`,
    { id, first },
    options,
  );
  if (!data.entity) return null;
  const e = data.entity;
  return {
    theme: { id: e.id, name: e.name },
    members: { PERSON: e.people ?? [], ORGANISATION: e.organisations ?? [], PROGRAMME: e.programmes ?? [], MUNICIPALITY: e.municipalities ?? [] },
  };
}

export async function fetchPassages(query: string, first = 20, options?: RequestOptions): Promise<PassageHit[]> {
  const data = await graphql<{ passages: PassageHit[] }>(
    `query Fragmenten($query: String!, $first: Int) {
      passages(query: $query, first: $first) {
        sectionId section score snippet matchedWords
        parts { text match }
        document { id title published file }
        entities { id name type }
      }
    }`,
    { query, first },
    options,
  );
  return data.passages;
}

export interface PathEdge { id: string; source: string; target: string; type: string; weight: number | null; evidence: Mention[] }
export interface PathAlternative { nodes: Subgraph['nodes']; edges: PathEdge[] }

export async function fetchPaths(
  from: string, to: string, avoid: { themes: boolean; hubs: boolean }, first = 3, options?: RequestOptions,
): Promise<PathAlternative[]> {
  const data = await graphql<{ paths: PathAlternative[] }>(
    `query Verbindingen($from: ID!, $to: ID!, $avoidTypes: [EntityType!], $avoidHubs: Boolean, $first: Int) {
      paths(from: $from, to: $to, maxLength: 6, avoidTypes: $avoidTypes, avoidHubs: $avoidHubs, first: $first) {
        nodes { id type label weight }
        edges { id source target type weight evidence(first: 2) { ${MENTION_FIELDS} } }
      }
    }`,
    { from, to, avoidTypes: avoid.themes ? ['THEME'] : [], avoidHubs: avoid.hubs, first },
    options,
  );
  return data.paths;
}

/** The neighbours of `id` from `offset` on, strongest link first. */
export async function fetchNeighbourPage(id: string, first = 25, offset = 0, options?: RequestOptions): Promise<NeighbourPage> {
  const data = await graphql<{ neighbours: NeighbourPage }>(
    `query BurenPagina($id: ID!, $first: Int, $offset: Int) {
      neighbours(id: $id, first: $first, offset: $offset) { total ${SUBGRAPH_FIELDS} }
    }`,
    { id, first, offset },
    options,
  );
  return data.neighbours;
}

/** Starting points for the landing page: the largest themes, the documents, examples to try. */
export async function fetchStartingPoints(options?: RequestOptions): Promise<{
  themes: (EntityRef & { mentionCount: number })[];
  documents: DocumentRef[];
  people: EntityRef[];
  programmes: (EntityRef & { municipalities: EntityRef[] })[];
}> {
  return graphql(
    `query Startpunten {
      themes(first: 6) { id name mentionCount }
      documents { id title published file }
      people(first: 2) { id name }
      programmes(first: 30) { id name municipalities { id name } }
    }`,
    {},
    options,
  );
}
