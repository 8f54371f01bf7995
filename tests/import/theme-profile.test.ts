import { describe, expect, it } from 'vitest';
import { themeProfile } from '../../import/relate/theme-profile.ts';

const label = (p: ReturnType<typeof themeProfile>) => p.map((t) => t.theme.label);

describe('themeProfile', () => {
  it('folds compounds and inflections: armoedebeleid, schuldhulpverlening, eenzame', () => {
    const p = themeProfile({
      title: 'Het nieuwe armoedebeleid van Dorpstad',
      sections: [{ title: 'Het nieuwe armoedebeleid van Dorpstad', text: 'Het nieuwe armoedebeleid van Dorpstad\n\nDe gemeente kiest voor vroegsignalering.\n\nArmoede raakt gezinnen. De schuldhulpverlening wordt uitgebreid en minima krijgen een extra toeslag. Ook armoedebestrijding op school hoort erbij.' }],
    });
    expect(label(p)[0]).toBe('armoede en schulden');
    expect(p[0].weight).toBe(1);
    const q = themeProfile({ title: 'Eenzame ouderen', sections: [{ title: 'Eenzame ouderen', text: 'Eenzame ouderen\n\nVeel mensen zijn eenzaam. Eenzaamheid komt vaak voor.' }] });
    expect(label(q)).toContain('eenzaamheid');
  });

  it('weighs the title and lead above the body, and keeps only the main themes', () => {
    const p = themeProfile({
      title: 'Mantelzorgers aan het woord',
      sections: [{
        title: 'Mantelzorgers aan het woord',
        text: 'Mantelzorgers aan het woord\n\nMantelzorg is zwaar werk, zeggen drie mantelzorgers.\n\nZe vertellen over respijtzorg. Soms gaat het over armoede.',
      }],
    });
    expect(label(p)[0]).toBe('informele zorg en mantelzorg');
    expect(label(p)).not.toContain('armoede en schulden');
  });

  it('gives nothing for an article without vocabulary words', () => {
    expect(themeProfile({ title: 'Het weer', sections: [{ title: 'Het weer', text: 'Het weer\n\nHet regende de hele dag.' }] })).toEqual([]);
  });
});
