/** Entity-search ranking and passage marking (pure): what people type finds what they mean. */
import { describe, expect, it } from 'vitest';
import { rankCandidates, type Candidate } from '../../graph/queries/search-rank.ts';
import { searchClauses, searchTerms } from '../../graph/queries/search.ts';
import { markPassage } from '../../graph/text/highlight.ts';
import { passageLuceneQuery, passageTerms } from '../../graph/queries/passages.ts';
import type { EntityRow } from '../../graph/queries/model.ts';

const entity = (id: string, type: EntityRow['type'], name: string, aliases: string[] = [], mentionCount = 1): EntityRow =>
  ({ id, type, name, aliases, mentionCount });
const candidate = (e: EntityRow, indexScore = 5, indexTerms = [0]): Candidate => ({ entity: e, indexScore, indexTerms });
const rank = (query: string, candidates: Candidate[]) => rankCandidates(searchTerms(query), candidates).map((h) => h.entity.id);

describe('entity search ranking', () => {
  it('puts the entity whose whole name is the query first, above longer names with a higher index score', () => {
    const ids = rank('eenzaamheid', [
      candidate(entity('p1', 'PROGRAMME', 'Verbinden met eenzaamheid', [], 9), 27),
      candidate(entity('o1', 'ORGANISATION', 'Amsterdams Netwerk Eenzaamheid', [], 9), 26.5),
      candidate(entity('t1', 'THEME', 'eenzaamheid', ['eenzaam', 'sociaal isolement']), 26),
    ]);
    expect(ids[0]).toBe('t1');
  });

  it('ranks entities matching all words before those matching some, in any word order', () => {
    const ids = rank('amsterdam wijkteams', [
      candidate(entity('m', 'MUNICIPALITY', 'Amsterdam', [], 50), 20, [0]),
      candidate(entity('w', 'PROGRAMME', 'Wijkteams Amsterdam-Noord'), 3, [0, 1]),
      candidate(entity('x', 'THEME', 'wijkteams en sociale basis'), 10, [1]),
    ]);
    expect(ids[0]).toBe('w');
    expect(ids).toHaveLength(3);
  });

  it('counts a Dutch stem as a match: "eenzame ouderen" matches eenzaamheid and ouderen', () => {
    const ids = rank('eenzame ouderen', [
      candidate(entity('t1', 'THEME', 'eenzaamheid'), 2, [0]),
      candidate(entity('t2', 'THEME', 'ouderen'), 2, [1]),
      candidate(entity('n', 'PERSON', 'Nobody Matches'), 1, []),
    ]);
    expect(ids.sort()).toEqual(['t1', 't2']);
  });

  it('prefers a whole word over a prefix over a typo', () => {
    const ids = rank('zorg', [
      candidate(entity('typo', 'THEME', 'zorf')),
      candidate(entity('prefix', 'THEME', 'zorgverzekeraar')),
      candidate(entity('word', 'THEME', 'informele zorg')),
    ]);
    expect(ids).toEqual(['word', 'prefix', 'typo']);
  });

  it('queries both indexes per word, never with query syntax from the input', () => {
    const clauses = searchClauses(searchTerms('wijk* OR "team"'));
    expect(clauses.map((c) => c.term)).toEqual([0, 0, 2, 2]);
    for (const c of clauses) expect(c.query).not.toMatch(/"|\bOR\b.*\bOR\b.*\bOR\b.*\bOR\b/);
  });
});

describe('passage search', () => {
  it('builds any-word, all-words-boosted and phrase clauses from plain words only', () => {
    expect(passageTerms('Eenzame ouderen!')).toEqual(['eenzame', 'ouderen']);
    expect(passageLuceneQuery(['eenzame', 'ouderen'])).toBe('eenzame OR ouderen OR (+eenzame +ouderen)^4 OR "eenzame ouderen"~8^2');
    expect(passageLuceneQuery([])).toBeNull();
    expect(passageLuceneQuery(passageTerms('a:b (c)'))).not.toMatch(/:|\(c\)/);
  });

  it('marks the words of the query and their Dutch forms, in the window with most of them', () => {
    const text = 'Een lange inleiding over iets anders. '.repeat(20) + 'Veel ouderen kampen met eenzaamheid; eenzame mensen zoeken contact.';
    const marked = markPassage(text, ['eenzame', 'ouderen'], 120);
    expect(marked.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['ouderen', 'eenzaamheid', 'eenzame']);
    expect(marked.snippet.startsWith('…')).toBe(true);
    expect(marked.parts.map((p) => p.text).join('')).toBe(marked.snippet);
    expect(marked.matched).toEqual(['ouderen', 'eenzaamheid', 'eenzame']);
  });
});
