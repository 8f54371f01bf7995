import { describe, expect, it } from 'vitest';
import { closesArticle, isHeadline, splitArticles, articleOfSection } from '../../import/segment/articles.ts';

const body = (n: number) => 'Dit is gewone tekst over het werk in de wijk. '.repeat(n);
const seg = (title: string, level: number, n = 40, tail = '') => ({ title, level, text: `${title}\n\n${body(n)}${tail}` });

describe('splitArticles', () => {
  it('markdown: a level-1 heading opens an article, its level-2 and level-3 sections belong to it', () => {
    const segments = [seg('Buurthuis De Linde opent de deuren', 1), seg('Vrijwilligers', 2), seg('Geld', 3), seg('Schuldhulp dichtbij huis', 1), seg('Cijfers', 2)];
    const articles = splitArticles(segments);
    expect(articles.map((a) => a.title)).toEqual(['Buurthuis De Linde opent de deuren', 'Schuldhulp dichtbij huis']);
    expect(articles.map((a) => a.sections)).toEqual([[0, 1, 2], [3, 4]]);
    expect(articleOfSection(articles, 5)).toEqual([0, 0, 0, 1, 1]);
  });

  it('markdown: under a bare masthead every item before the first article is an article of its own', () => {
    const segments = [{ title: 'WIJKBLAD', level: 1, text: 'WIJKBLAD\n\nNUMMER 3' }, seg('Nieuwe module over rouw', 2), seg('Kort: subsidie voor taalcafés', 2), seg('Het grote interview met de wethouder', 1), seg('Wijkaanpak', 2)];
    const articles = splitArticles(segments);
    expect(articles.map((a) => a.sections)).toEqual([[0], [1], [2], [3, 4]]);
  });

  it('text from PDF: short sub-headings, questions and sidebars continue; a headline or a contact box starts anew', () => {
    const segments = [
      seg('‘We moeten het samen doen in de wijk’', 0),
      seg('Enthousiast', 0),
      seg('Wat vraagt dat van de gemeente?', 0),
      seg('Over Jan de Wit', 0, 10, '\n\nMeer informatie: Jan de Wit (j.dewit@voorbeeld.nl)'),
      seg('Wijkteams', 0),
      seg('Mantelzorgers krijgen meer steun in Dorpstad', 0),
      seg('Respijt', 0),
    ];
    const articles = splitArticles(segments);
    expect(articles.map((a) => a.sections)).toEqual([[0, 1, 2, 3], [4], [5, 6]]);
  });

  it('a short document is one article', () => {
    const segments = [seg('Een korte pagina over eenzaamheid', 1, 5), seg('Nog een kop op de pagina', 1, 5)];
    expect(splitArticles(segments).map((a) => a.sections)).toEqual([[0, 1]]);
  });

  it('knows headlines and closing marks', () => {
    expect(isHeadline('Samen sterk tegen armoede in Oost')).toBe(true);
    expect(isHeadline('‘Ik ben trots op ons team’')).toBe(true);
    expect(isHeadline('Aanpak')).toBe(false);
    expect(isHeadline('Hoe pakken jullie dat aan in de wijk?')).toBe(false);
    expect(isHeadline('Over de auteur en haar werk')).toBe(false);
    expect(closesArticle('… tot slot.\n\nMeer informatie: Piet Bakker')).toBe(true);
    expect(closesArticle('… tot slot.\n\nDoor Karin de Boer')).toBe(true);
    expect(closesArticle('Door de drukte kwam niemand.')).toBe(false);
  });
});
