/**
 * "Which initiatives elsewhere resemble ours?": programmes in other municipalities than the
 * source programme, ranked by what they share with it, in one query.
 *
 * Score = sum over shared themes and shared organisations of their specificity, an IDF over
 * the passages of the corpus: ln((S - s + 0.5) / (s + 0.5)), floored at 0, where S is the
 * number of sections and s the number that mention the shared entity. One mentioned in half
 * of the corpus (the publisher, a catch-all theme) weighs about 0; one mentioned in a handful
 * of passages about 4 to 5. A candidate whose matches weigh less than MIN_SCORE in total is
 * left out: sharing only what nearly everything shares explains nothing.
 *
 * Municipality rule: a candidate must run in at least one municipality, and in none of the
 * source's municipalities.
 */
import { entityProjection, type EntityRow } from './model.ts';
import { int, readRows, type ReadContext } from './run.ts';
import { bundleParams, bundlePartsCypher, byShape, type BundlePart } from './entity-bundle.ts';
import { THEME_PROGRAMMES_SUBQUERY } from '../theme-programmes.ts';

/** Below this total a match is not shown (about: one entity mentioned in a quarter of the passages). */
export const MIN_SCORE = 1;

/** Specificity of a shared entity mentioned in `sf` of the `sections`: BM25's IDF over passages, at least 0. */
const SPECIFICITY = 'CASE WHEN 2 * sf >= sections THEN 0.0 ELSE log((toFloat(sections) - sf + 0.5) / (sf + 0.5)) END';

/** A theme's programmes from its relationships only (`cid, cname`, each once). */
const THEME_PROGRAMMES_EXPANDED = `
  CALL (t) {
    MATCH (t)<-[:WORKS_ON]-(c:Programme)
    WITH DISTINCT c
    RETURN c.id AS cid, c.name AS cname
  }`;

/**
 * From a bound `src` to the ranked rows `c, hits, score` (shared by the API and the bench's
 * @cypher field). `hits` hold the shared entities as nodes: their properties are read for the
 * page only. Each shared theme or organisation is weighed once, before its programmes are
 * expanded, and the candidates are ranked by id and name before any of them is looked up: only
 * those down to the page's last one are (Neo4j keeps the sorted order through the lookup and
 * the filter when the second ORDER BY names the same columns, so it costs nothing).
 *
 * `themeProgrammes` lists a bound theme's programmes: the API reads the themes' stored lists
 * (graph/theme-programmes.ts; on the 100x graph a theme has thousands of WORKS_ON links, and
 * 5.9k -> 1.1k db hits for the whole request), the comparison's @cypher field expands the
 * relationships, as a schema of @neo4j/graphql would without our stored lists.
 */
const rankedCandidates = (themeProgrammes: string) => `
  WITH src,
       COLLECT { MATCH (src)-[:RUNS_IN]->(m:Municipality) RETURN m } AS srcMunicipalities,
       COUNT { MATCH (s:Section) RETURN s } AS sections
  CALL (src, sections) {
    MATCH (src)-[:WORKS_ON]->(t:Theme)
    WITH DISTINCT t, sections
    WITH t, sections, toFloat(COUNT { (t)-[:MENTIONED_IN]->() }) AS sf
    WITH t, sf, ${SPECIFICITY} AS weight
    ${themeProgrammes}
    WITH cid, cname, t, sf, weight
    WHERE cid <> src.id
    RETURN cid, cname, 'THEME' AS kind, t AS shared, weight, sf AS passages
    UNION ALL
    MATCH (src)-[:RUN_BY]->(o:Organisation)
    WITH DISTINCT o, sections
    WITH o, sections, toFloat(COUNT { (o)-[:MENTIONED_IN]->() }) AS sf
    WITH o, sf, ${SPECIFICITY} AS weight
    MATCH (o)<-[:RUN_BY]-(c:Programme)
    WHERE c <> src
    WITH DISTINCT c, o, sf, weight
    RETURN c.id AS cid, c.name AS cname, 'ORGANISATION' AS kind, o AS shared, weight, sf AS passages
  }
  WITH srcMunicipalities, cid, cname, collect({kind: kind, shared: shared, weight: weight, passages: passages}) AS hits
  WITH srcMunicipalities, cid, cname, hits, reduce(total = 0.0, h IN hits | total + h.weight) AS score
  WHERE score >= ${MIN_SCORE}
  WITH srcMunicipalities, cid, cname, hits, score
  ORDER BY score DESC, cname, cid
  MATCH (c:Programme {id: cid})
  WITH srcMunicipalities, c, cname, cid, hits, score,
       COLLECT { MATCH (c)-[:RUNS_IN]->(m:Municipality) RETURN m } AS municipalities
  WHERE size(municipalities) > 0 AND none(m IN municipalities WHERE m IN srcMunicipalities)
  WITH c, cname, cid, hits, score
  ORDER BY score DESC, cname, cid
  LIMIT $first`;

