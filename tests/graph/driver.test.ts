import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  closeDriver, connectGraph, getDatabase, getDriver, readQuery, readTransaction, verifyConnectivity,
  writeQuery, writeTransaction,
} from '../../graph/driver.ts';
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
