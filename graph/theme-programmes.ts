/**
 * The programmes of each large theme, kept on the theme (`programmeIds`, `programmeNames`: every
 * programme working on it, once, ordered by name then id), so that "related initiatives"
 * (queries/related.ts) scores the candidates of a theme from one list instead of expanding the
 * theme's thousands of WORKS_ON relationships (people's too) and checking each far end's label:
 * on the 100x graph 5.9k -> 1.1k db hits for a programme on one large theme.
 *
 * The list is complete (not a top-N): the ranking stays exact. `programmeLinks` records the
 * theme's WORKS_ON degree when the list was made; the query uses the list only while that degree
 * is unchanged (a constant-time degree read), so an import that adds or removes links to the theme
 * makes it expand the relationships again until the list is refreshed.
 *
 * Kept fresh by `refreshThemeProgrammes`, to be run by the importer at the end of every import
 * (and by the bench after growing its synthetic graph). Themes with few programmes get no list:
 * expanding them is as cheap as reading one.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { IMPORT_PLAN } from './import-plans.ts';

/** Themes with more programmes than this get a stored list (none on the bundled corpus). */
export const THEME_PROGRAMMES_MIN = 100;

const STORE = `${IMPORT_PLAN}
  MATCH (t:Theme)
  CALL (t) {
    MATCH (t)<-[:WORKS_ON]-(c:Programme)
    WITH DISTINCT c
    ORDER BY c.name, c.id
    RETURN collect(c.id) AS ids, collect(c.name) AS names
  }
  WITH t, ids, names, size(ids) > $min AS listed
  SET t.programmeIds = CASE WHEN listed THEN ids END,
      t.programmeNames = CASE WHEN listed THEN names END,
      t.programmeLinks = CASE WHEN listed THEN COUNT { (t)<-[:WORKS_ON]-() } END
  RETURN count(t) AS themes, sum(CASE WHEN listed THEN 1 ELSE 0 END) AS listed`;

/**
 * The inner part of the ranking for a bound theme `t`: its programmes as `cid, cname` (each once),
 * from the stored list while it is current, else from the relationships.
 */
export const THEME_PROGRAMMES_SUBQUERY = `
  CALL (t) {
    WITH t, t.programmeIds AS ids, t.programmeNames AS names
    WHERE ids IS NOT NULL AND t.programmeLinks = COUNT { (t)<-[:WORKS_ON]-() }
    UNWIND range(0, size(ids) - 1) AS i
    RETURN ids[i] AS cid, names[i] AS cname
    UNION ALL
    WITH t
    WHERE t.programmeIds IS NULL OR t.programmeLinks <> COUNT { (t)<-[:WORKS_ON]-() }
    MATCH (t)<-[:WORKS_ON]-(c:Programme)
    WITH DISTINCT c
    RETURN c.id AS cid, c.name AS cname
  }`;

/** Recomputes every theme's list (all themes in one statement: there are a few dozen). */
export async function refreshThemeProgrammes(
  driver: Driver,
  database: string,
  options: { minProgrammes?: number } = {},
): Promise<{ themes: number; listed: number }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const row = await session.executeWrite(
      async (tx) => (await tx.run(STORE, { min: neo4j.int(options.minProgrammes ?? THEME_PROGRAMMES_MIN) })).records[0],
    );
    return { themes: neo4j.integer.toNumber(row.get('themes')), listed: neo4j.integer.toNumber(row.get('listed')) };
  } finally {
    await session.close();
  }
}