/** The page, each with its reasons, and the lists the query asks of each programme (`parts`, entity-bundle.ts). */
const relatedProgrammesCypher = byShape(
  (parts) => `
  MATCH (src:Programme {id: $id})
  ${rankedCandidates(THEME_PROGRAMMES_SUBQUERY)}
  CALL (hits) {
    UNWIND hits AS h
    WITH h, h.shared AS x
    RETURN collect({kind: h.kind, entity: ${entityProjection('x')}, weight: h.weight, passages: h.passages}) AS reasons
  }
  WITH c AS e, score, reasons
  ${bundlePartsCypher(parts, ['score', 'reasons'])}
  RETURN ${entityProjection('e')} AS programme, score, reasons, parts`,
);

export interface RelatedProgrammeRow {
  programme: EntityRow;
  score: number;
  /** Rarest (most telling) first. */
  sharedThemes: EntityRow[];
  sharedOrganisations: EntityRow[];
  /** Every shared theme and organisation with what it adds to the score, heaviest first. */
  reasons: SharedReason[];
  /** The items of each part asked with the page, in order (see relatedProgrammes). */
  parts: unknown[][];
}

export interface SharedReason {
  entity: EntityRow;
  weight: number;
  /** Sections of the corpus that mention it. */
  passages: number;
}

type Weighted = SharedReason;

const rarestFirst = (items: Weighted[]) =>
  items.sort((a, b) => b.weight - a.weight || a.entity.name.localeCompare(b.entity.name)).map((i) => i.entity);

/**
 * The programmes most like programme `id`, best first; with each, the lists `parts` of it
 * (e.g. its municipalities) that the query asks, read in the same round trip.
 */
export async function relatedProgrammes(ctx: ReadContext, id: string, first: number, parts: readonly BundlePart[] = []): Promise<RelatedProgrammeRow[]> {
  const rows = await readRows(ctx, relatedProgrammesCypher(parts), { id, first: int(first), ...bundleParams(parts) });
  return rows.map((r) => {
    const reasons = r.reasons as (Weighted & { kind: string })[];
    const of = (kind: string) => reasons.filter((h) => h.kind === kind).map(({ entity, weight, passages }) => ({ entity, weight, passages }));
    const themes = of('THEME');
    const organisations = of('ORGANISATION');
    return {
      programme: r.programme as EntityRow,
      score: r.score as number,
      sharedThemes: rarestFirst([...themes]),
      sharedOrganisations: rarestFirst([...organisations]),
      reasons: [...themes, ...organisations].sort((a, b) => b.weight - a.weight || a.entity.name.localeCompare(b.entity.name)),
      parts: r.parts as unknown[][],
    };
  });
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
  ${rankedCandidates(THEME_PROGRAMMES_EXPANDED)}
  RETURN c`;

/** The same ranking from the relationships only, as ids (tests: the stored lists change nothing). */
const RELATED_IDS_EXPANDED = `
  MATCH (src:Programme {id: $id})
  ${rankedCandidates(THEME_PROGRAMMES_EXPANDED)}
  RETURN c.id AS id, score`;

export async function relatedProgrammeIdsFromRelationships(ctx: ReadContext, id: string, first: number): Promise<{ id: string; score: number }[]> {
  return (await readRows(ctx, RELATED_IDS_EXPANDED, { id, first: int(first) })) as { id: string; score: number }[];
}
