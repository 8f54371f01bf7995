/**
 * Shape of a programme name in Dutch running text: capitalised tokens, optionally joined by
 * short lower-case function words ("Jong in Amersfoort", "Kunst op Recept").
 */

/** One capitalised token: "Kwaliteitskompas", "K!X", "CO-TRAIN", "B.Slim", "MDA++", "3Noord", "Sense-spreekuur". */
export const TOKEN = String.raw`(?:[A-ZÀ-ÖØ-Þ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9]*(?:[-!.&'’][A-Za-zÀ-ÖØ-öø-ÿ0-9]+)*\+*!?)`;

/** Function words allowed inside a name, only when a capitalised token follows. */
export const CONNECTORS = ['in', 'op', 'met', 'voor', 'van', 'de', 'der', 'den', 'het', 'aan', 'bij', 'naar', 'tot', 'zonder', 'om', 'uit', 'over', 'te', 'tegen', 'door', '&'];
const CONN = `(?:${CONNECTORS.join('|')})`;

/** A capitalised name of 1..6 tokens. */
export const NAME = String.raw`${TOKEN}(?:[ \t]+(?:${CONN}[ \t]+){0,2}${TOKEN}){0,5}`;

/** Words that start a capitalised run but are ordinary sentence words, never a programme name on their own. */
export const FUNCTION_WORDS = new Set([
  'de', 'het', 'een', 'en', 'of', 'in', 'op', 'met', 'voor', 'van', 'aan', 'bij', 'naar', 'tot', 'om', 'uit', 'over',
  'dit', 'dat', 'deze', 'die', 'wat', 'wie', 'hoe', 'waar', 'wij', 'we', 'ik', 'je', 'jij', 'u', 'zij', 'ze', 'hij',
  'ook', 'maar', 'als', 'zo', 'dan', 'nu', 'er', 'niet', 'wel', 'alle', 'veel', 'meer', 'ons', 'onze', 'hun', 'zijn',
  'mijn', 'jouw', 'uw', 'haar', 'daar', 'hier', 'toen', 'want', 'dus', 'nog', 'al', 'door', 'na', 'sinds', 'tijdens',
  'lees', 'kijk', 'meer', 'informatie', 'zie', 'pag', 'p',
]);

/** Laws and regulations are not programmes (Wmo 2015, Jeugdwet, Participatiewet, AOW). */
const LAW = /^(?:(?:de\s+)?(?:wmo|awbz|aow|wlz|wsw|zvw|wpg)(?:\s*\d{4})?|.*wet(?:\s+\d{4})?|wet\s.*|verdrag.*|.*-verdrag.*)$/iu;

export function isLawName(name: string): boolean {
  return LAW.test(name.trim());
}

/** What cleanName changes: markup, white space other than one space, and (at the ends) quotes, brackets, punctuation. */
const UNCLEAN_INSIDE = /[*_[\]]|[^\S ]| {2}/;
const UNCLEAN_FIRST = /[\s"'‘’“”(]/u;
const UNCLEAN_LAST = /[\s"'‘’“”),;:.]/u;

/** Strip a leading article and surrounding punctuation/markup from a candidate name. */
export function cleanName(raw: string): string {
  // most names are clean already: skip the five passes over them
  if (raw === '' || (!UNCLEAN_FIRST.test(raw[0]) && !UNCLEAN_LAST.test(raw[raw.length - 1]) && !UNCLEAN_INSIDE.test(raw))) return raw;
  return raw
    .replace(/[*_[\]]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'‘’“”(]+|[\s"'‘’“”),;:]+$/gu, '')
    .replace(/[.]+$/u, (m) => (m.length >= 3 ? m : ''))
    .trim();
}

export function stripArticle(name: string): string {
  return name.replace(/^(?:de|het|een)\s+(?=\S)/iu, '');
}

/** Normalised key for de-duplication: case, diacritics and punctuation folded. */
const keyCache = new Map<string, string>();

export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    if (keyCache.size > 50000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  return stripArticle(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#+]+/g, ' ')
    .trim();
}
