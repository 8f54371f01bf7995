import { randomUUID } from 'node:crypto';

import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';

import { createDriver } from '../../graph/driver.ts';
import type { TestNeo4j } from './context.ts';

let driver: Driver | undefined;

/** Connection details of the test run's Neo4j (see global-setup.ts). */
export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A driver for the test run's Neo4j, one per test file; close it with closeTestDriver(). */
export function testDriver(): Driver {
  const { uri, user, password } = testNeo4j();
  driver ??= createDriver(uri, user, password);
  return driver;
}

export async function closeTestDriver(): Promise<void> {
  await driver?.close();
  driver = undefined;
}

/** An id no other test uses, to tag what a test writes so that it can delete exactly that. */
export function testId(prefix: string): string {
  return `test:${prefix}:${randomUUID()}`;
}
