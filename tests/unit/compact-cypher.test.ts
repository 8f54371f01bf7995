/** The query text the API sends (graph/queries/run.ts): comments and white space go, literals stay. */
import { describe, expect, it } from 'vitest';
import { stripCypher } from '../../graph/queries/run.ts';
import { NEIGHBOURHOOD } from '../../graph/queries/subgraph.ts';

describe('stripCypher', () => {
  it('drops line and block comments and folds white space', () => {
    const text = `
      MATCH (n:Entity {id: $id}) // the start
      /* a block
         comment */
      WITH n
        RETURN   n.id AS id`;
    expect(stripCypher(text)).toBe('MATCH (n:Entity {id: $id}) WITH n RETURN n.id AS id');
  });

  it('keeps string literals and quoted names as they are, comment markers and escapes included', () => {
    const text = `RETURN 'a // b  c' AS x,  "d /* e */ \\" f" AS y, \`g  // h\` AS z // gone`;
    expect(stripCypher(text)).toBe(`RETURN 'a // b  c' AS x, "d /* e */ \\" f" AS y, \`g  // h\` AS z`);
  });

  it('keeps every token of a real query, in order', () => {
    const tokens = (s: string) => s.replace(/\/\/[^\n]*/g, ' ').split(/\s+/).filter(Boolean);
    const compact = stripCypher(NEIGHBOURHOOD);
    expect(compact.length).toBeLessThan(NEIGHBOURHOOD.length * 0.75);
    expect(tokens(compact)).toEqual(tokens(NEIGHBOURHOOD));
  });
});
