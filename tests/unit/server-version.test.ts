import { describe, expect, it } from 'vitest';
import { serverTooOld } from '../../graph/server-version.ts';

describe('serverTooOld', () => {
  it('accepts 5.26 and every later version, calendar versions included', () => {
    for (const agent of ['Neo4j/5.26.0', 'Neo4j/5.26.30', 'Neo4j/5.27.1', 'Neo4j/2025.01.0', 'Neo4j/6.0.0']) {
      expect(serverTooOld(agent)).toBeNull();
    }
  });

  it('refuses an older server and names the version it needs', () => {
    for (const agent of ['Neo4j/5.25.1', 'Neo4j/5.13.0', 'Neo4j/4.4.30']) {
      expect(serverTooOld(agent)).toMatch(new RegExp(`${agent.replace('.', '\\.')}.*5\\.26 or later`));
    }
  });

  it('lets a server whose agent carries no plain version through', () => {
    expect(serverTooOld(undefined)).toBeNull();
    expect(serverTooOld('Neo4j/aura')).toBeNull();
  });
});
