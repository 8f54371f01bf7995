import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  closeDriver, connectGraph, getDatabase, getDriver, readQuery, readTransaction, verifyConnectivity,
  writeQuery, writeTransaction,
} from '../../graph/driver.ts';
import { plainIntegers, presizedLists } from '../../graph/driver-integers.ts';
import { testId, testNeo4j } from '../setup/neo4j.ts';

const tag = testId('driver');

describe('graph/driver against the real Neo4j', () => {
  beforeAll(async () => {
    const connection = await connectGraph();
    // NEO4J_URI is set for the workers, so connectGraph must not start a server of its own.
    expect(connection.embedded).toBeNull();
    expect(connection.uri).toBe(testNeo4j().uri);
  });

  afterAll(async () => {
    await writeQuery('MATCH (n:DriverTestNode {tag: $tag}) DETACH DELETE n', { tag });
    await closeDriver();
  });

  it('reads integers of every width as the numbers they are, without the driver\'s Integer objects (graph/driver-integers.ts)', async () => {
    expect(plainIntegers).toBe(true);
    // tiny, 8-, 16-, 32- and 64-bit encodings and their edges, both signs; lists and maps too
    const values = [0, 1, 127, 128, -1, -16, -17, -128, -129, 255, 32767, 32768, -32768, -32769, 2147483647, 2147483648, -2147483648, -2147483649, 2 ** 40, -(2 ** 40), 2 ** 53 - 1];
    const rows = await readQuery<{ v: number; list: number[]; map: { v: number }; float: number }>(
      'UNWIND $values AS s WITH toInteger(s) AS v RETURN v, [v, -v] AS list, {v: v} AS map, toFloat(v) AS float',
      { values: values.map(String) },
    );
    expect(rows.map((r) => r.v)).toEqual(values);
    expect(rows.map((r) => r.list)).toEqual(values.map((v) => [v, v === 0 ? 0 : -v]));
    expect(rows.map((r) => r.map.v)).toEqual(values);
    expect(rows.map((r) => r.float)).toEqual(values);
    for (const r of rows) expect(typeof r.v).toBe('number');
    // beyond 2^53 the driver's own conversion applies (Infinity for values a double cannot hold exactly is its choice)
    const [big] = await readQuery<{ v: number }>('RETURN 9223372036854775807 AS v');
    expect(big.v).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads lists of every size encoding (tiny, 8-, 16- and 32-bit sizes), nested and of mixed values, into arrays of their length (graph/driver-integers.ts)', async () => {
    expect(presizedLists).toBe(true);
    for (const n of [0, 1, 15, 16, 255, 256, 65535, 65536, 70000]) {
      const [row] = await readQuery<{ ints: number[]; floats: number[]; mixed: unknown[]; nested: number[][] }>(
        `WITH $n AS n
         RETURN [i IN range(1, n) | i] AS ints, [i IN range(1, n) | i / 4.0] AS floats,
                [i IN range(1, n) | CASE i % 3 WHEN 0 THEN 'x' + i WHEN 1 THEN null ELSE i END] AS mixed,
                [i IN range(1, n % 40) | range(1, i)] AS nested`,
        { n },
      );
      const ints = Array.from({ length: n }, (_, k) => k + 1);
      expect(row.ints).toEqual(ints);
      expect(row.floats).toEqual(ints.map((i) => i / 4));
      expect(row.mixed).toEqual(ints.map((i) => (i % 3 === 0 ? `x${i}` : i % 3 === 1 ? null : i)));
      expect(row.nested).toEqual(Array.from({ length: n % 40 }, (_, k) => Array.from({ length: k + 1 }, (_, j) => j + 1)));
      expect(row.ints.length).toBe(n);
    }
  });

  it('connects once per process and verifies connectivity', async () => {
    const again = await connectGraph();
    expect(again.driver).toBe(getDriver());
    expect(getDatabase()).toBe(testNeo4j().database);
    await expect(verifyConnectivity()).resolves.toBeUndefined();
  });

  it('writes a node and reads it back, with integers as plain numbers', async () => {
    const written = await writeQuery<{ id: string }>(
      'CREATE (n:DriverTestNode {id: $id, tag: $tag, name: $name, count: $count}) RETURN n.id AS id',
      { id: `${tag}:a`, tag, name: 'Sociaal Domein', count: 42 },
    );
    expect(written).toEqual([{ id: `${tag}:a` }]);

    const read = await readQuery<{ name: string; count: number }>(
      'MATCH (n:DriverTestNode {id: $id}) RETURN n.name AS name, n.count AS count',
      { id: `${tag}:a` },
    );
    expect(read).toEqual([{ name: 'Sociaal Domein', count: 42 }]);
    expect(typeof read[0]!.count).toBe('number');
  });

  it('runs several statements in one write transaction and rolls back on error', async () => {
    await writeTransaction(async (tx) => {
      await tx.run('CREATE (:DriverTestNode {id: $id, tag: $tag})', { id: `${tag}:b`, tag });
      await tx.run('CREATE (:DriverTestNode {id: $id, tag: $tag})', { id: `${tag}:c`, tag });
    });
    await expect(writeTransaction(async (tx) => {
      await tx.run('CREATE (:DriverTestNode {id: $id, tag: $tag})', { id: `${tag}:d`, tag });
      throw new Error('abort this transaction');
    })).rejects.toThrow('abort this transaction');

    const ids = await readTransaction(async (tx) => {
      const result = await tx.run('MATCH (n:DriverTestNode {tag: $tag}) RETURN n.id AS id ORDER BY id', { tag });
      return result.records.map((r) => r.get('id') as string);
    });
    expect(ids).toEqual([`${tag}:a`, `${tag}:b`, `${tag}:c`]);
  });

  it('refuses a write through the read helper', async () => {
    await expect(readQuery('CREATE (:DriverTestNode {id: $id, tag: $tag})', { id: `${tag}:e`, tag }))
      .rejects.toThrow(/read/i);
  });
});
