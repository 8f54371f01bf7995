import { afterAll, describe, expect, it } from 'vitest';

import { createDriver } from '../../graph/driver.ts';
import { readRows, type ReadContext } from '../../graph/queries/run.ts';
import { testNeo4j } from '../setup/neo4j.ts';

/**
 * graph/queries/run.ts reads a result through the driver's observer (collectRows), converting each
 * record as it arrives, instead of awaiting the driver's Result: the rows, their order, their values
 * and the errors must be what they were.
 */
describe('readRows against the real Neo4j', () => {
  const neo4j = testNeo4j();
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  const ctx: ReadContext = { driver, database: neo4j.database, timeoutMs: 30_000 };

  afterAll(() => driver.close());

  it('returns every record in order as a plain row (numbers, lists, maps, nodes as their properties, null)', async () => {
    const rows = await readRows(
      ctx,
      `UNWIND range(1, 2000) AS i
       RETURN i, [i, i * 2] AS list, {half: i / 2.0, name: 'n' + i} AS map, CASE WHEN i % 2 = 0 THEN null ELSE i END AS odd`,
    );
    expect(rows).toHaveLength(2000);
    rows.forEach((row, k) => {
      const i = k + 1;
      expect(row).toEqual({ i, list: [i, i * 2], map: { half: i / 2, name: `n${i}` }, odd: i % 2 === 0 ? null : i });
    });
    const [node] = await readRows(ctx, `MATCH (e:Entity) WITH e ORDER BY e.id LIMIT 1 RETURN e`);
    expect(Object.getPrototypeOf(node.e)).toBe(Object.prototype);
    expect(typeof (node.e as { id: unknown }).id).toBe('string');
  });

  it('returns no rows for an empty result', async () => {
    expect(await readRows(ctx, 'UNWIND [] AS x RETURN x')).toEqual([]);
  });

  it("rejects with Neo4j's error, and the session is usable again after it", async () => {
    await expect(readRows(ctx, 'UNWIND [1, 0] AS d RETURN 1 / d AS q')).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ArithmeticError' });
    await expect(readRows(ctx, 'RETURN nope')).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(await readRows(ctx, 'RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});
