/** The link format of the explorer: what goes into the URL comes back out unchanged. */
import { describe, expect, it } from 'vitest';
import { formatState, parseState } from '../../client/src/state/url.ts';
import { defaultState } from '../../client/src/state/app-state.ts';

describe('explorer URL state', () => {
  it('round-trips an explore view with expansions, hidden nodes, selection and filters', () => {
    const state = {
      ...defaultState(),
      focus: 'person:kim-putters',
      expanded: ['organisation:scp', 'theme:eenzaamheid'],
      hidden: ['municipality:den-haag'],
      selected: 'organisation:scp',
      types: ['PERSON', 'ORGANISATION'] as const,
      minWeight: 1.5,
    };
    const link = formatState({ ...state, types: [...state.types] });
    expect(link).toContain('focus=person:kim-putters');
    expect(link).toContain('uitgebreid=organisation:scp,theme:eenzaamheid');
    expect(parseState(link)).toEqual({ ...state, types: [...state.types] });
  });

  it('keeps only the keys of the current view and leaves defaults out', () => {
    const link = formatState({ ...defaultState(), view: 'themas', theme: 'theme:armoede', focus: 'person:x', from: 'a', to: 'b' });
    expect(link).toBe('?weergave=themas&thema=theme:armoede');
  });

  it('ignores what it does not know instead of failing', () => {
    const state = parseState('?weergave=onzin&typen=PERSON,KAT&sterkte=-3&uitgebreid=,,a,a');
    expect(state.view).toBe('verkennen');
    expect(state.types).toEqual(['PERSON']);
    expect(state.minWeight).toBe(0);
    expect(state.expanded).toEqual(['a']);
  });

  it('encodes ids with characters that would break the query string', () => {
    const state = { ...defaultState(), focus: 'programme:a&b=c#d', selected: 'person:é ü' };
    expect(parseState(formatState(state))).toEqual(state);
  });
});

describe('explorer URL state: passages and paths', () => {
  it('round-trips a passage search and a path that avoids themes and hubs', () => {
    const passages = { ...defaultState(), view: 'fragmenten' as const, query: 'eenzame ouderen' };
    expect(parseState(formatState(passages))).toEqual(passages);
    const path = { ...defaultState(), view: 'verbinding' as const, from: 'person:a', to: 'person:b', avoidThemes: true, avoidHubs: true };
    const link = formatState(path);
    expect(link).toContain('zonder-themas=1');
    expect(parseState(link)).toEqual(path);
  });
});
