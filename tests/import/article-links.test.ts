import { describe, expect, it } from 'vitest';
import { actorRole, mentionRole } from '../../import/relate/article-links.ts';
import { extractDocument } from '../../import/pipeline.ts';
import type { EntityMention } from '../../import/model.ts';

const at = (text: string, name: string, from = 0): EntityMention => {
  const start = text.indexOf(name, from);
  return { type: 'PERSON', name, surface: name, start, end: start + name.length };
};

describe('mentionRole', () => {
  it('reads contact boxes, bylines, picture credits and attributed quotes', () => {
    const t = 'Tekst loopt hier.\n\nMeer informatie: Ali Demir (a.demir@buurtkracht.nl)';
    expect(mentionRole(t, at(t, 'Ali Demir'))).toBe('contact');
    const b = 'Door Karin de Boer en Piet Smit\n\nHet buurthuis is open.';
    expect(mentionRole(b, at(b, 'Karin de Boer'))).toBe('author');
    expect(mentionRole(b, at(b, 'Piet Smit'))).toBe('author');
    const f = 'Foto: Lotte Maas\n\nHet buurthuis is open.';
    expect(mentionRole(f, at(f, 'Lotte Maas'))).toBe('photographer');
    const g = 'Het plein in Oost (foto Beeldbank Noord/Lotte Maas).';
    expect(mentionRole(g, at(g, 'Lotte Maas'))).toBe('photographer');
    const two = 'Meer informatie: Ali Demir (a.demir@buurtkracht.nl of 06 12 34 56 78) of Sanne Bos (s.bos@buurtkracht.nl).';
    expect(mentionRole(two, at(two, 'Sanne Bos'))).toBe('contact');
    const q = 'Jan Smit: ‘Mantelzorgers hebben rust nodig.’';
    expect(mentionRole(q, at(q, 'Jan Smit'))).toBe('quoted');
    const z = 'Dat is belangrijk, zegt Jan Smit.';
    expect(mentionRole(z, at(z, 'Jan Smit'))).toBe('quoted');
    const c = 'Zie ook: Piet de Graaf (2019). Samen in de wijk.';
    expect(mentionRole(c, at(c, 'Piet de Graaf'))).toBe('cited');
    const caption = 'Foto voorpagina: eerbetoon aan Ajax-voetballer Kees Smit en zijn familie.';
    expect(mentionRole(caption, at(caption, 'Kees Smit'))).toBe('photographer');
    const plain = 'Gisteren sprak Jan Smit in de raad.';
    expect(mentionRole(plain, at(plain, 'Jan Smit'))).toBeNull();
  });

  it('ranks roles: contact and interviewee above quoted, author and a single mention', () => {
    const none = new Set<never>();
    expect(actorRole({ type: 'PERSON', count: 1, roles: new Set(['contact']) }, false)).toBe('contact');
    expect(actorRole({ type: 'PERSON', count: 3, roles: none }, false)).toBe('interviewee');
    expect(actorRole({ type: 'PERSON', count: 1, roles: none }, true)).toBe('interviewee');
    expect(actorRole({ type: 'PERSON', count: 1, roles: new Set(['author']) }, false)).toBe('author');
    expect(actorRole({ type: 'PERSON', count: 1, roles: new Set(['introduced']) }, false)).toBe('mentioned');
    // a bare name in a list, or a cited author, takes no theme from the article
    expect(actorRole({ type: 'PERSON', count: 1, roles: none }, false)).toBeNull();
    expect(actorRole({ type: 'PERSON', count: 1, roles: new Set(['cited']) }, false)).toBeNull();
    expect(actorRole({ type: 'PROGRAMME', count: 1, roles: none }, false)).toBeNull();
    expect(actorRole({ type: 'PERSON', count: 1, roles: new Set(['photographer']) }, false)).toBeNull();
    expect(actorRole({ type: 'ORGANISATION', count: 1, roles: none }, false)).toBeNull();
    expect(actorRole({ type: 'PROGRAMME', count: 1, roles: none }, true)).toBe('portrayed');
  });
});

