/**
 * Municipalities: every Dutch municipality of the gazetteer, printed as its name, an alias, an
 * adjective ("Amsterdamse", "Rijswijkse") or a name merged away since 2000 (which lands on its
 * successor, the old name kept as alias). A capitalised form counts unless its context says
 * otherwise ("provincie Utrecht", "mevrouw Van Houten"). Forms that are also ordinary words or
 * villages (Best, Putten, Ede, Kessel) count only with a cue: "gemeente Best", "wethouder van
 * Best", "in Best", or a list with other municipalities ("Blaricum, Eemnes en Laren").
 * Places inside names count too ("Hogeschool Rotterdam"): the text names the city.
 * Neighbourhoods printed as "Tilburg-Noord" name their municipality.
 */
import type { EntityMention, MentionExtractor, SectionContext } from '../../model.ts';
import { capitalisedWords } from './municipality/words.ts';
import { extendNamePrefix } from './gazetteer-prefix.ts';
import { headKind } from './org/heads.ts';
import { foldForm, municipalityIndex, type MunicipalityForm, type MunicipalityIndex } from './municipality/index-data.ts';
import { blocksNameStart, contextBefore, isProvinceContext, isSentenceInitial, isSurnameContext } from './municipality/context.ts';
import { charAt } from '../../text-at.ts';
import { emptyList } from '../../packed.ts';

interface Candidate {
  form: MunicipalityForm;
  start: number;
  end: number;
  accepted: boolean;
  /** An ambiguous form may still be accepted when it stands in a list with accepted ones. */
  listable: boolean;
}

const LIST_GAP = /^\s*(?:,|,? en|,? of|\/|&|,? en de gemeente|,? en gemeente)\s*$/;

