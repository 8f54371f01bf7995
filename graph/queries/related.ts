/**
 * "Which initiatives elsewhere resemble ours?": programmes in other municipalities than the
 * source programme, ranked by what they share with it, in one query.
 *
 * Score = sum over shared themes and shared organisations of log(1 + N / df), where N is the
 * number of programmes and df the number of programmes linked to that theme (organisation):
 * a theme every programme has counts little, a rare one a lot. (1 + N/df rather than N/df so
 * that a theme shared by all programmes still counts a little instead of exactly zero.)
 *
 * Municipality rule: a candidate must run in at least one municipality, and in none of the
 * source's municipalities.
 */
import { entityProjection, type EntityRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';

/** From a bound `src` to the ranked rows `c, hits, score` (shared by the API and the bench's @cypher field). */
const RANKED_CANDIDATES = `
  WITH src,
       COLLECT { MATCH (src)-[:RUNS_IN]->(m:Municipality) RETURN DISTINCT m.id } AS srcMunicipalities,
       COUNT { MATCH (p:Programme) RETURN p } AS n
  CALL (src, n) {
    MATCH (src)-[:WORKS_ON]->(t:Theme)<-[:WORKS_ON]-(c:Programme)
    WHERE c <> src
    WITH DISTINCT c, t, n
    WITH c, t, n, COUNT { MATCH (t)<-[:WORKS_ON]-(p:Programme) RETURN DISTINCT p } AS df
    RETURN c, 'THEME' AS kind, ${entityProjection('t')} AS shared, log(1.0 + toFloat(n) / df) AS weight
    UNION
    MATCH (src)-[:RUN_BY]->(o:Organisation)<-[:RUN_BY]-(c:Programme)
    WHERE c <> src
    WITH DISTINCT c, o, n
    WITH c, o, n, COUNT { MATCH (o)<-[:RUN_BY]-(p:Programme) RETURN DISTINCT p } AS df
    RETURN c, 'ORGANISATION' AS kind, ${entityProjection('o')} AS shared, log(1.0 + toFloat(n) / df) AS weight
  }
  WITH srcMunicipalities, c, collect({kind: kind, shared: shared, weight: weight}) AS hits
  WITH srcMunicipalities, c, hits,
       COLLECT { MATCH (c)-[:RUNS_IN]->(m:Municipality) RETURN DISTINCT m.id } AS municipalities
  WHERE size(municipalities) > 0 AND none(m IN municipalities WHERE m IN srcMunicipalities)
  WITH c, hits, reduce(total = 0.0, h IN hits | total + h.weight) AS score
  ORDER BY score DESC, c.name, c.id
  LIMIT $first`;

const RELATED_PROGRAMMES = `
  MATCH (src:Programme {id: $id})
  ${RANKED_CANDIDATES}
  RETURN ${entityProjection('c')} AS programme, score,
         [h IN hits WHERE h.kind = 'THEME' | {entity: h.shared, weight: h.weight}] AS themes,
         [h IN hits WHERE h.kind = 'ORGANISATION' | {entity: h.shared, weight: h.weight}] AS organisations`;

export interface RelatedProgrammeRow {
  programme: EntityRow;
  score: number;
  /** Rarest (most telling) first. */
  sharedThemes: EntityRow[];
  sharedOrganisations: EntityRow[];
}

type Weighted = { entity: EntityRow; weight: number };

const rarestFirst = (items: Weighted[]) =>
  items.sort((a, b) => b.weight - a.weight || a.entity.name.localeCompare(b.entity.name)).map((i) => i.entity);

export async function relatedProgrammes(ctx: ReadContext, id: string, first: number): Promise<RelatedProgrammeRow[]> {
  const rows = await readRows(ctx, RELATED_PROGRAMMES, { id, first: int(first) });
  return rows.map((r) => ({
    programme: r.programme as EntityRow,
    score: r.score as number,
    sharedThemes: rarestFirst(r.themes as Weighted[]),
    sharedOrganisations: rarestFirst(r.organisations as Weighted[]),
  }));
}

const PROGRAMME_EXISTS = `MATCH (p:Programme {id: $id}) RETURN p.id AS id`;

export async function programmeExists(ctx: ReadContext, id: string): Promise<boolean> {
  return (await readRows(ctx, PROGRAMME_EXISTS, { id })).length > 0;
}

/**
 * The same ranking as a @cypher field statement for the bench's @neo4j/graphql comparison
 * server (`this` = the source programme, `$first` = the field argument).
 */
export const RELATED_PROGRAMMES_CYPHER_FIELD = `
  WITH this AS src
  ${RANKED_CANDIDATES}
  RETURN c`;