const MAGAZINE = `# Respijt voor mantelzorgers in Dorpstad

Door Karin de Boer

Mantelzorgers in Dorpstad krijgen vaker een adempauze. Het project Even Rust biedt respijtzorg aan wie lang voor een naaste zorgt.

Jan Smit, coördinator bij Stichting Buurtkracht, ziet het verschil. ‘Veel mantelzorgers lopen op hun tenen,’ zegt Smit.

## Vrijwilligers

Vrijwilligers nemen de zorg een middag over. Smit: ‘Zo kan de mantelzorger even weg.’ Ook Lotte Maas kwam een keer kijken. Mieke Hoekstra, wijkverpleegkundige, ziet het ook.

De mantelzorg in de wijk is zwaar, en Even Rust helpt daarbij. Mantelzorgers waarderen de steun.

${'Wie zorgt, heeft soms ook zelf steun nodig. '.repeat(80)}

Meer informatie: Ali Demir (a.demir@buurtkracht.nl)

# Eenzaamheid onder jongeren

Eenzaamheid is niet alleen iets van ouderen. Veel jongeren voelen zich eenzaam, blijkt uit een peiling. Scholen willen eenzaamheid bespreekbaar maken en jongeren die zich eenzaam voelen sneller helpen. ${'Dit is een zin over de school en de klas. '.repeat(60)}
`;

describe('article links end to end (invented magazine)', () => {
  const result = extractDocument('invented.md', MAGAZINE);
  const byId = new Map(result.entities.map((e) => [e.id, e]));
  const worksOn = (person: string) =>
    result.relations.filter((r) => r.type === 'WORKS_ON' && byId.get(r.from)?.name === person).map((r) => ({ theme: byId.get(r.to)!.name, r }));

  it('splits the magazine into two articles and records each section\'s article', () => {
    expect(result.document.articles?.map((a) => a.title)).toEqual(['Respijt voor mantelzorgers in Dorpstad', 'Eenzaamheid onder jongeren']);
    for (const s of result.document.sections) expect(s.articleId).toMatch(/#a[12]$/);
  });

  it('the interviewee, the contact and the author work on the article\'s main theme; the theme of the next article is not theirs', () => {
    for (const person of ['Jan Smit', 'Ali Demir', 'Karin de Boer']) {
      const links = worksOn(person);
      expect(links.map((l) => l.theme), person).toContain('informele zorg en mantelzorg');
      expect(links.map((l) => l.theme), person).not.toContain('eenzaamheid');
    }
    const weight = (p: string) => worksOn(p).find((l) => l.theme === 'informele zorg en mantelzorg')!.r.weight;
    expect(weight('Jan Smit')).toBeGreaterThan(weight('Karin de Boer'));
    expect(weight('Ali Demir')).toBeGreaterThan(weight('Karin de Boer'));
  });

  it('someone named once takes the article\'s first theme only when the article says who she is', () => {
    expect(worksOn('Mieke Hoekstra').map((l) => l.theme)).toEqual(['informele zorg en mantelzorg']);
    expect(worksOn('Lotte Maas')).toEqual([]);
  });

  it('article-level evidence says so: kind ARTICLE, the article, and a passage that names the person', () => {
    const [demir] = worksOn('Ali Demir');
    const ev = demir.r.evidence.find((e) => e.kind === 'ARTICLE')!;
    expect(ev.articleId).toBe(result.document.articles![0].id);
    expect(ev.quote).toContain('Ali Demir');
  });

  it('every sentence-level quote names both ends; every article-level quote names the source', () => {
    for (const r of result.relations) {
      const from = byId.get(r.from)!;
      for (const e of r.evidence) {
        const q = e.quote.toLowerCase();
        const namesFrom = [from.name, ...from.aliases].some((n) => q.includes(n.toLowerCase())) || q.includes('@');
        expect(namesFrom, `${r.type} ${from.name}: ${e.quote}`).toBe(true);
        expect(e.kind === 'SENTENCE' || e.kind === 'ARTICLE').toBe(true);
      }
    }
  });
});
