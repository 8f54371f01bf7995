import { describe, expect, it } from 'vitest';
import { EntityNames } from '../../import/resolve/evidence.ts';

const names = new EntityNames([
  { id: 'p', type: 'PERSON', name: 'Olaf de Wit', aliases: ['De Wit'] },
  { id: 'o', type: 'ORGANISATION', name: 'Stichting Buurtkracht', aliases: ['Buurtkracht'] },
  { id: 'v', type: 'ORGANISATION', name: 'Verwey-Jonker Instituut', aliases: [] },
  { id: 't', type: 'THEME', name: 'eenzaamheid', aliases: [] },
]);

describe('EntityNames.named', () => {
  it('finds a name or alias as whole words, folding case and diacritics', () => {
    expect(names.named('p', 'Volgens de wit is dat lastig.')).toBe(true);
    expect(names.named('p', 'Olaf werkt hard.')).toBe(false);
    expect(names.named('o', 'Hij werkt bij buurtkracht in Oost.')).toBe(true);
    expect(names.named('o', 'Buurtkrachten zijn nodig.')).toBe(false);
  });

  it('finds a theme by a word of its vocabulary, not by its label only', () => {
    expect(names.named('t', 'Veel eenzame ouderen bellen de lijn.')).toBe(true);
    expect(names.named('t', 'Veel ouderen bellen de lijn.')).toBe(false);
  });

  it('reads e-mail addresses: the domain names the organisation, the mailbox the person', () => {
    expect(names.named('v', 'Meer informatie: a.janssen@verwey-jonker.nl')).toBe(true);
    expect(names.named('p', 'Meer informatie: o.dewit@buurtkracht.nl')).toBe(true);
    expect(names.named('o', 'Meer informatie: o.dewit@buurtkracht.nl')).toBe(true);
    expect(names.named('p', 'Meer informatie: info@buurtkracht.nl')).toBe(false);
  });

  it('reads web addresses: the domain names the organisation, a word that merely ends in a domain does not', () => {
    expect(names.named('v', 'Te downloaden op www.verwey-jonker.nl/publicaties.')).toBe(true);
    expect(names.named('o', 'Lees meer op buurtkracht.nl')).toBe(true);
    expect(names.named('v', 'Te downloaden op www.movisie.nl/publicaties.')).toBe(false);
  });

  it('never names an unknown id', () => {
    expect(names.named('x', 'Olaf de Wit')).toBe(false);
  });
});