function isCapitalised(printed: string): boolean {
  const c = printed.replace(/^['’‘]s-/, '').charAt(0);
  return c !== '' && c === c.toUpperCase() && c !== c.toLowerCase();
}

function isAllCaps(printed: string): boolean {
  return printed.length > 2 && printed === printed.toUpperCase() && /\p{Lu}{3}/u.test(printed);
}

function pickForm(forms: MunicipalityForm[]): MunicipalityForm | null {
  // one municipality, or several forms of the same one: take it; two different ones ("Bergen"): undecidable
  const first = forms[0];
  return forms.every((f) => f.municipality === first.municipality) ? first : null;
}

/** The next word of a multi-word form: one space, or a comma and a space, before it. */
const NEXT_WORD = /(?: |, )(?:['’‘]s-)?[\p{L}\p{M}][\p{L}\p{M}\d]*(?:[-'’/.][\p{L}\p{M}\d]+)*/uy;

function findCandidates(text: string, index: MunicipalityIndex): Candidate[] {
  const out: Candidate[] = [];
  const ends: number[] = [];
  const keys: string[] = []; // folded form of the first n + 2 words
  const { spans, count, lower } = capitalisedWords(text);
  let skipTo = 0;
  for (let w = 0; w < count; w++) {
    const start = spans[2 * w];
    const wEnd = spans[2 * w + 1];
    if (start < skipTo) continue;
    // "’s-Hertogenbosch" and "‘s-Hertogenbosch" are looked up as "'s-hertogenbosch"
    const folded = lower[w].charCodeAt(0) === 0x2019 || lower[w].charCodeAt(0) === 0x2018 ? foldForm(lower[w]) : lower[w];
    const dashAt = folded.indexOf('-', 3);
    const beginsLonger = index.firstWords.get(folded);
    const whole = beginsLonger !== undefined;
    if (!whole && !(dashAt > 0 && index.firstWords.has(folded.slice(0, dashAt)))) continue;
    let matched = false;
    if (whole) {
      if (beginsLonger) extendNamePrefix(text, start, wEnd, index, NEXT_WORD, foldForm, ends, keys);
      else {
        ends.length = 0;
        ends.push(wEnd);
      }
      for (let n = ends.length; n >= 1 && !matched; n--) {
        const printed = text.slice(start, ends[n - 1]);
        const forms = index.forms.get(n === 1 ? folded : keys[n - 2]);
        if (!forms) continue;
        const form = pickForm(forms);
        matched = true;
        if (!form || !isCapitalised(printed) || isAllCaps(printed)) break;
        out.push({ form, start, end: ends[n - 1], accepted: false, listable: true });
        skipTo = ends[n - 1];
      }
    }
    // "Tilburg-Noord", "Amsterdam-West": a district printed with its municipality
    if (!matched && folded.includes('-')) {
      const head = folded.slice(0, folded.indexOf('-'));
      const forms = index.forms.get(head);
      const form = forms && pickForm(forms);
      const tail = text.slice(start + head.length + 1, wEnd);
      const printed = text.slice(start, start + head.length);
      if (form && form.kind !== 'adjective' && /^\p{Lu}/u.test(tail) && isCapitalised(printed) && !isAllCaps(printed)) {
        out.push({ form, start, end: start + head.length, accepted: false, listable: false });
      }
    }
  }
  return out;
}

/** "Doorn: ‘…’", "Vaals zegt": a speaker, so a surname. */
const SPEAKER_AFTER = /^(?::\s*[‘'“"]|,?\s+(?:zegt|zei|vertelt|vertelde|legt uit|benadrukt|vindt|vond|aldus|lacht|stelt)\b)/;

function decide(text: string, c: Candidate): boolean {
  const after = charAt(text, c.end);
  if (c.form.kind !== 'adjective' && SPEAKER_AFTER.test(text.slice(c.end, c.end + 20)) && contextBefore(text, c.start) === 'none') return false;
  if (after === '-' && c.form.kind === 'adjective') return false;
  if (isProvinceContext(text, c.start)) return false;
  if (c.form.kind !== 'adjective' && isSurnameContext(text, c.start)) return false;
  const ctx = contextBefore(text, c.start);
  if (c.form.kind === 'merged' && c.form.ambiguous) return ctx === 'body'; // "Kessel" is a village now, "gemeente Kessel" the old body
  if (!c.form.ambiguous) return true;
  if (ctx !== 'none') return true;
  // the place in an organisation name: "Christelijke Hogeschool Ede", "Bibliotheek Putten"
  const before = /(\p{Lu}[\p{L}-]+) $/u.exec(text.slice(Math.max(0, c.start - 30), c.start));
  return !!before && headKind(before[1]) !== null;
}

/** Ambiguous forms in a list with accepted municipalities: "Blaricum, Eemnes en Laren". */
function propagateLists(text: string, cands: Candidate[]): void {
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (let k = 0; k < cands.length; k++) {
      const c = cands[k];
      if (c.accepted || !c.listable || !c.form.ambiguous || c.form.kind === 'merged' && c.form.ambiguous) continue;
      if (isSentenceInitial(text, c.start) && contextBefore(text, c.start) === 'none') {
        // a list may start a sentence, but then its next member must follow right away
      }
      const prev = cands[k - 1];
      const next = cands[k + 1];
      const joinedPrev = prev && prev.accepted && LIST_GAP.test(text.slice(prev.end, c.start));
      const joinedNext = next && next.accepted && LIST_GAP.test(text.slice(c.end, next.start));
      if (joinedPrev || joinedNext) {
        c.accepted = true;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

const GEMEENTE_UNKNOWN = /[Gg]emeente (\p{Lu}[\p{Ll}\p{M}]{3,}(?:-\p{Lu}[\p{Ll}\p{M}]+)?)(?![\p{L}\p{M}-])/gu;
/** Words that may follow "gemeente" with a capital without being a name (sentence starts after a lost full stop, headings). */
const NOT_A_NAME = new Set(['zorg', 'werk', 'jeugd', 'wonen', 'welzijn', 'beleid', 'samen', 'door', 'maar', 'want', 'omdat', 'ook', 'daar', 'deze', 'die', 'dat', 'het', 'een', 'wij', 'zij', 'hier', 'toen', 'wel', 'niet', 'alle', 'elke', 'iedere', 'onze', 'hun', 'haar', 'zijn', 'mijn', 'jouw', 'uw', 'wat', 'hoe', 'waar', 'wie', 'sinds', 'vanaf', 'tot', 'voor', 'na', 'met', 'zonder', 'over', 'onder', 'tussen', 'binnen', 'buiten', 'vooral', 'soms', 'vaak', 'nu', 'dan', 'als', 'dus', 'toch', 'nog', 'zo', 'meer', 'minder', 'veel', 'weinig', 'daarom', 'daarnaast', 'bovendien', 'inwoners', 'gemeenten', 'gemeente', 'sociaal', 'sociale']);

/** "gemeente X" for a name the gazetteer does not list (a municipality merged away before 2000, a misspelling). */
function unknownAfterGemeente(text: string, index: MunicipalityIndex, taken: Candidate[]): EntityMention[] {
  const out: EntityMention[] = [];
  GEMEENTE_UNKNOWN.lastIndex = 0;
  for (let m = GEMEENTE_UNKNOWN.exec(text); m; m = GEMEENTE_UNKNOWN.exec(text)) {
    if (m.index > 0 && blocksNameStart(text.charCodeAt(m.index - 1))) continue;
    const name = m[1];
    const start = m.index + m[0].length - name.length;
    if (taken.some((c) => c.start <= start && c.end > start)) continue;
    if (index.forms.has(foldForm(name)) || NOT_A_NAME.has(name.toLowerCase())) continue;
    const next = text.slice(start + name.length, start + name.length + 20);
    if (/^ \p{Lu}/u.test(next)) continue; // part of a longer capitalised run (a heading, an organisation)
    out.push({ type: 'MUNICIPALITY', name, surface: name, start, end: start + name.length, props: { province: null, cbsCode: null } });
  }
  return out;
}

let memo: { text: string; index: MunicipalityIndex; result: EntityMention[] } | null = null;

/** The municipality mentions of a text; the last result is kept because the organisation extractor and linker ask again. */
export function findMunicipalities(text: string, index: MunicipalityIndex = municipalityIndex()): EntityMention[] {
  if (memo && memo.text === text && memo.index === index) return copies(memo.result);
  const result = computeMunicipalities(text, index);
  memo = { text, index, result };
  return copies(result);
}

/** Copies of the mentions (callers may change them), in a list of one array kind (import/packed.ts). */
function copies(mentions: EntityMention[]): EntityMention[] {
  const out = emptyList<EntityMention>();
  for (const m of mentions) out.push({ ...m });
  return out;
}

function computeMunicipalities(text: string, index: MunicipalityIndex): EntityMention[] {
  const cands = findCandidates(text, index);
  for (const c of cands) c.accepted = decide(text, c);
  propagateLists(text, cands);
  const out: EntityMention[] = [];
  for (const c of cands) {
    if (!c.accepted) continue;
    const m = c.form.municipality;
    const surface = text.slice(c.start, c.end);
    const mention: EntityMention = {
      type: 'MUNICIPALITY',
      name: m.name,
      surface,
      start: c.start,
      end: c.end,
      props: { province: m.province, cbsCode: m.cbsCode },
    };
    if (c.form.kind === 'merged' || c.form.kind === 'alias') mention.aliases = [c.form.printed];
    out.push(mention);
  }
  out.push(...unknownAfterGemeente(text, index, cands));
  return out.sort((a, b) => a.start - b.start);
}

const bySection = new WeakMap<object, { text: string; mentions: EntityMention[] }>();

/**
 * The municipality mentions of a section, computed once: the organisation extractor and linker
 * need them too (cached per section object, so the pipeline's contexts share one result).
 */
export function sectionMunicipalities(ctx: SectionContext): EntityMention[] {
  const hit = bySection.get(ctx.section);
  if (hit && hit.text === ctx.text) return copies(hit.mentions);
  const mentions = findMunicipalities(ctx.text);
  bySection.set(ctx.section, { text: ctx.text, mentions });
  return copies(mentions);
}

export const extractMunicipalities: MentionExtractor = (ctx: SectionContext) => sectionMunicipalities(ctx);
