import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { leadAndRest, themeProfile } from '../../import/relate/theme-profile.ts';
import { themeMatcher } from '../../import/tag/rules/themes.ts';
import { documentContexts } from '../../import/pipeline.ts';

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

/** What themeProfile counted before it read the parts from the section's hits: the theme ids of the lead and of the rest. */
function partsByStrings(text: string, title: string): string[][] {
  const body = text.startsWith(title) ? text.slice(title.length) : text;
  const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim());
  return [paragraphs[0] ?? '', paragraphs.slice(1).join('\n\n'), body].map((t) => themeMatcher().hits(t).map((h) => h.theme.id));
}

function partsByRanges(text: string, title: string): string[][] | null {
  const bodyStart = text.startsWith(title) ? title.length : 0;
  const ranges = [...leadAndRest(text, bodyStart), bodyStart, text.length];
  return themeMatcher().hitsInRanges({}, text, ranges)?.map((hits) => hits.map((h) => h.theme.id)) ?? null;
}

describe('theme hits of a section part, read from the section', () => {
  const cases: [string, string][] = [
    ['Armoede', 'Armoede\n\nDe armoede in de wijk groeit.\n\n  \n\nSchuldhulpverlening helpt; eenzame ouderen.\n\n'],
    ['Eenzaamheid', 'Eenzaamheid\n\n\n\nEenzame ouderen in de wijk\n \nen jongeren met schulden\n\nWijkteams en mantelzorg.'],
    ['Titel', 'Titelwoord over armoede\n\nschulden'], // the title is not followed by a separator: its parts are read apart
    ['Zorg', 'Zorg\n\nİstanbul en armoede.\n\nSchulden.'], // a letter that lower-cases to two code units
    ['Jeugd', 'Jeugd\n\n#jeugdzorg en #armoede\n\n#mantelzorg'],
    ['Leeg', 'Leeg'],
    ['Een alinea', 'Een alinea\n\nAlleen armoede hier.'],
  ];
  it('gives the hits of the lead, the rest and the body as the parts themselves give them', () => {
    for (const [title, text] of cases) {
      const shared = partsByRanges(text, title);
      if (shared) expect([title, shared]).toEqual([title, partsByStrings(text, title)]);
    }
    expect(partsByRanges(cases[0][1], cases[0][0])).not.toBeNull();
    expect(partsByRanges(cases[2][1], cases[2][0])).toBeNull();
    expect(partsByRanges(cases[3][1], cases[3][0])).toBeNull();
  });

  it('gives the same hits on every section of the corpus', () => {
    const dir = join(import.meta.dirname, '..', '..', 'corpus');
    let shared = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      for (const ctx of documentContexts(f, readFileSync(join(dir, f), 'utf8'))) {
        const byRanges = partsByRanges(ctx.text, ctx.section.title);
        if (!byRanges) continue;
        shared++;
        expect(byRanges).toEqual(partsByStrings(ctx.text, ctx.section.title));
      }
    }
    expect(shared).toBeGreaterThan(100);
  });
});
